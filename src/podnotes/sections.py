"""Sections: cut a page's lines into blocks by their headings.

A heading is a line that names a known section (``Chapters``, ``Show Notes``, ``Links``...,
case-insensitive, with or without a colon, Markdown ``#`` marks or ``**bold**``), any
Markdown ``##`` heading, a ``**Bold:**`` line, or an ``UPPERCASE:`` line.  Lines before the
first heading form the head block.  YAML front matter (``---`` ... ``---``) at the very top
is set apart.  A transcript section runs to the end of the page, or to the next Markdown
heading: transcripts hold lines such as ``Sponsors:`` that are speech, not headings.
"""

from __future__ import annotations

import bisect
import enum
import re
from collections.abc import Mapping, Sequence

import attrs

from podnotes import _patterns
from podnotes._lines import Line, Lines

__all__ = [
    "Block",
    "SectionKind",
    "heading_kind",
    "normalise_heading",
    "section_aliases",
    "split_sections",
]


class SectionKind(enum.Enum):
    """What a block of the page holds, as its heading (or its place) says."""

    HEAD = "head"
    """Lines before the first heading (site, title, dates, description, maybe a list)."""
    DESCRIPTION = "description"
    NOTES = "notes"
    """``Show Notes`` and the like, holding a description, a timed list, or both."""
    CHAPTERS = "chapters"
    HIGHLIGHTS = "highlights"
    TRANSCRIPT = "transcript"
    OTHER = "other"
    """Links, sponsors, credits and the like, kept raw in ``Episode.sections``."""


#: Heading names (case-folded, spaces single) and the kind of section each announces.
_NAMES: dict[SectionKind, str] = {
    SectionKind.DESCRIPTION: (
        "description|episode description|about|about this episode|about the episode"
        "|summary|episode summary|overview|synopsis"
    ),
    SectionKind.NOTES: (
        "shownote|shownotes|show notes|show note|episode notes|notes|episode show notes"
    ),
    SectionKind.CHAPTERS: (
        "chapters|chapter|chapter markers|episode chapters|timestamps|timestamp|time stamps"
        "|episode timestamps|outline|episode outline|topics|topics discussed|topics covered"
        "|in this episode|in this episode we cover|in this episode we discuss|what we discuss"
        "|what we cover|contents|table of contents|timeline|segments|agenda|index"
    ),
    SectionKind.HIGHLIGHTS: (
        "highlights|highlight|key moments|episode highlights|moments|key points"
        "|notable moments|best moments|clips"
    ),
    SectionKind.TRANSCRIPT: (
        "transcript|full transcript|episode transcript|transcription|read the transcript"
        "|auto-generated transcript|transcript (auto-generated)"
    ),
    SectionKind.OTHER: (
        "links|resources|sponsors|sponsor|our sponsors|this episode is brought to you by"
        "|show links|links mentioned|mentioned|mentioned in this episode|references"
        "|further reading|credits|guests|guest|hosts|host|follow|follow us|connect"
        "|support|support the show|related|related episodes|tags|discussion|comments"
        "|subscribe|socials|find us|where to find|contact|books|books mentioned|people"
        "|episode links|guest links|recommended|recommendations"
    ),
}
_ALIASES: dict[str, SectionKind] = {
    name: kind for kind, names in _NAMES.items() for name in names.split("|")
}

# "## Heading", "**Heading:**", "__Heading__", "Heading:" and plain "Heading".
_MARKDOWN_HEADING = re.compile(r"(?P<marks>#{1,6})\s+(?P<text>.{1,200})")
_BOLD = re.compile(r"(?:\*\*|__)(?P<text>[^*_]{1,100}?)(?::\s{0,2})?(?:\*\*|__)(?P<colon>:?)")
_UPPER_LABEL = re.compile(r"(?P<text>[A-Z0-9][A-Z0-9 &'/+-]{1,60}):")
_TRAILING = " :.-–—|"
_EMPHASIS_MARKS = frozenset("*_")
_DIGITS = frozenset("0123456789")
_LIST_KINDS = frozenset({SectionKind.CHAPTERS, SectionKind.HIGHLIGHTS})


@attrs.frozen(kw_only=True)
class Block:
    """A run of lines under one heading (or under none, for the head block).

    Attributes:
        kind: What the block holds.
        heading: The heading as written, without marks, or None.
        heading_line: The line that held the heading, or None.
        lines: The block's lines, blank ones included: a tuple, or for a transcript read
            from :func:`podnotes._lines.split_lazily` lines, a :class:`~podnotes._lines.Lines`
            slice (equal to the tuple of the same lines).
    """

    kind: SectionKind
    heading: str | None
    heading_line: Line | None
    lines: Sequence[Line]


def normalise_heading(name: str) -> str:
    """A heading name as the lookup compares it: no trailing marks, case-folded, spaces single.

    Example:
        >>> normalise_heading("  Time   Stamps: ")
        'time stamps'
    """
    return " ".join(name.strip(_TRAILING).casefold().split())


def section_aliases(extra: Mapping[str, SectionKind]) -> dict[str, SectionKind]:
    """The built-in heading names with ``extra`` (normalised names) added; extra ones win.

    Example:
        >>> section_aliases({"big ideas": SectionKind.HIGHLIGHTS})["big ideas"]
        <SectionKind.HIGHLIGHTS: 'highlights'>
    """
    return {**_ALIASES, **extra}


def heading_kind(
    name: str, *, aliases: Mapping[str, SectionKind] | None = None
) -> SectionKind | None:
    """The kind of section a heading name announces, or None for an unknown name.

    Args:
        name: The heading as written.
        aliases: Every heading name to know (normalised) with its kind, in place of the
            built-in ones; :func:`section_aliases` makes such a mapping.

    Example:
        >>> heading_kind("Time Stamps:")
        <SectionKind.CHAPTERS: 'chapters'>
        >>> heading_kind("Intro") is None
        True
    """
    return _kind_of(name, _ALIASES if aliases is None else aliases)


def _kind_of(name: str, aliases: Mapping[str, SectionKind]) -> SectionKind | None:
    return aliases.get(" ".join(name.strip(_TRAILING).casefold().split()))


@attrs.frozen
class _Heading:
    kind: SectionKind
    name: str
    level: int  # Markdown level; 0 for headings without "#"
    rest: str = ""  # text after an inline "Timestamps:" heading


def _read_heading(  # noqa: PLR0911 - one return per spelling
    text: str, aliases: Mapping[str, SectionKind]
) -> _Heading | None:
    """Return the heading a cleaned line holds, if it is one."""
    if len(text) > 200:  # noqa: PLR2004 - no heading is a paragraph
        return None
    first = text[:1]
    markdown = _MARKDOWN_HEADING.fullmatch(text) if first == "#" else None
    if markdown:
        name = markdown.group("text").strip().strip("*_").strip(_TRAILING)
        if not name:
            return None
        level = len(markdown.group("marks"))
        return _Heading(_kind_of(name, aliases) or SectionKind.OTHER, name, level)
    bold = _BOLD.fullmatch(text) if first in _EMPHASIS_MARKS else None
    if bold:
        name = bold.group("text").strip(_TRAILING)
        if not name:
            return None  # "**:**" is punctuation, not a heading
        kind = _kind_of(name, aliases)
        if kind is None and not (bold.group("colon") or text.rstrip("*_").endswith(":")):
            return None  # "**Intro**" alone is emphasis, not a heading
        return _Heading(kind or SectionKind.OTHER, name, 0)
    kind = _kind_of(text, aliases)
    if kind is not None:
        return _Heading(kind, text.strip(_TRAILING), 0)
    upper = _UPPER_LABEL.fullmatch(text) if text.endswith(":") else None
    if upper and any(ch.isalpha() for ch in upper.group("text")):
        name = upper.group("text").strip()
        return _Heading(_kind_of(name, aliases) or SectionKind.OTHER, name, 0)
    # "Timestamps: 0:00 Intro ..." - a known list heading glued to its first item.
    head, colon, rest = text.partition(":")
    kind = _kind_of(head, aliases) if colon and rest.strip() else None
    if kind in _LIST_KINDS and _patterns.TIME_TOKEN.search(rest):
        return _Heading(kind, head.strip(), 0, rest.strip())
    return None


def _is_time_only(text: str) -> bool:
    match = _patterns.TIME_TOKEN.fullmatch(text)
    return match is not None and bool(match.group("open")) == bool(match.group("close"))


def _front_matter_end(texts: Sequence[str]) -> int:
    """Index just past the closing ``---`` of front matter at the top, or 0 for none."""
    first = next((i for i, text in enumerate(texts) if text), None)
    if first is None or texts[first] != "---":
        return 0
    for index in range(first + 1, min(len(texts), first + 500)):
        if texts[index] in {"---", "..."}:
            return index + 1
    return 0


def split_sections(
    lines: Sequence[Line], *, aliases: Mapping[str, SectionKind] | None = None
) -> tuple[tuple[Line, ...], list[Block]]:
    r"""Set front matter apart and cut the remaining lines into blocks.

    Args:
        lines: Every line of the page, in order.
        aliases: Heading names in place of the built-in ones, as for :func:`heading_kind`.

    Returns:
        The front-matter lines (without the ``---`` fences; empty when there is none) and
        the blocks in page order.  The head block comes first, even when empty.

    Example:
        >>> from podnotes._lines import split
        >>> _, blocks = split_sections(split("My show\n\nChapters:\n0:00 Intro\n1:00 End"))
        >>> [(b.kind.value, b.heading, len(b.lines)) for b in blocks]
        [('head', None, 2), ('chapters', 'Chapters', 2)]
    """
    if aliases is None:
        aliases = _ALIASES
    # A line that opens with a digit and does not end with ":" is no heading unless some
    # heading name opens with a digit (see _read_heading): "0:00 Intro" is read at once.
    digit_led = _BUILT_IN_DIGIT_LED if aliases is _ALIASES else _digit_led(aliases)
    every = lines.texts if isinstance(lines, Lines) else [line.text for line in lines]
    fence = _front_matter_end(every)
    front = (
        tuple(line for line in lines[:fence] if line.text not in {"---", "..."}) if fence else ()
    )
    blocks: list[Block] = []
    kind, heading, heading_line, level = SectionKind.HEAD, None, None, 0
    lead: Line | None = None  # the text after an inline heading, the block's first line
    body = lines[fence:] if fence else lines
    texts = every[fence:] if fence else every
    previous_text = ""
    hash_lines = _HashLines(texts, body if isinstance(body, Lines) else None)
    index, count, opened = -1, len(texts), 0  # opened: where the current block's lines start
    while index + 1 < count:
        index += 1
        if kind is SectionKind.TRANSCRIPT:
            # Skip to the next line that may end the transcript: the lines before it are
            # the transcript's, taken as one slice when the block ends.
            index = hash_lines.next_from(index)
            if index == count:
                break
            text = texts[index]
            found = _transcript_end(text, level, aliases)
        else:
            text = texts[index]
            if not digit_led:  # skip a run of lines such as "0:00 Intro": none is a heading
                while text[:1] in _DIGITS and text[-1:] != ":" and index + 1 < count:
                    index += 1
                    previous_text, text = text, texts[index]
            found = (
                None
                if text[:1] in _DIGITS and not digit_led and text[-1:] != ":"
                else _heading_at(texts, index, previous_text, aliases)
            )
        if found is None:
            if text:
                previous_text = text
            continue
        if (
            kind is SectionKind.HEAD
            and found.level == 1
            and not blocks
            and not any(before.startswith("# ") for before in texts[opened:index])
        ):
            previous_text = text  # "# Title" at the top is the page title, not a section
            continue
        held = _held(body, opened, index, lead, transcript=kind is SectionKind.TRANSCRIPT)
        blocks.append(Block(kind=kind, heading=heading, heading_line=heading_line, lines=held))
        line = body[index]
        kind, heading, heading_line, level = found.kind, found.name, line, found.level
        opened = index + 1
        lead = attrs.evolve(line, text=found.rest) if found.rest else None
        previous_text = text
    held = _held(body, opened, count, lead, transcript=kind is SectionKind.TRANSCRIPT)
    blocks.append(Block(kind=kind, heading=heading, heading_line=heading_line, lines=held))
    return front, blocks


def _digit_led(aliases: Mapping[str, SectionKind]) -> bool:
    """Whether a heading name opens with an ASCII digit."""
    return any(name[:1] in _DIGITS for name in aliases)


_BUILT_IN_DIGIT_LED = _digit_led(_ALIASES)


def _heading_at(
    texts: Sequence[str], index: int, previous_text: str, aliases: Mapping[str, SectionKind]
) -> _Heading | None:
    """The heading the line at ``index`` holds, outside a transcript."""
    text = texts[index]
    found = _read_heading(text, aliases) if text else None
    if found is not None and not found.level and _is_time_only(previous_text):
        if _set_apart(texts, index) and _kind_of(found.name, aliases) is not None:
            return found  # "0:00", "", "Transcript", "00:00:00": a known heading opening a block
        following = next((texts[n] for n in range(index + 1, len(texts)) if texts[n]), "")
        if _is_time_only(following):
            return None  # a list item that happens to be named "Links", between times
    return found


def _set_apart(texts: Sequence[str], index: int) -> bool:
    """Whether a blank line stands before the line at ``index`` and none right after it."""
    return 0 < index < len(texts) - 1 and not texts[index - 1] and bool(texts[index + 1])


def _transcript_end(text: str, level: int, aliases: Mapping[str, SectionKind]) -> _Heading | None:
    """The heading that ends a transcript: a Markdown heading of its level or above."""
    found = _read_heading(text, aliases)
    if found is None or not found.level or (level and found.level > level):
        return None
    return found


def _held(
    body: Sequence[Line], start: int, stop: int, lead: Line | None, *, transcript: bool
) -> Sequence[Line]:
    """A block's lines: ``lead`` (if any), then the lines from start to stop.

    A transcript's lines from :class:`~podnotes._lines.Lines` stay a slice of them, so
    they are never built as Line objects unless someone asks for one.  Other blocks hold
    a tuple.
    """
    held = body[start:stop]
    if transcript and isinstance(held, Lines):
        return held
    return tuple(held) if lead is None else (lead, *held)


class _HashLines:
    """Where the lines that open with ``#`` are, found in C loops when first asked.

    Inside a transcript only such a line may end the section, so the splitter skips from
    one to the next: a transcript of thousands of lines costs one ``join`` and a ``find``
    per ``#`` line, not a Python step per line.  The lines are searched from the first
    index asked for on (the splitter asks in increasing order), so the page's head, which
    may hold the only character that is not ASCII, does not widen the joined text; from
    :class:`~podnotes._lines.Lines`, the transcript reader reads that same joined text.
    """

    __slots__ = ("_at", "_from", "_lines", "_texts")

    def __init__(self, texts: Sequence[str], lines: Lines | None = None) -> None:
        """Search ``texts``; ``lines``, when they are the same lines, join them for it."""
        self._texts = texts
        self._lines = lines
        self._at: list[int] = []
        self._from = len(texts) + 1  # searched from this index on; nothing searched yet

    def next_from(self, index: int) -> int:
        """The index of the first text from ``index`` on that opens with ``#``, else the end."""
        if index < self._from:
            self._at, self._from = self._find(index), index
        at = self._at
        found = bisect.bisect_left(at, index)
        return at[found] if found < len(at) else len(self._texts)

    def _find(self, first: int) -> list[int]:
        lines = self._lines
        if lines is None:
            joined = "\n".join(self._texts[first:])
        else:
            view = lines[first:]
            if not isinstance(view, Lines):
                joined = "\n".join(self._texts[first:])
            elif view.may_hold("#"):
                joined = view.joined()
            else:
                return []  # the text they come from holds no "#" from here on
        found: list[int] = []
        line, start, hashes = first, 0, 0  # the line at ``start``; where the search goes on
        while (hashes := joined.find("#", hashes)) >= 0:  # "#" is rare, "\n#" slow to find
            if hashes == 0 or joined[hashes - 1] == "\n":
                line += joined.count("\n", start, hashes)
                found.append(line)
                start = hashes
            hashes += 1
        return found
