"""The numpy MiniLM encoder and the relation classifier's encoder head."""
import json
import struct

import numpy as np
import pytest

from eventwire.coding.relation.encoder import MARKERS, marked_ids
from eventwire.nlp.minilm import WordPiece, load_minilm, read_safetensors


@pytest.fixture(scope="module")
def minilm():
    return load_minilm()


def test_safetensors_reader_returns_the_stored_arrays(tmp_path):
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    b = np.array([1.5, -2.0], dtype=np.float16)
    header = {"a": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
              "b": {"dtype": "F16", "shape": [2], "data_offsets": [24, 28]}, "__metadata__": {"x": "y"}}
    raw = json.dumps(header).encode()
    path = tmp_path / "t.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw)) + raw + a.tobytes() + b.tobytes())
    out = read_safetensors(path)
    assert set(out) == {"a", "b"}
    np.testing.assert_array_equal(out["a"], a)
    np.testing.assert_array_equal(out["b"], b)


def test_wordpiece_keeps_each_piece_on_its_word_in_the_input():
    tok = WordPiece(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "russia", "attack", "##ed", "kyiv", ".", "cafe"])
    text = "Russia attacked Kyiv. Café Zürich"
    pieces = tok.pieces(text)
    assert [p.id for p in pieces] == [4, 5, 6, 7, 8, 9, 1]  # "zurich" is not in the vocabulary: [UNK]
    assert [text[p.start:p.end] for p in pieces] == ["Russia", "attacked", "attacked", "Kyiv", ".", "Café", "Zürich"]


def test_markers_surround_the_spans_and_positions_point_at_the_opening_markers(minilm):
    text = "Russia attacked Kyiv on Monday."
    ids, actor_pos, recipient_pos = marked_ids(minilm.tokenizer, text, (0, 6), (16, 20))
    vocab = {i: w for w, i in minilm.tokenizer.index.items()}
    words = [vocab[i] for i in ids]
    assert words[:4] == ["[CLS]", MARKERS["actor"], "russia", MARKERS["actor"]]
    assert words[actor_pos] == MARKERS["actor"] and words[actor_pos + 1] == "russia"
    assert words[recipient_pos] == MARKERS["recipient"] and words[recipient_pos + 1] == "kyiv"
    assert words[-1] == "[SEP]"
    _, a, r = marked_ids(minilm.tokenizer, text, None, (16, 20))
    assert a == 0 and r > 0  # a missing span reads the [CLS] vector


def test_encoder_places_paraphrases_closer_than_unrelated_sentences(minilm):
    out = minilm.encode_tokens(["Russia attacked Ukraine.", "Moscow launched strikes on Kyiv.",
                                "The new movie is awesome."])
    v = np.array([vectors.mean(0) for _, vectors in out])
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    assert v[0] @ v[1] > 0.4 > v[0] @ v[2]


def test_an_adapter_that_does_not_fit_the_base_model_says_to_retrain(minilm):
    with pytest.raises(ValueError, match="eventwire train"):
        minilm.adapted({"encoder.layer.0.attention.self.query": np.zeros((3, 3))})


def test_the_packaged_head_reproduces_the_probabilities_pytorch_gave_at_training():
    from eventwire.coding.relation.model import load_model

    model = load_model()
    reference = model.meta["encoder_head"]["reference"]
    assert model.encoder_head is not None and reference
    got = model.encoder_head.proba([(r["text"], r["actor"], r["recipient"]) for r in reference])
    # the adapters are stored in float16; the numpy forward is the same arithmetic as PyTorch's
    np.testing.assert_allclose(got, np.array([r["proba"] for r in reference]), atol=0.02)


def test_the_encoder_head_alone_types_clear_pairs():
    from eventwire.coding.relation.model import load_model
    from test_relation_model import EXPECTED, PAIRS

    model = load_model()
    probs = model.encoder_head.proba(PAIRS)
    assert [model.main.classes[i] for i in probs.argmax(1)] == EXPECTED
