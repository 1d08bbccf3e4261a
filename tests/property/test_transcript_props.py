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
from podnotes._lines import clean, split
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp, TimestampError

# --- strategies ------------------------------------------------------------------------------

_OPENERS = ("so", "and", "well", "we", "it", "they", "you", "then", "now", "maybe", "i")
_SPEECH = (
    "model data think about training open weights people code that what makes work scale "
    "compute agents tools search check answers années über straße før à"
)
_WORDS = _SPEECH.split()
_TOKENS = tuple(w + p for w in _WORDS for p in ("", "", ",", ".", "?", "!", "…"))


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """One line of speech: lower-case words, so it never reads as a label, name or time."""
    opener = draw(st.sampled_from(_OPENERS))
    words = draw(st.lists(st.sampled_from(_TOKENS), max_size=6))
    odd = draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyzéüßø.,?", max_size=6))
    return " ".join([opener, *words, odd]).rstrip()


def texts(*, paragraphs: bool) -> st.SearchStrategy[str]:
    """A turn's text: one line, or paragraphs joined with newlines."""
    most = 2 if paragraphs else 1
    return st.lists(sentences(), min_size=1, max_size=most).map("\n".join)


_NAMES = (
    "Ada Brook Cy Lenny Rachitsky Lex Fridman Nathan José Núñez Émile Åsa Zoë O'Brien "
    "Jean-Luc Mary-Kate JCal ADA LEX Q Dr. St."
)
_NAME_WORDS = _NAMES.split()


@st.composite
def names(draw: st.DrawFn) -> str:
    """A speaker name the strict label test accepts: ``Ada``, ``Speaker 2``, ``Ada de Vries``."""
    kind = draw(st.integers(0, 3))
    word = st.sampled_from(_NAME_WORDS)
    if kind == 0:
        name = f"{draw(st.sampled_from(['Speaker', 'Guest', 'Host']))} {draw(st.integers(1, 12))}"
    elif kind == 1:
        name = f"{draw(word)} {draw(st.sampled_from(['de', 'van', 'al']))} {draw(word)}"
    else:
        name = " ".join(draw(st.lists(word, min_size=1, max_size=3)))
    return name.removesuffix(".")


def _increasing(draw: st.DrawFn, count: int, *, whole: bool) -> list[int]:
    step = st.integers(1, 600) if whole else st.integers(1, 600_000)
    first = draw(st.integers(0, 3_600) if whole else st.integers(0, 3_600_000))
    times = [first]
    for _ in range(count - 1):
        times.append(times[-1] + draw(step))
    return [t * 1000 for t in times] if whole else times


@st.composite
def timed_turns(
    draw: st.DrawFn, *, named: bool, whole: bool = False, paragraphs: bool = True
) -> list[SpeakerTurn]:
    """Turns with strictly increasing starts, each ending where the next one starts."""
    count = draw(st.integers(1, 5))
    starts = [Timestamp(ms) for ms in _increasing(draw, count, whole=whole)]
    ends: list[Timestamp | None] = [*starts[1:], None]
    return [
        SpeakerTurn(
            speaker=draw(names()) if named else None,
            text=draw(texts(paragraphs=paragraphs)),
            start=start,
            end=end,
        )
        for start, end in zip(starts, ends, strict=True)
    ]


@st.composite
def untimed_turns(draw: st.DrawFn) -> list[SpeakerTurn]:
    count = draw(st.integers(1, 5))
    return [
        SpeakerTurn(speaker=draw(names()), text=draw(texts(paragraphs=True))) for _ in range(count)
    ]


@st.composite
def cue_turns(draw: st.DrawFn, *, frames: bool = False) -> list[SpeakerTurn]:
    """Turns with their own ends: cues (milliseconds) or timecode ranges (frames at 30)."""
    count = draw(st.integers(1, 5))
    turns = []
    at = draw(st.integers(0, 36_000_000))
    for _ in range(count):
        if frames:
            start = Timestamp.parse(_timecode(at // 1000, draw(st.integers(0, 29))))
            end_s = at // 1000 + draw(st.integers(1, 120))
            end = Timestamp.parse(_timecode(end_s, draw(st.integers(0, 29))))
        else:
            start = Timestamp(at)
            end = Timestamp(at + draw(st.integers(1, 60_000)))
        speaker = draw(st.none() | names()) if not frames else draw(names())
        turns.append(
            SpeakerTurn(speaker=speaker, text=draw(texts(paragraphs=False)), start=start, end=end)
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
    (render_range_line, cue_turns(frames=True)),
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


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\n\r")))
def test_fast_cleaning_agrees_with_clean(raw: str) -> None:
    assert transcript._text_of(raw) == clean(raw)  # noqa: SLF001


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
