"""Label crosswalks used by the evaluations (data files in `evaluation/data/`)."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
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



ANY_TYPE = "*"  # a crosswalk row for any event type, or none


@dataclass(frozen=True)
class CodedText:
    """What the coder found in a text, as the PLOVER → ACLED crosswalk reads it: the main event's type and
    modes, the finer details its instrument words name (`modes.tsv`), the other PLOVER types coded in the same
    text, the sectors of the main event's actors and recipients, and the sectors of all the parties the text names
    (state forces and rebels both named are a sign of a battle).  `event_type` empty: no event found."""

    event_type: str = ""
    modes: tuple[str, ...] = ()
    details: frozenset[str] = frozenset()
    also: frozenset[str] = frozenset()
    actor_sectors: frozenset[str] = frozenset()
    recipient_sectors: frozenset[str] = frozenset()
    party_sectors: frozenset[str] = frozenset()


@dataclass(frozen=True)
class _AcledRow:
    event_type: str
    mode: str
    detail: str
    also: str
    actor: frozenset[str]
    recipient: frozenset[str]
    party: frozenset[str]
    acled: str

    def matches(self, coded: CodedText) -> bool:
        return (self.event_type in {ANY_TYPE, coded.event_type}
                and (not self.mode or self.mode in coded.modes)
                and all(d in coded.details for d in self.detail.split("+") if d)
                and (not self.also or self.also in coded.also)
                and (not self.actor or bool(self.actor & coded.actor_sectors))
                and (not self.recipient or bool(self.recipient & coded.recipient_sectors))
                and (not self.party or bool(self.party & coded.party_sectors)))


def _sectors(cell: str) -> frozenset[str]:
    return frozenset(s for s in cell.split("|") if s)


@lru_cache(maxsize=None)
def acled_table() -> tuple[_AcledRow, ...]:
    return tuple(_AcledRow(r["event_type"], r["mode"], r["detail"], r["also"], _sectors(r["actor"]),
                           _sectors(r["recipient"]), _sectors(r["party"]), r["acled"])
                 for r in _rows("plover2acled.tsv"))


def acled_label(coded: CodedText) -> str | None:
    """The ACLED sub-event type of the first row of `plover2acled.tsv` (ordered most specific first) whose
    filled columns all hold for `coded`; None when no row does."""
    return next((row.acled for row in acled_table() if row.matches(coded)), None)


def plover_to_acled(event_type: str | None, modes: list[str] | None) -> str | None:
    """The ACLED sub-event type for a bare PLOVER type and its modes (no details, context or sectors)."""
    if not event_type:
        return None
    return acled_label(CodedText(event_type, tuple(modes or ())))


def type_matches(gold: str, pred: str | None) -> bool:
    """YIELD (older label) covers CONCEDE and RETREAT."""
    return pred == gold or (gold == "YIELD" and pred in {"CONCEDE", "RETREAT"})
