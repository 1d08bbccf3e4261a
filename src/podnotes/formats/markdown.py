r"""Markdown show notes: an episode as a page people read (and the page parser reads back).

The layout, each part only when the episode has it::

    # Episode 490: State of AI

    example.fm

    Podcast: Example Show · Season: 3 · Published: 2026-01-31 · Duration: 1:02:03
    URL: https://example.fm/490

    The description, paragraph by paragraph.

    ## Chapters

    - 0:00 Intro
    - 1:05 [The news](https://example.fm/news)

    ## Highlights

    The summary paragraph.

    - 15:10 A moment worth hearing

    ## Links

    A raw section, as the page had it.

    ## Transcript

    **Ann Lee (0:00):** Hello.

    **Bob:** Hi.

Text is escaped so that a Markdown renderer shows it literally: ``\``, ``*``, `````,
``~`` and ``<`` always, ``_`` at word edges, ``]`` before ``(`` (and both brackets inside a
link's text), ``&`` where it would start an entity, ``#`` at the start or after a space,
and a line start that would open a list, heading, quote, table or link definition.  Escapes
are HTML character references (``&#42;``), which every CommonMark renderer shows as the
character and which the page parser decodes, so :func:`podnotes.parse
<podnotes.page.parse>` reads the text back.  Whitespace at line starts and ends is not kept
(Markdown does not show it); a line break inside a paragraph is a Markdown hard break (two
trailing spaces); each line of a speaker turn is a paragraph.
The episode URL is written as it is, so that GitHub-flavoured Markdown links it (an
autolink shows its text as written); a chapter URL is a link target, with spaces, angle
brackets and parentheses percent-encoded.

What :func:`podnotes.parse <podnotes.page.parse>` gives back: chapter starts, titles and
URLs, highlights, the summary before them, the title, number, season, podcast, site, URL,
date and duration, the raw sections with headings, and speaker turns with their start
times.  Not written: turn
and chapter ends, ``transcript_truncated``.  Where the page parser reads some texts
differently (titles holding ``**``, a continuation paragraph shaped ``Word: text``, a
one-item list, a raw section without a heading...), the tests mark the gap.

The format is write-only.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from typing import Final

from podnotes.formats._registry import Carries, Format
from podnotes.model import Chapter, Episode, Highlight, Section, SpeakerTurn

__all__ = ["FORMAT", "render"]

_ALWAYS: Final = {"\\": "&#92;", "*": "&#42;", "`": "&#96;", "~": "&#126;", "<": "&lt;"}
# Escaped at a line start: "- x", "+ x", "= x", "# x", "> x", "| x", ": x", "1. x", "1) x",
# and "[1]: https://x", which CommonMark would take for a link definition and not show.
_LINE_START: Final = re.compile(r"[-+=#>|:\[]|[0-9]{1,9}(?=[.)])")
_INLINE: Final = re.compile(r"[\\*`~<]|_|\](?=\()|&|(?<=\s)#|\A#")
#   accepts: "https://example.fm/490?a=1&b=2"   rejects: "example.fm", "https://a b", "<x>"
_PLAIN_URL: Final = re.compile(r"[A-Za-z][A-Za-z0-9+.-]{0,20}://[^\s<>`]{1,2000}")
_BREAKS: Final = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def render(episode: Episode) -> str:
    r"""Write an episode as Markdown show notes.

    Args:
        episode: The episode to write.

    Returns:
        The Markdown text, ending with a newline.

    Example:
        >>> from podnotes import Chapter, Timestamp
        >>> print(render(Episode(title="Tides & *time*", number=12, chapters=[
        ...     Chapter(start=Timestamp(0), title="Intro"),
        ...     Chapter(start=Timestamp(65_000), title="News", url="https://e.org/n")])), end="")
        # Episode 12: Tides & &#42;time&#42;
        <BLANKLINE>
        ## Chapters
        <BLANKLINE>
        - 0:00 Intro
        - 1:05 [News](https://e.org/n)
    """
    blocks = [*_head(episode)]
    if episode.description:
        text = episode.description.rstrip() + ("…" if episode.description_truncated else "")
        blocks.append(_paragraphs(text))
    blocks += [_paragraphs(s.text) for s in episode.sections if s.heading is None and s.text]
    if episode.chapters:
        blocks.append("## Chapters\n\n" + "\n".join(map(_chapter, episode.chapters)))
    blocks += _highlights(episode.summary, episode.highlights)
    blocks += [_section(section) for section in episode.sections if section.heading is not None]
    if episode.transcript:
        blocks.append("## Transcript\n\n" + "\n\n".join(map(_turn, episode.transcript)))
    return "\n\n".join(block for block in blocks if block) + "\n"


def _head(episode: Episode) -> list[str]:
    title = _inline(episode.title) if episode.title is not None else None
    if episode.number is not None:
        title = f"Episode {episode.number}" + (f": {title}" if title else "")
    blocks = [f"# {title}"] if title else []
    if episode.site is not None:
        blocks.append(_inline(episode.site, line_start=True))
    facts = [
        f"{label}: {_inline(str(value))}"
        for label, value in (
            ("Podcast", episode.podcast),
            ("Season", episode.season),
            ("Published", episode.published),
            ("Duration", episode.duration),
        )
        if value is not None
    ]
    lines = [" · ".join(facts)] if facts else []
    if episode.url is not None:
        # Raw, so that GFM autolinks it: autolinks show their text as written.
        url = episode.url if _PLAIN_URL.fullmatch(episode.url) else _inline(episode.url)
        lines.append(f"URL: {url}")
    if lines:
        blocks.append("  \n".join(lines))
    return blocks


def _chapter(chapter: Chapter) -> str:
    title = _inline(chapter.title)
    if chapter.url is not None:  # brackets would end the link text
        title = title.replace("[", "&#91;").replace("]", "&#93;")
        title = f"[{title}]({_url(chapter.url)})"
    return f"- {chapter.start} {title}"


def _highlights(summary: str | None, highlights: Sequence[Highlight]) -> list[str]:
    lines = [f"- {highlight.at} {_inline(highlight.text)}" for highlight in highlights]
    if not lines:
        return [f"## Summary\n\n{_paragraphs(summary)}"] if summary else []
    intro = f"{_paragraphs(summary)}\n\n" if summary else ""
    return [f"## Highlights\n\n{intro}" + "\n".join(lines)]


def _section(section: Section) -> str:
    return f"## {_inline(section.heading or '')}\n\n{_paragraphs(section.text)}".rstrip()


def _turn(turn: SpeakerTurn) -> str:
    if turn.speaker is not None:
        when = "" if turn.start is None else f" ({turn.start})"
        lead = f"**{_inline(turn.speaker)}{when}:** "
    else:
        lead = "" if turn.start is None else f"[{turn.start}] "
    # A turn's text holds one paragraph a line: write each as a Markdown paragraph.
    return lead + _paragraphs("\n\n".join(_BREAKS.split(turn.text)), led=bool(lead))


def _paragraphs(text: str, *, led: bool = False) -> str:
    """Escape a text, keeping its paragraphs (blank lines) and lines (hard breaks).

    ``led`` says the first line follows a label on its line, so it does not start one.
    """
    paragraphs: list[list[str]] = [[]]
    for line in _BREAKS.split(text):
        if line.strip():
            line_start = not led or bool(paragraphs[0])
            paragraphs[-1].append(_inline(line, line_start=line_start))
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("  \n".join(lines) for lines in paragraphs if lines)


def _inline(text: str, *, line_start: bool = False) -> str:
    """Escape one line of text so that Markdown shows it as written."""
    text = " ".join(_BREAKS.split(text)).strip()
    escaped = _INLINE.sub(lambda found: _escape(text, found), text)
    lead = _LINE_START.match(escaped) if line_start else None
    if lead is None:
        return escaped
    at = lead.end() if lead[0][0].isdigit() else 0  # "1. x": the dot; "- x": the dash
    return f"{escaped[:at]}&#{ord(escaped[at])};{escaped[at + 1 :]}"


def _escape(text: str, found: re.Match[str]) -> str:
    char, at = found[0], found.start()
    if char in _ALWAYS:
        return _ALWAYS[char]
    if char == "_":
        inside = 0 < at < len(text) - 1 and text[at - 1].isalnum() and text[at + 1].isalnum()
        return char if inside else "&#95;"
    if char == "&":  # only where an entity would start (CommonMark's or the page parser's)
        chunk = text[at : at + 40]
        following = chunk.find("&", 1)
        chunk = chunk if following < 0 else chunk[:following]
        return char if html.unescape(chunk) == chunk else "&amp;"
    return f"&#{ord(char)};"


def _url(url: str) -> str:
    """A link destination: spaces, angle brackets and parentheses percent-encoded."""
    return "".join(f"%{ord(ch):02X}" if ch in " <>()" else ch for ch in url.strip())


#: The registry entry (write-only show notes; read them back with the page parser).
FORMAT = Format(
    name="markdown",
    summary="Markdown show notes: title, description, chapters, highlights, transcript",
    carries=Carries.NOTES,
    suffixes=(".md", ".markdown"),
    write=render,
    read=None,
    looks_like=None,
)
