from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes import Chapter, Episode, ParseError, Timestamp
from podnotes import strategies as pst
from podnotes.diagnostics import render_diagnostics
from podnotes.formats import mp4chaps
from podnotes.formats._registry import get_format

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
STRICT = True  # the Reader takes strict by position

# One line, no surrounding whitespace (render refuses the rest); unicode included.
_TITLES = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters="\r\n"),
    min_size=1,
    max_size=20,
).filter(lambda t: t == t.strip() and bool(t))


def chapter_lists() -> st.SearchStrategy[list[Chapter]]:
    """Chapters with one-line titles, and ends and URLs the format drops."""
    return pst.chapter_lists(
        titles=_TITLES,
        starts=st.integers(0, 200 * 3600 * 1000),
        with_ends=True,
        with_urls=True,
        lengths=st.just(1),
    )


def _carried(chapters: list[Chapter]) -> tuple[Chapter, ...]:
    return tuple(Chapter(start=c.start, title=c.title) for c in chapters)


@given(chapter_lists())
def test_round_trip(chapters: list[Chapter]) -> None:
    text = mp4chaps.render(chapters)
    back = mp4chaps.parse(text, strict=True)
    assert back.value == _carried(chapters)
    assert back.diagnostics == ()
    assert mp4chaps.render(back.value) == text
    fmt = get_format("mp4chaps")
    text = fmt.write(Episode(title="Not carried", chapters=chapters))
    assert fmt.read is not None
    assert fmt.read(text, STRICT).value == Episode(chapters=_carried(chapters))
    assert fmt.looks_like is not None
    assert fmt.looks_like(text) == bool(chapters)


@given(st.text())
def test_lenient_parse_never_raises(text: str) -> None:
    mp4chaps.parse(text)


def test_golden_file() -> None:
    text = (FIXTURES / "mp4chaps.txt").read_text(encoding="utf-8")
    result = mp4chaps.parse(text, strict=True)
    expected = (
        Chapter(start=Timestamp(0), title="Cold open"),
        Chapter(start=Timestamp(65_500), title="Q&A with Dr. Ann Lee"),
        Chapter(start=Timestamp(1_805_000), title="The tide turns"),
        Chapter(start=Timestamp(3_722_500), title="Outro"),
    )
    assert result.value == expected
    assert result.diagnostics == ()
    assert mp4chaps.render(expected) == (
        "00:00:00.000 Cold open\n"
        "00:01:05.500 Q&A with Dr. Ann Lee\n"
        "00:30:05.000 The tide turns\n"
        "01:02:02.500 Outro\n"
    )


def test_short_times_and_hours_past_99() -> None:
    result = mp4chaps.parse("05:07 A\n1:00:00,5 x\n100:00:00.000 B", strict=False)
    assert result.value == (Chapter(start=Timestamp(307_000), title="A"),
                            Chapter(start=Timestamp(360_000_000), title="B"))  # fmt: skip
    assert [d.code for d in result.diagnostics] == ["mp4chaps.bad-line"]
    assert mp4chaps.render(result.value).endswith("\n100:00:00.000 B\n")


def test_errors_render_with_carets() -> None:
    text = "\n".join(
        [
            "00:00:10.000 Ten",
            "Intro 00:00:00",
            "00:99:00.000 Bad minutes",
            "00:00:20.000",
            "00:00:05.000 Earlier",
            "00:00:30.000 Fine",
        ]
    )
    with pytest.raises(ParseError) as caught:
        mp4chaps.parse(text, strict=True)
    assert str(caught.value) == "\n".join(
        [
            "4 problems in the input:",
            "line 2, column 1: expected a line such as \"00:01:05.500 Title\", found 'Intro 00:00:00'",
            "    2 | Intro 00:00:00",
            "      | ^^^^^^^^^^^^^^",
            "",
            'line 3, column 1: expected minutes below 60 after hours, found "00:99:00.000"',
            "    3 | 00:99:00.000 Bad minutes",
            "      | ^^^^^^^^^^^^",
            "",
            "line 4, column 1: expected a title after '00:00:20.000', found nothing; dropped the chapter",
            "    4 | 00:00:20.000",
            "      | ^^^^^^^^^^^^",
            "",
            "line 5, column 1: expected a chapter start after 0:10, found 0:05; dropped it",
            "    5 | 00:00:05.000 Earlier",
            "      | ^^^^^^^^^^^^",
        ]
    )
    assert [c.title for c in mp4chaps.parse(text).value] == ["Ten", "Fine"]
    assert (
        render_diagnostics(mp4chaps.parse(text).diagnostics) == str(caught.value).split(":\n", 1)[1]
    )


@pytest.mark.parametrize(
    ("chapters", "message"),
    [
        (
            [Chapter(start=Timestamp(0), title="two\nlines")],
            "mp4chaps titles are one line without surrounding whitespace, found 'two\\nlines' (chapter 1, at 0:00)",
        ),
        (
            [Chapter(start=Timestamp(0), title=" padded")],
            "mp4chaps titles are one line without surrounding whitespace, found ' padded' (chapter 1, at 0:00)",
        ),
        (
            [Chapter(start=Timestamp(9), title="b"), Chapter(start=Timestamp(3), title="c")],
            "expected chapters in strictly increasing order of start, found 0:00.003 after 0:00.009 at index 1",
        ),
    ],
)
def test_render_refuses(chapters: list[Chapter], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        mp4chaps.render(chapters)
    assert str(caught.value) == message


def test_type_errors() -> None:
    with pytest.raises(TypeError, match="expected Chapter items, found int at 0"):
        mp4chaps.render([1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expected the text as str, found bytes"):
        mp4chaps.parse(b"")  # type: ignore[arg-type]


def test_looks_like() -> None:
    assert mp4chaps.FORMAT.looks_like is not None
    assert mp4chaps.FORMAT.looks_like("\ufeff00:00:00.000 A\n\n00:01:00.000 B\n")
    assert not mp4chaps.FORMAT.looks_like("0:00 Intro\n1:00 B\n")
    assert not mp4chaps.FORMAT.looks_like("")


@pytest.mark.parametrize(
    "text",
    ["0" * 100_000, "00:00:00.000 " + "x" * 100_000, "1:" * 50_000, "00:00:00.000 a\n" * 5_000],
)
def test_adversarial_input_is_linear(text: str) -> None:
    began = time.perf_counter()
    mp4chaps.parse(text)
    assert time.perf_counter() - began < 2.0
