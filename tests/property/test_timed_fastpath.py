"""The fast paths of the timed-list reader and the page agree with the full readings.

Lines are drawn near the edges of each fast path: clocks out of range or with extra
fields, titles holding colons, Markdown, unit spellings, times of day, semicolons, angle
brackets, other scripts' digits, long titles; blocks mix them with prose and speaker lines.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import example, given
from hypothesis import strategies as st

from podnotes import timed_lists, transcript
from podnotes._lines import Line, split
from podnotes.timed_lists import (
    RowKind,
    _classify,
    _quick_item,
    _read_plain,
    _read_rows,
    _surely_text,
)

_FIELD = st.one_of(st.integers(0, 59), st.integers(0, 59), st.integers(60, 75))
_CLOCK = st.one_of(
    st.builds(lambda m, s: f"{m}:{s:02d}", st.integers(0, 120), _FIELD),
    st.builds(lambda h, m, s: f"{h}:{m:02d}:{s:02d}", st.integers(0, 120), _FIELD, _FIELD),
    st.sampled_from(
        ["0:0", "1:2:3", "00:00:00:00", "1:00.5", "1h02m", "PT5M", "\u0661:\u0660\u0660"]
    ),
)
_SEPARATOR = st.one_of(
    st.just(" "), st.sampled_from([" ", "  ", " - ", "", ") ", " AM ", " pm", " a.m. ", " Am "])
)
_WORD = st.sampled_from(["Intro", "the news", "part 2", "Q and A", "what", "AI", "Ende", "x"])
# Spellings that the full reading treats specially: times, ranges, units, Markdown, times
# of day, separators, other scripts' digits, and single marks.
_SPECIAL = st.sampled_from(
    [
        *".:;<[]()*_-|,?",
        "2m30s",
        "1h02m",
        "1h02m03s",
        "PT5M",
        "PT",
        "5:12",
        " - 5:12",
        " (3:15)",
        "[0:54]",
        "](#t=1)",
        "[x](https://e.org)",
        "**",
        "__",
        "AM ",
        "a.m. ",
        "PM",
        "\u0663h2m",
        "\u00e9",
        " 0:30 b 0:40 c",
        "Links",
        "Sponsors",
        "  ",
        "ChatGPT",
        "PTSD",
        "US:",
        "Part 5: x",
        ": \u0663\u0660",
        "\u0665:\u0663\u0660",
        "- 0:30",
        "1.",
        "[:](x)",
        "[3](y)",
        "P[T](z)5M",
        "P**T5M",
        "GPT4",
        "PT5",
        ":5",
        ": 5",
        "a:b",
        "\u0665h",
    ]
)
_TITLE = st.lists(st.one_of(_WORD, _WORD, _WORD, _SPECIAL), max_size=6).map(" ".join)
_LONG = st.sampled_from(["", "", "", "x" * 58, "y" * 62, " Model data training compute" * 3])
_ITEM = st.builds(lambda c, s, t, long: f"{c}{s}{t}{long}", _CLOCK, _SEPARATOR, _TITLE, _LONG)
_PROSE = st.one_of(
    _TITLE,
    st.sampled_from(
        [
            "Some words about the show.",
            "WEBVTT",
            "Starting point is 00:01:17",
            "Ann: Hello there.",
            "Ann: Hello again.",
            "<v Ann>Hello.",
            "[Ann] [0:01] Hi.",
            "Ann (00:00:01):",
            "0:00:00.560 --> 0:00:02.759",
            "00;00;13;12 - 00;00;51;03 Hi",
            "Episode 12 of 1h02m",
        ]
    ),
)
_LINE = st.one_of(_ITEM, _ITEM, _ITEM, _PROSE, st.just(""))
_SNIFF_TITLE = st.sampled_from(
    [
        "Intro",
        "We talk.",
        "So, what then?",
        "AM news",
        "am I right",
        "p.m. Show",
        "x" * 59,
        "y" * 60,
        "z" * 65 + "!",
        "A; b",
        "a <v Ann> b",
        "Ann: hi there.",
        "- Intro",
        "  Intro",
        "Intro ",
        "[Ann] hi",
        "Ann (0:01): hi",
    ]
)
# Lines each fast path must leave to the full reading, or read as it does.
_NEAR_MISSES = (
    "3:15 AM Call",
    "3:15 am",
    "0:00 a 2m30s b 5m10s c",
    "0:00 x 1h02m y 1h02m03s",
    "0:00 a 0:30 b 0:40 c",
    "0:00 - 5:12 Intro",
    "0:60 Intro",
    "1:60:00 Intro",
    "0:00 [Intro](https://e.org)",
    "0:00 **Intro**",
    "0:00 -",
    "0:00 PT5M PT6M PT7M",
    "0:00 \u0663h2m \u0664h2m \u0665h2m",
)


@st.composite
def _timed_block(draw: st.DrawFn) -> list[str]:
    """Lines the transcript sniff may take for segments: close times, titles from a small
    pool (so a block is often all speech, or all long), speaker lines and prose."""
    titles = draw(st.lists(_SNIFF_TITLE, min_size=1, max_size=2))
    lines: list[str] = []
    at = draw(st.integers(0, 4000))
    for _ in range(draw(st.integers(3, 9))):
        at += draw(st.integers(0, 40))
        minutes = f"{at // 60}:{at % 60:02d}"
        hours = f"{at // 3600}:{at // 60 % 60:02d}:{at % 60:02d}"
        title = draw(st.sampled_from(titles))
        lines.append(draw(st.sampled_from([f"{minutes} {title}", f"{hours} {title}", title])))
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(_PROSE))
    return lines


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


@given(st.one_of(_ITEM, st.sampled_from(_NEAR_MISSES)))
def test_a_plain_line_reads_as_the_full_reading_reads_it(text: str) -> None:
    line = split(_one_line(text) or "x")[0]
    quick = _quick_item(line, line.text) if line.text else None
    if quick is not None:
        row = _classify(line, line.text)
        assert row.items == (quick,)
        assert not row.problems
        assert (row.lead, row.trail) == ("", "")


@given(st.one_of(_LINE, _TITLE, st.sampled_from(_NEAR_MISSES)))
def test_a_line_surely_text_is_read_as_text(text: str) -> None:
    line = split(_one_line(text) or "x")[0]
    if line.text and _surely_text(line.text):
        assert _classify(line, line.text).kind is RowKind.TEXT


@given(
    st.one_of(
        st.lists(_LINE, max_size=12),
        st.lists(st.sampled_from(["0:00 Intro", "1:00 Next", "", "Prose", *_NEAR_MISSES])),
    ),
    st.integers(1, 3),
)
def test_the_one_pass_reader_agrees_with_the_full_reading(texts: list[str], minimum: int) -> None:
    lines = split("\n".join(_one_line(text) for text in texts))
    plain = _read_plain(lines, minimum)
    if plain is not None:
        with mock.patch.object(timed_lists, "_quick_item", _never):  # the full reading only
            full = _read_rows(lines, minimum)
        assert plain == full


def _never(_line: Line, _text: str) -> None:
    return None


def _every(seconds: int, titles: list[str]) -> list[str]:
    return [f"0:{seconds * index:02d} {title}" for index, title in enumerate(titles)]


@given(st.one_of(_timed_block(), _timed_block(), st.lists(_LINE, max_size=12)))
@example(_every(5, ["y" * 60] * 6))  # long titles are speech
@example(_every(5, ["We talk"] * 3 + ["We talk."] * 3))  # so are sentences
@example(_every(4, ["y" * 60] * 5 + ["am I right"] * 6))  # times of day are no segments
@example([*_every(5, ["Intro"] * 6), "Ann: Hello there.", "Ann: Hello again."])
@example(["0:00 Ann 00;00;01;00", "Hello there.", "0:05 Bob 00;00;05;00", "Hi again."])
def test_a_block_without_speech_is_no_transcript_to_the_sniff(texts: list[str]) -> None:
    lines = split("\n".join(_one_line(text) for text in texts))
    visible = [line for line in lines if line.text]
    if transcript.surely_not_transcript(visible):
        assert not transcript.looks_like_transcript(visible)
