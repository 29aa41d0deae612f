"""Shared fixtures: a store built by ingesting the seed articles, and a live API server."""
from __future__ import annotations

import shutil
import socket
import threading
import time
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED_DE = ROOT / "examples" / "seed_de_dayfr.txt"
SEED_EN = ROOT / "examples" / "seed_en.txt"


@pytest.fixture(scope="session")
def seed_store_path(tmp_path_factory) -> Path:
    """A store holding the German seed and its English counterpart (built once; do not write to it)."""
    from eventwire.pipeline import ingest
    from eventwire.store import Store

    path = tmp_path_factory.mktemp("seed-store") / "store"
    store = Store(path)
    ingest([str(SEED_DE)], store, language="de", published=date(2024, 10, 8))
    ingest([str(SEED_EN)], store, language="en", published=date(2024, 10, 8))
    return path


@pytest.fixture
def store_copy(seed_store_path, tmp_path) -> Path:
    """A private copy of the seed store that a test may write to."""
    dst = tmp_path / "store"
    shutil.copytree(seed_store_path, dst, ignore=shutil.ignore_patterns(".lock"))
    return dst


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving ``create_app(store)`` on a free loopback port, in a thread."""

    def __init__(self, store_path: Path):
        import uvicorn

        from eventwire.api import create_app

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.app = create_app(store_path)
        self.server = uvicorn.Server(uvicorn.Config(self.app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", access_log=False))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(10)


@pytest.fixture(scope="session")
def live_server_factory():
    """Start a live server for a store path: ``with live_server_factory(path) as srv: srv.url``."""
    return LiveServer
