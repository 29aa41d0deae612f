"""Consolidation: event mentions → real-world events, their counts, claims and exports.

- ``Consolidator`` (consolidator.py): incremental, deterministic mention → event assignment with a
  per-store index under ``<store>/consolidate/``; ``consolidate(mentions)`` for one-shot use.
- ``event_records``, ``build_events``, ``claims``, ``gdelt_mentions_rows`` (events.py, claims.py,
  gdelt.py): event records over a Store (or mention rows), the claim tracker, GDELT Mentions rows.
- ``evaluate_consolidation`` (evaluate.py): pairwise P/R/F1 on eval/consolidation/ gold.
- ``event_key`` / ``assign_event_ids``: the v1 exact blocking key, kept for callers and comparison.
"""
from eventwire.consolidate.events import assign_event_ids, event_key
from eventwire.consolidate.consolidator import Consolidator, Params, consolidate, event_id_for

from eventwire.consolidate.records import build_events, event_records, num_independent
from eventwire.consolidate.claims import claims
from eventwire.consolidate.gdelt import GDELT_MENTIONS_COLUMNS, gdelt_mentions_rows
from eventwire.consolidate.evaluate import evaluate_consolidation

__all__ = ["event_key", "assign_event_ids", "Consolidator", "Params", "consolidate", "event_id_for",
           "event_records", "build_events", "num_independent", "claims", "gdelt_mentions_rows",
           "GDELT_MENTIONS_COLUMNS", "evaluate_consolidation"]
