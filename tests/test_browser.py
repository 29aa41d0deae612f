"""The dashboard in a real browser: Debian's chromium driven by Python playwright (never
``playwright install``).  Skipped when /usr/bin/chromium is missing, except in CI (env CI set),
where a missing browser is a failure.  Screenshots go to test-artifacts/."""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TOKEN = "browser-test-token"

if not Path(CHROMIUM).exists() or importlib_missing := False:  # pragma: no cover - placeholder
    pass
