"""NGEC actor-resolution cases (`ngec_actor_resolution_cases.tsv`: test, method, text, context, date,
expected_country, expected_sector) scored with `resolve_actor`.  A case is right when every expected
field that is filled (country and/or sector) equals ours.  `--split dev|test` scores one half: cases are
split by a hash of their test name, so the parametrised cases of one NGEC test fall in the same half.
NGEC writes Kosovo as XKX (the ISO user-assigned code); the PLOVER manual, and so eventwire, as KOS: the
two are read as one code."""
from __future__ import annotations

import csv
from collections import Counter

from eventwire.evaluation.common import dataset_path, hash_half, select_half, split_title, table

FILE = "ngec_actor_resolution_cases.tsv"
SAME_COUNTRY = {"XKX": "KOS"}  # NGEC's code -> the PLOVER manual's code for the same country


def read(path=None) -> list[dict]:
    with open(path or dataset_path(FILE), encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in r.items()}
                for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)]


def select(cases: list[dict], split: str = "all") -> list[dict]:
    """One half of the cases, fixed by the test name (`hash_half`)."""
    return select_half(cases, split, lambda c: hash_half(c["test"]))


def score(cases: list[dict], resolve) -> dict:
    right, n_country, ok_country, n_sector, ok_sector = 0, 0, 0, 0, 0
    by_method, errors = Counter(), []
    totals = Counter()
    for c in cases:
        got = resolve(c)
        ok = True
        if c["expected_country"]:
            n_country += 1
            hit = got.get("country") == SAME_COUNTRY.get(c["expected_country"], c["expected_country"])
            ok_country += hit
            ok &= hit
        if c["expected_sector"]:
            n_sector += 1
            hit = got.get("sector") == c["expected_sector"]
            ok_sector += hit
            ok &= hit
        right += ok
        totals[c["method"]] += 1
        by_method[c["method"]] += ok
        if not ok:
            errors.append({"test": c["test"], "text": c["text"], "context": c["context"], "date": c["date"],
                           "expected": [c["expected_country"], c["expected_sector"]],
                           "got": [got.get("country"), got.get("sector")]})
    n = len(cases)
    return {"n": n, "accuracy": round(right / n, 4) if n else 0.0,
            "country_accuracy": round(ok_country / n_country, 4) if n_country else None,
            "sector_accuracy": round(ok_sector / n_sector, 4) if n_sector else None,
            "n_country": n_country, "n_sector": n_sector,
            "by_method": {m: {"n": totals[m], "accuracy": round(by_method[m] / totals[m], 4)} for m in totals},
            "errors": errors}


def evaluate(path=None, split: str = "all") -> dict:
    from eventwire.coding.relation.actor_resolution import resolve_actor

    return {"dataset": "ngec-actors", "file": FILE, "split": split, "anchor": None} | \
        score(select(read(path), split), lambda c: resolve_actor(c["text"], c["context"], c["date"] or None))


def format_report(report: dict) -> str:
    return "\n".join([
        f"{split_title('ngec-actors', report.get('split', 'all'))}: {report['file']} — {report['n']} cases",
        table(["metric", "eventwire", "n", "anchor"],
              [["accuracy (all expected fields)", report["accuracy"], report["n"], None],
               ["country accuracy", report["country_accuracy"], report["n_country"], None],
               ["sector accuracy", report["sector_accuracy"], report["n_sector"], None]]
              + [[f"  method {m}", v["accuracy"], v["n"], None] for m, v in report["by_method"].items()]),
        "(anchor: NGEC's own resolver passes its test suite by construction; no independent number)"])
