"""Write a generated data file, or with --check only report whether it is out of date."""
from __future__ import annotations

from pathlib import Path


def write_or_check(out: Path, text: str, check: bool, summary: str = "") -> bool:
    """True when `out` holds `text` (after writing it, unless `check`); prints what happened."""
    current = out.read_text(encoding="utf-8") if out.exists() else None
    if check:
        print("up to date" if current == text else f"{out} is out of date")
        return current == text
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}{f' ({summary})' if summary else ''}")
    return True
