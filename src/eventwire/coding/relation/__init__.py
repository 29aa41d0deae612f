"""Relation classifier: the PLOVER event type between a marked actor and recipient in a sentence.

    from eventwire.coding.relation import classify_pair
    event_type, scores = classify_pair(text, (a_start, a_end), (r_start, r_end), "en")
"""
from eventwire.coding.relation.model import TRAINED_LANGUAGES, ModelMissing, RelationModel, classify_pair, load_model

__all__ = ["classify_pair", "load_model", "RelationModel", "ModelMissing", "TRAINED_LANGUAGES"]
