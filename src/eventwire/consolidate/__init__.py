"""Consolidation: event mentions → real-world events."""
from eventwire.consolidate.events import event_key, assign_event_ids

__all__ = ["event_key", "assign_event_ids"]
