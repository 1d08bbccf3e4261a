"""The head of a page: title, episode number, podcast, site, date, duration, description.

:func:`read_head` reads the lines before the first section heading into a
:class:`HeadResult`.  It is lenient (it never raises on text; what it cannot read becomes a
diagnostic) and keeps track of the lines it used.  The pieces it is built from live in
private modules and are re-exported here, so ``podnotes.header`` stays the one import:

- :func:`parse_title`, :class:`TitleParts`, :class:`TitleForm` (``podnotes._titles``) split
  one title into number, season, podcast and the bare title;
- :func:`read_front_matter`, :class:`FrontMatter` (``podnotes._front_matter``) read the
  YAML front matter (``---`` ... ``---``) that opens a page, for the simple subset pages
  use, without a YAML library;
- :class:`Note` and :func:`split_truncation` (``podnotes._notes``): a finding without a
  position, and whether a text was cut by the page (``...``, ``Read more``); that module
  also reads metadata values (dates, durations, numbers) for both readers.

Every pattern here is anchored, or runs on a bounded slice, with bounded quantifiers.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from podnotes import _notes, _titles
from podnotes._front_matter import FrontMatter, read_front_matter
from podnotes._lines import Line
from podnotes._notes import Note, Reading, split_truncation
from podnotes._titles import TitleForm, TitleParts, parse_title
from podnotes.diagnostics import Diagnostic, Severity
from podnotes.timestamps import Timestamp

__all__ = [
    "FrontMatter",
    "HeadResult",
    "Note",
    "TitleForm",
    "TitleParts",
    "parse_title",
    "read_front_matter",
    "read_head",
    "split_truncation",
]


def __dir__() -> list[str]:
    """List the public names only, so helpers do not leak into ``dir()``."""
    return list(__all__)


_TITLE_MAX: Final = 200  # a longer first line is prose, not a title

# Top-level domains a site line may end with (any two-letter country code is accepted too).
_TLDS: Final = frozenset(
    (
        *("com", "net", "org", "fm", "io", "co", "ai", "dev", "app", "me", "tv", "show"),
        *("audio", "podcast", "podcasts", "info", "blog", "news", "media", "studio", "xyz"),
        *("site", "online", "live", "today", "world", "network", "space", "cloud", "page"),
        *("link", "one", "club"),
    )
)
# A bare domain on its own line: "scripod.com", "www.example.fm".  Labels are bounded.
#   accepts: scripod.com, www.example.fm, Podcasts.Apple.com/   rejects: setup.config, Dr.
_SITE: Final = re.compile(
    r"(?:[a-z0-9](?:[a-z0-9\-]{0,61}[a-z0-9])?\.){1,4}(?P<tld>[a-z]{2,24})/?", re.IGNORECASE
)
_URL: Final = re.compile(r"https?://[^\s<>\"]{1,2000}", re.IGNORECASE)
_RULE: Final = re.compile(r"(?:[-*_=][ ]{0,2}){3,60}")
_RULE_MARKS: Final = frozenset("-*_=")  # a rule's first character


@attrs.frozen(kw_only=True)
class HeadResult:
    """What :func:`read_head` found in the head of a page.

    Field values follow :class:`podnotes.model.Episode`.  With ``front_matter`` given,
    its fields come first and its ``used`` lines and diagnostics are included here too.

    Attributes:
        title: The title without number and podcast name.
        number: The episode number.
        season: The season number.
        podcast: The podcast's name, when the caller, the front matter, a ``Podcast:``
            line or the page itself (see :func:`read_head`) names it.
        site: A bare domain line such as ``scripod.com``.
        url: The page address: a bare URL line before the description, or a ``URL:`` line.
        published: From a date line.
        duration: From a duration line.
        description: The remaining prose, paragraphs joined with a blank line, without a
            trailing cut mark.
        description_truncated: True when the page cut the description.
        used: Numbers of the lines read into a field or a diagnostic.
        leftover: Non-blank lines not placed anywhere (rules such as ``---``, a title that
            disagrees with the front matter, prose when the front matter has the
            description); the caller keeps them as a raw section.  Every non-blank line
            given is in ``used`` or here; a line in both was read in part (a date) and its
            ``text`` is the part left over.
        diagnostics: Choices made and problems found, in line order.

    Example:
        >>> HeadResult().used
        frozenset()
    """

    title: str | None = None
    number: int | None = None
    season: int | None = None
    podcast: str | None = None
    site: str | None = None
    url: str | None = None
    published: dt.date | None = None
    duration: Timestamp | None = None
    description: str | None = None
    description_truncated: bool = False
    used: frozenset[int] = frozenset()
    leftover: tuple[Line, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()


def read_head(
    lines: Sequence[Line],
    *,
    podcast: str | None = None,
    front_matter: FrontMatter | None = None,
    evidence: Sequence[Line] = (),
) -> HeadResult:
    r"""Read the head of a page: the lines before its first section heading.

    Each non-blank line is, in this order: a rule (``---``: leftover); a bare domain (the
    site, the first one) or a bare URL before any prose (the url); a metadata line
    (``Episode Date: July 19, 2021``, ``Published on ...``, ``Duration: 2:52:54``,
    ``Length: 1h 5m``, ``Episode: 12``, ``Season: 3``, ``Podcast: ...``, ``URL: ...``,
    several joined by ``|``, a middle dot or a bullet, and unlabelled ones made only of a
    full date and a duration with units); a ``# H1`` or ``WEBVTT - Title`` line, or the
    first other line of at most 200 characters, as the title; a line that is only a cut
    mark (``Read more``) after prose; else prose for the description.  A date glued to the
    text after it (``Episode Date: July 19, 2021Dr. Ann Lee``) is cut off and the text goes
    on as prose.

    The podcast name is taken from the title (``Podcast - Title``) when ``podcast`` or
    the front matter names it, or when the page names it elsewhere: the prefix ends in
    ``Podcast``/``Show``, or the other lines (these and ``evidence``) say ``<name>
    podcast`` or ``welcome to <name>``, or hold a domain, handle or path made of the
    name's letters (``harbornotes.com`` for ``Harbor Notes``).  Otherwise the title stays
    whole and an info diagnostic says why.

    Args:
        lines: The head lines, front matter excluded (lines it used are skipped anyway).
        podcast: The podcast's name when the caller knows it.
        front_matter: The page's front matter; its values win over the head's.
        evidence: Other lines of the page, searched only for the podcast name.

    Returns:
        The fields, the lines used and left over, and diagnostics.  Never raises.

    Example:
        >>> from podnotes._lines import split
        >>> head = read_head(split("example.fm\n\n#490 \u2013 Tides and Time\nDuration: 1h 5m"))
        >>> head.site, head.number, head.title, str(head.duration)
        ('example.fm', 490, 'Tides and Time', '1:05:00')
    """
    return _HeadReader(lines, podcast, front_matter, evidence).read()


@attrs.define
class _Fields:
    title: str | None = None
    number: int | None = None
    season: int | None = None
    podcast: str | None = None
    site: str | None = None
    url: str | None = None
    published: dt.date | None = None
    duration: Timestamp | None = None
    description: str | None = None
    description_truncated: bool = False


_NO_FRONT_MATTER: Final = FrontMatter()  # frozen, holding only immutable values: shared


class _HeadReader:
    def __init__(
        self,
        lines: Sequence[Line],
        podcast: str | None,
        front_matter: FrontMatter | None,
        evidence: Sequence[Line],
    ) -> None:
        self.evidence = evidence  # chained with the front matter's only when searched
        self.podcast = podcast
        if front_matter is None:  # nothing to skip, no values to start from
            self.lines: list[Line] = list(lines)
            self.fm = _NO_FRONT_MATTER
            self.fields = _Fields()
        else:
            fm = self.fm = front_matter
            skip = fm.used | {line.number for line in fm.extra_lines}
            self.lines = [line for line in lines if line.number not in skip]
            self.fields = _Fields(
                title=fm.title,
                number=fm.number,
                season=fm.season,
                podcast=fm.podcast,
                url=fm.url,
                published=fm.published,
                duration=fm.duration,
                description=fm.description,
                description_truncated=fm.description_truncated,
            )
        self.title_line: Line | None = None
        self.title_text = ""
        self.prose: list[tuple[Line, str, bool]] = []  # line, text, blank line before it
        self.cut_line = False
        self.used: set[int] = set()
        self.leftover: list[Line] = []
        self.diagnostics: list[Diagnostic] = list(self.fm.diagnostics)

    def read(self) -> HeadResult:
        gap = False
        for line in self.lines:
            if not line.blank:
                self._take(line, gap=gap)
            gap = line.blank
        self._settle_title()
        self._settle_description()
        fields = self.fields
        return HeadResult(
            title=fields.title,
            number=fields.number,
            season=fields.season,
            podcast=fields.podcast,
            site=fields.site,
            url=fields.url,
            published=fields.published,
            duration=fields.duration,
            description=fields.description,
            description_truncated=fields.description_truncated,
            used=frozenset(self.used | self.fm.used),
            leftover=tuple(self.leftover),
            diagnostics=_notes.in_order(self.diagnostics),
        )

    def _say(self, line: Line, code: str, message: str, fragment: str = "", *, warn: bool) -> None:
        severity = Severity.WARNING if warn else Severity.INFO
        self.diagnostics.append(
            line.diagnostic(code, message, fragment=fragment, severity=severity)
        )

    # -- one line

    def _take(self, line: Line, *, gap: bool) -> None:
        """Place one non-blank line: each handler returns True when it placed the line."""
        text = line.text
        if text[:1] in _RULE_MARKS and _RULE.fullmatch(text):
            self.leftover.append(line)
            return
        if (
            (" " not in text and self._site_or_url(line))  # neither holds a space
            or self._metadata(line)
            or self._heading(line)
            or (self.prose and self._cut_mark(line))
        ):
            return
        if not self._first_title(line):
            self._add_prose(line, line.text, gap=gap)

    def _site_or_url(self, line: Line) -> bool:
        text = line.text
        site = _SITE.fullmatch(text)
        if site is not None and self.fields.site is None and _is_tld(site["tld"]):
            self.fields.site = text.rstrip("/")
        elif _URL.fullmatch(text) and not self.prose and self.fields.url is None:
            self.fields.url = text
        else:
            return False
        self.used.add(line.number)
        return True

    def _heading(self, line: Line) -> bool:
        """A ``# H1`` or ``WEBVTT - Title`` line: the title, a repeat of it, or leftover."""
        title = _titles.heading_title(line.text)
        if title is None:
            return False
        known = self.fm.title
        if self.title_line is not None:
            known = parse_title(self.title_text, podcast=self.podcast).title
        if title and known is None:
            self.title_line, self.title_text = line, title
        elif title and known is not None and _titles.same_title(title, known):
            self.used.add(line.number)
        else:
            self.leftover.append(line)
            if title:
                message = f'expected the title "{known}" again, found "{title}"; kept the first'
                self._say(line, "header.title-conflict", message, title, warn=True)
            return True
        self.used.add(line.number)
        return True

    def _cut_mark(self, line: Line) -> bool:
        if (
            not self.prose
            or len(line.text) > _notes.TAIL
            or split_truncation(line.text) != ("", True)
        ):
            return False
        self.cut_line = True
        self.used.add(line.number)
        return True

    def _first_title(self, line: Line) -> bool:
        known = self.fm.title
        if known is not None or self.title_line is not None or self.prose:
            if known is not None and not self.prose and _titles.same_title(line.text, known):
                self.used.add(line.number)
                return True
            return False
        if len(line.text) > _TITLE_MAX:
            message = (
                f"expected a title of at most {_TITLE_MAX} characters, found "
                f"{len(line.text)}; read the line as description"
            )
            self._say(line, "header.no-title", message, warn=False)
            return False
        self.title_line, self.title_text = line, line.text
        self.used.add(line.number)
        return True

    def _add_prose(self, line: Line, text: str, *, gap: bool) -> None:
        self.prose.append((line, text, gap))
        word = _notes.folded_word(text)
        if word is not None:
            message = f'kept "{word}" as written: dots inside a word fold the text, not cut it'
            self._say(line, "header.fold-marker", message, word, warn=False)

    # -- metadata lines

    def _metadata(self, line: Line) -> bool:
        text = line.text
        segments = (
            _notes.SEGMENTS.split(text, maxsplit=_notes.MAX_SEGMENTS)
            if len(text) <= _TITLE_MAX and _notes.may_hold_segments(text)
            else ()
        )
        if 1 < len(segments) <= _notes.MAX_SEGMENTS:
            readings = [_notes.read_segment(part, alone=False) for part in segments]
            read = [(part, r) for part, r in zip(segments, readings, strict=True) if r]
            if len(read) == len(segments):
                for part, each in read:
                    self._apply(line, each, part)
                return True
        label = _notes.LABEL.match(text)
        if label is None:
            on = _notes.ON_LABEL.match(text)
            if on is not None:
                return self._date_line(line, text[on.end() :], labelled=False)
            reading = _notes.read_unlabelled(text, alone=True)
            if reading is not None:
                self._apply(line, reading, text)
            return reading is not None
        field, value = _notes.LABELS[label["label"].lower()], text[label.end() :]
        if field == "published":
            return self._date_line(line, value, labelled=True)
        reading = _notes.read_value(field, value)
        if reading is not None:
            self._apply(line, reading, value)
        return reading is not None

    def _date_line(self, line: Line, value: str, *, labelled: bool) -> bool:
        reading = _notes.read_date(value)
        if reading.value is None:
            prefix = _notes.DATE_PREFIX.match(value)
            glued = None if prefix is None else _notes.read_date(prefix[0])
            if prefix is not None and glued is not None and glued.value is not None:
                self._apply(line, glued, prefix[0])
                self._glued(line, prefix[0], value[prefix.end() :])
                return True
            if not labelled:  # "Published on our website": prose
                return False
        self._apply(line, reading, value)
        return True

    def _glued(self, line: Line, date: str, rest: str) -> None:
        """The text after a date on its line is prose (the date may be glued to it).

        ``rest`` is never blank: a date followed by nothing but spaces reads whole.
        """
        if not rest[0].isspace():
            message = f'read "{date}" as the date and the text glued to it as prose'
            self._say(line, "header.glued-date", message, date, warn=False)
        self._add_prose(line, rest.strip(), gap=False)

    def _apply(self, line: Line, reading: Reading, source: str) -> None:
        self.used.add(line.number)
        for note in reading.notes:
            fragment = note.fragment if note.fragment and note.fragment in line.raw else source
            self.diagnostics.append(attrs.evolve(note, fragment=fragment.strip()).at(line))
        if reading.value is not None:
            self._set(line, reading.field, reading.value, source)

    def _set(self, line: Line, field: str, value: object, source: str) -> None:
        current = getattr(self.fields, field)
        if current is None:
            setattr(self.fields, field, value)
        elif current != value:
            message = (
                f'expected one {field}, found "{source.strip()}" after {current}; kept the first'
            )
            self._say(line, "header.conflict", message, source.strip(), warn=True)

    # -- after the last line

    def _settle_title(self) -> None:
        line = self.title_line
        if line is None:
            return
        known = self.podcast or self.fields.podcast
        parts = parse_title(self.title_text, podcast=known)
        if known is None:
            parts = self._podcast_from_title(line, parts)
        for note in parts.notes:
            self.diagnostics.append(note.at(line))
        for field in (
            ("title", "number", "season") if known else ("title", "number", "season", "podcast")
        ):
            value = getattr(parts, field)
            if value is not None:
                self._set(line, field, value, self.title_text)
        if self.podcast is not None:
            self.fields.podcast = self.podcast

    def _podcast_from_title(self, line: Line, parts: TitleParts) -> TitleParts:
        name = _titles.podcast_candidate(parts.title or "")
        if name is None:
            return parts
        pool = itertools.chain(self.lines, self.evidence, self.fm.extra_lines)
        others = (other for other in pool if other is not line)
        reason = _titles.podcast_evidence(name, others)
        if reason is None:
            message = (
                f'kept the title whole: "{name}" before the dash may be the podcast, but the '
                "page does not name it elsewhere"
            )
            self._say(line, "header.podcast-unconfirmed", message, name, warn=False)
            return parts
        message = f'took "{name}" before the dash as the podcast name: {reason}'
        self._say(line, "header.podcast-from-title", message, name, warn=False)
        return parse_title(self.title_text, podcast=name)

    def _settle_description(self) -> None:
        if not self.prose:
            return
        pieces = [self.prose[0][1]]
        for _line, part, gap in self.prose[1:]:
            pieces.extend(("\n\n" if gap else "\n", part))
        text, cut = split_truncation("".join(pieces))
        lines = [line for line, _text, _gap in self.prose]
        known = self.fm.description
        if known is not None and not _titles.squash(text).startswith(_titles.squash(known)):
            # A line whose date was read leaves only its prose: that part is left over.
            self.leftover.extend(
                attrs.evolve(line, text=part) if line.number in self.used else line
                for line, part, _gap in self.prose
            )
            message = "kept this prose apart: the front matter gives the description"
            self._say(lines[0], "header.description-kept-apart", message, warn=False)
            return
        self.used.update(line.number for line in lines)
        self.fields.description = text
        self.fields.description_truncated = cut or self.cut_line


def _is_tld(tld: str) -> bool:
    return len(tld) == 2 or tld.lower() in _TLDS  # noqa: PLR2004  (country codes)
