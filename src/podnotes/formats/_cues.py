r"""What the SubRip and WebVTT modules share: lines, blocks, clocks, timing lines, diagnostics.

Both formats are blocks of lines whose timing line reads ``start --> end``, with clocks
written ``HH:MM:SS,mmm`` (SubRip) or ``[HH:]MM:SS.mmm`` (WebVTT).  Reading is built for
speed: the readers split the text at ``\n\n`` and read the usual block shape with
slices and dict lookups (:func:`read_plain`, no regex), and hand any other block to a
careful line-by-line reader that uses :func:`read_timing` and reports every problem
through :class:`CueReader`.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from typing import Final, NamedTuple

from podnotes.diagnostics import Diagnostic, Severity

__all__ = [
    "CLOCKS_MS",
    "HOURS_MS",
    "MILLIS",
    "CueReader",
    "Problem",
    "Timing",
    "blocks",
    "clock",
    "lines_of",
    "quote",
    "read_clock",
    "read_plain",
    "read_timing",
    "require_str",
]

_BOM: Final = "\ufeff"
_MAX_HOUR_DIGITS: Final = 8
_SHORT: Final = 9  # len("MM:SS.mmm")
_PLAIN: Final = 29  # len("HH:MM:SS.mmm --> HH:MM:SS.mmm")
_ARROW: Final = "-->"
_BLANKS: Final = " \t\f"
_QUOTE_LIMIT: Final = 60
_WARNING: Final = Severity.WARNING
_INFO: Final = Severity.INFO


def quote(text: str) -> str:
    """Quote ``text`` for a message, cut to 60 characters; ``nothing`` when it is empty.

    Example:
        >>> quote("1:2x"), quote(""), quote("x" * 70)[-4:]
        ('"1:2x"', 'nothing', 'xx…"')
    """
    if not text:
        return "nothing"
    if len(text) > _QUOTE_LIMIT:
        text = text[: _QUOTE_LIMIT - 1] + "…"
    return json.dumps(text, ensure_ascii=False)


def lines_of(text: str) -> list[str]:
    r"""Split ``text`` into lines at ``\r\n``, ``\r`` and ``\n`` only, after one leading BOM.

    Unlike :meth:`str.splitlines`, characters such as U+2028 or a form feed stay inside
    their line, as both formats require.

    Example:
        >>> lines_of("\ufeffa\r\nb\rc\u2028d\n")
        ['a', 'b', 'c\u2028d', '']
    """
    if text.startswith(_BOM):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")


# Field values by spelling: one dict lookup reads and checks a field (ASCII digits only).
_SIXTY: Final = {f"{value:02d}": value for value in range(60)}
_HOURS: Final = {f"{value:02d}": value * 3600 for value in range(100)}
#: ``"mmm"`` to milliseconds.
MILLIS: Final = {f"{value:03d}": value for value in range(1000)}


def read_clock(text: str, separators: str, *, hours: bool) -> int:
    """Read ``[H...:]MM:SS<sep>mmm`` into milliseconds, or return -1 when it is not one.

    Minutes and seconds are two digits below 60, the fraction exactly three digits, hours
    (required when ``hours`` is true) one to eight digits; only ASCII digits count.

    Args:
        text: The clock, without surrounding spaces.
        separators: The characters allowed before the milliseconds (``","`` or ``".,"``).
        hours: Whether the hours field must be present.

    Returns:
        The time in milliseconds, or -1.

    Example:
        >>> read_clock("01:02:03,500", ",", hours=True), read_clock("02:03.5", ".", hours=False)
        (3723500, -1)
    """
    size = len(text)
    if size < _SHORT or text[-4] not in separators or text[-7] != ":":
        return -1
    millis = MILLIS.get(text[-3:])
    seconds = _SIXTY.get(text[-6:-4])
    minutes = _SIXTY.get(text[-9:-7])
    if millis is None or seconds is None or minutes is None:
        return -1
    whole = minutes * 60 + seconds
    if size > _SHORT:
        head = text[:-10]
        in_seconds = _HOURS.get(head)
        if in_seconds is None:
            if not (0 < len(head) <= _MAX_HOUR_DIGITS and head.isascii() and head.isdigit()):
                return -1
            in_seconds = int(head) * 3600
        if text[-10] != ":":
            return -1
        whole += in_seconds
    elif hours:
        return -1
    return whole * 1000 + millis


# The usual timing line, "HH:MM:SS,mmm --> HH:MM:SS,mmm", read by slices and lookups:
# "HH:" to ms, "MM:SS," (or "MM:SS.") to ms, "mmm" to ms; a missing key is a bad field.
#: ``"HH:"`` to milliseconds.
HOURS_MS: Final = {f"{value:02d}:": value * 3_600_000 for value in range(100)}
#: Separator to ``{"MM:SS<separator>": milliseconds}``.
CLOCKS_MS: Final = {
    separator: {
        f"{m:02d}:{s:02d}{separator}": (m * 60 + s) * 1000 for m in range(60) for s in range(60)
    }
    for separator in ".,"
}
_PLAIN_ARROW: Final = " --> "
_BAD: Final = (-1, -1)


def read_plain(line: str, separator: str) -> tuple[int, int]:
    r"""Read the usual timing line ``HH:MM:SS<sep>mmm --> HH:MM:SS<sep>mmm`` (29 characters).

    Only the first 29 characters are looked at.  A line of another shape, or with a
    separator other than ``separator`` (``","`` or ``"."``), gives ``(-1, -1)``; the caller
    still checks that the end comes after the start.

    Example:
        >>> read_plain("00:01:02,500 --> 01:00:00,000", ","), read_plain("00:01:02.500", ",")
        ((62500, 3600000), (-1, -1))
    """
    clocks, hours, millis = CLOCKS_MS[separator], HOURS_MS, MILLIS
    try:
        start = hours[line[:3]] + clocks[line[3:9]] + millis[line[9:12]]
        end = hours[line[17:20]] + clocks[line[20:26]] + millis[line[26:29]]
    except KeyError:
        return _BAD
    return (start, end) if line[12:17] == _PLAIN_ARROW else _BAD


def clock(ms: int, separator: str) -> str:
    """Write ``HH:MM:SS`` + ``separator`` + ``mmm``; hours grow past two digits, never wrap.

    Example:
        >>> clock(3723500, ","), clock(360_000_000, ".")
        ('01:02:03,500', '100:00:00.000')
    """
    seconds, millis = divmod(ms, 1000)
    minutes, seconds = divmod(seconds, 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


#: A timing line read: start and end in milliseconds, and what followed the end (cue
#: settings in WebVTT, coordinates in SubRip), stripped; a plain tuple, for speed.
Timing = tuple[int, int, str]


class Problem(NamedTuple):
    """Why a timing line could not be read: which part, where, and what it held."""

    part: str
    """``"start"``, ``"end"`` or ``"order"`` (the end is not after the start)."""
    column: int
    width: int
    found: str


def read_timing(line: str, separators: str, *, hours: bool) -> Timing | Problem:
    """Read a timing line ``start --> end [rest]``; spaces around the arrow are optional.

    Args:
        line: A line holding ``-->``.
        separators: See :func:`read_clock`.
        hours: See :func:`read_clock`.

    Returns:
        The timing, or the :class:`Problem` found first.

    Example:
        >>> read_timing("00:01.000 --> 00:02.500 align:start", ".", hours=False)
        (1000, 2500, 'align:start')
        >>> read_timing("00:01.000 --> 00:00.500", ".", hours=False)
        Problem(part='order', column=15, width=9, found='00:00.500')
    """
    if len(line) == _PLAIN and line[12:17] == " --> ":  # the usual "HH:MM:SS.mmm --> ..."
        start = read_clock(line[:12], separators, hours=hours)
        end = read_clock(line[17:], separators, hours=hours)
        if 0 <= start < end:
            return (start, end, "")
    left, _, right = line.partition(_ARROW)
    first = left.strip(_BLANKS)
    start = read_clock(first, separators, hours=hours)
    if start < 0:
        lead = len(left) - len(left.lstrip(_BLANKS))
        return Problem("start", lead + 1, len(first), first)
    after = right.lstrip(_BLANKS)
    column = len(left) + len(_ARROW) + len(right) - len(after) + 1
    cut = len(after)
    for blank in _BLANKS:
        found = after.find(blank, 0, cut)
        if found >= 0:
            cut = found
    second = after[:cut]
    end = read_clock(second, separators, hours=hours)
    if end < 0:
        return Problem("end", column, len(second), second)
    if end <= start:
        return Problem("order", column, len(second), second)
    return (start, end, after[cut:].strip(_BLANKS))


class CueReader:
    r"""What the SubRip and WebVTT readers share: the lines, and the diagnostics found.

    Example:
        >>> reader = CueReader("\ufeffa\r\nb")
        >>> reader.lines
        ['a', 'b']
        >>> reader.warn("demo.code", "expected x, found y", 1)
        >>> [(d.line, d.column, d.severity.value) for d in reader.diagnostics()]
        [(2, 1, 'warning')]

    Attributes:
        text: The input with a leading BOM removed and every line end made ``\\n``.
        lines: ``text`` split into lines.
        found: The diagnostics so far, in the order found.
    """

    def __init__(self, text: str) -> None:
        """Split ``text`` (see :func:`lines_of`)."""
        if text.startswith(_BOM):
            text = text[1:]
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text
        self.found: list[Diagnostic] = []
        self._once: set[str] = set()

    @functools.cached_property
    def lines(self) -> list[str]:
        """The text's lines, split on first use (fast paths read blocks, not lines)."""
        return self.text.split("\n")

    def note(  # noqa: PLR0913 - a diagnostic has this many parts
        self,
        code: str,
        message: str,
        index: int,
        *,
        column: int = 0,
        width: int = 0,
        severity: Severity = Severity.ERROR,
        once: bool = False,
    ) -> None:
        """Record a diagnostic on line ``index`` (0-based).

        Without a column it spans the line's visible text; with ``once``, only the first
        diagnostic of its code is kept.
        """
        if once:
            if code in self._once:
                return
            self._once.add(code)
        source = self.lines[index]
        if not column:
            stripped = source.lstrip()
            column = len(source) - len(stripped) + 1
            width = len(stripped.rstrip())
        self.found.append(
            Diagnostic(
                code=code,
                message=message,
                line=index + 1,
                column=column,
                width=max(width, 1),
                source=source,
                severity=severity,
            )
        )

    def bad_timing(self, problem: Problem, index: int, code: str, example: str) -> None:
        """Report a timing line :func:`read_timing` refused (``code`` is the format's prefix)."""
        if problem.part == "order":
            start = self.lines[index].partition(_ARROW)[0].strip()
            code, message = f"{code}.end-before-start", f"expected an end after the start {start}"
        else:
            what = "an end" if problem.part == "end" else "a start"
            code, message = f"{code}.bad-timing", f"expected {what} time such as {example}"
        message += f", found {quote(problem.found)}"
        self.note(code, message, index, column=problem.column, width=problem.width)

    def warn(  # noqa: PLR0913 - note()'s parts
        self,
        code: str,
        message: str,
        index: int,
        column: int = 0,
        width: int = 0,
        *,
        once: bool = False,
    ) -> None:
        """Record a WARNING (see :meth:`note`)."""
        self.note(code, message, index, column=column, width=width, severity=_WARNING, once=once)

    def info(  # noqa: PLR0913 - note()'s parts
        self,
        code: str,
        message: str,
        index: int,
        column: int = 0,
        width: int = 0,
        *,
        once: bool = False,
    ) -> None:
        """Record an INFO diagnostic (see :meth:`note`)."""
        self.note(code, message, index, column=column, width=width, severity=_INFO, once=once)

    def diagnostics(self) -> tuple[Diagnostic, ...]:
        """The diagnostics in line order (stable for one line)."""
        return tuple(sorted(self.found, key=lambda d: (d.line, d.column)))


def blocks(text: str, first: int = 0) -> Iterator[tuple[int, str]]:
    r"""Yield each text between ``\n\n`` that is not empty, with the index of its first line.

    A run of three or more line ends leaves a block that starts with ``\n``; callers
    treat such blocks, like any they do not recognise, line by line.

    Example:
        >>> list(blocks("a\nb\n\n\nc\n\n"))
        [(0, 'a\nb'), (3, '\nc')]
    """
    for block in text.split("\n\n"):
        if block:
            yield first, block
        first += block.count("\n") + 2


def require_str(text: object) -> str:
    """Return ``text`` when it is a str.

    Raises:
        TypeError: It is not.

    Example:
        >>> require_str("WEBVTT")
        'WEBVTT'
    """
    if not isinstance(text, str):
        msg = f"parse() text must be a str, found {type(text).__name__}"
        raise TypeError(msg)
    return text
