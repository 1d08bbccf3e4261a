"""mp4chaps text chapters: one ``HH:MM:SS.mmm Title`` line per chapter.

This is the "native" chapter file of mp4v2's ``mp4chaps`` tool (``episode.chapters.txt``),
which many tagging tools read and write::

    00:00:00.000 Intro
    00:01:05.500 The news

Choices podnotes makes:

- **Writing.** Always ``HH:MM:SS.mmm`` (hours grow past 99 when needed), one space, then the
  title.  The format has no ends and no links: chapter ends and URLs are not written.  A
  title holding a line break, or starting or ending with whitespace (which a reader cannot
  tell from the separator), raises ``ValueError``.
- **Reading.** Also ``H:MM:SS``, ``MM:SS`` and times without milliseconds or with one or two
  digits of them; the title is the rest of the line, stripped.  Blank lines are skipped.
  Read chapters have no ends (the page parser derives ends; formats do not).

Round trip: ``parse(render(chapters)).value`` equals the chapters with ends and URLs set to
None; starts (to the millisecond) and titles are exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from podnotes._lines import Line
from podnotes.diagnostics import Diagnostic, Parsed
from podnotes.formats._common import chapters_reader, chapters_writer, finish, in_order
from podnotes.formats._registry import Carries, Format
from podnotes.model import Chapter
from podnotes.timestamps import Timestamp, TimestampError

__all__ = ["FORMAT", "parse", "render"]

# A time at the start of a line, then whitespace or the end.
#   accepts: "00:01:05.500 Intro", "1:01:05 Intro", "01:05 Intro", "00:00:00.5"
#   rejects: "1:5 Intro", "Intro 00:01:05", "00:01:05.5000 x", "00:01:05Intro"
_LINE: Final = re.compile(
    r"(?P<time>[0-9]{1,7}:[0-9]{2}(?::[0-9]{2})?(?:\.[0-9]{1,3})?)(?:[ \t]+(?P<title>.*))?"
)
_STRICT_LINE: Final = re.compile(r"[0-9]{2,7}:[0-5][0-9]:[0-5][0-9]\.[0-9]{3} \S")
_BREAK: Final = re.compile(r"\r\n|\r|\n")
_EXPECTED: Final = 'a line such as "00:01:05.500 Title"'


def render(chapters: Sequence[Chapter]) -> str:
    r"""Write chapters as mp4chaps lines.

    Args:
        chapters: The chapters, in strictly increasing order of start.

    Returns:
        One line a chapter, each ending with a newline.

    Raises:
        ValueError: The chapters are out of order, or a title holds a line break or starts or
            ends with whitespace.

    Example:
        >>> print(render([Chapter(start=Timestamp(0), title="Intro"),
        ...               Chapter(start=Timestamp(3_723_500), title="Q&A")]), end="")
        00:00:00.000 Intro
        01:02:03.500 Q&A
    """
    lines = []
    for index, chapter in enumerate(in_order(chapters)):
        title = chapter.title
        if "\n" in title or "\r" in title or title != title.strip():
            msg = (
                f"mp4chaps titles are one line without surrounding whitespace, found "
                f"{title!r} (chapter {index + 1}, at {chapter.start})"
            )
            raise ValueError(msg)
        lines.append(f"{chapter.start.format('hms.mmm')} {title}\n")
    return "".join(lines)


def parse(text: str, *, strict: bool = False) -> Parsed[tuple[Chapter, ...]]:
    r"""Read mp4chaps lines.

    Args:
        text: The file's text.
        strict: Raise instead of returning when any diagnostic is an error.

    Returns:
        The chapters (without ends) and the diagnostics, in input order.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is set and an error was found.

    Example:
        >>> parse("00:00:00.000 Intro\n1:01:05 Outro\n").value[1]
        Chapter(start=Timestamp(ms=3665000), title='Outro', end=None, url=None)
    """
    if not isinstance(text, str):
        msg = f"expected the text as str, found {type(text).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    chapters: list[Chapter] = []
    diagnostics: list[Diagnostic] = []
    for number, raw in enumerate(_BREAK.split(text.removeprefix("\ufeff")), start=1):
        line = Line(number=number, raw=raw, text=raw.strip())
        if line.text:
            found = _chapter(line, chapters)
            if isinstance(found, Diagnostic):
                diagnostics.append(found)
            else:
                chapters.append(found)
    return finish(tuple(chapters), diagnostics, strict=strict)


def _chapter(line: Line, before: list[Chapter]) -> Chapter | Diagnostic:
    found = _LINE.fullmatch(line.text)
    if found is None:
        clipped = line.text[:40]
        return line.diagnostic("mp4chaps.bad-line", f"expected {_EXPECTED}, found {clipped!r}")
    time, title = found["time"], (found["title"] or "").strip()
    try:
        start = Timestamp.parse(time)
    except TimestampError as problem:
        return line.diagnostic("mp4chaps.bad-time", str(problem), fragment=time)
    if not title:
        message = f"expected a title after {time!r}, found nothing; dropped the chapter"
        return line.diagnostic("mp4chaps.no-title", message, fragment=time)
    if before and start <= before[-1].start:
        message = f"expected a chapter start after {before[-1].start}, found {start}; dropped it"
        return line.diagnostic("mp4chaps.out-of-order", message, fragment=time)
    return Chapter(start=start, title=title)


# --- registry -------------------------------------------------------------------------------


def _looks_like(text: str) -> bool:
    lines = [line for line in _BREAK.split(text.removeprefix("\ufeff")[:2000]) if line.strip()]
    return bool(lines) and all(_STRICT_LINE.match(line) for line in lines[:5])


#: The registry entry (chapter starts and titles as mp4chaps lines).
FORMAT = Format(
    name="mp4chaps",
    summary="mp4chaps chapter lines (HH:MM:SS.mmm Title)",
    carries=Carries.CHAPTERS,
    suffixes=(".chapters.txt",),
    write=chapters_writer(render),
    read=chapters_reader(parse),
    looks_like=_looks_like,
)
