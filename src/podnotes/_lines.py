"""Lines: the input split once, each line kept as written beside a cleaned copy.

Parsers match against :attr:`Line.text` (HTML leftovers, odd spaces and zero-width
characters removed, entities decoded, ends stripped) and report positions in
:attr:`Line.raw`, the line exactly as the input had it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator

import attrs

from podnotes.diagnostics import Diagnostic, Severity

__all__ = ["Line", "clean", "split"]

# Characters that are spaces to a reader but not to str.split(): NBSP, narrow NBSP, figure
# space, thin spaces and the like; and invisible ones that must vanish (zero-width, BOM).
_SPACES = dict.fromkeys(
    map(
        ord,
        "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
        "\u2008\u2009\u200a\u202f\u205f\u3000\t",
    ),
    " ",
)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_TRANSLATE = {**_SPACES, **_INVISIBLE}

# HTML tags that scrapers leave behind. Only these names are stripped, so WebVTT voice
# spans (<v Name>), <c> classes and a literal "<3" survive.  Attributes are bounded.
#   accepts: <br>, <br/>, </p>, <h2 class="x">, <a href="https://e.org">, </a>
#   rejects: <v Speaker 1>, <c.loud>, <3, <00:01:02.000>
_TAG = re.compile(
    r"</?(?:a|abbr|b|blockquote|br|cite|code|div|em|h[1-6]|hr|i|img|li|ol|p|pre|section"
    r"|small|span|strong|sub|sup|table|tbody|td|th|thead|tr|u|ul|time|article|header"
    r"|footer|main|nav|figure|figcaption|dd|dl|dt)(?:\s[^<>]{0,500})?/?>",
    re.IGNORECASE,
)
_RUNS_OF_SPACE = re.compile(r" {2,}")


def clean(raw: str) -> str:
    r"""Return the text of one raw line as the parsers see it.

    Entities are decoded, known HTML tags removed, every kind of space made a plain
    space, invisible characters dropped, runs of spaces folded and the ends stripped.

    Example:
        >>> clean("\u00a0<li>Intro&nbsp;&amp;\u200b  Outro</li> ")
        'Intro & Outro'
    """
    text = raw
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    text = text.translate(_TRANSLATE)
    if "  " in text:
        text = _RUNS_OF_SPACE.sub(" ", text)
    return text.strip()


@attrs.frozen(kw_only=True)
class Line:
    """One line of input.

    Attributes:
        number: 1-based line number.
        raw: The line as written, without its line break.
        text: The cleaned line (see :func:`clean`); empty for a blank line.
    """

    number: int
    raw: str
    text: str

    @property
    def blank(self) -> bool:
        """True when the line holds nothing a reader would see."""
        return not self.text

    def column(self, fragment: str = "") -> int:
        """The 1-based column in :attr:`raw` where ``fragment`` of the text starts.

        Falls back to the first visible character when the fragment was changed by
        cleaning and cannot be found as written.
        """
        if fragment:
            found = self.raw.find(fragment)
            if found >= 0:
                return found + 1
        return len(self.raw) - len(self.raw.lstrip()) + 1

    def diagnostic(
        self,
        code: str,
        message: str,
        *,
        fragment: str = "",
        severity: Severity = Severity.ERROR,
    ) -> Diagnostic:
        """A diagnostic pinned to this line, spanning ``fragment`` (or the visible text)."""
        span = fragment or self.raw.strip() or " "
        return Diagnostic(
            code=code,
            message=message,
            line=self.number,
            column=self.column(span),
            width=max(1, min(len(span), len(self.raw) or 1)),
            source=self.raw,
            severity=severity,
        )


def iter_lines(raws: Iterable[str], *, first: int = 1) -> Iterator[Line]:
    r"""Yield a :class:`Line` for each raw line, numbered from ``first``.

    Trailing ``\r`` and ``\n`` are removed, so the lines of an open file work as well.
    """
    for number, raw in enumerate(raws, start=first):
        line = raw.rstrip("\r\n")
        yield Line(number=number, raw=line, text=clean(line) if line else "")


def split(text: str) -> tuple[Line, ...]:
    r"""Split a whole text into lines (``\n``, ``\r\n`` and ``\r`` all end a line).

    Example:
        >>> [line.text for line in split("a\r\nb&amp;c\n\n")]
        ['a', 'b&c', '']
    """
    return tuple(iter_lines(text.splitlines()))
