"""Score the coder on the development gold (`eval/dev/*_dev.jsonl`, format in `eval/dev/GUIDE.md`).

Each gold document is rebuilt from its sentences (joined by a blank line), coded once with
`code_text` so that cross-sentence attribution works, and every predicted mention is assigned to
the gold sentence whose span contains `evidence.start`.  Per sentence, predictions and gold events
are matched greedily one-to-one:

* event match: same type (or one of the gold's `alt_event_types`; YIELD counts for CONCEDE and
  RETREAT) and, for actor and recipient separately, a gold side with countries shares at least one
  country with the predicted side (a gold side without countries matches anything);
* type-only match: the type condition alone.

Matched pairs are then scored on speaker country, polarity, certainty, tense, date (where the gold
has one) and location country (where the gold has a location).
"""
from __future__ import annotations

import bisect
import json
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any, Callable

from eventwire.records import EventMention

SEPARATOR = "\n\n"
MAX_ERRORS = 200
YIELD_COVERS = {"CONCEDE", "RETREAT"}
ATTRIBUTES = ("speaker_country", "polarity", "certainty", "tense", "date", "location_country")


# --- reading ---------------------------------------------------------------------------------

def load_gold(path: Path) -> dict[str, list[dict[str, Any]]]:
    """Gold sentences grouped by `doc`, each group in `sent` order (file order kept per doc)."""
    docs: dict[str, list[dict[str, Any]]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                record = json.loads(line)
                docs.setdefault(record["doc"], []).append(record)
    for sentences in docs.values():
        sentences.sort(key=lambda r: r.get("sent", 0))
    return docs


def _published(value: Any) -> date | None:
    if not value:
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value)[:10])


# --- normalised views of gold and predicted events -------------------------------------------

def _countries(side: list[Any]) -> set[str]:
    out = set()
    for entity in side or []:
        country = entity.get("country") if isinstance(entity, dict) else getattr(entity, "country", None)
        if country:
            out.add(country)
    return out


def _gold_view(event: dict[str, Any]) -> dict[str, Any]:
    speaker = (event.get("attribution") or {}).get("speaker")
    modality = event.get("modality") or {}
    location = event.get("location")
    return {
        "type": event["event_type"],
        "types": {event["event_type"], *(event.get("alt_event_types") or [])},
        "actor": _countries(event.get("actor")),
        "recipient": _countries(event.get("recipient")),
        "speaker_country": speaker.get("country") if speaker else None,
        "polarity": modality.get("polarity", "asserted"),
        "certainty": modality.get("certainty", "certain"),
        "tense": modality.get("tense", "past"),
        "date": event.get("date"),
        "has_location": location is not None,
        "location_country": location.get("country") if location else None,
        "trigger": event.get("trigger"),
    }


def _pred_view(mention: EventMention) -> dict[str, Any]:
    speaker = mention.attribution.speaker if mention.attribution else None
    return {
        "type": mention.event_type,
        "actor": _countries(mention.actor),
        "recipient": _countries(mention.recipient),
        "speaker_country": speaker.country if speaker else None,
        "polarity": mention.modality.polarity,
        "certainty": mention.modality.certainty,
        "tense": mention.modality.tense,
        "date": mention.date,
        "location_country": mention.location.country if mention.location else None,
        "trigger": mention.evidence.trigger,
    }


def type_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if pred["type"] in gold["types"]:
        return True
    return pred["type"] == "YIELD" and bool(gold["types"] & YIELD_COVERS)


def side_ok(gold_countries: set[str], pred_countries: set[str]) -> bool:
    return not gold_countries or bool(gold_countries & pred_countries)


def event_ok(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    return (type_ok(gold, pred) and side_ok(gold["actor"], pred["actor"])
            and side_ok(gold["recipient"], pred["recipient"]))


def _pair_score(gold: dict[str, Any], pred: dict[str, Any]) -> tuple[int, int]:
    """Preference among compatible pairs: exact type first, then more shared countries."""
    return (int(pred["type"] == gold["type"]),
            len(gold["actor"] & pred["actor"]) + len(gold["recipient"] & pred["recipient"]))


def match(golds: list[dict[str, Any]], preds: list[dict[str, Any]],
          compatible: Callable[[dict[str, Any], dict[str, Any]], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching: best-scoring compatible pairs first, ties in document order."""
    pairs = [(_pair_score(g, p), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds)
             if compatible(g, p)]
    pairs.sort(key=lambda item: (-item[0][0], -item[0][1], item[1], item[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return sorted(out)


# --- scoring ---------------------------------------------------------------------------------

def prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "predicted": n_pred, "gold": n_gold}


def _attribute_right(name: str, gold: dict[str, Any], pred: dict[str, Any]) -> bool | None:
    """True/False where the attribute is scored for this pair, None where it is not."""
    if name == "date":
        return None if gold["date"] is None else pred["date"] == gold["date"]
    if name == "location_country":
        return None if not gold["has_location"] else pred["location_country"] == gold["location_country"]
    return pred[name] == gold[name]


def _short(view: dict[str, Any]) -> dict[str, Any]:
    return {"type": view["type"], "actor": sorted(view["actor"]), "recipient": sorted(view["recipient"]),
            "trigger": view["trigger"]}


def _error_kind(gold: dict[str, Any], others: list[dict[str, Any]]) -> str:
    """Why an unmatched gold event was missed, judged against the unmatched predictions beside it."""
    same_type = [p for p in others if type_ok(gold, p)]
    if same_type:
        if not any(side_ok(gold["actor"], p["actor"]) for p in same_type):
            side, key = "actor", "actor"
        else:
            side, key = "recipient", "recipient"
        empty = all(not p[key] for p in same_type)
        return f"{gold['type']}: {'no' if empty else 'wrong'} {side} country"
    if others:
        return f"{gold['type']}: predicted as {others[0]['type']}"
    return f"{gold['type']}: no prediction in sentence"


def evaluate_dev(path: Path) -> dict[str, Any]:
    """Code every document of a dev gold JSONL and score the predictions; see the module doc."""
    from eventwire.coding.coder import code_text

    path = Path(path)
    docs = load_gold(path)
    n_sent = n_gold = n_pred = 0
    tp = tp_type = 0
    gold_by_type: Counter[str] = Counter()
    pred_by_type: Counter[str] = Counter()
    tp_gold_type: Counter[str] = Counter()
    tp_pred_type: Counter[str] = Counter()
    attr_right: Counter[str] = Counter()
    attr_total: Counter[str] = Counter()
    attr_confusion: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    languages = set()

    for doc_id, sentences in docs.items():
        parts, starts, pos = [], [], 0
        for record in sentences:
            starts.append(pos)
            parts.append(record["text"])
            pos += len(record["text"]) + len(SEPARATOR)
        text = SEPARATOR.join(parts)
        language = sentences[0].get("language", "de")
        languages.add(language)
        mentions = code_text(text, language, _published(sentences[0].get("published")), doc_id)
        per_sentence: list[list[dict[str, Any]]] = [[] for _ in sentences]
        for mention in mentions:
            index = bisect.bisect_right(starts, mention.evidence.start) - 1
            per_sentence[max(index, 0)].append(_pred_view(mention))

        for record, preds in zip(sentences, per_sentence):
            golds = [_gold_view(e) for e in record.get("events") or []]
            n_sent += 1
            n_gold += len(golds)
            n_pred += len(preds)
            gold_by_type.update(g["type"] for g in golds)
            pred_by_type.update(p["type"] for p in preds)
            tp_type += len(match(golds, preds, type_ok))
            pairs = match(golds, preds, event_ok)
            tp += len(pairs)
            for gi, pi in pairs:
                gold, pred = golds[gi], preds[pi]
                tp_gold_type[gold["type"]] += 1
                tp_pred_type[pred["type"]] += 1
                for name in ATTRIBUTES:
                    right = _attribute_right(name, gold, pred)
                    if right is None:
                        continue
                    attr_total[name] += 1
                    attr_right[name] += right
                    if not right:
                        attr_confusion[name][f"{gold[name]} -> {pred[name]}"] += 1
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            left_p = [p for pi, p in enumerate(preds) if pi not in matched_p]
            where = {"doc": doc_id, "sent": record.get("sent")}
            for gi, gold in enumerate(golds):
                if gi in matched_g:
                    continue
                kind = _error_kind(gold, left_p)
                kinds[kind] += 1
                if len(errors) < MAX_ERRORS:
                    errors.append({**where, "error": "missed", "kind": kind, **_short(gold),
                                   "predicted": [_short(p) for p in left_p]})
            for pred in left_p:
                kind = f"{pred['type']}: spurious" if not golds else f"{pred['type']}: unmatched in event sentence"
                kinds[kind] += 1
                if len(errors) < MAX_ERRORS:
                    errors.append({**where, "error": "spurious", "kind": kind, **_short(pred),
                                   "sentence": record["text"][:160]})

    types = sorted(set(gold_by_type) | set(pred_by_type))
    per_type = {}
    for t in types:
        p = tp_pred_type[t] / pred_by_type[t] if pred_by_type[t] else 0.0
        r = tp_gold_type[t] / gold_by_type[t] if gold_by_type[t] else 0.0
        per_type[t] = {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
                       "gold": gold_by_type[t], "predicted": pred_by_type[t],
                       "tp_gold": tp_gold_type[t], "tp_predicted": tp_pred_type[t]}
    attributes = {name: {"accuracy": attr_right[name] / attr_total[name] if attr_total[name] else None,
                         "right": attr_right[name], "scored": attr_total[name],
                         "confusions": dict(attr_confusion[name].most_common(5))}
                  for name in ATTRIBUTES}
    return {
        "file": str(path),
        "languages": sorted(languages),
        "documents": len(docs),
        "sentences": n_sent,
        "gold_events": n_gold,
        "predicted_events": n_pred,
        "event": prf(tp, n_pred, n_gold),
        "type_only": prf(tp_type, n_pred, n_gold),
        "per_type": per_type,
        "attributes": attributes,
        "error_kinds": kinds.most_common(15),
        "errors": errors,
    }


def format_report(report: dict[str, Any]) -> str:
    """A plain-text table of a report from `evaluate_dev`."""
    ev, to = report["event"], report["type_only"]
    lines = [
        f"dev evaluation: {report['file']} ({', '.join(report['languages'])})",
        f"documents {report['documents']}  sentences {report['sentences']}  "
        f"gold events {report['gold_events']}  predicted {report['predicted_events']}",
        "",
        f"{'':<22}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}",
        f"{'event (type+act+rec)':<22}{ev['precision']:>7.3f}{ev['recall']:>7.3f}{ev['f1']:>7.3f}{ev['tp']:>6}",
        f"{'type only':<22}{to['precision']:>7.3f}{to['recall']:>7.3f}{to['f1']:>7.3f}{to['tp']:>6}",
        "",
        f"{'type':<12}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}",
    ]
    for t, row in report["per_type"].items():
        lines.append(f"{t:<12}{row['gold']:>6}{row['predicted']:>6}{row['precision']:>7.3f}"
                     f"{row['recall']:>7.3f}{row['f1']:>7.3f}")
    lines += ["", f"{'matched-pair attribute':<24}{'acc':>7}{'scored':>8}  top confusions (gold -> pred)"]
    for name, row in report["attributes"].items():
        acc = "-" if row["accuracy"] is None else f"{row['accuracy']:.3f}"
        conf = "; ".join(f"{k} x{v}" for k, v in row["confusions"].items())
        lines.append(f"{name:<24}{acc:>7}{row['scored']:>8}  {conf}")
    if report["error_kinds"]:
        lines += ["", "most frequent error kinds:"]
        lines += [f"  {count:>4}  {kind}" for kind, count in report["error_kinds"]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import sys

    args = sys.argv[1:] if argv is None else argv
    for name in args:
        print(format_report(evaluate_dev(Path(name))))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
