"""Language identification with py3langid (model loaded once per process)."""
from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

CLASSIFY_CHARS = 2000
UNDETERMINED = "und"


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)


def normalize_language(code: str | None) -> str | None:
    """"de-DE"/"DE"/"de_AT" → "de"; empty → None."""
    if not code:
        return None
    code = code.strip().replace("_", "-").split("-")[0].lower()
    return code or None


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` (classified on its first ~2000 characters); "und" for no text."""
    sample = text[:CLASSIFY_CHARS]
    if not sample.strip():
        return UNDETERMINED
    lang, _score = _identifier().classify(sample)
    return lang
