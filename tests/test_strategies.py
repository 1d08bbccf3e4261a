"""podnotes.strategies and podnotes.render: the shipped strategies draw valid values, the
entry point registers them, noisy pages parse cleanly, and render_page refuses what a page
cannot carry back."""

from __future__ import annotations

import subprocess
import sys

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import podnotes
from podnotes import Chapter, Episode, Highlight, Section, SpeakerTurn, Timestamp
from podnotes import strategies as pst
from podnotes.render import PageLayout, render_page
from podnotes.transcript import TranscriptLayout

MODEL_TYPES = [Timestamp, Chapter, Highlight, SpeakerTurn, Episode]


@pytest.mark.parametrize("kind", MODEL_TYPES, ids=[k.__name__ for k in MODEL_TYPES])
@given(data=st.data())
def test_from_type_draws_valid_values_through_the_entry_point(
    kind: type, data: st.DataObject
) -> None:
    value = data.draw(st.from_type(kind))
    assert type(value) is kind
    assert attrs.has(kind)
    attrs.validate(value)  # type: ignore[arg-type]


def test_the_core_package_never_imports_hypothesis() -> None:
    code = "import sys, podnotes, podnotes.render; print('hypothesis' in sys.modules)"
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "False"


@given(
    pst.chapter_lists(with_ends=True, with_urls=True),
    pst.highlight_lists(),
    pst.speaker_turn_lists(cues=True),
)
def test_item_strategies_build_a_valid_episode(
    chapters: list[Chapter], highlights: list[Highlight], turns: list[SpeakerTurn]
) -> None:
    episode = Episode(chapters=chapters, highlights=highlights, transcript=turns)
    attrs.validate(episode)
    assert all(c.end is None or c.end > c.start for c in chapters)
    assert [h.at for h in highlights] == sorted({h.at for h in highlights})


@given(pst.speaker_turn_lists(timed=True, named=True, whole_seconds=True))
def test_timed_turns_end_where_the_next_starts(turns: list[SpeakerTurn]) -> None:
    assert all(t.speaker is not None and t.start is not None for t in turns)
    assert all(t.start.ms % 1000 == 0 for t in turns if t.start is not None)
    assert [t.end for t in turns] == [*(t.start for t in turns[1:]), None]


@given(pst.timestamps(min_ms=1500, max_ms=9000, whole_seconds=True))
def test_timestamps_keep_to_their_bounds(stamp: Timestamp) -> None:
    assert 2000 <= stamp.ms <= 9000
    assert stamp.ms % 1000 == 0


@given(pst.rendered_pages(noise=True))
def test_noisy_pages_parse_without_errors(page: pst.RenderedPage) -> None:
    result = podnotes.parse(page.text)
    assert result.ok, podnotes.diagnostics.render_diagnostics(result.errors)
    episode = result.value
    # Noise never costs an item: the lists come back whole, sponsors as a raw section.
    assert episode.chapters == page.episode.chapters
    assert episode.highlights == page.episode.highlights
    if not page.noisy:
        assert episode == page.episode


@given(pst.page_texts(PageLayout.TWO_LINE_SPACED, noise=False))
def test_page_texts_are_the_text_of_rendered_pages(text: str) -> None:
    assert podnotes.parse(text).ok


# --- render_page refuses what the page cannot carry back ---------------------------------

_T = Timestamp
_TWO = (Chapter(start=_T(0), title="Intro", end=_T(5000)), Chapter(start=_T(5000), title="News"))


@pytest.mark.parametrize(
    ("episode", "layout", "message"),
    [
        (
            Episode(sections=[Section(heading="Links", text="x")]),
            PageLayout.TIME_FIRST,
            (
                "render_page cannot write Episode.sections: raw sections hold free text that "
                "would read back as lists, headings or prose; leave them out "
                "(attrs.evolve(episode, sections=()))"
            ),
        ),
        (
            Episode(chapters=[attrs.evolve(_TWO[0], end=_T(4000)), _TWO[1]]),
            PageLayout.TIME_FIRST,
            (
                "cannot write Episode.chapters[0].end (0:04) in layout 'time-first': the parser "
                'derives it from the next start or the duration (0:05); use "range" to write ends'
            ),
        ),
        (
            Episode(chapters=[attrs.evolve(_TWO[0], url="https://example.org/"), _TWO[1]]),
            PageLayout.RUN_ON,
            "cannot write Episode.chapters[0].url in layout 'run-on': several items share one line",
        ),
        (
            Episode(chapters=[attrs.evolve(_TWO[0], title="Intro  twice"), _TWO[1]]),
            PageLayout.TIME_FIRST,
            (
                "cannot write Episode.chapters[0] = 'Intro  twice': a page line holds it only "
                "when it is one line without HTML tags, entities, odd or doubled spaces"
            ),
        ),
        (
            Episode(chapters=[attrs.evolve(_TWO[0], title="At 3:15 sharp"), _TWO[1]]),
            PageLayout.TIME_FIRST,
            (
                "cannot write Episode.chapters[0] in layout 'time-first': it would read back as "
                "(Timestamp(ms=0), 'At', None) (a time, list mark, Markdown or separator "
                "in the text?)"
            ),
        ),
        (
            Episode(chapters=[attrs.evolve(_TWO[0], title="Links"), _TWO[1]]),
            PageLayout.TWO_LINE_TITLE_FIRST,
            (
                "cannot write Episode.chapters in layout 'two-line-title-first': a title reads "
                "as a heading"
            ),
        ),
        (
            Episode(summary="A summary."),
            PageLayout.TIME_FIRST,
            "cannot write Episode.summary without highlights: it heads the highlight list",
        ),
        (
            Episode(title="Duration: 5:00"),
            PageLayout.TIME_FIRST,
            "cannot write Episode.title = 'Duration: 5:00': the page would read back None",
        ),
        (
            Episode(description="No title above me."),
            PageLayout.TIME_FIRST,
            "cannot write Episode.title = None: the page would read back 'No title above me.'",
        ),
    ],
)
def test_render_page_refuses_what_would_read_back_differently(
    episode: Episode, layout: PageLayout, message: str
) -> None:
    with pytest.raises(ValueError) as caught:  # noqa: PT011 - the whole message is checked
        render_page(episode, layout)
    assert str(caught.value) == message


def test_render_page_refuses_turns_the_transcript_layout_cannot_hold() -> None:
    turns = [SpeakerTurn(speaker="Ann", text="so we begin.")]
    with pytest.raises(ValueError) as caught:  # noqa: PT011 - the whole message is checked
        render_page(Episode(transcript=turns), transcript_layout=TranscriptLayout.TIMED_TEXT)
    assert str(caught.value) == (
        "cannot write Episode.transcript[0] in transcript layout 'timed-text': it would read "
        "back as SpeakerTurn(speaker=None, text='so we begin.', start=None, end=None)"
    )
    with pytest.raises(ValueError, match="does not write transcripts in layout 'range-line'"):
        render_page(Episode(transcript=turns), transcript_layout="range-line")
    with pytest.raises(TypeError, match="expects an Episode, found str"):
        render_page("page")  # type: ignore[arg-type]


@pytest.mark.parametrize("layout", [PageLayout.TIME_FIRST, PageLayout.RANGE])
def test_missing_chapter_ends_come_back_derived(layout: PageLayout) -> None:
    chapters = [attrs.evolve(chapter, end=None) for chapter in _TWO]
    episode = Episode(duration=_T(9000), chapters=chapters)
    back = podnotes.parse(render_page(episode, layout)).value
    assert back == attrs.evolve(episode, chapters=pst.derived_ends(chapters, _T(9000)))
    assert [str(c.end) for c in back.chapters] == ["0:05", "0:09"]


@pytest.mark.parametrize("layout", list(PageLayout), ids=[layout.value for layout in PageLayout])
def test_every_layout_writes_its_documented_item(layout: PageLayout) -> None:
    episode = Episode(chapters=[attrs.evolve(_TWO[0], end=_T(4000)), _TWO[1]])
    episode = (
        episode if layout is PageLayout.RANGE else Episode(chapters=pst.derived_ends(_TWO, None))
    )
    lines = render_page(episode, layout).split("\n")
    expected = {
        PageLayout.TIME_FIRST: ["0:00 Intro", "0:05 News"],
        PageLayout.TIME_FIRST_DASH: ["0:00 - Intro", "0:05 - News"],
        PageLayout.TIME_FIRST_PARENS: ["(0:00) \u2013 Intro", "(0:05) \u2013 News"],
        PageLayout.TIME_FIRST_BRACKETS: ["[0:00] Intro", "[0:05] News"],
        PageLayout.TIME_FIRST_GLUED: ["0:00-Intro", "0:05-News"],
        PageLayout.BULLET: ["\u2022 0:00 Intro", "\u2022 0:05 News"],
        PageLayout.NUMBERED: ["1. 0:00 Intro", "2. 0:05 News"],
        PageLayout.RANGE: ["0:00 \u2014 0:04 Intro", "0:05 News"],
        PageLayout.MARKDOWN: ["* **[0:00](#t=0:00)** Intro", "* **[0:05](#t=0:05)** News"],
        PageLayout.TIME_LAST: ["Intro 0:00", "News 0:05"],
        PageLayout.TIME_LAST_PARENS: ["Intro (0:00)", "News (0:05)"],
        PageLayout.TIME_LAST_BRACKETS: ["Intro [0:00]", "News [0:05]"],
        PageLayout.DASH_COLON: ["- Intro: 0:00", "- News: 0:05"],
        PageLayout.TWO_LINE_TITLE_FIRST: ["Intro", "0:00", "News", "0:05"],
        PageLayout.TWO_LINE_TIME_FIRST: ["0:00", "Intro", "0:05", "News"],
        PageLayout.TWO_LINE_SPACED: ["Intro", "0:00", "", "News", "0:05"],
        PageLayout.RUN_ON: ["(0:00) - Intro (0:05) - News"],
    }
    assert lines == ["Chapters", *expected[layout]]
    assert podnotes.parse("\n".join(lines)).value == episode
