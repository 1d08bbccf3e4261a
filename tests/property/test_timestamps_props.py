"""Properties of podnotes.timestamps: every written style reads back; parsing never crashes."""

from __future__ import annotations

import contextlib
from datetime import timedelta
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes.timestamps import TIME_STYLES, Timestamp, TimestampError, TimeStyle

THOUSAND_HOURS = 1000 * 3600 * 1000
times = st.builds(Timestamp, st.integers(0, THOUSAND_HOURS))
frame_rates = st.one_of(
    st.none(),
    st.sampled_from([23.976, 24, 25, 29.97, 30, 50, 59.94, 60, 120]),
    st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False),
)
# Characters that times are made of, so generated text often comes close to a real time.
time_alphabet = st.sampled_from(list("0123456789:;.,()[] -hmsHMSPTDYWptrinuoec\u00a0\u2212"))


@pytest.mark.parametrize("style", TIME_STYLES)
@given(stamp=times)
def test_every_style_parses_back(style: TimeStyle, stamp: Timestamp) -> None:
    assert Timestamp.parse(stamp.format(style)) == stamp


@given(stamp=times)
def test_str_parses_back(stamp: Timestamp) -> None:
    assert Timestamp.parse(str(stamp)) == stamp


@given(
    stamp=times,
    style=st.sampled_from(TIME_STYLES),
    opening=st.sampled_from(["", "(", "["]),
    inner=st.sampled_from(["", " ", "\t"]),
    outer=st.sampled_from(["", " ", "\n", "\u00a0"]),
)
def test_wrapped_spellings_parse_back(
    stamp: Timestamp, style: TimeStyle, opening: str, inner: str, outer: str
) -> None:
    closing = {"": "", "(": ")", "[": "]"}[opening]
    text = f"{outer}{opening}{inner}{stamp.format(style)}{inner}{closing}{outer}"
    assert Timestamp.parse(text) == stamp


@given(stamp=times, frame_rate=frame_rates)
def test_frame_rate_does_not_change_written_styles(
    stamp: Timestamp, frame_rate: float | None
) -> None:
    for style in TIME_STYLES:
        assert Timestamp.parse(stamp.format(style), frame_rate=frame_rate) == stamp


@given(stamp=times)
def test_format_keeps_order(stamp: Timestamp) -> None:
    later = Timestamp(stamp.ms + 1)
    assert Timestamp.parse(later.format("srt")) > Timestamp.parse(stamp.format("srt"))


@given(text=st.text())
def test_parse_raises_only_timestamp_error(text: str) -> None:
    with contextlib.suppress(TimestampError):
        Timestamp.parse(text)


@given(text=st.text(time_alphabet, max_size=40), frame_rate=frame_rates)
def test_parse_raises_only_timestamp_error_near_times(text: str, frame_rate: float | None) -> None:
    try:
        Timestamp.parse(text, frame_rate=frame_rate)
    except TimestampError as err:
        message = str(err)
    else:
        return
    assert message.startswith("expected ")
    assert ", found " in message


@given(stamp=times)
def test_timedelta_round_trip(stamp: Timestamp) -> None:
    assert Timestamp.from_timedelta(stamp.to_timedelta()) == stamp


@given(micro=st.integers(0, THOUSAND_HOURS * 1000))
def test_from_timedelta_rounds_to_nearest_ms(micro: int) -> None:
    stamp = Timestamp.from_timedelta(timedelta(microseconds=micro))
    assert abs(stamp.ms * 1000 - micro) <= 500
    assert Timestamp.from_seconds(Fraction(micro, 1_000_000)) == stamp


@given(stamp=times)
def test_seconds_round_trip(stamp: Timestamp) -> None:
    assert Timestamp.from_seconds(stamp.seconds) == stamp


@given(a=times, b=times)
def test_order_follows_ms(a: Timestamp, b: Timestamp) -> None:
    assert (a < b) == (a.ms < b.ms)
    assert (a == b) == (hash(a) == hash(b) and a.ms == b.ms)
