"""Tests for podnotes.timestamps: every accepted and refused spelling, every output style."""

from __future__ import annotations

import json
import operator
import pickle
import time
import typing
from datetime import timedelta
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

import podnotes.timestamps
from podnotes.diagnostics import PodnotesError
from podnotes.timestamps import TIME_STYLES, Timestamp, TimestampError, TimeStyle

GENERIC = 'a time such as "1:02:03", "62m" or "PT1H2M3S"'
H = 3_600_000
M = 60_000
S = 1000

ACCEPTED: list[tuple[str, int]] = [
    # clocks
    ("0:00", 0),
    ("00:00", 0),
    ("0:05", 5 * S),
    ("1:05", M + 5 * S),
    ("12:34", 12 * M + 34 * S),
    ("59:59", 59 * M + 59 * S),
    ("64:40", H + 4 * M + 40 * S),
    ("99:59", H + 39 * M + 59 * S),
    ("120:00", 2 * H),
    ("1:02:03", H + 2 * M + 3 * S),
    ("01:02:03", H + 2 * M + 3 * S),
    ("00:00:00", 0),
    ("10:00:00", 10 * H),
    ("100:00:00", 100 * H),
    ("1:02:03.5", 3_723_500),
    ("1:02:03.50", 3_723_500),
    ("1:02:03.500", 3_723_500),
    ("1:02:03,500", 3_723_500),
    ("00:00:01,001", 1001),
    ("0:59.999", 59_999),
    ("00:01.1", 1100),
    ("0:00.05", 50),
    # brackets and whitespace
    ("(0:00)", 0),
    ("[00:54]", 54 * S),
    ("( 1:02:03 )", 3_723_000),
    ("[ 12:30 ]", 12 * M + 30 * S),
    ("  1:02:03  ", 3_723_000),
    ("\t05:37\n", 5 * M + 37 * S),
    ("(00:00:21)", 21 * S),
    ("\u00a0[1:05]\u00a0", 65 * S),
    # units
    ("1h02m03s", 3_723_000),
    ("1h 2m 3s", 3_723_000),
    ("1H2M3S", 3_723_000),
    ("62m", 62 * M),
    ("45s", 45 * S),
    ("1 hr 2 min", H + 2 * M),
    ("1 hour 2 minutes 3 seconds", 3_723_000),
    ("2hrs", 2 * H),
    ("90 sec", 90 * S),
    ("45.5s", 45_500),
    ("1.5h", 90 * M),
    ("1h", H),
    ("3m20s", 200 * S),
    ("1h, 2m, 3s", 3_723_000),
    ("2 mins 5 secs", 125 * S),
    ("1 Hour", H),
    ("1h02m03.500s", 3_723_500),
    ("0s", 0),
    ("(3m20s)", 200 * S),
    ("1 minute", M),
    ("1 second", S),
    ("2.25m", 135 * S),
    ("1h 30s", H + 30 * S),
    ("1h 59.999s", H + 59_999),
    # ISO 8601 durations
    ("PT1H2M3S", 3_723_000),
    ("pt1h2m3s", 3_723_000),
    ("PT45.5S", 45_500),
    ("PT62M", 62 * M),
    ("P0DT1H", H),
    ("P1DT2H", 26 * H),
    ("P1D", 24 * H),
    ("PT0S", 0),
    ("PT0.5S", 500),
    ("PT1H2M3,5S", 3_723_500),
    ("PT36H", 36 * H),
    ("PT1.5H", 90 * M),
    ("PT1H90M", H + 90 * M),
    ("[PT1M]", M),
    # timecodes, frames at 30 per second
    ("00;00;13;12", 13_400),
    ("00:00:13;12", 13_400),
    ("01;02;03;15", 3_723_500),
    ("00;00;00;00", 0),
    ("00;00;00;29", 967),
    ("00;00;01;01", 1033),
    ("(00;00;13;12)", 13_400),
]

REJECTED: list[tuple[str, str]] = [
    ("abc", GENERIC),
    ("1:2x", GENERIC),
    ("::", GENERIC),
    ("1::2", GENERIC),
    ("1:02:", GENERIC),
    (":30", GENERIC),
    ("45", GENERIC),
    ("1.5", GENERIC),
    ("(1:02", GENERIC),
    ("1:02)", GENERIC),
    ("((1:02))", GENERIC),
    ("(1:02]", GENERIC),
    ("()", GENERIC),
    ("[ ]", GENERIC),
    ("1:02:03.5.5", GENERIC),
    ("12 : 30", GENERIC),
    ("1:02 PM", GENERIC),
    ("\uff11:02", GENERIC),
    ("+1:00", GENERIC),
    ("0x10", GENERIC),
    ("1 parsec", GENERIC),
    ("1h2", GENERIC),
    ("1h,", GENERIC),
    (",1h", GENERIC),
    ("1,000s", GENERIC),
    ("-abc", GENERIC),
    ("--1:00", GENERIC),
    ("P1D2D", GENERIC),
    ("PM", GENERIC),
    ("1h1h", "units in descending order (hours, minutes, seconds), each at most once"),
    ("3s2m", "units in descending order (hours, minutes, seconds), each at most once"),
    ("1m 1h", "units in descending order (hours, minutes, seconds), each at most once"),
    ("1:60", "seconds below 60 after minutes"),
    ("99:99", "seconds below 60 after minutes"),
    ("1:61:05", "minutes below 60 after hours"),
    ("1h 90m", "minutes below 60 after hours"),
    ("2m 75s", "seconds below 60 after minutes"),
    ("1h 60s", "seconds below 60 after hours"),
    ("1:2", "two-digit seconds after minutes"),
    ("1:02:3", "two-digit seconds after minutes"),
    ("1:2:03", "two-digit minutes after hours"),
    ("-1:00", "a time that is not negative"),
    ("\u22121:00", "a time that is not negative"),
    ("-PT1S", "a time that is not negative"),
    ("(-5m)", "a time that is not negative"),
    ("00:00:13:12", "at most three clock fields without a frame rate"),
    ("1:2:3:4", "at most three clock fields without a frame rate"),
    ("1:02:03:04:05", "at most three clock fields without a frame rate"),
    ("1:02:03.1234", "at most 3 fraction digits (milliseconds)"),
    ("45.1234s", "at most 3 fraction digits (milliseconds)"),
    ("PT1.2345S", "at most 3 fraction digits (milliseconds)"),
    ("PT", "a number and a unit in an ISO 8601 duration"),
    ("P", "a number and a unit in an ISO 8601 duration"),
    ("P1DT", 'a number and a unit after "T" in an ISO 8601 duration'),
    ("pt", "a number and a unit in an ISO 8601 duration"),
    ("p1dt", 'a number and a unit after "T" in an ISO 8601 duration'),
    ("P1Y", "an ISO 8601 duration in days, hours, minutes and seconds (not years, months, weeks)"),
    ("P1M", "an ISO 8601 duration in days, hours, minutes and seconds (not years, months, weeks)"),
    ("P2W", "an ISO 8601 duration in days, hours, minutes and seconds (not years, months, weeks)"),
    (
        "P1YT2H",
        "an ISO 8601 duration in days, hours, minutes and seconds (not years, months, weeks)",
    ),
    ("PT1.5H30M", "a fraction only on the last unit"),
    ("1.5h 30m", "a fraction only on the last unit"),
    ("00;00;13;30", "frames below the frame rate 30"),
    ("00;00;13;99", "frames below the frame rate 30"),
    ("00;61;00;00", "minutes below 60 after hours"),
    ("00;00;60;00", "seconds below 60 after minutes"),
    ("00;0;13;12", "two-digit minutes after hours"),
    (
        "00;00:13;12",
        'a timecode with semicolons everywhere ("00;00;13;12") or before frames only',
    ),
    (
        "00:00;13:12",
        'a timecode with semicolons everywhere ("00;00;13;12") or before frames only',
    ),
]


def test_tables_are_big_enough() -> None:
    assert len(ACCEPTED) >= 60
    assert len(REJECTED) >= 30
    assert len({text for text, _ in ACCEPTED}) == len(ACCEPTED)
    assert len({text for text, _ in REJECTED}) == len(REJECTED)


@pytest.mark.parametrize(("text", "ms"), ACCEPTED)
def test_parse_accepts(text: str, ms: int) -> None:
    assert Timestamp.parse(text) == Timestamp(ms)


@pytest.mark.parametrize(("text", "expected"), REJECTED)
def test_parse_rejects(text: str, expected: str) -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.parse(text)
    found = json.dumps(text.strip(), ensure_ascii=False)
    assert str(caught.value) == f"expected {expected}, found {found}"


def test_parse_rejects_with_the_exact_message() -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.parse(" 1:60 ")
    assert str(caught.value) == 'expected seconds below 60 after minutes, found "1:60"'


@pytest.mark.parametrize("text", ["", "   ", "\n", "\t \u00a0"])
def test_parse_rejects_blank_text_showing_it(text: str) -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.parse(text)
    assert str(caught.value) == f"expected {GENERIC}, found {json.dumps(text, ensure_ascii=False)}"


def test_parse_quotes_control_characters_in_messages() -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.parse('1:0"\x00')
    assert str(caught.value) == f'expected {GENERIC}, found "1:0\\"\\u0000"'


def test_parse_refuses_long_text_before_matching() -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.parse("1" * 65)
    assert str(caught.value) == (
        'expected a time of at most 64 characters, found 65 characters starting "1111111111111111"'
    )


def test_parse_accepts_64_characters() -> None:
    text = "(" + " " * 30 + "1:05" + " " * 28 + ")"
    assert len(text) == 64
    assert Timestamp.parse(text) == Timestamp(65_000)


@pytest.mark.parametrize(
    "text",
    [
        "1:" * 50_000,
        "(" * 100_000,
        "1h" * 50_000,
        " " * 100_000 + "x",
        "1" * 32 + ":" * 32,
        "1h " * 21,
        "P" + "1D" * 31,
        "9" * 7 + ":" + "9" * 7 + ":" + "9" * 7 + ".123456789" + "x" * 30,
        "1 hours, " * 7,
        ";" * 64,
    ],
)
def test_parse_is_fast_on_adversarial_text(text: str) -> None:
    started = time.perf_counter()
    with pytest.raises(TimestampError):
        Timestamp.parse(text)
    assert time.perf_counter() - started < 0.05


def test_parse_huge_numbers_stay_exact() -> None:
    assert Timestamp.parse("9999999:59:59.999").ms == 9_999_999 * H + 59 * M + 59_999
    assert Timestamp.parse("9999999:59").ms == 9_999_999 * M + 59 * S
    assert Timestamp.parse("P99999DT9999999H").ms == 99_999 * 24 * H + 9_999_999 * H


@pytest.mark.parametrize("value", [None, 12, 1.5, b"1:00", ["1:00"]])
def test_parse_needs_a_str(value: object) -> None:
    with pytest.raises(TypeError, match=r"Timestamp\.parse\(\) text must be a str, found "):
        Timestamp.parse(value)  # type: ignore[arg-type]


def test_parse_accepts_str_subclasses() -> None:
    class Text(str):
        __slots__ = ()

    assert Timestamp.parse(Text("1:05")) == Timestamp(65_000)


# --- frame rates ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "frame_rate", "ms"),
    [
        ("00:00:13:12", 25, 13_480),
        ("00:00:13:12", 24, 13_500),
        ("00:00:13:12", 29.97, 13_400),
        ("00;00;13;12", 25, 13_480),
        ("00:00:13;12", 25.0, 13_480),
        ("00;00;00;59", 60, 983),
        ("00;00;00;01", 16, 63),  # 62.5 ms rounds half up
        ("00;00;00;119", 120, 992),
        ("1:02:03:04", 25, 3_723_160),
        ("1:02:03", 25, 3_723_000),  # clocks do not use the frame rate
        ("PT1S", 25, 1000),
    ],
)
def test_frame_rate(text: str, frame_rate: float, ms: int) -> None:
    assert Timestamp.parse(text, frame_rate=frame_rate) == Timestamp(ms)


@pytest.mark.parametrize(
    ("text", "frame_rate", "message"),
    [
        ("00:00:13:25", 25, 'expected frames below the frame rate 25, found "00:00:13:25"'),
        ("00:00:13:30", 29.97, 'expected frames below the frame rate 29.97, found "00:00:13:30"'),
        ("00:00:13:12:01", 25, f'expected {GENERIC}, found "00:00:13:12:01"'),
        ("00:00:13:12.5", 25, f'expected {GENERIC}, found "00:00:13:12.5"'),
    ],
)
def test_frame_rate_rejects(text: str, frame_rate: float, message: str) -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.parse(text, frame_rate=frame_rate)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("frame_rate", "found"),
    [(0, "0"), (-25, "-25"), (0.0, "0.0"), (float("nan"), "nan"), (float("inf"), "inf")],
)
def test_frame_rate_must_be_finite_and_positive(frame_rate: float, found: str) -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.parse("00;00;13;12", frame_rate=frame_rate)
    assert str(caught.value) == f'expected a frame rate that is finite and above 0, found "{found}"'


@pytest.mark.parametrize("frame_rate", [True, "25", Decimal(25), Fraction(25)])
def test_frame_rate_must_be_a_number(frame_rate: object) -> None:
    with pytest.raises(TypeError, match="frame_rate must be an int or a float, found "):
        Timestamp.parse("00;00;13;12", frame_rate=frame_rate)  # type: ignore[arg-type]


# --- formatting -----------------------------------------------------------------------------

FORMATTED: list[tuple[int, TimeStyle, str]] = [
    (3_723_500, "short", "1:02:03.500"),
    (3_723_500, "clock", "1:02:03.500"),
    (3_723_500, "hms", "01:02:03.500"),
    (3_723_500, "hms.mmm", "01:02:03.500"),
    (3_723_500, "srt", "01:02:03,500"),
    (3_723_500, "webvtt", "01:02:03.500"),
    (3_723_500, "iso", "PT1H2M3.5S"),
    (3_723_500, "units", "1h02m03.500s"),
    (0, "short", "0:00"),
    (0, "clock", "0:00:00"),
    (0, "hms", "00:00:00"),
    (0, "hms.mmm", "00:00:00.000"),
    (0, "srt", "00:00:00,000"),
    (0, "webvtt", "00:00:00.000"),
    (0, "iso", "PT0S"),
    (0, "units", "0s"),
    (65_000, "short", "1:05"),
    (65_000, "clock", "0:01:05"),
    (65_000, "hms", "00:01:05"),
    (65_000, "hms.mmm", "00:01:05.000"),
    (65_000, "srt", "00:01:05,000"),
    (65_000, "webvtt", "00:01:05.000"),
    (65_000, "iso", "PT1M5S"),
    (65_000, "units", "1m05s"),
    (360_000_000, "short", "100:00:00"),
    (360_000_000, "clock", "100:00:00"),
    (360_000_000, "hms", "100:00:00"),
    (360_000_000, "hms.mmm", "100:00:00.000"),
    (360_000_000, "srt", "100:00:00,000"),
    (360_000_000, "webvtt", "100:00:00.000"),
    (360_000_000, "iso", "PT100H"),
    (360_000_000, "units", "100h00m00s"),
    (5, "short", "0:00.005"),
    (5, "iso", "PT0.005S"),
    (5, "units", "0.005s"),
    (3_600_000, "iso", "PT1H"),
    (3_601_050, "iso", "PT1H1.05S"),
    (3_660_000, "iso", "PT1H1M"),
    (59_999, "short", "0:59.999"),
    (59_999, "units", "59.999s"),
    (3_599_999, "short", "59:59.999"),
    (3_600_000, "short", "1:00:00"),
]


@pytest.mark.parametrize(("ms", "style", "text"), FORMATTED)
def test_format(ms: int, style: TimeStyle, text: str) -> None:
    stamp = Timestamp(ms)
    assert stamp.format(style) == text
    assert stamp.format(style=style) == text
    assert Timestamp.parse(text) == stamp


def test_format_covers_every_style() -> None:
    assert {style for _, style, _ in FORMATTED} == set(TIME_STYLES)
    assert typing.get_args(TimeStyle) == TIME_STYLES


def test_format_defaults_to_short_like_str() -> None:
    stamp = Timestamp(3_723_500)
    assert stamp.format() == str(stamp) == "1:02:03.500"
    assert str(Timestamp(754_000)) == "12:34"
    assert f"{Timestamp(1000)}" == "0:01"


@pytest.mark.parametrize("style", ["SRT", "", "seconds", "vtt"])
def test_format_rejects_unknown_styles(style: str) -> None:
    with pytest.raises(ValueError, match="expected a style among ") as caught:
        Timestamp(0).format(style)  # type: ignore[arg-type]
    assert str(caught.value).endswith(f"found {style!r}")
    assert '"short", "clock", "hms", "hms.mmm", "srt", "webvtt", "iso", "units"' in str(
        caught.value
    )


def test_repr_is_the_attrs_default() -> None:
    assert repr(Timestamp(3_723_500)) == "Timestamp(ms=3723500)"


# --- the value object -----------------------------------------------------------------------


def test_order_equality_and_hash() -> None:
    a, b, c = Timestamp(0), Timestamp(999), Timestamp(1000)
    assert a < b < c
    assert c > b >= Timestamp(999)
    assert sorted([c, a, b]) == [a, b, c]
    assert max(a, c) is c
    assert Timestamp(5) == Timestamp(5)
    assert Timestamp(5) != Timestamp(6)
    assert hash(Timestamp(5)) == hash(Timestamp(5))
    assert len({Timestamp(5), Timestamp(5), Timestamp(6)}) == 2


def test_frozen_and_slotted() -> None:
    stamp = Timestamp(5)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        stamp.ms = 6  # type: ignore[misc]
    assert not hasattr(stamp, "__dict__")
    assert attrs.evolve(stamp, ms=7) == Timestamp(7)


def test_keyword_and_positional_construction() -> None:
    assert Timestamp(ms=5) == Timestamp(5)


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (-5, ValueError, "Timestamp.ms must be >= 0, found -5"),
        (-1, ValueError, "Timestamp.ms must be >= 0, found -1"),
        (True, TypeError, "Timestamp.ms must be an int, found bool"),
        (False, TypeError, "Timestamp.ms must be an int, found bool"),
        (1.0, TypeError, "Timestamp.ms must be an int, found float"),
        ("5", TypeError, "Timestamp.ms must be an int, found str"),
        (None, TypeError, "Timestamp.ms must be an int, found NoneType"),
    ],
)
def test_validator(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        Timestamp(value)  # type: ignore[arg-type]
    assert str(caught.value) == message
    assert type(caught.value) is error


def test_validator_names_the_subclass() -> None:
    @attrs.frozen(order=False)
    class Offset(Timestamp):
        pass

    with pytest.raises(ValueError, match=r"^Offset\.ms must be >= 0, found -1$"):
        Offset(-1)
    assert Offset.parse("1:05") == Offset(65_000)
    assert type(Offset.parse("1:05")) is Offset


def test_seconds() -> None:
    assert Timestamp(0).seconds == 0.0
    assert Timestamp(1500).seconds == 1.5
    assert Timestamp(3_723_500).seconds == 3723.5
    assert isinstance(Timestamp(1000).seconds, float)


# --- conversions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seconds", "ms"),
    [
        (0, 0),
        (0.0, 0),
        (-0.0, 0),
        (1, 1000),
        (3723.5, 3_723_500),
        (0.0005, 1),  # the float is just above 0.0005
        (0.0625 / 1000, 0),
        (Fraction(1, 2000), 1),  # exactly half a millisecond rounds up
        (Fraction(1, 3), 333),
        (Decimal("0.0015"), 2),
        (Decimal("1.2344"), 1234),
        (10**20, 10**23),
        (1e300, int(Fraction(1e300) * 1000)),
    ],
)
def test_from_seconds(seconds: float | Decimal | Fraction, ms: int) -> None:
    assert Timestamp.from_seconds(seconds) == Timestamp(ms)


@pytest.mark.parametrize(
    ("seconds", "found"),
    [
        (-1, "-1"),
        (-0.0001, "-0.0001"),
        (float("nan"), "nan"),
        (float("inf"), "inf"),
        (float("-inf"), "-inf"),
        (Decimal("NaN"), "NaN"),
        (Decimal("sNaN"), "sNaN"),
        (Decimal("Infinity"), "Infinity"),
        (Decimal(-1), "-1"),
        (Fraction(-1, 3), "-1/3"),
    ],
)
def test_from_seconds_rejects(seconds: float | Decimal | Fraction, found: str) -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.from_seconds(seconds)
    assert str(caught.value) == (
        f'expected seconds that are finite and not negative, found "{found}"'
    )


@pytest.mark.parametrize("seconds", [True, "1.5", None, complex(1, 0)])
def test_from_seconds_needs_a_number(seconds: object) -> None:
    with pytest.raises(TypeError, match=r"Timestamp\.from_seconds\(\) expects a number, found "):
        Timestamp.from_seconds(seconds)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("delta", "ms"),
    [
        (timedelta(0), 0),
        (timedelta(hours=1, minutes=2, seconds=3, milliseconds=500), 3_723_500),
        (timedelta(days=2), 48 * H),
        (timedelta(microseconds=499), 0),
        (timedelta(microseconds=500), 1),  # halves round up
        (timedelta(microseconds=1499), 1),
        (timedelta(seconds=1, microseconds=999_500), 2000),
        (timedelta.max, 86_400_000_000_000_000),  # the last 999999 microseconds round up
    ],
)
def test_from_timedelta(delta: timedelta, ms: int) -> None:
    assert Timestamp.from_timedelta(delta) == Timestamp(ms)


def test_from_timedelta_rejects_negative() -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.from_timedelta(timedelta(microseconds=-1))
    assert str(caught.value) == (
        'expected a timedelta that is not negative, found "-1 day, 23:59:59.999999"'
    )


@pytest.mark.parametrize("delta", [1.5, "1:00", None])
def test_from_timedelta_needs_a_timedelta(delta: object) -> None:
    with pytest.raises(TypeError, match="must be a timedelta, found "):
        Timestamp.from_timedelta(delta)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("ms", "delta"),
    [
        (0, timedelta(0)),
        (3_723_500, timedelta(hours=1, minutes=2, seconds=3, milliseconds=500)),
        (48 * H + 1, timedelta(days=2, milliseconds=1)),
    ],
)
def test_to_timedelta(ms: int, delta: timedelta) -> None:
    assert Timestamp(ms).to_timedelta() == delta
    assert Timestamp.from_timedelta(delta) == Timestamp(ms)


def test_to_timedelta_overflows_beyond_timedelta_max() -> None:
    with pytest.raises(OverflowError):
        Timestamp(10**20).to_timedelta()


def test_from_parts() -> None:
    assert Timestamp.from_parts() == Timestamp(0)
    assert Timestamp.from_parts(hours=1, minutes=2, seconds=3, ms=500) == Timestamp(3_723_500)
    assert Timestamp.from_parts(minutes=90) == Timestamp(90 * M)
    assert Timestamp.from_parts(seconds=61, ms=1001) == Timestamp(62_001)


def test_from_parts_rejects() -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.from_parts(minutes=-1)
    assert str(caught.value) == 'expected minutes that are not negative, found "-1"'
    with pytest.raises(TypeError, match=r"^Timestamp\.from_parts\(\) hours must be an int, found"):
        Timestamp.from_parts(hours=1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"ms must be an int, found bool$"):
        Timestamp.from_parts(ms=True)


# --- the error and the module ---------------------------------------------------------------


def test_error_classes() -> None:
    assert issubclass(TimestampError, PodnotesError)
    assert issubclass(TimestampError, ValueError)
    with pytest.raises(ValueError, match="found"):
        Timestamp.parse("nope")


def test_error_pickles() -> None:
    with pytest.raises(TimestampError) as caught:
        Timestamp.parse("1:60")
    copy = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 -- our own bytes
    assert type(copy) is TimestampError
    assert str(copy) == str(caught.value)


def test_module_exports() -> None:
    assert podnotes.timestamps.__all__ == [
        "TIME_STYLES",
        "TimeStyle",
        "Timestamp",
        "TimestampError",
    ]
    assert dir(podnotes.timestamps) == podnotes.timestamps.__all__


def test_ordering_compares_milliseconds_and_refuses_other_types() -> None:
    early, late = Timestamp(5), Timestamp(7)
    assert early < late
    assert early <= late
    assert late > early
    assert late >= early
    assert early <= Timestamp(5)
    assert early >= Timestamp(5)
    assert sorted([late, early]) == [early, late]
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        with pytest.raises(TypeError):
            compare(early, 5)
