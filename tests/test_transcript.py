"""Transcripts: one test per layout, the rules every layout shares, and the diagnostics.

Every text here is written for these tests.
"""

from __future__ import annotations

import gc
import pickle
import time
from collections.abc import Iterator

import attrs
import pytest

from podnotes import _speakers
from podnotes._collector import collector_paused
from podnotes._lines import split
from podnotes.diagnostics import Diagnostic, ParseError, Severity
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp
from podnotes.transcript import (
    TranscriptLayout,
    TranscriptResult,
    iter_turns,
    looks_like_transcript,
    parse,
    read_transcript,
    surely_not_transcript,
)

Brief = tuple[str | None, str | None, str | None, str]


def brief(text: str) -> list[Brief]:
    """(speaker, start, end, text) of each turn, times as ``str(Timestamp)``."""
    return [
        (
            t.speaker,
            None if t.start is None else str(t.start),
            None if t.end is None else str(t.end),
            t.text,
        )
        for t in parse(text).value
    ]


def layout(text: str) -> TranscriptLayout:
    return read_transcript(split(text)).layout


def codes(text: str) -> list[str]:
    return [d.code for d in parse(text).diagnostics]


# --- layouts ---------------------------------------------------------------------------------


def test_name_colon() -> None:
    text = "Ada Quill: Welcome back.\nBrook Vale: Thanks for having me.\nAda Quill: Let us begin."
    assert brief(text) == [
        ("Ada Quill", None, None, "Welcome back."),
        ("Brook Vale", None, None, "Thanks for having me."),
        ("Ada Quill", None, None, "Let us begin."),
    ]
    assert layout(text) is TranscriptLayout.NAME_COLON


@pytest.mark.parametrize(
    "text",
    [
        "**Ada:** Welcome back.\n**Brook:** Thanks.\n**Ada:** Go on.",
        "**Ada**: Welcome back.\n**Brook**: Thanks.\n**Ada**: Go on.",
        "__Ada__: Welcome back.\n__Brook__: Thanks.\n__Ada__: Go on.",
    ],
)
def test_emphasised_name_colon(text: str) -> None:
    assert [(t.speaker, t.text) for t in parse(text).value] == [
        ("Ada", "Welcome back."),
        ("Brook", "Thanks."),
        ("Ada", "Go on."),
    ]


def test_upper_case_names() -> None:
    text = "ADA QUILL: Welcome back.\nBROOK: Thanks.\nADA QUILL: Go on."
    assert [t.speaker for t in parse(text).value] == ["ADA QUILL", "BROOK", "ADA QUILL"]


def test_name_then_time_line_then_text() -> None:
    text = (
        "Ada Quill (00:00:00):\nWelcome back to the show.\n\n"
        "Brook Vale (00:00:04):\nThanks.\n\n"
        "Brook Vale (00:00:09):\nA second block by the same speaker."
    )
    assert brief(text) == [
        ("Ada Quill", "0:00", "0:04", "Welcome back to the show."),
        ("Brook Vale", "0:04", "0:09", "Thanks."),
        ("Brook Vale", "0:09", None, "A second block by the same speaker."),
    ]
    assert layout(text) is TranscriptLayout.NAME_TIME_LINE


def test_name_time_with_text_on_the_same_line() -> None:
    assert brief("Ada (0:04): Hello.\nBrook [0:09]: Hi.") == [
        ("Ada", "0:04", "0:09", "Hello."),
        ("Brook", "0:09", None, "Hi."),
    ]


def test_name_and_bare_time_on_their_own_line() -> None:
    text = "Ada 00:26\nHello there.\n\nBrook - 00:31\nHi.\n\nSpeaker 2 1:02:03\nLater."
    assert brief(text) == [
        ("Ada", "0:26", "0:31", "Hello there."),
        ("Brook", "0:31", "1:02:03", "Hi."),
        ("Speaker 2", "1:02:03", None, "Later."),
    ]


def test_time_then_name_colon() -> None:
    text = "[00:00:21] Ada: Hello.\n[00:00:25] Brook: Hi.\n(00:00:30) Ada: Bye."
    assert brief(text) == [
        ("Ada", "0:21", "0:25", "Hello."),
        ("Brook", "0:25", "0:30", "Hi."),
        ("Ada", "0:30", None, "Bye."),
    ]
    assert layout(text) is TranscriptLayout.TIME_NAME_COLON


def test_name_line_then_timed_text() -> None:
    text = "Ada Quill\n(00:00:00) Hello there.\nBrook Vale\n(00:00:05) Hi.\n(00:00:09) Still me."
    assert brief(text) == [
        ("Ada Quill", "0:00", "0:05", "Hello there."),
        ("Brook Vale", "0:05", "0:09", "Hi."),
        ("Brook Vale", "0:09", None, "Still me."),
    ]
    assert layout(text) is TranscriptLayout.NAME_LINE_TIMED_TEXT


@pytest.mark.parametrize(
    "text",
    [
        "[Speaker 1] [12:30] Hello.\n[Speaker 2] [12:35] Hi.",
        "[12:30] [Speaker 1] Hello.\n[12:35] [Speaker 2] Hi.",
    ],
)
def test_bracketed_name_and_time(text: str) -> None:
    assert brief(text) == [
        ("Speaker 1", "12:30", "12:35", "Hello."),
        ("Speaker 2", "12:35", None, "Hi."),
    ]
    assert layout(text) is TranscriptLayout.BRACKET_NAME_TIME


def test_timed_text_without_names() -> None:
    text = "00:00:00 Hello.\n\n0:00:04 Hi.\n\n00:00:04 Same second.\n[0:09] - Later.\n1:02 Short."
    assert brief(text) == [
        (None, "0:00", "0:04", "Hello."),
        (None, "0:04", None, "Hi."),
        (None, "0:04", "0:09", "Same second."),
        (None, "0:09", "1:02", "Later."),
        (None, "1:02", None, "Short."),
    ]
    assert layout(text) is TranscriptLayout.TIMED_TEXT


def test_time_line_then_name_line_then_text() -> None:
    text = "00:00:21\nAda Quill\nHello there.\n\n00:00:25\nBrook Vale:\nHi.\n\n00:00:29\nok."
    assert brief(text) == [
        ("Ada Quill", "0:21", "0:25", "Hello there."),
        ("Brook Vale", "0:25", "0:29", "Hi."),
        ("Brook Vale", "0:29", None, "ok."),
    ]
    assert layout(text) is TranscriptLayout.TIME_LINE


def test_time_line_then_text_without_names() -> None:
    text = "00:00:21\nHello there.\nMore of it.\n\n00:00:25\nThank You\n"
    assert brief(text) == [
        (None, "0:21", "0:25", "Hello there. More of it."),
        (None, "0:25", None, "Thank You"),
    ]


def test_starting_point_prefix() -> None:
    text = "Starting point is 00:00:00\nHello there.\n\nStarting point is 00:01:17\nMore."
    assert brief(text) == [(None, "0:00", "1:17", "Hello there."), (None, "1:17", None, "More.")]
    assert layout(text) is TranscriptLayout.TIME_LINE


def test_timecode_ranges_then_name_then_text() -> None:
    text = (
        "00;00;13;12 - 00;00;51;03\nOliver Vane\nHello there.\n\n"
        "00;00;51;05 - 00;01;16;05\nOliver Vane\nMore.\n\n"
        "00:01:20 - 00:01:30\nEnd."
    )
    assert brief(text) == [
        ("Oliver Vane", "0:13.400", "0:51.100", "Hello there."),
        ("Oliver Vane", "0:51.167", "1:16.167", "More."),
        ("Oliver Vane", "1:20", "1:30", "End."),
    ]
    assert layout(text) is TranscriptLayout.RANGE_LINE


def test_webvtt_cues_with_voices() -> None:
    text = (
        "WEBVTT - Letters from the Bag\nKind: captions\n\n"
        "NOTE written for this test\nstill the note\n\n"
        "1\n00:00:00.560 --> 00:00:02.759\n<v Speaker 1>Absurd things</v> happen.\n\n"
        "intro-2\n0:00:04.120 --> 0:00:04.400 align:start\n<v.loud Speaker 2>Marlo.\n"
        "<v Speaker 3>Two voices, one cue.\n\n"
        "00:05.000 --> 00:06.000\nNo voice here.\n<c.x>Styled</c> <00:05.500>words."
    )
    res = read_transcript(split(text))
    assert res.title == "Letters from the Bag"
    assert res.layout is TranscriptLayout.WEBVTT
    assert [(t.speaker, str(t.start), str(t.end), t.text) for t in res.turns] == [
        ("Speaker 1", "0:00.560", "0:02.759", "Absurd things happen."),
        ("Speaker 2", "0:04.120", "0:04.400", "Marlo."),
        ("Speaker 3", "0:04.120", "0:04.400", "Two voices, one cue."),
        (None, "0:05", "0:06", "No voice here. Styled words."),
    ]
    assert res.diagnostics == ()


def test_webvtt_header_without_title() -> None:
    res = read_transcript(split("WEBVTT\n\n00:01.000 --> 00:02.000\nHi."))
    assert res.title is None
    assert res.turns == (
        SpeakerTurn(speaker=None, text="Hi.", start=Timestamp(1000), end=Timestamp(2000)),
    )


def test_srt_blocks() -> None:
    text = (
        "1\n00:00:01,000 --> 00:00:02,500\nAda: Hello\nthere.\n\n"
        "2\n00:00:03,000 --> 00:00:04,000\nBrook: Hi.\nAda: Two speakers in one cue.\n\n"
        "3\n00:00:05,000 --> 00:00:06,000\n- plain cue text"
    )
    assert brief(text) == [
        ("Ada", "0:01", "0:02.500", "Hello there."),
        ("Brook", "0:03", "0:04", "Hi."),
        ("Ada", "0:03", "0:04", "Two speakers in one cue."),
        (None, "0:05", "0:06", "- plain cue text"),
    ]
    assert layout(text) is TranscriptLayout.SRT


def test_voice_tags_without_cue_timings() -> None:
    text = "<v Ada Quill>Hello.</v>\n<v Brook>Hi."
    assert brief(text) == [("Ada Quill", None, None, "Hello."), ("Brook", None, None, "Hi.")]


def test_plain_text_and_empty_input() -> None:
    assert brief("Just some words.\nMore words.") == [
        (None, None, None, "Just some words. More words.")
    ]
    assert layout("Just words.") is TranscriptLayout.PLAIN
    assert parse("").value == ()
    assert parse("\n \n\t\n").value == ()
    assert layout("") is TranscriptLayout.EMPTY


# --- continuations ---------------------------------------------------------------------------


def test_paragraphs_join_with_newlines_and_wrapped_lines_with_spaces() -> None:
    text = "Ada: First line\nwrapped here.\n\nSecond paragraph.\n\n\nThird.\nBrook: Hi."
    assert brief(text) == [
        ("Ada", None, None, "First line wrapped here.\nSecond paragraph.\nThird."),
        ("Brook", None, None, "Hi."),
    ]


def test_text_before_the_first_label_is_a_turn_without_speaker() -> None:
    text = "Recorded live.\n\nAda: Hello.\nBrook: Hi.\nAda: Bye."
    assert [t.speaker for t in parse(text).value] == [None, "Ada", "Brook", "Ada"]
    assert layout(text) is TranscriptLayout.NAME_COLON


@pytest.mark.parametrize("marker", ["(12:40):", "[12:40]", "12:40"])
def test_a_bare_time_continues_the_same_speaker(marker: str) -> None:
    text = f"Ada (12:30):\nHello.\n{marker}\nStill Ada.\n\nBrook (12:50):\nHi."
    assert brief(text) == [
        ("Ada", "12:30", "12:40", "Hello."),
        ("Ada", "12:40", "12:50", "Still Ada."),
        ("Brook", "12:50", None, "Hi."),
    ]


def test_a_time_inside_a_turn_continues_the_same_speaker() -> None:
    assert brief("Ada: Hello.\n[12:30] and more.") == [
        ("Ada", None, None, "Hello."),
        ("Ada", "12:30", None, "and more."),
    ]


def test_a_known_speaker_alone_on_a_line_starts_a_turn() -> None:
    text = "Ada Quill: Hello.\nBrook Vale: Hi.\n\nAda Quill\nBack to me."
    assert [t.speaker for t in parse(text).value] == ["Ada Quill", "Brook Vale", "Ada Quill"]


# --- not speakers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "Note: this was recorded remotely.",
        "NOTE: this was recorded remotely.",
        "Update: the guest corrected a figure.",
        "https://example.org/episode",
        "Sponsors: Acme Rockets",
        "Links: example.org",
        "Transcript: machine generated",
        "Chapter 3: The long middle",
        "Part II: Going further",
        "3:1 was the ratio.",
        "16:9 screens everywhere.",
        "The thing is: nobody knew.",
        "So I asked him, seriously: why?",
        "[laughs] That is funny.",
        "[Music]",
        "[unintelligible 00:43:28.29] and so on",
        "**Break**: a word from our sponsor",
        "Yes: exactly that.",
        "3:15 PM was the time.",
        "Thank You.",
        "Intro 0:00",
        "A sentence that runs long enough to not be a name at all: really.",
    ],
)
def test_near_misses_stay_in_the_text(line: str) -> None:
    text = f"Ada Quill: Hello.\n{line}\nBrook Vale: Hi.\nAda Quill: Bye.\nBrook Vale: Bye."
    turns = parse(text).value
    assert [t.speaker for t in turns] == ["Ada Quill", "Brook Vale", "Ada Quill", "Brook Vale"]
    assert turns[0].text == f"Hello. {line}"
    assert all(t.start is None for t in turns)


def test_noise_in_brackets_never_names_a_speaker() -> None:
    text = "[Music] [00:00:01] la la\n[Speaker 1] [00:00:05] Hello."
    assert brief(text) == [
        (None, None, None, "[Music] [00:00:01] la la"),
        ("Speaker 1", "0:05", None, "Hello."),
    ]


# --- speakers and aliases --------------------------------------------------------------------


def test_speakers_in_order_and_aliases() -> None:
    text = (
        "Lenny: Hi.\nAdam Fishman: Hello.\nLenny Rachitsky: Welcome.\n"
        "JCal: Yo.\nJCal (Jason Calacanis): Hey.\nLenny: Bye."
    )
    res = read_transcript(split(text))
    assert res.speakers == (
        "Lenny",
        "Adam Fishman",
        "Lenny Rachitsky",
        "JCal",
        "JCal (Jason Calacanis)",
    )
    assert dict(res.aliases) == {"JCal": "JCal (Jason Calacanis)", "Lenny": "Lenny Rachitsky"}
    with pytest.raises(TypeError):
        res.aliases["x"] = "y"  # type: ignore[index]


# --- times -----------------------------------------------------------------------------------


def test_end_is_the_next_turns_start_only_when_later() -> None:
    text = "00:00:05 A.\n00:00:05 B.\nAda: untimed.\n00:00:09 C."
    assert brief(text) == [
        (None, "0:05", None, "A."),
        (None, "0:05", None, "B."),
        ("Ada", None, None, "untimed."),
        ("Ada", "0:09", None, "C."),
    ]


def test_fractions_and_long_minutes() -> None:
    assert brief("64:40.5 Late.\n1:04:41,250 Later.") == [
        (None, "1:04:40.500", "1:04:41.250", "Late."),
        (None, "1:04:41.250", None, "Later."),
    ]


def test_truncated_transcript() -> None:
    res = read_transcript(split("Ada: Hello.\nBrook: and then we t…"))
    assert res.truncated
    assert not read_transcript(split("Ada: Hello...\nBrook: Done.")).truncated


# --- diagnostics -----------------------------------------------------------------------------


def test_doubtful_label_is_a_warning_with_its_place() -> None:
    text = "Ada Quill: Hi.\nBrook Vale: Hello.\nAda Quill: Bye.\nMystery: who?\nBrook Vale: Me."
    (diagnostic,) = parse(text).diagnostics
    assert diagnostic.severity is Severity.WARNING
    assert diagnostic.code == "transcript.doubtful-speaker"
    assert diagnostic.render() == (
        'line 4, column 1: expected a speaker label used more than once, found "Mystery" only'
        " here; read as a speaker\n"
        "    4 | Mystery: who?\n"
        "      | ^^^^^^^"
    )


def test_single_word_label_used_once_is_doubtful_even_alone() -> None:
    assert codes("Ada: Hi.") == ["transcript.doubtful-speaker"]
    assert codes("Ada Quill: Hi.") == []
    assert codes("Ada (0:01): Hi.") == []


def test_bad_time_is_an_error_and_the_line_stays_text() -> None:
    res = parse("Ada: Hi.\n00:75:00 Hello there.\nAda: Bye.")
    assert [t.text for t in res.value] == ["Hi. 00:75:00 Hello there.", "Bye."]
    (diagnostic,) = res.errors
    assert diagnostic.render() == (
        'line 2, column 1: expected minutes below 60 after hours, found "00:75:00"\n'
        "    2 | 00:75:00 Hello there.\n"
        "      | ^^^^^^^^"
    )
    assert not res.ok


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Ada (00:61):\nHi.", "transcript.bad-time"),
        ("1\n00:00:01,000 --> 00:00:61,000\nHi.", "transcript.bad-time"),
        ("00;00;01;45 - 00;00;02;00\nHi.", "transcript.bad-time"),
    ],
)
def test_other_bad_times(text: str, code: str) -> None:
    assert code in codes(text)
    with pytest.raises(ParseError):
        parse(text, strict=True)


def test_empty_turn_is_reported() -> None:
    res = parse("Ada (00:01:19):\n\nBrook (00:01:25):\nHi.")
    assert [t.speaker for t in res.value] == ["Brook"]
    (diagnostic,) = res.diagnostics
    assert diagnostic.render() == (
        'line 1, column 1: expected the text of a turn after "Ada (00:01:19):", found nothing\n'
        "    1 | Ada (00:01:19):\n"
        "      | ^^^^^^^^^^^^^^^"
    )


def test_cue_end_before_start_is_dropped_with_a_warning() -> None:
    res = parse("1\n00:00:05,000 --> 00:00:02,000\nHi.")
    assert res.value == (SpeakerTurn(speaker=None, text="Hi.", start=Timestamp(5000)),)
    (diagnostic,) = res.diagnostics
    assert diagnostic.code == "transcript.bad-end"
    assert diagnostic.message == "expected an end after the start 0:05, found 0:02"
    assert (diagnostic.column, diagnostic.width) == (18, 12)


def test_time_going_backwards_is_a_warning() -> None:
    (diagnostic,) = parse("00:00:09 Later.\n00:00:03 Earlier.").diagnostics
    assert diagnostic.code == "transcript.time-backwards"
    assert diagnostic.message == "expected a time at or after 0:09, found 0:03"


def test_truncation_is_reported_at_the_last_ellipsis() -> None:
    (diagnostic,) = parse("Ada Quill: So... we t...").diagnostics
    assert diagnostic.severity is Severity.INFO
    assert diagnostic.render() == (
        'line 1, column 22: expected the transcript to end, found it cut off by "..."\n'
        "    1 | Ada Quill: So... we t...\n"
        "      |                      ^^^"
    )


def test_mixed_layouts_are_noted() -> None:
    text = "Ada: a\nBrook: b\nAda: c\n00:00:01 d\n00:00:02 e"
    res = read_transcript(split(text))
    assert res.layout is TranscriptLayout.NAME_COLON
    (note,) = [d for d in res.diagnostics if d.code == "transcript.mixed-layout"]
    assert note.severity is Severity.INFO
    assert note.line == 4
    assert note.message == (
        "expected one transcript layout, found name-colon (3 turns) and timed-text "
        "(2 turns, the first here)"
    )


def test_diagnostics_come_in_line_order() -> None:
    text = "Ada Quill: a\nBrook: b\n00:75:00 x\nAda Quill: c"
    lines = [d.line for d in parse(text).diagnostics]
    assert lines == sorted(lines)
    assert len(lines) == 2


# --- the public functions ---------------------------------------------------------------------


def test_strict_raises_with_every_diagnostic() -> None:
    text = "Ada Quill: a\nMystery: b\nAda Quill: c\n00:75:00 x"
    with pytest.raises(ParseError) as caught:
        parse(text, strict=True)
    assert [d.code for d in caught.value.diagnostics] == [
        "transcript.doubtful-speaker",
        "transcript.bad-time",
    ]
    back = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 -- our own data
    assert back.diagnostics == caught.value.diagnostics
    assert parse("Ada Quill: a\nMystery: b\nAda Quill: c", strict=True).value


def test_parse_rejects_non_str() -> None:
    with pytest.raises(TypeError, match=r"parse\(\) text must be a str, found bytes"):
        parse(b"Ada: hi")  # type: ignore[arg-type]


def test_read_transcript_keeps_the_page_line_numbers() -> None:
    lines = tuple(split("Title\n\nTranscript\n\nAda Quill: Hi.\nMystery: x\nAda Quill: Bye."))[4:]
    res = read_transcript(lines)
    assert isinstance(res, TranscriptResult)
    assert [d.line for d in res.diagnostics] == [6]


def test_result_defaults() -> None:
    res = TranscriptResult(turns=())
    assert (res.layout, res.truncated, res.title, dict(res.aliases)) == (
        TranscriptLayout.EMPTY,
        False,
        None,
        {},
    )
    assert res.speakers == ()


def test_iter_turns_matches_parse_and_reports_diagnostics() -> None:
    text = "Recorded live.\nAda Quill (00:00:01):\nHi.\n\nMystery: who\nAda Quill (00:00:05): Bye…"
    found: list[Diagnostic] = []
    streamed = list(iter_turns(text.splitlines(keepends=True), on_diagnostic=found.append))
    assert tuple(streamed) == parse(text).value
    assert sorted(found, key=lambda d: d.line) == list(parse(text).diagnostics)
    assert list(iter_turns(text.splitlines())) == streamed


def test_iter_turns_is_lazy_and_splits_items_holding_several_lines() -> None:
    pulled: list[str] = []

    def lines() -> Iterator[str]:
        for line in ("Ada: one\r\nBrook: two\n", "Ada: three", "Brook: four"):
            pulled.append(line)
            yield line

    turns = iter_turns(lines())
    assert pulled == []
    assert next(turns) == SpeakerTurn(speaker="Ada", text="one")
    assert [t.text for t in turns] == ["two", "three", "four"]


def test_iter_turns_rejects_a_str_and_non_str_lines() -> None:
    with pytest.raises(TypeError, match="found a str"):
        iter_turns("Ada: hi")
    with pytest.raises(TypeError, match="must be a str, found int"):
        list(iter_turns(["Ada: hi", 3]))  # type: ignore[list-item]


def test_turns_meet_the_model_validators() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ada>Hi.\n\n00:03.000 --> 00:04.000\nYo."
    for turn in parse(text).value:
        attrs.validate(turn)
    assert {a.name for a in attrs.fields(SpeakerTurn)} == {"speaker", "text", "start", "end"}
    assert {a.name for a in attrs.fields(Timestamp)} == {"ms"}


def test_nothing_is_lost() -> None:
    text = (
        "Preamble line.\nAda Quill (00:00:01):\nHi [laughs].\n\nNote: a note.\n"
        "https://example.org\n00:75:00 bad\nBrook Vale: Yo.\nAda Quill (00:00:09):\n"
    )
    res = parse(text)
    kept = " ".join(t.text for t in res.value)
    flagged = {d.line for d in res.diagnostics}
    for number, line in enumerate(text.splitlines(), start=1):
        words = [w for w in line.split() if not w.startswith("(00:")]
        assert number in flagged or all(w in kept for w in words if w not in {"Ada", "Quill"})


# --- the sniff -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "WEBVTT\n\n00:01.000 --> 00:02.000\nHi.",
        "1\n00:00:01,000 --> 00:00:02,000\nHi.",
        "00;00;13;12 - 00;00;51;03\nOliver Vane\nHello.",
        "Starting point is 00:00:00\nHello.",
        "Ada (00:00:01):\nHi.\n\nBrook (00:00:04):\nHello.",
        "[Speaker 1] [0:01] Hi.\n[Speaker 2] [0:04] Hello.",
        "<v Ada>Hi.\n<v Brook>Hello.",
        "Ada Quill: Hi.\nBrook Vale: Hello.\nAda Quill: Bye.",
        "[00:00:01] Ada: Hi.\n[00:00:04] Ada: Hello.",
        "\n".join(f"00:00:{s:02d} Words spoken here." for s in range(0, 40, 4)),
        "\n".join(f"00:00:{s:02d}\nAnd then we spoke." for s in range(0, 40, 4)),
        "\n".join(f"00:00:{s:02d} Ada: and then we spoke." for s in range(0, 40, 4)),
        "Ada 00:26\nHello there.\nBrook 00:31\nHi.",
    ],
)
def test_looks_like_a_transcript(text: str) -> None:
    assert looks_like_transcript(split(text))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "0:00 Intro\n5:12 Sponsors\n9:40 Scaling laws\n15:02 Outro",
        "\n".join(f"{m}:00 Topic number {m}" for m in range(0, 60, 3)),
        "0:15:10\nA highlight line.\n\n0:16:29\nAnother highlight.",
        "Guest: Ada Quill\nHost: Brook Vale\nProducer: Cy Moss",
        "Intro: 00:05:37\nIntro: 00:09:10",
        "(00:00) - Intro (00:58) - Sponsors (05:00) - Main topic",
        "[Music] hello\n[Music] again",
        "00:00:01 a\n00:00:02 b",
        "Ada (00:00:01):\nHi.",
        "Just prose: with a colon.\nMore prose.",
        "A 0:00\nA 0:01\nB 0:02",
        "Intro (0:00):\nSponsors (0:05):\nTopic (0:09):",
        "\n".join(f"0:0{s} Short title" for s in range(8)),
        "\n".join(f"0:0{s}\nShort title" for s in range(8)),
        "0:01 Abc: part two\n0:02 Abc: part two\n0:03 Abc: part two",
        "[Intro] [0:00]\n[Outro] [0:09]",
    ],
)
def test_does_not_look_like_a_transcript(text: str) -> None:
    assert not looks_like_transcript(split(text))


# --- speed -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "a:" * 50_000,
        "1:" * 50_000,
        "12:34:" * 17_000,
        "Ada " * 25_000 + "(00:01):",
        "[" * 100_000,
        "(" + "1" * 100_000,
        "Ada (" + "1:" * 50_000 + ")",
        "<v " + "a" * 100_000,
        "00:01 --> " * 10_000,
        "Ada Quill" + " 00:01" * 16_000,
        "00;00;13;12 - " * 7_000,
        "**" * 50_000,
        "Ada: " + "x: " * 33_000,
    ],
)
def test_long_adversarial_lines_parse_in_linear_time(line: str) -> None:
    began = time.perf_counter()
    parse(f"Ada: hi\n{line}\n{line}\nBrook: bye")
    looks_like_transcript(split(line))
    assert time.perf_counter() - began < 1.0


def test_private_time_reader_agrees_with_timestamp_parse_on_edge_tokens() -> None:
    for token in ("0:00", "59:59", "999:59", "1:00:00", "00:59:59.999", "1:02,5", "00;00;01;29"):
        assert _speakers.read_ms(token) == Timestamp.parse(token).ms
    for token in ("0:60", "1:60:00", "00;00;01;30"):
        assert _speakers.read_ms(token) is None


# --- edges -----------------------------------------------------------------------------------


def test_label_shape_edges() -> None:
    assert not _speakers.is_name("Ann (Lee")
    assert not _speakers.is_name("Ann  Lee")
    assert not _speakers.is_tagged_name("Music")
    assert _speakers.split_label("**: hi") is None
    assert _speakers.own_line_name("Sammy Davis Jr.") == "Sammy Davis Jr."
    assert _speakers.group_aliases(["Lenny", "LENNY", "Lenny Rachitsky"]) == {
        "LENNY": "Lenny Rachitsky",
        "Lenny": "Lenny Rachitsky",
    }
    assert _speakers.group_aliases(["Speaker", "Speaker 1", "Speaker 2"]) == {}


def test_emphasised_label_before_a_time() -> None:
    assert brief("**Ada** (00:01):\nHi.") == [("Ada", "0:01", None, "Hi.")]


def test_markup_only_text_is_no_text() -> None:
    text = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ada>\nHi.\n\n00:03.000 --> 00:04.000\n<c.x></c>"
    res = parse(text)
    assert [(t.speaker, t.text) for t in res.value] == [("Ada", "Hi.")]
    assert [d.code for d in res.diagnostics] == ["transcript.empty-turn"]


def test_arrows_that_are_not_cue_timings_are_text() -> None:
    assert brief("Ada: a --> b\nx --> y\n\nz --> w") == [
        ("Ada", None, None, "a --> b x --> y\nz --> w")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Starting point is soon\nok", [(None, None, None, "Starting point is soon ok")]),
        ("[00:01] [Music] la la", [(None, "0:01", None, "[Music] la la")]),
        ("Ada Quill\n(00:75) text", [(None, None, None, "Ada Quill (00:75) text")]),
    ],
)
def test_lines_that_almost_open_a_turn(text: str, expected: list[Brief]) -> None:
    assert brief(text) == expected


def test_bad_time_after_starting_point() -> None:
    assert codes("Starting point is 00:75:00\nHi.") == ["transcript.bad-time"]


def test_labels_remembered_are_bounded() -> None:
    text = "\n".join(f"Speaker {n}: words" for n in range(1_100))
    res = read_transcript(split(text))
    assert len(res.turns) == 1_100
    assert len(res.speakers) == 1_100


def test_truncation_on_a_wrapped_line() -> None:
    res = read_transcript(split("Ada: We were saying\nthat the model w…"))
    assert res.truncated
    (diagnostic,) = res.diagnostics[1:]
    assert (diagnostic.code, diagnostic.line, diagnostic.column) == ("transcript.truncated", 2, 17)


def test_a_name_line_before_a_labelled_timed_line_is_text() -> None:
    assert brief("Ada Quill\n[00:01] Brook Vale: hi") == [
        (None, None, None, "Ada Quill"),
        ("Brook Vale", "0:01", None, "hi"),
    ]


@pytest.mark.parametrize(
    ("text", "surely_not"),
    [
        ("About the show.\n0:00 Intro\n5:12 Sponsors\n9:40 Scaling laws", True),
        ("Prose only, with no time at all.", True),
        ("", True),
        ("0:00 Intro\n0:05 Next\n0:10 " + "y" * 60, True),  # one long title of three
        ("0:00 " + "y" * 60 + "\n0:05 " + "z" * 60, False),  # most titles long: speech
        ("0:00 - Intro\n5:12 - Sponsors", False),  # not the plain spelling: undecided
        ("3:15 AM Call\n4:00 Lunch", False),  # a time of day
        ("Ann: Hi.\nBob: Hello.", False),  # labels
        ("WEBVTT\n\n00:00.000 --> 00:01.000\nHi.", False),
        ("[Ann] [0:01] Hi.", False),
        ("<v Ann>Hi.", False),
    ],
)
def test_surely_not_transcript_is_the_sniff_answering_no(
    text: str,
    surely_not: bool,  # noqa: FBT001 - a parameter of the case
) -> None:
    lines = [line for line in split(text) if line.text]
    assert surely_not_transcript(lines) is surely_not
    if surely_not:  # the claim the page relies on
        assert not looks_like_transcript(lines)


def test_surely_not_transcript_reads_only_the_lines_the_sniff_reads() -> None:
    chapters = [f"{n // 60}:{n % 60:02d} Topic {n}" for n in range(400)]
    lines = split("\n".join([*chapters, "Ann: Hi.", "Bob: Hello."]))
    assert surely_not_transcript(lines)
    assert not surely_not_transcript(split("\n".join(["Ann: Hi.", *chapters])))


def test_reading_pauses_the_collector_and_restarts_it_only_if_it_ran() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError, match="boom"), collector_paused():
        raise RuntimeError("boom")  # noqa: EM101
    assert gc.isenabled()
    gc.disable()
    try:
        assert parse("Ann: Hi.\nBob: Hello.").ok
        with collector_paused():
            pass
        assert not gc.isenabled()  # someone else turned it off: it stays off
    finally:
        gc.enable()
