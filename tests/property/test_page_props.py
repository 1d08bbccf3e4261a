"""Properties of the page parser: every layout round-trips; nothing makes lenient parse raise.

The renderer here writes an episode's chapters and highlights as a page in each layout of
DESIGN.md section 4; ``podnotes.render_page`` will take its place when it is public.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

import podnotes
from podnotes import Chapter, Highlight, Timestamp
from podnotes.sections import heading_kind

_WORD = st.from_regex(r"[a-z]{1,9}", fullmatch=True)
_TAIL = st.sampled_from(["", "?", " & more", ": part two", " - live", " (redux)", "!"])


@st.composite
def titles(draw: st.DrawFn) -> str:
    """A chapter title: a capitalised phrase, maybe with the punctuation titles carry."""
    words = draw(st.lists(_WORD, min_size=1, max_size=7))
    text = " ".join(words).capitalize() + draw(_TAIL)
    # A title that is exactly a section name ("Links") is read as a heading when it
    # stands alone at the top of a two-line list; real lists rarely do that.
    if heading_kind(text) is not None:
        text += " today"
    return text


@st.composite
def starts(draw: st.DrawFn, *, min_size: int = 2) -> list[Timestamp]:
    seconds = draw(st.lists(st.integers(0, 10 * 3600), min_size=min_size, max_size=25, unique=True))
    return [Timestamp(s * 1000) for s in sorted(seconds)]


@st.composite
def chapter_lists(draw: st.DrawFn) -> list[Chapter]:
    times = draw(starts())
    return [Chapter(start=t, title=draw(titles())) for t in times]


def _clock(stamp: Timestamp, style: str) -> str:
    total = stamp.ms // 1000
    h, m, s = total // 3600, total // 60 % 60, total % 60
    if style == "hms":
        return f"{h:02d}:{m:02d}:{s:02d}"
    if style == "minutes" and h == 0:
        return f"{m:02d}:{s:02d}"
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# Each layout renders (time text, title) pairs as the lines of a list.
Layout = Callable[[list[tuple[str, str]]], list[str]]
LAYOUTS: dict[str, Layout] = {
    "time first": lambda items: [f"{t} {x}" for t, x in items],
    "time dash": lambda items: [f"{t} - {x}" for t, x in items],
    "paren en dash": lambda items: [f"({t}) – {x}" for t, x in items],
    "bracket": lambda items: [f"[{t}] {x}" for t, x in items],
    "glued": lambda items: [f"{t}-{x}" for t, x in items],
    "bullet": lambda items: [f"• {t} {x}" for t, x in items],
    "numbered": lambda items: [f"{n}. {t} {x}" for n, (t, x) in enumerate(items, 1)],
    "markdown": lambda items: [f"* **[{t}](#t={t})** {x}" for t, x in items],
    "time last": lambda items: [f"{x} {t}" for t, x in items],
    "time last paren": lambda items: [f"{x} ({t})" for t, x in items],
    "time last bracket": lambda items: [f"{x} [{t}]" for t, x in items],
    "dash colon": lambda items: [f"- {x}: {t}" for t, x in items],
    "title then time": lambda items: [line for t, x in items for line in (x, t)],
    "time then title": lambda items: [line for t, x in items for line in (t, x)],
    "pairs with blanks": lambda items: [line for t, x in items for line in (x, t, "")],
    "run-on": lambda items: [" ".join(f"({t}) - {x}" for t, x in items)],
}


@given(
    chapter_lists(),
    st.sampled_from(sorted(LAYOUTS)),
    st.sampled_from(["short", "hms", "minutes"]),
    st.sampled_from(["Chapters", "Timestamps:", "## Outline", ""]),
)
def test_chapters_round_trip_in_every_layout(
    chapters: list[Chapter], layout: str, style: str, heading: str
) -> None:
    items = [(_clock(c.start, style), c.title) for c in chapters]
    page = "\n".join(["A page title", "", heading, *LAYOUTS[layout](items)])
    result = podnotes.parse(page)
    got = [(c.start, c.title) for c in result.value.chapters]
    assert got == [(c.start, c.title) for c in chapters]
    assert result.ok


@given(chapter_lists(), st.sampled_from(["time then title", "time first", "time last paren"]))
def test_highlights_round_trip_after_a_summary(chapters: list[Chapter], layout: str) -> None:
    highlights = [Highlight(at=c.start, text=c.title) for c in chapters]
    items = [(_clock(h.at, "short"), h.text) for h in highlights]
    summary = "A summary paragraph that is longer than any item and ends with a full stop."
    page = "\n".join(["Highlights", "", summary, *LAYOUTS[layout](items)])
    episode = podnotes.parse(page).value
    assert list(episode.highlights) == highlights
    assert episode.summary == summary


@given(st.text())
def test_lenient_parse_never_raises(text: str) -> None:
    result = podnotes.parse(text)
    assert isinstance(result.value, podnotes.Episode)


_PIECES = st.sampled_from(
    ["0:00", "1:02:03", "(", ")", "[", "]", ":", " ", "\n", "#", "**", "Chapters", "-", "–",
     "Host:", "WEBVTT", "-->", "00;00;01;02", "...", "<br>", "&amp;", "\u00a0", "1.", "PT1H"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=80).map("".join))
def test_lenient_parse_never_raises_on_page_like_junk(text: str) -> None:
    podnotes.parse(text)


def test_lenient_parse_survives_a_megabyte_of_junk() -> None:
    rng = random.Random(20261128)  # noqa: S311 - junk text, not secrets
    alphabet = "0123456789:;.,()[]-– \n\tabcXYZ#*<>&\u00a0→"
    text = "".join(rng.choice(alphabet) for _ in range(1_000_000))
    result = podnotes.parse(text)
    assert isinstance(result.value, podnotes.Episode)
