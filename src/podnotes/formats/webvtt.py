"""WebVTT: transcripts with ``<v Speaker>`` voice spans, and chapter tracks.

Two registry formats live here, both following the W3C WebVTT syntax:

``webvtt`` (:func:`render`, :func:`parse`)
    One cue per :class:`~podnotes.model.SpeakerTurn`.  A named speaker opens the cue
    text with a voice span and no closing tag (``<v Lex Fridman>Hello``), the form the
    Podcasting 2.0 transcript examples use; reading accepts ``</v>`` as well.  A turn
    without a speaker has no voice span.  Every turn needs a start and an end.
``webvtt-chapters`` (:func:`render_chapters`, :func:`parse_chapters`)
    One cue per :class:`~podnotes.model.Chapter`, its text the title.  WebVTT cues
    always end, so a chapter without an end ends where the next one starts; the last one
    needs an end or the ``duration`` keyword (:class:`ValueError` otherwise).  Reading
    sets every ``end`` from the cue, and chapter URLs are not carried.

Writing: the file is ``WEBVTT``, a blank line, and cues without identifiers, each a
timing line ``HH:MM:SS.mmm --> HH:MM:SS.mmm`` and the text.  In text and speaker names
``&`` and ``<`` are written ``&amp;`` and ``&lt;``, and ``>`` in ``-->`` (text) or
anywhere (names) as ``&gt;``, so a text holding ``-->`` is carried rather than refused.
Refused with :class:`ValueError`, because WebVTT readers would read them differently: an
empty or all-space line in a text, a carriage return or a NUL character, and speaker
names with leading, trailing or repeated spaces, tabs or line breaks (voice names are
whitespace-collapsed by the spec).

Reading follows the spec's parser where it matters: a BOM, ``WEBVTT`` with optional
text after a space (header text and metadata lines are skipped with an INFO
diagnostic), blocks split at empty lines, a line holding ``-->`` always starting a new
cue, optional cue identifiers (ignored), clocks with or without hours, cue settings
after the end time (ignored), ``NOTE`` comments and ``STYLE``/``REGION`` blocks (skipped,
INFO), multi-line text joined with a newline, character references decoded (``&amp;``,
``&nbsp;``...), and other tags (``<i>``, ``<c.loud>``, ``<00:00:01.000>``) removed from
the text (INFO, once a file).  The first voice span names the turn's speaker wherever
it sits in the cue; a second, different voice in one cue gets a WARNING.  One choice
departs from the spec: a ``<`` with no ``>`` later on its line stays in the text
(WARNING) instead of swallowing the rest of the cue.  Empty cues are skipped (WARNING).
Bad timing lines, blocks that are not cues and chapters out of order are errors, pinned
to line and column.

Round trips: ``parse(render(turns))`` gives the turns back exactly (times to the
millisecond, speaker and text character for character);  ``parse_chapters`` of
``render_chapters(chapters)`` gives the titles and starts exactly and every end set
(missing ones derived as above), with URLs dropped.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from podnotes.diagnostics import Parsed
from podnotes.formats._common import (
    chapters_reader,
    check_increasing,
    finish,
    transcript_reader,
    transcript_writer,
)
from podnotes.formats._cues import (
    Problem,
    blocks,
    clock,
    quote,
    read_plain,
    read_timing,
    require_str,
)
from podnotes.formats._registry import Carries, Format
from podnotes.formats._vtt_text import TextReader, escape, voice_tag
from podnotes.model import Chapter, Episode, SpeakerTurn
from podnotes.timestamps import Timestamp

__all__ = [
    "CHAPTERS_FORMAT",
    "TRANSCRIPT_FORMAT",
    "parse",
    "parse_chapters",
    "render",
    "render_chapters",
]

_HEADER: Final = "WEBVTT"
_PLAIN: Final = 29  # len("00:00:01.000 --> 00:00:02.000")
_ARROW: Final = "-->"
_EXAMPLE: Final = '"00:01:02.500 --> 00:01:05.000"'
_SKIPPED: Final = ("NOTE", "STYLE", "REGION")


def __dir__() -> list[str]:
    """List the public names only."""
    return list(__all__)


# --- writing --------------------------------------------------------------------------------


def render(turns: Sequence[SpeakerTurn]) -> str:
    """Write speaker turns as a WebVTT file, one cue a turn, speakers as voice spans.

    Args:
        turns: The turns, each with a start and an end.

    Returns:
        The WebVTT text, ending with a newline.

    Raises:
        ValueError: A turn has no start or no end, its text cannot be carried (an empty or
            all-space line, a carriage return or NUL), or its speaker name has spaces a
            WebVTT reader would collapse.

    Example:
        >>> turn = SpeakerTurn(speaker="Lex", text="Q&A -> now",
        ...                    start=Timestamp(0), end=Timestamp(2500))
        >>> print(render([turn]))
        WEBVTT
        <BLANKLINE>
        00:00:00.000 --> 00:00:02.500
        <v Lex>Q&amp;A -> now
        <BLANKLINE>
    """
    voices: dict[str, str] = {}
    cues = []
    for index, turn in enumerate(turns):
        start, end = turn.start, turn.end
        if start is None or end is None:
            msg = f"turn {index} needs a start and an end to be a WebVTT cue, found {turn!r}"
            raise ValueError(msg)
        text = escape(turn.text, f"turn {index}'s text")
        speaker = turn.speaker
        if speaker is not None:
            voice = voices.get(speaker)
            if voice is None:
                voice = voices[speaker] = voice_tag(speaker)
            text = voice + text
        cues.append(f"{clock(start.ms, '.')} --> {clock(end.ms, '.')}\n{text}\n")
    return "\n".join([f"{_HEADER}\n", *cues])


def render_chapters(chapters: Sequence[Chapter], *, duration: Timestamp | None = None) -> str:
    """Write chapters as a WebVTT chapter track, one cue a chapter, the title as its text.

    Args:
        chapters: Chapters in strictly increasing order of start.
        duration: Where the last chapter ends when it has no end of its own.

    Returns:
        The WebVTT text, ending with a newline.  URLs are not written.

    Raises:
        ValueError: The starts do not increase, the last chapter has no end and no
            ``duration`` is given (or it is not after that chapter's start), or a title
            cannot be carried (an empty or all-space line, a carriage return or NUL).

    Example:
        >>> chapters = [Chapter(start=Timestamp(0), title="Intro"),
        ...             Chapter(start=Timestamp(65000), title="Q&A")]
        >>> print(render_chapters(chapters, duration=Timestamp(90000)))
        WEBVTT
        <BLANKLINE>
        00:00:00.000 --> 00:01:05.000
        Intro
        <BLANKLINE>
        00:01:05.000 --> 00:01:30.000
        Q&amp;A
        <BLANKLINE>
    """
    cues = []
    for index, chapter in enumerate(chapters):
        end = chapter.end
        if index + 1 < len(chapters):
            check_increasing(chapters, index + 1, name_before=True)
            if end is None:
                end = chapters[index + 1].start
        elif end is None:
            if duration is None or duration <= chapter.start:
                msg = (
                    "the last chapter needs an end, or a duration after its start "
                    f"({chapter.start}), found {duration}"
                )
                raise ValueError(msg)
            end = duration
        text = escape(chapter.title, f"chapter {index}'s title")
        cues.append(f"{clock(chapter.start.ms, '.')} --> {clock(end.ms, '.')}\n{text}\n")
    return "\n".join([f"{_HEADER}\n", *cues])


# --- reading --------------------------------------------------------------------------------

#: A cue read: its timing line's index, start and end (ms), and its text as written.
_Cue = tuple[int, int, int, str]


class _Reader(TextReader):
    """One pass over the blocks: the usual shapes directly, anything else line by line."""

    def header(self) -> int:
        """Check the ``WEBVTT`` line; return the index of the first line after the header."""
        lines = self.lines
        first = lines[0]
        if not (first.startswith(_HEADER) and (len(first) == len(_HEADER) or first[6] in " \t")):
            self.note("webvtt.no-header", f'expected "WEBVTT" first, found {quote(first)}', 0)
            if _ARROW in first or (len(lines) > 1 and _ARROW in lines[1]):
                return 0  # a file of cues without its header: read them all the same
            return self._header_end()
        index = self._header_end()
        extra = first[len(_HEADER) :].strip()
        if extra or index > 1:
            found = extra or lines[1]
            message = f"found header text {quote(found)}; header text and metadata are not read"
            column = first.find(extra) + 1 if extra else 0
            where = 0 if extra else 1
            self.info("webvtt.header-text", message, where, column, len(found))
        return index

    def _header_end(self) -> int:
        """The index after the header block: up to a blank line or a line holding -->."""
        return self._block_end(1)

    def _block_end(self, index: int) -> int:
        """The first line from ``index`` that is empty or holds -->: a block ends there."""
        lines = self.lines
        while index < len(lines) and lines[index] and _ARROW not in lines[index]:
            index += 1
        return index

    def cues(self) -> list[_Cue]:
        """Every well-timed cue, in file order."""
        found: list[_Cue] = []
        index = self.header()
        lines = self.lines
        while index < len(lines) and not lines[index]:
            index += 1
        for first, block in blocks("\n".join(lines[index:]).rstrip("\n"), index):
            head, _, payload = block.partition("\n")
            timing = first
            if _ARROW not in head and head:  # an identifier, then the timing line
                head, _, payload = payload.partition("\n")
                timing += 1
            if (
                len(head) >= _PLAIN
                and (len(head) == _PLAIN or head[_PLAIN] in " \t")
                and payload
                and _ARROW not in payload
                and payload[-1] != "\n"
            ):
                start, end = read_plain(head, ".")
                if 0 <= start < end:
                    found.append((timing, start, end, payload))
                    continue
            self._scan(first, first + block.count("\n") + 1, found)
        return found

    def _scan(self, index: int, stop: int, found: list[_Cue]) -> None:
        """Read the lines from ``index`` to ``stop`` one by one, as the spec's parser does."""
        lines = self.lines
        count = len(lines)
        while index < stop:
            line = lines[index]
            if not line:
                index += 1
                continue
            timing = index
            if _ARROW not in line:
                if index + 1 < count and _ARROW in lines[index + 1]:
                    timing = index + 1
                else:
                    index = self._other_block(index)
                    continue
            end = self._block_end(timing + 1)
            read = read_timing(lines[timing], ".", hours=False)
            if isinstance(read, Problem):
                self.bad_timing(read, timing, "webvtt", '"00:01:02.500" or "01:02.500"')
            else:
                found.append((timing, read[0], read[1], "\n".join(lines[timing + 1 : end])))
            index = end

    def _other_block(self, index: int) -> int:
        line = self.lines[index]
        for word in _SKIPPED:
            if line.startswith(word) and (len(line) == len(word) or line[len(word)] in " \t"):
                what = "a comment" if word == "NOTE" else f"a {word} block"
                self.info(
                    "webvtt.skipped-block", f"found {what}; it is not read", index, 1, len(word)
                )
                break
        else:
            message = f"expected a cue timing line such as {_EXAMPLE}, found {quote(line)}"
            self.note("webvtt.not-a-cue", message, index)
        return self._block_end(index + 1)

    def empty(self, cue: _Cue) -> None:
        what = "only tags" if cue[3] else "nothing"
        message = f"expected cue text after the timing line, found {what}; the cue is skipped"
        self.warn("webvtt.empty-cue", message, cue[0])


def parse(text: str, *, strict: bool = False) -> Parsed[tuple[SpeakerTurn, ...]]:
    r"""Read a WebVTT file as speaker turns: one turn a cue, the voice span its speaker.

    Args:
        text: The whole file.
        strict: Raise when a diagnostic is an error.

    Returns:
        The turns, in file order, and the diagnostics, in line order.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is true and there are errors; it lists every one.

    Example:
        >>> res = parse("WEBVTT\n\n1\n00:01.000 --> 00:02.000 align:start\n"
        ...             "<v.loud Ann>Hi &amp; <i>bye</i></v>")
        >>> [(t.speaker, t.text, t.start.ms, t.end.ms) for t in res.value]
        [('Ann', 'Hi & bye', 1000, 2000)]
        >>> [d.code for d in res.diagnostics]
        ['webvtt.tags-removed']
    """
    reader = _Reader(require_str(text))
    turns = []
    for cue in reader.cues():
        speaker, said = reader.words(cue[3], cue[0] + 1, voices=True)
        if not said or said.isspace():
            reader.empty(cue)
            continue
        turns.append(
            SpeakerTurn(speaker=speaker, text=said, start=Timestamp(cue[1]), end=Timestamp(cue[2]))
        )
    return finish(tuple(turns), reader.diagnostics(), strict=strict)


def parse_chapters(text: str, *, strict: bool = False) -> Parsed[tuple[Chapter, ...]]:
    r"""Read a WebVTT chapter track: one chapter a cue, the cue text its title.

    Args:
        text: The whole file.
        strict: Raise when a diagnostic is an error.

    Returns:
        The chapters, each with its end, and the diagnostics, in line order.  A cue that
        does not start after the previous chapter is an error and is left out.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is true and there are errors; it lists every one.

    Example:
        >>> parse_chapters("WEBVTT\n\n00:00.000 --> 01:05.000\nIntro").value
        (Chapter(start=Timestamp(ms=0), title='Intro', end=Timestamp(ms=65000), url=None),)
    """
    reader = _Reader(require_str(text))
    chapters: list[Chapter] = []
    for cue in reader.cues():
        _, title = reader.words(cue[3], cue[0] + 1, voices=False)
        if not title or title.isspace():
            reader.empty(cue)
            continue
        if chapters and cue[1] <= chapters[-1].start.ms:
            before = chapters[-1].start.format("webvtt")
            left = reader.lines[cue[0]].partition(_ARROW)[0]
            start = left.strip()
            column = len(left) - len(left.lstrip()) + 1
            message = f"expected a chapter starting after {before}, found {quote(start)}"
            reader.note("webvtt.chapter-order", message, cue[0], column=column, width=len(start))
            continue
        chapters.append(Chapter(start=Timestamp(cue[1]), title=title, end=Timestamp(cue[2])))
    return finish(tuple(chapters), reader.diagnostics(), strict=strict)


# --- registry -------------------------------------------------------------------------------


def _looks_like(text: str) -> bool:
    head = text[1:7] if text.startswith("\ufeff") else text[:6]
    return head == _HEADER


def _write_chapters(episode: Episode) -> str:
    return render_chapters(episode.chapters, duration=episode.duration)


#: The registry entry for transcripts (tried before chapters when detecting).
TRANSCRIPT_FORMAT: Final = Format(
    name="webvtt",
    summary="WebVTT transcript, speakers as <v Name> voice spans",
    carries=Carries.TRANSCRIPT,
    suffixes=(".vtt",),
    write=transcript_writer(render),
    read=transcript_reader(parse),
    looks_like=_looks_like,
)

#: The registry entry for chapter tracks.
CHAPTERS_FORMAT: Final = Format(
    name="webvtt-chapters",
    summary="WebVTT chapter track: one cue a chapter, the title as its text",
    carries=Carries.CHAPTERS,
    suffixes=(".vtt",),
    write=_write_chapters,
    read=chapters_reader(parse_chapters),
    looks_like=_looks_like,
)
