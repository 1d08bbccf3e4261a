from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes import Chapter, Episode, ParseError, Severity, Timestamp
from podnotes import strategies as pst
from podnotes.diagnostics import render_diagnostics
from podnotes.formats import ffmetadata
from podnotes.formats._registry import get_format

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
STRICT = True  # the Reader takes strict by position

# Titles with every character the format escapes, unicode, and surrounding spaces; never
# NUL, never blank, never ending in a backslash (render refuses those).
_TITLES = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\x00")
    | st.sampled_from("=;#\\\n\r[]"),
    min_size=1,
    max_size=20,
).filter(lambda t: bool(t.strip()) and not t.endswith("\\"))


def chapter_lists() -> st.SearchStrategy[list[Chapter]]:
    return pst.chapter_lists(
        max_size=6,
        titles=_TITLES,
        starts=st.integers(0, 10**8),
        with_ends=True,
        lengths=st.integers(1, 10**6),
    )


def _filled(chapters: list[Chapter], duration: Timestamp) -> tuple[Chapter, ...]:
    """The chapters as the format carries them: every end set."""
    out = []
    for index, chapter in enumerate(chapters):
        end = chapter.end
        if end is None:
            end = chapters[index + 1].start if index + 1 < len(chapters) else duration
        out.append(Chapter(start=chapter.start, title=chapter.title, end=end))
    return tuple(out)


@given(chapter_lists(), st.integers(1, 10**6), st.none() | _TITLES)
def test_round_trip(chapters: list[Chapter], extra: int, title: str | None) -> None:
    duration = Timestamp((chapters[-1].start.ms if chapters else 0) + extra)
    text = ffmetadata.render(chapters, duration=duration)
    back = ffmetadata.parse(text, strict=True)
    assert back.value == _filled(chapters, duration)
    assert back.diagnostics == ()
    assert ffmetadata.render(back.value) == text
    fmt = get_format("ffmetadata")
    episode = Episode(title=title, chapters=chapters, duration=duration)
    text = fmt.write(episode)
    assert fmt.looks_like is not None
    assert fmt.looks_like(text)
    assert fmt.read is not None
    assert fmt.read(text, STRICT).value == Episode(
        title=title, chapters=_filled(chapters, duration)
    )


@given(st.text())
def test_lenient_parse_never_raises(text: str) -> None:
    ffmetadata.parse(text)
    ffmetadata.parse(";FFMETADATA1\n[CHAPTER]\n" + text)


@given(
    st.lists(
        st.sampled_from(
            [
                "[CHAPTER]",
                "TIMEBASE=1/3",
                "START=7",
                "END=9",
                "title=x",
                "title=\\",
                "[STREAM]",
                "k=v",
                ";c",
                "",
                "\\\r",
                "x",
                "END=1",
                "TIMEBASE=0/1",
                "START=-1",
            ]
        ),
        max_size=30,
    )
)
def test_lenient_parse_never_raises_on_near_misses(lines: list[str]) -> None:
    ffmetadata.parse("\n".join([";FFMETADATA1", *lines]))


def test_golden_file() -> None:
    text = (FIXTURES / "ffmetadata.txt").read_text(encoding="utf-8")
    fmt = get_format("ffmetadata")
    assert fmt.read is not None
    result = fmt.read(text, STRICT)
    assert result.value == Episode(
        title="Tides & Time; episode #12",
        chapters=[
            Chapter(start=Timestamp(0), title="Cold open", end=Timestamp(65_500)),
            Chapter(
                start=Timestamp(65_500),
                title="Q=A with Dr. Ann Lee \\ part 1",
                end=Timestamp(1_805_000),
            ),
            Chapter(
                start=Timestamp(1_805_000),
                title="Two lines:\nthe tide turns",
                end=Timestamp(3_722_000),
            ),
        ],
    )
    assert [(d.code, d.line, d.severity) for d in result.diagnostics] == [
        ("ffmetadata.ignored", 3, Severity.INFO)
    ]
    assert fmt.write(result.value) == "\n".join(
        [
            ";FFMETADATA1",
            "title=Tides & Time\\; episode \\#12",
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            "START=0",
            "END=65500",
            "title=Cold open",
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            "START=65500",
            "END=1805000",
            "title=Q\\=A with Dr. Ann Lee \\\\ part 1",
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            "START=1805000",
            "END=3722000",
            "title=Two lines:\\",
            "the tide turns",
            "",
        ]
    )


def test_escapes_every_special_character() -> None:
    chapter = Chapter(start=Timestamp(0), title="a=b;c#d\\e\nf\rg", end=Timestamp(1))
    text = ffmetadata.render([chapter])
    assert text.endswith("title=a\\=b\\;c\\#d\\\\e\\\nf\\\rg\n")
    assert ffmetadata.parse(text, strict=True).value == (chapter,)


def test_escaped_carriage_return_before_a_line_feed() -> None:
    # "\" CR is an escaped CR; the LF after it still ends the line (as FFmpeg reads it).
    text = (
        ";FFMETADATA1\r\n[CHAPTER]\r\nTIMEBASE=1/1000\r\nSTART=0\r\nEND=5\r\ntitle=a\\\r\nb=c\r\n"
    )
    result = ffmetadata.parse(text)
    assert result.value == (Chapter(start=Timestamp(0), title="a\r", end=Timestamp(5)),)
    assert [(d.code, d.line) for d in result.diagnostics] == [("ffmetadata.ignored", 7)]


@pytest.mark.parametrize(
    ("timebase", "start", "ms"),
    [
        ("1/1", "65", 65_000),
        ("1/1000000", "65500000", 65_500),
        ("1/90000", "5895000", 65_500),
        ("1001/30000", "30", 1001),
    ],
)
def test_other_timebases_convert_exactly(timebase: str, start: str, ms: int) -> None:
    text = f";FFMETADATA1\n[CHAPTER]\nTIMEBASE={timebase}\nSTART={start}\nEND={int(start) * 2}\ntitle=x\n"
    result = ffmetadata.parse(text, strict=True)
    assert result.value[0].start == Timestamp(ms)
    assert result.diagnostics == ()


def test_rounding_is_reported_once() -> None:
    text = ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/3\nSTART=1\nEND=2\ntitle=x\n"
    result = ffmetadata.parse(text, strict=True)
    assert result.value == (Chapter(start=Timestamp(333), title="x", end=Timestamp(667)),)
    assert render_diagnostics(result.diagnostics) == "\n".join(
        [
            "line 4, column 1: rounded 2 times to whole milliseconds",
            "    4 | START=1",
            "      | ^^^^^^^",
        ]
    )


def test_missing_timebase_means_nanoseconds() -> None:
    text = ";FFMETADATA1\n[CHAPTER]\nSTART=1500000000\nEND=2000000000\ntitle=x\n"
    result = ffmetadata.parse(text, strict=True)
    assert result.value == (Chapter(start=Timestamp(1500), title="x", end=Timestamp(2000)),)
    assert render_diagnostics(result.diagnostics) == "\n".join(
        [
            "line 2, column 1: found no TIMEBASE; read START and END as nanoseconds, as FFmpeg does",
            "    2 | [CHAPTER]",
            "      | ^^^^^^^^^",
        ]
    )


def test_comments_streams_and_unknown_tags() -> None:
    text = "\n".join(
        [
            ";FFMETADATA1",
            "# comment",
            "album=A",
            "[STREAM]",
            "title=stream title",
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            "START=0",
            "END=5",
            "; comment",
            "TITLE=x",
            "language=eng",
        ]
    )
    result = ffmetadata.parse(text, strict=True)
    assert result.value == (Chapter(start=Timestamp(0), title="x", end=Timestamp(5)),)
    assert [(d.code, d.line, d.severity) for d in result.diagnostics] == [
        ("ffmetadata.ignored", 3, Severity.INFO),
        ("ffmetadata.ignored", 5, Severity.INFO),
        ("ffmetadata.ignored", 12, Severity.INFO),
    ]


def test_errors_render_with_carets() -> None:
    text = "\n".join(
        [
            ";FFMETADATA2",
            "title=   ",
            "[CHAPTER]",
            "title=late",
            "TIMEBASE=1/1000",
            "START=5000",
            "END=4000",
            "[CHAPTER]",
            "TIMEBASE=1/0",
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            "START=x",
            "oops",
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            "START=1000",
            "END=2000",
            "title=early",
            "title=again",
            "[CHAPTER]",
            "TIMEBASE=1/1000",
            "START=9000",
            "title= ",
            "\\",
        ]
    )
    with pytest.raises(ParseError) as caught:
        ffmetadata.parse(text, strict=True)
    assert str(caught.value) == "\n".join(
        [
            "11 problems in the input:",
            "line 2, column 1: expected a title that is not blank, found a blank one",
            "    2 | title=   ",
            "      | ^^^^^^",
            "",
            "line 7, column 1: expected an END after the START (0:05), found 0:04",
            "    7 | END=4000",
            "      | ^^^^^^^^",
            "",
            "line 9, column 1: expected a TIMEBASE such as \"1/1000\", found '1/0'",
            "    9 | TIMEBASE=1/0",
            "      | ^^^^^^^^^^^^",
            "",
            "line 10, column 1: expected title= in the chapter, found none; dropped the chapter",
            "   10 | [CHAPTER]",
            "      | ^^^^^^^^^",
            "",
            "line 12, column 1: expected START as a whole number of at least 0, found 'x'",
            "   12 | START=x",
            "      | ^^^^^^^",
            "",
            "line 13, column 1: expected a key=value line or a section, found 'oops'",
            "   13 | oops",
            "      | ^^^^",
            "",
            "line 16, column 1: expected a chapter start after 0:05, found 0:01; dropped it",
            "   16 | START=1000",
            "      | ^^^^^^^^^^",
            "",
            "line 19, column 1: expected one title in a chapter, found another",
            "   19 | title=again",
            "      | ^^^^^^^^^^^",
            "",
            "line 23, column 1: expected a title that is not blank, found a blank one; dropped the chapter",
            "   23 | title= ",
            "      | ^^^^^^",
            "",
            "line 24, column 1: expected a character after the backslash, found the end of the text",
            "   24 | \\",
            "      | ^",
            "",
            "line 24, column 1: expected a key=value line or a section, found '\\\\'",
            "   24 | \\",
            "      | ^",
        ]
    )
    lenient = ffmetadata.parse(text)
    assert lenient.value == (Chapter(start=Timestamp(5000), title="late"),)
    assert [
        (d.code, d.severity) for d in lenient.diagnostics if d.severity is not Severity.ERROR
    ] == [
        ("ffmetadata.version", Severity.WARNING),
        ("ffmetadata.order", Severity.WARNING),
        ("ffmetadata.order", Severity.WARNING),
        ("ffmetadata.order", Severity.WARNING),
    ]


def test_missing_header_and_end() -> None:
    result = ffmetadata.parse("[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\ntitle=x\n")
    assert result.value == ()
    assert render_diagnostics(result.errors) == "\n".join(
        [
            "line 1, column 1: expected ';FFMETADATA1', found '[CHAPTER]'",
            "    1 | [CHAPTER]",
            "      | ^^^^^^^^^",
        ]
    )
    result = ffmetadata.parse(";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\ntitle=x\n")
    assert result.value == (Chapter(start=Timestamp(0), title="x"),)
    assert [d.code for d in result.errors] == ["ffmetadata.missing-end"]
    assert [d.message for d in ffmetadata.parse("").errors] == [
        "expected ';FFMETADATA1', found nothing"
    ]


def test_bom_is_ignored() -> None:
    text = "\ufeff;FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1\ntitle=x\n"
    assert ffmetadata.parse(text, strict=True).value[0].title == "x"
    assert ffmetadata.FORMAT.looks_like is not None
    assert ffmetadata.FORMAT.looks_like(text)
    assert not ffmetadata.FORMAT.looks_like("WEBVTT\n")


@pytest.mark.parametrize(
    ("chapters", "kwargs", "message"),
    [
        (
            [Chapter(start=Timestamp(0), title="Only")],
            {},
            "ffmetadata needs an end for every chapter: give the last chapter ('Only' at 0:00) an end, or pass duration=",
        ),
        (
            [Chapter(start=Timestamp(5000), title="Only")],
            {"duration": Timestamp(5000)},
            "expected a duration after the last chapter's start (0:05), found 0:05",
        ),
        (
            [Chapter(start=Timestamp(0), title="a\0b", end=Timestamp(1))],
            {},
            "ffmetadata cannot carry a NUL character, found one in the title of chapter 1: 'a\\x00b'",
        ),
        (
            [Chapter(start=Timestamp(0), title="a\\", end=Timestamp(1))],
            {},
            "ffmetadata cannot carry a text ending in a backslash (FFmpeg would read the next line into it), found the title of chapter 1: 'a\\\\'",
        ),
        ([], {"title": " "}, "expected a title that is not blank, found ' '"),
        (
            [Chapter(start=Timestamp(5), title="b"), Chapter(start=Timestamp(5), title="c")],
            {"duration": Timestamp(9)},
            "expected chapters in strictly increasing order of start, found 0:00.005 after 0:00.005 at index 1",
        ),
    ],
)
def test_render_refuses(chapters: list[Chapter], kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        ffmetadata.render(chapters, **kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_render_refuses_other_items() -> None:
    with pytest.raises(TypeError, match="expected Chapter items, found str at 0"):
        ffmetadata.render(["x"])  # type: ignore[list-item]


def test_parse_refuses_bytes() -> None:
    with pytest.raises(TypeError, match="expected the text as str, found bytes"):
        ffmetadata.parse(b";FFMETADATA1")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        ";FFMETADATA1\n" + "\\" * 100_001,
        ";FFMETADATA1\ntitle=" + "\\=" * 50_000,
        ";FFMETADATA1\n" + "[CHAPTER]\n" * 5_000,
        ";FFMETADATA1\n" + "=" * 100_000,
        ";FFMETADATA1\n[CHAPTER]\nSTART=" + "9" * 100_000,
    ],
)
def test_adversarial_input_is_linear(text: str) -> None:
    began = time.perf_counter()
    ffmetadata.parse(text)
    assert time.perf_counter() - began < 2.0
