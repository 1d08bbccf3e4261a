r"""CUE sheets: chapters as the tracks of one audio file, timed in CD frames.

::

    TITLE "State of AI"
    PERFORMER "Example Show"
    FILE "episode.mp3" MP3
      TRACK 01 AUDIO
        TITLE "Intro"
        INDEX 01 00:00:00
      TRACK 02 AUDIO
        TITLE "The news"
        INDEX 01 01:05:37

``INDEX 01 MM:SS:FF`` counts minutes, seconds and frames, 75 frames a second, so a CUE
time is exact to 1/75 s (about 13.3 ms).  Minutes go past 99 when needed.

Choices podnotes makes:

- **Writing.** ``FILE`` names the audio file (``file=``; the type is ``MP3`` for ``.mp3``,
  ``AIFF`` for ``.aif``/``.aiff`` and ``WAVE`` for anything else, as most tools write for
  compressed audio).  Times are rounded to the nearest frame (halves up).  CUE has no escape
  for ``"``, and readers disagree about ``\`` (cuetools takes it for an escape, most
  players for a plain character, as in Windows paths): a double quote or a backslash in a
  title, the performer or the file name raises ``ValueError``, as do line breaks, more than
  99 chapters, and two chapters that round to the same frame.  Ends and URLs are not
  carried (a track ends where the next begins).  Titles are written whole, although
  CD-burning tools may cut them at 80 characters.
- **Reading.** A track's start is its ``INDEX 01``; ``INDEX 00`` (the pregap) and other
  indexes are not kept.  The ``TITLE`` and ``PERFORMER`` before the first track are the
  episode's title and podcast (:data:`FORMAT`).  ``REM`` lines are comments; ``FLAGS``,
  ``ISRC``, ``SONGWRITER``, ``PREGAP``, ``POSTGAP``, ``CATALOG``, ``CDTEXTFILE`` and a
  track's ``PERFORMER`` are not kept (an info diagnostic each).  A quoted value runs to the
  last ``"`` on its line, and a backslash in it is a plain character.  Only one ``FILE`` is
  read: a second one is an error, since its times start again from zero.  Read chapters
  have no ends.

Round trip: for starts that are whole frames (``round(frames * 1000 / 75)`` ms),
``parse(render(chapters)).value`` equals the chapters with ends and URLs set to None;
other starts come back rounded to the nearest frame, within 7 ms.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from fractions import Fraction
from typing import Final

import attrs

from podnotes._lines import Line
from podnotes._timeparse import round_half_up
from podnotes.diagnostics import Diagnostic, Parsed, Severity
from podnotes.formats._common import finish
from podnotes.formats._registry import Carries, Format
from podnotes.model import Chapter, Episode
from podnotes.timestamps import Timestamp

__all__ = ["FORMAT", "FRAMES_PER_SECOND", "MAX_TRACKS", "parse", "render"]

#: CD frames in a second, the unit of CUE times.
FRAMES_PER_SECOND: Final = 75
#: The most tracks a CUE sheet can number.
MAX_TRACKS: Final = 99

#   accepts: "01 00:00:00", "1 120:05:74"   rejects: "01 00:60:00", "01 0:00", "01 00:00:75"
_INDEX: Final = re.compile(
    r"(?P<number>[0-9]{1,2})[ \t]+(?P<min>[0-9]{1,7}):(?P<sec>[0-9]{2}):(?P<frame>[0-9]{2})"
)
#   accepts: "01 AUDIO", "2 audio"   rejects: "100 AUDIO", "01", "x AUDIO"
_TRACK: Final = re.compile(r"(?P<number>[0-9]{1,3})[ \t]+(?P<kind>\S{1,20})")
_IGNORED: Final = frozenset(
    ("FLAGS", "ISRC", "SONGWRITER", "PREGAP", "POSTGAP", "CATALOG", "CDTEXTFILE")
)
_BREAK: Final = re.compile(r"\r\n|\r|\n")
_TYPES: Final = {".mp3": "MP3", ".aif": "AIFF", ".aiff": "AIFF"}


def render(
    chapters: Sequence[Chapter],
    *,
    file: str = "episode.mp3",
    title: str | None = None,
    performer: str | None = None,
) -> str:
    r"""Write chapters as a CUE sheet of one audio file.

    Args:
        chapters: The chapters, in strictly increasing order of start; at most 99.
        file: The audio file's name, as the ``FILE`` line gives it.
        title: The episode's title (the sheet's ``TITLE``), if any.
        performer: The podcast's name (the sheet's ``PERFORMER``), if any.

    Returns:
        The CUE sheet, ending with a newline.

    Raises:
        ValueError: The chapters are out of order, there are more than 99, two round to
            the same frame, or a text holds a double quote, a backslash or a line break.

    Example:
        >>> print(render([Chapter(start=Timestamp(0), title="Intro"),
        ...               Chapter(start=Timestamp(65_500), title="News")]), end="")
        FILE "episode.mp3" MP3
          TRACK 01 AUDIO
            TITLE "Intro"
            INDEX 01 00:00:00
          TRACK 02 AUDIO
            TITLE "News"
            INDEX 01 01:05:38
    """
    checked = list(chapters)
    if len(checked) > MAX_TRACKS:
        msg = f"a CUE sheet holds at most {MAX_TRACKS} tracks, found {len(checked)} chapters"
        raise ValueError(msg)
    kind = _TYPES.get(file[file.rfind(".") :].lower(), "WAVE") if "." in file else "WAVE"
    lines = [f"TITLE {_quoted(title, 'the title')}"] if title is not None else []
    if performer is not None:
        lines.append(f"PERFORMER {_quoted(performer, 'the performer')}")
    lines.append(f"FILE {_quoted(file, 'the file name')} {kind}")
    previous: tuple[int, Chapter] | None = None
    for index, chapter in enumerate(checked, start=1):
        if not isinstance(chapter, Chapter):
            msg = f"expected Chapter items, found {type(chapter).__name__}"  # type: ignore[unreachable]
            raise TypeError(msg)
        frames = round_half_up(Fraction(chapter.start.ms * FRAMES_PER_SECOND, 1000))
        if previous is not None and frames <= previous[0]:
            msg = (
                f"expected chapters at least one CD frame (1/75 s) apart and in increasing "
                f"order, found {chapter.title!r} at {chapter.start} after "
                f"{previous[1].title!r} at {previous[1].start}"
            )
            raise ValueError(msg)
        previous = (frames, chapter)
        seconds, frame = divmod(frames, FRAMES_PER_SECOND)
        minutes, second = divmod(seconds, 60)
        lines += [
            f"  TRACK {index:02d} AUDIO",
            f"    TITLE {_quoted(chapter.title, f'the title of chapter {index}')}",
            f"    INDEX 01 {minutes:02d}:{second:02d}:{frame:02d}",
        ]
    return "\n".join(lines) + "\n"


def parse(text: str, *, strict: bool = False) -> Parsed[tuple[Chapter, ...]]:
    r"""Read the tracks of a CUE sheet as chapters.

    Args:
        text: The CUE sheet's text.
        strict: Raise instead of returning when any diagnostic is an error.

    Returns:
        The chapters (without ends) and the diagnostics, in input order.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is set and an error was found.

    Example:
        >>> sheet = 'FILE "a.mp3" MP3\nTRACK 01 AUDIO\nTITLE "Hi"\nINDEX 01 01:00:37\n'
        >>> parse(sheet).value
        (Chapter(start=Timestamp(ms=60493), title='Hi', end=None, url=None),)
    """
    reader = _Reader().run(text)
    return finish(tuple(reader.chapters), reader.diagnostics, strict=strict)


def _quoted(value: str, what: str) -> str:
    if any(ch in value for ch in '"\\\r\n'):
        msg = (
            f"CUE cannot carry a double quote, a backslash or a line break, found one in "
            f"{what}: {value!r}"
        )
        raise ValueError(msg)
    return f'"{value}"'


@attrs.define
class _Track:
    line: Line
    title: tuple[Line, str] | None = None
    start: tuple[Line, Timestamp] | None = None


@attrs.define
class _Reader:
    chapters: list[Chapter] = attrs.field(factory=list)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    title: str | None = None
    performer: str | None = None
    track: _Track | None = None
    files: int = 0
    number: int = 0

    def run(self, text: str) -> _Reader:
        if not isinstance(text, str):
            msg = f"expected the text as str, found {type(text).__name__}"  # type: ignore[unreachable]
            raise TypeError(msg)
        for number, raw in enumerate(_BREAK.split(text.removeprefix("\ufeff")), start=1):
            line = Line(number=number, raw=raw, text=raw.strip())
            command, *rest = line.text.split(maxsplit=1) or [""]
            if line.text and command.upper() != "REM":
                self._command(line, command.upper(), "".join(rest))
        self._close()
        self.diagnostics.sort(key=lambda d: (d.line, d.column))
        return self

    def _command(self, line: Line, command: str, rest: str) -> None:
        if command == "FILE":
            self.files += 1
            if self.files > 1:
                message = "expected one FILE, found another (its times would start again)"
                self._report(line, "cue.second-file", message)
        elif command == "TRACK":
            self._close()
            self._new_track(line, rest)
        elif command in {"TITLE", "PERFORMER"}:
            self._text(line, command, rest)
        elif command == "INDEX":
            self._index(line, rest)
        elif command in _IGNORED:
            message = f"podnotes keeps no {command}; ignored it"
            self._report(line, "cue.ignored", message, severity=Severity.INFO)
        else:
            known = "FILE, TRACK, TITLE, PERFORMER, INDEX or REM"
            message = f"expected a CUE command ({known}), found {line.text[:30]!r}"
            self._report(line, "cue.bad-command", message)

    def _new_track(self, line: Line, rest: str) -> None:
        found = _TRACK.fullmatch(rest)
        if found is None or not 1 <= int(found["number"]) <= MAX_TRACKS:
            message = f'expected a track such as "TRACK 01 AUDIO", found {line.text[:30]!r}'
            self._report(line, "cue.bad-track", message)
            return
        if not self.files:
            self._report(line, "cue.no-file", "expected a FILE line before the first TRACK")
        number = int(found["number"])
        if number != self.number + 1:
            message = f"expected track {self.number + 1}, found track {number}"
            self._report(line, "cue.track-number", message, severity=Severity.WARNING)
        self.number = number
        self.track = _Track(line)

    def _text(self, line: Line, command: str, rest: str) -> None:
        if rest.startswith('"'):
            if len(rest) < 2 or not rest.endswith('"'):  # noqa: PLR2004 - two quotes
                message = f"expected a closing quote after {command}, found none"
                self._report(line, "cue.quote", message)
                return
            rest = rest[1:-1]
        if self.track is None:
            self._disc(line, command, rest)
        elif command == "PERFORMER":
            message = "podnotes keeps no PERFORMER of a track; ignored it"
            self._report(line, "cue.ignored", message, severity=Severity.INFO)
        elif self.track.title is not None:
            self._report(line, "cue.duplicate", "expected one TITLE in a track, found another")
        else:
            self.track.title = (line, rest)

    def _disc(self, line: Line, command: str, value: str) -> None:
        if not value.strip():
            self._report(
                line, "cue.blank", f"expected a {command} that is not blank, found a blank one"
            )
        elif command == "TITLE" and self.title is None:
            self.title = value
        elif command == "PERFORMER" and self.performer is None:
            self.performer = value
        else:
            self._report(
                line, "cue.duplicate", f"expected one {command} for the sheet, found another"
            )

    def _index(self, line: Line, rest: str) -> None:
        found = _INDEX.fullmatch(rest)
        if found is None or int(found["sec"]) > 59 or int(found["frame"]) >= FRAMES_PER_SECOND:  # noqa: PLR2004
            message = f'expected an index such as "INDEX 01 01:05:37", found {line.text[:30]!r}'
            self._report(line, "cue.bad-index", message)
            return
        if self.track is None:
            self._report(
                line,
                "cue.index-outside",
                "expected INDEX inside a TRACK, found it outside any track",
            )
            return
        if int(found["number"]) != 1:
            message = (
                f"podnotes keeps only INDEX 01 (the track's start); ignored INDEX {found['number']}"
            )
            self._report(line, "cue.ignored", message, severity=Severity.INFO)
            return
        if self.track.start is not None:
            self._report(line, "cue.duplicate", "expected one INDEX 01 in a track, found another")
            return
        seconds = int(found["min"]) * 60 + int(found["sec"])
        frames = seconds * FRAMES_PER_SECOND + int(found["frame"])
        ms = round_half_up(Fraction(frames * 1000, FRAMES_PER_SECOND))
        self.track.start = (line, Timestamp(ms))

    def _close(self) -> None:
        track, self.track = self.track, None
        if track is None:
            return
        if track.start is None or track.title is None or not track.title[1].strip():
            missing = "INDEX 01" if track.start is None else "a TITLE that is not blank"
            message = f"expected {missing} in the track, found none; dropped the track"
            self._report(track.line, "cue.incomplete", message)
            return
        (line, start), title = track.start, track.title[1]
        if self.chapters and start <= self.chapters[-1].start:
            before = self.chapters[-1].start
            message = f"expected a track start after {before}, found {start}; dropped it"
            self._report(line, "cue.out-of-order", message)
            return
        self.chapters.append(Chapter(start=start, title=title))

    def _report(
        self, line: Line, code: str, message: str, *, severity: Severity = Severity.ERROR
    ) -> None:
        self.diagnostics.append(line.diagnostic(code, message, severity=severity))


# --- registry -------------------------------------------------------------------------------


def _write(episode: Episode) -> str:
    return render(episode.chapters, title=episode.title, performer=episode.podcast)


def _read(text: str, strict: bool) -> Parsed[Episode]:  # noqa: FBT001 - the Reader shape
    reader = _Reader().run(text)
    finish(tuple(reader.chapters), reader.diagnostics, strict=strict)
    episode = Episode(title=reader.title, podcast=reader.performer, chapters=reader.chapters)
    return Parsed(episode, reader.diagnostics)


# The first line of a sheet: one of the commands that may open it, upper case as written.
_SIGNATURE: Final = re.compile(r"(?:FILE|TITLE|PERFORMER|REM|CATALOG|CDTEXTFILE|SONGWRITER) ")


def _looks_like(text: str) -> bool:
    head = text.removeprefix("\ufeff")[:4000]
    lines = [line.strip() for line in _BREAK.split(head) if line.strip()]
    starts = {line.split(" ", 1)[0] for line in lines}
    return bool(lines and _SIGNATURE.match(lines[0])) and {"FILE", "TRACK", "INDEX"} <= starts


#: The registry entry (chapters, with the episode's title and podcast, as a CUE sheet).
FORMAT = Format(
    name="cue",
    summary="CUE sheet: chapters as tracks, timed in CD frames (1/75 s)",
    carries=Carries.CHAPTERS,
    suffixes=(".cue",),
    write=_write,
    read=_read,
    looks_like=_looks_like,
)
