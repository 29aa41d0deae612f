"""The Spanish end-to-end scorer: strict labels and the es-plover demonstration reading."""
from __future__ import annotations

from eventwire.evaluation import spanish

READING = spanish.DEMONSTRATION_READING["es-plover"]


def _score(golds: list[list[str]], preds: list[list[str]], also_accept=None) -> dict:
    sentences = [{"id": str(i), "gold": [{"type": t} for t in g], "unmapped": []} for i, g in enumerate(golds)]
    by_id = {str(i): p for i, p in enumerate(preds)}
    return spanish.score(sentences, lambda s: by_id[s["id"]], also_accept)


def test_strict_score_keeps_mobilize_apart_from_protest():
    o = _score([["MOBILIZE"]], [["PROTEST"]])["overall"]
    assert (o["tp"], o["spurious_per_gold"]) == (0, 1.0)


def test_demonstration_reading_counts_protest_for_mobilize_gold_only():
    rep = _score([["MOBILIZE"], ["PROTEST"]], [["PROTEST"], ["MOBILIZE"]], READING)
    assert rep["overall"]["tp"] == 1  # a MOBILIZE prediction still does not find a PROTEST gold event
    assert rep["by_type"]["MOBILIZE"]["recall"] == 1.0 and rep["by_type"]["PROTEST"]["recall"] == 0.0


def test_demonstration_reading_matches_exact_labels_first():
    # the MOBILIZE gold must not take the only PROTEST prediction from the PROTEST gold
    rep = _score([["MOBILIZE", "PROTEST"]], [["PROTEST", "MOBILIZE"]], READING)
    assert rep["overall"]["tp"] == 2 and rep["overall"]["spurious_per_gold"] == 0.0


def test_report_prints_strict_and_demonstration_reading():
    sentences = [{"id": "a_1", "gold": [{"type": "MOBILIZE"}], "unmapped": []}]
    strict = spanish.score(sentences, lambda s: ["PROTEST"])
    lenient = spanish.score(sentences, lambda s: ["PROTEST"], READING)
    report = {"dataset": "es-plover", "file": "x.jsonl", "split": "dev", **strict,
              "demonstration_reading": {"note": spanish.DEMONSTRATION_NOTE, **lenient}}
    text = spanish.format_report(report)
    assert "strict (gold labels as annotated)" in text and spanish.DEMONSTRATION_NOTE in text
    assert "MOBILIZE gold events found in this reading: 1.0" in text

