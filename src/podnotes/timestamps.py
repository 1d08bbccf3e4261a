"""Timestamps: exact points in an episode, and every time spelling podnotes reads.

A :class:`Timestamp` holds whole milliseconds. :meth:`Timestamp.parse` reads one time
spelling and :meth:`Timestamp.format` writes one; every style it writes parses back to the
same value.

Spellings :meth:`Timestamp.parse` accepts, after stripping whitespace and at most one
surrounding pair of ``()`` or ``[]``:

- clocks ``M:SS``, ``MM:SS``, ``H:MM:SS``, ``HH:MM:SS``; minutes may exceed 59 only without
  hours (``64:40``); seconds, and minutes after hours, are exactly two digits below 60; an
  optional fraction of 1 to 3 digits follows ``.`` or ``,`` (``1:02:03.5``, ``00:01,500``);
- units ``1h02m03s``, ``1h 2m 3s``, ``1 hr 2 min``, ``1 hour, 2 minutes``, ``45.5s``, in
  descending order, each at most once, any case; a unit after a larger one is below 60, and
  only the last unit may have a fraction (1 to 3 digits);
- ISO 8601 durations ``PT1H2M3S``, ``PT45.5S``, ``P1DT2H`` (days are 24 hours; years,
  months and weeks are refused; values may exceed 59, as ISO 8601 allows);
- timecodes ``HH;MM;SS;FF`` and ``HH:MM:SS;FF``, frames counted at ``frame_rate`` (30 when not
  given), and ``HH:MM:SS:FF`` only when ``frame_rate`` is given. Drop-frame counting is not
  undone: ``HH:MM:SS`` is taken as elapsed time.

Digits are ASCII; hours and other leading numbers have at most 7 digits. Input longer than
64 characters after stripping is refused before any pattern runs, so parsing is linear.

This module holds the class, its argument checks and the formatters; the spelling readers
live in the private ``podnotes._timeparse``, which works in integer milliseconds.
"""

from __future__ import annotations

import json
import math
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, Literal, Self, TypeAlias, TypeVar

import attrs

from podnotes._timeparse import (
    EXPECTED_TIME,
    MS_PER_HOUR,
    MS_PER_MINUTE,
    MS_PER_SECOND,
    ExpectedError,
    read_common,
    read_time,
    round_half_up,
)
from podnotes.diagnostics import PodnotesError

if TYPE_CHECKING:
    from collections.abc import Callable

__all__ = ["TIME_STYLES", "TimeStyle", "Timestamp", "TimestampError"]

#: The styles :meth:`Timestamp.format` writes.
TimeStyle: TypeAlias = Literal["short", "clock", "hms", "hms.mmm", "srt", "webvtt", "iso", "units"]

#: Every :data:`TimeStyle`, in documentation order.
TIME_STYLES: Final[tuple[TimeStyle, ...]] = (
    "short",
    "clock",
    "hms",
    "hms.mmm",
    "srt",
    "webvtt",
    "iso",
    "units",
)

_T = TypeVar("_T")
_S = TypeVar("_S", bound="Timestamp")

_MAX_LENGTH: Final = 64


class TimestampError(PodnotesError, ValueError):
    """A text or a value that does not make a :class:`Timestamp`.

    Example:
        >>> try:
        ...     Timestamp.parse("1:2x")
        ... except TimestampError as err:
        ...     print(err)
        expected a time such as "1:02:03", "62m" or "PT1H2M3S", found "1:2x"
    """


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _fail(expected: str, found: str) -> TimestampError:
    return TimestampError(f"expected {expected}, found {_quote(found)}")


def _whole_non_negative(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is int and value >= 0:
        return  # the common case, kept cheap: parsers build many timestamps
    where = f"{type(instance).__name__}.{attribute.name}"
    if type(value) is not int:
        msg = f"{where} must be an int, found {type(value).__name__}"
        raise TypeError(msg)
    if value < 0:
        msg = f"{where} must be >= 0, found {value}"
        raise ValueError(msg)


@attrs.frozen(order=False)
class Timestamp:
    """A point in an episode, exact to the millisecond.

    Attributes:
        ms: Whole milliseconds from the start, ``>= 0``.

    Example:
        >>> t = Timestamp.parse("1:02:03.5")
        >>> t, str(t), t.seconds
        (Timestamp(ms=3723500), '1:02:03.500', 3723.5)
        >>> Timestamp(1000) < t
        True
    """

    ms: int = attrs.field(validator=_whole_non_negative)

    @property
    def seconds(self) -> float:
        """The time in seconds, as a float (for format edges only).

        Example:
            >>> Timestamp(1500).seconds
            1.5
        """
        return self.ms / MS_PER_SECOND

    @classmethod
    def parse(cls, text: str, *, frame_rate: float | None = None) -> Self:
        """Read one time spelling (see the module documentation for every accepted form).

        Args:
            text: The time, optionally in one pair of ``()`` or ``[]``.
            frame_rate: Frames per second for timecodes; ``None`` counts ``HH;MM;SS;FF``
                frames at 30 and refuses ``HH:MM:SS:FF``.

        Returns:
            The timestamp.

        Raises:
            TypeError: ``text`` is not a str, or ``frame_rate`` is not a number.
            TimestampError: ``text`` is not an accepted time, or ``frame_rate`` is not
                finite and above 0.

        Example:
            >>> [Timestamp.parse(t).ms for t in ("(64:40)", "1h 2m 3s", "PT45.5S")]
            [3880000, 3723000, 45500]
            >>> Timestamp.parse("00:00:13:12", frame_rate=25)
            Timestamp(ms=13480)
        """
        if frame_rate is None and type(text) is str and cls is Timestamp:
            ms = read_common(text)  # the common spellings, written exactly: no checks left
            if ms is not None:
                return _trusted(cls, ms)
        return cls(_read_ms(text, frame_rate))

    @classmethod
    def from_seconds(cls, seconds: float | Decimal | Fraction) -> Self:
        """Build a timestamp from seconds, rounded to the nearest millisecond (halves up).

        The value is rounded exactly, not after a float multiplication.

        Args:
            seconds: A finite, non-negative int, float, Decimal or Fraction.

        Returns:
            The timestamp.

        Raises:
            TypeError: ``seconds`` is not one of the accepted number types (bool included).
            TimestampError: ``seconds`` is negative, NaN or infinite.

        Example:
            >>> Timestamp.from_seconds(3723.5), Timestamp.from_seconds(0.0005)
            (Timestamp(ms=3723500), Timestamp(ms=1))
        """
        return cls(round_half_up(_exact_seconds(seconds) * MS_PER_SECOND))

    @classmethod
    def from_timedelta(cls, delta: timedelta) -> Self:
        """Build a timestamp from a timedelta, rounded to the nearest millisecond (halves up).

        Args:
            delta: A non-negative :class:`datetime.timedelta`.

        Returns:
            The timestamp.

        Raises:
            TypeError: ``delta`` is not a timedelta.
            TimestampError: ``delta`` is negative.

        Example:
            >>> Timestamp.from_timedelta(timedelta(minutes=1, microseconds=1500))
            Timestamp(ms=60002)
        """
        checked = _require(delta, timedelta, "Timestamp.from_timedelta() delta")
        micro = (checked.days * 86_400 + checked.seconds) * 1_000_000 + checked.microseconds
        if micro < 0:
            expected = "a timedelta that is not negative"
            raise _fail(expected, str(checked))
        return cls(round_half_up(Fraction(micro, 1000)))

    @classmethod
    def from_parts(cls, *, hours: int = 0, minutes: int = 0, seconds: int = 0, ms: int = 0) -> Self:
        """Build a timestamp from whole hours, minutes, seconds and milliseconds, added up.

        Args:
            hours: Whole hours, ``>= 0``.
            minutes: Whole minutes, ``>= 0`` (60 or more carries over).
            seconds: Whole seconds, ``>= 0`` (60 or more carries over).
            ms: Whole milliseconds, ``>= 0``.

        Returns:
            The timestamp.

        Raises:
            TypeError: A part is not an int (bool included).
            TimestampError: A part is negative.

        Example:
            >>> Timestamp.from_parts(hours=1, minutes=2, seconds=3, ms=500)
            Timestamp(ms=3723500)
        """
        parts = {"hours": hours, "minutes": minutes, "seconds": seconds, "ms": ms}
        for name, value in parts.items():
            if type(value) is not int:
                msg = f"Timestamp.from_parts() {name} must be an int, found {type(value).__name__}"
                raise TypeError(msg)
            if value < 0:
                expected = f"{name} that are not negative"
                raise _fail(expected, str(value))
        return cls(hours * MS_PER_HOUR + minutes * MS_PER_MINUTE + seconds * MS_PER_SECOND + ms)

    def to_timedelta(self) -> timedelta:
        """Return the same duration as a :class:`datetime.timedelta`.

        Returns:
            The timedelta.

        Raises:
            OverflowError: The time is beyond :attr:`datetime.timedelta.max`.

        Example:
            >>> Timestamp(3723500).to_timedelta()
            datetime.timedelta(seconds=3723, microseconds=500000)
        """
        whole, millis = divmod(self.ms, MS_PER_SECOND)
        return timedelta(seconds=whole, milliseconds=millis)

    def format(self, style: TimeStyle = "short") -> str:
        """Write the time in one style; :meth:`parse` reads every style back exactly.

        ====================  =====================  ===============
        style                 3723500 ms             0 ms
        ====================  =====================  ===============
        ``"short"``           ``1:02:03.500``        ``0:00``
        ``"clock"``           ``1:02:03.500``        ``0:00:00``
        ``"hms"``             ``01:02:03.500``       ``00:00:00``
        ``"hms.mmm"``         ``01:02:03.500``       ``00:00:00.000``
        ``"srt"``             ``01:02:03,500``       ``00:00:00,000``
        ``"webvtt"``          ``01:02:03.500``       ``00:00:00.000``
        ``"iso"``             ``PT1H2M3.5S``         ``PT0S``
        ``"units"``           ``1h02m03.500s``       ``0s``
        ====================  =====================  ===============

        ``"short"`` is ``M:SS`` under an hour, else ``H:MM:SS``; ``"short"``, ``"clock"`` and
        ``"hms"`` add ``.mmm`` only when the time is not whole seconds. Hours never wrap:
        ``"srt"`` writes 100 hours as ``100:00:00,000``.

        Args:
            style: One of :data:`TIME_STYLES`.

        Returns:
            The formatted time.

        Raises:
            ValueError: ``style`` is not one of :data:`TIME_STYLES`.

        Example:
            >>> t = Timestamp(65000)
            >>> t.format(), t.format("hms"), t.format("srt"), t.format("iso")
            ('1:05', '00:01:05', '00:01:05,000', 'PT1M5S')
        """
        formatter = _FORMATTERS.get(style)
        if formatter is None:
            choices = ", ".join(_quote(name) for name in TIME_STYLES)
            msg = f"expected a style among {choices}, found {style!r}"
            raise ValueError(msg)
        hours, rest = divmod(self.ms, MS_PER_HOUR)
        minutes, rest = divmod(rest, MS_PER_MINUTE)
        seconds, millis = divmod(rest, MS_PER_SECOND)
        return formatter(hours, minutes, seconds, millis)

    # Ordering compares ms directly: attrs' generated methods build tuples per call, and
    # every parser and validator compares times in its inner loop.
    def __lt__(self, other: object) -> bool:
        """Earlier than ``other``."""
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.ms < other.ms

    def __le__(self, other: object) -> bool:
        """Earlier than or the same as ``other``."""
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.ms <= other.ms

    def __gt__(self, other: object) -> bool:
        """Later than ``other``."""
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.ms > other.ms

    def __ge__(self, other: object) -> bool:
        """Later than or the same as ``other``."""
        if not isinstance(other, Timestamp):
            return NotImplemented
        return self.ms >= other.ms

    def __str__(self) -> str:
        """Return the ``"short"`` style: ``M:SS`` under an hour, else ``H:MM:SS``.

        Example:
            >>> str(Timestamp(65000)), str(Timestamp(3723500))
            ('1:05', '1:02:03.500')
        """
        return self.format("short")


def __dir__() -> list[str]:
    """List the public names only, so helpers do not leak into ``dir()``."""
    return list(__all__)


# --- parsing --------------------------------------------------------------------------------


def _read_ms(text: object, frame_rate: object) -> int:
    """The full path of :meth:`Timestamp.parse`: every spelling, every check, every message."""
    checked = _require(text, str, "Timestamp.parse() text")
    rate = _check_frame_rate(frame_rate)
    stripped = checked.strip()
    if not stripped:
        raise _fail(EXPECTED_TIME, checked)
    if len(stripped) > _MAX_LENGTH:
        msg = (
            f"expected a time of at most {_MAX_LENGTH} characters, found "
            f"{len(stripped)} characters starting {_quote(stripped[:16])}"
        )
        raise TimestampError(msg)
    try:
        return read_time(stripped, rate)
    except ExpectedError as problem:
        raise _fail(problem.expected, stripped) from None


# Trusted construction, as ``podnotes.model._trusted_timestamp`` does it (model.py explains
# why it is safe and tests/test_model.py checks its preconditions): a Timestamp from
# ``object.__new__`` with its one slot set through the slot's descriptor is the object
# ``Timestamp(ms)`` makes, minus the validator.  Only for ints (not bools) known to be >= 0.
_new = object.__new__
_set_ms = Timestamp.__dict__["ms"].__set__


def _trusted(cls: type[_S], ms: int) -> _S:
    stamp = _new(cls)
    _set_ms(stamp, ms)
    return stamp


# --- formatting -----------------------------------------------------------------------------


def _dot(millis: int) -> str:
    return f".{millis:03d}" if millis else ""


def _short(h: int, m: int, s: int, millis: int) -> str:
    return _clock(h, m, s, millis) if h else f"{m}:{s:02d}{_dot(millis)}"


def _clock(h: int, m: int, s: int, millis: int) -> str:
    return f"{h}:{m:02d}:{s:02d}{_dot(millis)}"


def _hms(h: int, m: int, s: int, millis: int) -> str:
    return f"{h:02d}:{m:02d}:{s:02d}{_dot(millis)}"


def _hms_mmm(h: int, m: int, s: int, millis: int) -> str:
    return f"{h:02d}:{m:02d}:{s:02d}.{millis:03d}"


def _srt(h: int, m: int, s: int, millis: int) -> str:
    return f"{h:02d}:{m:02d}:{s:02d},{millis:03d}"


def _iso(h: int, m: int, s: int, millis: int) -> str:
    text = "PT" + (f"{h}H" if h else "") + (f"{m}M" if m else "")
    if s or millis or not (h or m):
        text += f"{s}{_dot(millis).rstrip('0')}S"
    return text


def _units(h: int, m: int, s: int, millis: int) -> str:
    if h:
        return f"{h}h{m:02d}m{s:02d}{_dot(millis)}s"
    if m:
        return f"{m}m{s:02d}{_dot(millis)}s"
    return f"{s}{_dot(millis)}s"


_FORMATTERS: Final[dict[str, Callable[[int, int, int, int], str]]] = {
    "short": _short,
    "clock": _clock,
    "hms": _hms,
    "hms.mmm": _hms_mmm,
    "srt": _srt,
    "webvtt": _hms_mmm,
    "iso": _iso,
    "units": _units,
}


# --- argument checks ------------------------------------------------------------------------


def _require(value: object, kind: type[_T], what: str) -> _T:
    if not isinstance(value, kind):
        msg = f"{what} must be a {kind.__name__}, found {type(value).__name__}"
        raise TypeError(msg)
    return value


def _check_frame_rate(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"frame_rate must be an int or a float, found {type(value).__name__}"
        raise TypeError(msg)
    if not (math.isfinite(value) and value > 0):
        expected = "a frame rate that is finite and above 0"
        raise _fail(expected, repr(value))
    return float(value)


def _exact_seconds(value: object) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | Fraction):
        msg = f"Timestamp.from_seconds() expects a number, found {type(value).__name__}"
        raise TypeError(msg)
    if isinstance(value, Decimal):
        finite = value.is_finite()
    elif isinstance(value, float):
        finite = math.isfinite(value)
    else:
        finite = True
    if not finite or value < 0:
        expected = "seconds that are finite and not negative"
        raise _fail(expected, str(value))
    return Fraction(value)
