"""Helpers for formats read as one whole document (JSON, XML) rather than line by line.

A :class:`Document` maps character offsets to lines and columns, so a reader that knows
*where* a value starts can report it the way every podnotes diagnostic reads.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TypeVar

from podnotes.diagnostics import Diagnostic, Parsed, ParseError, Severity

__all__ = ["Document", "finish", "require_text"]

T = TypeVar("T")

# The line ends JSON and XML count: \r\n, \r and \n (not \u2028 or \x85, unlike splitlines).
_LINE_END = re.compile(r"\r\n?|\n")


class Document:
    r"""A text and the offsets where its lines start.

    Example:
        >>> d = Document("ab\r\ncd", "demo").diagnostic("x", "expected y, found d", 5)
        >>> d.line, d.column, d.source
        (2, 2, 'cd')
    """

    def __init__(self, text: str, prefix: str) -> None:
        """Wrap ``text``; diagnostic codes are ``prefix.code``."""
        self.text = text
        self.prefix = prefix
        self._sources: dict[int, str] = {}  # one str per line, shared by its diagnostics

    @functools.cached_property
    def starts(self) -> list[int]:
        """The offset where each line starts."""
        return [0, *(m.end() for m in _LINE_END.finditer(self.text))]

    def offset(self, line: int, column: int) -> int:
        """The offset of a 1-based ``line`` and a 0-based ``column`` (as parsers count)."""
        return self.starts[min(max(line, 1), len(self.starts)) - 1] + column

    def diagnostic(
        self,
        code: str,
        message: str,
        offset: int,
        width: int = 1,
        severity: Severity = Severity.ERROR,
    ) -> Diagnostic:
        """A diagnostic for ``width`` characters from ``offset``, cut at the line's end."""
        index = bisect.bisect_right(self.starts, offset) - 1
        source = self._sources.get(index)
        if source is None:
            end = self.starts[index + 1] if index + 1 < len(self.starts) else len(self.text)
            source = self._sources[index] = self.text[self.starts[index] : end].rstrip("\r\n")
        column = offset - self.starts[index] + 1
        return Diagnostic(
            code=f"{self.prefix}.{code}",
            message=message,
            line=index + 1,
            column=column,
            width=max(1, min(width, len(source) - column + 1)),
            source=source,
            severity=severity,
        )


def finish(value: T, diagnostics: list[Diagnostic], *, strict: bool) -> Parsed[T]:
    """The result with its diagnostics in input order; raise when strict and one is an error.

    Example:
        >>> finish(1, [], strict=True)
        Parsed(value=1, diagnostics=())
    """
    result = Parsed(value, sorted(diagnostics, key=lambda d: (d.line, d.column)))
    if strict and not result.ok:
        raise ParseError(result.errors)
    return result


def require_text(text: object) -> str:
    """Return ``text`` when it is a str; raise TypeError otherwise.

    Example:
        >>> require_text(b"x")
        Traceback (most recent call last):
        TypeError: expected the text as a str, found bytes
    """
    if not isinstance(text, str):
        msg = f"expected the text as a str, found {type(text).__name__}"
        raise TypeError(msg)
    return text
