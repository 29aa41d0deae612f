"""CASE 2021 task 2 (ACLED sub-event types) through eventwire's own PLOVER type + mode → ACLED crosswalk
(`evaluation/data/plover2acled.tsv`); never trained on CASE.  Each snippet is coded with the rule coder and
summed up as a `CodedText` (main PLOVER type, its modes, the details its instrument and topic words name,
the other types coded beside it, the sectors of its actors and recipients and of every party it names); the
crosswalk's first matching row gives the sub-event type, and a snippet the crosswalk cannot place gives
`NO_EVENT` (always wrong).  Score: weighted F1 over the gold classes, as in the shared task.  `--split dev|test`
scores one half, fixed by a hash of the snippet id (the same rule as the Spanish gold): error analysis and
lexicon work look at dev only, test is held out."""
from __future__ import annotations

import csv

from eventwire.coding.coder import code_annotated
from eventwire.coding.cues import cues_for, find_mode_words, quad_and_intensity, trigger_weight
from eventwire.evaluation.common import dataset_path, hash_half, select_half, split_title, table
from eventwire.evaluation.crosswalk import CodedText, acled_label
from eventwire.evaluation.metrics import classification_report
from eventwire.lexicons import Row
from eventwire.nlp.annotate import AnnotatedText, annotate
from eventwire.records import EventMention

FILE = "case2021_task2_test.tsv"
ANCHOR = {"system": "CASE 2021 task 2 best (weighted F1)", "weighted_f1": 0.839}
MATERIAL_CONFLICT = 4  # PLOVER quad class
# Triggers whose event the coder dropped (no actor it could name) still say what happened, at half weight;
# weaker triggers ("war", "tank") are too often background, so they count only when nothing else does.
BARE_TRIGGER_MIN_WEIGHT = 0.5
BARE_TRIGGER_DISCOUNT = 0.5

Act = tuple[str, tuple[str, ...], float]  # PLOVER type, modes, evidence score


def read(path=None) -> list[dict]:
    with open(path or dataset_path(FILE), encoding="utf-8", newline="") as handle:
        return [{"id": r["id"], "text": r["EventSnippet"], "label": r["SubType"].strip()}
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def select(rows: list[dict], split: str = "all") -> list[dict]:
    """One half of the snippets, fixed by the snippet id (`hash_half`)."""
    return select_half(rows, split, lambda r: hash_half(r["id"]))


def coded_text(text: str) -> CodedText:
    """Code a snippet and sum it up for the crosswalk.  The main type is the one with the most evidence
    (summed scores), material conflict first: ACLED records what was done, and a snippet about an attack
    often also quotes an accusation."""
    doc = annotate(text, "en", None)
    events = code_annotated(doc, "case2021")
    mode_words = [m.row for sent in doc.sentences for m in find_mode_words(sent.tokens, "en")]
    details = frozenset(r["detail"] for r in mode_words if r["detail"])
    acts = _acts(doc, events, mode_words)
    if not acts:
        return CodedText(details=details)
    evidence: dict[str, float] = {}
    for event_type, _, score in acts:
        evidence[event_type] = evidence.get(event_type, 0.0) + score
    main = max(evidence, key=lambda t: (quad_and_intensity(t, [])[0] == MATERIAL_CONFLICT, evidence[t]))
    modes = [m for t, ms, _ in sorted(acts, key=lambda a: -a[2]) if t == main for m in ms]
    modes += [r["mode"] for r in mode_words if r["event_type"] == main and r["mode"]]
    own = [e for e in events if e.event_type == main]
    parties = [m.actor for sent in doc.sentences for m in sent.mentions]
    # an act known from bare triggers only: its actor is among the parties the snippet names
    actors = [a for e in own for a in e.actor] if own else parties
    return CodedText(main, tuple(dict.fromkeys(modes)), details, _also(main, evidence, acts, mode_words),
                     frozenset(a.sector for a in actors if a.sector),
                     frozenset(r.sector for e in own for r in e.recipient if r.sector),
                     frozenset(p.sector for p in parties if p.sector))


def _acts(doc: AnnotatedText, events: list[EventMention], mode_words: list[Row]) -> list[Act]:
    """Evidence of what happened: the coded events and the reliable bare triggers; failing both, the weaker
    triggers; failing those, the event types the instrument words imply ("a grenade exploded")."""
    cues = cues_for("en")  # per sentence, so that a gap pattern never spans two sentences
    triggers = [t for sent in doc.sentences for t in cues.find_triggers(sent.tokens)]
    bare = [(t.row["event_type"], tuple(t.row.items_of("mode")), trigger_weight(t) * BARE_TRIGGER_DISCOUNT)
            for t in triggers]
    acts = [(e.event_type, tuple(e.mode), e.confidence) for e in events] + \
        [a for a in bare if a[2] >= BARE_TRIGGER_MIN_WEIGHT * BARE_TRIGGER_DISCOUNT]
    return acts or bare or [(r["event_type"], tuple(r.items_of("mode")), BARE_TRIGGER_DISCOUNT)
                            for r in mode_words if r["event_type"]]


def _also(main: str, evidence: dict[str, float], acts: list[Act], mode_words: list[Row]) -> frozenset[str]:
    """The other types found beside the main one, alone and as TYPE/mode ("COERCE/arrest" at a protest)."""
    others = evidence.keys() - {main}
    modes = {f"{t}/{m}" for t, ms, _ in acts if t in others for m in ms} | \
        {f"{r['event_type']}/{r['mode']}" for r in mode_words if r["event_type"] in others and r["mode"]}
    return frozenset(others | modes)


def predict_label(text: str) -> str:
    return acled_label(coded_text(text)) or "NO_EVENT"


def evaluate(path=None, split: str = "all") -> dict:
    rows = select(read(path), split)
    gold = [r["label"] for r in rows]
    pred = [predict_label(r["text"]) for r in rows]
    rep = classification_report(gold, pred)
    return {"dataset": "case2021", "file": FILE, "split": split, "anchor": ANCHOR, **rep,
            "no_event": sum(p == "NO_EVENT" for p in pred)}


def format_report(report: dict) -> str:
    return "\n".join([
        f"{split_title('case2021', report.get('split', 'all'))}: {report['file']} — {report['n']} snippets, "
        f"{report['no_event']} without a coded event",
        table(["metric", "eventwire", "anchor (CASE best)"],
              [["weighted F1", report["weighted_f1"], ANCHOR["weighted_f1"]],
               ["macro F1", report["macro_f1"], None], ["accuracy", report["accuracy"], None]]),
        "", table(["sub-event type", "gold", "pred", "P", "R", "F1"],
                  [[c, v["gold"], v["predicted"], v["precision"], v["recall"], v["f1"]]
                   for c, v in report["per_class"].items()])])
