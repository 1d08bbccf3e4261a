"""Transcripts: speaker turns from every common transcript layout, read line by line.

One reader handles every layout, a line at a time with one line of lookahead, so the same
code serves a whole text (:func:`parse`), the transcript section of a page
(:func:`read_transcript`) and an endless stream (:func:`iter_turns`).

Layouts (see :class:`TranscriptLayout`; ``+`` separates lines)::

    Lex Fridman: text            **Lex:** text            LEX: text
    Lenny (00:01:19): + text     Lenny 00:26 + text       Lex + (00:00:00) text
    [00:00:21] Lex: text         [Speaker 1] [12:30] text
    00:00:00 text                00:00:21 + Lex + text    Starting point is 00:01:17 + text
    00;00;13;12 - 00;00;51;03 + Lex + text                WebVTT cues, SRT blocks

Rules that hold in every layout:

- A line without a label continues the current turn: hard-wrapped lines are joined with a
  space, paragraphs (after a blank line) with a newline.  Text before the first label is a
  turn of its own, with no speaker.
- A time opening a line without a name (``(12:30):``, ``[12:30] text``) starts a new turn by
  the same speaker.  WebVTT and SRT cues are the exception: a cue's speaker is its ``<v>``
  tag or ``Name:`` label, or nobody.
- A turn's ``end`` is the cue's or range's end when the layout gives one, else the start of
  the very next turn when that is later, else None.
- ``Name:`` is a speaker label only when the name passes the tests of ``_speakers``; a label
  used only once that still looks doubtful gets a warning, never a silent guess.  Noise such
  as ``[laughs]``, ``[unintelligible 00:43:28.29]`` or ``**Break**:`` stays in the text.
- Every non-blank line ends up in a turn's text, in a diagnostic, or is structure the reader
  understood: a WebVTT header, cue number, cue timing or ``NOTE`` block, a time or a name.
"""

from __future__ import annotations

import enum
import itertools
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple

import attrs

from podnotes import _speakers
from podnotes._lines import Line, clean
from podnotes.diagnostics import Diagnostic, Parsed, ParseError, Severity
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp, TimestampError

__all__ = [
    "TranscriptLayout",
    "TranscriptResult",
    "iter_turns",
    "looks_like_transcript",
    "parse",
    "read_transcript",
]

# --- patterns --------------------------------------------------------------------------------
# Every pattern runs anchored (match/fullmatch) and every quantifier is bounded, so a line of
# any length costs a bounded number of steps; the ".*" tails run once, at the end.

#: A clock (fields after the first have two digits) or a timecode with frames after ";".
#:   accepts: 0:04, 00:00:21, 1:02:03.5, 00:01,500, 00;00;13;12, 00:00:13;12
#:   rejects: 3:1, 16:9 (one-digit field), 1:2x
_CLOCK: Final = r"[0-9]{1,3}(?::[0-9]{2}){1,2}(?:[.,][0-9]{1,3})?"
_TIME: Final = rf"(?:[0-9]{{1,3}}[:;][0-9]{{2}}[:;][0-9]{{2}};[0-9]{{1,3}}|{_CLOCK})"

#: A time (or a range of two) opening a line, maybe bracketed, maybe followed by ":", then
#: the spaces or dash before the text.  A time of day ("3:15 PM") is not one.
#:   accepts: "00:00:21 text", "(12:30):", "[0:04] - x", "00;00;13;12 - 00;00;51;03"
#:   rejects: "3:15pm", "3:15 a.m. text", "[unintelligible 00:43:28.29]", "12:30:45:10"
_LEAD: Final = re.compile(
    rf"(?P<open>[(\[])?(?P<start>{_TIME})(?:\s{{0,3}}(?:--?|–|—|to)\s{{0,3}}(?P<end>{_TIME}))?"
    r"(?P<close>[)\]])?:?(?=\s|$)(?!\s{1,3}[AaPp]\.?[Mm](?:\.|\b))\s{0,3}(?:[-–—|·•]\s{1,3})?"
)

#: A WebVTT or SRT cue timing line, with optional cue settings after it.
#:   accepts: "0:00:00.560 --> 0:00:02.759", "00:00:01,000 --> 00:00:02,500 align:start"
#:   rejects: "a --> b", "00:01 -> 00:02"
_CUE: Final = re.compile(rf"(?P<start>{_CLOCK})\s{{0,5}}-->\s{{0,5}}(?P<end>{_CLOCK})(?:\s.*)?")

#: The time that ends a speaker line, matched from where the time's digits start; what
#: comes before it is the label (``_name_time`` finds that start without backtracking).
#:   accepts: "00:01:19):" in "Lenny (00:01:19):", "00:26" in "Lex 00:26",
#:            "0:04): Hi" in "Lex (0:04): Hi"
#:   rejects: "00:26 and then" (text after a time needs brackets and a colon)
_TIME_TAIL: Final = re.compile(
    rf"(?P<time>{_TIME})(?P<close>[)\]])?(?:\*\*|__)?(?P<colon>:)?(?:\*\*|__)?(?:\s(?P<rest>.*))?"
)
#: A bracketed label before (or after) a time: "[Speaker 1] [12:30] text".
_BRACKET_LABEL: Final = re.compile(r"\[(?P<label>[^\[\]]{1,60})\]\s{0,3}")
#: A WebVTT voice span opening a line: "<v Speaker 1>", "<v.loud Lex Fridman>".
_VOICE: Final = re.compile(r"<v(?:\.[^\s<>]{1,40})?\s{1,3}(?P<label>[^<>]{1,60})>")
#: WebVTT markup inside text: closing voice spans, classes, languages, ruby, karaoke times.
_CUE_TAG: Final = re.compile(
    r"</?(?:v|c|lang|ruby|rt)(?:[.\s][^<>]{0,200})?>|<[0-9]{1,3}(?::[0-9]{2}){1,2}\.[0-9]{3}>"
)
_STARTING_POINT: Final = "Starting point is "
_PAIRS: Final = {"(": ")", "[": "]"}
_ELLIPSES: Final = ("...", "…")
_DIGITS: Final = frozenset("0123456789")
_TIME_FIRST: Final = _DIGITS | {"(", "["}
_SPECIAL_FIRST: Final = _TIME_FIRST | {"<", "S"}  # what may open a line that is not just text
_MAX_LABELS: Final = 1000  # distinct labels remembered (and shapes cached) per reader
_LABEL_SPAN: Final = _speakers.MAX_CHARS + 6  # where a label's colon may be: "**Name:**"
_NAME_TIME_SPAN: Final = 90  # where the time after a label may be
_NEW: Final = object.__new__
_SET: Final = object.__setattr__  # how attrs itself sets fields of frozen slotted classes


class TranscriptLayout(enum.Enum):
    r"""The layout a transcript is written in, as :func:`read_transcript` detects it.

    Example:
        >>> from podnotes._lines import split
        >>> read_transcript(split("00:00:00 Hello.\n00:00:03 Hi.")).layout
        <TranscriptLayout.TIMED_TEXT: 'timed-text'>
    """

    EMPTY = "empty"  #: no turns at all
    PLAIN = "plain"  #: text without labels or times: one turn, no speaker
    NAME_COLON = "name-colon"  #: ``Name: text``, ``**Name:** text``, ``NAME: text``, ``<v Name>``
    NAME_TIME_LINE = "name-time-line"  #: ``Name (00:01:19):`` or ``Name 00:26``, then text
    NAME_LINE_TIMED_TEXT = "name-line-timed-text"  #: ``Name`` line, then ``(00:00:00) text``
    TIME_NAME_COLON = "time-name-colon"  #: ``[00:00:21] Name: text``
    BRACKET_NAME_TIME = "bracket-name-time"  #: ``[Speaker 1] [12:30] text``
    TIMED_TEXT = "timed-text"  #: ``00:00:00 text``, no names
    TIME_LINE = "time-line"  #: a time line (or ``Starting point is``), maybe a name, then text
    RANGE_LINE = "range-line"  #: ``00;00;13;12 - 00;00;51;03``, maybe a name, then text
    WEBVTT = "webvtt"  #: WebVTT cues with ``<v Name>`` voices
    SRT = "srt"  #: SRT blocks: number, ``00:00:01,000 --> ...``, text

    # Members are singletons compared by identity, so identity is a valid hash; it is far
    # cheaper than Enum's hash of the name, and the reader counts a layout for every turn.
    __hash__ = object.__hash__


def _read_only(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class TranscriptResult:
    r"""What :func:`read_transcript` found in a transcript section.

    Attributes:
        turns: The speaker turns, in order.
        diagnostics: Problems and doubts, in line order.
        layout: The layout most turns are written in.
        truncated: True when the last turn ends in ``...`` or ``…`` (the page cut it short).
        title: The title of a ``WEBVTT - Title`` header line, if there is one.
        aliases: Each label that abbreviates exactly one fuller label, mapped to it
            (``"Lenny"`` -> ``"Lenny Rachitsky"`` when both occur); read-only.  Turns keep
            their labels as written.

    Example:
        >>> from podnotes._lines import split
        >>> res = read_transcript(split("Lenny: Hi.\nLenny Rachitsky: Welcome."))
        >>> res.speakers, dict(res.aliases)
        (('Lenny', 'Lenny Rachitsky'), {'Lenny': 'Lenny Rachitsky'})
    """

    turns: tuple[SpeakerTurn, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    layout: TranscriptLayout = TranscriptLayout.EMPTY
    truncated: bool = False
    title: str | None = None
    aliases: Mapping[str, str] = attrs.field(factory=dict, converter=_read_only)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Distinct speaker labels, in order of first appearance."""
        return tuple(dict.fromkeys(t.speaker for t in self.turns if t.speaker is not None))


# --- times -----------------------------------------------------------------------------------


def _ms(token: str) -> int | None:
    """Milliseconds of a token matched by ``_TIME``; None when a field is out of range.

    Agrees with :meth:`Timestamp.parse` on every such token (a property test checks it);
    clocks are computed here because they are the hot path.
    """
    if ";" in token:
        try:
            return Timestamp.parse(token).ms
        except TimestampError:
            return None
    if len(token) == 8 and token[2] == ":" == token[5]:  # noqa: PLR2004 -- HH:MM:SS, the most common
        hours, minutes, seconds, millis = int(token[:2]), int(token[3:5]), int(token[6:]), 0
        most_minutes = 60
    else:
        whole, _, fraction = token.replace(",", ".").partition(".")
        fields = whole.split(":")
        hours = int(fields[0]) if len(fields) == 3 else 0  # noqa: PLR2004 -- H:MM:SS
        minutes, seconds = int(fields[-2]), int(fields[-1])
        millis = int(fraction.ljust(3, "0")) if fraction else 0
        most_minutes = 60 if len(fields) == 3 else 1000  # noqa: PLR2004 -- "64:40" is fine
    if seconds >= 60 or minutes >= most_minutes:  # noqa: PLR2004
        return None
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def _bad_time(token: str) -> str:
    """Timestamp.parse's own message for a token ``_ms`` refused."""
    try:
        Timestamp.parse(token)
    except TimestampError as error:
        return str(error)
    return f"expected a time, found {token!r}"  # pragma: no cover -- _ms agrees with parse


class _Lead(NamedTuple):
    """A time opening a line: the match, its times (None when out of range), the text after."""

    match: re.Match[str]
    start: int | None
    end: int | None
    rest: str

    @property
    def valid(self) -> bool:
        return self.start is not None and (self.match["end"] is None or self.end is not None)


def _paired(match: re.Match[str]) -> bool:
    return _PAIRS.get(match["open"] or "") == (match["close"] or None)


def _lead(text: str, pos: int = 0) -> _Lead | None:
    """The time that opens ``text`` (at ``pos``), unless its brackets do not pair."""
    match = _LEAD.match(text, pos)
    if match is None or not _paired(match):
        return None
    end = match["end"]
    return _Lead(match, _ms(match["start"]), None if end is None else _ms(end), text[match.end() :])


def _timestamp(ms: int) -> Timestamp:
    """``Timestamp(ms)`` for an ``ms`` the reader computed (an int >= 0), without re-checking.

    The reader builds thousands of these per second; the model's validators would double the
    cost of a parse.  Tests run ``attrs.validate`` on everything the reader returns.
    """
    stamp = _NEW(Timestamp)
    _SET(stamp, "ms", ms)
    return stamp


def _speaker_turn(
    speaker: str | None, text: str, start: Timestamp | None, end: Timestamp | None
) -> SpeakerTurn:
    """``SpeakerTurn(...)`` for values that already meet its validators (see ``_timestamp``).

    The reader guarantees them: labels and text are stripped and not blank, times come
    from ``_timestamp``, and ``end`` is only set when it is after ``start``.
    """
    turn = _NEW(SpeakerTurn)
    _SET(turn, "speaker", speaker)
    _SET(turn, "text", text)
    _SET(turn, "start", start)
    _SET(turn, "end", end)
    return turn


def _split_name_time(text: str, mark: int) -> tuple[str, str, str] | None:
    """Label, time and text of ``Name (00:01:19):``, ``Name 0:26`` or ``Name (0:04): text``.

    ``mark`` is the first ``:`` or ``;`` of ``text``, which lies inside the time; the time's
    digits start at most a few characters before it, so no pattern has to guess where the
    label ends.  The label's shape is the caller's business.
    """
    digits = mark
    while digits > 0 and text[digits - 1] in _DIGITS:
        digits -= 1
    tail = _TIME_TAIL.fullmatch(text, digits)
    if tail is None:
        return None
    head = text[:digits]
    opening = head[-1:] if head[-1:] in _PAIRS else ""
    if not (opening or head[-1:].isspace()) or _PAIRS.get(opening) != (tail["close"] or None):
        return None
    rest = (tail["rest"] or "").strip()
    if rest and not (opening and tail["colon"]):
        return None
    label = head[: len(head) - len(opening)].strip().rstrip("-–—·|,").strip()
    if "*" in label or "_" in label:
        label = label.removeprefix("**").removeprefix("__").removesuffix("**").removesuffix("__")
    return label, tail["time"], rest


def _time_inside(text: str) -> int:
    """Where a time inside the first characters of ``text`` has its first ``:`` or ``;``.

    Returns -1 when the first ``:`` (or, without one, the first ``;``) does not follow a
    digit, which rules out ``Name: text`` lines cheaply.
    """
    colon = text.find(":", 1, _NAME_TIME_SPAN)
    mark = colon if colon > 0 else text.find(";", 1, _NAME_TIME_SPAN)
    return mark if mark > 0 and text[mark - 1] in _DIGITS else -1


# --- the reader ------------------------------------------------------------------------------

_Row = tuple[int, str, str]  # line number, raw line, cleaned text


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _diagnostic(
    row: _Row, code: str, message: str, fragment: str = "", severity: Severity = Severity.WARNING
) -> Diagnostic:
    line = Line(number=row[0], raw=row[1], text=row[2])
    return line.diagnostic(code, message, fragment=fragment, severity=severity)


class _Block(enum.Enum):
    NONE = 0
    HEADER = 1  # WebVTT header lines after "WEBVTT"
    NOTE = 2  # a WebVTT NOTE, STYLE or REGION block
    CUE = 3  # the text lines of a cue


class _Turn:
    """A turn being read: its label and times, and its text so far."""

    __slots__ = ("end", "last", "named_by", "opener", "parts", "speaker", "start", "start_ms")

    def __init__(
        self, speaker: str | None, start: Timestamp | None, end: Timestamp | None, opener: _Row
    ) -> None:
        self.speaker = speaker
        self.start = start
        self.start_ms = None if start is None else start.ms
        self.end = end
        self.opener = opener  # the line that opened the turn
        self.last: _Row | None = None  # the line of text that ended in "..." or "…"
        self.named_by: _Row | None = None  # a line of its own that named the speaker
        self.parts: list[str] = []


class _Label:
    """What the reader knows of one speaker label: uses, evidence, first line."""

    __slots__ = ("count", "row", "tagged")

    def __init__(self, row: _Row, *, tagged: bool) -> None:
        self.count = 1
        self.row = row
        self.tagged = tagged  # the layout marked it (a time, a voice tag, brackets)


class _Reader:
    """The line state machine behind every public function of this module."""

    def __init__(self, report: Callable[[Diagnostic], None]) -> None:
        self.report = report
        self.done: SpeakerTurn | None = None  # a finished turn for the driver to hand on
        self.title: str | None = None
        self.truncated = False
        self.forms: dict[TranscriptLayout, int] = {}
        self.first_of_form: dict[TranscriptLayout, _Row] = {}
        self.labels: dict[str, _Label] = {}
        self._shapes: dict[str, bool] = {}
        self._tagged_shapes: dict[str, bool] = {}
        self._started = False
        self._blank_before = True
        self._block = _Block.NONE
        self._vtt = False
        self._expect_name = False  # after a time line: the next line may name the speaker
        self._named: _Row | None = None  # a name line naming the timed turn that follows
        self._speaker: str | None = None
        self._turn: _Turn | None = None
        self._last_ms: int | None = None
        self._cue_form = TranscriptLayout.WEBVTT
        self._cut: _Row = (1, "", "")  # the line holding the "..." that cut the transcript

    # -- turns ------------------------------------------------------------------------------

    def _begin(  # noqa: PLR0913 -- a turn's parts, and where its times are written
        self,
        row: _Row,
        form: TranscriptLayout,
        speaker: str | None,
        start_ms: int | None = None,
        *,
        end_ms: int | None = None,
        times: tuple[str, str] = ("", ""),
    ) -> _Turn:
        start = None if start_ms is None else _timestamp(start_ms)
        self._close(start)
        end = None
        if start_ms is not None:
            if end_ms is not None and end_ms > start_ms:
                end = _timestamp(end_ms)
            elif end_ms is not None:
                message = f"expected an end after the start {start}, found {_timestamp(end_ms)}"
                self.report(_diagnostic(row, "transcript.bad-end", message, times[1]))
            last = self._last_ms
            if last is not None and start_ms < last:
                message = f"expected a time at or after {_timestamp(last)}, found {start}"
                self.report(_diagnostic(row, "transcript.time-backwards", message, times[0]))
            self._last_ms = start_ms
        self._count(form, row)
        self._speaker = speaker
        self._turn = _Turn(speaker, start, end, row)
        return self._turn

    def _close(self, next_start: Timestamp | None) -> None:
        turn = self._turn
        if turn is None:
            return
        self._turn = None
        if not turn.parts:
            by = "" if turn.named_by is None else f" by {_quote(turn.speaker or '')}"
            message = (
                f"expected the text of a turn{by} after {_quote(turn.opener[2])}, found nothing"
            )
            self.report(_diagnostic(turn.opener, "transcript.empty-turn", message))
            return
        end = turn.end
        if end is None and next_start is not None and turn.start_ms is not None:
            end = next_start if next_start.ms > turn.start_ms else None
        text = "".join(turn.parts)
        self.done = _speaker_turn(turn.speaker, text, turn.start, end)
        self.truncated = text.endswith(_ELLIPSES)
        if self.truncated:
            self._cut = turn.last or turn.opener

    def _count(self, form: TranscriptLayout, row: _Row) -> None:
        forms = self.forms
        if form in forms:
            forms[form] += 1
        else:
            forms[form] = 1
            self.first_of_form[form] = row

    def _append(self, row: _Row, text: str, *, paragraph: bool) -> None:
        if "<" in text:
            text = " ".join(_CUE_TAG.sub(" ", text).split())
            if not text:
                return
        turn = self._turn
        if turn is None:
            turn = self._begin(row, TranscriptLayout.PLAIN, None)
        elif turn.parts:
            turn.parts.append("\n" if paragraph else " ")
        turn.parts.append(text)
        if text.endswith(_ELLIPSES):
            turn.last = row

    def _note_label(self, label: str, row: _Row, *, tagged: bool) -> None:
        known = self.labels.get(label)
        if known is not None:
            known.count += 1
            known.tagged = known.tagged or tagged
        elif len(self.labels) < _MAX_LABELS:
            self.labels[label] = _Label(row, tagged=tagged)

    def _shape(self, label: str, *, tagged: bool) -> bool:
        """:func:`_speakers.is_name` (or ``is_tagged_name``), remembered for known labels."""
        shapes = self._tagged_shapes if tagged else self._shapes
        shape = shapes.get(label)
        if shape is None:
            shape = (_speakers.is_tagged_name if tagged else _speakers.is_name)(label)
            if len(shapes) < _MAX_LABELS:
                shapes[label] = shape
        return shape

    def _label_of(self, text: str) -> tuple[str, str] | None:
        """``Name: rest`` when the name passes the strict test."""
        split = _speakers.split_label(text)
        return split if split is not None and self._shape(split[0], tagged=False) else None

    # -- lines ------------------------------------------------------------------------------

    def step(self, number: int, raw: str, text: str, following: str | None) -> None:
        """Read one line; ``following`` is the next line's cleaned text (None at the end)."""
        if not text:
            self._blank_before = True
            self._block = _Block.NONE
            return
        paragraph, self._blank_before = self._blank_before, False
        turn = self._turn
        if (  # the common case first: one more line of the current turn's text
            not paragraph
            and turn is not None
            and turn.parts
            and self._block is _Block.NONE
            and not self._expect_name
            and text[0] not in _SPECIAL_FIRST
            and text.find(":", 1, _NAME_TIME_SPAN) < 0
            and text.find(";", 1, _NAME_TIME_SPAN) < 0
            and "-->" not in text
            and "<" not in text
            and (not following or following[0] not in _TIME_FIRST)
        ):
            turn.parts += (" ", text)
            if text.endswith(_ELLIPSES):
                turn.last = (number, raw, text)
            return
        self._line((number, raw, text), following, paragraph=paragraph)

    def _line(self, row: _Row, following: str | None, *, paragraph: bool) -> None:
        text = row[2]
        expect_name, self._expect_name = self._expect_name, False
        if not self._started:
            self._started = True
            if text.startswith("WEBVTT") and text[6:7] in {"", " "}:
                self._vtt = True
                self._block = _Block.HEADER
                self.title = text[6:].strip().lstrip("-–—:").strip() or None
                return
        block = self._block
        if block is _Block.CUE:
            self._cue_text(row, text)
            return
        if block is not _Block.NONE:
            return  # the WebVTT header, or a NOTE block: understood, nothing to keep
        structure = "-->" in text or (
            paragraph and (self._vtt or (following is not None and "-->" in following))
        )
        if not (structure and self._structure(row, text, following, paragraph)):
            self._text(row, text, following, paragraph=paragraph, expect_name=expect_name)

    def _structure(self, row: _Row, text: str, following: str | None, paragraph: bool) -> bool:  # noqa: FBT001
        """Cue timings, cue identifiers and NOTE blocks; True when the line was one."""
        if "-->" in text:
            match = _CUE.fullmatch(text)
            if match is not None:
                self._cue(row, match)
                return True
        if not paragraph:
            return False
        cue_next = following and "-->" in following and _CUE.fullmatch(following)
        if cue_next and (self._vtt or (text.isascii() and text.isdigit())):
            return True  # a cue identifier
        if self._vtt and text.split(" ", 1)[0] in {"NOTE", "STYLE", "REGION"}:
            self._block = _Block.NOTE
            return True
        return False

    def _cue(self, row: _Row, match: re.Match[str]) -> None:
        times = []
        for token in (match["start"], match["end"]):
            ms = _ms(token)
            if ms is None:
                self.report(
                    _diagnostic(row, "transcript.bad-time", _bad_time(token), token, Severity.ERROR)
                )
            times.append(ms)
        srt = not self._vtt and "," in match["start"]
        self._cue_form = TranscriptLayout.SRT if srt else TranscriptLayout.WEBVTT
        tokens = (match["start"], match["end"])
        self._begin(row, self._cue_form, None, times[0], end_ms=times[1], times=tokens)
        self._block = _Block.CUE

    def _cue_text(self, row: _Row, text: str) -> None:
        turn = self._turn
        assert turn is not None  # noqa: S101 -- a cue timing line always opens a turn
        voice = _VOICE.match(text) if text[0] == "<" else None
        found: tuple[str, str] | None = None
        if voice is not None and self._shape(voice["label"].strip(), tagged=True):
            found = voice["label"].strip(), text[voice.end() :]
            self._note_label(found[0], row, tagged=True)
        else:
            found = self._label_of(text)
            if found is not None:
                self._note_label(found[0], row, tagged=False)
        if found is not None:
            if turn.parts:  # a second speaker in one cue: a second turn, same times
                self._close(None)
                self._count(self._cue_form, row)
                turn = self._turn = _Turn(None, turn.start, turn.end, row)
            turn.speaker = self._speaker = found[0]
            text = found[1].strip()
        if text:
            self._append(row, text, paragraph=False)

    def _text(
        self, row: _Row, text: str, following: str | None, *, paragraph: bool, expect_name: bool
    ) -> None:
        first = text[0]
        if first in _TIME_FIRST and self._timed(row, text):
            return
        if first == "S" and text.startswith(_STARTING_POINT):
            lead = _lead(text, len(_STARTING_POINT))
            if lead is not None:
                if not self._timed(row, text, lead, TranscriptLayout.TIME_LINE):
                    self._append(row, text, paragraph=paragraph)  # a bad time, reported
                return
        if expect_name and self._name_line(row, following):
            return
        maybe_label = first == "<" or text.find(":", 1, _NAME_TIME_SPAN) > 0
        if (maybe_label or text.find(";", 1, _NAME_TIME_SPAN) > 0) and self._labelled(row, text):
            return
        if following and following[0] in _TIME_FIRST and self._names_next(row, following):
            return
        if paragraph and following and text.rstrip(":") in self.labels and not _lead(following):
            label = text.rstrip(":")  # a known speaker alone on a line, text after it
            self._note_label(label, row, tagged=True)
            self._begin(row, TranscriptLayout.NAME_COLON, label)
            return
        self._append(row, text, paragraph=paragraph)

    def _timed(
        self,
        row: _Row,
        text: str,
        lead: _Lead | None = None,
        form: TranscriptLayout | None = None,
    ) -> bool:
        """A line opening with a time, or with a bracketed label and a time."""
        speaker: str | None = None
        lead = lead or _lead(text)
        if lead is None and text[0] == "[":
            bracket = _BRACKET_LABEL.match(text)
            if bracket is None or not self._shape(bracket["label"].strip(), tagged=True):
                return False
            lead = _lead(text, bracket.end())
            speaker, form = bracket["label"].strip(), TranscriptLayout.BRACKET_NAME_TIME
        if lead is None:
            return False
        if not lead.valid:
            token = lead.match["start"] if lead.start is None else lead.match["end"]
            self.report(
                _diagnostic(row, "transcript.bad-time", _bad_time(token), token, Severity.ERROR)
            )
            return False
        rest = lead.rest
        if speaker is None and rest:
            speaker, rest, form = self._label_after_time(rest, form)
        if speaker is not None:
            self._note_label(speaker, row, tagged=form is TranscriptLayout.BRACKET_NAME_TIME)
        named, self._named = self._named, None
        if named is not None:
            form = TranscriptLayout.NAME_LINE_TIMED_TEXT
        elif form is None:
            ranged = lead.end is not None
            form = (
                TranscriptLayout.RANGE_LINE
                if ranged
                else TranscriptLayout.TIMED_TEXT
                if rest
                else TranscriptLayout.TIME_LINE
            )
        inherited = self._speaker if speaker is None else speaker
        tokens = (lead.match["start"], lead.match["end"] or "")
        turn = self._begin(row, form, inherited, lead.start, end_ms=lead.end, times=tokens)
        turn.named_by = named
        if rest:
            self._append(row, rest, paragraph=False)
        else:
            self._expect_name = named is None
        return True

    def _label_after_time(
        self, rest: str, form: TranscriptLayout | None
    ) -> tuple[str | None, str, TranscriptLayout | None]:
        """``[Speaker 1] text`` or ``Name: text`` after a leading time."""
        if rest[0] == "[":
            bracket = _BRACKET_LABEL.match(rest)
            if bracket is not None and self._shape(bracket["label"].strip(), tagged=True):
                label = bracket["label"].strip()
                return label, rest[bracket.end() :], TranscriptLayout.BRACKET_NAME_TIME
        found = self._label_of(rest)
        if found is not None:
            return found[0], found[1], form or TranscriptLayout.TIME_NAME_COLON
        return None, rest, form

    def _name_line(self, row: _Row, following: str | None) -> bool:
        """A speaker's name alone on the line after a time line, with the text after it."""
        if not following or _lead(following) is not None or self._turn is None:
            return False
        name = _speakers.own_line_name(row[2])
        if name is None:
            return False
        self._note_label(name, row, tagged=True)
        self._turn.speaker = self._speaker = name
        self._turn.named_by = row
        return True

    def _names_next(self, row: _Row, following: str) -> bool:
        """A speaker's name alone on a line, then a line that opens with a time."""
        name = _speakers.own_line_name(row[2])
        if name is None or "-->" in following:
            return False
        lead = _lead(following)
        if lead is None or not lead.valid:
            return False
        if lead.rest and self._label_after_time(lead.rest, None)[0] is not None:
            return False
        self._note_label(name, row, tagged=True)
        self._speaker = name
        self._named = row
        return True

    def _labelled(self, row: _Row, text: str) -> bool:
        """``Name (00:01:19):``, ``Name 00:26``, ``Name: text`` and ``<v Name> text`` lines."""
        mark = _time_inside(text)
        if mark > 0 and self._name_time(row, text, mark):
            return True
        found = self._label_of(text)
        tagged = False
        if found is None and text[0] == "<":
            voice = _VOICE.match(text)
            if voice is not None and self._shape(voice["label"].strip(), tagged=True):
                found, tagged = (voice["label"].strip(), text[voice.end() :].strip()), True
        if found is None:
            return False
        self._note_label(found[0], row, tagged=tagged)
        self._begin(row, TranscriptLayout.NAME_COLON, found[0])
        if found[1]:
            self._append(row, found[1], paragraph=False)
        return True

    def _name_time(self, row: _Row, text: str, mark: int) -> bool:
        """``Name (00:01:19):`` or ``Name 0:26`` alone, or ``Name (0:04): text``."""
        found = _split_name_time(text, mark)
        if found is None or not self._shape(found[0], tagged=True):
            return False
        label, token, rest = found
        start = _ms(token)
        if start is None:
            self.report(
                _diagnostic(row, "transcript.bad-time", _bad_time(token), token, Severity.ERROR)
            )
            return False
        self._note_label(label, row, tagged=True)
        self._begin(row, TranscriptLayout.NAME_TIME_LINE, label, start, times=(token, ""))
        if rest:
            self._append(row, rest, paragraph=False)
        return True

    # -- the end ----------------------------------------------------------------------------

    def finish(self) -> None:
        """Close the last turn and report what only the whole text shows."""
        self._close(None)
        if self.truncated:
            number, raw, text = self._cut
            mark = "..." if text.endswith("...") else "…"
            self.report(
                Diagnostic(
                    code="transcript.truncated",
                    message=f"expected the transcript to end, found it cut off by {_quote(mark)}",
                    line=number,
                    column=raw.rfind(mark) + 1 if mark in raw else len(raw),
                    width=len(mark),
                    source=raw,
                    severity=Severity.INFO,
                )
            )
        recurring = any(info.count > 1 for info in self.labels.values())
        for label, info in self.labels.items():
            if info.count == 1 and not info.tagged and (recurring or " " not in label):
                message = (
                    "expected a speaker label used more than once, "
                    f"found {_quote(label)} only here; read as a speaker"
                )
                self.report(_diagnostic(info.row, "transcript.doubtful-speaker", message, label))

    def layout(self) -> tuple[TranscriptLayout, Diagnostic | None]:
        """The dominant layout, and an info diagnostic when a second one is common too."""
        if self._vtt:
            return TranscriptLayout.WEBVTT, None
        counts = Counter(self.forms)
        ranked = [(n, f) for f, n in counts.most_common() if f is not TranscriptLayout.PLAIN]
        if not ranked:
            return (TranscriptLayout.PLAIN if self.forms else TranscriptLayout.EMPTY), None
        (top, form), others = ranked[0], ranked[1:]
        if not others or others[0][0] < 2 or others[0][0] * 3 < top:  # noqa: PLR2004
            return form, None
        count, other = others[0]
        message = (
            f"expected one transcript layout, found {form.value} ({top} turns) and "
            f"{other.value} ({count} turns, the first here)"
        )
        row = self.first_of_form[other]
        return form, _diagnostic(row, "transcript.mixed-layout", message, severity=Severity.INFO)


# --- drivers ---------------------------------------------------------------------------------


def _text_of(raw: str) -> str:
    """:func:`podnotes._lines.clean`, with a fast path for lines it would only strip."""
    stripped = raw.strip()
    if (
        stripped.isascii()
        and "<" not in stripped
        and "&" not in stripped
        and "\t" not in stripped
        and "  " not in stripped
    ):
        return stripped
    return clean(raw)


def _drive(reader: _Reader, lines: Iterable[tuple[int, str]]) -> Iterator[SpeakerTurn]:
    """Feed numbered raw lines to ``reader`` with one line of lookahead; yield finished turns.

    The loop unpacks each pair at once and keeps no tuple, so CPython reuses the pairs of
    ``enumerate`` and a plain line of text costs no allocation at all.
    """
    step = reader.step
    number, raw, text, started = 0, "", "", False
    for next_number, next_raw in lines:
        next_text = _text_of(next_raw)
        if started:
            step(number, raw, text, next_text)
            if reader.done is not None:
                yield reader.done
                reader.done = None
        number, raw, text, started = next_number, next_raw, next_text, True
    if started:
        step(number, raw, text, None)
        if reader.done is not None:
            yield reader.done
            reader.done = None
    reader.finish()
    if reader.done is not None:
        yield reader.done
        reader.done = None


def _result(
    reader: _Reader, turns: tuple[SpeakerTurn, ...], found: list[Diagnostic]
) -> TranscriptResult:
    layout, note = reader.layout()
    if note is not None:
        found.append(note)
    found.sort(key=lambda d: (d.line, d.column))
    return TranscriptResult(
        turns=turns,
        diagnostics=tuple(found),
        layout=layout,
        truncated=reader.truncated,
        title=reader.title,
        aliases=_speakers.group_aliases(list(reader.labels)),
    )


def read_transcript(lines: Sequence[Line]) -> TranscriptResult:
    r"""Read the lines of a page's transcript section (its heading excluded).

    Args:
        lines: The section's lines, numbered as in the page.

    Returns:
        The turns, the diagnostics in line order, the detected layout, whether the page cut
        the transcript short, the ``WEBVTT`` header's title and the label aliases.

    Example:
        >>> from podnotes._lines import split
        >>> res = read_transcript(split("WEBVTT - Ep 1\n\n00:01.000 --> 00:02.000\n<v Ann>Hi."))
        >>> res.title, res.layout.name, res.turns[0].speaker, str(res.turns[0].end)
        ('Ep 1', 'WEBVTT', 'Ann', '0:02')
    """
    found: list[Diagnostic] = []
    reader = _Reader(found.append)
    turns = tuple(_drive(reader, ((line.number, line.raw) for line in lines)))
    return _result(reader, turns, found)


def parse(text: str, *, strict: bool = False) -> Parsed[tuple[SpeakerTurn, ...]]:
    r"""Parse a transcript given as one text, in any layout this module reads.

    Args:
        text: The transcript (not a whole page: see :func:`read_transcript`).
        strict: Raise instead of returning when a diagnostic is an error.

    Returns:
        The turns and every diagnostic (doubtful labels, bad times, an ellipsis that cut
        the transcript short, ...), in line order.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is true and a diagnostic is an error; it lists them all.

    Example:
        >>> res = parse("Lenny (00:00:55):\nWelcome!\n\nAdam (00:01:19):\nThanks.")
        >>> [(t.speaker, str(t.start), t.text) for t in res.value]
        [('Lenny', '0:55', 'Welcome!'), ('Adam', '1:19', 'Thanks.')]
        >>> str(res.value[0].end), res.ok
        ('1:19', True)
    """
    _require_str(text, "parse() text")
    found: list[Diagnostic] = []
    reader = _Reader(found.append)
    turns = tuple(_drive(reader, enumerate(text.splitlines(), start=1)))
    result = _result(reader, turns, found)
    parsed = Parsed(result.turns, result.diagnostics)
    if strict and not parsed.ok:
        raise ParseError(parsed.diagnostics)
    return parsed


def _require_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        msg = f"{what} must be a str, found {type(value).__name__}"
        raise TypeError(msg)
    return value


def _raw_lines(lines: Iterable[str]) -> Iterator[str]:
    """Each line without its line break; an item holding several lines gives each of them."""
    for item in lines:
        raw = _require_str(item, "each line given to iter_turns()").rstrip("\r\n")
        if "\n" in raw or "\r" in raw:
            yield from raw.splitlines()
        else:
            yield raw


def iter_turns(
    lines: Iterable[str], *, on_diagnostic: Callable[[Diagnostic], None] | None = None
) -> Iterator[SpeakerTurn]:
    """Read a transcript from any iterable of lines, yielding each turn once it is complete.

    Memory stays flat however long the input: the reader holds the current turn, one line
    of lookahead and at most 1000 known labels.  A turn is yielded when the next one starts
    (its ``end`` may be that start), so turns arrive one turn late.

    Args:
        lines: Lines with or without their line breaks (an open file works); an item holding
            several lines is split.
        on_diagnostic: Called with each diagnostic as it is found; the checks that need the
            whole text (labels used once, truncation) report after the last turn.  Without
            it, diagnostics are discarded: use :func:`parse` to keep them.

    Returns:
        An iterator of turns, the same turns :func:`parse` gives for the same lines.

    Raises:
        TypeError: ``lines`` is a str, or yields something that is not one.

    Example:
        >>> turns = iter_turns(["Ann: Hi", "there.", "", "Bob: Hello."])
        >>> [(t.speaker, t.text) for t in turns]
        [('Ann', 'Hi there.'), ('Bob', 'Hello.')]
    """
    if isinstance(lines, str):
        msg = "iter_turns() expects an iterable of lines, found a str (use parse())"
        raise TypeError(msg)
    reader = _Reader(on_diagnostic or _discard)
    return _drive(reader, enumerate(_raw_lines(lines), start=1))


def _discard(_diagnostic: Diagnostic) -> None:
    """The diagnostic sink of :func:`iter_turns` when the caller gives none."""


_SNIFF_LINES: Final = 400  # looks_like_transcript reads at most this many lines
_SNIFF_SEGMENTS: Final = 5  # timed segments needed before their spacing counts
_SNIFF_GAP_MS: Final = 30_000  # timed segments closer than this (median) are speech
_SPEECH_LENGTH: Final = 60  # a line this long reads as speech, not as a title
_SPEECH_ENDS: Final = (".", "?", "!", ",", "…", '"', "'", "”")
#: A clock anywhere in a line (the sniff's test that a line is speech, not a timed title).
_ANY_CLOCK: Final = re.compile(r"[0-9](?::[0-9]{2}){1,2}(?![0-9])")


def looks_like_transcript(lines: Sequence[Line]) -> bool:
    r"""Whether an unheaded block of lines reads as a transcript rather than a timed list.

    A cheap sniff over the first 400 lines, for the page parser.  It needs evidence of
    speech, since a chapter list (``0:00 Intro`` / ``5:12 Topic``, ``Intro 0:00``, ``Intro``
    then ``0:00``) has times and short titles but nobody speaking:

    - a ``WEBVTT`` header, a cue timing line, a ``Starting point is`` line or a timecode
      range (``00;00;13;12 - 00;00;51;03``);
    - two speaker lines that the layout marks, each followed by text (``Name (00:01:19):``
      or ``Name 00:26`` then a line of text; ``[Speaker 1] [12:30] text``; ``<v Name>``);
    - a ``Name:`` label used twice before speech;
    - five or more timed segments, a median of under 30 s apart, most of them speech.

    A line is speech when it ends like a sentence (``.``, ``?``, ``,``...) or is long.

    Args:
        lines: The block's lines (blank ones may be left out).

    Returns:
        True when the block looks like a transcript.

    Example:
        >>> from podnotes._lines import split
        >>> looks_like_transcript(split("0:00 Intro\n5:12 Sponsors\n9:40 Scaling laws"))
        False
        >>> looks_like_transcript(split("Ann (00:00:01):\nHi.\n\nBob (00:00:04):\nHello."))
        True
    """
    texts = [line.text for line in lines[:_SNIFF_LINES] if line.text]
    if texts and texts[0].startswith("WEBVTT") and texts[0][6:7] in {"", " "}:
        return True
    sniff = _Sniff()
    for index, text in enumerate(texts):
        if sniff.read(text, texts[index + 1] if index + 1 < len(texts) else ""):
            return True
    return sniff.verdict()


def _speech(text: str) -> bool:
    return len(text) >= _SPEECH_LENGTH or text.endswith(_SPEECH_ENDS)


class _Sniff:
    """The evidence :func:`looks_like_transcript` gathers, a line at a time."""

    def __init__(self) -> None:
        self.labels: Counter[str] = Counter()
        self.marked = 0  # speaker lines the layout marks, with text after them
        self.starts: list[int] = []
        self.speech = 0  # timed segments whose text is speech

    def read(self, text: str, following: str) -> bool:
        """Note one line's evidence; True when it settles the question at once."""
        if ("-->" in text and _CUE.fullmatch(text)) or text.startswith(_STARTING_POINT):
            return True
        lead = _lead(text)
        if lead is not None and lead.valid:
            if lead.end is not None and ";" in lead.match["start"]:
                return True
            self.starts.append(lead.start)  # type: ignore[arg-type] # valid: not None
            said = lead.rest or (following if _lead(following) is None else "")
            labelled = _named(said)
            self.speech += _speech(said if labelled is None else labelled[1])
            text = lead.rest  # a label may follow the time
        if text:
            self._speaker_line(text, following)
        return False

    def _speaker_line(self, text: str, following: str) -> None:
        mark = _time_inside(text)
        found = _split_name_time(text, mark) if mark > 0 else None
        if found is not None and _speakers.is_tagged_name(found[0]):
            said = found[2] or following
            self.marked += _speech(said) and _ANY_CLOCK.search(said) is None
            return
        for pattern in (_VOICE, _BRACKET_LABEL):
            match = pattern.match(text)
            if match is not None and _speakers.is_tagged_name(match["label"].strip()):
                after = _lead(text, match.end()) if pattern is _BRACKET_LABEL else None
                self.marked += pattern is _VOICE or (after is not None and bool(after.rest))
                return
        labelled = _named(text)
        if labelled is not None:
            self.labels[labelled[0]] += _speech(labelled[1])

    def verdict(self) -> bool:
        """The answer once every line is read."""
        if self.marked >= 2 or any(count >= 2 for count in self.labels.values()):  # noqa: PLR2004
            return True
        starts = self.starts
        if len(starts) < _SNIFF_SEGMENTS or self.speech * 2 < len(starts):
            return False
        gaps = sorted(b - a for a, b in itertools.pairwise(starts) if b > a)
        return bool(gaps) and gaps[len(gaps) // 2] < _SNIFF_GAP_MS


def _named(text: str) -> tuple[str, str] | None:
    """``Name: rest`` when the name passes the strict test and the rest is not a time."""
    split = _speakers.split_label(text)
    if split is None or not _speakers.is_name(split[0]) or _lead(split[1]) is not None:
        return None
    return split
