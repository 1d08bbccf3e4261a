"""The time spellings :meth:`podnotes.timestamps.Timestamp.parse` reads, as milliseconds.

:func:`read_time` reads one stripped spelling of at most 64 characters (the caller checks
the length first, so every pattern here runs on a bounded text) and returns whole
milliseconds.  The readers, tried in this order: clocks (``1:02:03.5``), timecodes
(``00;00;13;12``), units (``1h 2m 3s``) and ISO 8601 durations (``PT1H2M3S``); the module
documentation of :mod:`podnotes.timestamps` lists every accepted form.

A reader that recognises a spelling but refuses it raises :class:`ExpectedError` with what
it expected; :meth:`~podnotes.timestamps.Timestamp.parse` adds what was found and raises
:class:`~podnotes.timestamps.TimestampError`.  This module never builds a ``Timestamp``,
so :mod:`podnotes.timestamps` can import it without a cycle.

:func:`read_common` is the fast path for the spellings pages use most (``M:SS``,
``H:MM:SS.mmm``, ``1h02m03s``, ``PT1H2M3S``, written exactly, without spaces or brackets): one
anchored pattern per family and integer arithmetic.  It answers only when the value is
certain and returns None for anything else, errors included, so :func:`read_time` stays the
one place that decides what a spelling means and what is wrong with it.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction
from itertools import pairwise
from typing import Final, NamedTuple

__all__ = [
    "EXPECTED_TIME",
    "MS_PER_HOUR",
    "MS_PER_MINUTE",
    "MS_PER_SECOND",
    "ExpectedError",
    "read_common",
    "read_time",
    "round_half_up",
]

_MILLI: Final = 1000  # fixed point: parsed numbers are held in thousandths of their unit
MS_PER_SECOND: Final = 1000
MS_PER_MINUTE: Final = 60 * MS_PER_SECOND
MS_PER_HOUR: Final = 60 * MS_PER_MINUTE
_MS_PER_DAY: Final = 24 * MS_PER_HOUR
_BASE: Final = 60  # minutes after hours and seconds after minutes stay below this
_FIELD_DIGITS: Final = 2  # seconds, and minutes after hours: "1:05", "1:02:03"
_FRACTION_DIGITS: Final = 3
_DEFAULT_FRAME_RATE: Final = 30
_MINUS_SIGNS: Final = ("-", "\u2212")
_CLOSING: Final = {"(": ")", "[": "]"}
#: What a time looks like, for messages that cannot say more.
EXPECTED_TIME: Final = 'a time such as "1:02:03", "62m" or "PT1H2M3S"'

_WHOLE: Final = r"[0-9]{1,7}"
_NUMBER: Final = rf"{_WHOLE}(?:[.,][0-9]{{1,9}})?"

# "1:05", "64:40", "1:02:03.5", "00:01,500"; digit counts are checked after matching,
# for clearer messages: "1:2" (one-digit seconds), "1:2:03" (one-digit minutes).
_CLOCK: Final = re.compile(
    rf"(?:(?P<hours>{_WHOLE}):)?(?P<minutes>{_WHOLE}):(?P<seconds>[0-9]{{1,2}})"
    r"(?:[.,](?P<fraction>[0-9]{1,9}))?"
)
# "00;00;13;12", "00:00:13;12", "00:00:13:12" (with a frame rate); not "00;00;13".
_TIMECODE: Final = re.compile(
    rf"(?P<hours>{_WHOLE})(?P<sep1>[:;])(?P<minutes>[0-9]{{1,2}})(?P<sep2>[:;])"
    r"(?P<seconds>[0-9]{1,2})(?P<sep3>[:;])(?P<frames>[0-9]{1,3})"
)
# "1:02:03:04", "1:2:3:4:5.6": four or more colon fields, refused with their own message.
_MANY_FIELDS: Final = re.compile(rf"{_WHOLE}(?::{_WHOLE}){{3,8}}(?:[.,][0-9]{{1,9}})?")
# One unit part: "1h", "02m", "3.5 s", "1 hour", "2 minutes"; not "1,5h", "h". The gap before
# a part (empty for the first) is nothing, spaces, or one comma: "1h2m", "1h 2m", "1h, 2m".
_UNIT_PART: Final = re.compile(
    r"(?P<gap>\s{0,3},?\s{0,3})"
    rf"(?P<whole>{_WHOLE})(?:\.(?P<fraction>[0-9]{{1,9}}))?\s{{0,3}}(?P<unit>[a-zA-Z]{{1,7}})"
)
# "PT1H2M3S", "PT45.5S", "P1DT2H", "PT", "P1DT" (the last two are refused after matching).
_ISO: Final = re.compile(
    rf"P(?:(?P<days>{_WHOLE})D)?(?P<time>T(?:(?P<hours>{_NUMBER})H)?"
    rf"(?:(?P<minutes>{_NUMBER})M)?(?:(?P<seconds>{_NUMBER})S)?)?",
    re.IGNORECASE,
)
# ISO 8601 durations with a date part: "P1Y", "P1M2D", "P2W", "P1YT2H".
_ISO_DATE: Final = re.compile(
    rf"P(?P<date>(?:{_NUMBER}[YMWD]){{1,4}})(?:T(?:{_NUMBER}[HMS]){{0,3}})?", re.IGNORECASE
)


# --- the fast path: a strict subset of what the readers below accept -------------------------
# Each reader returns a number only for a text whose every field is in range, so the number
# is the one the full readers give too (tests/test_timestamps_fastpath.py checks it on
# generated texts).  No whitespace, brackets or signs: those, and every error, take the full
# path.  The patterns are fullmatched and bounded, so each looks at no more than 40
# characters however long the text is (the 64-character limit is the full path's).

# "8:04", "64:40", "1:02:03", "01:02:03.5", "0:59,999": seconds and minutes after hours are
# exactly two digits below 60, fractions 1 to 3 digits.  Not "1:2", "1:60", "1:2:03", " 1:05".
_FAST_CLOCK: Final = re.compile(
    r"(?:([0-9]{1,7}):([0-5][0-9])|([0-9]{1,7})):([0-5][0-9])(?:[.,]([0-9]{1,3}))?"
)
# "1h02m03s", "62m", "3m20s", "1H2M3S": compact units in order, whole numbers only; the
# below-60 checks are made after matching.  Not "1h 2m", "1.5h", "2 mins".
_FAST_UNITS: Final = re.compile(r"(?:([0-9]{1,7})[hH])?(?:([0-9]{1,7})[mM])?(?:([0-9]{1,7})[sS])?")
# "PT1H2M3S", "PT45.5S", "pt62m": ISO 8601 times without days, a fraction on seconds only.
# Not "P1DT2H", "PT1.5H", "PT".
_FAST_ISO: Final = re.compile(
    r"[pP][tT](?:([0-9]{1,7})[hH])?(?:([0-9]{1,7})[mM])?(?:([0-9]{1,7})(?:[.,]([0-9]{1,3}))?[sS])?"
)
# Milliseconds per unit of the last fraction digit, by digit count: ".5", ".50", ".500".
_FRACTION_SCALE: Final = (0, 100, 10, 1)
_UNIT_MS: Final = (MS_PER_HOUR, MS_PER_MINUTE, MS_PER_SECOND)
# The numbers a field after a larger one may be, in one or two digits: a lookup is several
# times cheaper than int() and says "out of range" (None) at the same time.  "7", "07", "59";
# not "60", "059".  Leading fields try it first too, as most of them are below 60.
_BELOW_60: Final = {
    **{str(n): n for n in range(_BASE)},
    **{f"{n:02d}": n for n in range(_BASE)},
}


def read_common(text: str) -> int | None:
    """Milliseconds of a common spelling written exactly, or None to take the full path.

    Whenever this returns a number, :func:`read_time` returns the same number for ``text``;
    None says nothing (the text may still be a valid time, or an error).

    Args:
        text: The text as given (not stripped).

    Returns:
        Whole milliseconds, or None.

    Example:
        >>> [read_common(t) for t in ("1:02:03.5", "1h02m03s", "PT62M", "1:60", " 1:05")]
        [3723500, 3723000, 3720000, None, None]
    """
    if ":" in text:
        return _common_clock(text)
    if text[:1] in {"P", "p"}:
        return _common_iso(text)
    return _common_units(text)


def _common_clock(text: str) -> int | None:
    match = _FAST_CLOCK.fullmatch(text)
    if match is None:
        return None
    hours, after_hours, alone, seconds, fraction = match.groups()
    lead = alone if hours is None else hours
    value = _BELOW_60.get(lead)
    if value is None:
        value = int(lead)
    minutes = value if hours is None else value * _BASE + _BELOW_60[after_hours]
    ms = (minutes * _BASE + _BELOW_60[seconds]) * MS_PER_SECOND
    return ms + int(fraction) * _FRACTION_SCALE[len(fraction)] if fraction else ms


def _common_iso(text: str) -> int | None:
    match = _FAST_ISO.fullmatch(text)
    if match is None:
        return None
    hours, minutes, seconds, fraction = match.groups()
    if hours is None and minutes is None and seconds is None:
        return None  # "PT": an error, said by the full path
    ms = (
        (int(hours) * MS_PER_HOUR if hours else 0)
        + (int(minutes) * MS_PER_MINUTE if minutes else 0)
        + (int(seconds) * MS_PER_SECOND if seconds else 0)
    )
    return ms + int(fraction) * _FRACTION_SCALE[len(fraction)] if fraction else ms


def _common_units(text: str) -> int | None:
    match = _FAST_UNITS.fullmatch(text)
    if match is None:
        return None
    ms = 0
    first = True  # no unit read yet: the first unit may be 60 or more ("62m"), no other may
    for digits, unit_ms in zip(match.groups(), _UNIT_MS, strict=True):
        if digits is None:
            continue
        value = _BELOW_60.get(digits)
        if value is None:
            if not first:
                return None  # "1h90m" is an error, said by the full path; "1h059m" is rare
            value = int(digits)  # "62m": the first unit may be 60 or more
        ms += value * unit_ms
        first = False
    return None if first else ms  # "" matches no unit


class ExpectedError(Exception):
    """Internal: what a reader expected; the caller adds what was found."""

    def __init__(self, expected: str) -> None:
        super().__init__(expected)
        self.expected = expected


class _Part(NamedTuple):
    name: str  # "hours", "minutes", "seconds" or "days", for messages
    unit_ms: int
    whole: str
    fraction: str  # digits after the decimal mark; "" when there is none


def round_half_up(value: Fraction) -> int:
    """Round to the nearest whole number, halves up (exactly: ``value`` is a Fraction)."""
    return math.floor(value + Fraction(1, 2))


def read_time(text: str, rate: float | None) -> int:
    """Read one stripped, non-blank time spelling of at most 64 characters.

    Args:
        text: The spelling, optionally in one pair of ``()`` or ``[]``.
        rate: Frames per second for timecodes (already checked), or None.

    Returns:
        Whole milliseconds.

    Raises:
        ExpectedError: ``text`` is not an accepted time; it says what was expected.
    """
    return _read_signed(_unbracket(text), rate)


def _unbracket(text: str) -> str:
    if len(text) > 1 and _CLOSING.get(text[0]) == text[-1]:
        return text[1:-1].strip()
    return text


def _read_signed(text: str, rate: float | None) -> int:
    if text[:1] in _MINUS_SIGNS:
        try:
            _read(text[1:], rate)
        except ExpectedError:
            raise ExpectedError(EXPECTED_TIME) from None
        msg = "a time that is not negative"
        raise ExpectedError(msg)
    return _read(text, rate)


def _read(text: str, rate: float | None) -> int:
    for reader in (_read_clock, _read_timecode, _read_units, _read_iso):
        ms = reader(text, rate)
        if ms is not None:
            return ms
    if rate is None and _MANY_FIELDS.fullmatch(text):
        msg = "at most three clock fields without a frame rate"
        raise ExpectedError(msg)
    date = _ISO_DATE.fullmatch(text)
    if date and any(unit in date["date"].upper() for unit in "YMW"):
        msg = "an ISO 8601 duration in days, hours, minutes and seconds (not years, months, weeks)"
        raise ExpectedError(msg)
    raise ExpectedError(EXPECTED_TIME)


def _clock_parts(hours: str | None, minutes: str, seconds: str, fraction: str) -> list[_Part]:
    if hours is not None and len(minutes) != _FIELD_DIGITS:
        msg = "two-digit minutes after hours"
        raise ExpectedError(msg)
    if len(seconds) != _FIELD_DIGITS:
        msg = "two-digit seconds after minutes"
        raise ExpectedError(msg)
    parts = [] if hours is None else [_Part("hours", MS_PER_HOUR, hours, "")]
    parts.append(_Part("minutes", MS_PER_MINUTE, minutes, ""))
    parts.append(_Part("seconds", MS_PER_SECOND, seconds, fraction))
    return parts


def _read_clock(text: str, _rate: float | None) -> int | None:
    match = _CLOCK.fullmatch(text)
    if match is None:
        return None
    parts = _clock_parts(
        match["hours"], match["minutes"], match["seconds"], match["fraction"] or ""
    )
    return _total(parts, bounded=True)


def _read_timecode(text: str, rate: float | None) -> int | None:
    match = _TIMECODE.fullmatch(text)
    if match is None:
        return None
    separators = match["sep1"] + match["sep2"] + match["sep3"]
    if separators == ":::" and rate is None:
        msg = "at most three clock fields without a frame rate"
        raise ExpectedError(msg)
    if separators not in {";;;", "::;", ":::"}:
        msg = 'a timecode with semicolons everywhere ("00;00;13;12") or before frames only'
        raise ExpectedError(msg)
    frame_rate = _DEFAULT_FRAME_RATE if rate is None else rate
    frames = int(match["frames"])
    if frames >= frame_rate:
        msg = f"frames below the frame rate {frame_rate:g}"
        raise ExpectedError(msg)
    parts = _clock_parts(match["hours"], match["minutes"], match["seconds"], "")
    frame_ms = Fraction(frames * MS_PER_SECOND) / Fraction(frame_rate)
    return _total(parts, bounded=True) + round_half_up(frame_ms)


_UNIT_NAMES: Final = {
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours"), ("hours", MS_PER_HOUR)),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes"), ("minutes", MS_PER_MINUTE)),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds"), ("seconds", MS_PER_SECOND)),
}


def _read_units(text: str, _rate: float | None) -> int | None:
    if not text:
        return None
    parts: list[_Part] = []
    position = 0
    while position < len(text):
        match = _UNIT_PART.match(text, position)
        unit = None if match is None else _UNIT_NAMES.get(match["unit"].lower())
        if match is None or unit is None or (match["gap"] and not parts):
            return None
        parts.append(_Part(unit[0], unit[1], match["whole"], match["fraction"] or ""))
        position = match.end()
    if any(a.unit_ms <= b.unit_ms for a, b in pairwise(parts)):
        msg = "units in descending order (hours, minutes, seconds), each at most once"
        raise ExpectedError(msg)
    return _total(parts, bounded=True)


def _read_iso(text: str, _rate: float | None) -> int | None:
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    parts = [_Part("days", _MS_PER_DAY, match["days"], "")] if match["days"] else []
    for name, unit_ms in (
        ("hours", MS_PER_HOUR),
        ("minutes", MS_PER_MINUTE),
        ("seconds", MS_PER_SECOND),
    ):
        if match[name]:
            whole, _mark, fraction = match[name].replace(",", ".").partition(".")
            parts.append(_Part(name, unit_ms, whole, fraction))
    if not parts:
        msg = "a number and a unit in an ISO 8601 duration"
        raise ExpectedError(msg)
    if match["time"] in {"T", "t"}:
        msg = 'a number and a unit after "T" in an ISO 8601 duration'
        raise ExpectedError(msg)
    return _total(parts, bounded=False)


def _total(parts: list[_Part], *, bounded: bool) -> int:
    total = 0
    for index, part in enumerate(parts):
        if part.fraction and index != len(parts) - 1:
            msg = "a fraction only on the last unit"
            raise ExpectedError(msg)
        if len(part.fraction) > _FRACTION_DIGITS:
            msg = "at most 3 fraction digits (milliseconds)"
            raise ExpectedError(msg)
        milli = int(part.whole) * _MILLI + int(part.fraction.ljust(_FRACTION_DIGITS, "0"))
        if bounded and index and milli >= _BASE * _MILLI:
            msg = f"{part.name} below 60 after {parts[index - 1].name}"
            raise ExpectedError(msg)
        total += milli * (part.unit_ms // _MILLI)
    return total
