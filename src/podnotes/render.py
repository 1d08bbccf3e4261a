"""Write an :class:`~podnotes.model.Episode` as a show-notes page: the inverse of ``parse``.

:func:`render_page` lays a page out the way podcast sites do: the head (site, address,
title with its number, metadata lines, description), then ``Chapters`` and ``Highlights``
in one of the timed-list layouts of :class:`PageLayout`, then a ``Transcript`` in one of
the layouts :class:`~podnotes.transcript.TranscriptLayout` names.  The law it keeps, and
the test suite checks for every layout::

    podnotes.parse(render_page(episode, layout)).value == episode

for every episode it accepts, once the chapter ends a page leaves unsaid are filled in as
the parser derives them (:func:`podnotes.strategies.derived_ends`).  What a page cannot
carry back is refused with a :exc:`ValueError` that names the field and says why; nothing
is dropped in silence.  (The transcript block is written by the private
``podnotes._render_transcript``.)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Final, Literal

from podnotes import header, timed_lists
from podnotes._lines import clean, split
from podnotes._render_transcript import transcript_lines
from podnotes.model import Chapter, Episode, Highlight
from podnotes.sections import SectionKind, split_sections
from podnotes.timestamps import Timestamp
from podnotes.transcript import TranscriptLayout

__all__ = ["PageLayout", "render_page"]


def __dir__() -> list[str]:
    """List the public names only, so helpers do not leak into ``dir()``."""
    return list(__all__)


class PageLayout(enum.StrEnum):
    """How :func:`render_page` lays out the chapter and highlight lists.

    One member per timed-list layout the page parser reads (DESIGN.md, section 4); the
    comment shows an item.  Chapter URLs are written as a Markdown link on the title
    (``0:00 [Intro](https://example.org)``) in every layout but :attr:`RUN_ON`; chapter ends
    only in :attr:`RANGE`.

    Example:
        >>> PageLayout("time-last-parens") is PageLayout.TIME_LAST_PARENS
        True
    """

    TIME_FIRST = "time-first"  #: ``0:00 Intro``
    TIME_FIRST_DASH = "time-first-dash"  #: ``0:00 - Intro``
    TIME_FIRST_PARENS = "time-first-parens"  #: ``(0:00) – Intro``
    TIME_FIRST_BRACKETS = "time-first-brackets"  #: ``[0:00] Intro``
    TIME_FIRST_GLUED = "time-first-glued"  #: ``0:00-Intro``
    BULLET = "bullet"  #: ``• 0:00 Intro``
    NUMBERED = "numbered"  #: ``1. 0:00 Intro``
    RANGE = "range"  #: ``0:00 — 5:12 Intro`` (the end when there is one)
    MARKDOWN = "markdown"  #: ``* **[0:54](#t=0:54)** Intro``
    TIME_LAST = "time-last"  #: ``Intro 0:00``
    TIME_LAST_PARENS = "time-last-parens"  #: ``Intro (0:00)``
    TIME_LAST_BRACKETS = "time-last-brackets"  #: ``Intro [0:00]``
    DASH_COLON = "dash-colon"  #: ``- Intro: 0:00``
    TWO_LINE_TITLE_FIRST = "two-line-title-first"  #: ``Intro`` line, then ``0:00`` line
    TWO_LINE_TIME_FIRST = "two-line-time-first"  #: ``0:00`` line, then ``Intro`` line
    TWO_LINE_SPACED = "two-line-spaced"  #: title line, time line, blank line
    RUN_ON = "run-on"  #: ``(0:00) - Intro (4:10) - News`` on one line


#: Time styles a page may use: the ones the timed-list grammar reads as clock times.
PageTimeStyle = Literal["short", "clock", "hms"]

_Item = tuple[str, str]  # (time text, title text)
_ONE_LINE: Final[dict[PageLayout, Callable[[int, str, str], str]]] = {
    PageLayout.TIME_FIRST: lambda _n, t, x: f"{t} {x}",
    PageLayout.TIME_FIRST_DASH: lambda _n, t, x: f"{t} - {x}",
    PageLayout.TIME_FIRST_PARENS: lambda _n, t, x: f"({t}) \u2013 {x}",
    PageLayout.TIME_FIRST_BRACKETS: lambda _n, t, x: f"[{t}] {x}",
    PageLayout.TIME_FIRST_GLUED: lambda _n, t, x: f"{t}-{x}",
    PageLayout.BULLET: lambda _n, t, x: f"\u2022 {t} {x}",
    PageLayout.NUMBERED: lambda n, t, x: f"{n}. {t} {x}",
    PageLayout.RANGE: lambda _n, t, x: f"{t} {x}",  # the range is in t
    PageLayout.MARKDOWN: lambda _n, t, x: f"* **[{t}](#t={t})** {x}",
    PageLayout.TIME_LAST: lambda _n, t, x: f"{x} {t}",
    PageLayout.TIME_LAST_PARENS: lambda _n, t, x: f"{x} ({t})",
    PageLayout.TIME_LAST_BRACKETS: lambda _n, t, x: f"{x} [{t}]",
    PageLayout.DASH_COLON: lambda _n, t, x: f"- {x}: {t}",
}


def render_page(
    episode: Episode,
    layout: PageLayout | str = PageLayout.TIME_FIRST,
    *,
    transcript_layout: TranscriptLayout | str | None = None,
    time_style: PageTimeStyle = "short",
) -> str:
    r"""Write an episode as the text of a show-notes page that :func:`podnotes.parse` reads back.

    The page holds, each part only when the episode has it: the site and the page address
    (bare lines), the title (``#12 – Title``, ``S3E12: Title``), ``Podcast:``,
    ``Season:``, ``Published:`` and ``Duration:`` lines, the description (``...`` after it
    when truncated), a ``Chapters`` list, a ``Highlights`` list (after the summary
    paragraph) and a ``Transcript``.

    The parser derives a chapter's ``end`` from the next chapter's start (the last one's
    from the duration), so a chapter without an end comes back with that one; any other
    end needs :attr:`PageLayout.RANGE`.  Timed turns must end where the parser puts their
    ends: at the next turn's start (the last at the duration), unless the transcript layout
    writes ends (WebVTT and SRT cues).

    Args:
        episode: What to write.
        layout: The layout of the chapter and highlight lists (a :class:`PageLayout` or its
            value).
        transcript_layout: The transcript's layout.  None picks one the turns fit:
            ``NAME_COLON`` for untimed turns, ``TIME_NAME_COLON`` or ``TIMED_TEXT`` for timed
            ones (with or without speakers), ``WEBVTT`` when an end is not derivable.
        time_style: How list times are written: ``"short"`` (``1:05``), ``"clock"``
            (``0:01:05``) or ``"hms"`` (``00:01:05``).

    Returns:
        The page, lines joined with ``\n``.

    Raises:
        ValueError: The episode holds something the page cannot carry back: raw
            ``sections``; text that cleaning would change (HTML, odd spaces, a line break
            in a one-line field); a title that reads as a time, heading or number; an end
            the layout has no place for; turns that do not fit the transcript layout.  The
            message names the field and says why.
        TypeError: ``episode`` is not an Episode.

    Example:
        >>> from podnotes import Chapter, Episode, Timestamp, parse
        >>> ep = Episode(title="Small talk", number=12, chapters=[
        ...     Chapter(start=Timestamp(0), title="Hello", end=Timestamp(245_000)),
        ...     Chapter(start=Timestamp(245_000), title="Weather")])
        >>> page = render_page(ep, "time-last-parens")
        >>> print(page)
        #12 – Small talk
        <BLANKLINE>
        Chapters
        Hello (0:00)
        Weather (4:05)
        >>> parse(page).value == ep
        True
    """
    if not isinstance(episode, Episode):
        msg = f"render_page() expects an Episode, found {type(episode).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    layout = PageLayout(layout)
    if episode.sections:
        msg = (
            "render_page cannot write Episode.sections: raw sections hold free text that "
            "would read back as lists, headings or prose; leave them out "
            "(attrs.evolve(episode, sections=()))"
        )
        raise ValueError(msg)
    body: list[list[str]] = []
    if episode.chapters:
        body.append(["Chapters", *_chapter_lines(episode, layout, time_style)])
    if episode.highlights or episode.summary is not None:
        body.append(["Highlights", *_highlight_lines(episode, layout, time_style)])
    if episode.transcript or episode.transcript_truncated:
        body.append(["Transcript", *transcript_lines(episode, transcript_layout)])
    rest = "\n\n".join("\n".join(block) for block in body)
    head = _head(episode, rest)
    return "\n\n".join(part for part in (head, rest) if part)


# -- the head ----------------------------------------------------------------------------


def _head(episode: Episode, rest: str) -> str:
    """The lines before the first heading; read back here, so a misreading is refused."""
    top = [x for x in (episode.site, episode.url) if x is not None]
    title = _title_line(episode)
    if title is not None:
        top.append(title)
    meta = []
    if episode.podcast is not None:
        meta.append(f"Podcast: {episode.podcast}")
    if episode.season is not None and (episode.title is None or episode.number is None):
        meta.append(f"Season: {episode.season}")
    if episode.number is not None and title is None:
        meta.append(f"Episode: {episode.number}")
    if episode.published is not None:
        meta.append(f"Published: {episode.published.isoformat()}")
    if episode.duration is not None:
        meta.append(f"Duration: {episode.duration}")
    description = episode.description
    if description is not None and episode.description_truncated:
        description += "..."
    elif episode.description_truncated:
        msg = "Episode.description_truncated is True but there is no description to cut"
        raise ValueError(msg)
    parts = ["\n".join(top), "\n".join(meta), description or ""]
    text = "\n\n".join(part for part in parts if part)
    _check_head(episode, text, rest)
    return text


def _title_line(episode: Episode) -> str | None:
    title, number, season = episode.title, episode.number, episode.season
    if title is None:
        return None
    if number is None:
        return title
    if season is not None:
        return f"S{season}E{number}: {title}"
    return f"#{number} \u2013 {title}"


_HEAD_FIELDS: Final = (
    "site",
    "url",
    "title",
    "number",
    "season",
    "podcast",
    "published",
    "duration",
    "description",
    "description_truncated",
)


def _check_head(episode: Episode, text: str, rest: str) -> None:
    lines = split(text)
    found = header.read_head(lines, evidence=split(rest))
    for name in _HEAD_FIELDS:
        want, got = getattr(episode, name), getattr(found, name)
        if want != got:
            msg = f"cannot write Episode.{name} = {want!r}: the page would read back {got!r}"
            raise ValueError(msg)
    _, blocks = split_sections(lines)
    if len(blocks) != 1 or found.leftover:
        msg = "cannot write the head: a line of it reads as a heading or is left over"
        raise ValueError(msg)


# -- timed lists -------------------------------------------------------------------------


def _chapter_lines(episode: Episode, layout: PageLayout, style: PageTimeStyle) -> list[str]:
    chapters = episode.chapters
    items: list[_Item] = []
    for index, chapter in enumerate(chapters):
        where = f"Episode.chapters[{index}]"
        derived = _derived_end(chapters, index, episode.duration)
        end = chapter.end
        if layout is not PageLayout.RANGE and end != derived and end is not None:
            msg = (
                f"cannot write {where}.end ({end}) in layout {layout.value!r}: the parser "
                f"derives it from the next start or the duration ({derived}); use "
                '"range" to write ends'
            )
            raise ValueError(msg)
        time = chapter.start.format(style)
        if layout is PageLayout.RANGE and end is not None and end != derived:
            time = f"{time} \u2014 {end.format(style)}"
        title = _item_title(where, chapter.title, chapter.url, layout)
        items.append((time, title))
    lines = _list_lines(items, layout)
    _check_items(lines, [(c.start, c.title, c.url) for c in chapters], layout, "chapters")
    return lines


def _derived_end(
    chapters: Sequence[Chapter], index: int, duration: Timestamp | None
) -> Timestamp | None:
    if index + 1 < len(chapters):
        return chapters[index + 1].start
    start = chapters[index].start
    return duration if duration is not None and duration > start else None


def _highlight_lines(episode: Episode, layout: PageLayout, style: PageTimeStyle) -> list[str]:
    highlights: Sequence[Highlight] = episode.highlights
    items = [
        (h.at.format(style), _item_title(f"Episode.highlights[{i}]", h.text, None, layout))
        for i, h in enumerate(highlights)
    ]
    lines = _list_lines(items, layout)
    _check_items(lines, [(h.at, h.text, None) for h in highlights], layout, "highlights")
    summary = episode.summary
    if summary is None:
        return lines
    if not highlights:
        msg = "cannot write Episode.summary without highlights: it heads the highlight list"
        raise ValueError(msg)
    _one_line("Episode.summary", summary)
    return [summary, *lines]


def _one_line(where: str, text: str) -> None:
    if "\n" in text or "\r" in text or clean(text) != text:
        msg = (
            f"cannot write {where} = {text!r}: a page line holds it only when it is one "
            "line without HTML tags, entities, odd or doubled spaces"
        )
        raise ValueError(msg)


def _item_title(where: str, title: str, url: str | None, layout: PageLayout) -> str:
    _one_line(where, title)
    if url is None:
        return title
    if layout is PageLayout.RUN_ON:
        msg = f"cannot write {where}.url in layout 'run-on': several items share one line"
        raise ValueError(msg)
    return f"[{title}]({url})"


def _list_lines(items: Sequence[_Item], layout: PageLayout) -> list[str]:
    if layout is PageLayout.RUN_ON:
        return [" ".join(f"({t}) - {x}" for t, x in items)] if items else []
    if layout is PageLayout.TWO_LINE_TITLE_FIRST:
        return [line for t, x in items for line in (x, t)]
    if layout is PageLayout.TWO_LINE_TIME_FIRST:
        return [line for t, x in items for line in (t, x)]
    if layout is PageLayout.TWO_LINE_SPACED:
        return [line for t, x in items for line in (x, t, "")][:-1]
    write = _ONE_LINE[layout]
    return [write(n, t, x) for n, (t, x) in enumerate(items, start=1)]


def _check_items(
    lines: Sequence[str],
    want: Sequence[tuple[Timestamp, str, str | None]],
    layout: PageLayout,
    field: str,
) -> None:
    """Read the list lines back; refuse an item that would come back different."""
    block = split("\n".join(lines))
    _, blocks = split_sections(split("Chapters\n" + "\n".join(lines)))
    if len(blocks) != 2 or blocks[1].kind is not SectionKind.CHAPTERS:  # noqa: PLR2004
        msg = f"cannot write Episode.{field} in layout {layout.value!r}: a title reads as a heading"
        raise ValueError(msg)
    found = timed_lists.read_timed_list(block, minimum=1)
    got = [(i.start, i.title, i.url) for i in found.items]
    for index, (wanted, read) in enumerate(zip(want, [*got, *([None] * len(want))], strict=False)):
        if wanted != read:
            msg = (
                f"cannot write Episode.{field}[{index}] in layout {layout.value!r}: it would "
                f"read back as {read!r} (a time, list mark, Markdown or separator in the text?)"
            )
            raise ValueError(msg)
    if len(got) != len(want) or found.prelude or found.trailer or found.trails:
        msg = f"cannot write Episode.{field} in layout {layout.value!r}: extra items read back"
        raise ValueError(msg)
