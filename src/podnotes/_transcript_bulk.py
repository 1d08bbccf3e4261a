"""The bulk path of the transcript reader: a whole text in one of its three commonest layouts.

Most long transcripts are written in one layout from the first line to the last, each turn
on one line (``Lex Fridman: text``, ``00:00:17 text``) or on two (``Lenny (00:01:19):`` and
its text), with blank lines or none between turns.  For such a text :func:`read_bulk` does
what the line state machine would do line after line, but a *column* at a time: each test
and each slice runs over every line at once in a C loop (``map``, ``filter``, a compiled
pattern), and Python code runs once per distinct label, not once per line.

It declines (returns None) as soon as one line is not of the layout's plainest shape, and
the caller reads the text the usual way; declining costs a few column passes, never a
second reading.  When it accepts a text, the reader ends in the very state reading line
after line leaves it in (``tests/property/test_transcript_fastpath.py`` holds the two
equal): the turns, the labels with their counts and first lines, the layouts, the last
turn left open for ``finish``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Sequence
from itertools import compress, repeat
from operator import eq, itemgetter, le
from typing import Final, cast

from podnotes import _speakers
from podnotes._speakers import DIGITS, MAX_CHARS, NAME_TIME_SPAN, STARTING_POINT
from podnotes._transcript_reader import Form, LineReader, _Label, _Turn
from podnotes.model import SpeakerTurn, _trusted_timestamps, _trusted_turns
from podnotes.timestamps import Timestamp

__all__ = ["read_bulk"]

_MAX_LABELS: Final = 1000  # as the line reader: more distinct labels are left to it
_ELLIPSES: Final = ("...", "…")
# What may not open a line of plain text or a label line here: the line reader looks
# closer at such lines (a time, a bracket, a voice tag).
_NOT_PLAIN_FIRST: Final = DIGITS | {"(", "[", "<"}
_LABEL_COLON_SPAN: Final = MAX_CHARS + 6  # as _transcript_fast: where a label's colon may be

# ``Lenny (00:01:19):`` alone on its line: what precedes the bracket, hours, minutes and
# seconds (in range), and nothing after.  The head holds no colon, so the clock's colon
# is the line's first.
#   accepts: "Lenny (00:01:19):", "Adam Fishman (01:02:03):"
#   rejects: "Lenny (00:61:19):", "Lenny (0:01:19):", "Lenny (00:01:19): Hi", "A:B (00:01:19):"
_NAME_TIME: Final = re.compile(r"([^:]*)\(([0-9]{2}):([0-5][0-9]:[0-5][0-9])\):")

# ``00:00:17 text`` as the line reader's shortcut takes it: a clock in range, one space,
# then text that opens with nothing that could go on with the lead (a dash, a bracket, a
# digit, a space, "to" of a range, a time of day) and holds no colon where a label's could
# be (positions 1 to 45 of the text).  Both branches of the text are bounded: no backtracking.
#   accepts: "00:00:17 So it begins.", "01:02:03 Agents: a word later on in the line ..."
#   rejects: "00:00:17 Lex: Hi", "00:00:17 to 00:00:20 Hi", "00:00:17 PM news", "0:00:17 Hi"
_TIMED_TEXT: Final = re.compile(
    r"([0-9]{2}):([0-5][0-9]:[0-5][0-9]) "
    r"(?![-–—|·•\[0-9\s]|[AaPp]\.?[Mm]|to)"
    rf"(.(?:[^:]{{{_LABEL_COLON_SPAN - 1}}}.*|[^:]{{0,{_LABEL_COLON_SPAN - 2}}}))"
)

_Row = tuple[int, str, str]


def read_bulk(
    reader: LineReader,
    numbers: Sequence[int],
    raws: Sequence[str],
    texts: Sequence[str],
) -> list[SpeakerTurn] | None:
    """Read a whole text written in one plain layout; None when it is not one.

    ``reader`` must be fresh, and the text must hold no ``<``, no ``-->`` and no WebVTT
    header (the caller checks).  On success the reader holds the state the line state
    machine would have after the last line, the last turn still open, and the other turns
    are returned; on None the reader is untouched.

    Args:
        reader: A reader that has read nothing yet.
        numbers: Each line's number.
        raws: Each line as written.
        texts: Each line cleaned.
    """
    at = list(compress(range(len(texts)), texts))  # where the lines that are not blank are
    if not at:
        return None
    lines = list(filter(None, texts))
    first = lines[0]
    if first[0] in DIGITS:
        return _timed_text(reader, _Rows(numbers, raws, texts, at), lines)
    if first.endswith("):"):
        return _name_time(reader, _Rows(numbers, raws, texts, at), lines)
    return _name_colon(reader, _Rows(numbers, raws, texts, at), lines)


class _Rows:
    """The row (number, raw line, text) of the n-th line that is not blank."""

    __slots__ = ("at", "numbers", "raws", "texts")

    def __init__(
        self, numbers: Sequence[int], raws: Sequence[str], texts: Sequence[str], at: list[int]
    ) -> None:
        self.numbers, self.raws, self.texts, self.at = numbers, raws, texts, at

    def __getitem__(self, nth: int) -> _Row:
        index = self.at[nth]
        return (self.numbers[index], self.raws[index], self.texts[index])


def _name_colon(reader: LineReader, rows: _Rows, lines: list[str]) -> list[SpeakerTurn] | None:
    """Every line ``Name: text``, one turn each."""
    parts = list(map(str.partition, lines, repeat(": ")))
    said = list(map(itemgetter(2), parts))
    if not all(said):  # a line without ": ", or a label with no text after it
        return None
    heads = list(map(itemgetter(0), parts))
    verdicts = _verdicts(reader, heads, _colon_label)
    if verdicts is None:
        return None
    speakers = list(map(verdicts.__getitem__, heads))
    _note_labels(reader, rows, speakers, tagged=False)
    return _settle(reader, rows, "name-colon", speakers, said)


def _verdicts(
    reader: LineReader, heads: list[str], label_of: Callable[[LineReader, str], str | None]
) -> dict[str, str] | None:
    """The label of each distinct head; None when one is no label, or they are too many."""
    distinct = set(heads)
    if len(distinct) > _MAX_LABELS:
        return None
    verdicts = {}
    for head in distinct:
        label = label_of(reader, head)
        if label is None:
            return None
        verdicts[head] = label
    return verdicts


def _colon_label(reader: LineReader, head: str) -> str | None:
    """The label of ``head: text`` when the line reader's shortcut would take it as one."""
    if (
        not head
        or head[0] in _NOT_PLAIN_FIRST
        or head[-1] in DIGITS  # "At 3: ..." is no label line, but a time's
        or ":" in head  # the line's first colon must be the label's
        or len(head) >= _LABEL_COLON_SPAN
        or head.startswith(STARTING_POINT)
    ):
        return None
    label = _speakers.unemphasise(head)
    return label if label and reader._shape(label, tagged=False) else None  # noqa: SLF001


def _name_time(reader: LineReader, rows: _Rows, lines: list[str]) -> list[SpeakerTurn] | None:
    """``Name (00:01:19):`` lines, each with one line of text right after it."""
    at = rows.at
    if len(lines) % 2 or set(map(int.__sub__, at[1::2], at[::2])) != {1}:
        return None  # not head and text, head and text, ... with the text right after
    matches = _fullmatches(_NAME_TIME, lines[::2])
    if matches is None:
        return None
    said = lines[1::2]
    if not _plain_text(said):
        return None
    heads = [match[1] for match in matches]
    verdicts = _verdicts(reader, heads, _time_label)
    if verdicts is None:
        return None
    starts = _milliseconds(matches, 2)
    if starts is None:
        return None
    speakers = list(map(verdicts.__getitem__, heads))
    _note_labels(reader, rows, speakers, tagged=True, step=2)
    return _settle(reader, rows, "name-time-line", speakers, said, starts=starts)


def _time_label(reader: LineReader, head: str) -> str | None:
    """The label of ``head(00:01:19):`` when the line reader's shortcut would take it."""
    if (
        not head
        or head[0] in _NOT_PLAIN_FIRST
        or len(head) + 3 >= NAME_TIME_SPAN  # where the line reader looks for the colon
        or head.startswith(STARTING_POINT)
    ):
        return None
    label = _speakers.label_before_time(head)
    return label if reader._shape(label, tagged=True) else None  # noqa: SLF001


def _plain_text(said: list[str]) -> bool:
    """Whether each line would be read as one more line of text, the turn's first.

    None may open like a time, a bracket or a ``Starting point is`` line, nor hold a colon
    or a semicolon where a label's or a timecode's would be.
    """
    if set(map(itemgetter(0), said)) & _NOT_PLAIN_FIRST:
        return False
    if any(map(str.startswith, said, repeat(STARTING_POINT))):
        return False
    for mark in (":", ";"):
        if max(map(str.find, said, repeat(mark), repeat(1), repeat(NAME_TIME_SPAN))) >= 0:
            return False
    return True


def _timed_text(reader: LineReader, rows: _Rows, lines: list[str]) -> list[SpeakerTurn] | None:
    """Every line ``00:00:17 text``, one turn each, with no speaker."""
    matches = _fullmatches(_TIMED_TEXT, lines)
    if matches is None:
        return None
    starts = _milliseconds(matches, 1)
    if starts is None:
        return None
    said = [match[3] for match in matches]
    speakers: list[str | None] = [None] * len(lines)
    return _settle(reader, rows, "timed-text", speakers, said, starts=starts)


def _fullmatches(pattern: re.Pattern[str], lines: list[str]) -> list[re.Match[str]] | None:
    """The match of ``pattern`` with each whole line; None unless every line matches."""
    matches = list(map(pattern.fullmatch, lines))
    return None if None in matches else cast("list[re.Match[str]]", matches)


@functools.cache
def _clock_tables() -> tuple[dict[str, int], dict[str, int]]:
    """Milliseconds of each ``HH`` (00 to 99) and of each ``MM:SS`` (00:00 to 59:59)."""
    hours = {f"{hour:02d}": hour * 3_600_000 for hour in range(100)}
    minutes = {f"{s // 60:02d}:{s % 60:02d}": s * 1000 for s in range(3600)}
    return hours, minutes


def _milliseconds(matches: list[re.Match[str]], hours: int) -> list[int] | None:
    """Each turn's start, from its match's ``HH`` (group ``hours``) and ``MM:SS`` (the next).

    None when a time goes back: the line reader reports that, so it reads such a text.
    """
    in_hours, in_minutes = _clock_tables()
    minutes = hours + 1
    starts = [in_hours[match[hours]] + in_minutes[match[minutes]] for match in matches]
    return starts if all(map(le, starts, starts[1:])) else None


def _note_labels(
    reader: LineReader, rows: _Rows, speakers: list[str], *, tagged: bool, step: int = 1
) -> None:
    """Note each label as ``LineReader._note_label`` would, in order of first appearance.

    ``step`` is how many lines each turn takes, its label's line first.
    """
    uses = Counter(speakers)
    count = len(speakers)
    first = dict(zip(reversed(speakers), range(count - 1, -1, -1), strict=True))
    for label in sorted(first, key=first.__getitem__):
        info = _Label(rows[first[label] * step], tagged=tagged)
        info.count = uses[label]
        reader.labels[label] = info


def _settle(  # noqa: PLR0913 -- a turn's columns, and its layout
    reader: LineReader,
    rows: _Rows,
    form: Form,
    speakers: list[str] | list[str | None],
    said: list[str],
    *,
    starts: list[int] | None = None,
) -> list[SpeakerTurn]:
    """Build the turns and leave ``reader`` as the line reader would after the last line.

    ``starts`` are the turns' start times, if the layout has them.  In ``name-time-line``
    each turn takes two lines (its label's and its text's), else one.
    """
    count = len(said)
    stamps: list[Timestamp | None] = [None] * count
    ends: list[Timestamp | None] = [None] * count
    if starts is not None:  # a turn ends where the next one starts, when that is later
        stamps = list(_trusted_timestamps(starts))
        ends = [*stamps[1:], None]
        for same in compress(range(count - 1), map(eq, starts, starts[1:])):
            ends[same] = None
    turns = _trusted_turns(speakers[:-1], said[:-1], stamps[:-1], ends[:-1])
    lines = 2 if form == "name-time-line" else 1
    last = _Turn(speakers[-1], stamps[-1], None, rows[(count - 1) * lines])
    last.parts.append(said[-1])
    if said[-1].endswith(_ELLIPSES):
        last.last = rows[count * lines - 1]
    if count > 1 and said[-2].endswith(_ELLIPSES):  # _finished notes each closed turn's end
        reader.truncated = True
        reader._cut = rows[(count - 1) * lines - 1]  # noqa: SLF001
    reader.forms[form] = count
    reader.first_of_form[form] = rows[0]
    reader._turn = last  # noqa: SLF001
    reader._speaker = speakers[-1]  # noqa: SLF001
    reader._last_ms = None if starts is None else starts[-1]  # noqa: SLF001
    reader._blank_before = not rows.texts[-1]  # noqa: SLF001
    return turns
