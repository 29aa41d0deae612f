"""`eventwire classify` and `classify_pair` on handwritten sentences (the packaged model)."""
import json

from click.testing import CliRunner

from eventwire.cli import main
from eventwire.coding.relation import classify_pair


def _line(i, text, actor, recipient):
    a = text.index(actor)
    r = text.index(recipient)
    return {"id": i, "text": text, "actor": [a, a + len(actor)], "recipient": [r, r + len(recipient)]}


CASES = [
    (_line("1", "Russian troops shelled Ukrainian positions near Donetsk on Monday.", "Russian troops",
           "Ukrainian positions"), {"ASSAULT"}),
    # (PLOVER 2021 and PLV code "impose sanctions" as COERCE (CAMEO 163); expulsion is SANCTION)
    (_line("2", "Russia expelled two British diplomats from Moscow.", "Russia", "two British diplomats"),
     {"SANCTION"}),
    (_line("3", "The foreign minister of France strongly condemned Syria for the chemical attack.",
           "The foreign minister of France", "Syria"), {"ACCUSE"}),
]


def test_classify_cli(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(json.dumps(c) for c, _ in CASES) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["classify", str(path)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [r["id"] for r in rows] == ["1", "2", "3"]
    for row, (_, expected) in zip(rows, CASES):
        assert row["event_type"] in expected, row
        assert abs(sum(row["scores"].values()) - 1.0) < 0.01
        assert row["scores"][row["event_type"]] == max(row["scores"].values())


def test_classify_pair_without_spans_and_other_language():
    etype, scores = classify_pair("Police arrested dozens of protesters in the capital.", None, None, "en")
    assert etype in {"COERCE", "PROTEST"} and len(scores) == 16
    # German: only the trigger-lexicon features transfer
    text = "Die russische Armee griff Kiew mit Raketen an."
    etype, scores = classify_pair(text, (4, 19), (26, 30), "de", min_score=0.0)
    assert etype == "ASSAULT", scores


def test_classify_null_below_threshold():
    etype, scores = classify_pair("The weather was nice.", None, None, "en", min_score=0.99)
    assert etype is None and scores
