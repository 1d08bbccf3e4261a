"""SubRip transcripts: round trips, speaker labels, lenient reading, errors, the srt library."""

from __future__ import annotations

import importlib
import os
import time
from datetime import timedelta
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podnotes import Episode, SpeakerTurn, Timestamp
from podnotes import strategies as pst
from podnotes.diagnostics import ParseError, Severity, render_diagnostics
from podnotes.formats import srt
from podnotes.formats._registry import get_format

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
MARK = srt.MARK

# --- strategies ------------------------------------------------------------------------------

_CHARS = st.characters(exclude_categories=["Cs"], exclude_characters="\r\n")
_TRICKY = st.sampled_from(
    [
        "Note: x",
        "Anna: hi",
        "Anna:",
        "Speaker 1: yes",
        "https://example.org",
        "a --> b",
        "<i>x</i>",
        "12",
        MARK,
        MARK + "Anna: hi",
        "Lex Fridman:  two spaces",
    ]
)
_LINES = (
    st.one_of(st.text(_CHARS, min_size=1, max_size=20), _TRICKY)
    .filter(str.strip)
    .filter(lambda line: not srt._timing_like(line))  # noqa: SLF001 - the writer's own test
)
TEXTS = st.lists(_LINES, min_size=1, max_size=2).map("\n".join)
_FIRST_NAMES = ("Lex", "Ann", "Zoë", "Jean-Luc", "Dr.", "O'Brien", "Mary", "JCal")
_LATER_WORDS = ("Fridman", "Lee", "van", "(Host)", "1", "12", "Q&A", "Smith", "Ng")
_GENERATED_NAMES = st.builds(
    lambda first, rest: " ".join([first, *rest]),
    st.sampled_from(_FIRST_NAMES),
    st.lists(st.sampled_from(_LATER_WORDS), max_size=3),
).filter(srt.is_label)
NAMES = (
    st.sampled_from(
        ["Lex Fridman", "Speaker 1", "Dr. Mary O'Brien", "JCal (Jason Calacanis)", "lenny"]
    )
    | _GENERATED_NAMES
)
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


# --- round trips -----------------------------------------------------------------------------


@given(timed_turns())
def test_round_trip_is_exact(turns: list[SpeakerTurn]) -> None:
    text = srt.render(turns)
    assert srt.parse(text, strict=True).value == tuple(turns)
    assert srt.render(srt.parse(text).value) == text


@given(timed_turns(), st.sampled_from(["\n", "\r\n", "\r"]), st.booleans(), st.booleans())
def test_round_trip_survives_lenient_spellings(
    turns: list[SpeakerTurn],
    newline: str,
    dots: bool,  # noqa: FBT001 - drawn by hypothesis
    spaces: bool,  # noqa: FBT001 - drawn by hypothesis
) -> None:
    text = srt.render(turns)
    lines = text.split("\n")
    if dots:  # "." before the milliseconds, on the timing lines only
        lines = [line.replace(",", ".") if " --> " in line else line for line in lines]
    spelled = "\ufeff" + newline.join(lines).replace(newline * 2, newline * 3)
    if spaces:  # a line of spaces ends a block as a blank line does
        spelled = spelled.replace(newline * 3, newline + " \t" + newline, 1)
    res = srt.parse(spelled)
    assert res.value == tuple(turns)
    assert [d.code for d in res.diagnostics] == (["srt.dot-separator"] if dots and turns else [])


@given(st.text())
def test_lenient_parse_never_raises(text: str) -> None:
    srt.parse(text)


@given(st.lists(st.sampled_from(["1", "", " ", "-->", "00:00:01,000", " --> ", "Ann: x", "x"])))
def test_lenient_parse_never_raises_on_near_srt(pieces: list[str]) -> None:
    srt.parse("\n".join(pieces))


def test_non_str_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="must be a str, found NoneType"):
        srt.parse(None)  # type: ignore[arg-type]


def test_a_long_adversarial_line_parses_fast() -> None:
    lines = [
        "1" * 100_000,
        ":" * 100_000,
        "-->" * 33_000,
        "A" * 39 + ":" * 100_000,
        " " * 100_000 + "x",
    ]
    text = "\n\n".join(f"1\n00:00:00,000 --> 00:00:01,000\n{line}\n{line}" for line in lines)
    began = time.perf_counter()
    srt.parse(text + "\n\n" + "\n".join(lines))
    assert time.perf_counter() - began < 1.0


# --- golden file -----------------------------------------------------------------------------


def _at(ms: int) -> Timestamp:
    return Timestamp(ms)


def test_golden_file() -> None:
    text = (FIXTURES / "srt.srt").read_text(encoding="utf-8")
    res = srt.parse(text, strict=True)
    assert res.diagnostics == ()
    assert res.value == (
        SpeakerTurn(
            speaker="Lex Fridman",
            text="The following is a conversation with\nNathan Lambert and Sebastian Raschka.",
            start=_at(0),
            end=_at(4250),
        ),
        SpeakerTurn(
            speaker="Nathan Lambert", text="Thanks for having us.", start=_at(4250), end=_at(9000)
        ),
        SpeakerTurn(speaker=None, text="[Laughter]", start=_at(9000), end=_at(12500)),
        SpeakerTurn(
            speaker=None,
            text='Note: this cue has no speaker; "Note" is not a name.',
            start=_at(12500),
            end=_at(15000),
        ),
        SpeakerTurn(
            speaker=None,
            text="Anna: said by nobody in particular (the line starts with U+200B).",
            start=_at(15000),
            end=_at(18000),
        ),
        SpeakerTurn(
            speaker="Sebastian Raschka",
            text="<i>Open</i> weights --> open science.",
            start=_at(3_723_004),
            end=_at(3_727_890),
        ),
    )
    assert srt.render(res.value) == text


# --- speaker labels --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "text"),
    [
        ("Lex Fridman: Hello", "Lex Fridman", "Hello"),
        ("lenny: hi", "lenny", "hi"),
        ("Speaker 1:\nHello\nthere", "Speaker 1", "Hello\nthere"),
        ("Ann:  two", "Ann", " two"),
        ("Ann:", None, "Ann:"),
        ("Ann: ", None, "Ann: "),
        ("Ann:x", None, "Ann:x"),
        ("Note: x", None, "Note: x"),
        ("Sponsors: x", None, "Sponsors: x"),
        ("Chapter 3: x", None, "Chapter 3: x"),
        ("https://example.org", None, "https://example.org"),
        ("A B C D E F: x", None, "A B C D E F: x"),
        ("A B C D E: x", "A B C D E", "x"),
        ("A  B: x", None, "A  B: x"),
        ("A : x", None, "A : x"),
        (f"{'A' * 41}: x", None, f"{'A' * 41}: x"),
        ("1st: x", None, "1st: x"),
        ("[Music]: x", None, "[Music]: x"),
        (f"{MARK}Ann: hi", None, "Ann: hi"),
        (f"{MARK}{MARK}x", None, f"{MARK}x"),
    ],
)
def test_speaker_labels(body: str, speaker: str | None, text: str) -> None:
    (turn,) = srt.parse(f"1\n00:00:00,000 --> 00:00:01,000\n{body}\n").value
    assert (turn.speaker, turn.text) == (speaker, text)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Anna: hi", f"{MARK}Anna: hi"),
        ("Anna:\nhi", f"{MARK}Anna:\nhi"),
        (f"{MARK}x", f"{MARK}{MARK}x"),
        ("Note: hi", "Note: hi"),
        ("Anna:", "Anna:"),
        ("a: b: c", f"{MARK}a: b: c"),
    ],
)
def test_speakerless_texts_that_would_read_as_labels_get_the_mark(text: str, written: str) -> None:
    turn = SpeakerTurn(speaker=None, text=text, start=_at(0), end=_at(1))
    assert srt.render([turn]) == f"1\n00:00:00,000 --> 00:00:00,001\n{written}\n\n"


# --- lenient reading and diagnostics ---------------------------------------------------------


def test_lenient_spellings_are_read_and_reported_once() -> None:
    text = (
        "00:00:01.000 --> 00:00:02.000 X1:10 X2:20\nA\n"
        "00:00:02.000 --> 00:00:03.000\nB\n"
        "3\n00:00:03,000 --> 00:00:04,000  X1:1\nC\n\n\n \n"
        "4\n00:00:04,000 --> 00:00:05,000\n"
    )
    res = srt.parse(text, strict=True)
    assert [(t.text, t.start, t.end) for t in res.value] == [
        ("A", _at(1000), _at(2000)),
        ("B", _at(2000), _at(3000)),
        ("C", _at(3000), _at(4000)),
    ]
    assert render_diagnostics(res.diagnostics) == "\n\n".join(
        [
            (
                "line 1, column 1: expected a cue number before the timing line, found none\n"
                "    1 | 00:00:01.000 --> 00:00:02.000 X1:10 X2:20\n"
                "      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
            ),
            (
                'line 1, column 9: expected "," before the milliseconds, found "."\n'
                "    1 | 00:00:01.000 --> 00:00:02.000 X1:10 X2:20\n"
                "      |         ^"
            ),
            (
                'line 1, column 31: found "X1:10 X2:20" after the end time; it is not read\n'
                "    1 | 00:00:01.000 --> 00:00:02.000 X1:10 X2:20\n"
                "      |                               ^^^^^^^^^^^"
            ),
            (
                "line 3, column 1: expected a blank line before the next cue, found none\n"
                "    3 | 00:00:02.000 --> 00:00:03.000\n"
                "      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
            ),
            (
                "line 12, column 1: expected cue text after the timing line, found nothing; the cue is skipped\n"
                "   12 | 00:00:04,000 --> 00:00:05,000\n"
                "      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
            ),
        ]
    )
    assert {d.severity for d in res.diagnostics} == {Severity.WARNING, Severity.INFO}


@pytest.mark.parametrize(
    ("text", "rendered"),
    [
        (
            "1\n00:00:01,000 --> 00:00:2,000\nhi\n",
            (
                'line 2, column 18: expected an end time such as "00:01:02,500", found "00:00:2,000"\n'
                "    2 | 00:00:01,000 --> 00:00:2,000\n"
                "      |                  ^^^^^^^^^^^"
            ),
        ),
        (
            "1\n01:00,000 --> 00:00:02,000\nhi\n",
            (
                'line 2, column 1: expected a start time such as "00:01:02,500", found "01:00,000"\n'
                "    2 | 01:00,000 --> 00:00:02,000\n"
                "      | ^^^^^^^^^"
            ),
        ),
        (
            "1\n00:00:05,000 --> 00:00:01,000\nhi\n",
            (
                'line 2, column 18: expected an end after the start 00:00:05,000, found "00:00:01,000"\n'
                "    2 | 00:00:05,000 --> 00:00:01,000\n"
                "      |                  ^^^^^^^^^^^^"
            ),
        ),
        (
            "1\nhello\n",
            (
                'line 2, column 1: expected a timing line such as "00:01:02,500 --> 00:01:05,000", found "hello"\n'
                "    2 | hello\n"
                "      | ^^^^^"
            ),
        ),
        (
            "\n 7 ",
            (
                'line 2, column 2: expected a timing line such as "00:01:02,500 --> 00:01:05,000", found the end of the text\n'
                "    2 |  7 \n"
                "      |  ^"
            ),
        ),
        (
            "Ann: hello\n",
            (
                'line 1, column 1: expected a cue number or a timing line such as "00:01:02,500 --> 00:01:05,000", found "Ann: hello"\n'
                "    1 | Ann: hello\n"
                "      | ^^^^^^^^^^"
            ),
        ),
    ],
)
def test_errors_render_with_a_caret(text: str, rendered: str) -> None:
    res = srt.parse(text)
    assert res.value == ()
    assert render_diagnostics(res.diagnostics) == rendered
    with pytest.raises(ParseError) as caught:
        srt.parse(text, strict=True)
    assert caught.value.diagnostics == res.errors


def test_a_bad_block_does_not_swallow_the_next_cue() -> None:
    text = "garbage\n2\n00:00:01,000 --> 00:00:02,000\nhi\n"
    res = srt.parse(text)
    assert [t.text for t in res.value] == ["hi"]
    assert [d.code for d in res.diagnostics] == ["srt.not-a-cue"]


# --- rendering -------------------------------------------------------------------------------


def test_render_writes_the_documented_shape() -> None:
    turns = [
        SpeakerTurn(speaker="Ann", text="a\nb", start=_at(0), end=_at(1)),
        SpeakerTurn(speaker=None, text="x --> y", start=_at(360_000_000), end=_at(360_000_001)),
    ]
    assert srt.render(turns) == (
        "1\n00:00:00,000 --> 00:00:00,001\nAnn: a\nb\n\n"
        "2\n100:00:00,000 --> 100:00:00,001\nx --> y\n\n"
    )
    assert srt.render([]) == ""


@pytest.mark.parametrize(
    ("turn", "message"),
    [
        (SpeakerTurn(speaker=None, text="a", start=_at(0)), "needs a start and an end"),
        (SpeakerTurn(speaker=None, text="a", end=_at(1)), "needs a start and an end"),
        (SpeakerTurn(speaker=None, text="a\n\nb", start=_at(0), end=_at(1)), "empty or all-space"),
        (
            SpeakerTurn(speaker=None, text="a\n\u3000", start=_at(0), end=_at(1)),
            "empty or all-space",
        ),
        (SpeakerTurn(speaker=None, text="a\rb", start=_at(0), end=_at(1)), "carriage return"),
        (
            SpeakerTurn(
                speaker=None, text="a\n00:00:01,000 --> 00:00:00,000", start=_at(0), end=_at(1)
            ),
            "a timing line",
        ),
        (SpeakerTurn(speaker="Note", text="a", start=_at(0), end=_at(1)), "would not read back"),
        (SpeakerTurn(speaker="A: B", text="a", start=_at(0), end=_at(1)), "would not read back"),
        (SpeakerTurn(speaker="A" * 41, text="a", start=_at(0), end=_at(1)), "would not read back"),
    ],
)
def test_render_refuses_what_would_read_back_differently(turn: SpeakerTurn, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        srt.render([turn])


# --- registry --------------------------------------------------------------------------------


def test_registry_entry() -> None:
    entry = get_format("srt")
    assert entry is srt.FORMAT
    turn = SpeakerTurn(speaker="Ann", text="hi", start=_at(0), end=_at(1000))
    text = entry.write(Episode(transcript=[turn], title="ignored"))
    assert entry.read is not None
    assert entry.read(text, True).value == Episode(transcript=[turn])  # noqa: FBT003
    assert entry.looks_like is not None
    assert entry.looks_like(text)
    assert entry.looks_like("\ufeff\r\n00:00:01.000 --> 00:00:02.000\r\nx")
    assert not entry.looks_like("WEBVTT\n\n00:01.000 --> 00:02.000\nx\n")
    assert not entry.looks_like("1\n2\n")
    assert not entry.looks_like("")


# --- a real consumer: the srt library --------------------------------------------------------


_MILLISECOND = timedelta(milliseconds=1)


def _peer(name: str) -> ModuleType:
    """Import a real consumer; missing is a failure in CI and a skip elsewhere."""
    try:
        return importlib.import_module(name)
    except ImportError:  # pragma: no cover - the dev group installs it
        if os.environ.get("CI"):
            raise
        pytest.skip(f"{name} is not installed")


# The srt library ends a cue's text at a line of digits followed by a line that opens with
# a clock, and reads a lone index line as part of a timing pattern: the texts it is given
# start each line with a letter, as subtitles do.
_PEER_LINES = st.builds(
    "{}{}".format,
    st.characters(categories=("Lu", "Ll")),
    st.text(_CHARS, max_size=20),
).filter(lambda line: not srt._timing_like(line))  # noqa: SLF001 - the writer's own test
_PEER_TEXTS = st.lists(_PEER_LINES, min_size=1, max_size=3).map("\n".join) | st.sampled_from(
    ["Note: x", "Anna: hi", "Anna:", "a --> b", MARK + "Anna: hi", "Lex Fridman:  two spaces"]
)


@settings(max_examples=100)
@given(timed_turns(texts=_PEER_TEXTS))
def test_srt_library_reads_our_files(turns: list[SpeakerTurn]) -> None:
    peer = _peer("srt")
    text = srt.render(turns)
    subtitles = list(peer.parse(text))
    assert len(subtitles) == len(turns)
    for number, (subtitle, turn) in enumerate(zip(subtitles, turns, strict=True), start=1):
        assert turn.start is not None
        assert turn.end is not None
        assert subtitle.index == number
        assert subtitle.start // _MILLISECOND == turn.start.ms
        assert subtitle.end // _MILLISECOND == turn.end.ms
        if turn.speaker is None:  # the srt library shows the mark, invisible on screen
            assert subtitle.content.removeprefix(MARK) == turn.text
        else:
            assert subtitle.content == f"{turn.speaker}: {turn.text}"
    # and writes the very same file back (times sorted, as it sorts them)
    if turns == sorted(turns, key=lambda t: (t.start, t.end)):
        assert peer.compose(subtitles) == text


# --- the fast path reads as the line-by-line reader does -------------------------------------


def _line_by_line(text: str) -> tuple[tuple[SpeakerTurn, ...], tuple[object, ...]]:
    reader = srt._Reader(text)  # noqa: SLF001 - comparing the reader's two paths
    turns = tuple(reader.run_lines(0, len(reader.lines)))
    return turns, reader.diagnostics()


_NEAR_SRT_LINES = st.sampled_from(
    [
        "",
        "",
        "1",
        "12",
        "00:00:01,000 --> 00:00:02,000",
        "00:00:02,000 --> 00:00:01,000",
        "00:00:01.000 --> 00:00:02,000",
        "00:00:01,000 --> 00:00:02,000 X1:1",
        "00:00:61,000 --> 00:00:62,000",
        "Ann: hi",
        "Ann: hi",
        "Ann: ",
        "Ann:",
        "Ann:  x",
        "Note: x",
        MARK,
        MARK + "Ann: x",
        "x --> y",
        "text",
    ]
)


@given(st.lists(_NEAR_SRT_LINES, max_size=20), st.booleans())
def test_fast_path_agrees_with_the_line_by_line_reader(lines: list[str], end: bool) -> None:  # noqa: FBT001 - drawn by hypothesis
    text = "\n".join(lines) + ("\n" if end else "")
    res = srt.parse(text)
    assert (res.value, res.diagnostics) == _line_by_line(text)


@pytest.mark.parametrize(
    "body",
    ["Ann: hi", "Ann: \nhi", "Ann:  x", "Ann:\nhi", "Ann: \u3000", "Ann: x\ny", "Ann:x", "Note: x"],
)
def test_a_known_label_reads_as_the_line_by_line_reader_does(body: str) -> None:
    # The first cue makes "Ann" (and "Note") known; the second takes the fast path's
    # shortcut for known labels, which must give _split_speaker's answer.
    text = (
        "1\n00:00:01,000 --> 00:00:02,000\nAnn: a\n\n"
        "2\n00:00:02,000 --> 00:00:03,000\nNote: b\n\n"
        f"3\n00:00:03,000 --> 00:00:04,000\n{body}\n\n"
    )
    res = srt.parse(text)
    assert (res.value, res.diagnostics) == _line_by_line(text)
    assert res.value[2].text != ""


def test_diagnostics_after_fast_blocks_keep_their_lines() -> None:
    good = "1\n00:00:01,000 --> 00:00:02,000\nAnn: hi\n\n"
    text = good * 3 + "\n\n\ngarbage\n\n" + good * 2 + "7\nnot a timing line\n\n" + good
    res = srt.parse(text)
    assert [t.text for t in res.value] == ["hi"] * 6
    assert [(d.code, d.line, d.source) for d in res.diagnostics] == [
        ("srt.not-a-cue", 16, "garbage"),
        ("srt.no-timing", 27, "not a timing line"),
    ]


@pytest.mark.parametrize("body", [MARK, MARK + " ", MARK + "\u3000"])
def test_a_cue_holding_only_the_mark_is_skipped_with_a_warning(body: str) -> None:
    good = "2\n00:00:02,000 --> 00:00:03,000\nAnn: hi\n"
    res = srt.parse(f"1\n00:00:01,000 --> 00:00:02,000\n{body}\n\n{good}")
    assert [(t.speaker, t.text) for t in res.value] == [("Ann", "hi")]
    assert [(d.code, d.line, d.severity) for d in res.diagnostics] == [
        ("srt.empty-cue", 3, Severity.WARNING)
    ]
    assert res.diagnostics[0].message == (
        "expected cue text after the mark U+200B, found nothing; the cue is skipped"
    )
