#!/usr/bin/env python3
"""Build src/eventwire/lexicons/common/actors_dated.tsv from the Phoenix country-actor dictionary.

Input: Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT; TABARI format, generated 2014 from
CountryInfo.txt), default /work/shared/reference/phoenix/Phoenix.Countries.actors.txt or --source PATH.

Only person/official entries are converted (not the country blocks, whose `+` variants are place names):
an entry is a line `NAME_` followed by `+VARIANT_` lines and indented `[CCCSSS dates]` code lines, where
CCC is the CAMEO country, SSS the first sector (further sectors are dropped) and dates are
`YYMMDD-YYMMDD`, `>YYMMDD` (from), `<YYMMDD` (until), 8-digit `YYYYMMDD` forms, or nothing (the
default code outside the dated ranges).  Six-digit years below 30 are 20xx, others 19xx (TABARI).

Output columns: name, aliases (`|`), country, sector, start, end — one row per code line; a row with
neither start nor end is the person's default code.  Names with fewer than two words, names used by
entries of different countries, and entries with historical or non-state codes (SUN, YUG, IGO …) are
dropped.  Country codes follow eventwire (KSV → KOS; dependencies folded as in build_actor_lexicons).

The data is stale after ~2014–2018; eventwire uses it below common/leaders.tsv (a name in leaders.tsv
wins).  Usage: python tools/build_dated_actors.py [--source PATH] [--check]
"""
from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from generated import write_or_check  # tools/generated.py

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = Path("/work/shared/reference/phoenix/Phoenix.Countries.actors.txt")
OUT = ROOT / "src" / "eventwire" / "lexicons" / "common" / "actors_dated.tsv"

CODE_MAP = {"KSV": "KOS", "ABW": "NLD", "AIA": "GBR", "BMU": "GBR", "COK": "NZL", "CYM": "GBR",
            "GGY": "GBR"}
# CAMEO/PLOVER sector codes kept; other second codes (e.g. GBRVGB: a territory) give no sector.
SECTORS = {"GOV", "ELI", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM",
           "CVL", "LAB", "LEG", "REF", "AGR", "HLH", "HRI", "NGO", "PRE", "UAF", "REL", "MOD", "RAD",
           "INS", "UNR", "ENV", "DEV", "JRN", "SET"}
SKIP_CODES = {"DDR", "CSK", "FRY", "SCG", "SRP", "SUN", "TMP", "USR", "YUG", "KNT", "IGO", "IMG"}
CODE_LINE = re.compile(r"^\s+\[([A-Z]{3})([A-Z]{3})?[A-Z]*\s*(.*?)\]")
DATES = re.compile(r"^(?:([<>])\s*(\d{6}|\d{8})|(\d{6}|\d{8})\s*-\s*(\d{6}|\d{8}))?$")
HEADER = ("# Dated persons converted from Phoenix.Countries.actors.txt (openeventdata/petrarch2, MIT) by\n"
          "# tools/build_dated_actors.py — do not edit by hand. Stale after ~2014-2018; a fallback below\n"
          "# common/leaders.tsv. A row with empty start and end is the person's default code.\n")


def to_date(text: str) -> str:
    if len(text) == 6:
        yy = int(text[:2])
        text = ("20" if yy < 30 else "19") + text
    y, m, d = text[:4], text[4:6], text[6:8]
    m = m if "01" <= m <= "12" else "01"
    d = d if "01" <= d <= "31" else "01"
    return f"{y}-{m}-{d}"


def name_of(token: str) -> str:
    words = [w for w in token.strip().strip("+").split("_") if w]
    return " ".join(w if any(c.isdigit() for c in w) else w[:1] + w[1:].lower() for w in words)


def parse(path: Path) -> list[tuple[str, list[str], list[tuple[str, str, str, str]]]]:
    entries, current = [], None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if line[0] in " \t":
            if current is None:
                continue
            m = CODE_LINE.match(line)
            if not m:
                continue
            country, sector, dates = m.group(1), m.group(2) or "", m.group(3).strip()
            sector = sector if sector in SECTORS else ""
            d = DATES.match(dates)
            if d is None:
                continue
            start = end = ""
            if d.group(1) == ">":
                start = to_date(d.group(2))
            elif d.group(1) == "<":
                end = to_date(d.group(2))
            elif d.group(3):
                start, end = to_date(d.group(3)), to_date(d.group(4))
            current[2].append((country, sector, start, end))
        elif line.startswith("+"):
            if current is not None:
                current[1].append(name_of(line))
        else:
            token = line.split()[0]
            if "[" in line:  # a country block header: `AFGHANISTAN_  [AFG]`
                current = None
                continue
            current = (name_of(token), [], [])
            entries.append(current)
    return entries


def build(path: Path) -> str:
    entries = parse(path)
    countries_of = defaultdict(set)
    rows = []
    for name, aliases, codes in entries:
        codes = [(CODE_MAP.get(c, c), s, a, b) for c, s, a, b in codes if c not in SKIP_CODES]
        if not codes or not any(a or b for _, _, a, b in codes):
            continue  # institutions and undated entries: not persons
        if any(b and a and b < a for _, _, a, b in codes):
            codes = [(c, s, a, b) if not (a and b and b < a) else (c, s, b, a) for c, s, a, b in codes]
        names = [n for n in dict.fromkeys([name, *aliases]) if len(n.split()) >= 2]
        if not names:
            continue
        country = codes[0][0]
        for n in names:
            countries_of[n.lower()].add(country)
        rows.append((names, codes))
    out = [HEADER, "name\taliases\tcountry\tsector\tstart\tend\n"]
    seen = set()
    for names, codes in rows:
        names = [n for n in names if len(countries_of[n.lower()]) == 1 and n.lower() not in seen]
        if not names:
            continue
        seen.update(n.lower() for n in names)
        aliases = "|".join(names[1:])
        # dated rows first, latest start first; the default row(s) last
        for c, s, a, b in sorted(dict.fromkeys(codes), key=lambda r: (not (r[2] or r[3]), r[2] or r[3]),
                                 reverse=False):
            out.append(f"{names[0]}\t{aliases}\t{c}\t{s}\t{a}\t{b}\n")
            aliases = ""  # aliases only on the first row of a person
    return "".join(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--check", action="store_true", help="exit 1 if the output file is out of date")
    args = ap.parse_args()
    text = build(args.source)
    summary = f"{text.count(chr(10)) - 4} rows, {len(text.encode()) / 1e6:.2f} MB"
    return 0 if write_or_check(OUT, text, args.check, summary) else 1


if __name__ == "__main__":
    sys.exit(main())
