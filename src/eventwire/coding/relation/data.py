"""English labelled training material for the relation classifier, read from `../shared`.

Every reader yields `Example(text, actor, recipient, label, source)` with character spans (or None).
Labels are PLOVER types; PLV's `YIELD` stays `YIELD` (the model's class for CONCEDE ∪ RETREAT) and
the older PLOVER labels of the GSR file are mapped (DEMAND→REQUEST, DISAPPROVE→ACCUSE, FIGHT→ASSAULT,
INVESTIGATE→ACCUSE, SACTION→SANCTION).
"""
from __future__ import annotations

import csv
import io
import json
import random
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from eventwire.coding.cues import plover_types

PLOVER_TYPES = plover_types()
# Older PLOVER labels (PLOVER_GSR, UniversalPetrarch validation files) → current PLOVER types.
OLD_LABELS = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "FIGHT": "ASSAULT", "INVESTIGATE": "ACCUSE",
              "SACTION": "SANCTION", "YIELD": "YIELD"}
YIELD_TYPES = {"CONCEDE", "RETREAT"}


@dataclass(frozen=True)
class Example:
    text: str
    actor: tuple[int, int] | None
    recipient: tuple[int, int] | None
    label: str
    source: str
    sublabel: str | None = None  # CONCEDE / RETREAT where the source distinguishes them


def normalise_label(label: str | None) -> str | None:
    """An older or current PLOVER label → current type (YIELD kept); None outside PLOVER (CRIME, …)."""
    label = (label or "").strip().upper()
    label = OLD_LABELS.get(label, label)
    return label if label in PLOVER_TYPES or label == "YIELD" else None


def model_label(label: str) -> str:
    """The class the model learns: CONCEDE and RETREAT are one class YIELD (PLV does not split them)."""
    return "YIELD" if label in YIELD_TYPES else label


MARK_RE = re.compile(r"</?[st]>")


def parse_marked(marked: str) -> tuple[str, tuple[int, int] | None, tuple[int, int] | None]:
    """`<s>actor</s> verb <t>target</t>` → (plain text, actor span, recipient span)."""
    out, pos, opened, spans = [], 0, {}, {}
    length = 0
    for m in MARK_RE.finditer(marked):
        chunk = marked[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        tag = m.group()
        if tag.startswith("</"):
            if tag[2] in opened:
                spans[tag[2]] = (opened.pop(tag[2]), length)
        else:
            opened[tag[1]] = length
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans.get("s"), spans.get("t")


def read_plv(path: Path) -> list[dict]:
    """Rows of a PLV_*.tsv file with `text`, `actor`, `recipient` spans and `label` (gold_root)."""
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            text, a, t = parse_marked(row["marked_sentence"])
            rows.append({"uid": row["uid"], "sentence_id": row["sentence_id"], "text": text, "actor": a,
                         "recipient": t, "label": row["gold_root"].strip(), "penta": row.get("gold_penta")})
    return rows


def plv_examples(path: Path) -> list[Example]:
    return [Example(r["text"], r["actor"], r["recipient"], r["label"], "plv") for r in read_plv(path)]


def _lede(text: str, limit: int = 320) -> str:
    """First sentence(s) of a synthetic story, at most about `limit` characters."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(". ", 0, limit)
    return text[:cut + 1] if cut > 80 else text[:limit]


def synthetic_examples(path: Path) -> list[Example]:
    out = []
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        with z.open(name) as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, "utf-8")):
                label = normalise_label(row["label"])
                if label:
                    out.append(Example(_lede(row["text"]), None, None, model_label(label), "synthetic",
                                       label if label in YIELD_TYPES else None))
    return out


FILLERS = {
    "country_1": ["France", "Russia", "Kenya", "Brazil", "Japan", "Turkey", "Mexico", "India"],
    "country_2": ["Germany", "China", "Ukraine", "Egypt", "Canada", "Iran", "Peru", "Poland"],
    "city": ["Kabul", "Lagos", "Aleppo", "Lima", "Dhaka", "Kyiv"],
}


def headline_examples(path: Path, seed: int = 13) -> list[Example]:
    rng = random.Random(seed)
    out = []
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = normalise_label(row["event"])
            if not label:
                continue
            title = row["title"].strip()
            text, spans, pos = [], {}, 0
            for m in re.finditer(r"\{(\w+)\}", title):
                text.append(title[pos:m.start()])
                start = sum(map(len, text))
                word = rng.choice(FILLERS.get(m.group(1), ["Nigeria"]))
                text.append(word)
                spans.setdefault(m.group(1), (start, start + len(word)))
                pos = m.end()
            text.append(title[pos:])
            out.append(Example("".join(text), spans.get("country_1"), spans.get("country_2"),
                               model_label(label), "headline", label if label in YIELD_TYPES else None))
    return out


def gsr_examples(path: Path) -> list[Example]:
    """PLOVER_GSR_CAMEO.txt: CAMEO-manual sentences with source/target actor text."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    out = []
    for rec in data:
        label = normalise_label(rec.get("event", ""))
        text = rec.get("text")
        if not label or not text:
            continue

        def span(side):
            items = rec.get(side) or []
            if not isinstance(items, list) or not items:
                return None
            actor_text = items[0].get("actorText") or ""
            i = text.find(actor_text) if actor_text else -1
            return (i, i + len(actor_text)) if i >= 0 else None

        out.append(Example(text, span("source"), span("target"), model_label(label), "gsr",
                           label if label in YIELD_TYPES else None))
    return out


def shared_dir(start: Path | None = None) -> Path | None:
    """`../shared` next to the repository (or $EVENTWIRE_SHARED)."""
    import os
    env = os.environ.get("EVENTWIRE_SHARED")
    if env:
        return Path(env)
    here = (start or Path(__file__)).resolve()
    for parent in [Path.cwd(), *here.parents]:
        cand = parent.parent / "shared" if parent.name else None
        if cand and (cand / "eval").is_dir():
            return cand
        if (parent / "shared" / "eval").is_dir():
            return parent / "shared"
    return None


def all_sources(shared: Path) -> dict[str, list[Example]]:
    ref = shared / "reference"
    return {
        "plv": plv_examples(shared / "eval" / "PLV_train.tsv"),
        "synthetic": synthetic_examples(ref / "ngec" / "gpt_synthetic_events_2023-10-19.csv.zip"),
        "headline": headline_examples(ref / "ngec" / "synthetic_headlines.csv"),
        "gsr": gsr_examples(ref / "plover" / "PLOVER_GSR_CAMEO.txt"),
    }


def iter_texts(examples: list[Example]) -> Iterator[str]:
    for e in examples:
        yield e.text
