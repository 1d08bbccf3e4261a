"""The fast path of the transcript reader, for a text held in memory: :meth:`Reader.read_all`.

:class:`Reader` is :class:`podnotes._transcript_reader.LineReader`, the line state machine,
plus :meth:`Reader.read_all`: it reads every line of a text at once, taking the most common
lines (one more line of text, ``Name: text``, ``Name (00:01:19):``, ``00:00:17 text``) by a
shortcut on the state machine's own state, and handing every other line to the state machine.
The two paths must end in the same state (``tests/property/test_transcript_fastpath.py``).
:mod:`podnotes.transcript` builds its readers from this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from podnotes import _speakers
from podnotes._collector import collector_paused
from podnotes._speakers import DIGITS, NAME_TIME_SPAN, STARTING_POINT
from podnotes._transcript_bulk import read_bulk
from podnotes._transcript_reader import (
    _AFTER_COLON,
    _ELLIPSES,
    _LABEL_COLON_SPAN,
    _MAX_LABELS,
    _NOT_FAST_FIRST,
    _TIME_FIRST,
    LineReader,
    _Block,
    _Label,
)
from podnotes.model import SpeakerTurn

__all__ = ["Reader"]


_LEAD_GOES_ON: Final = frozenset("-–—|·•[") | DIGITS  # after "00:00:17 ": maybe more lead
_AM_PM: Final = frozenset("AaPp")
_M: Final = frozenset("Mm")
_DOT_M: Final = frozenset({".M", ".m"})
_UNSEEN: Final = "\0"  # no verdict yet (a label never holds NUL: a name test refuses it)


def _clock_ms(digits: int) -> int:
    """Milliseconds of ``HH:MM:SS`` given as the number ``HHMMSS``; -1 when out of range."""
    hours, rest = divmod(digits, 10_000)
    minutes, seconds = divmod(rest, 100)
    if minutes >= 60 or seconds >= 60:  # noqa: PLR2004
        return -1
    return ((hours * 60 + minutes) * 60 + seconds) * 1000


class Reader(LineReader):
    """The transcript reader: the line state machine, and :meth:`read_all` over it.

    Feed it a line at a time with :meth:`~LineReader.step` (as ``iter_turns`` does), or give
    it a whole text with :meth:`read_all`; both read every line the same way.
    """

    def read_all(
        self,
        numbers: Sequence[int],
        raws: Sequence[str],
        texts: Sequence[str],
        joined: str | None = None,
        *,
        unmarked: bool = False,
    ) -> list[SpeakerTurn]:
        """Read every line of a text held in memory, then :meth:`finish`; return the turns.

        The same reading as :meth:`step` line after line (a property test holds the two
        equal, diagnostics included), by the fastest path that can read the text: a text
        written throughout in one plain layout is read a column at a time
        (:func:`podnotes._transcript_bulk.read_bulk`); in others the most common lines
        (one more line of the current turn's text, ``Name: text`` with a known verdict on
        ``Name``, ...) take a shortcut and every other line :meth:`step`'s own path, as
        every line of a text holding ``-->`` or opening with a ``WEBVTT`` header does
        (cues need their blocks).

        CPython's cyclic garbage collector is paused meanwhile (see :func:`collector_paused`).

        Args:
            numbers: Each line's number.
            raws: Each line as written.
            texts: Each line cleaned (see :func:`podnotes._lines.clean`).
            joined: The texts joined by line breaks, when the caller has them already.
            unmarked: The caller knows that no line holds ``<`` or ``>`` (say, the text they
                were split from holds neither, nor ``&``: cleaning makes them only by
                decoding an entity); then the lines are not joined to be searched.
        """
        if joined is None and not unmarked:
            joined = "\n".join(texts)
        with collector_paused():
            return self._read_all(numbers, raws, texts, joined)

    def _read_all(
        self,
        numbers: Sequence[int],
        raws: Sequence[str],
        texts: Sequence[str],
        joined: str | None,
    ) -> list[SpeakerTurn]:
        """:meth:`read_all`; ``joined`` is None when the lines hold no ``<`` or ``>``."""
        turns: list[SpeakerTurn] = []
        if not self._without_cues(texts, joined):
            count = len(texts)
            for index in range(count):
                following = texts[index + 1] if index + 1 < count else None
                self.step(numbers[index], raws[index], texts[index], following)
                if self.done is not None:
                    turns.append(self.done)
                    self.done = None
        elif (
            self._turn is not None
            or self.forms
            or (joined is not None and "<" in joined)
            or (bulk := read_bulk(self, numbers, raws, texts, joined)) is None
        ):
            self._read_fast(numbers, raws, texts, turns)
        else:
            turns = bulk
        self.finish()
        if self.done is not None:
            turns.append(self.done)
            self.done = None
        return turns

    def _without_cues(self, texts: Sequence[str], joined: str | None) -> bool:
        """Whether the fast paths may read the lines: they hold no cue and no WebVTT header.

        ``joined`` is the lines joined, or None when they hold no ``>``.  Without ``-->`` no
        line is cue structure, so no block ever opens; the first line that is not blank is
        the only one that could be a header, and it is not one.
        """
        if self.vtt or self._block is not _Block.NONE:
            return False
        if joined is not None and ">" in joined and "-->" in joined:  # ">" is found faster
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
        """The loop of :meth:`read_all`, for texts that :meth:`_without_cues` accepts.

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
