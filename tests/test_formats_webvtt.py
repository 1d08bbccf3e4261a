"""WebVTT transcripts and chapter tracks: round trips, the spec's grammar, errors, webvtt-py."""

from __future__ import annotations

import html
import importlib
import os
import re
import time
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podnotes import Chapter, Episode, SpeakerTurn, Timestamp
from podnotes import strategies as pst
from podnotes.diagnostics import ParseError, Severity, render_diagnostics
from podnotes.formats import webvtt
from podnotes.formats._registry import get_format

FIXTURES = Path(__file__).parent / "fixtures" / "formats"

# --- strategies ------------------------------------------------------------------------------

# Any character but surrogates, line breaks and NUL (the three a WebVTT text cannot hold).
_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\r\n\0")
_TRICKY = st.sampled_from(
    ["-->", "a --> b", "&amp;", "&", "<v Bob>", "</v>", "<i>x</i>", "<", ">", "NOTE x", "WEBVTT"]
)
_LINES = st.one_of(st.text(_CHARS, min_size=1, max_size=20), _TRICKY).filter(str.strip)
TEXTS = st.lists(_LINES, min_size=1, max_size=2).map("\n".join)
# Voice names: words without WebVTT whitespace, single spaces between them.
_WORDS = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters=" \t\n\f\r\0"),
    min_size=1,
    max_size=8,
)
NAMES = st.lists(_WORDS, min_size=1, max_size=3).map(" ".join).filter(str.strip)
# webvtt-py finds voice names with a Python regex, whose \s also matches controls such as
# U+001F: its tests draw names without control or separator characters.
_PLAIN_WORDS = st.text(
    st.characters(exclude_categories=["Cs", "Cc", "Zs", "Zl", "Zp"]), min_size=1, max_size=8
)
PLAIN_NAMES = st.lists(_PLAIN_WORDS, min_size=1, max_size=3).map(" ".join)
_MS = st.integers(0, 400 * 3_600_000)


def timed_turns(
    texts: st.SearchStrategy[str] = TEXTS, names: st.SearchStrategy[str] = NAMES
) -> st.SearchStrategy[list[SpeakerTurn]]:
    """Cues in any order, each with an end; a speaker or none."""
    return pst.speaker_turn_lists(
        min_size=0,
        cues=True,
        starts=_MS,
        lengths=st.integers(1, 10**7),
        texts=texts,
        names=names,
    )


@st.composite
def chapter_lists(
    draw: st.DrawFn, texts: st.SearchStrategy[str] = TEXTS
) -> tuple[list[Chapter], Timestamp | None]:
    """Chapters (some ends missing, some URLs) and a duration when the last end is missing."""
    chapters = draw(
        pst.chapter_lists(
            max_size=4,
            titles=texts,
            starts=_MS,
            with_ends=True,
            with_urls=True,
            urls=st.just("https://example.org/chapter"),
        )
    )
    duration = None
    if chapters and chapters[-1].end is None:
        duration = Timestamp(chapters[-1].start.ms + draw(st.integers(1, 10**7)))
    return chapters, duration


def carried(chapters: list[Chapter], duration: Timestamp | None) -> tuple[Chapter, ...]:
    """What a chapter track carries: starts, titles and ends (missing ones derived)."""
    out = []
    for index, chapter in enumerate(chapters):
        end = chapter.end
        if end is None:
            end = chapters[index + 1].start if index + 1 < len(chapters) else duration
        out.append(Chapter(start=chapter.start, title=chapter.title, end=end))
    return tuple(out)


# --- round trips -----------------------------------------------------------------------------


@given(timed_turns(), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(), st.booleans())
def test_transcript_round_trip_is_exact(
    turns: list[SpeakerTurn],
    newline: str,
    short: bool,  # noqa: FBT001 - drawn by hypothesis
    extras: bool,  # noqa: FBT001 - drawn by hypothesis
) -> None:
    text = webvtt.render(turns)
    assert webvtt.parse(text, strict=True).value == tuple(turns)
    assert webvtt.render(webvtt.parse(text).value) == text
    # Other spellings of the same cues parse equal (and take the line-by-line reader).
    lines = text.split("\n")
    if short:  # "00:MM:SS.mmm" as "MM:SS.mmm", as the spec allows
        clock = re.compile(r"(?<![\d:])00:(\d\d:\d\d\.\d{3})")
        lines = [clock.sub(r"\1", line) if " --> " in line else line for line in lines]
    if extras:  # a header title, a note, identifiers, cue settings, more blank lines
        lines[0] = "WEBVTT - Episode 1"
        lines[1:1] = ["", "NOTE written by hand", ""]
        lines = [
            f"\n\nid {i}\n{line} align:start" if " --> " in line else line
            for i, line in enumerate(lines)
        ]
    res = webvtt.parse("\ufeff" + "\n".join(lines).replace("\n", newline))
    assert res.value == tuple(turns)
    assert res.ok


@given(chapter_lists())
def test_chapter_round_trip_carries_starts_titles_and_ends(
    case: tuple[list[Chapter], Timestamp | None],
) -> None:
    chapters, duration = case
    text = webvtt.render_chapters(chapters, duration=duration)
    assert webvtt.parse_chapters(text, strict=True).value == carried(chapters, duration)
    assert webvtt.render_chapters(webvtt.parse_chapters(text).value) == text


@given(st.text())
def test_lenient_parse_never_raises(text: str) -> None:
    webvtt.parse(text)
    webvtt.parse_chapters(text)


@given(st.lists(st.sampled_from(["WEBVTT", "", "-->", "00:01.000", " --> ", "<v a>", "&", "x"])))
def test_lenient_parse_never_raises_on_near_webvtt(pieces: list[str]) -> None:
    text = "WEBVTT\n" + "\n".join(pieces)
    webvtt.parse(text)
    webvtt.parse_chapters(text)


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be a str, found bytes"):
        webvtt.parse(b"WEBVTT")  # type: ignore[arg-type]


def test_a_long_adversarial_line_parses_fast() -> None:
    lines = ["<" * 100_000, "<v " + "&" * 100_000, "-->" * 33_000, "00:00.000 -->" + " " * 100_000]
    text = "WEBVTT\n\n" + "\n\n".join(f"00:00.000 --> 00:01.000\n{line}" for line in lines)
    began = time.perf_counter()
    webvtt.parse(text)
    webvtt.parse_chapters(text)
    assert time.perf_counter() - began < 1.0


# --- golden files ----------------------------------------------------------------------------


def _at(ms: int) -> Timestamp:
    return Timestamp(ms)


def test_golden_transcript() -> None:
    text = (FIXTURES / "webvtt.vtt").read_bytes().decode("utf-8")
    res = webvtt.parse(text, strict=True)
    assert res.value == (
        SpeakerTurn(
            speaker="Lex Fridman",
            text="The following is a conversation with\nNathan Lambert & Sebastian Raschka.",
            start=_at(0),
            end=_at(4250),
        ),
        SpeakerTurn(
            speaker="Nathan Lambert", text="Thanks for having us <3", start=_at(4250), end=_at(9000)
        ),
        SpeakerTurn(
            speaker="Sebastian Raschka",
            text="Really glad\u00a0to be here --> finally.",
            start=_at(9000),
            end=_at(12500),
        ),
        SpeakerTurn(speaker=None, text="[Laughter]", start=_at(12500), end=_at(15000)),
        SpeakerTurn(
            speaker="Lex Fridman",
            text="Let's talk about open weights.",
            start=_at(3_723_004),
            end=_at(3_727_890),
        ),
    )
    assert [(d.code, d.line, d.severity) for d in res.diagnostics] == [
        ("webvtt.header-text", 1, Severity.INFO),
        ("webvtt.skipped-block", 5, Severity.INFO),
        ("webvtt.skipped-block", 8, Severity.INFO),
        ("webvtt.tags-removed", 20, Severity.INFO),
    ]


def test_golden_chapters() -> None:
    text = (FIXTURES / "webvtt-chapters.vtt").read_text(encoding="utf-8")
    res = webvtt.parse_chapters(text, strict=True)
    assert res.value == (
        Chapter(start=_at(0), title="Introduction", end=_at(65_000)),
        Chapter(start=_at(65_000), title="Open weights & open data", end=_at(850_500)),
        Chapter(start=_at(850_500), title="Scaling laws: <compute> vs. data", end=_at(3_723_004)),
        Chapter(start=_at(3_723_004), title="Agents", end=_at(5_400_000)),
    )
    assert [d.code for d in res.diagnostics] == ["webvtt.skipped-block"]
    # Our rendering is the fixture without the note and the identifiers; ">" stays as is.
    assert webvtt.render_chapters(res.value) == (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:01:05.000\nIntroduction\n\n"
        "00:01:05.000 --> 00:14:10.500\nOpen weights &amp; open data\n\n"
        "00:14:10.500 --> 01:02:03.004\nScaling laws: &lt;compute> vs. data\n\n"
        "01:02:03.004 --> 01:30:00.000\nAgents\n"
    )


# --- the grammar -----------------------------------------------------------------------------


def _turns(text: str) -> list[tuple[str | None, str, int, int]]:
    res = webvtt.parse(text)
    return [(t.speaker, t.text, t.start.ms, t.end.ms) for t in res.value]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("00:01.000 --> 00:02.000\nhi", [(None, "hi", 1000, 2000)]),
        ("id\n00:01.000 --> 00:02.000\nhi", [(None, "hi", 1000, 2000)]),
        ("00:01.000-->00:02.000\thi:x\nhi", [(None, "hi", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\n<v Ann>hi</v>", [("Ann", "hi", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\n<v.a.b   Ann  Lee >hi", [("Ann Lee", "hi", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\n<v Tom &amp; Jerry>hi", [("Tom & Jerry", "hi", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\n- <v Ann>hi", [("Ann", "- hi", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\n<v>hi", [(None, "hi", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\n<v Ann>a\n<v Ann>b", [("Ann", "a\nb", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\n<vx>a", [(None, "a", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\n<c.v>a &lt;b&gt; &#65;", [(None, "a <b> A", 1000, 2000)]),
        ("00:01.000 --> 00:02.000\na\n \nb", [(None, "a\n \nb", 1000, 2000)]),
        # a line holding "-->" starts a new cue, blank line or not
        (
            "00:01.000 --> 00:02.000\na\n00:03.000 --> 00:04.000\nb",
            [(None, "a", 1000, 2000), (None, "b", 3000, 4000)],
        ),
        # a NOTE directly before a timing line is that cue's identifier, as the spec says
        ("NOTE x\n00:01.000 --> 00:02.000\nhi", [(None, "hi", 1000, 2000)]),
        ("REGION\nid:x\n\n00:01.000 --> 00:02.000\nhi", [(None, "hi", 1000, 2000)]),
        ("99:00:01.000 --> 123:00:02.000\nhi", [(None, "hi", 356_401_000, 442_802_000)]),
    ],
)
def test_cues(body: str, expected: list[tuple[str | None, str, int, int]]) -> None:
    assert _turns(f"WEBVTT\n\n{body}\n") == expected


def test_header_variants() -> None:
    cue = "00:01.000 --> 00:02.000\nhi"
    assert _turns(f"\ufeffWEBVTT\r\n\r\n{cue}") == [(None, "hi", 1000, 2000)]
    assert _turns(f"WEBVTT\t-x\r{cue}") == [(None, "hi", 1000, 2000)]
    assert _turns(f"WEBVTT\nKind: captions\n{cue}") == [(None, "hi", 1000, 2000)]
    res = webvtt.parse(f"WEBVTTX\n\n{cue}")
    assert [d.code for d in res.diagnostics] == ["webvtt.no-header"]
    assert len(res.value) == 1  # lenient: the cues are read all the same


def test_line_separators_inside_a_line_are_kept() -> None:
    assert _turns("WEBVTT\n\n00:01.000 --> 00:02.000\na\u2028b\x0cc\x85") == [
        (None, "a\u2028b\x0cc\x85", 1000, 2000)
    ]


# --- diagnostics -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "rendered"),
    [
        (
            "00:01.000 --> 0:02.000\nhi",
            (
                'line 3, column 15: expected an end time such as "00:01:02.500" or "01:02.500", found "0:02.000"\n'
                "    3 | 00:01.000 --> 0:02.000\n"
                "      |               ^^^^^^^^"
            ),
        ),
        (
            "00:01:60.000 --> 00:02:00.000\nhi",
            (
                'line 3, column 1: expected a start time such as "00:01:02.500" or "01:02.500", found "00:01:60.000"\n'
                "    3 | 00:01:60.000 --> 00:02:00.000\n"
                "      | ^^^^^^^^^^^^"
            ),
        ),
        (
            "  --> 00:02.000\nhi",
            (
                'line 3, column 3: expected a start time such as "00:01:02.500" or "01:02.500", found nothing\n'
                "    3 |   --> 00:02.000\n"
                "      |   ^"
            ),
        ),
        (
            "00:05.000 --> 00:04.000\nhi",
            (
                'line 3, column 15: expected an end after the start 00:05.000, found "00:04.000"\n'
                "    3 | 00:05.000 --> 00:04.000\n"
                "      |               ^^^^^^^^^"
            ),
        ),
        (
            "Speaker: hello\nmore",
            (
                'line 3, column 1: expected a cue timing line such as "00:01:02.500 --> 00:01:05.000", found "Speaker: hello"\n'
                "    3 | Speaker: hello\n"
                "      | ^^^^^^^^^^^^^^"
            ),
        ),
    ],
)
def test_errors_render_with_a_caret(body: str, rendered: str) -> None:
    res = webvtt.parse(f"WEBVTT\n\n{body}\n")
    assert res.value == ()
    assert render_diagnostics(res.errors) == rendered
    with pytest.raises(ParseError) as caught:
        webvtt.parse(f"WEBVTT\n\n{body}\n", strict=True)
    assert caught.value.diagnostics == res.errors


@pytest.mark.parametrize(
    "clock",
    ["00:0a.000", "0x:00:01.000", "00:61.000", "60:00.000", "000:00.000", ":00:00.000",
     "00:00,000", "00:00.0000", "00:00.00", "\uff11\uff12:00.000", "123456789:00:00.000",
     "12300:00.000", "00:00:00,000"],
)  # fmt: skip
def test_bad_clocks_are_errors(clock: str) -> None:
    res = webvtt.parse(f"WEBVTT\n\n{clock} --> 99:00:00.000\nhi\n")
    assert [d.code for d in res.diagnostics] == ["webvtt.bad-timing"]


def test_the_usual_timing_spelling_with_the_end_first_is_an_error() -> None:
    res = webvtt.parse("WEBVTT\n\n00:00:05.000 --> 00:00:04.000 line:0\nhi\n")
    assert [(d.code, d.line, d.column) for d in res.diagnostics] == [
        ("webvtt.end-before-start", 3, 18)
    ]


def test_a_file_without_its_header_is_read_all_the_same() -> None:
    for text in ("00:01.000 --> 00:02.000\nhi", "1\n00:01.000 --> 00:02.000\nhi"):
        res = webvtt.parse(text)
        assert [d.code for d in res.diagnostics] == ["webvtt.no-header"]
        assert [t.text for t in res.value] == ["hi"]
    with pytest.raises(ParseError, match="1 problem"):
        webvtt.parse_chapters("00:01.000 --> 00:02.000\nhi", strict=True)


def test_missing_header_renders_with_a_caret() -> None:
    res = webvtt.parse("WEBVTT2\n")
    assert render_diagnostics(res.diagnostics) == (
        'line 1, column 1: expected "WEBVTT" first, found "WEBVTT2"\n'
        "    1 | WEBVTT2\n"
        "      | ^^^^^^^"
    )
    assert render_diagnostics(webvtt.parse("").diagnostics) == (
        'line 1, column 1: expected "WEBVTT" first, found nothing'
    )


def test_warnings_and_notes() -> None:
    text = (
        "WEBVTT\n\n"
        "00:01.000 --> 00:02.000\n<v Ann>a <v Bob>b <i>c</i> 1 < 2\n\n"
        "00:02.000 --> 00:03.000\n\n"
        "00:03.000 --> 00:04.000\n<b></b>\n"
    )
    res = webvtt.parse(text, strict=True)
    assert res.value == (
        SpeakerTurn(speaker="Ann", text="a b c 1 < 2", start=_at(1000), end=_at(2000)),
    )
    assert render_diagnostics(res.diagnostics) == "\n\n".join(
        [
            (
                'line 4, column 10: expected one voice a cue ("Ann"), found "Bob"\n'
                "    4 | <v Ann>a <v Bob>b <i>c</i> 1 < 2\n"
                "      |          ^^^^^^^"
            ),
            (
                'line 4, column 19: found the tag "<i>"; tags are removed\n'
                "    4 | <v Ann>a <v Bob>b <i>c</i> 1 < 2\n"
                "      |                   ^^^"
            ),
            (
                'line 4, column 30: expected ">" to close the tag, found the end of the line; the "<" is kept as text\n'
                "    4 | <v Ann>a <v Bob>b <i>c</i> 1 < 2\n"
                "      |                              ^"
            ),
            (
                "line 6, column 1: expected cue text after the timing line, found nothing; the cue is skipped\n"
                "    6 | 00:02.000 --> 00:03.000\n"
                "      | ^^^^^^^^^^^^^^^^^^^^^^^"
            ),
            (
                "line 8, column 1: expected cue text after the timing line, found only tags; the cue is skipped\n"
                "    8 | 00:03.000 --> 00:04.000\n"
                "      | ^^^^^^^^^^^^^^^^^^^^^^^"
            ),
        ]
    )
    assert [d.severity for d in res.diagnostics] == [Severity.WARNING, Severity.INFO] + [
        Severity.WARNING
    ] * 3


def test_chapters_out_of_order_are_errors() -> None:
    text = "WEBVTT\n\n00:05.000 --> 00:09.000\nB\n\n 00:01.000 --> 00:05.000\nA\n"
    res = webvtt.parse_chapters(text)
    assert res.value == (Chapter(start=_at(5000), title="B", end=_at(9000)),)
    assert render_diagnostics(res.diagnostics) == (
        'line 6, column 2: expected a chapter starting after 00:00:05.000, found "00:01.000"\n'
        "    6 |  00:01.000 --> 00:05.000\n"
        "      |  ^^^^^^^^^"
    )
    empty = webvtt.parse_chapters("WEBVTT\n\n00:01.000 --> 00:02.000\n<i> </i>\n")
    assert empty.value == ()
    assert [d.code for d in empty.diagnostics] == ["webvtt.empty-cue", "webvtt.tags-removed"]
    assert [
        d.code for d in webvtt.parse_chapters("WEBVTT\n\n1\n00:01.000 -> 00:02.000\nA").errors
    ] == ["webvtt.not-a-cue"]


# --- rendering -------------------------------------------------------------------------------


def test_render_writes_the_documented_shape() -> None:
    turns = [
        SpeakerTurn(speaker="Tom & <Jerry>", text="a <b> & c --> d", start=_at(0), end=_at(1)),
        SpeakerTurn(speaker=None, text="x\ny", start=_at(360_000_000), end=_at(360_000_001)),
    ]
    assert webvtt.render(turns) == (
        "WEBVTT\n\n"
        "00:00:00.000 --> 00:00:00.001\n<v Tom &amp; &lt;Jerry&gt;>a &lt;b> &amp; c --&gt; d\n\n"
        "100:00:00.000 --> 100:00:00.001\nx\ny\n"
    )
    assert webvtt.render([]) == "WEBVTT\n"
    assert webvtt.render_chapters([]) == "WEBVTT\n"


@pytest.mark.parametrize(
    ("turn", "message"),
    [
        (SpeakerTurn(speaker=None, text="a", start=_at(0)), "needs a start and an end"),
        (SpeakerTurn(speaker=None, text="a", end=_at(1)), "needs a start and an end"),
        (SpeakerTurn(speaker=None, text="a\n\nb", start=_at(0), end=_at(1)), "empty or all-space"),
        (SpeakerTurn(speaker=None, text="a\n \t", start=_at(0), end=_at(1)), "empty or all-space"),
        (SpeakerTurn(speaker=None, text="a\rb", start=_at(0), end=_at(1)), "carriage return"),
        (SpeakerTurn(speaker=None, text="a\0", start=_at(0), end=_at(1)), "NUL"),
        (SpeakerTurn(speaker="A  B", text="a", start=_at(0), end=_at(1)), "voice name"),
        (SpeakerTurn(speaker=" A", text="a", start=_at(0), end=_at(1)), "voice name"),
        (SpeakerTurn(speaker="A\tB", text="a", start=_at(0), end=_at(1)), "voice name"),
        (SpeakerTurn(speaker="A\0", text="a", start=_at(0), end=_at(1)), "voice name"),
    ],
)
def test_render_refuses_what_would_read_back_differently(turn: SpeakerTurn, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        webvtt.render([turn])


def test_render_chapters_refusals() -> None:
    a, b = Chapter(start=_at(0), title="A"), Chapter(start=_at(5000), title="B")
    with pytest.raises(ValueError, match=r"the last chapter needs an end, .* found None"):
        webvtt.render_chapters([a, b])
    with pytest.raises(ValueError, match=r"a duration after its start \(0:05\), found 0:05"):
        webvtt.render_chapters([a, b], duration=_at(5000))
    with pytest.raises(ValueError, match="strictly increasing order, found 0:00 at index 1"):
        webvtt.render_chapters([b, a], duration=_at(9000))
    with pytest.raises(ValueError, match="chapter 0's title cannot hold an empty"):
        webvtt.render_chapters([Chapter(start=_at(0), title="a\n\nb", end=_at(1))])
    assert webvtt.render_chapters([a, b], duration=_at(9000)).endswith(
        "00:00:05.000 --> 00:00:09.000\nB\n"
    )


# --- registry --------------------------------------------------------------------------------


def test_registry_entries() -> None:
    transcript, chapters = get_format("webvtt"), get_format("webvtt-chapters")
    assert transcript is webvtt.TRANSCRIPT_FORMAT
    assert chapters is webvtt.CHAPTERS_FORMAT
    turn = SpeakerTurn(speaker="A", text="hi", start=_at(0), end=_at(1000))
    chapter = Chapter(start=_at(0), title="Intro")
    episode = Episode(transcript=[turn], chapters=[chapter], duration=_at(60_000))
    text = transcript.write(episode)
    assert transcript.read is not None
    assert transcript.read(text, True).value == Episode(transcript=[turn])  # noqa: FBT003
    track = chapters.write(episode)
    assert chapters.read is not None
    assert chapters.read(track, True).value == Episode(  # noqa: FBT003
        chapters=[Chapter(start=_at(0), title="Intro", end=_at(60_000))]
    )
    assert transcript.looks_like is not None
    assert transcript.looks_like(text)
    assert transcript.looks_like("\ufeffWEBVTT\n")
    assert not transcript.looks_like("1\n00:00:00,000 --> 00:00:01,000\nx\n")


# --- a real consumer: webvtt-py --------------------------------------------------------------


def _peer(name: str) -> ModuleType:
    """Import a real consumer; missing is a failure in CI and a skip elsewhere."""
    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover - the dev group installs it
        if os.environ.get("CI"):
            raise
        pytest.skip(f"{name} is not installed")


def _ms(stamp: object) -> int:
    return stamp.in_milliseconds()  # type: ignore[attr-defined, no-any-return]


@settings(max_examples=100)
@given(timed_turns(names=PLAIN_NAMES))
def test_webvtt_py_reads_our_transcripts(turns: list[SpeakerTurn]) -> None:
    peer = _peer("webvtt")
    captions = peer.from_string(webvtt.render(turns), strict=True).captions
    assert len(captions) == len(turns)
    for caption, turn in zip(captions, turns, strict=True):
        assert turn.start is not None
        assert turn.end is not None
        assert (_ms(caption.start_time), _ms(caption.end_time)) == (turn.start.ms, turn.end.ms)
        voice = caption.voice
        assert (html.unescape(voice) if voice is not None else None) == turn.speaker
        assert html.unescape(caption.text) == turn.text


@settings(max_examples=100)
@given(chapter_lists())
def test_webvtt_py_reads_our_chapter_tracks(case: tuple[list[Chapter], Timestamp | None]) -> None:
    peer = _peer("webvtt")
    chapters, duration = case
    captions = peer.from_string(webvtt.render_chapters(chapters, duration=duration)).captions
    expected = carried(chapters, duration)
    assert [(_ms(c.start_time), _ms(c.end_time), html.unescape(c.text)) for c in captions] == [
        (c.start.ms, c.end.ms if c.end else None, c.title) for c in expected
    ]
