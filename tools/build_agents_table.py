#!/usr/bin/env python3
"""Build src/eventwire/coding/relation/data/agents_en.tsv (agent nouns → sector, the resolve-actor fallback).

Inputs (both MIT, CAMEO agents dictionaries in TABARI format):
  * ngec PLOVER_agents.txt (ahalterman/NGEC, the PLOVER revision)   — wins on conflicts;
  * Phoenix.agents.txt (openeventdata/petrarch2).
Entry lines look like `PATTERN {PLURAL ...} [~CODE...] # comment`; `_` joins words, `!SET!` expands a
substitution set declared as `!SET! = A, B`; the sector is the first three letters of the code.

Usage: python tools/build_agents_table.py [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from generated import write_or_check  # tools/generated.py

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventwire" / "coding" / "relation" / "data" / "agents_en.tsv"
SOURCES = [Path("/work/shared/reference/ngec/PLOVER_agents.txt"),
           Path("/work/shared/reference/phoenix/Phoenix.agents.txt")]
ENTRY = re.compile(r"^([^\[\{#]+?)\s*(?:\{([^}]*)\})?\s*\[~?([A-Z]{3})[A-Z]*\]")
SET = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def expand(pattern: str, sets: dict[str, list[str]]) -> list[str]:
    out = [pattern]
    for key, values in sets.items():
        out = [p.replace(key, v) for p in out for v in (values if key in p else [None])] \
            if any(key in p for p in out) else out
    return out


def clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("_", " ")).strip().lower()


def read(path: Path) -> dict[str, str]:
    sets: dict[str, list[str]] = {}
    table: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        m = SET.match(line)
        if m:
            sets[m.group(1)] = [v.strip() for v in m.group(2).split(",") if v.strip()]
            continue
        m = ENTRY.match(line)
        if not m:
            continue
        forms = [m.group(1)] + (m.group(2) or "").split()
        for form in forms:
            for variant in expand(form, sets):
                key = clean(variant)
                if key and "!" not in key and len(key) > 2:
                    table.setdefault(key, m.group(3))
    return table


def build() -> str:
    table: dict[str, str] = {}
    for path in SOURCES:
        for key, code in read(path).items():
            table.setdefault(key, code)
    lines = ["# Agent nouns -> PLOVER/CAMEO sector, fallback for resolve-actor (tools/build_agents_table.py).\n",
             "# Converted from ngec PLOVER_agents.txt (MIT) and openeventdata/petrarch2 Phoenix.agents.txt (MIT);\n",
             "# first code of each entry; PLOVER_agents wins on conflicts.\n", "pattern\tsector\n"]
    lines += [f"{k}\t{v}\n" for k, v in sorted(table.items(), key=lambda kv: (kv[1], kv[0]))]
    return "".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true")
    args = ap.parse_args()
    text = build()
    return 0 if write_or_check(OUT, text, args.check, f"{text.count(chr(10)) - 4} rows") else 1


if __name__ == "__main__":
    sys.exit(main())
