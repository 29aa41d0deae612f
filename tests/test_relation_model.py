"""The packaged relation model: span views, batch classification with sentence vectors, the artefact."""
import pytest

from eventwire.coding.relation import classify_pair
from eventwire.coding.relation.features import pair_features, pair_views
from eventwire.coding.relation.model import MODEL_DIR, MODEL_NAME, RelationModel, classify_pairs, load_model

TEXT = "Russia expelled two British diplomats from Moscow."
RUSSIA, DIPLOMATS = (0, 6), (16, 37)


def _pair(text, actor, recipient):
    a, r = text.index(actor), text.index(recipient)
    return text, (a, a + len(actor)), (r, r + len(recipient))


PAIRS = [
    _pair("Israeli jets bombed Hamas positions in Gaza overnight.", "Israeli jets", "Hamas positions"),
    _pair("The United Nations sent food and medicine to flood victims in Pakistan.", "The United Nations",
          "flood victims"),
    _pair("Iran rejected the European proposal on its nuclear programme.", "Iran", "the European proposal"),
    # (PLV, like CAMEO2PLOVER, codes *signing* an agreement as SUPPORT; agreeing to one is AGREE)
    _pair("Egypt agreed with Israel on a ceasefire in Cairo.", "Egypt", "Israel"),
]
EXPECTED = ["ASSAULT", "AID", "REJECT", "AGREE"]


def test_views_hide_names_and_keep_the_relation():
    replaced, between = pair_views(TEXT, RUSSIA, DIPLOMATS)
    assert replaced == "Actor expelled Target from Moscow."
    assert between == "Russia expelled two British diplomats"
    assert pair_views(TEXT, None, None) == (TEXT, TEXT)


def test_features_see_the_words_at_the_span_edges():
    feats = pair_features(TEXT, RUSSIA, DIPLOMATS)
    assert "aR:expel" in feats or "aR:expelled" in feats
    assert "tR:from" in feats


@pytest.mark.parametrize("vectors", [False, True])
def test_batch_classification_keeps_order_and_types(vectors):
    results = classify_pairs(PAIRS, "en", min_score=0.0, vectors=vectors)
    assert [etype for etype, _ in results] == EXPECTED
    for _, scores in results:
        assert len(scores) == 16 and abs(sum(scores.values()) - 1) < 0.01


def test_batch_without_vectors_equals_one_by_one():
    batch = classify_pairs(PAIRS, "en", vectors=False)
    assert batch == [classify_pair(t, a, r, "en") for t, a, r in PAIRS]


def test_swapping_the_spans_changes_the_scores():
    text, a, r = PAIRS[0]
    assert classify_pair(text, a, r)[1] != classify_pair(text, r, a)[1]


def test_artefact_is_small_documented_and_round_trips(tmp_path):
    model = load_model()
    files = [MODEL_DIR / f"{MODEL_NAME}.npz", MODEL_DIR / f"{MODEL_NAME}.json"]
    assert sum(p.stat().st_size for p in files) < 1_000_000
    meta = model.meta
    assert meta["cv"]["selected_macro_f1"] and meta["training_data_sha256"] and meta["seed"]
    assert meta["hyperparameters"]["class_weight"] in (None, "balanced")
    model.save(tmp_path)
    again = RelationModel.load(tmp_path)
    assert (again.vector_head is None) == (model.vector_head is None)
    assert again.scores_batch(PAIRS) == model.scores_batch(PAIRS)
