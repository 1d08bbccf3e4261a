"""The line state machine behind :mod:`podnotes.transcript`: speaker turns, a line at a time.

:class:`LineReader` takes one line at a time, with one line of lookahead, and hands on each
turn once the next one starts; :mod:`podnotes.transcript` drives it and holds the public API
(the rules every layout follows are in its docstring).  :mod:`podnotes._transcript_fast` builds
the ``Reader`` that module uses on it: this state machine plus a fast path for texts held in
memory.  The shapes of a single line (labels, times, cue timings) are
:mod:`podnotes._speakers`' business.

The reader names layouts by the values of ``TranscriptLayout`` members (:data:`Form`), since
``transcript`` imports this module and not the other way round; it turns them into members.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable
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

__all__ = ["Form", "LineReader"]

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
# For the shortcuts of _transcript_fast and _transcript_bulk, which must read as this reader:
_NOT_FAST_FIRST: Final = _TIME_FIRST | {"<"}  # a line opening so is left to this reader
_LABEL_COLON_SPAN: Final = MAX_CHARS + 6  # where split_label looks for a label's colon
_AFTER_COLON: Final = frozenset({"", " "})  # what may follow a label's colon

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


class LineReader:
    """The line state machine behind every public function of :mod:`podnotes.transcript`.

    Call :meth:`step` for each line, taking each finished turn from :attr:`done` (and
    setting it back to None) after every call, then :meth:`finish` and take the last turn.
    (``podnotes._transcript_fast.Reader`` adds ``read_all``, for a text held in memory.)
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
