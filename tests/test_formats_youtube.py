from __future__ import annotations

import itertools
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import podnotes
from podnotes import Chapter, Episode, Timestamp
from podnotes.formats import youtube
from podnotes.formats._registry import get_format

FIXTURES = Path(__file__).parent / "fixtures" / "formats"

# Titles the page parser reads back as written.  Left out on purpose (see the report in
# the module docstring of podnotes.formats.youtube): "**"/"__" (read as bold), "&" and
# "#" (entities, links), "@", "[]", "*", "_", a leading "AM"/"PM" (a clock time), leading
# or trailing punctuation (read as separators), runs of spaces (folded).
_EDGE = st.sampled_from("bcxyzBCXYZéü日本0123")
_INNER = st.text(string.ascii_letters + string.digits + " .,!?'-:()/+%$\"éüñ日本🎙—–", max_size=12)
_TITLES = st.builds(lambda a, b, c: " ".join(f"{a}{b}{c}".split()), _EDGE, _INNER, _EDGE)


@st.composite
def valid_lists(draw: st.DrawFn) -> list[Chapter]:
    """Chapter lists YouTube accepts: from 0:00, at least 3, each 10 s or longer."""
    gaps = draw(st.lists(st.integers(10, 5000), min_size=2, max_size=7))
    starts = [0, *itertools.accumulate(gaps)]
    return [Chapter(start=Timestamp(s * 1000), title=draw(_TITLES)) for s in starts]


@given(valid_lists())
def test_round_trip_through_the_page_parser(chapters: list[Chapter]) -> None:
    text = youtube.render(chapters)
    back = podnotes.parse(text, strict=True).value.chapters
    assert [(c.start, c.title) for c in back] == [(c.start, c.title) for c in chapters]
    assert youtube.render(back) == text


@st.composite
def any_lists(draw: st.DrawFn) -> list[Chapter]:
    starts = sorted(draw(st.sets(st.integers(0, 200_000), max_size=10)))
    return [Chapter(start=Timestamp(s), title=f"c{i}") for i, s in enumerate(starts)]


@given(any_lists(), st.none() | st.integers(0, 250_000).map(Timestamp))
def test_fix_gives_a_list_youtube_accepts(
    chapters: list[Chapter], duration: Timestamp | None
) -> None:
    problem = ""
    try:
        text = youtube.render(chapters, fix=True, duration=duration)
    except ValueError as error:
        problem = str(error)
    if problem:
        last = chapters[-1].start if chapters else Timestamp(0)
        assert re.fullmatch(
            r"YouTube needs at least 3 chapters, found [0-2] after fixing", problem
        ) or (
            duration is not None and duration <= last and problem.startswith("expected a duration")
        )
        return
    fixed = podnotes.parse(text, strict=True).value.chapters
    assert youtube.render(fixed, duration=duration) == text  # keeps every rule
    titles = [c.title for c in fixed]
    kept = [c.title for c in chapters if c.title in titles]
    assert titles in (kept, [youtube.INTRO_TITLE, *kept])


def _chapters(*pairs: tuple[float, str]) -> list[Chapter]:
    return [Chapter(start=Timestamp(round(s * 1000)), title=t) for s, t in pairs]


@pytest.mark.parametrize(
    ("chapters", "duration", "expected"),
    [
        # An Intro is put at 0:00 when the first chapter starts later.
        (_chapters((30, "A"), (60, "B"), (90, "C")), None, "0:00 Intro\n0:30 A\n1:00 B\n1:30 C\n"),
        # ... unless it would be shorter than 10 s: then the first chapter moves to 0:00.
        (_chapters((4, "A"), (60, "B"), (90, "C")), None, "0:00 A\n1:00 B\n1:30 C\n"),
        # A short chapter is dropped into the one before it.
        (_chapters((0, "A"), (20, "B"), (25, "C"), (40, "D")), None, "0:00 A\n0:25 C\n0:40 D\n"),
        # A short first chapter gives way to the next one, which starts at 0:00.
        (_chapters((0, "A"), (5, "B"), (40, "C"), (80, "D")), None, "0:00 B\n0:40 C\n1:20 D\n"),
        # A short last chapter (by its end or the duration) goes into the one before it.
        (
            _chapters((0, "A"), (20, "B"), (40, "C"), (60, "D")),
            Timestamp(65_000),
            "0:00 A\n0:20 B\n0:40 C\n",
        ),
        # Milliseconds are cut down to the second.
        (_chapters((0, "A"), (20.9, "B"), (40.5, "C")), None, "0:00 A\n0:20 B\n0:40 C\n"),
        # Hours are written when needed, each time by its own size.
        (
            _chapters((0, "A"), (59 * 60 + 40, "B"), (3600, "C")),
            None,
            "0:00 A\n59:40 B\n1:00:00 C\n",
        ),
    ],
)
def test_fix(chapters: list[Chapter], duration: Timestamp | None, expected: str) -> None:
    assert youtube.render(chapters, fix=True, duration=duration) == expected


def test_last_chapter_is_checked_by_its_own_end() -> None:
    chapters = [
        *_chapters((0, "A"), (20, "B")),
        Chapter(start=Timestamp(40_000), title="C", end=Timestamp(45_000)),
    ]
    with pytest.raises(ValueError, match=re.escape("'C' from 0:40 to 0:45 (5 s)")):
        youtube.render(chapters, duration=Timestamp(99_000))
    with pytest.raises(ValueError, match="found 2 after fixing"):
        youtube.render(chapters, fix=True)


@pytest.mark.parametrize(
    ("chapters", "fix", "message"),
    [
        (
            _chapters((0, "A"), (20, "B")),
            False,
            "YouTube needs at least 3 chapters, found 2",
        ),
        (
            _chapters((0, "A"), (5, "B"), (9, "C"), (12, "D")),
            True,
            "YouTube needs at least 3 chapters, found 2 after fixing",
        ),
        ([], True, "YouTube needs at least 3 chapters, found 0 after fixing"),
        (
            _chapters((5, "Hello"), (20, "B"), (40, "C")),
            False,
            "YouTube needs the first chapter at 0:00, found 'Hello' at 0:05; pass fix=True to repair it",
        ),
        (
            _chapters((0, "A"), (20, "Short"), (25, "C")),
            False,
            "YouTube needs chapters of at least 10 seconds, found 'Short' from 0:20 to 0:25 (5 s); pass fix=True to repair it",
        ),
        (
            _chapters((0, "A"), (20.5, "B"), (40, "C")),
            False,
            "YouTube times are whole seconds, found 'B' at 0:20.500; pass fix=True to repair it",
        ),
        (
            _chapters((0, "A"), (40, "B"), (20, "C")),
            True,
            "YouTube needs ascending times, found 'C' at 0:20 after 'B' at 0:40 (chapter 3)",
        ),
        (
            _chapters((0, "A"), (20, "two\nlines"), (40, "C")),
            True,
            "YouTube chapter titles are one line, found 'two\\nlines'",
        ),
        (
            _chapters((0, "A"), (20, "B\u2028C"), (40, "C")),
            False,
            "YouTube chapter titles are one line, found 'B\\u2028C'",
        ),
    ],
)
def test_render_refuses(chapters: list[Chapter], fix: bool, message: str) -> None:  # noqa: FBT001
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        youtube.render(chapters, fix=fix)
    assert str(caught.value) == message


def test_render_refuses_other_items() -> None:
    with pytest.raises(TypeError, match="expected Chapter items, found str"):
        youtube.render(["0:00 Intro"])  # type: ignore[list-item]


def test_golden_file() -> None:
    episode = Episode(
        title="Tides and Time",
        duration=Timestamp.parse("1:02:30"),
        chapters=_chapters(
            (0, "Cold open"),
            (65, "Q&A with Dr. Ann Lee"),
            (1805, "The tide turns (part 2)"),
            (3722, "Outro: thanks - and goodbye"),
        ),
    )
    fmt = get_format("youtube")
    text = fmt.write(episode)
    assert text == (FIXTURES / "youtube.txt").read_text(encoding="utf-8")
    assert fmt.read is None
    assert fmt.looks_like is None
    back = podnotes.parse(text, strict=True).value.chapters
    assert [(c.start, c.title) for c in back] == [(c.start, c.title) for c in episode.chapters]


def test_duration_must_come_after_the_last_start() -> None:
    chapters = _chapters((0, "A"), (20, "B"), (40, "C"))
    message = "expected a duration after the last chapter's start (0:40), found 0:40"
    for fix in (False, True):
        with pytest.raises(ValueError, match=re.escape(message)):
            youtube.render(chapters, fix=fix, duration=Timestamp(40_000))
