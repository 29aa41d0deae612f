from __future__ import annotations


class DocumentError(ValueError):
    """A RawDocument that cannot become an Article; the message says what is wrong and what to do."""

    def __init__(self, reason: str, uri: str | None = None) -> None:
        self.reason = reason
        self.uri = uri
        super().__init__(f"{uri}: {reason}" if uri else reason)
