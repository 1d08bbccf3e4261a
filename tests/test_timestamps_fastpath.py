"""The fast path of Timestamp.parse: the same values and the same errors as the full path."""

from __future__ import annotations

import copy
import pickle
from typing import TYPE_CHECKING

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import podnotes.timestamps
from podnotes._timeparse import read_common, read_time
from podnotes.timestamps import Timestamp, TimestampError, _read_ms

if TYPE_CHECKING:
    from collections.abc import Callable

H = 3_600_000
M = 60_000
S = 1000

# Spellings the fast path reads, with their values worked out by hand.
FAST: list[tuple[str, int]] = [
    ("0:00", 0),
    ("8:04", 8 * M + 4 * S),
    ("37:04", 37 * M + 4 * S),
    ("64:40", H + 4 * M + 40 * S),
    ("9999999:59", 9_999_999 * M + 59 * S),
    ("17:16:06", 17 * H + 16 * M + 6 * S),
    ("02:45:54", 2 * H + 45 * M + 54 * S),
    ("100:00:00", 100 * H),
    ("10:28:52.5", 10 * H + 28 * M + 52 * S + 500),
    ("1:02:03.05", H + 2 * M + 3 * S + 50),
    ("1:02:03,005", H + 2 * M + 3 * S + 5),
    ("0:59.999", 59_999),
    ("18h02m46s", 18 * H + 2 * M + 46 * S),
    ("1H2M3S", H + 2 * M + 3 * S),
    ("62m", 62 * M),
    ("90s", 90 * S),
    ("3m20s", 3 * M + 20 * S),
    ("1h59s", H + 59 * S),
    ("PT8H58M40S", 8 * H + 58 * M + 40 * S),
    ("pt62m", 62 * M),
    ("PT1H90M", H + 90 * M),
    ("PT45.5S", 45_500),
    ("PT1M0,25S", M + 250),
    ("PT0S", 0),
]

# Texts the fast path leaves to the full path: other spellings, wrappers, and every error.
SLOW: list[str] = [
    "",
    " 1:05",
    "1:05 ",
    "(1:05)",
    "[00:54]",
    "-1:00",
    "1:2",
    "1:60",
    "1:2:03",
    "1:61:05",
    "1:02:03.1234",
    "12345678:00",
    "00:00:13:12",
    "00;00;13;12",
    "00:00:13;12",
    "1h 2m",
    "1.5h",
    "2 mins",
    "1h90m",
    "1h60m",
    "12345678h",
    "PT12345678H",
    "2m75s",
    "3s2m",
    "h",
    "P1DT2H",
    "PT1.5H",
    "PT",
    "P1Y",
    "PT1.2345S",
    "\u0663:00",
]


@pytest.mark.parametrize(("text", "ms"), FAST)
def test_common_spellings_skip_the_full_path(
    text: str, ms: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_text: object, _rate: object) -> int:
        pytest.fail(f"the full path read {text!r}")

    monkeypatch.setattr(podnotes.timestamps, "_read_ms", refuse)
    stamp = Timestamp.parse(text)
    assert type(stamp) is Timestamp
    assert stamp.ms == ms


@pytest.mark.parametrize(("text", "ms"), FAST)
def test_common_spellings_agree_with_the_full_path(text: str, ms: int) -> None:
    assert read_common(text) == ms
    assert read_time(text, None) == ms


@pytest.mark.parametrize("text", SLOW)
def test_other_texts_take_the_full_path(text: str) -> None:
    assert read_common(text) is None


@pytest.mark.parametrize("text", ["1:05", "1h02m03s", "PT1S"])
def test_a_frame_rate_takes_the_full_path(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[object] = []

    def spy(text: object, rate: object) -> int:
        seen.append(rate)
        return _read_ms(text, rate)

    monkeypatch.setattr(podnotes.timestamps, "_read_ms", spy)
    assert Timestamp.parse(text, frame_rate=25) == Timestamp.parse(text)
    assert seen == [25]


def test_bad_frame_rate_is_still_refused_on_a_common_spelling() -> None:
    with pytest.raises(TimestampError, match="a frame rate that is finite and above 0"):
        Timestamp.parse("1:05", frame_rate=0)
    with pytest.raises(TypeError, match="frame_rate must be an int or a float"):
        Timestamp.parse("1:05", frame_rate=True)


def test_subclasses_are_built_by_their_constructor() -> None:
    @attrs.frozen(order=False)
    class Late(Timestamp):
        pass

    stamp = Late.parse("1:05")
    assert type(stamp) is Late
    assert stamp.ms == 65 * S


def test_str_subclasses_take_the_full_path() -> None:
    class Text(str):
        __slots__ = ()

    assert Timestamp.parse(Text("1:05")) == Timestamp(65 * S)


@pytest.mark.parametrize(("text", "ms"), FAST[::4])
def test_fast_timestamps_are_the_timestamps_init_makes(text: str, ms: int) -> None:
    fast, made = Timestamp.parse(text), Timestamp(ms)
    assert fast == made
    assert hash(fast) == hash(made)
    assert repr(fast) == repr(made)
    assert attrs.asdict(fast) == attrs.asdict(made)
    assert pickle.loads(pickle.dumps(fast)) == made  # noqa: S301 -- our own bytes
    assert copy.deepcopy(fast) == made
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.ms = 0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("value", "error", "message"),
    [
        (-1, ValueError, "Timestamp.ms must be >= 0, found -1"),
        (True, TypeError, "Timestamp.ms must be an int, found bool"),
        (1.5, TypeError, "Timestamp.ms must be an int, found float"),
    ],
)
def test_init_still_validates(value: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        Timestamp(value)  # type: ignore[arg-type]


# --- the properties: generated texts near the fast spellings --------------------------------


def _number(value: int, width: int) -> str:
    return f"{value:0{width}d}"


# Numbers around the limits (59, 60, two digits, seven digits) ...
_numbers = st.one_of(
    st.sampled_from(["0", "00", "5", "05", "59", "60", "61", "99", "059", "1234567", "12345678"]),
    st.builds(_number, st.integers(0, 150), st.integers(1, 3)),
)
# ... and, twice as often, a field that is right after a larger one, so many texts read; or
# one digit, which is right only first.
_in_range = st.integers(0, 59).map("{:02d}".format)
_fields = st.one_of(_in_range, _in_range, _numbers, st.integers(0, 9).map(str))
_fractions = st.one_of(
    st.sampled_from(["", "", ".", ","]),
    st.builds(
        lambda mark, digits: mark + digits, st.sampled_from(".,"), st.integers(0, 999).map(str)
    ),
    st.builds(
        lambda mark, digits: mark + digits,
        st.sampled_from(".,"),
        st.text("0123456789", min_size=3, max_size=5),
    ),
)
clocks = st.builds(
    lambda lead, fields, fraction: ":".join([lead, *fields]) + fraction,
    _numbers,
    st.one_of(st.lists(_fields, min_size=1, max_size=2), st.lists(_numbers, max_size=3)),
    _fractions,
)
# Units in order ("hm", "ms", "hms") as often as in any order, case or count.
_letters = st.one_of(
    st.sets(st.sampled_from("hms"), min_size=1).map(lambda got: [u for u in "hms" if u in got]),
    st.lists(st.sampled_from("hHmMsSd"), min_size=1, max_size=3),
)


def _compose(letters: list[str], numbers: list[str], fraction: str) -> str:
    """``numbers[i] + letters[i]`` each, with ``fraction`` before the last letter."""
    text = "".join(number + letter for number, letter in zip(numbers, letters, strict=False))
    return text[:-1] + fraction + text[-1:]


_unit_numbers = st.builds(lambda lead, rest: [lead, *rest], _numbers, st.lists(_fields, max_size=2))
units = st.builds(_compose, _letters, _unit_numbers, st.one_of(st.just(""), _fractions))
isos = st.builds(
    lambda lead, body: lead + body,
    st.one_of(st.sampled_from(["PT", "pt"]), st.sampled_from(["P", "P1DT", "T", "PT1D", "Pt"])),
    st.one_of(units.map(str.upper), units, st.just("")),
)
# Pieces of every spelling, shuffled: catches what the shapes above do not think of.
pieces = st.lists(
    st.one_of(
        st.text("0123456789", min_size=1, max_size=8),
        st.sampled_from([":", ".", ",", ";", "h", "m", "s", "H", "M", "S", "P", "T", "D"]),
        st.sampled_from([" ", "(", ")", "[", "]", "-", "\u2212", "x", "\u0663", "\u00a0"]),
    ),
    max_size=8,
).map("".join)


def _outcome(read: Callable[[], Timestamp]) -> tuple[str, int | str]:
    try:
        stamp = read()
    except TimestampError as error:
        return "error", str(error)
    assert type(stamp) is Timestamp
    return "value", stamp.ms


def _check_agreement(text: str) -> None:
    fast = read_common(text)
    if fast is not None:
        assert fast == read_time(text, None)
    full = _outcome(lambda: Timestamp(_read_ms(text, None)))
    assert _outcome(lambda: Timestamp.parse(text)) == full


# One property per family, so each gets the whole example budget.
@given(text=clocks)
@example(text="1:02:03.5")
@example(text="1:60")
def test_fast_path_agrees_with_full_path_on_clocks(text: str) -> None:
    _check_agreement(text)


@given(text=units)
@example(text="1h02m03s")
@example(text="1h60m")
def test_fast_path_agrees_with_full_path_on_units(text: str) -> None:
    _check_agreement(text)


@given(text=isos)
@example(text="PT1H2M3.5S")
@example(text="PT")
def test_fast_path_agrees_with_full_path_on_iso(text: str) -> None:
    _check_agreement(text)


@given(text=pieces)
def test_fast_path_agrees_with_full_path_on_pieces(text: str) -> None:
    _check_agreement(text)
