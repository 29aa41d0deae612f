"""Helpers shared by the dataset evaluations: locating ../shared/eval, reading JSONL, coding sentences,
fixed dev/test halves."""
from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from pathlib import Path
from typing import Callable

SPLITS = ("all", "dev", "test")


class DatasetMissing(FileNotFoundError):
    pass


def eval_dir() -> Path:
    """`../shared/eval` (or $EVENTWIRE_EVAL_DIR), searched upwards from the working directory and this file."""
    env = os.environ.get("EVENTWIRE_EVAL_DIR")
    if env:
        return Path(env)
    for base in [Path.cwd(), *Path.cwd().parents, *Path(__file__).resolve().parents]:
        cand = base / "shared" / "eval"
        if cand.is_dir():
            return cand
        cand = base.parent / "shared" / "eval"
        if cand.is_dir():
            return cand
    return Path.cwd().parent / "shared" / "eval"


def dataset_path(name: str) -> Path:
    path = eval_dir() / name
    if not path.exists():
        raise DatasetMissing(f"{path} not found: the evaluation data lives in ../shared/eval "
                             f"(set EVENTWIRE_EVAL_DIR to its folder)")
    return path


def read_jsonl(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def parse_day(value: str | None) -> date | None:
    value = (value or "").strip()
    try:
        if len(value) == 8 and value.isdigit():
            return date(int(value[:4]), int(value[4:6]), int(value[6:]))
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def code_sentence(text: str, lang: str, published: date | None, article_id: str = "eval"):
    from eventwire.coding.coder import code_text
    return code_text(text, lang, published, article_id)


def table(headers: list[str], rows: list[list]) -> str:
    def cell(v):
        if isinstance(v, float):
            return f"{v:.3f}"
        return "-" if v is None else str(v)
    body = [[cell(v) for v in r] for r in rows]
    widths = [max(len(h), *(len(r[i]) for r in body)) if body else len(h) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(headers, widths)))]
    for r in body:
        out.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    return "\n".join(out)


def hash_half(key: str) -> str:
    """`dev` or `test`, fixed by a hash of `key`.  Lexicon work may look at dev errors only; test is held out."""
    return "dev" if hashlib.sha1(key.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def select_half(items: list[dict], split: str, half_of: Callable[[dict], str]) -> list[dict]:
    """The items of one half (`half_of` names an item's half), or all of them for `split="all"`."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    return items if split == "all" else [item for item in items if half_of(item) == split]


def split_title(name: str, split: str) -> str:
    """A report's title: the dataset name, with the half it scored unless that is all of it."""
    return name if split == "all" else f"{name} [{split} half]"
