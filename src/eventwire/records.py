"""Typed records passed between the pipeline stages.

sources → RawDocument → documents → Article → nlp → AnnotatedSentence → coding → EventMention
→ consolidate → Event → store.  Every stage takes these in and gives these out; no stage reaches
back into another stage's internals.  `EventMention.to_json()` is the event record contract of
DESIGN.md and the only shape printed by `eventwire code`.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True)
class RawDocument:
    """Bytes as read from a source, before any decoding."""

    uri: str
    data: bytes
    fetched_at: datetime | None = None
    # Metadata the source already knows (title, url, published, language, content_type); all optional.
    hints: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SourceError:
    """One item a source or stage could not handle; the batch goes on without it."""

    uri: str
    stage: str
    reason: str

    def __str__(self) -> str:
        return f"{self.uri}: {self.stage}: {self.reason}"


@dataclass(frozen=True)
class Article:
    id: str
    url: str | None
    site: str | None
    title: str | None
    text: str
    published: date | None
    language: str
    content_hash: str
    source_uri: str
    dup_of: str | None = None


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    lower: str
    lemma: str


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str


@dataclass
class ActorRef:
    """An entity in an actor, recipient, speaker or via role."""

    text: str
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    start: int | None = None  # char offsets into the coded text
    end: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "country": self.country, "sector": self.sector, "name": self.name}


@dataclass
class PlaceRef:
    text: str
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    start: int | None = None
    end: int | None = None
    feature: str = "city"  # city | country | region
    # Named in a dateline ("Jerusalem – …"): where the report was filed, not where the event was.
    dateline: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "name": self.name, "country": self.country, "lat": self.lat,
                "lon": self.lon, "geonameid": self.geonameid}


@dataclass
class DateRef:
    text: str
    start: int
    end: int
    value: date
    precision: str  # day | week | month | year


@dataclass
class Attribution:
    speaker: ActorRef | None = None
    cue: str | None = None
    via: list[ActorRef] = field(default_factory=list)
    backed_by: list[ActorRef] = field(default_factory=list)  # "Südkorea behauptet mit Unterstützung der USA"

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"speaker": self.speaker.to_json() if self.speaker else None, "cue": self.cue,
                               "via": [v.to_json() for v in self.via]}
        if self.backed_by:
            out["backed_by"] = [b.to_json() for b in self.backed_by]
        return out


@dataclass
class Modality:
    polarity: str = "asserted"  # asserted | negated | denied
    certainty: str = "certain"  # certain | probable | possible
    tense: str = "past"  # past | present | future
    hedge: str | None = None
    hypothetical: bool = False
    denied_by: list[ActorRef] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"polarity": self.polarity, "certainty": self.certainty,
                               "tense": self.tense, "hedge": self.hedge}
        if self.hypothetical:
            out["hypothetical"] = True
        if self.denied_by:
            out["denied_by"] = [a.to_json() for a in self.denied_by]
        return out


@dataclass
class Size:
    dead: int | None = None
    injured: int | None = None
    arrested: int | None = None


@dataclass
class Evidence:
    start: int
    end: int
    sentence: str
    trigger: str
    trigger_start: int
    trigger_end: int

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "sentence": self.sentence, "trigger": self.trigger}


@dataclass
class TraceStep:
    """One reason behind one field: what `eventwire explain` prints."""

    field: str
    value: Any
    rule: str
    source: str | None = None  # lexicon file and line, or model name
    score: float | None = None


@dataclass
class EventMention:
    id: str
    article_id: str
    language: str
    event_type: str
    evidence: Evidence
    mode: list[str] = field(default_factory=list)
    context: list[str] = field(default_factory=list)
    actor: list[ActorRef] = field(default_factory=list)
    recipient: list[ActorRef] = field(default_factory=list)
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    # "text": the sentence dates the act; "statement": only the statement reporting it is dated (the act
    # was on or before that day); "publication": the publication date, a fallback
    date_source: str | None = None
    location: PlaceRef | None = None
    attribution: Attribution = field(default_factory=Attribution)
    modality: Modality = field(default_factory=Modality)
    size: Size = field(default_factory=Size)
    cameo: str | None = None
    quad_code: int | None = None
    intensity: float | None = None
    confidence: float = 0.0
    coder_version: str = ""
    trace: list[TraceStep] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "article_id": self.article_id,
            "language": self.language,
            "event_type": self.event_type,
            "mode": list(self.mode),
            "context": list(self.context),
            "actor": [a.to_json() for a in self.actor],
            "recipient": [r.to_json() for r in self.recipient],
            "date": self.date,
            "date_precision": self.date_precision,
            "date_text": self.date_text,
            "date_source": self.date_source,
            "location": self.location.to_json() if self.location else None,
            "attribution": self.attribution.to_json(),
            "modality": self.modality.to_json(),
            "size": asdict(self.size),
            "evidence": self.evidence.to_json(),
            "cameo": self.cameo,
            "quad_code": self.quad_code,
            "intensity": self.intensity,
            "confidence": round(self.confidence, 3),
            "coder_version": self.coder_version,
        }


def parse_date(value: Any) -> date | None:
    """ISO ``YYYY-MM-DD`` (or a prefix of it: ``YYYY-MM``, ``YYYY``) → date; anything else → None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    s = str(value).strip()
    try:
        if len(s) >= 10:
            return date.fromisoformat(s[:10])
        if len(s) == 7:
            return date(int(s[:4]), int(s[5:7]), 1)
        if len(s) == 4:
            return date(int(s), 1, 1)
    except ValueError:
        return None
    return None
