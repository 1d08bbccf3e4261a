"""Properties of transcript parsing: every layout round-trips, and nothing ever breaks.

Each renderer below writes a list of turns the way one layout does; parsing the text back
(strictly) must give the same turns, times and derived ends included.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes import _speakers, transcript
from podnotes import strategies as pst
from podnotes._lines import split
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp, TimestampError

# --- strategies ------------------------------------------------------------------------------

# Odd characters after each sentence stress the reader (podnotes.strategies.speech).
_ODD = "abcdefghijklmnopqrstuvwxyzéüßø.,?…"


def sentences() -> st.SearchStrategy[str]:
    """One line of speech: lower-case words, so it never reads as a label, name or time."""
    return pst.speech(max_paragraphs=1, extra_chars=_ODD)


def names() -> st.SearchStrategy[str]:
    """A speaker name the strict label test accepts: ``Ada``, ``Speaker 2``, ``Ada de Vries``."""
    return pst.speaker_names()


def timed_turns(
    *, named: bool, whole: bool = False, paragraphs: bool = True
) -> st.SearchStrategy[list[SpeakerTurn]]:
    """Turns with strictly increasing starts, each ending where the next one starts."""
    texts = pst.speech(max_paragraphs=2 if paragraphs else 1, extra_chars=_ODD)
    return pst.speaker_turn_lists(named=named, whole_seconds=whole, texts=texts)


def untimed_turns() -> st.SearchStrategy[list[SpeakerTurn]]:
    return pst.speaker_turn_lists(timed=False, texts=pst.speech(extra_chars=_ODD))


def cue_turns() -> st.SearchStrategy[list[SpeakerTurn]]:
    """Cues with their own ends (milliseconds), a speaker or none."""
    return pst.speaker_turn_lists(cues=True, texts=sentences())


@st.composite
def frame_turns(draw: st.DrawFn) -> list[SpeakerTurn]:
    """Turns with timecode ranges (frames at 30), each named: the range-line layout."""
    count = draw(st.integers(1, 5))
    turns = []
    at = draw(st.integers(0, 36_000_000))
    for _ in range(count):
        start = Timestamp.parse(_timecode(at // 1000, draw(st.integers(0, 29))))
        end_s = at // 1000 + draw(st.integers(1, 120))
        end = Timestamp.parse(_timecode(end_s, draw(st.integers(0, 29))))
        turns.append(
            SpeakerTurn(speaker=draw(names()), text=draw(sentences()), start=start, end=end)
        )
        at = start.ms + draw(st.integers(0, 60_000))
    return turns


def _timecode(seconds: int, frame: int) -> str:
    return f"{seconds // 3600:02d};{seconds // 60 % 60:02d};{seconds % 60:02d};{frame:02d}"


def _to_timecode(stamp: Timestamp) -> str:
    seconds, ms = divmod(stamp.ms, 1000)
    frame = next(f for f in range(30) if Timestamp.parse(_timecode(seconds, f)).ms == stamp.ms)
    assert ms == Timestamp.parse(_timecode(0, frame)).ms
    return _timecode(seconds, frame)


# --- renderers: one per layout ---------------------------------------------------------------


def _hms(stamp: Timestamp | None) -> str:
    assert stamp is not None
    return stamp.format("hms")


def _paragraphs(text: str) -> str:
    return text.replace("\n", "\n\n")


def render_name_colon(turns: list[SpeakerTurn]) -> str:
    return "\n\n".join(f"{t.speaker}: {_paragraphs(t.text)}" for t in turns)


def render_bold_name_colon(turns: list[SpeakerTurn]) -> str:
    return "\n".join(f"**{t.speaker}:** {_paragraphs(t.text)}" for t in turns)


def render_upper_name_colon(turns: list[SpeakerTurn]) -> str:
    return "\n".join(f"{t.speaker}: {_paragraphs(t.text)}" for t in turns)


def render_name_time_line(turns: list[SpeakerTurn]) -> str:
    return "\n\n".join(f"{t.speaker} ({_hms(t.start)}):\n{_paragraphs(t.text)}" for t in turns)


def render_name_bare_time(turns: list[SpeakerTurn]) -> str:
    return "\n\n".join(f"{t.speaker} {t.start}\n{_paragraphs(t.text)}" for t in turns)


def render_time_name_colon(turns: list[SpeakerTurn]) -> str:
    return "\n".join(f"[{_hms(t.start)}] {t.speaker}: {_paragraphs(t.text)}" for t in turns)


def render_name_line_timed_text(turns: list[SpeakerTurn]) -> str:
    return "\n".join(f"{t.speaker}\n({_hms(t.start)}) {_paragraphs(t.text)}" for t in turns)


def render_bracket_name_time(turns: list[SpeakerTurn]) -> str:
    return "\n".join(f"[{t.speaker}] [{t.start}] {_paragraphs(t.text)}" for t in turns)


def render_timed_text(turns: list[SpeakerTurn]) -> str:
    return "\n\n".join(f"{_hms(t.start)} {_paragraphs(t.text)}" for t in turns)


def render_time_line(turns: list[SpeakerTurn]) -> str:
    return "\n\n".join(f"{_hms(t.start)}\n{t.speaker}\n{_paragraphs(t.text)}" for t in turns)


def render_starting_point(turns: list[SpeakerTurn]) -> str:
    return "\n\n".join(f"Starting point is {_hms(t.start)}\n{_paragraphs(t.text)}" for t in turns)


def render_range_line(turns: list[SpeakerTurn]) -> str:
    return "\n\n".join(
        f"{_to_timecode(t.start)} - {_to_timecode(t.end)}\n{t.speaker}\n{t.text}"  # type: ignore[arg-type]
        for t in turns
    )


def render_webvtt(turns: list[SpeakerTurn]) -> str:
    cues = [
        f"{i}\n{_cue(t.start, 'webvtt')} --> {_cue(t.end, 'webvtt')}\n"
        + (f"<v {t.speaker}>{t.text}</v>" if t.speaker else t.text)
        for i, t in enumerate(turns, start=1)
    ]
    return "WEBVTT - A title\n\n" + "\n\n".join(cues)


def render_srt(turns: list[SpeakerTurn]) -> str:
    return "\n\n".join(
        f"{i}\n{_cue(t.start, 'srt')} --> {_cue(t.end, 'srt')}\n"
        + (f"{t.speaker}: {t.text}" if t.speaker else t.text)
        for i, t in enumerate(turns, start=1)
    )


def _cue(stamp: Timestamp | None, style: str) -> str:
    assert stamp is not None
    return stamp.format(style)  # type: ignore[arg-type]


Renderer = Callable[[list[SpeakerTurn]], str]

ROUND_TRIPS: list[tuple[Renderer, st.SearchStrategy[list[SpeakerTurn]]]] = [
    (render_name_colon, untimed_turns()),
    (render_bold_name_colon, untimed_turns()),
    (render_upper_name_colon, untimed_turns().map(lambda ts: [_upper(t) for t in ts])),
    (render_name_time_line, timed_turns(named=True)),
    (render_name_bare_time, timed_turns(named=True)),
    (render_time_name_colon, timed_turns(named=True)),
    (render_name_line_timed_text, timed_turns(named=True)),
    (render_bracket_name_time, timed_turns(named=True)),
    (render_timed_text, timed_turns(named=False)),
    (render_time_line, timed_turns(named=True, whole=True)),
    (render_starting_point, timed_turns(named=False, whole=True)),
    (render_range_line, frame_turns()),
    (render_webvtt, cue_turns()),
    (render_srt, cue_turns()),
]


def _upper(turn: SpeakerTurn) -> SpeakerTurn:
    return attrs.evolve(turn, speaker=(turn.speaker or "").upper())


@pytest.mark.parametrize(
    ("render", "strategy"),
    ROUND_TRIPS,
    ids=[r.__name__.removeprefix("render_") for r, _ in ROUND_TRIPS],
)
@given(data=st.data())
def test_every_layout_round_trips(
    render: Renderer, strategy: st.SearchStrategy[list[SpeakerTurn]], data: st.DataObject
) -> None:
    turns = data.draw(strategy)
    text = render(turns)
    assert list(transcript.parse(text, strict=True).value) == turns
    assert list(transcript.iter_turns(text.splitlines())) == turns


# --- robustness ------------------------------------------------------------------------------


@given(st.text())
def test_lenient_parse_never_raises_and_agrees_everywhere(text: str) -> None:
    parsed = transcript.parse(text)
    assert parsed.value == tuple(transcript.iter_turns(text.splitlines()))
    assert parsed.value == transcript.read_transcript(split(text)).turns
    for turn in parsed.value:
        attrs.validate(turn)
        if turn.start is not None:
            attrs.validate(turn.start)
    transcript.looks_like_transcript(split(text))


_LINES = st.one_of(
    sentences(),
    names(),
    names().map(lambda n: f"{n}:"),
    st.tuples(names(), sentences()).map(": ".join),
    st.tuples(names(), st.integers(0, 10_000)).map(lambda p: f"{p[0]} ({Timestamp(p[1] * 1000)}):"),
    st.integers(0, 10_000).map(lambda s: f"[{Timestamp(s * 1000)}]"),
    st.tuples(st.integers(0, 99), st.integers(0, 99), sentences()).map(
        lambda p: f"{p[0]:02d}:{p[1]:02d} {p[2]}"
    ),
    st.sampled_from(["[Music]", "[laughs] ok", "Note: x", "**Break**: ad", "3:1 odds", ""]),
)


@given(st.lists(_LINES, max_size=30))
def test_no_word_is_lost(lines: list[str]) -> None:
    text = "\n".join(lines)
    parsed = transcript.parse(text)
    kept = " ".join(
        [t.text for t in parsed.value]
        + [t.speaker or "" for t in parsed.value]
        + [d.message for d in parsed.diagnostics]
    )
    flagged = {d.line for d in parsed.diagnostics}
    for number, line in enumerate(lines, start=1):
        if number not in flagged:
            for word in re.findall(r"[^\W\d_]+", line):
                assert word in kept, (word, line)


@given(st.from_regex(_speakers.TIME, fullmatch=True))
def test_time_reader_agrees_with_timestamp_parse(token: str) -> None:
    try:
        expected: int | None = Timestamp.parse(token).ms
    except TimestampError:
        expected = None
    assert _speakers.read_ms(token) == expected


@given(st.lists(names(), min_size=1, max_size=6))
def test_aliases_point_at_labels_that_are_not_aliases(labels: list[str]) -> None:
    aliases = _speakers.group_aliases(labels)
    assert set(aliases) <= set(labels)
    assert all(target in labels and target not in aliases for target in aliases.values())
