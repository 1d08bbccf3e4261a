"""podnotes._dates: the dates pages write, read with dateutil under our own rules."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from podnotes import _dates
from podnotes._dates import DateResult, parse_date
from podnotes.diagnostics import Severity

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("July 19, 2021", D(2021, 7, 19)),
        ("19 July 2021", D(2021, 7, 19)),
        ("Jul 19 2021", D(2021, 7, 19)),
        ("Jul. 19, 2021", D(2021, 7, 19)),
        ("19th of July, 2021", D(2021, 7, 19)),
        ("July 19th, 2021", D(2021, 7, 19)),
        ("2021-07-19", D(2021, 7, 19)),
        ("2021/07/19", D(2021, 7, 19)),
        ("20210719", D(2021, 7, 19)),
        ("Mon, 19 Jul 2021 10:00:00 GMT", D(2021, 7, 19)),
        ("Mon, 19 Jul 2021 10:00:00 +0000", D(2021, 7, 19)),
        ("19.07.2021", D(2021, 7, 19)),
        ("19/07/2021", D(2021, 7, 19)),
        ("  July 19, 2021  ", D(2021, 7, 19)),
        ("2026-03-25T11:00:00Z", D(2026, 3, 25)),
        ("2026-03-25T11:00:00.250+00:00", D(2026, 3, 25)),
        ("2021-07-19 10:00", D(2021, 7, 19)),
        ("1774436400000", D(2026, 3, 25)),
        ("1626688800", D(2021, 7, 19)),
        ("July 19, 2021 at 10:00 am PDT", D(2021, 7, 19)),
        ("Tuesday, February 29, 2028", D(2028, 2, 29)),
    ],
)
def test_accepted_spellings(text: str, expected: dt.date) -> None:
    result = parse_date(text)
    assert result.value == expected
    assert all(note.severity is not Severity.ERROR for note in result.notes)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "date.empty"),
        ("   ", "date.empty"),
        ("July 19", "date.no-year"),
        ("07/19", "date.no-year"),
        ("19/07", "date.unreadable"),
        ("Monday", "date.no-year"),
        ("10:00", "date.no-year"),
        ("July 2021", "date.partial"),
        ("2021", "date.bare-number"),
        ("2021-07", "date.partial"),
        ("Feb 30 2021", "date.unreadable"),
        ("2021-02-30", "date.invalid"),
        ("20210230", "date.invalid"),
        ("someday soon", "date.unreadable"),
        ("Published on July 19, 2021 by Lex", "date.unreadable"),
        ("Jul 19 202", "date.out-of-range"),
        ("July 19, 1850", "date.out-of-range"),
        ("9999-12-31T23:00-05:00", "date.out-of-range"),
        ("12345", "date.bare-number"),
        ("\u0661\u0669 July 2021", "date.digits"),
        ("July 19, 2021 " + "x" * 60, "date.too-long"),
        ("000:" + "2" * 39, "date.unreadable"),  # dateutil raised decimal.InvalidOperation
    ],
)
def test_refused_with_one_error(text: str, code: str) -> None:
    result = parse_date(text)
    assert result.value is None
    assert [(n.code, n.severity) for n in result.notes] == [(code, Severity.ERROR)]
    assert result.notes[0].message.startswith("expected ")


def test_refusal_message_names_what_was_found() -> None:
    assert parse_date("July 19").notes[0].message == (
        'expected a date with a year, found "July 19"'
    )
    assert parse_date("July 2021").notes[0].message == (
        'expected a date with a day, found "July 2021"'
    )


def test_default_never_leaks_into_a_partial_date() -> None:
    # Whatever the day of the year, a missing year is refused, not filled in.
    for text in ("Feb 29", "Dec 31", "Jan 1", "29 February"):
        assert parse_date(text).value is None


@pytest.mark.parametrize(
    ("text", "expected", "other"),
    [
        ("07/08/2021", D(2021, 7, 8), "2021-08-07"),  # slash: month first
        ("07.08.2021", D(2021, 8, 7), "2021-07-08"),  # dot: day first
        ("07-08-2021", D(2021, 8, 7), "2021-07-08"),  # dash: day first
    ],
)
def test_ambiguous_order_is_decided_and_reported(text: str, expected: dt.date, other: str) -> None:
    result = parse_date(text)
    assert result.value == expected
    (note,) = result.notes
    assert note.code == "date.ambiguous-order"
    assert note.severity is Severity.WARNING
    assert note.fragment == text
    assert expected.isoformat() in note.message
    assert other in note.message


@pytest.mark.parametrize("text", ["19/07/2021", "07/07/2021", "2021/07/08", "13.12.2021"])
def test_unambiguous_numeric_dates_have_no_note(text: str) -> None:
    assert parse_date(text).notes == ()


def test_two_digit_year_is_noted() -> None:
    result = parse_date("7/19/21")
    assert result.value == D(2021, 7, 19)
    assert [n.code for n in result.notes] == ["date.two-digit-year"]


def test_epoch_is_noted_as_info() -> None:
    result = parse_date("1774436400000")
    assert [(n.code, n.severity) for n in result.notes] == [("date.epoch", Severity.INFO)]
    assert "milliseconds" in result.notes[0].message


def test_zone_gives_the_utc_day_and_says_so() -> None:
    result = parse_date("2021-07-19T23:30:00-05:00")
    assert result.value == D(2021, 7, 20)
    assert [n.code for n in result.notes] == ["date.utc-day"]
    late = parse_date("Mon, 19 Jul 2021 22:00:00 PDT")
    assert late.value == D(2021, 7, 20)
    assert [n.code for n in late.notes] == ["date.utc-day"]


def test_naive_times_keep_their_day() -> None:
    assert parse_date("2021-07-19 23:30").value == D(2021, 7, 19)


def test_unknown_zone_is_ignored_with_a_warning_and_no_python_warning() -> None:
    # filterwarnings=error would turn dateutil's UnknownTimezoneWarning into a failure.
    result = parse_date("July 19 2021 10am XYZ")
    assert result.value == D(2021, 7, 19)
    assert [(n.code, n.fragment) for n in result.notes] == [("date.unknown-zone", "XYZ")]


def test_weekday_that_disagrees_is_reported() -> None:
    result = parse_date("Tue, 19 Jul 2021")
    assert result.value == D(2021, 7, 19)
    (note,) = result.notes
    assert note.code == "date.weekday-mismatch"
    assert note.fragment == "Tue"
    assert "Monday" in note.message


def test_unknown_leading_word_is_not_a_weekday() -> None:
    assert parse_date("Jul 19 2021").notes == ()


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be str, found bytes"):
        parse_date(b"2021-07-19")  # type: ignore[arg-type]


def test_result_is_a_frozen_value() -> None:
    assert parse_date("2021-07-19") == DateResult(value=D(2021, 7, 19))


def test_long_adversarial_input_is_refused_fast() -> None:
    start = time.perf_counter()
    for text in ("1" * 100_000, "July " * 20_000, "-" * 100_000, "2021-07-19" * 10_000):
        assert parse_date(text).value is None
    assert time.perf_counter() - start < 1.0


def test_module_lists_only_public_names() -> None:
    assert dir(_dates) == _dates.__all__


def test_a_page_whose_head_holds_a_clock_of_many_digits_parses() -> None:
    # Found by fuzzing: the head's date reader let dateutil's decimal error out of parse().
    import podnotes  # noqa: PLC0415 -- only this test reads a whole page

    page = "1\r\n000:" + "2" * 39 + "\n\r\n2\r\n00:00:03,000 --> 00:00:04,50:00:01,2"
    assert podnotes.parse(page).value is not None
