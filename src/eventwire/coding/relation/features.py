"""Span-aware features of one (sentence, actor span, recipient span) pair.

Feature names are strings with a prefix telling where they come from:

* ``w:`` lemma anywhere in the sentence (the whole-sentence view, down-weighted);
* ``b:``/``b2:`` lemmas and lemma bigrams *between* the two spans; ``l:``/``r:`` lemmas in a small
  window left of the first / right of the last span; ``a:``/``t:`` head lemma of the actor / recipient;
  ``ord:`` which span comes first; ``aL:``/``aR:``/``aR2:`` lemmas just before / after the actor (its
  predicate usually follows it) and ``tL:``/``tR:`` around the recipient (the verb or preposition that
  governs it: "against", "to", "with");
* ``T:``, ``TP:``, ``TC:``, ``TM:``, ``TX:`` trigger-lexicon hits (`<lang>/triggers.tsv`, including the
  generated CAMEO verb patterns mapped through CAMEO2PLOVER): PLOVER type, type + position relative to
  the spans, CAMEO root, mode and the pattern itself, valued by the trigger's weight; ``TN:`` the type of
  the trigger nearest after the actor (the predicate);
* ``neg``/``negT:`` negation cues (`<lang>/modality.tsv`) and the type they scope over; ``passive``,
  ``by_actor``: voice cues (`<lang>/grammar.tsv` passive auxiliaries, agent prepositions).

`pair_views` gives the two short texts whose sentence vectors the model's optional vector head reads.

The trigger features are language-independent, so a model trained on English transfers to the other
lexicon languages through them (the word features simply do not fire).
"""
from __future__ import annotations

from typing import Sequence

from eventwire.coding.cues import cues_for, trigger_weight
from eventwire.nlp.text import tokenize
from eventwire.records import Token

Span = tuple[int, int] | None
WINDOW = 4
EDGE_WINDOW = 2  # lemmas left of each span for the span-edge features; one more on the right (the predicate)
WHOLE_WEIGHT = 0.5
NEGATION_KINDS = {"negation", "denial"}


def _token_range(tokens: Sequence[Token], span: Span) -> tuple[int, int] | None:
    """Token indices [i, j) that overlap the character span."""
    if not span or span[1] <= span[0]:
        return None
    idx = [i for i, t in enumerate(tokens) if t.start < span[1] and t.end > span[0]]
    return (idx[0], idx[-1] + 1) if idx else None


def _word(tok: Token) -> str | None:
    w = tok.lemma
    if not w or not (w[0].isalnum()):
        return None
    return "<num>" if w.isdigit() else w


def _add(feats: dict[str, float], name: str, value: float = 1.0) -> None:
    if value > feats.get(name, 0.0):
        feats[name] = value


def pair_features(text: str, actor: Span, recipient: Span, lang: str = "en",
                  tokens: Sequence[Token] | None = None) -> dict[str, float]:
    tokens = list(tokens) if tokens is not None else tokenize(text, lang)
    feats: dict[str, float] = {}
    a = _token_range(tokens, actor)
    t = _token_range(tokens, recipient)
    in_span = set()
    for r in (a, t):
        if r:
            in_span.update(range(*r))
    words = [_word(tok) for tok in tokens]
    for i, w in enumerate(words):
        if w and i not in in_span:
            _add(feats, "w:" + w, WHOLE_WEIGHT)

    spans = sorted([r for r in (a, t) if r])
    if a and t:
        _add(feats, "ord:" + ("AT" if a[0] <= t[0] else "TA"))
    elif a:
        _add(feats, "ord:A")
    elif t:
        _add(feats, "ord:T")
    else:
        _add(feats, "ord:none")
    between: tuple[int, int] | None = None
    if len(spans) == 2:
        between = (spans[0][1], spans[1][0]) if spans[0][1] <= spans[1][0] else None
    if between:
        bw = [w for w in words[between[0]:between[1]] if w]
        for w in bw:
            _add(feats, "b:" + w)
        for x, y in zip(bw, bw[1:]):
            _add(feats, f"b2:{x}_{y}")
        n = between[1] - between[0]
        _add(feats, "blen:" + ("0-2" if n <= 2 else "3-6" if n <= 6 else "7-12" if n <= 12 else "13+"))
    if spans:
        first, last = spans[0], spans[-1]
        for w in words[max(0, first[0] - WINDOW):first[0]]:
            if w:
                _add(feats, "l:" + w)
        right = [w for w in words[last[1]:last[1] + WINDOW] if w]
        for w in right:
            _add(feats, "r:" + w)
        if right:
            _add(feats, "r1:" + right[0])
    if a and words[a[1] - 1]:
        _add(feats, "a:" + words[a[1] - 1])
    if t and words[t[1] - 1]:
        _add(feats, "t:" + words[t[1] - 1])
    _add_span_edges(feats, words, a, t)

    # voice
    passive = cues_for(lang).words("passive_aux")
    agent = cues_for(lang).words("agent_preps")
    if a and a[0] > 0 and tokens[a[0] - 1].lower in agent:
        _add(feats, "by_actor")
    for i, tok in enumerate(tokens[:-1]):
        if tok.lower in passive and tokens[i + 1].lower.endswith("ed"):
            if between is None or between[0] <= i < between[1]:
                _add(feats, "passive")

    # trigger lexicon
    cues = cues_for(lang)
    hits = cues.triggers.find(tokens)
    nearest = None
    for m in hits:
        row = m.row
        etype = row["event_type"]
        if not etype:
            continue
        w = max(0.05, trigger_weight(m))
        pos = _position(m.start, a, t, between)
        _add(feats, "T:" + etype, w)
        _add(feats, f"TP:{etype}:{pos}", w)
        cameo = row["cameo"]
        if cameo:
            _add(feats, "TC:" + cameo[:2], w)
            _add(feats, "TC3:" + cameo[:3], w)
        for mode in row.items_of("mode"):
            _add(feats, f"TM:{etype}:{mode}", w)
        _add(feats, "TX:" + row["pattern"].lower(), w)
        if a and m.start >= a[1]:
            d = m.start - a[1]
            if nearest is None or d < nearest[0]:
                nearest = (d, etype, w)
    if nearest:
        _add(feats, "TN:" + nearest[1], nearest[2])
    if not hits:
        _add(feats, "T:none")

    # negation
    for m in cues.modality.find(tokens):
        if m.row["kind"] in NEGATION_KINDS:
            _add(feats, "neg")
            if between and between[0] <= m.start < between[1]:
                _add(feats, "neg:between")
            if nearest:
                _add(feats, "negT:" + nearest[1])
    return feats


SPAN_PLACEHOLDERS = ("Actor", "Target")


def pair_views(text: str, actor: Span, recipient: Span) -> tuple[str, str]:
    """The sentence with the spans replaced by placeholders (the vector then encodes the roles, not the
    names) and the stretch from the first span to the last (the relation itself; the sentence when
    no span is marked)."""
    marked = sorted(((s, name) for s, name in zip((actor, recipient), SPAN_PLACEHOLDERS) if s),
                    key=lambda sn: sn[0][0])
    replaced = text
    for (start, end), name in reversed(marked):
        replaced = replaced[:start] + name + replaced[end:]
    if not marked:
        return replaced, text
    return replaced, text[marked[0][0][0]:max(s[1] for s, _ in marked)]


def _add_span_edges(feats: dict[str, float], words: list[str | None], a, t) -> None:
    """Lemmas at the edges of each span, named by span: the predicate right of the actor and the
    verb or preposition left of the recipient carry the relation even when the spans are far apart."""
    if a:
        after = [w for w in words[a[1]:a[1] + EDGE_WINDOW + 1] if w]
        for w in after:
            _add(feats, "aR:" + w)
        if len(after) >= 2:
            _add(feats, f"aR2:{after[0]}_{after[1]}")
        for w in words[max(0, a[0] - EDGE_WINDOW):a[0]]:
            if w:
                _add(feats, "aL:" + w)
    if t:
        for w in words[max(0, t[0] - EDGE_WINDOW):t[0]]:
            if w:
                _add(feats, "tL:" + w)
        for w in words[t[1]:t[1] + EDGE_WINDOW + 1]:
            if w:
                _add(feats, "tR:" + w)


def _position(i: int, a, t, between) -> str:
    if a and a[0] <= i < a[1]:
        return "inA"
    if t and t[0] <= i < t[1]:
        return "inT"
    if between and between[0] <= i < between[1]:
        return "between"
    if not a and not t:
        return "nospan"
    first = min(r[0] for r in (a, t) if r)
    return "left" if i < first else "right"
