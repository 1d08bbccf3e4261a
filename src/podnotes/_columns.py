"""Many short pieces of text tested and read at once, a column at a time, in C.

The bulk transcript reader (:mod:`podnotes._transcript_bulk`) runs each line's clock, or
the first characters of each line's text, together into one string of pieces of one
width.  Each column of those pieces (every clock's tens of minutes, every text's first
character) is then one extended slice, tested whole by a bytes method or read as one big
integer: Python code runs a few times per text, never once per line.

- :func:`clock_starts` checks that every piece is a clock spelt as a frame shows and reads
  each clock's milliseconds, telling whether a time goes back and which turns start
  together;
- :func:`may_lead_on` tells whether some text opens as the line reader's shortcut would
  read closer (a dash, a bracket, a digit, "to", a time of day).

``tests/property/test_transcript_fastpath.py`` holds both to the line-at-a-time readings.
"""

from __future__ import annotations

import struct
from itertools import compress, count
from operator import not_
from typing import Final, NamedTuple

__all__ = ["Starts", "clock_starts", "may_lead_on"]

# What the bulk reader's _MORE_LEAD matches, column by column (see may_lead_on): the first
# characters alone, and the marks of the pairs, as tables for bytes.translate (1 for a mark,
# 0 for the rest).
#   leads on: "- Hi", "[laughs]", "3 things", "to 00:00:20 Hi", "PM news", "A.M. news"
_LEAD_FIRSTS: Final = ("-", "–", "—", "|", "·", "•", "[", " ", *"0123456789")


def _marks(characters: str) -> bytes:
    """A table for bytes.translate: 1 for each of ``characters``, 0 for every other byte."""
    return bytes(1 if chr(code) in characters else 0 for code in range(256))


_MERIDIEM_FIRST: Final = _marks("AaPp")
_MERIDIEM_SECOND: Final = _marks("Mm.")
_TO_FIRST: Final = _marks("t")
_TO_SECOND: Final = _marks("o")


def may_lead_on(firsts: str, seconds: str) -> bool:
    """Whether some text opens as the bulk reader's ``_MORE_LEAD`` matches.

    ``firsts`` and ``seconds`` are the columns: the first character of every text, and the
    second (a filler no test looks for, for a text of one character).  The same test as
    the line reader's shortcut, column by column: a dash, a bracket, a digit or white space
    first, "to", or a time of day's "AM" (where "A." is taken for "A.M." without looking
    further: the line reader then decides).  The pairs are found by marking each column's
    characters as bytes of 0 and 1 and ANDing the two as integers.
    """
    if not firsts.isprintable() or any(mark in firsts for mark in _LEAD_FIRSTS):
        return True  # (str.isprintable() is false for white space other than " ")
    return _together(firsts, _MERIDIEM_FIRST, seconds, _MERIDIEM_SECOND) or _together(
        firsts, _TO_FIRST, seconds, _TO_SECOND
    )


def _together(firsts: str, first: bytes, seconds: str, second: bytes) -> bool:
    """Whether some place holds a mark of the ``first`` table and one of the ``second``."""
    marked = _marked(firsts, first)
    return bool(marked and marked & _marked(seconds, second))


def _marked(column: str, table: bytes) -> int:
    """``column`` as one integer, a byte of 1 where ``table`` marks its character, else 0."""
    return int.from_bytes(_latin1(column).translate(table), "big")


def _latin1(text: str) -> bytes:
    """``text`` a byte per character; "?" stands in for what Latin-1 cannot hold."""
    return text.encode("latin-1", "replace")


class Starts(NamedTuple):
    """The start of each turn, in milliseconds, and the turns that start with the next one."""

    ms: list[int]
    ties: list[int]


_DIGIT_WORTHS: Final = (36_000_000, 3_600_000, 600_000, 60_000, 10_000, 1_000)
# What the bytes of "00:00:00" add up to with those worths: 48 ("0") times their sum.
_ZERO_DIGITS: Final = ord("0") * sum(_DIGIT_WORTHS)


def _digit_columns(run: str, frame: str, number: int) -> list[bytes] | None:
    """The digit columns of ``number`` pieces spelt as ``frame`` (see clock_starts)."""
    width = len(frame)
    if not number or len(run) != number * width:
        return None
    data = _latin1(run)
    digits: list[bytes] = []
    for offset, spelt in enumerate(frame):
        column = data[offset::width]
        if spelt in "59":
            if not column.isdigit():  # (for bytes, only ASCII digits are)
                return None
            if spelt == "5" and column.translate(None, b"012345"):
                return None
            digits.append(column)
        elif spelt != "?" and column.count(ord(spelt)) != number:
            return None
    return digits


def clock_starts(run: str, frame: str, number: int) -> Starts | None:
    """Each turn's start from its clock; None when one is no clock, or a time goes back.

    ``run`` should be ``number`` pieces run together, each spelt as ``frame`` shows: ``9``
    stands for an ASCII digit, ``5`` for one up to 5, ``?`` for any character (not read),
    any other character for itself (``"99:59:59 "`` is a clock and a space).  All clocks
    are checked and read at once, in C: each column of ``frame`` (say, every clock's tens
    of minutes) is taken out by one extended slice and tested whole.
    The digit columns are copied into the low byte of 4-byte lanes of one big integer and
    the arithmetic is done on those integers, lane by lane: each digit column times its
    worth in milliseconds, summed.  No lane ever overflows (even "99:99:99" as bytes, 57
    each, sums under 2**32) and the sum of what "0" adds is taken off every lane exactly,
    so unpacking the lanes gives each clock's milliseconds (the most is 99:59:59, under
    2**29).  One more subtraction, each lane from the next with 2**31 added first, tells in
    the same way whether any time goes back (the line reader reports that, so the text is
    declined) and where two turns start on the same second.
    """
    digits = _digit_columns(run, frame, number)
    if digits is None:
        return None
    # Each digit's worth in milliseconds, in the order the digits come: tens of hours, hours,
    # tens of minutes, minutes, tens of seconds, seconds.  Each digit is added as its byte
    # ("0" is 48), then 48 times all the worths is taken off every lane at once.
    lanes = bytearray(4 * number)
    total = -_ZERO_DIGITS * int.from_bytes(b"\x00\x00\x00\x01" * number, "big")
    for column, worth in zip(digits, _DIGIT_WORTHS, strict=True):
        lanes[3::4] = column
        total += worth * int.from_bytes(lanes, "big")
    starts = list(struct.unpack(f">{number}I", total.to_bytes(4 * number, "big")))
    if number == 1:
        return Starts(starts, [])
    later = total & ((1 << 32 * (number - 1)) - 1)  # every start but the first, in lanes
    earlier = total >> 32  # every start but the last, in the same lanes
    half = int.from_bytes(b"\x80\x00\x00\x00" * (number - 1), "big")  # 2**31 in every lane
    steps = later + half - earlier
    if steps & half != half:  # a lane came out under 2**31: that time went back
        return None
    packed = (steps ^ half).to_bytes(4 * (number - 1), "big")  # 0 where two times are the same
    if b"\x00\x00\x00\x00" not in packed:  # no such lane (this finds some that are not)
        return Starts(starts, [])
    gaps = struct.unpack(f">{number - 1}I", packed)
    return Starts(starts, list(compress(count(), map(not_, gaps))))
