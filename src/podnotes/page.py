"""The page parser, ``podnotes.parse``: show-note text to an :class:`~podnotes.model.Episode`.

Orchestration only: split lines, cut sections, hand each block to its grammar (header,
timed list, transcript), then assemble and validate.  Every non-blank line ends up in a
field, in ``Episode.sections``, or in a diagnostic.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

import attrs

from podnotes import header, transcript
from podnotes._collector import collector_paused
from podnotes._lines import Line, split_lazily
from podnotes.diagnostics import Diagnostic, Parsed, ParseError, Severity
from podnotes.model import (
    Chapter,
    Episode,
    Highlight,
    Section,
    SpeakerTurn,
    _episode_with_turns,
    _trusted_chapter,
)
from podnotes.options import ParseOptions
from podnotes.sections import Block, SectionKind, heading_kind, split_sections
from podnotes.timed_lists import LIST_MINIMUM, TimedItem, TimedList, read_timed_list
from podnotes.timestamps import Timestamp

__all__ = ["decode", "parse", "parse_file"]

_LIST_KINDS = frozenset({SectionKind.CHAPTERS, SectionKind.HIGHLIGHTS})
# The fields of a HeadResult that go to the Episode as they are.
_HEAD_FIELDS = ("title", "number", "season", "podcast", "site", "url", "published", "duration")


def parse(
    text: str, *, strict: bool = False, options: ParseOptions | None = None
) -> Parsed[Episode]:
    r"""Parse the text of a podcast page into an :class:`~podnotes.model.Episode`.

    Lenient parsing (the default) never raises on any ``str``: what it could not
    understand comes back as diagnostics.  Strict parsing runs the same code, then
    raises one :class:`~podnotes.diagnostics.ParseError` listing every error.

    Args:
        text: The page's text, as a scraper got it.
        strict: Raise instead of returning when any diagnostic is an error.
        options: Extra heading names and speaker-label rules
            (:class:`~podnotes.options.ParseOptions`); None reads pages as always.

    Returns:
        The episode and the diagnostics, in input order.

    Raises:
        TypeError: ``text`` is not a ``str`` (decode bytes first, or use :func:`parse_file`),
            or ``options`` is not a :class:`~podnotes.options.ParseOptions`.
        ParseError: ``strict`` is set and an error was found.

    Example:
        >>> page = "#12 – Small talk\n\nChapters\n0:00 Hello\n4:05 Weather"
        >>> episode = parse(page).value
        >>> episode.number, episode.title, [c.title for c in episode.chapters]
        (12, 'Small talk', ['Hello', 'Weather'])
    """
    if not isinstance(text, str):  # callers without a type checker get a clear error
        msg = f"parse() expects the page as str, found {type(text).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    if options is not None and not isinstance(options, ParseOptions):
        msg = f"parse() expects options as ParseOptions, found {type(options).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    with collector_paused():  # the builder and the page's lines are freed inside
        result = _EpisodeBuilder(options=options).run(split_lazily(text))
    if strict and not result.ok:
        raise ParseError(result.errors)
    return result


def parse_file(
    path: str | os.PathLike[str], *, strict: bool = False, options: ParseOptions | None = None
) -> Parsed[Episode]:
    """Read a file, decode it (UTF-8, with or without a BOM; UTF-16 with a BOM) and parse it.

    Args:
        path: The file to read.
        strict: As for :func:`parse`.
        options: As for :func:`parse`.

    Returns:
        As for :func:`parse`.

    Raises:
        OSError: The file cannot be read.
        UnicodeDecodeError: The file is not UTF-8 or BOM-marked UTF-16 text.
        ParseError: ``strict`` is set and an error was found.
    """
    return parse(decode(Path(path).read_bytes()), strict=strict, options=options)


def decode(data: bytes) -> str:
    r"""Decode a page's bytes: UTF-16 when a BOM says so, else UTF-8 (a BOM is dropped).

    Raises:
        UnicodeDecodeError: The bytes are not text in those encodings.

    Example:
        >>> decode(b"\xef\xbb\xbf0:00 Intro")
        '0:00 Intro'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


def _joined(lines: Sequence[Line]) -> str:
    """The visible text of lines, paragraphs kept apart by one blank line."""
    out: list[str] = []
    blank = False
    for line in lines:
        if line.blank:
            blank = bool(out)
            continue
        if blank:
            out.append("")
        out.append(line.text)
        blank = False
    return "\n".join(out)


@attrs.define
class _EpisodeBuilder:
    """Collects what the blocks yield, then builds the Episode once."""

    fields: dict[str, object] = attrs.field(factory=dict)
    chapters: list[TimedItem] = attrs.field(factory=list)
    highlights: list[TimedItem] = attrs.field(factory=list)
    # Each transcript block's turns; a page's only transcript keeps its tuple: no copy.
    turns: list[tuple[SpeakerTurn, ...]] = attrs.field(factory=list)
    sections: list[Section] = attrs.field(factory=list)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)
    front_matter: header.FrontMatter | None = None
    page: Sequence[Line] = ()
    options: ParseOptions | None = None

    def run(self, lines: Sequence[Line]) -> Parsed[Episode]:
        self.page = lines
        options = self.options
        aliases = None if options is None else options.headings
        front, blocks = split_sections(lines, aliases=aliases)
        if front:
            self.front_matter = header.read_front_matter(front, fenced=False)
        for block in blocks:
            self._block(block)
        if self.front_matter is not None:  # no head block took it in
            self._take_front_matter(self.front_matter)
        return self._build()

    # -- blocks -------------------------------------------------------------------------

    def _take_front_matter(self, found: header.FrontMatter) -> None:
        self.diagnostics.extend(found.diagnostics)
        for name, value in found.fields.items():
            self._set(name, value)
        self._front_matter_extra(found)

    def _front_matter_extra(self, found: header.FrontMatter) -> None:
        self.front_matter = None
        if found.extra:
            self.sections.append(Section(heading="Front matter", text="\n".join(found.extra)))

    def _block(self, block: Block) -> None:
        if block.kind is SectionKind.TRANSCRIPT:
            self._transcript(block.lines)
            return
        visible = [line for line in block.lines if line.text]
        if not visible:
            if block.kind is SectionKind.OTHER:
                self._raw(block.heading, block.lines)
        elif (
            block.kind is SectionKind.HEAD
            and not transcript.surely_not_transcript(visible)
            and transcript.looks_like_transcript(visible, options=self.options)
        ):
            self._transcript(block.lines)
        else:
            self._timed_or_prose(block)

    def _timed_or_prose(self, block: Block) -> None:
        # A heading that announces a list ("Chapters") makes one item enough.
        announced = block.kind in _LIST_KINDS
        options = self.options
        minimum = LIST_MINIMUM if options is None else options.list_minimum
        found = read_timed_list(block.lines, minimum=1 if announced else minimum)
        kind = block.kind
        prose: list[Line] = list(found.prelude)
        aliases = None if options is None else options.headings
        for line, lead in found.leads:
            named, before = _glued_heading(lead, aliases)
            if named is not None and kind in {SectionKind.HEAD, SectionKind.NOTES}:
                kind = named
            if before:
                prose.append(attrs.evolve(line, text=before))
        if found.found and not self._take_items(block, kind, found):
            return
        self._file_prose(block, kind, prose, listed=found.found)
        self._leftovers(found, block.heading)

    def _file_prose(
        self, block: Block, kind: SectionKind, prose: Sequence[Line], *, listed: bool
    ) -> None:
        """Put the lines of a block that are no items where they belong."""
        if block.kind is SectionKind.HEAD:
            self._head(prose)
        elif not listed and kind in _LIST_KINDS:
            if block.heading_line is not None:
                self.diagnostics.append(
                    block.heading_line.diagnostic(
                        "page.no-timed-list",
                        f'expected a timed list under "{block.heading}", found none; '
                        "kept the section raw",
                        severity=Severity.WARNING,
                    )
                )
            self._raw(block.heading, prose)
        elif block.kind is SectionKind.OTHER:
            self._raw(block.heading, prose)
        elif not prose:
            return
        elif kind not in _LIST_KINDS:
            self._description(block.heading, prose)
        elif "summary" in self.fields:
            self._raw(block.heading, prose)
        else:
            self._set("summary", _joined(prose))

    def _take_items(self, block: Block, kind: SectionKind, found: TimedList) -> bool:
        """File a block's items as highlights or chapters; False when it was kept raw."""
        target = self.highlights if kind is SectionKind.HIGHLIGHTS else self.chapters
        if target is self.chapters and target:
            self.diagnostics.append(
                found.items[0].line.diagnostic(
                    "page.second-chapter-list",
                    "expected one chapter list, found another; kept it as a raw section",
                    severity=Severity.WARNING,
                )
            )
            self._raw(block.heading, block.lines)
            return False
        self.diagnostics.extend(found.diagnostics)
        target.extend(found.items)
        return True

    def _leftovers(self, found: TimedList, heading: str | None) -> None:
        if found.trailer:
            self._raw(heading, found.trailer)
        for line, trail in found.trails:
            self.sections.append(Section(heading=heading, text=trail))
            self.diagnostics.append(
                line.diagnostic(
                    "timed-list.boilerplate",
                    f'expected the last title to end, found boilerplate "{trail[:40]}" after '
                    "it; kept it as a raw section",
                    fragment=trail,
                    severity=Severity.INFO,
                )
            )

    def _head(self, lines: Sequence[Line]) -> None:
        front = self.front_matter
        if not any(not line.blank for line in lines) and front is None:
            return
        found = header.read_head(lines, front_matter=front, evidence=self.page)
        self.diagnostics.extend(found.diagnostics)  # front matter's included
        if front is not None:
            self._front_matter_extra(front)
        fields = self.fields
        for name in _HEAD_FIELDS:
            value = getattr(found, name)
            if value is not None and name not in fields:  # as _set does
                fields[name] = value
        if found.description is not None:
            self._set("description", found.description)
            self._set("description_truncated", found.description_truncated)
        if found.leftover:
            self._raw(None, found.leftover)

    def _description(self, heading: str | None, lines: Sequence[Line]) -> None:
        text = _joined(lines)
        if "description" in self.fields:
            self._raw(heading, lines)
            return
        body, truncated = header.split_truncation(text)
        self._set("description", body)
        self._set("description_truncated", truncated)

    def _transcript(self, lines: Sequence[Line]) -> None:
        found = transcript.read_transcript(lines, options=self.options)
        self.diagnostics.extend(found.diagnostics)
        self.turns.append(found.turns)
        if found.truncated:
            self.fields["transcript_truncated"] = True
        if found.title is not None:
            self._set("title", found.title)

    def _raw(self, heading: str | None, lines: Sequence[Line]) -> None:
        text = _joined(lines)
        if text or heading is not None:
            self.sections.append(Section(heading=heading, text=text))

    def _set(self, name: str, value: object) -> None:
        """Keep the first value found for a field; later ones do not overwrite it."""
        if value is not None and name not in self.fields:
            self.fields[name] = value

    # -- assembly ----------------------------------------------------------------------

    def _build(self) -> Parsed[Episode]:
        chapters = self._chapters()
        highlights = [Highlight(at=i.start, text=i.title) for i in self.highlights]
        episode = _episode_with_turns(  # the readers made every turn: no check of each
            self._turns(),
            chapters=chapters,
            highlights=highlights,
            sections=self.sections,
            **self.fields,
        )
        order = sorted(self.diagnostics, key=lambda d: (d.line, d.column))
        return Parsed(episode, order)

    def _turns(self) -> tuple[SpeakerTurn, ...]:
        """The turns; the last timed one ends with the episode when the page gives its length."""
        duration = self.fields.get("duration")
        blocks = self.turns
        turns = blocks[0] if len(blocks) == 1 else tuple(itertools.chain.from_iterable(blocks))
        if turns and isinstance(duration, Timestamp):
            last = turns[-1]
            if last.start is not None and last.end is None and duration > last.start:
                turns = (*turns[:-1], attrs.evolve(last, end=duration))
        return turns

    def _chapters(self) -> list[Chapter]:
        kept: list[TimedItem] = []
        last = -1  # the start of the last chapter kept, in ms
        for item in self.chapters:
            if item.start.ms <= last:
                self.diagnostics.append(
                    item.line.diagnostic(
                        "chapters.out-of-order",
                        f"expected a chapter start after {kept[-1].start}, found {item.start}",
                        fragment=item.time_text,
                    )
                )
                continue
            kept.append(item)
            last = item.start.ms
        duration = self.fields.get("duration")
        final = duration if isinstance(duration, Timestamp) else None  # the last one's end
        chapters: list[Chapter] = []
        count = len(kept)
        # A start's next start is after it; the duration is only when it is.
        for index, item in enumerate(kept, start=1):
            title, url, start, end = item.title, item.url, item.start, item.end
            if end is None:
                after = kept[index].start if index < count else final
                if after is not None and after.ms > start.ms:
                    end = after
            if (  # what the validators check, so the trusted constructor may skip them
                title.__class__ is str
                and not title.isspace()
                and title
                and (url is None or (url.__class__ is str and url and not url.isspace()))
                and start.__class__ is Timestamp
                and (end is None or end.__class__ is Timestamp)
            ):
                chapters.append(_trusted_chapter(start, title, end, url))
            else:
                chapters.append(Chapter(start=start, title=title, end=end, url=url))
        return chapters


def _glued_heading(
    lead: str, aliases: Mapping[str, SectionKind] | None
) -> tuple[SectionKind | None, str]:
    """Split "… prose. Timestamps" into (the heading's kind, the prose before it)."""
    words = lead.rstrip(" :").rsplit(" ", 3)
    for size in (3, 2, 1):
        if len(words) < size:
            continue
        name = " ".join(words[-size:])
        kind = heading_kind(name, aliases=aliases)
        if kind is not None:
            return kind, " ".join(words[:-size]).strip()
    return None, lead
