"""Embedded event store: append-only Parquet batches read through an in-memory DuckDB."""
from .export import FORMATS as EXPORT_FORMATS
from .export import GDELT_COLUMNS
from .store import BatchInfo, EventFilter, Store, StoreError, StoreLockedError, StoreWriter

__all__ = ["BatchInfo", "EventFilter", "EXPORT_FORMATS", "GDELT_COLUMNS", "Store", "StoreError",
           "StoreLockedError", "StoreWriter"]
