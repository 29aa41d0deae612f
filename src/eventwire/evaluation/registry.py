"""`eventwire eval DATASET`: the datasets and how to run and print each."""
from __future__ import annotations

from pathlib import Path
from typing import Callable


def _dev(lang: str):
    def run() -> dict:
        from eventwire.evaluation.dev import evaluate_dev
        repo = Path(__file__).resolve().parents[3]
        path = repo / "eval" / "dev" / f"{lang}_dev.jsonl"
        if not path.exists():
            path = Path.cwd() / "eval" / "dev" / f"{lang}_dev.jsonl"
        if not path.exists():
            from eventwire.evaluation.common import DatasetMissing
            raise DatasetMissing(f"{path} not found (dev gold lives in the repository's eval/dev/)")
        return evaluate_dev(path)

    def fmt(report: dict) -> str:
        from eventwire.evaluation.dev import format_report
        return format_report(report)
    return run, fmt


def _lazy(module: str, *args):
    def run(split: str | None = None) -> dict:
        import importlib
        evaluate = importlib.import_module(f"eventwire.evaluation.{module}").evaluate
        return evaluate(*args, split=split) if split else evaluate(*args)

    def fmt(report: dict) -> str:
        import importlib
        return importlib.import_module(f"eventwire.evaluation.{module}").format_report(report)
    return run, fmt


# datasets whose evaluate() takes a dev/test split (the Spanish gold files split by article, NGEC's cases by
# test, CASE 2021 snippets by id, the consolidation gold by story)
SPLITTABLE = {"es-plover", "es-fight", "ngec-actors", "case2021", "consolidation"}

DATASETS: dict[str, tuple[Callable[[], dict], Callable[[dict], str]]] = {
    "plv": _lazy("plv"),
    "ngec-actors": _lazy("ngec"),
    "es-plover": _lazy("spanish", "es-plover"),
    "es-fight": _lazy("spanish", "es-fight"),
    "petr2-gsr": _lazy("petr2"),
    "case2021": _lazy("case2021"),
    "de-dev": _dev("de"),
    "en-dev": _dev("en"),
    "consolidation": _lazy("consolidation"),
}
