"""Fine-tune the encoder head (`coding/relation/encoder.py`) with PyTorch: training only.

The base MiniLM weights stay frozen; each matrix in `encoder.ADAPTED` gets a trainable low-rank update
(LoRA: `W + ALPHA/RANK · B A`, B starting at zero so training starts from the base model), and a linear
head reads the marker and mean vectors (`encoder.pooled`). The forward pass is the same arithmetic as
`nlp/minilm.py`, so the adapters merged there give the probabilities seen here (the model's json keeps
PyTorch's probabilities for a few pairs; tests/test_relation_encoder.py checks the numpy head against them). Needs torch (`pip install -e '.[train]'`); nothing at run time does.
"""
from __future__ import annotations

import math
import time
from typing import Callable, Sequence

import numpy as np

from eventwire.coding.relation.encoder import ADAPTED, ALPHA, RANK, EncoderHead, marked_ids
from eventwire.nlp.minilm import load_minilm, pad

EPOCHS = 8
LEARNING_RATE = 1e-3
BATCH = 16
DROPOUT = 0.1
WEIGHT_DECAY = 0.01
SEED = 20240


def _torch():
    try:
        import torch
    except ImportError as exc:
        raise RuntimeError("fine-tuning the encoder head needs PyTorch: pip install torch==2.13.0 "
                           "(the CPU build is enough), or train with --no-encoder") from exc
    return torch


def _modules(torch):
    nn, F = torch.nn, torch.nn.functional

    class Adapter(nn.Module):
        def __init__(self, weight, bias):
            super().__init__()
            self.weight, self.bias = weight, bias
            self.A = nn.Parameter(torch.randn(RANK, weight.shape[1]) * 0.01)
            self.B = nn.Parameter(torch.zeros(weight.shape[0], RANK))

        def forward(self, x):
            return x @ self.weight.T + self.bias + (x @ self.A.T @ self.B.T) * (ALPHA / RANK)

    class Classifier(nn.Module):
        def __init__(self, base: dict, n_layers: int, heads: int, n_classes: int):
            super().__init__()
            self.base, self.n_layers, self.heads = base, n_layers, heads
            self.adapters = nn.ModuleDict({
                _key(f"encoder.layer.{i}.{m}"): Adapter(base[f"encoder.layer.{i}.{m}.weight"],
                                                        base[f"encoder.layer.{i}.{m}.bias"])
                for i in range(n_layers) for m in ADAPTED})
            hidden = base["embeddings.word_embeddings.weight"].shape[1]
            self.head = nn.Linear(3 * hidden, n_classes)

        def linear(self, name, x):
            adapter = self.adapters[_key(name)] if _key(name) in self.adapters else None
            return adapter(x) if adapter is not None else x @ self.base[name + ".weight"].T + self.base[name + ".bias"]

        def encode(self, ids, mask):
            w, drop = self.base, (lambda v: F.dropout(v, DROPOUT, self.training))
            n, length = ids.shape
            x = w["embeddings.word_embeddings.weight"][ids] + w["embeddings.position_embeddings.weight"][:length] \
                + w["embeddings.token_type_embeddings.weight"][0]
            hidden = x.shape[-1]
            dh = hidden // self.heads

            def norm(v, name):
                return F.layer_norm(v, (hidden,), w[name + ".weight"], w[name + ".bias"], 1e-12)

            x = norm(x, "embeddings.LayerNorm")
            bias = (1.0 - mask[:, None, None, :].float()) * -1e9
            for i in range(self.n_layers):
                p = f"encoder.layer.{i}."
                q, k, v = (self.linear(p + f"attention.self.{m}", x).view(n, length, self.heads, dh).transpose(1, 2)
                           for m in ("query", "key", "value"))
                att = drop(torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(dh) + bias, -1))
                ctx = (att @ v).transpose(1, 2).reshape(n, length, hidden)
                x = norm(x + drop(self.linear(p + "attention.output.dense", ctx)), p + "attention.output.LayerNorm")
                ffn = self.linear(p + "output.dense", F.gelu(self.linear(p + "intermediate.dense", x)))
                x = norm(x + drop(ffn), p + "output.LayerNorm")
            return x

        def forward(self, ids, mask, actor_pos, recipient_pos):
            h = self.encode(ids, mask)
            rows = torch.arange(len(ids))
            mean = (h * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
            return self.head(F.dropout(torch.cat([h[rows, actor_pos], h[rows, recipient_pos], mean], -1),
                                       DROPOUT, self.training))

    return Classifier


def _key(name: str) -> str:
    return name.replace(".", "_")  # ModuleDict keys may not contain dots


def fine_tune(items: Sequence[tuple], labels: Sequence[str], classes: Sequence[str], epochs: int = EPOCHS,
              log: Callable[[str], None] = print, reference: Sequence[tuple] = ()) -> tuple[EncoderHead, np.ndarray]:
    """Train adapters + head on (text, actor span, recipient span) triples (class-balanced loss); also
    return PyTorch's probabilities for the `reference` triples, which the numpy head must reproduce."""
    torch = _torch()
    torch.manual_seed(SEED)
    rng = np.random.default_rng(SEED)
    base_model = load_minilm()
    base = {k: torch.tensor(v) for k, v in base_model.w.items()}
    model = _modules(torch)(base, base_model.layers, base_model.heads, len(classes))
    encoded = [marked_ids(base_model.tokenizer, text, a, r) for text, a, r in items]
    y = np.array([list(classes).index(label) for label in labels])
    counts = np.bincount(y, minlength=len(classes))
    weight = torch.tensor(len(y) / (len(classes) * np.maximum(counts, 1)), dtype=torch.float32)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(params, lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    steps = epochs * math.ceil(len(items) / BATCH)
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, LEARNING_RATE, total_steps=steps, pct_start=0.1)
    for epoch in range(epochs):
        model.train()
        t0, total = time.time(), 0.0
        order = rng.permutation(len(items))
        for start in range(0, len(order), BATCH):
            chunk = order[start:start + BATCH]
            ids, mask = pad([encoded[i][0] for i in chunk])
            logits = model(torch.tensor(ids), torch.tensor(mask), torch.tensor([encoded[i][1] for i in chunk]),
                           torch.tensor([encoded[i][2] for i in chunk]))
            loss = torch.nn.functional.cross_entropy(logits, torch.tensor(y[chunk]), weight=weight)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += float(loss.detach()) * len(chunk)
        log(f"    encoder epoch {epoch + 1}/{epochs}: loss {total / len(items):.3f} ({time.time() - t0:.0f} s)")
    names = {_key(f"encoder.layer.{i}.{m}"): f"encoder.layer.{i}.{m}" for i in range(base_model.layers) for m in ADAPTED}
    adapters = {names[key]: (adapter.A.detach().numpy().copy(), adapter.B.detach().numpy().copy())
                for key, adapter in model.adapters.items()}
    coef = model.head.weight.detach().numpy().T.copy()
    intercept = model.head.bias.detach().numpy().copy()
    model.eval()
    with torch.no_grad():
        rows = [marked_ids(base_model.tokenizer, text, a, r) for text, a, r in reference]
        probs = np.zeros((0, len(classes)), dtype=np.float32)
        if rows:
            ids, mask = pad([r[0] for r in rows])
            probs = torch.softmax(model(torch.tensor(ids), torch.tensor(mask), torch.tensor([r[1] for r in rows]),
                                        torch.tensor([r[2] for r in rows])), -1).numpy()
    return EncoderHead(adapters, coef, intercept), probs
