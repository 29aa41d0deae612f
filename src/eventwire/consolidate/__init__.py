"""Consolidation: event mentions → real-world events, their counts, claims and exports.

- ``Consolidator`` (consolidator.py): incremental, deterministic mention → event assignment with a
  per-store index under ``<store>/consolidate/``; ``consolidate(mentions)`` for one-shot use.
- ``event_records``, ``build_events``, ``claims``, ``gdelt_mentions_rows`` (records.py, claims.py,
  gdelt.py): event records over a Store (or mention rows), the claim tracker, GDELT Mentions rows.
- ``translated_original`` (copies.py): links a translated copy to its original after consolidation.
"""
from eventwire.consolidate.consolidator import Consolidator, Params, consolidate, event_id_for

from eventwire.consolidate.records import build_events, event_records, num_independent
from eventwire.consolidate.claims import claims
from eventwire.consolidate.gdelt import GDELT_MENTIONS_COLUMNS, gdelt_mentions_rows
from eventwire.consolidate.copies import translated_original

__all__ = ["Consolidator", "Params", "consolidate", "event_id_for",
           "event_records", "build_events", "num_independent", "claims", "gdelt_mentions_rows",
           "GDELT_MENTIONS_COLUMNS", "translated_original"]
