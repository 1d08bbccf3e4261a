"""SubRip (SRT) transcripts, speakers written ``Name: text`` as Podcasting 2.0 does.

Writing (:func:`render`): one block a :class:`~podnotes.model.SpeakerTurn`, numbered from
1: ``index``, ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, the text, and a blank line after each
block, as ``srt.compose`` writes them (LF line ends, no BOM).  A named speaker opens the
text: ``Lex Fridman: Hello``.
SubRip has no escapes, so text is written as it is (``<i>`` stays text, both ways).

Speaker labels: the first line of a cue names the speaker when it reads ``Label: text``
(or ``Label:`` alone, the text on the next lines) and the label is plausible as a name:
at most 40 characters and 5 words, single spaces, starting with a letter, made of
letters, digits and ``. ' ’ & ( ) / -`` only, and not a word podnotes never takes for a
speaker (``Note``, ``Sponsors``, ``Music``, ``https``, ``Chapter 3``...; the page parser's
list).  A turn without a speaker whose first line would read as a label, or that starts
with U+200B, is written with one ZERO WIDTH SPACE (U+200B) in front; reading removes one
leading U+200B and then takes no label.  The mark is invisible on screen and keeps such
texts (``Anna: hi`` said by nobody in particular) exact.

Refused with :class:`ValueError`: a turn without a start or an end, a speaker that would
not read back as a label, and text with an empty or all-space line (it ends the block),
a carriage return, or a line that reads as a timing line (it starts a block).

Reading (:func:`parse`) is lenient and reports what it forgave: a BOM, CRLF or CR line
ends, extra blank lines and all-space lines between blocks (silently); a missing index,
``.`` before the milliseconds, and a timing line inside a block (with or without its
index before it), which starts a new cue (a WARNING each, once a file); coordinates
after the end time (ignored, INFO once).  Clocks are ``H:MM:SS,mmm`` with one to eight
digits of hours; index values are not checked.  A block starting with neither an index
nor a timing line, an index without a timing line, a bad clock and an end not after its
start are errors, and the block is left out.  Empty cues, and cues holding only the
U+200B mark (and spaces), are skipped (WARNING).

Round trip: ``parse(render(turns))`` gives the turns back exactly (times to the
millisecond, speaker and text character for character).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from podnotes._speakers import is_tagged_name
from podnotes.diagnostics import Parsed
from podnotes.formats._common import finish, transcript_reader, transcript_writer
from podnotes.formats._cues import (
    CLOCKS_MS,
    HOURS_MS,
    MILLIS,
    CueReader,
    Problem,
    clock,
    lines_of,
    quote,
    read_timing,
    require_str,
)
from podnotes.formats._registry import Carries, Format
from podnotes.model import SpeakerTurn, _trusted_turn
from podnotes.timestamps import Timestamp

__all__ = ["FORMAT", "MARK", "is_label", "parse", "render"]

#: Put before a speakerless text that would otherwise read as ``Label: text``.
MARK: Final = "\u200b"

_ARROW: Final = "-->"
_SEPARATORS: Final = ",."
_EXAMPLE: Final = '"00:01:02,500 --> 00:01:05,000"'
_MAX_LABEL: Final = 40
_MAX_WORDS: Final = 5
_LABEL_END: Final = 41  # a label's colon is within the first 41 characters
_PLAIN: Final = 29  # len("00:00:01,000 --> 00:00:02,000")


def __dir__() -> list[str]:
    """List the public names only."""
    return list(__all__)


def is_label(label: str) -> bool:
    """Whether ``label`` before a colon names a speaker (see the module documentation).

    Example:
        >>> [is_label(s) for s in ("Lex Fridman", "Speaker 2", "Note", "https", "a  b")]
        [True, True, False, False, False]
    """
    return (
        0 < len(label) <= _MAX_LABEL
        and label[-1] != " "
        and "  " not in label
        and not label.isspace()  # so a label is always a valid SpeakerTurn.speaker
        and label.count(" ") < _MAX_WORDS
        and is_tagged_name(label)
    )


def _timing_like(line: str) -> bool:
    """Whether a line holding ``-->`` is a timing line (two clocks, in any order)."""
    read = read_timing(line, _SEPARATORS, hours=True)
    return not isinstance(read, Problem) or read.part == "order"


def _is_number(line: str) -> bool:
    stripped = line.strip()
    return stripped.isdigit() and stripped.isascii()


def _split_speaker(body: str, labels: dict[str, bool]) -> tuple[str | None, str]:
    """The speaker a cue's text names, and the text said (see the module documentation)."""
    if body.startswith(MARK):
        return None, body[1:]
    colon = body.find(":", 1, _MAX_LABEL + 1)
    if colon > 0:
        after = body[colon + 1 : colon + 2]
        if after in {" ", "\n", ""}:
            label = body[:colon]
            known = labels.get(label)
            if known is None:
                known = labels[label] = is_label(label)  # no line break: not a label
            said = body[colon + 2 :] if after == " " else body[colon + 1 :]
            said = said.removeprefix("\n")  # "Label:" alone, the text on the lines below
            if known and said and not said.isspace():
                return label, said
    return None, body


# --- writing --------------------------------------------------------------------------------


def _check_text(text: str, index: int) -> None:
    lines = text.split("\n")
    problem = ""
    if "\r" in text:
        problem = "a carriage return"
    elif any(not line.strip() for line in lines):
        problem = "an empty or all-space line (it ends the block)"
    elif any(_ARROW in line and _timing_like(line) for line in lines):
        problem = "a timing line (it starts a block)"
    if problem:
        msg = f"turn {index}'s text cannot hold {problem} in SRT: {text!r}"
        raise ValueError(msg)


def render(turns: Sequence[SpeakerTurn]) -> str:
    """Write speaker turns as SubRip blocks, speakers as ``Name: text``.

    Args:
        turns: The turns, each with a start and an end.

    Returns:
        The SRT text; empty for no turns, else ending with a blank line.

    Raises:
        ValueError: A turn has no start or no end, a speaker would not read back as a
            label, or a text cannot be carried (see the module documentation).

    Example:
        >>> turns = [SpeakerTurn(speaker="Ann", text="Hi.", start=Timestamp(0),
        ...                      end=Timestamp(1500)),
        ...          SpeakerTurn(speaker=None, text="Bob: hi", start=Timestamp(1500),
        ...                      end=Timestamp(3000))]
        >>> text = render(turns)
        >>> print(text.replace(MARK, "<U+200B>"))
        1
        00:00:00,000 --> 00:00:01,500
        Ann: Hi.
        <BLANKLINE>
        2
        00:00:01,500 --> 00:00:03,000
        <U+200B>Bob: hi
        <BLANKLINE>
        <BLANKLINE>
        >>> parse(text).value == tuple(turns)
        True
    """
    labels: dict[str, bool] = {}
    blocks = []
    for index, turn in enumerate(turns):
        start, end = turn.start, turn.end
        if start is None or end is None:
            msg = f"turn {index} needs a start and an end to be an SRT cue, found {turn!r}"
            raise ValueError(msg)
        text = turn.text
        if "\n" in text or "\r" in text or _ARROW in text:
            _check_text(text, index)
        speaker = turn.speaker
        if speaker is None:
            if text.startswith(MARK) or (
                ":" in text and _split_speaker(text, labels)[0] is not None
            ):
                text = MARK + text
        else:
            known = labels.get(speaker)
            if known is None:
                known = labels[speaker] = is_label(speaker)
            if not known:
                msg = f"turn {index}'s speaker {speaker!r} would not read back as an SRT label"
                raise ValueError(msg)
            text = f"{speaker}: {text}"
        blocks.append(f"{index + 1}\n{clock(start.ms, ',')} --> {clock(end.ms, ',')}\n{text}\n\n")
    return "".join(blocks)


# --- reading --------------------------------------------------------------------------------

# A line of spaces only: such lines end blocks like blank ones, so a file holding one is
# read line by line, not split at "\n\n".  Searched in "\n" + text (a literal first: fast).
_SPACE_LINE: Final = re.compile(r"\n[^\S\n]+(?:\n|\Z)")


def _block_end(lines: list[str], start: int) -> tuple[int, bool]:
    """Where the block from ``start`` ends, and whether a timing line (a new cue) ends it."""
    count = len(lines)
    end = start
    while end < count:
        line = lines[end]
        if not line or line.isspace():
            return end, False
        if _ARROW in line and _timing_like(line):
            if end > start and _is_number(lines[end - 1]):
                return end - 1, True
            return end, True
        end += 1
    return end, False


class _Reader(CueReader):
    _cursor: tuple[int, int] = (0, 0)  # (line index, block index) where run() counted to

    def run(self) -> list[SpeakerTurn]:
        """Read every block: the usual shape directly, anything else line by line."""
        if _SPACE_LINE.search("\n" + self.text):
            return self.run_lines(0, len(self.lines))
        return self._run_blocks()

    def _run_blocks(self) -> list[SpeakerTurn]:
        """Read the text split at blank lines (it has no all-space line)."""
        # The hot loop: locals only, the timing line read by lookups (see read_plain).  A
        # block read here has passed every check the model's validators make (times ints
        # with 0 <= start < end; a label is a name; the text has no blank line, since the
        # file has none and blocks split at "\n\n"), so the turn is built without them.
        hours, clocks, millis = HOURS_MS, CLOCKS_MS[","], MILLIS
        split, make = _split_speaker, _trusted_turn
        labels: dict[str, bool] = {}
        known = labels.get
        turns: list[SpeakerTurn] = []
        append = turns.append
        blocks = self.text.split("\n\n")
        for index, block in enumerate(blocks):
            parts = block.split("\n", 2)
            if len(parts) == 3:  # noqa: PLR2004 - index, timing, text
                number, timing, body = parts
                if (
                    number.isdigit()
                    and len(timing) == _PLAIN
                    and body
                    and _ARROW not in body
                    and body[-1] != "\n"
                    and timing[12:17] == " --> "
                    and number.isascii()
                ):
                    try:
                        start = hours[timing[:3]] + clocks[timing[3:9]] + millis[timing[9:12]]
                        end = hours[timing[17:20]] + clocks[timing[20:26]] + millis[timing[26:29]]
                    except KeyError:  # not the usual spelling: read line by line below
                        start = end = 0
                    if 0 <= start < end:
                        colon = body.find(":", 1, _LABEL_END)
                        if colon < 0 and body[0] != MARK:  # no label: the text as it is
                            append(make(None, body, start, end))
                            continue
                        # "Label: text", the label already known to be a name: what
                        # _split_speaker gives, without the call.
                        if (
                            colon > 0
                            and body[colon + 1 : colon + 2] == " "
                            and known(label := body[:colon])
                            and (said := body[colon + 2 :])
                            and said[0] != "\n"
                            and not said.isspace()
                        ):
                            append(make(label, said, start, end))
                            continue
                        speaker, said = split(body, labels)
                        if said and not said.isspace():  # not a mark alone
                            append(make(speaker, said, start, end))
                            continue
            if block:  # anything else, read and reported line by line
                turns.extend(self._read_block(blocks, index, labels))
        return turns

    def _read_block(
        self, blocks: list[str], index: int, labels: dict[str, bool]
    ) -> list[SpeakerTurn]:
        """Read ``blocks[index]`` line by line (blocks are read in order)."""
        first, counted = self._cursor  # blocks[counted] starts on line index ``first``
        while counted < index:
            first += blocks[counted].count("\n") + 2
            counted += 1
        self._cursor = first, counted
        return self.run_lines(first, first + blocks[index].count("\n") + 1, labels)

    def run_lines(
        self, index: int, stop: int, labels: dict[str, bool] | None = None
    ) -> list[SpeakerTurn]:
        """Read the lines from ``index`` to ``stop``, forgiving what can be forgiven."""
        lines = self.lines
        count = len(lines)
        labels = {} if labels is None else labels
        turns = []
        while index < stop:
            line = lines[index]
            if not line or line.isspace():
                index += 1
                continue
            if _is_number(line):
                timing = index + 1
                if timing >= count or _ARROW not in lines[timing]:
                    found = quote(lines[timing]) if timing < count else "the end of the text"
                    message = f"expected a timing line such as {_EXAMPLE}, found {found}"
                    self.note("srt.no-timing", message, min(timing, count - 1))
                    index = _block_end(lines, timing)[0]
                    continue
            elif _ARROW in line:
                timing = index
            else:
                message = f"expected a cue number or a timing line such as {_EXAMPLE}"
                self.note("srt.not-a-cue", f"{message}, found {quote(line)}", index)
                index = _block_end(lines, index + 1)[0]
                continue
            read = read_timing(lines[timing], _SEPARATORS, hours=True)
            if isinstance(read, Problem):
                self.bad_timing(read, timing, "srt", '"00:01:02,500"')
                index = _block_end(lines, timing + 1)[0]
                continue
            self._forgiven(timing, read[2], numbered=timing > index)
            index, split = _block_end(lines, timing + 1)
            if split:
                message = "expected a blank line before the next cue, found none"
                self.warn("srt.no-blank-line", message, index, once=True)
            if index == timing + 1:
                message = "expected cue text after the timing line, found nothing"
                self.warn("srt.empty-cue", f"{message}; the cue is skipped", timing)
                continue
            speaker, said = _split_speaker("\n".join(lines[timing + 1 : index]), labels)
            if not said or said.isspace():  # the mark alone, or with spaces after it
                message = "expected cue text after the mark U+200B, found nothing"
                self.warn("srt.empty-cue", f"{message}; the cue is skipped", timing + 1)
                continue
            start, end = Timestamp(read[0]), Timestamp(read[1])
            turns.append(SpeakerTurn(speaker=speaker, text=said, start=start, end=end))
        return turns

    def _forgiven(self, timing: int, rest: str, *, numbered: bool) -> None:
        line = self.lines[timing]
        if not numbered:
            message = "expected a cue number before the timing line, found none"
            self.warn("srt.no-number", message, timing, once=True)
        if line.count(",") < 2:  # noqa: PLR2004 - one comma in each clock
            message = 'expected "," before the milliseconds, found "."'
            column = line.find(".") + 1
            self.warn("srt.dot-separator", message, timing, column, once=True)
        if rest:
            message = f"found {quote(rest)} after the end time; it is not read"
            column, width = line.rfind(rest) + 1, len(rest)
            self.info("srt.coordinates", message, timing, column, width, once=True)


def parse(text: str, *, strict: bool = False) -> Parsed[tuple[SpeakerTurn, ...]]:
    r"""Read SubRip blocks as speaker turns, a ``Name:`` label giving the speaker.

    Args:
        text: The whole file.
        strict: Raise when a diagnostic is an error.

    Returns:
        The turns, in file order, and the diagnostics, in line order.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is true and there are errors; it lists every one.

    Example:
        >>> res = parse("1\r\n00:00:01,000 --> 00:00:02,000\r\nAnn: Hi.\r\nBye.\r\n")
        >>> [(t.speaker, t.text, t.start.ms, t.end.ms) for t in res.value]
        [('Ann', 'Hi.\nBye.', 1000, 2000)]
    """
    reader = _Reader(require_str(text))
    turns = tuple(reader.run())
    return finish(turns, reader.diagnostics(), strict=strict)


# --- registry -------------------------------------------------------------------------------


def _looks_like(text: str) -> bool:
    lines = [line for line in lines_of(text[:1000]) if line.strip()][:2]
    if lines and _is_number(lines[0]):
        lines = lines[1:]
    return bool(lines) and _ARROW in lines[0] and _timing_like(lines[0])


#: The registry entry for SubRip transcripts, speakers as ``Name: text`` labels.
FORMAT: Final = Format(
    name="srt",
    summary="SubRip subtitles: a transcript, speakers as 'Name: text'",
    carries=Carries.TRANSCRIPT,
    suffixes=(".srt",),
    write=transcript_writer(render),
    read=transcript_reader(parse),
    looks_like=_looks_like,
)
