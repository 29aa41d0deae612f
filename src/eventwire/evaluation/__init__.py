"""Evaluation of the coder against annotated gold (development gold: `eval/dev/`).

`python -m eventwire.evaluation.dev eval/dev/de_dev.jsonl` prints the report.
"""
from __future__ import annotations

from typing import Any

__all__ = ["evaluate_dev", "format_report"]


def __getattr__(name: str) -> Any:  # lazy, so that `python -m eventwire.evaluation.dev` imports dev once
    if name in __all__:
        from eventwire.evaluation import dev
        return getattr(dev, name)
    raise AttributeError(name)
