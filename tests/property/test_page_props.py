"""Properties of the page parser: the round-trip law in every layout; lenient parse never raises.

The law (issue #7): ``parse(render_page(e, layout)).value == e`` with no error diagnostics,
for every episode ``podnotes.strategies`` draws for that layout.  Each layout is its own
test case, so the ``ci`` profile runs its full number of examples on every one of them.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

import podnotes
from podnotes import Episode
from podnotes import strategies as pst
from podnotes.render import PageLayout, render_page

_PAGES = {layout: pst.rendered_pages(layout=layout) for layout in PageLayout}


@pytest.mark.parametrize("layout", list(PageLayout), ids=[layout.value for layout in PageLayout])
@given(data=st.data())
def test_round_trip_law(layout: PageLayout, data: st.DataObject) -> None:
    page = data.draw(_PAGES[layout], label="page")
    result = podnotes.parse(page.text)
    assert result.value == page.episode
    assert result.ok, podnotes.diagnostics.render_diagnostics(result.errors)


@given(
    # Titles that do not end like a sentence: without a heading, five close times before
    # "speech" ("0:01 Why?") read as a timed-text transcript, as looks_like_transcript says.
    pst.chapter_lists(min_size=1, max_size=6, titles=pst.titles(punctuation=False)),
    st.sampled_from(list(PageLayout)),
    st.sampled_from(["Chapters", "Timestamps:", "## Outline", "**Topics:**", ""]),
)
def test_chapters_round_trip_under_every_heading(
    chapters: list[podnotes.Chapter], layout: PageLayout, heading: str
) -> None:
    # The "Chapters" heading render_page writes, swapped for another spelling (or none:
    # then the list needs two items to be a list).
    episode = Episode(title="A page title", chapters=pst.derived_ends(chapters, None))
    text = render_page(episode, layout).replace("\nChapters\n", f"\n{heading}\n")
    result = podnotes.parse(text)
    if heading or len(chapters) > 1:
        assert result.value == episode
        assert result.ok


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
