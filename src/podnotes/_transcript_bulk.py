"""The bulk path of the transcript reader: a whole text in one of its three commonest layouts.

Most long transcripts are written in one layout from the first line to the last, each turn
on one line (``Lex Fridman: text``, ``00:00:17 text``) or on two (``Lenny (00:01:19):`` and
its text), with blank lines or none between turns.  For such a text :func:`read_bulk` does
what the line state machine would do line after line, but a *column* at a time: each test
and each slice runs over every line at once in a C loop (``map``, ``filter``, a compiled
pattern), and Python code runs once per distinct label, not once per line.  The clocks and
the texts' openings are tested and read by columns in :mod:`podnotes._columns`.

When some turns run over more lines (wrapped lines, paragraphs), a second try sorts the
lines into turns in one Python loop, the tests that need no state still run in C.  Either
declines (returns None) as soon as one line is not what the line reader's shortcuts take
in that layout, and the caller reads the text the usual way; declining costs a few passes
over the lines, never a wrong reading.  When it accepts a text, the reader ends in the
very state reading line after line leaves it in
(``tests/property/test_transcript_fastpath.py`` holds the two equal): the turns, the
labels with their counts and first lines, the layouts, the last turn left open for
``finish``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import compress, count, islice, repeat
from operator import getitem, itemgetter
from typing import Final, cast

from podnotes import _speakers
from podnotes._columns import Starts, clock_starts, may_lead_on
from podnotes._speakers import DIGITS, NAME_TIME_SPAN, STARTING_POINT
from podnotes._transcript_reader import (
    _AFTER_COLON,
    _ELLIPSES,
    _LABEL_COLON_SPAN,
    _MAX_LABELS,
    _NOT_FAST_FIRST,
    _TIME_FIRST,
    Form,
    LineReader,
    _Label,
    _Turn,
)
from podnotes.model import SpeakerTurn, _trusted_timestamps, _trusted_turns
from podnotes.timestamps import Timestamp

__all__ = ["read_bulk"]

_TAIL: Final = 4  # the last lines that are not blank, found from the bottom
_FEW_LABELS: Final = 16  # up to this many, list.index finds each label's first turn
# The parts the patterns below are made of.  A clock in range, as the shortcuts read it:
_HHMMSS: Final = "[0-9]{2}:[0-5][0-9]:[0-5][0-9]"
# What may open the text after ``00:00:17 `` that could go on with the lead instead: a
# dash, a bracket, a digit, a space, "to" of a range, a time of day.
_MORE_LEAD: Final = r"[-–—|·•\[0-9\s]|[AaPp]\.?[Mm]|to"

# How clocks are spelt, for clock_starts (podnotes._columns): "9" a digit, "5" a digit up
# to 5.  The clock of a ``Name (00:01:19):`` line is its last 11 characters (the rest is its
# label's head); a ``00:00:17 text`` line's is its first 9; a clock the line patterns below
# found is 8.
#   accepts: "(00:01:19):", "00:00:17 "      rejects: "(00:61:19):", "(0:01:19): ", "0:00:17 H"
_NAME_CLOCK: Final = "(99:59:59):"
_TIMED_CLOCK: Final = "99:59:59 "
_CLOCK: Final = "99:59:59"

# A timed line's head as _timed_text reads it: the clock, its space and the text's first two
# characters; a text of one is filled out with a character no test looks for.
_TIMED_HEAD: Final = _TIMED_CLOCK + "??"
_FILL: Final = "~"
# What sends a ``Name (00:01:19):`` text the line-by-line way, right after a line that
# ends in "):": a blank line (the text may run over paragraphs, or there may be none), or a
# line the line reader would look at closer than at plain text (a time, a bracket, a tag,
# "Starting point is").  One search of all the texts joined finds either; the text lines
# are not joined and searched a second time for their openings.
#   finds: "(00:00:01):\n\nHi", "(00:00:01):\n(laughs) Hi", "(00:00:01):\n3 things"
#   misses: "(00:00:01):\nHi", "(00:00:01):\nHi (laughs)"
_AFTER_LABEL_NOT_PLAIN: Final = re.compile(
    r"\):\n(?:\n|[0-9(\[<]|" + re.escape(STARTING_POINT) + ")"
)

_Row = tuple[int, str, str]


def read_bulk(
    reader: LineReader,
    numbers: Sequence[int],
    raws: Sequence[str],
    texts: Sequence[str],
    joined: str | None,
) -> list[SpeakerTurn] | None:
    """Read a whole text written in one plain layout; None when it is not one.

    ``reader`` must be fresh, and the text must hold no ``<``, no ``-->`` and no WebVTT
    header (the caller checks).  On success the reader holds the state the line state
    machine would have after the last line, the last turn still open, and the other turns
    are returned; on None the reader holds nothing new but the label verdicts it caches.

    Args:
        reader: A reader that has read nothing yet.
        numbers: Each line's number.
        raws: Each line as written.
        texts: Each line cleaned.
        joined: The texts joined with line breaks, if the caller has them.
    """
    lines = list(filter(None, texts))
    if not lines:
        return None
    rows = _Rows(numbers, raws, texts, len(lines))
    first = lines[0]
    if first[0] in DIGITS:
        form: Form = "timed-text"
        turns = _timed_text(reader, rows, lines)
    elif first.endswith("):"):
        form = "name-time-line"
        if joined is None:
            joined = "\n".join(texts)
        plainest = not _AFTER_LABEL_NOT_PLAIN.search(joined)
        turns = _name_time(reader, rows, lines) if plainest else None
    else:
        form = "name-colon"
        turns = _name_colon(reader, rows, lines)
    if turns is None:  # a turn of more than one line, maybe: read line by line, still in bulk
        turns = _with_more_lines(reader, rows, lines, form)
    return turns


class _Rows:
    """The rows (number, raw line, text) of some of the lines that are not blank.

    Only a few rows are ever needed (each label's first line, the last turns), so they are
    found at once, by their place among the lines that are not blank, in C loops: from the
    top for the first lines, from the bottom for the last ones.
    """

    __slots__ = ("_found", "numbers", "raws", "texts", "total")

    def __init__(
        self, numbers: Sequence[int], raws: Sequence[str], texts: Sequence[str], total: int
    ) -> None:
        self.numbers, self.raws, self.texts = numbers, raws, texts
        self.total = total  # how many lines are not blank
        self._found: dict[int, _Row] = {}

    def find(self, places: Iterable[int]) -> None:
        """Find the rows of the ``places``-th lines that are not blank (counting from 0)."""
        wanted = sorted(set(places))
        tail = [place for place in wanted if place >= self.total - _TAIL]
        texts = self.texts
        self._walk(compress(count(), texts), wanted[: len(wanted) - len(tail)])
        backwards = compress(range(len(texts) - 1, -1, -1), reversed(texts))
        self._walk(backwards, [self.total - 1 - place for place in reversed(tail)], self.total)

    def _walk(self, indexes: Iterator[int], steps: list[int], total: int = 0) -> None:
        """Take the ``steps``-th (increasing) of ``indexes``; from the bottom if ``total``."""
        done = 0  # how many indexes are behind us
        for step in steps:
            index = next(islice(indexes, step - done, None))
            done = step + 1
            place = total - 1 - step if total else step
            self._found[place] = (self.numbers[index], self.raws[index], self.texts[index])

    def __getitem__(self, place: int) -> _Row:
        return self._found[place]


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
    return _settle(reader, rows, "name-colon", speakers, said)


def _verdicts(
    reader: LineReader, heads: Sequence[str], label_of: Callable[[LineReader, str], str | None]
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
        or head[0] in _NOT_FAST_FIRST
        or head[-1] in DIGITS  # "At 3: ..." is no label line, but a time's
        or ":" in head  # the line's first colon must be the label's
        or len(head) >= _LABEL_COLON_SPAN
        or head.startswith(STARTING_POINT)
    ):
        return None
    label = _speakers.unemphasise(head)
    return label if label and reader._shape(label, tagged=False) else None  # noqa: SLF001


def _name_time(reader: LineReader, rows: _Rows, lines: list[str]) -> list[SpeakerTurn] | None:
    """``Name (00:01:19):`` lines, each with one line of text right after it.

    The caller has made sure that after a line ending in ``):`` comes neither a blank line
    nor one that ``_AFTER_LABEL_NOT_PLAIN`` finds: each text line follows its label's, so
    none opens as anything but plain text.
    """
    if len(lines) % 2:
        return None  # not label, text, label, text, ...
    labels, said = lines[::2], lines[1::2]
    run = "".join(_cut(labels, slice(-len(_NAME_CLOCK), None)))
    starts = clock_starts(run, _NAME_CLOCK, len(labels))
    if starts is None or _mark_in("\n".join(said), ":;", 1, NAME_TIME_SPAN):
        return None  # a colon or a semicolon where a label's or a timecode's would be
    heads = _cut(labels, slice(None, -len(_NAME_CLOCK)))
    verdicts = _verdicts(reader, heads, _time_label)
    if verdicts is None:
        return None
    speakers = list(map(verdicts.__getitem__, heads))
    return _settle(reader, rows, "name-time-line", speakers, said, starts=starts)


def _time_label(reader: LineReader, head: str) -> str | None:
    """The label of ``head(00:01:19):`` when the line reader's shortcut would take it."""
    if (
        not head
        or head[0] in _NOT_FAST_FIRST
        or ":" in head  # the line's first colon must be the clock's
        or len(head) + 3 >= NAME_TIME_SPAN  # where the line reader looks for the colon
        or head.startswith(STARTING_POINT)
    ):
        return None
    label = _speakers.label_before_time(head)
    return label if reader._shape(label, tagged=True) else None  # noqa: SLF001


def _mark_in(joined: str, marks: str, start: int, stop: int) -> bool:
    """Whether a line of ``joined`` holds one of ``marks`` from ``start`` to ``stop``.

    ``joined`` is lines joined by line breaks; the places are counted in each line, as by
    ``line.find(mark, start, stop)``.  Marks are rare in speech, so the loop runs once
    per mark found, not once per line; a mark past ``stop`` sends the search on to the
    next line, so each line is looked back over at most once (a long line full of
    colons stays linear).
    """
    for mark in marks:
        at = joined.find(mark)
        while at >= 0:
            place = at - joined.rfind("\n", 0, at) - 1
            if start <= place < stop:
                return True
            if place < start:
                at = joined.find(mark, at + 1)
                continue
            end = joined.find("\n", at)
            at = -1 if end < 0 else joined.find(mark, end)
    return False


def _timed_text(reader: LineReader, rows: _Rows, lines: list[str]) -> list[SpeakerTurn] | None:
    """Every line ``00:00:17 text``, one turn each, with no speaker."""
    heads = _cut(lines, slice(None, len(_TIMED_HEAD)))  # each clock and its text's opening
    run = "".join(heads)
    if len(run) != len(heads) * len(_TIMED_HEAD):  # a text of one character: fill it out
        run = "".join(map(str.ljust, heads, repeat(len(_TIMED_HEAD)), repeat(_FILL)))
    starts = clock_starts(run, _TIMED_HEAD, len(heads))
    width, first = len(_TIMED_HEAD), len(_TIMED_CLOCK)  # the text's first two: columns 9, 10
    if starts is None or may_lead_on(run[first::width], run[first + 1 :: width]):
        return None  # the time may go on: the line reader looks closer
    said = _cut(lines, slice(len(_TIMED_CLOCK), None))
    if _mark_in("\n".join(said), ":", 1, _LABEL_COLON_SPAN):
        return None  # a label may follow the time: the line reader looks closer
    speakers: list[str | None] = [None] * len(lines)
    return _settle(reader, rows, "timed-text", speakers, said, starts=starts)


def _cut(lines: list[str], part: slice) -> list[str]:
    """``line[part]`` of each line, in a C loop."""
    return cast("list[str]", list(map(getitem, lines, repeat(part))))


# One line that opens a turn: its label (None for no speaker), its clock ("HH:MM:SS", or
# "" for none) and the text after them on the line ("" when the text starts on the next).
_Opened = tuple[str | None, str, str]
_Opener = Callable[[LineReader, str, dict[str, str | None]], _Opened | None]

# ``Lenny (00:01:19):`` as one line (its clock as _NAME_CLOCK spells it).
_NAME_TIME_LINE: Final = re.compile(rf"([^:]*)\(({_HHMMSS})\):")

# ``00:00:17 text`` as one line: a clock, a space, then text that cannot go on with the lead
# (see may_lead_on) and holds no colon where a label's would be (places 1 to 45 of the
# text).  Both branches of the text are bounded: no backtracking.
#   accepts: "00:00:17 So it begins.", "01:02:03 Agents, later: a word ..."
#   rejects: "00:00:17 Lex: Hi", "00:00:17 to 00:00:20 Hi", "00:00:17 PM news", "0:00:17 Hi"
_TIMED_LINE: Final = re.compile(
    f"({_HHMMSS}) (?!{_MORE_LEAD})"
    rf"(.(?:[^:]{{{_LABEL_COLON_SPAN - 1}}}.*|[^:]{{0,{_LABEL_COLON_SPAN - 2}}}))"
)


def _known_label(
    reader: LineReader,
    head: str,
    known: dict[str, str | None],
    label_of: Callable[[LineReader, str], str | None],
) -> str | None:
    """``label_of(reader, head)``, worked out once per head and kept in ``known``."""
    if head not in known:
        known[head] = label_of(reader, head)
    return known[head]


def _open_name_colon(reader: LineReader, line: str, known: dict[str, str | None]) -> _Opened | None:
    """``Name: text`` (or ``Name:`` alone) as the line reader's shortcut takes it."""
    colon = line.find(":", 1, NAME_TIME_SPAN)
    if colon < 0 or line[colon + 1 : colon + 2] not in _AFTER_COLON:
        return None
    head = line[:colon]
    label = _known_label(reader, head, known, _colon_label)
    return None if label is None else (label, "", line[colon + 2 :])


def _open_name_time(reader: LineReader, line: str, known: dict[str, str | None]) -> _Opened | None:
    """``Name (00:01:19):`` alone on its line, as the line reader's shortcut takes it."""
    match = _NAME_TIME_LINE.fullmatch(line) if line.endswith("):") else None
    if match is None:
        return None
    head = match[1]
    label = _known_label(reader, head, known, _time_label)
    return None if label is None else (label, match[2], "")


def _open_timed(_reader: LineReader, line: str, _known: dict[str, str | None]) -> _Opened | None:
    """``00:00:17 text``, as the line reader's shortcut takes it (no speaker is named)."""
    match = _TIMED_LINE.fullmatch(line) if line[0] in DIGITS else None
    return None if match is None else (None, match[1], match[2])


_OPENERS: Final[dict[Form, _Opener]] = {
    "name-colon": _open_name_colon,
    "name-time-line": _open_name_time,
    "timed-text": _open_timed,
}


def _with_more_lines(  # noqa: C901, PLR0911 -- one loop, each test inline
    reader: LineReader, rows: _Rows, lines: list[str], form: Form
) -> list[SpeakerTurn] | None:
    """A layout's turns when some take more lines: wrapped lines, paragraphs.

    A line opens a turn as the layout's shortcut reads it, or is one more line of the
    turn's text (joined with a space, or with a line break after a blank line), as the line
    reader's shortcut takes it: opening with no time, bracket or ``<`` and holding no colon
    or semicolon where a label's or a timecode's would be.  Any other line leaves the text
    to the line reader, and so do a turn with no text, a line of text that is a label
    already used, and one right above a line that opens with a time (the line reader may
    take either for a speaker's name).  The tests that need no state run over all lines at
    once; the loop only sorts the lines into turns.
    """
    if any(map(str.startswith, lines, repeat(STARTING_POINT))):
        return None
    spans = repeat(NAME_TIME_SPAN)
    colons = list(map(str.find, lines, repeat(":"), repeat(1), spans))
    semicolons = list(map(str.find, lines, repeat(";"), repeat(1), spans))
    firsts = list(map(itemgetter(0), lines))
    texts = rows.texts
    at = list(compress(range(len(texts)), texts))  # where the lines that are not blank are
    open_line = _OPENERS[form]
    known: dict[str, str | None] = {}  # each head's label, as the line reader caches them
    seen: set[str] = set()  # the labels used so far
    openers: list[int] = []
    speakers: list[str | None] = []
    clocks: list[str] = []
    parts: list[list[str]] = []
    last = len(lines) - 1
    for place, line in enumerate(lines):
        if colons[place] >= 0 or firsts[place] in _NOT_FAST_FIRST:
            opened = open_line(reader, line, known)
            if opened is None:
                return None
            label, clock, rest = opened
            openers.append(place)
            speakers.append(label)
            clocks.append(clock)
            parts.append([rest] if rest else [])
            if label is not None:
                seen.add(label)
            continue
        if not openers or semicolons[place] >= 0 or line in seen:
            return None
        if place < last and at[place + 1] == at[place] + 1 and firsts[place + 1] in _TIME_FIRST:
            return None  # a name alone, then a timed line: the line reader may take it so
        turn = parts[-1]
        if turn:
            turn.append("\n" if at[place] - at[place - 1] > 1 else " ")
        turn.append(line)
    if not all(parts) or len(known) > _MAX_LABELS:
        return None  # a turn with no text: the line reader reports it
    starts = None
    if form != "name-colon":
        starts = clock_starts("".join(clocks), _CLOCK, len(clocks))
        if starts is None:
            return None
    said = [turn[0] if len(turn) == 1 else "".join(turn) for turn in parts]
    return _settle(reader, rows, form, speakers, said, starts=starts, openers=openers)


def _first_turns(speakers: list[str]) -> dict[str, int]:
    """Each label's first turn, labels in order of first appearance."""
    distinct = dict.fromkeys(speakers)
    if len(distinct) <= _FEW_LABELS:
        return {label: speakers.index(label) for label in distinct}
    last = len(speakers) - 1
    first = dict(zip(reversed(speakers), range(last, -1, -1), strict=True))
    return {label: first[label] for label in distinct}


def _uses(speakers: list[str], firsts: dict[str, int]) -> dict[str, int]:
    """How many turns each label of ``firsts`` (all of those in ``speakers``) has."""
    if len(firsts) <= _FEW_LABELS:  # a C loop over the list per label beats one per turn
        return {label: speakers.count(label) for label in firsts}
    return Counter(speakers)


def _settle(  # noqa: PLR0913 -- a turn's columns, and its layout
    reader: LineReader,
    rows: _Rows,
    form: Form,
    speakers: list[str] | list[str | None],
    said: list[str],
    *,
    starts: Starts | None = None,
    openers: Sequence[int] | None = None,
) -> list[SpeakerTurn]:
    """Build the turns and leave ``reader`` as the line reader would after the last line.

    ``starts`` are the turns' start times, if the layout has them (see clock_starts).
    ``openers`` are the places (among the lines that are not blank) of the lines that open
    the turns; each turn's text runs to the line before the next one opens.  Without them,
    a turn takes two lines in ``name-time-line`` (its label's and its text's) and one in
    the others.
    Each label is noted as ``LineReader._note_label`` would: its uses, and the line it
    was first used on.
    """
    count = len(said)
    if openers is None:
        step = 2 if form == "name-time-line" else 1
        openers = range(0, count * step, step)
    last = rows.total - 1  # the last turn's last line
    before_last = openers[-1] - 1 if count > 1 else 0  # the line that ends the turn before
    # Either every turn is labelled or none is (the layout decides).
    firsts = _first_turns(cast("list[str]", speakers)) if speakers[0] is not None else {}
    rows.find([openers[0], openers[-1], last, before_last,
               *(openers[turn] for turn in firsts.values())])  # fmt: skip
    uses = _uses(cast("list[str]", speakers), firsts)
    for label, first in firsts.items():
        info = _Label(rows[openers[first]], tagged=form == "name-time-line")  # a time tags it
        info.count = uses[label]
        reader.labels[label] = info
    stamps: Sequence[Timestamp | None] = [None] * count
    ends: list[Timestamp | None] = [None] * count
    if starts is not None:  # a turn ends where the next one starts, when that is later
        stamps = _trusted_timestamps(starts.ms)
        ends = [*stamps[1:], None]
        for same in starts.ties:
            ends[same] = None
    # The columns are read in step with the speakers: all but the last turn are built.
    turns = _trusted_turns(speakers[:-1], said, stamps, ends)
    turn = _Turn(speakers[-1], stamps[-1], None, rows[openers[-1]])
    turn.parts.append(said[-1])
    if said[-1].endswith(_ELLIPSES):
        turn.last = rows[last]
    if count > 1 and said[-2].endswith(_ELLIPSES):  # _finished notes each closed turn's end
        reader.truncated = True
        reader._cut = rows[before_last]  # noqa: SLF001
    reader.forms[form] = count
    reader.first_of_form[form] = rows[openers[0]]
    reader._turn = turn  # noqa: SLF001
    reader._speaker = speakers[-1]  # noqa: SLF001
    reader._last_ms = None if starts is None else starts.ms[-1]  # noqa: SLF001
    reader._blank_before = not rows.texts[-1]  # noqa: SLF001
    return turns
