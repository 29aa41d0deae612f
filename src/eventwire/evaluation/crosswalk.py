"""Label crosswalks used by the evaluations (data files in `evaluation/data/`)."""
from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path


DATA = Path(__file__).parent / "data"


def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@lru_cache(maxsize=None)
def cameo_table() -> dict[str, tuple[str, str, str]]:
    return {r["cameo"]: (r["event_type"], r["mode"], r["context"]) for r in _rows("cameo2plover.tsv")}


def cameo_to_plover(code: str | None) -> str | None:
    """`190_use_conventional_military_force`, `042`, `10` → PLOVER type by longest CAMEO prefix."""
    m = re.match(r"\d+", (code or "").strip())
    if not m:
        return None
    digits = m.group()
    table = cameo_table()
    for n in range(len(digits), 1, -1):
        if digits[:n] in table:
            return table[digits[:n]][0] or None
    return None




@lru_cache(maxsize=None)
def acled_table() -> tuple[tuple[str, str, str], ...]:
    return tuple((r["event_type"], r["mode"], r["acled"]) for r in _rows("plover2acled.tsv"))


def plover_to_acled(event_type: str | None, modes: list[str] | None) -> str | None:
    if not event_type:
        return None
    table = acled_table()
    for mode in modes or []:
        for t, m, a in table:
            if t == event_type and m == mode:
                return a
    for t, m, a in table:
        if t == event_type and not m:
            return a
    return None


def type_matches(gold: str, pred: str | None) -> bool:
    """YIELD (older label) covers CONCEDE and RETREAT."""
    return pred == gold or (gold == "YIELD" and pred in {"CONCEDE", "RETREAT"})
