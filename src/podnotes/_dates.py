"""Calendar dates as podcast pages write them.  The only module that imports dateutil.

:func:`parse_date` reads one date and never raises on a str: it returns a
:class:`DateResult` holding the date (or None) and :class:`DateNote` findings that the
caller pins to a line as diagnostics.

Rules, in the order they apply:

- at most 64 characters after stripping, ASCII digits only;
- digits only: 13 digits are epoch milliseconds and 10 digits epoch seconds (both UTC),
  8 digits are ``YYYYMMDD``; other bare numbers are refused;
- ISO 8601 (``2021-07-19``, ``2026-03-25T11:00:00Z``, ``2021-07-19 10:00+02:00``): digit
  counts are checked here before :func:`dateutil.parser.isoparse` runs, so dateutil 2.9
  and 4.x agree;
- everything else goes to :func:`dateutil.parser.parse` with a fixed ``default=`` (never
  today) and without fuzzy matching: ``July 19, 2021``, ``19 July 2021``, ``Jul 19 2021``,
  ``2021/07/19``, ``Mon, 19 Jul 2021 10:00:00 GMT``, ``19.07.2021``;
- year, month and day must all be written: the text is read twice with two different
  defaults, and a field that follows the default was not in the text (``July 19`` and
  ``July 2021`` are refused);
- numeric dates: ``/`` is read month first (``07/08/2021`` is July 8), ``.`` and ``-`` day
  first (``07.08.2021`` is 7 August); when both readings are valid dates the note
  ``date.ambiguous-order`` says which was taken;
- a time with a zone gives the date in UTC (as epoch times do); ``date.utc-day`` notes when
  that changes the written day.  Unknown zone names are ignored with ``date.unknown-zone``;
- years outside 1900-2199 are refused; two-digit years are read by dateutil's rule and
  noted (``date.two-digit-year``); a written weekday that disagrees is noted
  (``date.weekday-mismatch``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs
from dateutil import parser as _parser

from podnotes.diagnostics import Severity

__all__ = ["DateNote", "DateResult", "parse_date"]

_MAX_LENGTH: Final = 64
_FIRST_YEAR: Final = 1900
_LAST_YEAR: Final = 2199
_MONTHS_IN_YEAR: Final = 12
_UTC: Final = dt.UTC
_EPOCH: Final = dt.datetime(1970, 1, 1, tzinfo=_UTC)
# Two defaults that differ in year, month and day, each valid with any written value
# (day 28 exists in every month; both years are leap years, so "Feb 29" reads either way).
_DEFAULTS: Final = (dt.datetime(2000, 1, 1), dt.datetime(2004, 12, 28))  # noqa: DTZ001
_EXAMPLE: Final = 'a date such as "July 19, 2021" or "2021-07-19"'

# ISO 8601 calendar date with an optional time and zone; ASCII digits, exact counts.
#   accepts: 2021-07-19, 2026-03-25T11:00:00Z, 2021-07-19 10:00, 2021-07-19T10:00:00.5+02:00
#   rejects: 2021-7-19, 21-07-19, 2021-07-19T1:00, 2021-W29
_ISO: Final = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}"
    r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]{1,9})?)?"
    r"(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?)?)?",
    re.IGNORECASE,
)
# A numeric date with the year last: the order of the first two fields is a convention.
#   accepts: 07/08/2021, 19.07.2021, 7-8-21 (then anything: "07/08/2021 10:00")
#   rejects: 2021/07/08 (year first is unambiguous), 07/08 (no year)
_NUMERIC: Final = re.compile(r"([0-9]{1,2})([/.-])([0-9]{1,2})\2[0-9]{2,4}(?![0-9])")
# A leading weekday name: "Mon, ", "Tuesday ", "Thu. ".
_WEEKDAY: Final = re.compile(r"([A-Za-z]{3,9})\.?,?\s")
_WEEKDAYS: Final = {
    name: index
    for index, names in enumerate(
        (
            ("mon", "monday"),
            ("tue", "tues", "tuesday"),
            ("wed", "weds", "wednesday"),
            ("thu", "thur", "thurs", "thursday"),
            ("fri", "friday"),
            ("sat", "saturday"),
            ("sun", "sunday"),
        )
    )
    for name in names
}
_FOUR_DIGITS: Final = re.compile(r"[0-9]{4}")
# Zone abbreviations that dateutil does not know by itself, as UTC offsets in hours.
# IST (India, Ireland, Israel) and other ambiguous names are left out on purpose.
_ZONES: Final = {
    "UTC": 0,
    "UT": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 1,
    "CET": 1,
    "CEST": 2,
    "EET": 2,
    "EEST": 3,
    "EST": -5,
    "EDT": -4,
    "CST": -6,
    "CDT": -5,
    "MST": -7,
    "MDT": -6,
    "PST": -8,
    "PDT": -7,
    "AEST": 10,
    "AEDT": 11,
}


@attrs.frozen(kw_only=True)
class DateNote:
    """A finding about a date text, without a position (the caller knows the line).

    Attributes:
        code: A stable identifier such as ``"date.ambiguous-order"``.
        message: What was expected and what was found, or what was decided.
        severity: ``ERROR`` when no date was read, else ``WARNING`` or ``INFO``.
        fragment: The part of the text the note is about.

    Example:
        >>> DateNote(code="date.no-year", message="...", severity=Severity.ERROR).code
        'date.no-year'
    """

    code: str
    message: str
    severity: Severity
    fragment: str = ""


@attrs.frozen(kw_only=True)
class DateResult:
    """What :func:`parse_date` read.

    Attributes:
        value: The date, or None when the text is not a full date.
        notes: Findings in text order; exactly one ``ERROR`` note when ``value`` is None.

    Example:
        >>> parse_date("July 19, 2021").value
        datetime.date(2021, 7, 19)
    """

    value: dt.date | None
    notes: tuple[DateNote, ...] = ()


def __dir__() -> list[str]:
    """List the public names only, so helpers do not leak into ``dir()``."""
    return list(__all__)


def _quote(text: str) -> str:
    return '"' + text.replace('"', '\\"') + '"'


def _refuse(code: str, expected: str, text: str) -> DateResult:
    note = DateNote(
        code=code,
        message=f"expected {expected}, found {_quote(text)}",
        severity=Severity.ERROR,
        fragment=text,
    )
    return DateResult(value=None, notes=(note,))


def _in_range(day: dt.date, text: str, notes: list[DateNote]) -> DateResult:
    if not _FIRST_YEAR <= day.year <= _LAST_YEAR:
        return _refuse("date.out-of-range", f"a year from {_FIRST_YEAR} to {_LAST_YEAR}", text)
    return DateResult(value=day, notes=tuple(notes))


def parse_date(text: str) -> DateResult:
    """Read one calendar date (the module documentation lists every rule).

    Args:
        text: The date as written, e.g. ``"July 19, 2021"`` or ``"1774436400000"``.

    Returns:
        The date with notes; the value is None (with one ``ERROR`` note) when the text is
        not a full date.  Never raises for a str.

    Raises:
        TypeError: ``text`` is not a str.

    Example:
        >>> parse_date("Mon, 19 Jul 2021 10:00:00 GMT").value
        datetime.date(2021, 7, 19)
        >>> parse_date("1774436400000").value
        datetime.date(2026, 3, 25)
        >>> result = parse_date("07/08/2021")
        >>> result.value, result.notes[0].code
        (datetime.date(2021, 7, 8), 'date.ambiguous-order')
        >>> parse_date("July 19").notes[0].message
        'expected a date with a year, found "July 19"'
    """
    checked: object = text
    if not isinstance(checked, str):
        msg = f"parse_date() text must be str, found {type(checked).__name__}"
        raise TypeError(msg)
    stripped = checked.strip()
    if not stripped:
        return _refuse("date.empty", _EXAMPLE, text)
    if len(stripped) > _MAX_LENGTH:
        return _refuse("date.too-long", f"a date of at most {_MAX_LENGTH} characters", stripped)
    if any(ch.isdigit() and not ch.isascii() for ch in stripped):
        return _refuse("date.digits", "a date written with the digits 0-9", stripped)
    if stripped.isdigit():
        return _from_digits(stripped)
    if _ISO.fullmatch(stripped):
        return _from_iso(stripped)
    return _from_words(stripped)


def _from_digits(text: str) -> DateResult:
    if len(text) in {10, 13}:
        unit = "seconds" if len(text) == 10 else "milliseconds"  # noqa: PLR2004
        moment = _EPOCH + dt.timedelta(**{unit: int(text)})
        note = DateNote(
            code="date.epoch",
            message=f"read {_quote(text)} as {unit} since 1970-01-01 UTC",
            severity=Severity.INFO,
            fragment=text,
        )
        return _in_range(moment.date(), text, [note])
    if len(text) == 8:  # noqa: PLR2004
        try:
            day = dt.date(int(text[:4]), int(text[4:6]), int(text[6:]))
        except ValueError:
            return _refuse("date.invalid", "a valid date as YYYYMMDD", text)
        return _in_range(day, text, [])
    return _refuse("date.bare-number", "a date, not a bare number", text)


def _from_iso(text: str) -> DateResult:
    try:
        moment = _parser.isoparse(text)
    except (ValueError, ArithmeticError, TypeError):
        return _refuse("date.invalid", "a valid ISO 8601 date", text)
    notes: list[DateNote] = []
    return _in_range(_to_day(moment, text, notes), text, notes)


def _from_words(text: str) -> DateResult:
    notes: list[DateNote] = []
    dayfirst, ambiguous = _numeric_order(text)
    zones = _Zones()
    readings: list[dt.datetime] = []
    for default in _DEFAULTS:
        try:
            readings.append(_parser.parse(text, default=default, dayfirst=dayfirst, tzinfos=zones))
        except (_parser.ParserError, ArithmeticError, TypeError, ValueError):
            # ArithmeticError: OverflowError, and decimal.InvalidOperation, which dateutil
            # lets out on a clock of many digits ("000:2222...")
            return _refuse("date.unreadable", _EXAMPLE, text)
    first, second = readings
    missing = _missing(first, second)
    if missing is not None:
        code = "date.no-year" if missing == "year" else "date.partial"
        return _refuse(code, f"a date with a {missing}", text)
    if ambiguous is not None:
        notes.append(_ambiguity(ambiguous, dayfirst=dayfirst, read=first.date()))
    if zones.unknown:
        notes.append(
            DateNote(
                code="date.unknown-zone",
                message=f"ignored the unknown time zone {_quote(zones.unknown[0])}",
                severity=Severity.WARNING,
                fragment=zones.unknown[0],
            )
        )
    if not _FOUR_DIGITS.search(text) and _FIRST_YEAR <= first.year <= _LAST_YEAR:
        notes.append(
            DateNote(
                code="date.two-digit-year",
                message=f"read a two-digit year as {first.year}",
                severity=Severity.WARNING,
                fragment=text,
            )
        )
    _check_weekday(text, first.date(), notes)
    return _in_range(_to_day(first, text, notes), text, notes)


class _Zones:
    """The ``tzinfos`` callable: offsets and known names give a zone; others are noted.

    Being callable, it also keeps dateutil from guessing with the machine's local zone.
    """

    def __init__(self) -> None:
        self.unknown: list[str] = []

    def __call__(self, name: str | None, offset: int | None) -> dt.tzinfo | None:
        if offset is not None:
            return dt.timezone(dt.timedelta(seconds=offset))
        if name is None:
            return None
        hours = _ZONES.get(name.upper())
        if hours is None:
            self.unknown.append(name)
            return None
        return dt.timezone(dt.timedelta(hours=hours), name)


def _missing(first: dt.datetime, second: dt.datetime) -> str | None:
    """The first field that followed the default in two readings: it was not written."""
    for name in ("year", "month", "day"):
        if getattr(first, name) != getattr(second, name):
            return name
    return None


def _numeric_order(text: str) -> tuple[bool, re.Match[str] | None]:
    """Decide dayfirst for ``07/08/2021``-like text; the match when both orders are dates."""
    match = _NUMERIC.match(text)
    if match is None:
        return False, None
    a, b = int(match[1]), int(match[3])
    both = a != b and 1 <= a <= _MONTHS_IN_YEAR and 1 <= b <= _MONTHS_IN_YEAR
    return match[2] != "/", match if both else None


def _ambiguity(match: re.Match[str], *, dayfirst: bool, read: dt.date) -> DateNote:
    taken, other = ("day first", "month first") if dayfirst else ("month first", "day first")
    swapped = read.replace(month=read.day, day=read.month)
    return DateNote(
        code="date.ambiguous-order",
        message=(
            f'read {_quote(match[0])} {taken} as {read.isoformat()} ("{match[2]}" dates are '
            f"read {taken}); {other} would give {swapped.isoformat()}"
        ),
        severity=Severity.WARNING,
        fragment=match[0],
    )


def _check_weekday(text: str, day: dt.date, notes: list[DateNote]) -> None:
    match = _WEEKDAY.match(text)
    if match is None:
        return
    index = _WEEKDAYS.get(match[1].lower())
    if index is not None and index != day.weekday():
        notes.append(
            DateNote(
                code="date.weekday-mismatch",
                message=(
                    f"expected the weekday of {day.isoformat()} "
                    f"({day.strftime('%A')}), found {_quote(match[1])}; kept the date"
                ),
                severity=Severity.WARNING,
                fragment=match[1],
            )
        )


def _to_day(moment: dt.datetime, text: str, notes: list[DateNote]) -> dt.date:
    """The calendar day of ``moment``: in UTC when it has a zone, else as written."""
    if moment.tzinfo is None:
        return moment.date()
    written = moment.date()
    try:
        day = moment.astimezone(_UTC).date()
    except OverflowError:  # 0001-01-01T00:00+01:00 has no UTC day; the range check refuses
        return written
    if day != written:
        notes.append(
            DateNote(
                code="date.utc-day",
                message=(
                    f"took the UTC day {day.isoformat()} of {_quote(text)}; "
                    f"the written day is {written.isoformat()}"
                ),
                severity=Severity.INFO,
                fragment=text,
            )
        )
    return day
