r"""FFmpeg's metadata text (``;FFMETADATA1``): chapters FFmpeg muxes into MP3, M4A, MKV...

A file starts with the header ``;FFMETADATA1``, then global ``key=value`` tags (podnotes
writes the episode's ``title=``), then one ``[CHAPTER]`` section per chapter::

    ;FFMETADATA1
    title=State of AI
    [CHAPTER]
    TIMEBASE=1/1000
    START=0
    END=65000
    title=Intro

Choices podnotes makes, where FFmpeg's documentation and its code leave room:

- **Writing.** Always ``TIMEBASE=1/1000`` (times are whole milliseconds), then ``START``,
  ``END`` and ``title``, in the order FFmpeg's reader expects, with no blank lines (as
  FFmpeg's own muxer writes).  ``=``, ``;``, ``#``, ``\`` and both line-break characters
  (``\n`` and ``\r``) are escaped with a backslash.  The format needs an end for every
  chapter: a chapter without one ends where the next starts, and the last one at
  ``duration``; without either, :func:`render` raises ``ValueError``.  Chapter URLs are not
  carried.  A NUL character, and a title ending in a backslash, raise ``ValueError``:
  FFmpeg's reader (checked with 5.1; its current code reads lines the same way) takes an
  escaped backslash at the end of a line for a line continuation and swallows the next
  line.  (podnotes' reader reads such a line as the documentation says.)
- **Reading.** Lines end at ``\n``, ``\r\n`` or ``\r`` unless escaped; empty lines and lines
  starting with ``;`` or ``#`` are comments.  ``TIMEBASE`` may be any ``num/den``; without
  one, START and END are nanoseconds, as FFmpeg's reader takes them (older FFmpeg
  documentation said milliseconds; a warning says which was used).  Times are converted
  to milliseconds exactly, rounding half up when the time base is finer, with one info
  diagnostic counting the rounded values.  ``title`` is matched in any case, as FFmpeg
  looks tags up.  Other tags, and ``[STREAM]`` sections, are not kept (an info diagnostic
  each).  A chapter whose TIMEBASE, START or END is not at its head, in that order, is read
  all the same, with a warning, since FFmpeg would misread it.  Read chapters always have
  ends, unless END is missing or not after START (errors).

Round trip: ``parse(render(chapters)).value`` equals the chapters with every end filled in
as described above and URLs dropped; starts, ends and titles are exact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

import attrs

from podnotes._lines import Line
from podnotes._timeparse import round_half_up
from podnotes.diagnostics import Diagnostic, Parsed, ParseError, Severity
from podnotes.formats._common import in_order
from podnotes.formats._registry import Carries, Format
from podnotes.model import Chapter, Episode
from podnotes.timestamps import Timestamp

__all__ = ["FORMAT", "HEADER", "parse", "render"]

#: The first line of every FFmpeg metadata file podnotes writes.
HEADER: Final = ";FFMETADATA1"

_SPECIAL: Final = re.compile(r"[=;#\\\r\n]")
# A backslash with the character it escapes (none at the very end), or a line end.
_TOKEN: Final = re.compile(r"\\[\s\S]?|\r\n|\r|\n")
_PHYSICAL: Final = re.compile(r"\r\n|\r|\n")
_ESCAPE_OR_EQUALS: Final = re.compile(r"\\[\s\S]?|=")
_UNESCAPE: Final = re.compile(r"\\([\s\S])")
#   accepts: "0", "65000"   rejects: "-1", "1.5", "1e3", a 19-digit number
_NUMBER: Final = re.compile(r"[0-9]{1,18}")
#   accepts: "1/1000", "1/90000"   rejects: "1000", "1/", "-1/1000"
_TIMEBASE: Final = re.compile(r"(?P<num>[0-9]{1,18})/(?P<den>[0-9]{1,18})")
_TIMING: Final = ("TIMEBASE", "START", "END")
_NANOSECONDS: Final = Fraction(1, 10**9)


def render(
    chapters: Sequence[Chapter],
    *,
    title: str | None = None,
    duration: Timestamp | None = None,
) -> str:
    r"""Write chapters as an FFmpeg metadata file.

    Args:
        chapters: The chapters, in strictly increasing order of start.
        title: The episode's title, written as the global ``title=`` tag.
        duration: The episode's length: the end of a last chapter that has none.

    Returns:
        The text, ending with a newline.

    Raises:
        ValueError: The chapters are out of order, a chapter has no end that can be worked
            out, ``title`` is blank, or a text holds a NUL or ends in a backslash.

    Example:
        >>> chapters = [Chapter(start=Timestamp(0), title="Q&A; a=b")]
        >>> print(render(chapters, duration=Timestamp(61_500)), end="")
        ;FFMETADATA1
        [CHAPTER]
        TIMEBASE=1/1000
        START=0
        END=61500
        title=Q&A\; a\=b
    """
    checked = in_order(chapters)
    lines = [HEADER]
    if title is not None:
        if not title.strip():
            msg = f"expected a title that is not blank, found {title!r}"
            raise ValueError(msg)
        lines.append("title=" + _escape(title, "the episode title"))
    for index, chapter in enumerate(checked):
        end = _end_of(checked, index, duration)
        lines += [
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            f"START={chapter.start.ms}",
            f"END={end.ms}",
            "title=" + _escape(chapter.title, f"the title of chapter {index + 1}"),
        ]
    return "\n".join(lines) + "\n"


def parse(text: str, *, strict: bool = False) -> Parsed[tuple[Chapter, ...]]:
    r"""Read the chapters of an FFmpeg metadata file.

    Args:
        text: The file's text.
        strict: Raise instead of returning when any diagnostic is an error.

    Returns:
        The chapters and the diagnostics, in input order.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is set and an error was found.

    Example:
        >>> text = ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=5000\ntitle=a\\=b\n"
        >>> parse(text).value
        (Chapter(start=Timestamp(ms=0), title='a=b', end=Timestamp(ms=5000), url=None),)
    """
    read = _read_text(text, strict=strict)
    return Parsed(tuple(read.chapters), read.diagnostics)


def _read_text(text: str, *, strict: bool) -> _Reader:
    if not isinstance(text, str):
        msg = f"expected the text as str, found {type(text).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    read = _Reader(text.removeprefix("\ufeff")).run()
    errors = [d for d in read.diagnostics if d.severity is Severity.ERROR]
    if strict and errors:
        raise ParseError(errors)
    return read


# --- writing --------------------------------------------------------------------------------


def _end_of(chapters: list[Chapter], index: int, duration: Timestamp | None) -> Timestamp:
    chapter = chapters[index]
    if chapter.end is not None:
        return chapter.end
    if index + 1 < len(chapters):
        return chapters[index + 1].start
    if duration is None:
        msg = (
            f"ffmetadata needs an end for every chapter: give the last chapter "
            f"({chapter.title!r} at {chapter.start}) an end, or pass duration="
        )
        raise ValueError(msg)
    if duration <= chapter.start:
        msg = (
            f"expected a duration after the last chapter's start ({chapter.start}), "
            f"found {duration}"
        )
        raise ValueError(msg)
    return duration


def _escape(value: str, what: str) -> str:
    if "\0" in value:
        msg = f"ffmetadata cannot carry a NUL character, found one in {what}: {value!r}"
        raise ValueError(msg)
    if value.endswith("\\"):
        msg = (
            f"ffmetadata cannot carry a text ending in a backslash (FFmpeg would read the "
            f"next line into it), found {what}: {value!r}"
        )
        raise ValueError(msg)
    return _SPECIAL.sub(lambda found: "\\" + found[0], value)


# --- reading --------------------------------------------------------------------------------


@attrs.define
class _Section:
    """A ``[CHAPTER]`` section while it is read."""

    head: Line
    values: dict[str, tuple[Line, str]] = attrs.field(factory=dict)
    rank: int = -1  # of the last line read: 0, 1, 2 for TIMEBASE, START, END; 3 for a tag


@attrs.define
class _Reader:
    text: str
    chapters: list[Chapter] = attrs.field(factory=list)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    title: str | None = None
    rounded: list[Line] = attrs.field(factory=list)

    def run(self) -> _Reader:
        lines = self._logical_lines()
        first = lines[0]
        if not first.text.startswith(";FFMETADATA"):
            found = repr(first.text[:20]) if first.text else "nothing"
            self._report(first, "ffmetadata.header", f"expected {HEADER!r}, found {found}")
        elif first.text.rstrip() != HEADER:
            message = f"expected {HEADER!r}, found {first.text!r}; read it as version 1"
            self._report(first, "ffmetadata.version", message, severity=Severity.WARNING)
        section: _Section | None = None
        where = "global"
        for logical in lines[1:]:
            text = logical.text
            if not text or text.startswith((";", "#")):
                continue
            stripped = text.rstrip()
            if stripped in {"[CHAPTER]", "[STREAM]"}:
                self._close(section)
                section = _Section(logical) if stripped == "[CHAPTER]" else None
                where = stripped
            else:
                self._tag(logical, section, where)
        self._close(section)
        if self.rounded:
            count = len(self.rounded)
            message = f"rounded {count} time{'s' * (count > 1)} to whole milliseconds"
            self._report(self.rounded[0], "ffmetadata.rounded", message, severity=Severity.INFO)
        self.diagnostics.sort(key=lambda d: (d.line, d.column))
        return self

    def _logical_lines(self) -> list[Line]:
        """The lines with escaped line breaks joined (escapes kept in ``text``).

        Each is numbered, and shown in diagnostics, as its first physical line.
        """
        physical = _PHYSICAL.split(self.text)
        found: list[Line] = []
        number, first, start = 1, 1, 0
        for token in _TOKEN.finditer(self.text):
            piece = token[0]
            if piece == "\\":
                line = Line(number=number, raw=physical[number - 1], text="")
                message = "expected a character after the backslash, found the end of the text"
                self.diagnostics.append(line.diagnostic("ffmetadata.bad-escape", message))
            elif piece[0] == "\\":
                # An escaped line break continues the line; "\\\r" + "\n" counts once.
                after = self.text[token.end() : token.end() + 1]
                number += piece[1] == "\n" or (piece[1] == "\r" and after != "\n")
            else:
                text = self.text[start : token.start()]
                found.append(Line(number=first, raw=physical[first - 1], text=text))
                number += 1
                first, start = number, token.end()
        found.append(Line(number=first, raw=physical[first - 1], text=self.text[start:]))
        return found

    def _tag(self, logical: Line, section: _Section | None, where: str) -> None:
        split = next((m for m in _ESCAPE_OR_EQUALS.finditer(logical.text) if m[0] == "="), None)
        if split is None:
            message = f"expected a key=value line or a section, found {logical.text[:40]!r}"
            self._report(logical, "ffmetadata.bad-line", message)
            return
        key = _unescape(logical.text[: split.start()])
        value = _unescape(logical.text[split.end() :])
        if section is not None:
            self._chapter_tag(logical, section, key, value)
        elif where == "global" and key.casefold() == "title":
            if value.strip():
                self.title = value
            else:
                message = "expected a title that is not blank, found a blank one"
                self._report(logical, "ffmetadata.blank-title", message)
        else:
            place = "the global tags" if where == "global" else "a [STREAM] section"
            message = f"podnotes keeps no {key!r} tag in {place}; ignored it"
            self._report(logical, "ffmetadata.ignored", message, severity=Severity.INFO)

    def _chapter_tag(self, logical: Line, section: _Section, key: str, value: str) -> None:
        name = "title" if key.casefold() == "title" else key
        rank = _TIMING.index(name) if name in _TIMING else len(_TIMING)
        if rank < len(_TIMING) and rank <= section.rank:  # FFmpeg reads them only up front
            message = (
                f"expected TIMEBASE, START and END first in a chapter and in that order "
                f"(FFmpeg reads them only there), found {name} later"
            )
            self._report(logical, "ffmetadata.order", message, severity=Severity.WARNING)
        section.rank = max(section.rank, rank)
        if name not in {*_TIMING, "title"}:
            message = f"podnotes keeps no {key!r} tag of a chapter; ignored it"
            self._report(logical, "ffmetadata.ignored", message, severity=Severity.INFO)
        elif name in section.values:
            message = f"expected one {name} in a chapter, found another"
            self._report(logical, "ffmetadata.duplicate", message)
        else:
            section.values[name] = (logical, value)

    def _close(self, section: _Section | None) -> None:
        if section is None:
            return
        timebase = self._timebase(section)
        if timebase is None:
            return
        start = self._time(section, "START", timebase)
        title = self._title(section)
        if start is None or title is None:
            return
        end = self._time(section, "END", timebase)
        if end is not None and end <= start:
            logical = section.values["END"][0]
            message = f"expected an END after the START ({start}), found {end}"
            self._report(logical, "ffmetadata.end-before-start", message)
            end = None
        if self.chapters and start <= self.chapters[-1].start:
            logical = section.values["START"][0]
            before = self.chapters[-1].start
            message = f"expected a chapter start after {before}, found {start}; dropped it"
            self._report(logical, "ffmetadata.out-of-order", message)
            return
        self.chapters.append(Chapter(start=start, title=title, end=end))

    def _timebase(self, section: _Section) -> Fraction | None:
        if "TIMEBASE" not in section.values:
            message = "found no TIMEBASE; read START and END as nanoseconds, as FFmpeg does"
            self._report(section.head, "ffmetadata.no-timebase", message, severity=Severity.WARNING)
            return _NANOSECONDS
        logical, value = section.values["TIMEBASE"]
        found = _TIMEBASE.fullmatch(value.strip())
        if found is None or not int(found["num"]) or not int(found["den"]):
            message = f'expected a TIMEBASE such as "1/1000", found {value[:30]!r}'
            self._report(logical, "ffmetadata.bad-timebase", message)
            return None
        return Fraction(int(found["num"]), int(found["den"]))

    def _time(self, section: _Section, key: str, timebase: Fraction) -> Timestamp | None:
        if key not in section.values:
            message = f"expected {key}= in the chapter, found none"
            self._report(section.head, f"ffmetadata.missing-{key.lower()}", message)
            return None
        logical, value = section.values[key]
        if _NUMBER.fullmatch(value.strip()) is None:
            message = f"expected {key} as a whole number of at least 0, found {value[:30]!r}"
            self._report(logical, "ffmetadata.bad-number", message)
            return None
        exact = int(value) * timebase * 1000
        if exact.denominator != 1:
            self.rounded.append(logical)
        return Timestamp(round_half_up(exact))

    def _title(self, section: _Section) -> str | None:
        if "title" not in section.values:
            message = "expected title= in the chapter, found none; dropped the chapter"
            self._report(section.head, "ffmetadata.missing-title", message)
            return None
        logical, value = section.values["title"]
        if not value.strip():
            message = "expected a title that is not blank, found a blank one; dropped the chapter"
            self._report(logical, "ffmetadata.blank-title", message)
            return None
        return value

    def _report(
        self, line: Line, code: str, message: str, *, severity: Severity = Severity.ERROR
    ) -> None:
        fragment = line.raw.rstrip() or " "
        self.diagnostics.append(
            line.diagnostic(code, message, fragment=fragment, severity=severity)
        )


def _unescape(text: str) -> str:
    return _UNESCAPE.sub(lambda found: found[1], text) if "\\" in text else text


# --- registry -------------------------------------------------------------------------------


def _write(episode: Episode) -> str:
    return render(episode.chapters, title=episode.title, duration=episode.duration)


def _read(text: str, strict: bool) -> Parsed[Episode]:  # noqa: FBT001 - the Reader shape
    read = _read_text(text, strict=strict)
    return Parsed(Episode(title=read.title, chapters=read.chapters), read.diagnostics)


def _looks_like(text: str) -> bool:
    return text.removeprefix("\ufeff").startswith(";FFMETADATA")


#: The registry entry (chapters, and the episode title, as FFmpeg metadata).
FORMAT = Format(
    name="ffmetadata",
    summary="FFmpeg metadata text (;FFMETADATA1) with [CHAPTER] sections",
    carries=Carries.CHAPTERS,
    suffixes=(".ffmetadata", ".ffmeta"),
    write=_write,
    read=_read,
    looks_like=_looks_like,
)
