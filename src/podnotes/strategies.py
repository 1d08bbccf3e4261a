"""Hypothesis strategies for podnotes' model and for whole show-notes pages.

Install with the extra: ``pip install "podnotes[hypothesis]"``.  Every function returns a
fresh strategy (nothing is built at import), takes keyword options only, and draws values
that the model's validators accept.  Hypothesis also finds these through its entry point,
so ``st.from_type(Chapter)`` works wherever both packages are installed.

The page strategies draw an :class:`~podnotes.model.Episode` that
:func:`~podnotes.render.render_page` carries exactly and write it out, optionally with the
noise scraped pages carry (HTML leftovers, no-break spaces, a sponsor block, trailing
boilerplate).  Test a pipeline with them::

    from hypothesis import given
    import podnotes
    from podnotes import strategies as pst

    @given(pst.page_texts())
    def test_my_pipeline_reads_every_page(text):
        episode = podnotes.parse(text).value
        my_pipeline(episode)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st

from podnotes import _page_strategies
from podnotes.model import Chapter, Episode, Highlight, SpeakerTurn
from podnotes.render import PageLayout, PageTimeStyle, render_page
from podnotes.timestamps import Timestamp
from podnotes.transcript import TranscriptLayout

__all__ = [
    "PAGE_TRANSCRIPT_LAYOUTS",
    "RenderedPage",
    "chapter_lists",
    "chapters",
    "derived_ends",
    "episodes",
    "highlight_lists",
    "page_texts",
    "rendered_pages",
    "speaker_names",
    "speaker_turn_lists",
    "speech",
    "timestamps",
    "titles",
]

_TEN_HOURS = 10 * 3600 * 1000
_PAGE_TIME_STYLES: tuple[PageTimeStyle, ...] = ("short", "clock", "hms")

#: Transcript layouts :func:`episodes` and :func:`rendered_pages` draw from.
PAGE_TRANSCRIPT_LAYOUTS: tuple[TranscriptLayout, ...] = (
    TranscriptLayout.NAME_COLON,
    TranscriptLayout.NAME_TIME_LINE,
    TranscriptLayout.NAME_LINE_TIMED_TEXT,
    TranscriptLayout.TIME_NAME_COLON,
    TranscriptLayout.BRACKET_NAME_TIME,
    TranscriptLayout.TIMED_TEXT,
    TranscriptLayout.TIME_LINE,
    TranscriptLayout.WEBVTT,
    TranscriptLayout.SRT,
)


# -- times and text ----------------------------------------------------------------------


def timestamps(
    *, min_ms: int = 0, max_ms: int = _TEN_HOURS, whole_seconds: bool = False
) -> st.SearchStrategy[Timestamp]:
    """Timestamps between ``min_ms`` and ``max_ms`` (inclusive).

    Args:
        min_ms: The earliest time, in milliseconds.
        max_ms: The latest time, in milliseconds.
        whole_seconds: Draw only whole seconds (what most pages write).

    Example:
        >>> from hypothesis import given
        >>> @given(timestamps(max_ms=5_000, whole_seconds=True))
        ... def check(t):
        ...     assert t.ms % 1000 == 0 and t.ms <= 5_000
        >>> check()
    """
    if whole_seconds:
        return st.integers(-(-min_ms // 1000), max_ms // 1000).map(lambda s: Timestamp(s * 1000))
    return st.integers(min_ms, max_ms).map(Timestamp)


def titles(*, max_words: int = 5, punctuation: bool = True) -> st.SearchStrategy[str]:
    """Chapter or episode titles: a capitalised phrase, maybe with the marks titles carry.

    Every title can stand in any :class:`~podnotes.render.PageLayout`: one line, no time
    in it, not a section heading.

    Args:
        max_words: The most words in a title.
        punctuation: Allow endings such as ``?``, `` - live``, ``: part two``,
            `` (redux)``; without it titles are words only (safe as episode titles).

    Example:
        >>> from hypothesis import find
        >>> title = find(titles(), lambda t: " " in t)
        >>> title[0].isupper(), " " in title, title == title.strip()
        (True, True, True)
    """
    tails = _page_strategies.TAILS if punctuation else ("",)
    return _page_strategies.titles_of(max_words=max_words, tails=tails)


def speech(*, max_paragraphs: int = 2, extra_chars: str = "") -> st.SearchStrategy[str]:
    """What a speaker says: lower-case sentences (never a label, name or time), one a line.

    Args:
        max_paragraphs: The most paragraphs; they are joined with a newline, as
            :class:`~podnotes.model.SpeakerTurn` keeps them.
        extra_chars: End each sentence with a few of these characters drawn at random (to
            stress a reader; an ellipsis at the end marks a transcript as truncated).

    Example:
        >>> from hypothesis import find
        >>> said = find(speech(), lambda s: True)
        >>> said == said.lower(), ":" in said
        (True, False)
    """
    sentence = _page_strategies.sentences_of(extra_chars)
    return st.lists(sentence, min_size=1, max_size=max_paragraphs).map("\n".join)


def speaker_names() -> st.SearchStrategy[str]:
    """Speaker labels transcripts use: ``Ada``, ``Speaker 2``, ``Ada de Vries``, ``LEX``.

    Example:
        >>> from hypothesis import find
        >>> name = find(speaker_names(), lambda n: n.startswith("Guest"))
        >>> name.startswith("Guest"), name == name.strip()
        (True, True)
    """
    return _page_strategies.names()


# -- model items -------------------------------------------------------------------------


def chapters(*, titles: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Chapter]:
    """One chapter, maybe with an end and a URL (what ``st.from_type(Chapter)`` draws).

    Example:
        >>> from hypothesis import given
        >>> @given(chapters())
        ... def check(c):
        ...     assert c.end is None or c.end > c.start
        >>> check()
    """
    return chapter_lists(min_size=1, max_size=1, with_ends=True, with_urls=True, titles=titles).map(
        lambda found: found[0]
    )


_URLS = ("https://example.org/", "https://example.org/a?b=1&c=2", "https://x.example/ep/12#t=30")


def chapter_lists(  # noqa: PLR0913 - keyword options, each with a default
    *,
    min_size: int = 0,
    max_size: int = 8,
    with_ends: bool = False,
    with_urls: bool = False,
    titles: st.SearchStrategy[str] | None = None,
    starts: st.SearchStrategy[int] | None = None,
    lengths: st.SearchStrategy[int] | None = None,
    urls: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[list[Chapter]]:
    """Chapters in strictly increasing order of start, as :class:`~podnotes.model.Episode` requires.

    Args:
        min_size: The fewest chapters.
        max_size: The most chapters.
        with_ends: Give each chapter an end (its start plus a drawn length) or None,
            drawn chapter by chapter; ends may pass the next start.  Without it, no ends.
        with_urls: Give each chapter a URL or None, drawn chapter by chapter.
        titles: Where titles come from; :func:`titles` by default.
        starts: Where starts come from, in milliseconds; 0 to 10 hours by default.
        lengths: Chapter lengths for ``with_ends``, in milliseconds (at least 1).
        urls: Where URLs come from for ``with_urls``.

    Example:
        >>> from hypothesis import given
        >>> @given(chapter_lists(min_size=2, with_ends=True))
        ... def check(found):
        ...     assert [c.start for c in found] == sorted({c.start for c in found})
        >>> check()
    """
    span = st.none() | (lengths if lengths is not None else st.integers(1, 10**7))
    link = st.none() | (urls if urls is not None else st.sampled_from(_URLS))
    item = st.tuples(
        starts if starts is not None else st.integers(0, _TEN_HOURS),
        titles
        if titles is not None
        else _page_strategies.titles_of(max_words=5, tails=_page_strategies.TAILS),
        span if with_ends else st.none(),
        link if with_urls else st.none(),
    )
    drawn = st.lists(item, min_size=min_size, max_size=max_size, unique_by=lambda i: i[0])
    return drawn.map(_page_strategies.chapters_of)


def highlight_lists(
    *,
    min_size: int = 0,
    max_size: int = 8,
    texts: st.SearchStrategy[str] | None = None,
) -> st.SearchStrategy[list[Highlight]]:
    """Highlights at strictly increasing times, as pages list them.

    Example:
        >>> from hypothesis import given
        >>> @given(highlight_lists(min_size=1))
        ... def check(found):
        ...     assert found and all(h.text.strip() for h in found)
        >>> check()
    """
    text = (
        texts
        if texts is not None
        else _page_strategies.titles_of(max_words=5, tails=_page_strategies.TAILS)
    )
    item = st.tuples(st.integers(0, _TEN_HOURS), text)
    drawn = st.lists(item, min_size=min_size, max_size=max_size, unique_by=lambda i: i[0])
    return drawn.map(lambda items: [Highlight(at=Timestamp(ms), text=x) for ms, x in sorted(items)])


def speaker_turn_lists(  # noqa: PLR0913 - keyword options, each with a default
    *,
    min_size: int = 1,
    max_size: int = 5,
    timed: bool = True,
    named: bool = True,
    cues: bool = False,
    whole_seconds: bool = False,
    texts: st.SearchStrategy[str] | None = None,
    names: st.SearchStrategy[str] | None = None,
    starts: st.SearchStrategy[int] | None = None,
    lengths: st.SearchStrategy[int | None] | None = None,
) -> st.SearchStrategy[list[SpeakerTurn]]:
    """Speaker turns as a transcript layout writes them.

    Args:
        min_size: The fewest turns.
        max_size: The most turns.
        timed: Give every turn a start (strictly increasing); each turn then ends where the
            next starts, as the parser derives it, and the last has no end.
        named: Give every turn a speaker; without it, none has one.  With ``cues``, each
            turn's speaker is drawn (a name or None) whatever this says.
        cues: Draw subtitle cues instead: every turn has a start and its own end, the
            starts in order (equal ones allowed), like WebVTT and SRT.
        whole_seconds: Draw times in whole seconds.
        texts: What is said; :func:`speech` by default (one paragraph for ``cues``).
        names: Speaker labels; :func:`speaker_names` by default.
        starts: With ``cues``, draw each cue's start from this (milliseconds) on its own,
            so cues come in any order, as subtitle files allow.
        lengths: With ``starts``, each cue's length in milliseconds, or None for a cue
            without an end; 1 ms to 1 minute by default.

    Example:
        >>> from hypothesis import given
        >>> @given(speaker_turn_lists(timed=True, named=False))
        ... def check(turns):
        ...     assert all(t.speaker is None and t.start is not None for t in turns)
        >>> check()
    """
    said = texts if texts is not None else speech(max_paragraphs=1 if cues else 2)
    who = names if names is not None else _page_strategies.names()
    unit = 1000 if whole_seconds else 1
    first = st.integers(0, 3_600_000 // unit).map(lambda n: n * unit)
    if cues and starts is not None:
        length = lengths if lengths is not None else st.integers(1, 60_000)
        free = st.tuples(starts, length, st.none() | who, said)
        return st.lists(free, min_size=min_size, max_size=max_size).map(_page_strategies.free_cues)
    if cues:
        step = st.integers(0, 60_000 // unit).map(lambda n: n * unit)
        span = st.integers(1, 60_000 // unit).map(lambda n: n * unit)
        cue = st.tuples(step, span, st.none() | who, said)
        cues_drawn = st.tuples(first, st.lists(cue, min_size=min_size, max_size=max_size))
        return cues_drawn.map(_page_strategies.cue_turns)
    gap = st.integers(1, 600_000 // unit).map(lambda n: n * unit)
    turn = st.tuples(gap, who if named else st.none(), said)
    drawn = st.tuples(first, st.lists(turn, min_size=min_size, max_size=max_size))
    return drawn.map(_page_strategies.timed_turns if timed else _page_strategies.untimed_turns)


# -- episodes and pages ------------------------------------------------------------------


def _turns_for(layout: TranscriptLayout, most: int) -> st.SearchStrategy[list[SpeakerTurn]]:
    if layout is TranscriptLayout.NAME_COLON:
        return speaker_turn_lists(timed=False, max_size=most)
    if layout in {TranscriptLayout.WEBVTT, TranscriptLayout.SRT}:
        return speaker_turn_lists(cues=True, max_size=most)
    if layout is TranscriptLayout.TIMED_TEXT:
        return speaker_turn_lists(named=False, max_size=most)
    whole = layout is TranscriptLayout.TIME_LINE
    return speaker_turn_lists(whole_seconds=whole, max_size=most)


def derived_ends(found: Sequence[Chapter], duration: Timestamp | None) -> list[Chapter]:
    """The chapters with the ends the page parser derives: the next start, then ``duration``.

    Use it to compare chapters you wrote as a page with what ``parse`` read back.

    Example:
        >>> from podnotes import Chapter, Timestamp
        >>> ends = derived_ends([Chapter(start=Timestamp(0), title="A"),
        ...                      Chapter(start=Timestamp(5000), title="B")], Timestamp(9000))
        >>> [str(c.end) for c in ends]
        ['0:05', '0:09']
    """
    return _page_strategies.derive_ends(found, duration)


def episodes(
    *,
    layout: PageLayout | None = None,
    transcript_layout: TranscriptLayout | None = None,
    max_chapters: int = 6,
    max_highlights: int = 4,
    max_turns: int = 3,
) -> st.SearchStrategy[Episode]:
    """Whole episodes that :func:`~podnotes.render.render_page` writes and ``parse`` reads back.

    Chapter ends are the ones the parser derives (explicit ones for
    :attr:`~podnotes.render.PageLayout.RANGE`), chapter URLs appear when a layout other
    than :attr:`~podnotes.render.PageLayout.RUN_ON` is given, and timed turns end where
    the next one starts (the last with the episode).  Without a title there is no
    description: a page's first line of prose is its title.

    Args:
        layout: The page layout the episode must fit; None for one that fits all of them.
        transcript_layout: The transcript layout its turns must fit; None for no transcript.
        max_chapters: The most chapters.
        max_highlights: The most highlights.
        max_turns: The most transcript turns.

    Example:
        >>> from hypothesis import given, settings
        >>> from podnotes.render import render_page
        >>> @settings(max_examples=20)  # a quick look; tests use their profile
        ... @given(episodes(layout=PageLayout.TIME_LAST))
        ... def check(episode):
        ...     render_page(episode, PageLayout.TIME_LAST)
        >>> check()
    """
    with_urls = layout is not None and layout is not PageLayout.RUN_ON
    # A linked title is written as a Markdown link: no square brackets inside it.
    named = _page_strategies.titles_of(
        max_words=5, tails=[t for t in _page_strategies.TAILS if "[" not in t]
    )
    found = chapter_lists(max_size=max_chapters, with_urls=with_urls, titles=named)
    if transcript_layout is None or not max_turns:
        turns: st.SearchStrategy[list[SpeakerTurn]] = st.just([])
    else:
        turns = _turns_for(transcript_layout, max_turns)
    highlights = highlight_lists(max_size=max_highlights)
    title = titles(max_words=5, punctuation=False)
    ranged = layout is PageLayout.RANGE
    # Lengths for explicit ends, drawn only where the range layout writes them.
    spans = st.lists(st.integers(1, 10**7), min_size=max_chapters, max_size=max_chapters)
    parts = st.fixed_dictionaries(
        {
            "duration": st.none() | timestamps(min_ms=1000, whole_seconds=True),
            "chapters": found,
            "spans": spans if ranged else st.just([]),
            "highlights": highlights,
            "summary": st.none() | _page_strategies.prose_sentences(),
            "transcript": turns,
            "title": st.none() | title,
            "number": st.none() | st.integers(0, 9999),
            "season": st.none() | st.integers(0, 99),
            "site": st.none() | st.sampled_from(["example.fm", "podcasts.example.com"]),
            "published": st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2099, 12, 31)),
            "description": st.none() | _page_strategies.prose(),
        }
    )
    return parts.map(lambda p: _page_strategies.episode_of(p, ranged=ranged))


@attrs.frozen(kw_only=True)
class RenderedPage:
    """A page drawn by :func:`rendered_pages`: the text and what it was written from.

    Attributes:
        episode: The episode written.  Without noise, ``podnotes.parse(text).value`` is
            this episode.
        layout: The page layout of the lists.
        transcript_layout: The transcript's layout, or None for no transcript.
        text: The page.
        noisy: True when noise was added (then ``parse`` also keeps the sponsor block as
            a raw section, and trailing boilerplate may end the transcript's last turn).
    """

    episode: Episode
    layout: PageLayout
    transcript_layout: TranscriptLayout | None
    text: str
    noisy: bool = False


def rendered_pages(
    *,
    layout: PageLayout | None = None,
    transcript_layout: TranscriptLayout | None = None,
    noise: bool = False,
    time_style: PageTimeStyle | None = None,
) -> st.SearchStrategy[RenderedPage]:
    """Episodes written as pages, with what they were written from.

    Args:
        layout: The page layout; None draws one of :class:`~podnotes.render.PageLayout`.
        transcript_layout: The transcript's layout; None draws one of
            :data:`PAGE_TRANSCRIPT_LAYOUTS`, or no transcript.
        noise: Maybe add scraping noise: HTML tags and entities, no-break spaces, a
            sponsor or links block, trailing ad-network boilerplate.
        time_style: How list times are written; None draws one.

    Example:
        >>> import podnotes
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)  # a quick look; tests use their profile
        ... @given(rendered_pages(layout=PageLayout.RUN_ON))
        ... def check(page):
        ...     assert podnotes.parse(page.text).value == page.episode
        >>> check()
    """
    layouts = [layout] if layout is not None else list(PageLayout)
    transcripts = [transcript_layout] if transcript_layout else [None, *PAGE_TRANSCRIPT_LAYOUTS]
    styles = [time_style] if time_style else list(_PAGE_TIME_STYLES)
    choices = [
        st.tuples(st.just(each), st.just(kind), episodes(layout=each, transcript_layout=kind))
        for each in layouts
        for kind in transcripts
    ]
    drawn = st.tuples(st.one_of(choices), st.sampled_from(styles))
    pages = drawn.map(lambda d: _page(*d[0], style=d[1]))
    if not noise:
        return pages
    return st.tuples(pages, st.booleans()).flatmap(
        lambda p: _noisy(p[0]) if p[1] else st.just(p[0])
    )


def _noisy(page: RenderedPage) -> st.SearchStrategy[RenderedPage]:
    noisy = _page_strategies.noisy_texts(page.text)
    return noisy.map(lambda text: attrs.evolve(page, text=text, noisy=True))


def _page(
    layout: PageLayout,
    kind: TranscriptLayout | None,
    episode: Episode,
    *,
    style: PageTimeStyle,
) -> RenderedPage:
    kind = kind if episode.transcript else None
    text = render_page(episode, layout, transcript_layout=kind, time_style=style)
    return RenderedPage(episode=episode, layout=layout, transcript_layout=kind, text=text)


def page_texts(layout: PageLayout | None = None, *, noise: bool = True) -> st.SearchStrategy[str]:
    """Show-notes pages as scrapers get them: :func:`rendered_pages`, the text only.

    Every page parses without error diagnostics.

    Args:
        layout: The page layout; None draws one.
        noise: Maybe add scraping noise (see :func:`rendered_pages`).

    Example:
        >>> import podnotes
        >>> from hypothesis import given, settings
        >>> @settings(max_examples=20)  # a quick look; tests use their profile
        ... @given(page_texts())
        ... def check(text):
        ...     assert podnotes.parse(text).ok
        >>> check()
    """
    return rendered_pages(layout=layout, noise=noise).map(lambda page: page.text)
