"""The line state machine behind :mod:`podnotes.transcript`: speaker turns, a line at a time.

:class:`Reader` takes one line at a time, with one line of lookahead, and hands on each turn
once the next one starts; :mod:`podnotes.transcript` drives it and holds the public API (the
rules every layout follows are in its docstring).  The shapes of a single line (labels, times,
cue timings) are :mod:`podnotes._speakers`' business.

The reader names layouts by the values of ``TranscriptLayout`` members (:data:`Form`), since
``transcript`` imports this module and not the other way round; it turns them into members.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Sequence
from typing import Final, Literal

from podnotes import _speakers
from podnotes._lines import Line
from podnotes._speakers import (
    BRACKET_LABEL,
    CUE,
    CUE_TAG,
    DIGITS,
    MAX_CHARS,
    NAME_TIME_SPAN,
    STARTING_POINT,
    VOICE,
    Lead,
    bad_time_message,
    read_lead,
    read_ms,
    split_name_time,
    time_inside,
)
from podnotes.diagnostics import Diagnostic, Severity
from podnotes.model import SpeakerTurn, _trusted_timed_turn, _trusted_timestamp
from podnotes.options import ParseOptions
from podnotes.timestamps import Timestamp

__all__ = ["Form", "Reader"]

#: The layout of one turn: the value of a ``TranscriptLayout`` member.
Form = Literal[
    "plain",
    "name-colon",
    "name-time-line",
    "name-line-timed-text",
    "time-name-colon",
    "bracket-name-time",
    "timed-text",
    "time-line",
    "range-line",
    "webvtt",
    "srt",
]

_MAX_LABELS: Final = 1000  # distinct labels remembered (and shapes cached) per reader
_ELLIPSES: Final = ("...", "…")
_TIME_FIRST: Final = DIGITS | {"(", "["}
_SPECIAL_FIRST: Final = _TIME_FIRST | {"<", "S"}  # what may open a line that is not just text

_NOT_FAST_FIRST: Final = _TIME_FIRST | {"<"}  # lines the fast path leaves to the full one
_LEAD_GOES_ON: Final = frozenset("-–—|·•[") | DIGITS  # after "00:00:17 ": maybe more lead
_AM_PM: Final = frozenset("AaPp")
_M: Final = frozenset("Mm")
_DOT_M: Final = frozenset({".M", ".m"})
_AFTER_COLON: Final = frozenset({"", " "})  # what may follow a label's colon, when fast
_LABEL_COLON_SPAN: Final = MAX_CHARS + 6  # where split_label looks for a label's colon
_UNSEEN: Final = "\0"  # no verdict yet (a label never holds NUL: a name test refuses it)

_Row = tuple[int, str, str]  # line number, raw line, cleaned text


def _clock_ms(digits: int) -> int:
    """Milliseconds of ``HH:MM:SS`` given as the number ``HHMMSS``; -1 when out of range."""
    hours, rest = divmod(digits, 10_000)
    minutes, seconds = divmod(rest, 100)
    if minutes >= 60 or seconds >= 60:  # noqa: PLR2004
        return -1
    return ((hours * 60 + minutes) * 60 + seconds) * 1000


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

    __slots__ = ("end", "last", "named_by", "opener", "parts", "speaker", "start")

    def __init__(
        self, speaker: str | None, start: Timestamp | None, end: Timestamp | None, opener: _Row
    ) -> None:
        self.speaker = speaker
        self.start = start
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


class Reader:
    """The line state machine behind every public function of :mod:`podnotes.transcript`.

    Call :meth:`step` for each line, taking each finished turn from :attr:`done` (and
    setting it back to None) after every call, then :meth:`finish` and take the last turn.
    Diagnostics go to ``report`` as they are found; ``options`` adds the caller's label rules.
    """

    def __init__(
        self, report: Callable[[Diagnostic], None], options: ParseOptions | None = None
    ) -> None:
        self.report = report
        self.options = options
        self.done: SpeakerTurn | None = None  # a finished turn for the driver to hand on
        self.title: str | None = None
        self.truncated = False
        self.vtt = False  # the text opened with a WEBVTT header
        self.forms: dict[Form, int] = {}  # turns in each layout
        self.first_of_form: dict[Form, _Row] = {}
        self.labels: dict[str, _Label] = {}
        self._shapes: dict[str, bool] = {}
        self._tagged_shapes: dict[str, bool] = {}
        self._started = False
        self._blank_before = True
        self._block = _Block.NONE
        self._expect_name = False  # after a time line: the next line may name the speaker
        self._named: _Row | None = None  # a name line naming the timed turn that follows
        self._speaker: str | None = None
        self._turn: _Turn | None = None
        self._last_ms: int | None = None
        self._cue_form: Form = "webvtt"
        self._cut: _Row = (1, "", "")  # the line holding the "..." that cut the transcript

    # -- turns ------------------------------------------------------------------------------

    def _begin(  # noqa: PLR0913 -- a turn's parts, and where its times are written
        self,
        row: _Row,
        form: Form,
        speaker: str | None,
        start_ms: int | None = None,
        *,
        end_ms: int | None = None,
        times: tuple[str, str] = ("", ""),
    ) -> _Turn:
        start = None if start_ms is None else _trusted_timestamp(start_ms)
        previous = self._turn
        if previous is not None and previous.parts:  # _close(start), the common case inline
            self._turn = None
            end = previous.end
            before = previous.start
            if end is None and start is not None and before is not None and start.ms > before.ms:
                end = start
            self.done = self._finished(previous, end)
        else:
            self._close(start)
        end = None
        if start_ms is not None:
            if end_ms is not None and end_ms > start_ms:
                end = _trusted_timestamp(end_ms)
            elif end_ms is not None:
                message = f"expected an end after the start {start}, found {Timestamp(end_ms)}"
                self.report(_diagnostic(row, "transcript.bad-end", message, times[1]))
            last = self._last_ms
            if last is not None and start_ms < last:
                message = f"expected a time at or after {Timestamp(last)}, found {start}"
                self.report(_diagnostic(row, "transcript.time-backwards", message, times[0]))
            self._last_ms = start_ms
        forms = self.forms
        if form in forms:
            forms[form] += 1
        else:
            forms[form] = 1
            self.first_of_form[form] = row
        self._speaker = speaker
        turn = self._turn = _Turn(speaker, start, end, row)
        return turn

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
        start = turn.start
        if end is None and next_start is not None and start is not None:
            end = next_start if next_start.ms > start.ms else None
        self.done = self._finished(turn, end)

    def _finished(self, turn: _Turn, end: Timestamp | None) -> SpeakerTurn:
        """The SpeakerTurn of a closed turn that holds text; notes whether it was cut off."""
        parts = turn.parts
        text = parts[0] if len(parts) == 1 else "".join(parts)
        self.truncated = text.endswith(_ELLIPSES)
        if self.truncated:
            self._cut = turn.last or turn.opener
        # Trusted: every part is stripped text that is not empty, a speaker is a label that
        # passed a name test (never blank), times come from read_ms (ints >= 0) and an end
        # is kept only when later than the start.
        return _trusted_timed_turn(turn.speaker, text, turn.start, end)

    def _bad_time(self, row: _Row, token: str) -> None:
        """Report a time ``read_ms`` refused, in the words of :meth:`Timestamp.parse`."""
        message = bad_time_message(token)
        self.report(_diagnostic(row, "transcript.bad-time", message, token, Severity.ERROR))

    def _count(self, form: Form, row: _Row) -> None:
        self.forms[form] = self.forms.get(form, 0) + 1
        self.first_of_form.setdefault(form, row)

    def _append(self, row: _Row, text: str, *, paragraph: bool) -> None:
        if "<" in text:
            text = " ".join(CUE_TAG.sub(" ", text).split())
            if not text:
                return
        turn = self._turn
        if turn is None:
            turn = self._begin(row, "plain", None)
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
            test = _speakers.is_tagged_name if tagged else _speakers.is_name
            shape = test(label, self.options)
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
            and text.find(":", 1, NAME_TIME_SPAN) < 0
            and text.find(";", 1, NAME_TIME_SPAN) < 0
            and "-->" not in text
            and "<" not in text
            and (not following or following[0] not in _TIME_FIRST)
        ):
            parts = turn.parts  # two appends: no tuple to allocate for each line
            parts.append(" ")
            parts.append(text)
            if text.endswith(_ELLIPSES):
                turn.last = (number, raw, text)
            return
        self._line((number, raw, text), following, paragraph=paragraph)

    def read_all(
        self, numbers: Sequence[int], raws: Sequence[str], texts: Sequence[str]
    ) -> list[SpeakerTurn]:
        """Read every line of a text held in memory, then :meth:`finish`; return the turns.

        The same reading as :meth:`step` line after line (a property test holds the two
        equal, diagnostics included), with a fast path for the two most common lines: one
        more line of the current turn's text, and ``Name: text`` with a known verdict on
        ``Name``.  Every other line takes :meth:`step`'s own path, and so does every line of
        a text holding ``-->`` or opening with a ``WEBVTT`` header (cues need their blocks).

        Args:
            numbers: Each line's number.
            raws: Each line as written.
            texts: Each line cleaned (see :func:`podnotes._lines.clean`).
        """
        turns: list[SpeakerTurn] = []
        if not self._fast_ok(texts):
            count = len(texts)
            for index in range(count):
                following = texts[index + 1] if index + 1 < count else None
                self.step(numbers[index], raws[index], texts[index], following)
                if self.done is not None:
                    turns.append(self.done)
                    self.done = None
        else:
            self._read_fast(numbers, raws, texts, turns)
        self.finish()
        if self.done is not None:
            turns.append(self.done)
            self.done = None
        return turns

    def _fast_ok(self, texts: Sequence[str]) -> bool:
        """Whether :meth:`_read_fast` may read ``texts``: no cue, no WebVTT header.

        Without ``-->`` no line is cue structure, so no block ever opens; the first line
        that is not blank is the only one that could be a header, and it is not one.
        """
        if self.vtt or self._block is not _Block.NONE or "-->" in "\n".join(texts):
            return False
        if not self._started:
            first = next((text for text in texts if text), None)
            if first is None:
                return True
            if first.startswith("WEBVTT") and first[6:7] in {"", " "}:
                return False
            self._started = True
        return True

    def _read_fast(  # noqa: C901 -- the hot loop: each test inline, no call per line
        self,
        numbers: Sequence[int],
        raws: Sequence[str],
        texts: Sequence[str],
        turns: list[SpeakerTurn],
    ) -> None:
        """The loop of :meth:`read_all`, for texts that :meth:`_fast_ok` accepts.

        Blank lines and lines of text are read here, inline: they are most lines.  A line
        that may open a turn goes to a shortcut (:meth:`_fast_timed_text`,
        :meth:`_fast_labelled`) and, when that declines it, to the full reader.
        """
        labels = self.labels
        heads: tuple[dict[str, str | None], dict[str, str | None]] = ({}, {})  # label verdicts
        blank = self._blank_before
        count = len(texts)
        for index in range(count):
            text = texts[index]
            if not text:
                blank = True
                continue
            paragraph, blank = blank, False
            following = texts[index + 1] if index + 1 < count else None
            first = text[0]
            handled = False
            if self._expect_name or "<" in text:
                pass
            elif first in DIGITS:
                handled = self._fast_timed_text(numbers[index], raws[index], text)
            elif first in _NOT_FAST_FIRST or (first == "S" and text.startswith(STARTING_POINT)):
                pass
            elif (colon := text.find(":", 1, NAME_TIME_SPAN)) > 0:
                handled = self._fast_labelled(numbers[index], raws[index], text, colon, heads)
            elif (
                (turn := self._turn) is not None
                and text.find(";", 1, NAME_TIME_SPAN) < 0
                and not (
                    following
                    and (following[0] in _TIME_FIRST or (paragraph and text.rstrip(":") in labels))
                )
            ):  # one more line of the current turn's text, as _text would append it
                parts = turn.parts
                if parts:
                    parts.append("\n" if paragraph else " ")
                parts.append(text)
                if text.endswith(_ELLIPSES):
                    turn.last = (numbers[index], raws[index], text)
                continue
            if not handled:
                self._line((numbers[index], raws[index], text), following, paragraph=paragraph)
            if self.done is not None:
                turns.append(self.done)
                self.done = None
        self._blank_before = blank

    def _fast_labelled(
        self,
        number: int,
        raw: str,
        text: str,
        colon: int,
        heads: tuple[dict[str, str | None], dict[str, str | None]],
    ) -> bool:
        """``Name: text`` or ``Name (00:01:19):``, as :meth:`_labelled` reads them.

        ``colon`` is the first colon of ``text``; ``heads`` remembers, for each text before
        a colon and before a time, the label it gives (None for no speaker).
        """
        if text[colon - 1] in DIGITS:
            return self._fast_name_time(number, raw, text, colon, heads[1])
        if colon >= _LABEL_COLON_SPAN or text[colon + 1 : colon + 2] not in _AFTER_COLON:
            return False
        prefix = text[:colon]
        known_heads = heads[0]
        label = known_heads.get(prefix, _UNSEEN)
        if label is _UNSEEN:
            label = self._colon_label(prefix)
            if len(known_heads) < _MAX_LABELS:
                known_heads[prefix] = label
        if label is None:
            return False
        row = (number, raw, text)
        labels = self.labels
        known = labels.get(label)  # _note_label(label, row, tagged=False), inline
        if known is not None:
            known.count += 1
        elif len(labels) < _MAX_LABELS:
            labels[label] = _Label(row, tagged=False)
        turn = self._begin(row, "name-colon", label)
        rest = text[colon + 1 :].strip()
        if rest:
            turn.parts.append(rest)
            if rest.endswith(_ELLIPSES):
                turn.last = row
        return True

    def _fast_timed_text(self, number: int, raw: str, text: str) -> bool:
        """``00:00:17 text`` with no label after the time, as :meth:`_timed` reads it.

        Only the plainest spelling is taken: a ``HH:MM:SS`` clock in range, one space, then
        text that cannot continue the lead (no range, time of day or dash) nor hold a label.
        """
        clock = text[:8]
        if text[8:9] != " " or clock[2:3] != ":" or clock[5:6] != ":" or self._named is not None:
            return False
        digits = clock[:2] + clock[3:5] + clock[6:]
        if not (digits.isascii() and digits.isdigit()):
            return False
        rest = text[9:]
        opening = rest[:1]
        if (
            opening in _LEAD_GOES_ON
            or opening.isspace()
            or (opening in _AM_PM and (rest[1:2] in _M or rest[1:3] in _DOT_M))  # 3:15 PM
            or rest.startswith("to")  # a range, "00:00:17 to 00:00:20"
            or rest.find(":", 1, _LABEL_COLON_SPAN) >= 0
        ):
            return False
        start = _clock_ms(int(digits))
        if start < 0:  # out of range: left to _timed, which reports it
            return False
        row = (number, raw, text)
        turn = self._begin(row, "timed-text", self._speaker, start, times=(clock, ""))
        turn.parts.append(rest)
        if rest.endswith(_ELLIPSES):
            turn.last = row
        return True

    def _fast_name_time(
        self, number: int, raw: str, text: str, colon: int, heads: dict[str, str | None]
    ) -> bool:
        """``Name (00:01:19):`` alone on its line, as :meth:`_name_time` reads it."""
        clock = text[colon - 2 : colon + 6]
        if (
            len(text) != colon + 8
            or text[colon + 6 :] != "):"
            or text[colon - 3 : colon - 2] != "("
        ):
            return False
        digits = clock[:2] + clock[3:5] + clock[6:]
        if clock[5] != ":" or not (digits.isascii() and digits.isdigit()):
            return False
        start = _clock_ms(int(digits))
        if start < 0:  # out of range: left to _name_time, which reports it
            return False
        head = text[: colon - 3]
        label = heads.get(head, _UNSEEN)
        if label is _UNSEEN:
            label = _speakers.label_before_time(head)
            label = label if self._shape(label, tagged=True) else None
            if len(heads) < _MAX_LABELS:
                heads[head] = label
        if label is None:
            return False
        row = (number, raw, text)
        self._note_label(label, row, tagged=True)
        self._begin(row, "name-time-line", label, start, times=(clock, ""))
        return True

    def _colon_label(self, prefix: str) -> str | None:
        """The label of ``prefix: text`` when it passes the strict test, as :meth:`_label_of`."""
        label = _speakers.unemphasise(prefix)
        return label if label and self._shape(label, tagged=False) else None

    def _line(self, row: _Row, following: str | None, *, paragraph: bool) -> None:
        text = row[2]
        expect_name, self._expect_name = self._expect_name, False
        if not self._started:
            self._started = True
            if text.startswith("WEBVTT") and text[6:7] in {"", " "}:
                self.vtt = True
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
            paragraph and (self.vtt or (following is not None and "-->" in following))
        )
        if not (structure and self._structure(row, text, following, paragraph)):
            self._text(row, text, following, paragraph=paragraph, expect_name=expect_name)

    def _structure(self, row: _Row, text: str, following: str | None, paragraph: bool) -> bool:  # noqa: FBT001
        """Cue timings, cue identifiers and NOTE blocks; True when the line was one."""
        if "-->" in text:
            match = CUE.fullmatch(text)
            if match is not None:
                self._cue(row, match)
                return True
        if not paragraph:
            return False
        cue_next = following and "-->" in following and CUE.fullmatch(following)
        if cue_next and (self.vtt or (text.isascii() and text.isdigit())):
            return True  # a cue identifier
        if self.vtt and text.split(" ", 1)[0] in {"NOTE", "STYLE", "REGION"}:
            self._block = _Block.NOTE
            return True
        return False

    def _cue(self, row: _Row, match: re.Match[str]) -> None:
        times = []
        for token in (match["start"], match["end"]):
            ms = read_ms(token)
            if ms is None:
                self._bad_time(row, token)
            times.append(ms)
        srt = not self.vtt and "," in match["start"]
        self._cue_form = "srt" if srt else "webvtt"
        tokens = (match["start"], match["end"])
        self._begin(row, self._cue_form, None, times[0], end_ms=times[1], times=tokens)
        self._block = _Block.CUE

    def _cue_text(self, row: _Row, text: str) -> None:
        turn = self._turn
        assert turn is not None  # noqa: S101 -- a cue timing line always opens a turn
        voice = VOICE.match(text) if text[0] == "<" else None
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
        if first == "S" and text.startswith(STARTING_POINT):
            lead = read_lead(text, len(STARTING_POINT))
            if lead is not None:
                if not self._timed(row, text, lead, "time-line"):
                    self._append(row, text, paragraph=paragraph)  # a bad time, reported
                return
        if expect_name and self._name_line(row, following):
            return
        maybe_label = first == "<" or text.find(":", 1, NAME_TIME_SPAN) > 0
        if (maybe_label or text.find(";", 1, NAME_TIME_SPAN) > 0) and self._labelled(row, text):
            return
        if following and following[0] in _TIME_FIRST and self._names_next(row, following):
            return
        if paragraph and following and text.rstrip(":") in self.labels and not read_lead(following):
            label = text.rstrip(":")  # a known speaker alone on a line, text after it
            self._note_label(label, row, tagged=True)
            self._begin(row, "name-colon", label)
            return
        self._append(row, text, paragraph=paragraph)

    def _timed(
        self,
        row: _Row,
        text: str,
        lead: Lead | None = None,
        form: Form | None = None,
    ) -> bool:
        """A line opening with a time, or with a bracketed label and a time."""
        speaker: str | None = None
        lead = lead or read_lead(text)
        if lead is None and text[0] == "[":
            bracket = BRACKET_LABEL.match(text)
            if bracket is None or not self._shape(bracket["label"].strip(), tagged=True):
                return False
            lead = read_lead(text, bracket.end())
            speaker, form = bracket["label"].strip(), "bracket-name-time"
        if lead is None:
            return False
        if not lead.valid:
            self._bad_time(row, lead.match["start"] if lead.start is None else lead.match["end"])
            return False
        rest = lead.rest
        if speaker is None and rest:
            speaker, rest, form = self._label_after_time(rest, form)
        if speaker is not None:
            self._note_label(speaker, row, tagged=form == "bracket-name-time")
        named, self._named = self._named, None
        if named is not None:
            form = "name-line-timed-text"
        elif form is None:
            ranged = lead.end is not None
            form = "range-line" if ranged else "timed-text" if rest else "time-line"
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
        self, rest: str, form: Form | None
    ) -> tuple[str | None, str, Form | None]:
        """``[Speaker 1] text`` or ``Name: text`` after a leading time."""
        if rest[0] == "[":
            bracket = BRACKET_LABEL.match(rest)
            if bracket is not None and self._shape(bracket["label"].strip(), tagged=True):
                label = bracket["label"].strip()
                return label, rest[bracket.end() :], "bracket-name-time"
        found = self._label_of(rest)
        if found is not None:
            return found[0], found[1], form or "time-name-colon"
        return None, rest, form

    def _name_line(self, row: _Row, following: str | None) -> bool:
        """A speaker's name alone on the line after a time line, with the text after it."""
        if not following or read_lead(following) is not None or self._turn is None:
            return False
        name = _speakers.own_line_name(row[2], self.options)
        if name is None:
            return False
        self._note_label(name, row, tagged=True)
        self._turn.speaker = self._speaker = name
        self._turn.named_by = row
        return True

    def _names_next(self, row: _Row, following: str) -> bool:
        """A speaker's name alone on a line, then a line that opens with a time."""
        name = _speakers.own_line_name(row[2], self.options)
        if name is None or "-->" in following:
            return False
        lead = read_lead(following)
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
        mark = time_inside(text)
        if mark > 0 and self._name_time(row, text, mark):
            return True
        found = self._label_of(text)
        tagged = False
        if found is None and text[0] == "<":
            voice = VOICE.match(text)
            if voice is not None and self._shape(voice["label"].strip(), tagged=True):
                found, tagged = (voice["label"].strip(), text[voice.end() :].strip()), True
        if found is None:
            return False
        self._note_label(found[0], row, tagged=tagged)
        self._begin(row, "name-colon", found[0])
        if found[1]:
            self._append(row, found[1], paragraph=False)
        return True

    def _name_time(self, row: _Row, text: str, mark: int) -> bool:
        """``Name (00:01:19):`` or ``Name 0:26`` alone, or ``Name (0:04): text``."""
        found = split_name_time(text, mark)
        if found is None or not self._shape(found[0], tagged=True):
            return False
        label, token, rest = found
        start = read_ms(token)
        if start is None:
            self._bad_time(row, token)
            return False
        self._note_label(label, row, tagged=True)
        self._begin(row, "name-time-line", label, start, times=(token, ""))
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
        known = frozenset() if self.options is None else self.options.speakers
        for label, info in self.labels.items():
            if label in known:
                continue  # the caller vouched for it
            if info.count == 1 and not info.tagged and (recurring or " " not in label):
                message = (
                    "expected a speaker label used more than once, "
                    f"found {_quote(label)} only here; read as a speaker"
                )
                self.report(_diagnostic(info.row, "transcript.doubtful-speaker", message, label))
