"""Sentence boundaries inside one paragraph (placeholder, to be replaced by the project's segmenter)."""
from __future__ import annotations

import re

_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")


def split(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, tuple[str, ...]]]:
    """(start, end, defects) of each sentence in text[start:end], offsets into `text`."""
    end = len(text) if end is None else end
    spans, pos = [], start
    for m in _END.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        if chunk.strip():
            lead = len(chunk) - len(chunk.lstrip())
            out.append((s + lead, s + lead + len(chunk.strip()), ()))
    return out
