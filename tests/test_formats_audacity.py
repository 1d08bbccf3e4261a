from __future__ import annotations

import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes import Chapter, Episode, ParseError, Severity, Timestamp
from podnotes import strategies as pst
from podnotes.formats import audacity
from podnotes.formats._registry import get_format

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
STRICT = True  # the Reader takes strict by position

# Labels keep everything but tabs and line breaks, surrounding spaces included.
_TITLES = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\t\r\n"),
    min_size=1,
    max_size=20,
).filter(str.strip)


def chapter_lists() -> st.SearchStrategy[list[Chapter]]:
    """Chapters with label titles, some ends, and URLs the format drops."""
    return pst.chapter_lists(
        titles=_TITLES, starts=st.integers(0, 10**9), with_ends=True, with_urls=True
    )


def _carried(chapters: list[Chapter]) -> tuple[Chapter, ...]:
    return tuple(Chapter(start=c.start, title=c.title, end=c.end) for c in chapters)


@given(chapter_lists())
def test_round_trip(chapters: list[Chapter]) -> None:
    text = audacity.render(chapters)
    back = audacity.parse(text, strict=True)
    assert back.value == _carried(chapters)
    assert back.diagnostics == ()
    assert audacity.render(back.value) == text
    fmt = get_format("audacity")
    text = fmt.write(Episode(title="Not carried", chapters=chapters))
    assert fmt.read is not None
    assert fmt.read(text, STRICT).value == Episode(chapters=_carried(chapters))
    assert fmt.looks_like is not None
    assert fmt.looks_like(text) == bool(chapters)


@given(st.text())
def test_lenient_parse_never_raises(text: str) -> None:
    audacity.parse(text)
    audacity.parse("1\t2\t" + text)


def test_golden_file() -> None:
    text = (FIXTURES / "audacity.txt").read_text(encoding="utf-8")
    result = audacity.parse(text, strict=True)
    expected = (
        Chapter(start=Timestamp(0), title="Cold open", end=Timestamp(65_500)),
        Chapter(start=Timestamp(65_500), title="Q&A with Dr. Ann Lee"),
        Chapter(start=Timestamp(1_805_000), title=" The tide turns ", end=Timestamp(3_722_493)),
        Chapter(start=Timestamp(3_722_500), title="Outro"),
    )
    assert result.value == expected
    assert [(d.code, d.line, d.severity) for d in result.diagnostics] == [
        ("audacity.ignored", 3, Severity.INFO),
        ("audacity.rounded", 4, Severity.INFO),
    ]
    assert audacity.render(expected) == (
        "0.000000\t65.500000\tCold open\n"
        "65.500000\t65.500000\tQ&A with Dr. Ann Lee\n"
        "1805.000000\t3722.493000\t The tide turns \n"
        "3722.500000\t3722.500000\tOutro\n"
    )


def test_loose_lines() -> None:
    result = audacity.parse("1\tpoint without an end\r\n2.5\t3.0005\tHalf up\r\n", strict=True)
    assert result.value == (
        Chapter(start=Timestamp(1000), title="point without an end"),
        Chapter(start=Timestamp(2500), title="Half up", end=Timestamp(3001)),
    )
    assert [d.message for d in result.diagnostics] == ["rounded 1 time to whole milliseconds"]


def test_errors_render_with_carets() -> None:
    text = "\n".join(
        [
            "5\t6\tFive",
            "x\t1\tBad start",
            "7\ty7\tBad end",
            "8",
            "9\t10",
            "11\t10\tBackwards",
            "1\t2\tEarlier",
            "12\t13\t   ",
        ]
    )
    with pytest.raises(ParseError) as caught:
        audacity.parse(text, strict=True)
    assert str(caught.value) == "\n".join(
        [
            "7 problems in the input:",
            "line 2, column 1: expected the start in seconds such as 65.500000, found 'x'",
            "    2 | x\t1\tBad start",
            "      | ^",
            "",
            "line 3, column 3: expected the end in seconds such as 65.500000, found 'y7'",
            "    3 | 7\ty7\tBad end",
            "      |  \t^^",
            "",
            "line 4, column 1: expected a tab and a label after '8', found nothing",
            "    4 | 8",
            "      | ^",
            "",
            "line 5, column 1: expected a label that is not blank, found a blank one; dropped it",
            "    5 | 9\t10",
            "      | ^^^^",
            "",
            "line 6, column 1: expected an end at or after the start (0:11), found 0:10",
            "    6 | 11\t10\tBackwards",
            "      | ^^^^^^^^^^^^^^^",
            "",
            "line 7, column 1: expected a label start after 0:11, found 0:01; dropped it",
            "    7 | 1\t2\tEarlier",
            "      | ^^^^^^^^^^^",
            "",
            "line 8, column 1: expected a label that is not blank, found a blank one; dropped it",
            "    8 | 12\t13\t   ",
            "      | ^^^^^",
        ]
    )
    assert audacity.parse(text).value == (
        Chapter(start=Timestamp(5000), title="Five", end=Timestamp(6000)),
        Chapter(start=Timestamp(11_000), title="Backwards"),
    )


@pytest.mark.parametrize(
    ("chapters", "message"),
    [
        (
            [Chapter(start=Timestamp(0), title="tab\there")],
            "Audacity labels cannot hold a tab or a line break, found 'tab\\there'",
        ),
        (
            [Chapter(start=Timestamp(0), title="two\r\nlines")],
            "Audacity labels cannot hold a tab or a line break, found 'two\\r\\nlines'",
        ),
        (
            [Chapter(start=Timestamp(9), title="b"), Chapter(start=Timestamp(9), title="c")],
            "expected chapters in strictly increasing order of start, found 0:00.009 after 0:00.009 at index 1",
        ),
    ],
)
def test_render_refuses(chapters: list[Chapter], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        audacity.render(chapters)


def test_type_errors() -> None:
    with pytest.raises(TypeError, match="expected Chapter items, found int"):
        audacity.render([1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expected the text as str, found bytes"):
        audacity.parse(b"")  # type: ignore[arg-type]


def test_looks_like() -> None:
    assert audacity.FORMAT.looks_like is not None
    assert audacity.FORMAT.looks_like("\ufeff\n0.5\t1\tA\n")
    assert not audacity.FORMAT.looks_like("0:00 Intro\n")
    assert not audacity.FORMAT.looks_like("")


@pytest.mark.parametrize(
    "text", ["1" * 100_000, "1\t" * 50_000, "\t" * 100_000 + "x", "1.5\t2\tx\n" * 5_000]
)
def test_adversarial_input_is_linear(text: str) -> None:
    began = time.perf_counter()
    audacity.parse(text)
    assert time.perf_counter() - began < 2.0


@given(st.from_regex(r"[0-9]{1,6}(\.[0-9]{1,9})?", fullmatch=True))
def test_seconds_round_like_timestamp(text: str) -> None:
    result = audacity.parse(f"{text}\t{text}\tx")
    assert result.value[0].start == Timestamp.from_seconds(Decimal(text))
    rounded = Decimal(text) * 1000 != int(Decimal(text) * 1000)
    assert [d.code for d in result.diagnostics] == (["audacity.rounded"] if rounded else [])
