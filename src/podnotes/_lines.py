"""Lines: the input split once, each line kept as written beside a cleaned copy.

Parsers match against :attr:`Line.text` (HTML leftovers, odd spaces and zero-width
characters removed, entities decoded, ends stripped) and report positions in
:attr:`Line.raw`, the line exactly as the input had it.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator, Sequence
from itertools import filterfalse, repeat
from typing import overload

import attrs

from podnotes.diagnostics import Diagnostic, Severity

__all__ = ["Line", "Lines", "clean", "clean_all", "split", "split_lazily"]

# Characters that are spaces to a reader but not to str.split(): NBSP, narrow NBSP, figure
# space, thin spaces and the like; and invisible ones that must vanish (zero-width, BOM).
# Every character Python counts as white space (str.isspace) becomes a plain space, but the
# line breaks: the validators call a title blank by that same test.  A test checks the list.
_SPACES = dict.fromkeys(
    map(
        ord,
        "\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2001\u2002\u2003\u2004"
        "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000",
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
# In ASCII text, what clean() does beyond stripping: the marks it acts on, and the ASCII
# white space other than " " (which str.isprintable() refuses in clean's shortcut).
_CLEANED = ("<", "&", "  ", "\t", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")
# The same marks but those that end a line for str.splitlines(): in lines it split, they
# are never found, so a text split by it is not searched for them (each search is a pass
# over the whole text).
_CLEANED_IN_LINES = tuple(mark for mark in _CLEANED if len(f"a{mark}b".splitlines()) == 1)


def clean(raw: str) -> str:
    r"""Return the text of one raw line as the parsers see it.

    Entities are decoded, known HTML tags removed, every kind of space made a plain
    space, invisible characters dropped, runs of spaces folded and the ends stripped.

    Example:
        >>> clean("\u00a0<li>Intro&nbsp;&amp;\u200b  Outro</li> ")
        'Intro & Outro'
    """
    stripped = raw.strip()
    if (  # the common case: nothing to do but strip (the marks of _CLEANED, spelt out)
        stripped.isascii()
        and "<" not in stripped
        and "&" not in stripped
        and "  " not in stripped
        and stripped.isprintable()  # no tab or other ASCII white space but " "
    ):
        return stripped
    return _clean_fully(raw)


def _clean_fully(raw: str) -> str:
    """:func:`clean` without its shortcut for lines it would only strip."""
    text = raw
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
    if not text.isascii() or not text.isprintable():  # ASCII: the table maps only controls
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


def clean_all(raws: Sequence[str], whole: str | None = None) -> list[str]:
    r""":func:`clean` each raw line; ``whole`` is the text ``str.splitlines`` split them from.

    Without ``whole`` the lines are joined to search them.

    When the whole text holds none of the ASCII marks :func:`clean` acts on, each ASCII
    line's text is the line stripped, and only the other lines are cleaned one by one (a
    page with one en dash in its title cleans one line, not thousands).

    Example:
        >>> clean_all(["  Hi ", "a&amp;b", "\u00a0x\u2013y "])
        ['Hi', 'a&b', 'x\u2013y']
    """
    marks = _CLEANED_IN_LINES
    if whole is None:
        whole, marks = "\n".join(raws), _CLEANED
    return _cleaned(raws, whole, marked=any(mark in whole for mark in marks))


def _cleaned(raws: Sequence[str], whole: str, *, marked: bool) -> list[str]:
    """:func:`clean_all` of ``raws``, told whether ``whole`` holds a mark :func:`clean` acts on.

    ``marked`` may come from a search of ``_CLEANED_IN_LINES`` when ``raws`` are
    ``whole.splitlines()``: the other marks of ``_CLEANED`` end lines there.
    """
    if marked:
        return [clean(raw) for raw in raws]
    texts = list(map(str.strip, raws))
    if whole.isascii():
        return texts
    # Only the lines that are not ASCII need more than a strip, and they are found in C:
    # str.isascii() reads a flag CPython keeps on each string (no scan of the line), and
    # list.index() finds each one from the one before it, by identity first.
    place = 0
    for raw in filterfalse(str.isascii, raws):
        place = raws.index(raw, place)
        texts[place] = clean(raw)
        place += 1
    return texts


# Trusted construction of Line, for split(): Line has no validators, converters, defaults
# or __attrs_post_init__, so setting its three slots is exactly what __init__ does.
_new = object.__new__
_set_number = Line.__dict__["number"].__set__
_set_raw = Line.__dict__["raw"].__set__
_set_text = Line.__dict__["text"].__set__


def _line(number: int, raw: str, text: str) -> Line:
    line = _new(Line)
    _set_number(line, number)
    _set_raw(line, raw)
    _set_text(line, text)
    return line


def split(text: str) -> tuple[Line, ...]:
    r"""Split a whole text into lines (``\n``, ``\r\n`` and ``\r`` all end a line).

    Example:
        >>> [line.text for line in split("a\r\nb&amp;c\n\n")]
        ['a', 'b&c', '']
    """
    raws = text.splitlines()
    return tuple(map(_line, range(1, len(raws) + 1), raws, clean_all(raws, text)))


def split_lazily(text: str) -> Lines:
    r"""Split a whole text as :func:`split` does, building each :class:`Line` on first use.

    Example:
        >>> lines = split_lazily("a\r\nb&amp;c\n\n")
        >>> lines.texts, lines[1].text, lines[1:].first_number
        (['a', 'b&c', ''], 'b&c', 2)
    """
    raws = text.splitlines()
    marked = any(mark in text for mark in _CLEANED_IN_LINES)
    # When the text holds none of those marks ("<" and "&" among them), Lines.may_hold is
    # told so and does not search it for them again: each search is a pass over the text.
    absent = () if marked else _CLEANED_IN_LINES
    return Lines(raws, _cleaned(raws, text, marked=marked), source=text, absent=absent)


class _Source:
    r"""The text some lines were split from, searched for marks span by span.

    Shared by every view of the lines.  A line's place is the lengths of the lines before
    it plus one character per line break: exact when the text holds no ``\r``, the only
    character that starts a line break of two (``\r\n``).  Places are counted on demand,
    on from the nearest one counted before; and each mark's next place after a point is
    kept, so asking about many spans in page order costs one pass over the lines and one
    search for each mark in all.
    """

    __slots__ = ("_counted", "_next", "_places", "_raws", "_text", "_usable")

    def __init__(self, text: str, raws: list[str], absent: Sequence[str] = ()) -> None:
        """Search ``text``, split into ``raws``; it is known to hold none of ``absent``."""
        self._text, self._raws = text, raws
        self._usable: bool | None = None  # no "\r" in the text; found out when first asked
        self._counted, self._places = [0], [0]  # line indexes in order, and their places
        # mark: (from, its first place from there); an absent mark was searched from 0
        self._next: dict[str, tuple[int, int]] = dict.fromkeys(absent, (0, -1))

    def holds_any(self, marks: Sequence[str], start: int, stop: int) -> bool:
        """Whether the text of lines ``start`` to ``stop`` holds one of ``marks``, or may."""
        if self._usable is None:
            self._usable = "\r" not in self._text
        if not self._usable:
            return True
        begin = self._place(start)
        found = [at for at in map(self._next_place, marks, repeat(begin)) if at >= 0]
        return bool(found) and min(found) < self._place(stop)

    def _next_place(self, mark: str, begin: int) -> int:
        """The first place of ``mark`` from ``begin`` on, or -1."""
        known = self._next.get(mark)
        if known is not None and known[0] <= begin and (known[1] < 0 or known[1] >= begin):
            return known[1]  # nothing between where that search began and what it found
        at = self._text.find(mark, begin)
        self._next[mark] = (begin, at)
        return at

    def _place(self, index: int) -> int:
        """Where line ``index`` starts in the text (the text's length for the end)."""
        counted, places = self._counted, self._places
        nearest = bisect.bisect_right(counted, index) - 1
        known = counted[nearest]
        if known == index:
            return places[nearest]
        place = places[nearest] + sum(map(len, self._raws[known:index])) + index - known
        counted.insert(nearest + 1, index)
        places.insert(nearest + 1, place)
        return place


class Lines(Sequence[Line]):
    """The lines of a text as a sequence of :class:`Line`, each built when first asked for.

    Readers that only need the text of each line (the section splitter, the transcript
    reader) take :attr:`raws` and :attr:`texts`, so a long transcript never turns into
    Line objects.  A Line once built is kept, so asking again gives the very same object.
    A slice is a view of the same lines, sharing what was built.  Lines compare equal to
    any sequence of the same Line values, a tuple included.
    """

    __slots__ = ("_built", "_joins", "_raws", "_source", "_start", "_stop", "_texts")

    def __init__(
        self,
        raws: list[str],
        texts: list[str],
        *,
        source: str | None = None,
        absent: Sequence[str] = (),
    ) -> None:
        """Hold ``raws`` (lines as written) and ``texts`` (cleaned), numbered from 1.

        ``source`` is the text ``raws`` were split from, if the caller has it: it lets
        :meth:`may_hold` answer without looking at the lines one by one.  ``absent`` are
        marks the caller has already found the source not to hold.
        """
        self._raws, self._texts = raws, texts
        self._source = None if source is None else _Source(source, raws, absent)
        self._built: list[Line | None] = [None] * len(raws)
        self._joins: dict[tuple[int, int], str] = {}  # joined(), by span, for every view
        self._start, self._stop = 0, len(raws)

    @property
    def raws(self) -> list[str]:
        """Each line as written (a new list)."""
        return self._raws[self._start : self._stop]

    @property
    def texts(self) -> list[str]:
        """Each line cleaned, as :attr:`Line.text` (a new list)."""
        return self._texts[self._start : self._stop]

    def joined(self) -> str:
        r"""The texts joined with ``\n``: made once for these lines, shared by every view.

        The section splitter searches a transcript's lines joined, and the transcript
        reader reads them so: one join of a long transcript serves both.

        Example:
            >>> lines = split_lazily("a\n b\nc")
            >>> lines[1:].joined(), lines[1:].joined() is lines[1:].joined()
            ('b\nc', True)
        """
        span = (self._start, self._stop)
        text = self._joins.get(span)
        if text is None:
            text = self._joins[span] = "\n".join(self._texts[self._start : self._stop])
        return text

    def may_hold(self, marks: str) -> bool:
        r"""Whether some text of these lines may hold one of ``marks``; False is sure.

        For marks that cleaning only makes by decoding an entity (``<``, ``>``, ``#``): the
        part of the source text these lines were split from is searched, in C, for the
        marks and for ``&``.  True when the source is not known, or holds a ``\r`` (then a
        line break may take two characters, and where a line starts is not counted).

        Example:
            >>> lines = split_lazily("# Title\nAnn: Hi.\nBob: Yo.")
            >>> lines[1:].may_hold("#"), lines.may_hold("#"), lines[1:].may_hold("<>")
            (False, True, False)
        """
        source = self._source
        return source is None or source.holds_any((*marks, "&"), self._start, self._stop)

    @property
    def first_number(self) -> int:
        """The number of the first line; the others follow one by one."""
        return self._start + 1

    def __len__(self) -> int:
        """How many lines."""
        return self._stop - self._start

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Line]: ...
    def __getitem__(self, index: int | slice) -> Line | Sequence[Line]:
        """A line (built now if never asked for before), or a slice of the lines."""
        if isinstance(index, slice):
            start, stop, step = index.indices(len(self))
            if step != 1:
                return tuple(self)[index]
            view = Lines.__new__(Lines)
            view._raws, view._texts, view._built = self._raws, self._texts, self._built  # noqa: SLF001
            view._joins, view._source = self._joins, self._source  # noqa: SLF001
            view._start = self._start + start  # noqa: SLF001
            view._stop = self._start + max(start, stop)  # noqa: SLF001
            return view
        at = index + self._stop if index < 0 else index + self._start
        if not self._start <= at < self._stop:
            msg = f"line index {index} out of range for {len(self)} lines"
            raise IndexError(msg)
        line = self._built[at]
        if line is None:
            line = self._built[at] = _line(at + 1, self._raws[at], self._texts[at])
        return line

    def __iter__(self) -> Iterator[Line]:
        """Each line in order (built now where never asked for before)."""
        built, raws, texts = self._built, self._raws, self._texts
        for at in range(self._start, self._stop):
            line = built[at]
            if line is None:
                line = built[at] = _line(at + 1, raws[at], texts[at])
            yield line

    def __eq__(self, other: object) -> bool:
        """Equal to a sequence (Lines or tuple) holding equal lines."""
        if isinstance(other, Lines | tuple):
            return tuple(self) == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        """The hash of the tuple of the lines."""
        return hash(tuple(self))

    def __repr__(self) -> str:
        """``Lines(first_number=..., count=...)``."""
        return f"Lines(first_number={self.first_number}, count={len(self)})"
