"""Read the per-language lexicon files (see README.md in this folder for their formats)."""
from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).parent


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and line to fix."""


@dataclass(frozen=True)
class Row:
    """One lexicon entry with the place it came from, so `explain` can cite it."""

    values: dict[str, str]
    source: str  # e.g. "de/triggers.tsv:12"

    def __getitem__(self, key: str) -> str:
        return self.values.get(key, "") or ""

    def items_of(self, key: str) -> list[str]:
        """The values of a multi-valued cell ("aerial|heavy-weapons"), in order."""
        return [v for v in self[key].split("|") if v]


def available_languages() -> list[str]:
    return sorted(p.name for p in LEXICON_DIR.iterdir()
                  if p.is_dir() and p.name != "common" and (p / "actors.tsv").exists())


@lru_cache(maxsize=None)
def load_table(folder: str, name: str) -> tuple[Row, ...]:
    """Rows of `<folder>/<name>.tsv`; an absent file is an empty table (a language may lack one)."""
    path = LEXICON_DIR / folder / f"{name}.tsv"
    if not path.exists():
        return ()
    rows: list[Row] = []
    header: list[str] | None = None
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, cells in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
                continue
            if header is None:
                header = [c.strip() for c in cells]
                continue
            if len(cells) > len(header):
                raise LexiconError(f"{folder}/{name}.tsv:{line_no}: {len(cells)} cells but the header "
                                   f"has {len(header)}; remove the extra tabs")
            values = {key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header)}
            rows.append(Row(values, f"{folder}/{name}.tsv:{line_no}"))
    return tuple(rows)


@lru_cache(maxsize=None)
def load_list(folder: str, name: str) -> tuple[str, ...]:
    """Lines of `<folder>/<name>.txt`, without comments and blanks."""
    path = LEXICON_DIR / folder / f"{name}.txt"
    if not path.exists():
        return ()
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=None)
def grammar(lang: str) -> dict[str, tuple[str, ...]]:
    """`grammar.tsv` as key → values; a key may repeat, and a value may list items split by `|`."""
    out: dict[str, list[str]] = {}
    for row in load_table(lang, "grammar"):
        out.setdefault(row["key"], []).extend(v for v in row["value"].split("|"))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def lexicon_version() -> str:
    """A short hash over every lexicon file: stored with each record so results stay traceable."""
    digest = hashlib.sha256()
    for path in sorted(LEXICON_DIR.rglob("*")):
        if path.is_file() and path.suffix in {".tsv", ".txt"}:
            digest.update(str(path.relative_to(LEXICON_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
