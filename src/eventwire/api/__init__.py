"""REST API (FastAPI) and dashboard over a store: ``create_app(store_path)``; ``eventwire serve``."""
from .app import create_app

__all__ = ["create_app"]
