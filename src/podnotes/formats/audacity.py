r"""Audacity label tracks: ``start<TAB>end<TAB>label`` lines, times in seconds.

Audacity exports a label track (File > Export > Labels) as one line a label, times in
seconds with six decimals; a point label has ``start == end``::

    0.000000	65.500000	Intro
    65.500000	65.500000	A point label

Choices podnotes makes:

- **Writing.** Six decimals, as Audacity writes (whole milliseconds followed by ``000``).  A
  chapter with an end is a region label; one without is a point label.  URLs are not
  carried.  A title holding a tab or a line break raises ``ValueError``.
- **Reading.** Any number of decimals; times are rounded to whole milliseconds (halves up),
  with one info diagnostic counting the rounded values.  A point label reads back with no
  end, a region label with its end.  The label is the rest of the line after the second tab,
  exactly (spaces kept).  A line ``start<TAB>text`` whose second field is not a number is a
  point label, as Audacity imports it.  The ``\<TAB>low<TAB>high`` lines that carry a
  label's frequency range are not kept (an info diagnostic each).

Round trip: ``parse(render(chapters)).value`` equals the chapters with URLs set to None;
starts, ends and titles are exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

import attrs

from podnotes._lines import Line
from podnotes.diagnostics import Diagnostic, Parsed, Severity
from podnotes.formats._common import chapters_reader, chapters_writer, check_after, finish
from podnotes.formats._registry import Carries, Format
from podnotes.model import Chapter
from podnotes.timestamps import Timestamp

__all__ = ["FORMAT", "parse", "render"]

_BREAK: Final = re.compile(r"\r\n|\r|\n")
#   accepts: "0", "65.5", "65.500000"   rejects: "-1", "1e3", ".5", "1,5"
_SECONDS: Final = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,12})?")
_SIGNATURE: Final = re.compile(r"[0-9]{1,12}(?:\.[0-9]{1,12})?\t[0-9]{1,12}(?:\.[0-9]{1,12})?\t")


def render(chapters: Sequence[Chapter]) -> str:
    r"""Write chapters as an Audacity label track.

    Args:
        chapters: The chapters, in strictly increasing order of start.

    Returns:
        One line a chapter, each ending with a newline.

    Raises:
        ValueError: The chapters are out of order, or a title holds a tab or a line break.

    Example:
        >>> print(render([Chapter(start=Timestamp(0), title="Intro", end=Timestamp(65_500)),
        ...               Chapter(start=Timestamp(65_500), title="News")]), end="")
        0.000000	65.500000	Intro
        65.500000	65.500000	News
    """
    lines = []
    previous: Chapter | None = None
    for index, chapter in enumerate(chapters):
        if not isinstance(chapter, Chapter):
            msg = f"expected Chapter items, found {type(chapter).__name__}"  # type: ignore[unreachable]
            raise TypeError(msg)
        if previous is not None:
            check_after(previous.start, chapter.start, index)
        if any(ch in chapter.title for ch in "\t\r\n"):
            msg = f"Audacity labels cannot hold a tab or a line break, found {chapter.title!r}"
            raise ValueError(msg)
        end = chapter.start if chapter.end is None else chapter.end
        lines.append(f"{_seconds(chapter.start)}\t{_seconds(end)}\t{chapter.title}\n")
        previous = chapter
    return "".join(lines)


def parse(text: str, *, strict: bool = False) -> Parsed[tuple[Chapter, ...]]:
    r"""Read an Audacity label track.

    Args:
        text: The label file's text.
        strict: Raise instead of returning when any diagnostic is an error.

    Returns:
        The chapters and the diagnostics, in input order.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is set and an error was found.

    Example:
        >>> parse("0.000000\t65.500000\tIntro\n65.5\t65.5\tPoint\n").value
        (Chapter(start=Timestamp(ms=0), title='Intro', end=Timestamp(ms=65500), url=None),
         Chapter(start=Timestamp(ms=65500), title='Point', end=None, url=None))
    """
    if not isinstance(text, str):
        msg = f"expected the text as str, found {type(text).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    reader = _Reader()
    for number, raw in enumerate(_BREAK.split(text.removeprefix("\ufeff")), start=1):
        if raw.strip():
            reader.line(Line(number=number, raw=raw, text=raw))
    if reader.rounded:
        count = len(reader.rounded)
        message = f"rounded {count} time{'s' * (count > 1)} to whole milliseconds"
        reader.report(reader.rounded[0], "audacity.rounded", message, Severity.INFO)
    reader.diagnostics.sort(key=lambda d: (d.line, d.column))
    return finish(tuple(reader.chapters), reader.diagnostics, strict=strict)


def _seconds(stamp: Timestamp) -> str:
    whole, millis = divmod(stamp.ms, 1000)
    return f"{whole}.{millis:03d}000"


@attrs.define
class _Reader:
    chapters: list[Chapter] = attrs.field(factory=list)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    rounded: list[Line] = attrs.field(factory=list)

    def line(self, line: Line) -> None:
        fields = line.raw.split("\t", 2)
        if fields[0] == "\\":
            message = "podnotes keeps no frequency range of a label; ignored it"
            self.report(line, "audacity.ignored", message, Severity.INFO)
            return
        start = self._time(line, fields[0], "start")
        if start is None:
            return
        if len(fields) == 1:
            message = f"expected a tab and a label after {fields[0]!r}, found nothing"
            self.report(line, "audacity.no-label", message)
            return
        end: Timestamp | None = start
        if len(fields) == 2 and not _SECONDS.fullmatch(fields[1]):  # noqa: PLR2004 - start, label
            title = fields[1]
        else:
            end = self._time(line, fields[1], "end")
            title = fields[2] if len(fields) > 2 else ""  # noqa: PLR2004 - start, end, label
        if end is None:
            return
        self._add(line, start, end, title)

    def _add(self, line: Line, start: Timestamp, end: Timestamp, title: str) -> None:
        if not title.strip():
            message = "expected a label that is not blank, found a blank one; dropped it"
            self.report(line, "audacity.blank-label", message)
            return
        if end < start:
            message = f"expected an end at or after the start ({start}), found {end}"
            self.report(line, "audacity.end-before-start", message)
            end = start
        if self.chapters and start <= self.chapters[-1].start:
            before = self.chapters[-1].start
            message = f"expected a label start after {before}, found {start}; dropped it"
            self.report(line, "audacity.out-of-order", message)
            return
        self.chapters.append(Chapter(start=start, title=title, end=None if end == start else end))

    def _time(self, line: Line, text: str, what: str) -> Timestamp | None:
        if not _SECONDS.fullmatch(text):
            message = f"expected the {what} in seconds such as 65.500000, found {text[:30]!r}"
            self.diagnostics.append(line.diagnostic("audacity.bad-time", message, fragment=text))
            return None
        whole, _, fraction = text.partition(".")
        millis, rest = fraction[:3].ljust(3, "0"), fraction[3:]
        if rest.strip("0"):
            self.rounded.append(line)
        up = bool(rest) and rest[0] >= "5"  # halves up, as Timestamp.from_seconds rounds
        return Timestamp(int(whole) * 1000 + int(millis) + up)

    def report(
        self, line: Line, code: str, message: str, severity: Severity = Severity.ERROR
    ) -> None:
        fragment = line.raw.strip() or " "
        self.diagnostics.append(
            line.diagnostic(code, message, fragment=fragment, severity=severity)
        )


# --- registry -------------------------------------------------------------------------------


def _looks_like(text: str) -> bool:
    head = text.removeprefix("\ufeff")[:2000]
    first = next((line for line in _BREAK.split(head) if line.strip()), "")
    return bool(_SIGNATURE.match(first))


#: The registry entry (chapters as an Audacity label track).
FORMAT = Format(
    name="audacity",
    summary="Audacity label track (start, end, label; seconds)",
    carries=Carries.CHAPTERS,
    suffixes=("labels.txt",),
    write=chapters_writer(render),
    read=chapters_reader(parse),
    looks_like=_looks_like,
)
