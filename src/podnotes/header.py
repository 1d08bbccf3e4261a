"""The head of a page: title, episode number, podcast, site, date, duration, description.

Three readers, each lenient (they never raise on text; what they cannot read becomes a
diagnostic) and each keeping track of the lines it used:

- :func:`parse_title` splits one title into number, season, podcast and the bare title;
- :func:`read_front_matter` reads the YAML front matter (``---`` ... ``---``) that opens a
  page, for the simple subset pages use, without a YAML library;
- :func:`read_head` reads the lines before the first section heading.

:func:`split_truncation` tells whether a text was cut by the page (``...``, ``Read more``).
Every pattern here is anchored, or runs on a bounded slice, with bounded quantifiers.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Final

import attrs

from podnotes._dates import parse_date
from podnotes._lines import Line
from podnotes.diagnostics import Diagnostic, Severity
from podnotes.timestamps import Timestamp, TimestampError

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


_DASHES: Final = "-\u2013\u2014"  # hyphen, en dash, em dash
_TITLE_MAX: Final = 200  # a longer first line is prose, not a title
_SHORT_LINE: Final = 64  # longest metadata segment worth trying as a date or duration
_YEARS: Final = range(1900, 2100)  # a bare leading number in this range is a year
_BARE_DIGITS: Final = 4
_CANDIDATE_WORDS: Final = 6
_CANDIDATE_CHARS: Final = 60
_SQUASHED_MIN: Final = 5
_SECOND_MS: Final = 1000

# ---------------------------------------------------------------------------- titles

_NUM: Final = r"(?P<number>[0-9]{1,5})"
# "Episode 12", "Ep. 12", "EP12", "Ep #12";  not "Episodes 1", "Epic 12".
_EPISODE_WORD: Final = r"(?:episode|ep)\.?\s{0,2}#?\s?"
# The number forms, without what follows them.
#   season: S3E12, S03 E12, s3.e12, S3 Ep. 12, Season 13, Episode 5, Season 3 Ep 5
#   episode: Episode 12, Ep. 12, EP#12;  hash: #490
_SEASON_FORM: Final = (
    r"(?:s(?P<season>[0-9]{1,4})\s{0,2}[.\-]?\s{0,2}e(?:p(?:isode)?\.?)?\s{0,2}"
    r"|season\s{0,2}(?P<season_word>[0-9]{1,4})\s{0,2}[,:/|\-\u2013\u2014]?\s{0,2}"
    + _EPISODE_WORD
    + ")"
    + _NUM
)
_EPISODE_FORM: Final = _EPISODE_WORD + _NUM
_HASH_FORM: Final = "#" + _NUM
# What separates a leading number from the title: ": ", " - ", " \u2013 ", ". ", " | ".
# A dash, dot or bar needs a space after it, so "1.5" and "3-2-1" are not separators.
_SEP: Final = r"\s{0,3}(?::\s{0,3}|[.|\-\u2013\u2014]\s{1,3})"


class TitleForm(enum.Enum):
    """How a title spelled its episode number (reported, so callers can see the layout)."""

    SEASON_EPISODE = "season-episode"  #: ``S3E12: Title``, ``Season 13, Episode 5: Title``
    EPISODE = "episode"  #: ``Ep. 12: Title``, ``Episode 12 - Title``
    HASH = "hash"  #: ``#490 - Title``
    BARE = "bare"  #: ``490. Title``, ``490: Title``
    SUFFIX = "suffix"  #: ``Title (#192)``, ``Title | Ep. 12``


_PREFIXES: Final = (
    (
        TitleForm.SEASON_EPISODE,
        re.compile(_SEASON_FORM + rf"(?:{_SEP}|\s{{1,3}}|\Z)", re.IGNORECASE),
    ),
    (TitleForm.EPISODE, re.compile(_EPISODE_FORM + rf"(?:{_SEP}|\s{{1,3}}|\Z)", re.IGNORECASE)),
    (TitleForm.HASH, re.compile(_HASH_FORM + rf"(?:{_SEP}|\Z)")),
)
_SUFFIX_TOKENS: Final = tuple(
    re.compile(form, re.IGNORECASE) for form in (_SEASON_FORM, _EPISODE_FORM, _HASH_FORM)
)
_SUFFIX_SEPS: Final = (" | ", " - ", " \u2013 ", " \u2014 ", ": ")
_BARE: Final = re.compile(r"(?P<number>[0-9]{1,4})" + _SEP)
_PODCAST_SEP: Final = re.compile(r"\s{0,3}(?::|[|\-\u2013\u2014])\s{1,3}")


@attrs.frozen(kw_only=True)
class Note:
    """A finding about a text, without a position; :meth:`at` pins it to a line.

    Attributes:
        code: A stable identifier such as ``"title.year-not-number"``.
        message: What was expected and found, or what was decided.
        severity: How serious it is.
        fragment: The part of the text it is about.

    Example:
        >>> note = parse_title("2024: The year in review").notes[0]
        >>> note.code, note.severity.value
        ('title.year-not-number', 'info')
    """

    code: str
    message: str
    severity: Severity = Severity.INFO
    fragment: str = ""

    def at(self, line: Line) -> Diagnostic:
        """Return this note as a diagnostic on ``line``.

        Args:
            line: The line the text came from.

        Returns:
            The diagnostic, spanning :attr:`fragment` when the line contains it.

        Example:
            >>> from podnotes._lines import split
            >>> line = split("2024: The year in review")[0]
            >>> parse_title(line.text).notes[0].at(line).column
            1
        """
        return line.diagnostic(
            self.code, self.message, fragment=self.fragment, severity=self.severity
        )


@attrs.frozen(kw_only=True)
class TitleParts:
    """A title split into its parts by :func:`parse_title`.

    Attributes:
        title: The title without number and podcast name; the whole text when removing
            them would leave nothing; None for a blank text.
        number: The episode number, when the title gives one.
        season: The season number, when the title gives one.
        podcast: The podcast name as the title spells it, when it was removed.
        form: How the number was spelled, or None.
        notes: Choices worth reporting (a year kept in the title, say).

    Example:
        >>> parts = parse_title("S3E12: The Return")
        >>> parts.title, parts.number, parts.season, parts.form
        ('The Return', 12, 3, <TitleForm.SEASON_EPISODE: 'season-episode'>)
    """

    title: str | None
    number: int | None = None
    season: int | None = None
    podcast: str | None = None
    form: TitleForm | None = None
    notes: tuple[Note, ...] = ()


def parse_title(text: str, *, podcast: str | None = None) -> TitleParts:
    """Split an episode title into number, season, podcast name and title.

    Number spellings, tried in this order: a leading ``S3E12``, ``Season 13, Episode 5``,
    ``Ep. 12``, ``Episode 12`` or ``#490`` followed by a separator (``:``, ``-``,
    ``\u2013``, ``\u2014``, ``|``, ``.``) or, for the worded forms, a space; a trailing
    ``(#192)``, ``[Ep. 12]``, ``| Ep. 12``, ``- #12`` or ``: S3E12``; and last a bare
    leading ``490.``, ``490:``, ``490 -``.  A bare number is refused when it is a year
    (1900-2099, kept in the title with a note) or when the title after it starts with a
    digit (``9 - 5 Jobs``); a bare trailing ``#1`` or ``Episode 1`` without a separator is
    title text (``We're #1``).

    Args:
        text: One title.
        podcast: The podcast's name when known from elsewhere; a title that starts or ends
            with it, next to a separator (``Podcast - Title``, ``Title | Podcast``), loses it.

    Returns:
        The parts.  Never raises for a str.

    Example:
        >>> parse_title("#490 \u2013 Tides and Time").number
        490
        >>> parse_title("Harbor Notes - Robots | Dr. Ann Lee", podcast="Harbor Notes").title
        'Robots | Dr. Ann Lee'
        >>> parse_title("10 Things I Learned").number is None
        True
    """
    stripped = " ".join(text.split())
    for mark in ("**", "__"):  # a title set in bold: "**#12: Small Talk**"
        if len(stripped) > 2 * len(mark) and stripped.startswith(mark) and stripped.endswith(mark):
            stripped = stripped[len(mark) : -len(mark)].strip()
    if not stripped:
        return TitleParts(title=None)
    spelled, rest = (None, stripped) if podcast is None else _strip_podcast(stripped, podcast)
    parts = _number(rest)
    return attrs.evolve(parts, podcast=spelled)


def _number(text: str) -> TitleParts:
    for form, pattern in _PREFIXES:
        match = pattern.match(text)
        if match is not None:
            return _parts(text[match.end() :], match, form, text)
    suffix = _suffix(text)
    if suffix is not None:
        return suffix
    match = _BARE.match(text)
    if match is None:
        return TitleParts(title=text)
    rest = text[match.end() :]
    if len(match["number"]) == _BARE_DIGITS and int(match["number"]) in _YEARS:
        note = Note(
            code="title.year-not-number",
            message=f'kept "{match["number"]}" in the title: a year, not an episode number',
            fragment=match["number"],
        )
        return TitleParts(title=text, notes=(note,))
    if not rest or rest[0].isdigit():
        return TitleParts(title=text)
    return _parts(rest, match, TitleForm.BARE, text)


def _parts(rest: str, match: re.Match[str], form: TitleForm, whole: str) -> TitleParts:
    groups = match.groupdict()
    season = groups.get("season") or groups.get("season_word")
    return TitleParts(
        title=rest.strip() or whole,
        number=int(match["number"]),
        season=None if season is None else int(season),
        form=form,
    )


def _suffix(text: str) -> TitleParts | None:
    if text[-1:] in {")", "]"}:
        opening = text.rfind("(" if text[-1] == ")" else "[")
        token = _suffix_token(text[opening + 1 : -1]) if opening > 0 else None
        if token is not None:
            return _parts(text[:opening], token, TitleForm.SUFFIX, text)
    cut = max((text.rfind(sep), sep) for sep in _SUFFIX_SEPS)
    if cut[0] > 0:
        token = _suffix_token(text[cut[0] + len(cut[1]) :])
        if token is not None:
            return _parts(text[: cut[0]], token, TitleForm.SUFFIX, text)
    return None


def _suffix_token(text: str) -> re.Match[str] | None:
    stripped = text.strip()
    return next((m for p in _SUFFIX_TOKENS if (m := p.fullmatch(stripped)) is not None), None)


def _strip_podcast(text: str, podcast: str) -> tuple[str | None, str]:
    """Remove a known podcast name at the start or end of ``text``, next to a separator."""
    name = " ".join(podcast.split())
    size = len(name)
    if not name or size >= len(text):
        return None, text
    if text[:size].casefold() == name.casefold():
        after = text[size:]
        sep = _PODCAST_SEP.match(after)
        if sep is not None:
            return text[:size], after[sep.end() :]
        # "Harbor Notes #990: Title": a space is enough when a number form follows.
        if after[:1] == " " and any(p.match(after[1:]) for _f, p in _PREFIXES):
            return text[:size], after[1:]
    if text[-size:].casefold() == name.casefold():
        before = text[:-size].rstrip()
        if before[-1:] in {"|", ":", *_DASHES} and before[-2:-1] == " ":
            return text[-size:], before[:-1].rstrip()
    return None, text


# ------------------------------------------------------------------------ truncation

# What a page writes where it cut a text, checked on the last few characters only.
#   accepts: "...", "\u2026", "[...]", "...more", "\u2026 Read more", "Show more \u00bb"
#   rejects: "etc.", "Mr.", "tal...king" (text goes on after the dots)
_MORE: Final = re.compile(
    r"[(\[]?(?:read|show|see|view|load)[ ]{1,2}(?:more|all|full)[)\]]?[ ]{0,2}[\u00bb\u203a>]?\Z",
    re.IGNORECASE,
)
_DOTS: Final = re.compile(
    r"(?:\.{3,4}|\u2026|\[(?:\.{3}|\u2026)\]|\((?:\.{3}|\u2026)\))(?:[ ]?more)?\Z", re.IGNORECASE
)
_TAIL: Final = 40
# "tal...king": dots between two lower-case letters fold a word; the text is not cut there.
_FOLD: Final = re.compile(r"(?<=[a-z])(?:\.{3}|\u2026)(?=[a-z])")


def split_truncation(text: str) -> tuple[str, bool]:
    """Remove the mark a page leaves where it cut a text, and say whether there was one.

    Marks, at the very end only: ``...`` (or four dots), ``\u2026``, ``[...]``, ``(...)``,
    ``...more``, and ``Read more``, ``Show more``, ``See more``, ``View all`` (optionally
    bracketed or followed by ``\u00bb``; capitalised, as buttons are, or after dots:
    ``we should all read more`` is prose).  Dots inside the text (the ``tal...king`` fold of
    some sites) are not a cut.

    Args:
        text: The text as the page gave it.

    Returns:
        The text without the mark (trailing spaces removed) and True when there was one.

    Example:
        >>> split_truncation("She wrote a book about tide pools and...")
        ('She wrote a book about tide pools and', True)
        >>> split_truncation("He is the tal...king of a show.")
        ('He is the tal...king of a show.', False)
    """
    rest = text.rstrip()
    cut = False
    more = _MORE.search(rest[-_TAIL:])
    if more is not None:
        before = rest[: len(rest) - len(more[0])].rstrip()
        # "Read more" is a site's button; "we should all read more" is prose.
        if more[0].lstrip("([")[0].isupper() or before.endswith(("...", "\u2026")):
            rest, cut = before, True
    dots = _DOTS.search(rest[-_TAIL:])
    if dots is not None:
        rest, cut = rest[: len(rest) - len(dots[0])].rstrip(), True
    return rest, cut


# ---------------------------------------------------------------------- front matter

# A top-level "key: value" line; the key is bounded and may hold spaces, dots, dashes.
#   accepts: "title: X", "pubDate:", "episode number: 5"   rejects: "  nested: x", "- item", "a"
_KEY: Final = re.compile(
    r"(?P<key>[A-Za-z_][\w.\-]{0,63}(?: [\w.\-]{1,63}){0,3})[ \t]{0,3}:(?=\s|\Z)"
)
_BLOCK: Final = re.compile(r"(?P<style>[|>])[+\-]?[0-9]?")
_NUMBER_VALUE: Final = re.compile(r"#?(?P<n>[0-9]{1,6})")
_SECONDS_VALUE: Final = re.compile(r"[0-9]{1,7}(?:\.[0-9]{1,6})?")
_ESCAPE: Final = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(.))")
_ESCAPES: Final = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "/": "/", " ": " ", "_": "\u00a0"}
_FIELDS: Final = {
    **dict.fromkeys(("title",), "title"),
    **dict.fromkeys(("number", "episode", "episode_number", "episodenumber", "ep"), "number"),
    **dict.fromkeys(("season", "season_number", "seasonnumber"), "season"),
    **dict.fromkeys(
        (
            "date",
            "published",
            "pubdate",
            "pub_date",
            "publish_date",
            "publishdate",
            "published_at",
            "date_published",
            "release_date",
            "released",
        ),
        "published",
    ),
    **dict.fromkeys(("url", "link", "permalink", "canonical_url", "episode_url"), "url"),
    **dict.fromkeys(
        ("podcast", "show", "show_name", "podcast_name", "channel", "series"), "podcast"
    ),
    **dict.fromkeys(("duration", "length", "runtime"), "duration"),
    **dict.fromkeys(("duration_seconds",), "duration_seconds"),
    **dict.fromkeys(("description", "excerpt"), "description"),
}


@attrs.frozen(kw_only=True)
class FrontMatter:
    r"""What :func:`read_front_matter` understood of a page's YAML front matter.

    Attributes:
        title: The title, without a number or podcast name it spelled (see
            :func:`parse_title`).
        number: From ``number``/``episode``/``episode_number``, else from the title.
        season: From ``season``/``season_number``, else from the title.
        podcast: From ``podcast``/``show``/``channel``/``series``.
        url: From ``url``/``link``/``permalink``.
        published: From ``date``/``published``/``pubDate``/``release_date`` (epoch
            milliseconds and ISO datetimes give the UTC day).
        duration: From ``duration``/``length``/``runtime`` (a bare number is seconds), or
            ``duration_seconds``.
        description: From ``description``/``excerpt``, without a trailing cut mark.
        description_truncated: True when the description ended in a cut mark.
        end: How many of the given lines the block spans, fences and leading blank
            lines included; 0 when there is no front matter.  ``lines[end:]`` is the rest
            of the page.
        used: Numbers of the lines read into a field or a diagnostic (fences included).
        extra_lines: The lines of keys that were not mapped (and comments), so the caller
            can keep them as a raw section; :attr:`extra` gives their text.
        diagnostics: What could not be read.

    Example:
        >>> from podnotes._lines import split
        >>> fm = read_front_matter(split("---\nnumber: 990\nhosts:\n  - wes\n---\nHi"))
        >>> fm.number, fm.end, fm.extra
        (990, 5, ('hosts:', '  - wes'))
        >>> fm.fields
        {'number': 990}
    """

    title: str | None = None
    number: int | None = None
    season: int | None = None
    podcast: str | None = None
    url: str | None = None
    published: dt.date | None = None
    duration: Timestamp | None = None
    description: str | None = None
    description_truncated: bool = False
    end: int = 0
    used: frozenset[int] = frozenset()
    extra_lines: tuple[Line, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def extra(self) -> tuple[str, ...]:
        """The unmapped lines as written (:attr:`extra_lines`' raw text)."""
        return tuple(line.raw for line in self.extra_lines)

    @property
    def fields(self) -> dict[str, object]:
        """The fields that were read, by :class:`~podnotes.model.Episode` field name.

        ``description_truncated`` is included only with a description.
        """
        found = {
            name: getattr(self, name) for name in _FRONT_FIELDS if getattr(self, name) is not None
        }
        if self.description is not None:
            found["description_truncated"] = self.description_truncated
        return found


_FRONT_FIELDS: Final = (
    "title",
    "number",
    "season",
    "podcast",
    "url",
    "published",
    "duration",
    "description",
)


@attrs.define
class _Entry:
    key: str
    line: Line
    first: str
    more: list[Line] = attrs.Factory(list)
    open_quote: str = ""  # the quote of a quoted value not closed yet

    def __attrs_post_init__(self) -> None:
        if self.first[:1] in {"'", '"'} and _quote_end(self.first, self.first[0], 1) is None:
            self.open_quote = self.first[0]

    def add(self, line: Line) -> None:
        self.more.append(line)
        if self.open_quote and _quote_end(line.raw, self.open_quote, 0) is not None:
            self.open_quote = ""


def read_front_matter(lines: Sequence[Line], *, fenced: bool = True) -> FrontMatter:
    r"""Read the YAML front matter that opens a page, without a YAML library.

    By default ``lines`` are the page's lines from the top: the front matter is there
    when the first non-blank line is ``---``, and ends at the next ``---`` or ``...``
    line (a ``---`` with no closing line is not front matter: a warning says so and
    ``end`` is 0).  With ``fenced=False``, ``lines`` are the lines between the fences,
    already found by the caller.  Supported: ``key: value`` with plain, ``'single'`` and
    ``"double"`` quoted values (escapes decoded), values folded over indented
    continuation lines, ``|`` and ``>`` block values, and lists (``- item``) and nested
    maps, which are kept raw in :attr:`FrontMatter.extra`.  Keys are matched without
    regard to case, ``-`` or spaces.

    Args:
        lines: The page's lines from the top, or (``fenced=False``) the lines between
            the fences.
        fenced: Whether ``lines`` start with the ``---`` fence.

    Returns:
        The fields read, the lines used, the unmapped lines and diagnostics.

    Example:
        >>> from podnotes._lines import split
        >>> page = split("---\ntitle: How to grow | Ann Lee\n  (Acme)\nchannel: Ann's Show\n---")
        >>> fm = read_front_matter(page)
        >>> fm.title, fm.podcast, sorted(fm.used)
        ('How to grow | Ann Lee (Acme)', "Ann's Show", [1, 2, 3, 4, 5])
        >>> read_front_matter(page[1:4], fenced=False).title
        'How to grow | Ann Lee (Acme)'
        >>> read_front_matter(split("Title: no fences")).end
        0
    """
    if not fenced:
        return _FrontMatterReader(lines).read(end=len(lines), fences=set())
    start = next((i for i, line in enumerate(lines) if not line.blank), None)
    if start is None or lines[start].text != "---":
        return FrontMatter()
    close = next(
        (i for i in range(start + 1, len(lines)) if lines[i].text in {"---", "..."}),
        None,
    )
    if close is None:
        opening = lines[start].diagnostic(
            "front-matter.unclosed",
            'expected a closing "---" for the front matter, found none; '
            "the page is read without front matter",
            severity=Severity.WARNING,
        )
        return FrontMatter(diagnostics=(opening,))
    return _FrontMatterReader(lines[start + 1 : close]).read(
        end=close + 1, fences={lines[start].number, lines[close].number}
    )


class _FrontMatterReader:
    def __init__(self, body: Sequence[Line]) -> None:
        self.body = body
        self.values: dict[str, tuple[str, _Entry]] = {}
        self.used: set[int] = set()
        self.extra: list[Line] = []
        self.diagnostics: list[Diagnostic] = []

    def read(self, *, end: int, fences: set[int]) -> FrontMatter:
        for entry in self._entries():
            self._map(entry)
        return FrontMatter(
            **self._fields(),
            end=end,
            used=frozenset(self.used | fences),
            extra_lines=tuple(self.extra),
            diagnostics=_in_order(self.diagnostics),
        )

    def _entries(self) -> Iterable[_Entry]:
        entry: _Entry | None = None
        for line in self.body:
            raw = line.raw
            if entry is not None and (
                line.blank or raw[:1] in {" ", "\t", "-"} or entry.open_quote
            ):
                entry.add(line)
                continue
            if line.blank:
                continue
            if entry is not None:
                yield entry
                entry = None
            key = _KEY.match(raw)
            if raw.lstrip().startswith("#"):
                self.extra.append(line)
            elif key is None:
                self.used.add(line.number)
                message = f'expected "key: value", found "{raw.strip()}"'
                self.diagnostics.append(line.diagnostic("front-matter.unreadable", message))
            else:
                entry = _Entry(key=key["key"], line=line, first=raw[key.end() :].strip())
        if entry is not None:
            yield entry

    def _map(self, entry: _Entry) -> None:
        lines = [entry.line, *(line for line in entry.more if not line.blank)]
        field = _FIELDS.get(re.sub(r"[\s\-]", "_", entry.key.lower()))
        value, problem = _scalar(entry)
        if problem is not None:  # the lines stay raw in ``extra``; the warning says why
            self._note(entry, "front-matter.bad-quote", problem, Severity.WARNING)
        if field is None or value is None or not value.strip():
            self.extra.extend(lines)
            return
        self.used.update(line.number for line in lines)
        if field in self.values:
            message = f'expected one {field}, found "{entry.key}" as well; kept the first'
            self._note(entry, "front-matter.duplicate", message, Severity.WARNING)
        else:
            self.values[field] = (value.strip(), entry)

    def _note(
        self, entry: _Entry, code: str, message: str, severity: Severity, fragment: str = ""
    ) -> None:
        fragment = fragment if fragment and fragment in entry.line.raw else entry.first
        self.diagnostics.append(
            entry.line.diagnostic(code, message, fragment=fragment, severity=severity)
        )

    def _read(self, field: str) -> tuple[object, _Entry] | None:
        """The value of ``field`` read as its type, with the notes made diagnostics."""
        if field not in self.values:
            return None
        text, entry = self.values[field]
        reading = _value(field, text, bare_seconds=True)
        if reading is None:
            message = f'expected a whole number for "{entry.key}", found "{text}"'
            self._note(entry, "front-matter.bad-number", message, Severity.ERROR, text)
            return None
        for note in reading.notes:
            self._note(entry, note.code, note.message, note.severity, note.fragment or text)
        return reading.value, entry

    def _fields(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for field in ("podcast", "url", "published", "duration"):
            read = self._read(field)
            out[field] = None if read is None else read[0]
        if "title" in self.values:
            text, entry = self.values["title"]
            parts = parse_title(text, podcast=out["podcast"])
            for note in parts.notes:
                self._note(entry, note.code, note.message, note.severity, note.fragment)
            out.update(title=parts.title, number=parts.number, season=parts.season)
        for field in ("number", "season"):
            read = self._read(field)
            if read is not None:
                self._agree(read[1], field, out.get(field), read[0], kept=f'"{read[1].key}"')
                out[field] = read[0]
        seconds = self._read("duration_seconds")
        if seconds is not None:
            duration, read_seconds = out["duration"], seconds[0]
            if isinstance(duration, Timestamp) and isinstance(read_seconds, Timestamp):
                close = abs(duration.ms - read_seconds.ms) < _SECOND_MS
                second = duration if close else read_seconds
                self._agree(seconds[1], "duration", duration, second, kept="the duration")
            out["duration"] = duration or read_seconds
        if "description" in self.values:
            text, cut = split_truncation(self.values["description"][0])
            out.update(description=text, description_truncated=cut)
        return out

    def _agree(
        self, entry: _Entry, field: str, first: object, second: object, *, kept: str
    ) -> None:
        if first is not None and first != second:
            message = (
                f'expected the {field} {first} again, found "{entry.key}: {entry.first}"; '
                f"kept {kept}"
            )
            self._note(entry, "front-matter.conflict", message, Severity.WARNING)


def _quote_end(text: str, quote: str, start: int) -> int | None:
    """Index of the first ``quote`` from ``start`` that closes a quoted value, or None.

    In single quotes ``''`` is an escaped quote; in double quotes a backslash escapes.
    """
    index = text.find(quote, start)
    while index >= 0:
        if quote == "'" and text[index + 1 : index + 2] == "'":
            index = text.find(quote, index + 2)
            continue
        backslashes = 0
        while quote == '"' and index > backslashes and text[index - 1 - backslashes] == "\\":
            backslashes += 1
        if backslashes % 2 == 0:
            return index
        index = text.find(quote, index + 1)
    return None


def _scalar(entry: _Entry) -> tuple[str | None, str | None]:
    """The value of ``entry`` as a str (None for lists and maps), and a problem, if any."""
    first, more = entry.first, [line.raw for line in entry.more]
    if first[:1] in {"'", '"'}:
        return _quoted("\n".join([first, *more]))
    if first[:1] in {"[", "{", "&", "*", "!"}:
        return None, None
    block = _BLOCK.fullmatch(first)
    if block is not None:
        return _block(more, folded=block["style"] == ">"), None
    pieces = [piece.strip() for piece in more]
    if not first and any(p.startswith("- ") or p == "-" or _KEY.match(p) for p in pieces):
        return None, None
    return _fold([first, *pieces]).strip(), None


def _quoted(text: str) -> tuple[str | None, str | None]:
    end = _quote_end(text, text[0], 1)
    if end is None:
        return None, f"expected a closing {text[0]} in the value, found none"
    body = _fold([piece.strip() for piece in text[1:end].split("\n")])
    if text[0] == "'":
        return body.replace("''", "'"), None
    return _ESCAPE.sub(_unescape, body), None


def _unescape(match: re.Match[str]) -> str:
    code = match[1] or match[2] or match[3]
    if code is not None:
        return chr(int(code, 16)) if int(code, 16) <= 0x10FFFF else match[0]  # noqa: PLR2004
    return _ESCAPES.get(match[4], match[4])


def _block(more: list[str], *, folded: bool) -> str:
    pieces = [raw.rstrip() for raw in more]
    indent = min((len(p) - len(p.lstrip()) for p in pieces if p.strip()), default=0)
    pieces = [p[indent:] for p in pieces]
    return _fold(pieces).strip() if folded else "\n".join(pieces).strip()


def _fold(pieces: list[str]) -> str:
    """Join lines as YAML folds them: one break is a space, n empty lines are n breaks."""
    out, breaks = [pieces[0]], 0
    for piece in pieces[1:]:
        if not piece:
            breaks += 1
            continue
        out.extend(("\n" * breaks if breaks else " ", piece))
        breaks = 0
    return "".join(out)


# ------------------------------------------------------------------------------ head

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
_WEBVTT: Final = re.compile(r"WEBVTT(?:[ ]{1,3}[:\-\u2013\u2014]?[ ]{0,3}(?P<title>\S.{0,300}))?")
_SEGMENTS: Final = re.compile(r"[ ]{1,3}[|\u00b7\u2022][ ]{1,3}")
_MAX_SEGMENTS: Final = 6
_LABELS: Final = {
    **dict.fromkeys(
        (
            "date",
            "episode date",
            "publish date",
            "published date",
            "publication date",
            "published",
            "release date",
            "released",
            "air date",
            "aired",
            "posted",
            "pub date",
            "pubdate",
        ),
        "published",
    ),
    **dict.fromkeys(
        ("duration", "length", "episode length", "runtime", "run time", "running time"),
        "duration",
    ),
    **dict.fromkeys(("episode", "episode number", "episode no", "episode #"), "number"),
    **dict.fromkeys(("season", "season number"), "season"),
    **dict.fromkeys(("podcast", "show", "series", "podcast name", "show name"), "podcast"),
    **dict.fromkeys(("url", "link", "permalink", "episode url", "episode link"), "url"),
}
# "Duration: 2:52:54", "Episode Date: July 19, 2021"; the label list is fixed, so the
# alternation is bounded.  "Published on July 19, 2021" is the one form without a colon.
_LABEL: Final = re.compile(
    "(?P<label>"
    + "|".join(re.escape(k) for k in sorted(_LABELS, key=len, reverse=True))
    + r")[ ]{0,2}:[ ]{0,3}",
    re.IGNORECASE,
)
_ON_LABEL: Final = re.compile(
    r"(?:published|released|aired|posted)[ ]{1,2}on[ ]{1,3}", re.IGNORECASE
)
# A date at the start of a text that may go on without a space: "July 19, 2021Dr. Ann Lee".
#   accepts: July 19, 2021 | Mon, 19 Jul 2021 | 19th of July 2021 | 2021-07-19 | 19.07.2021
#   rejects: July 2021, 19 July (no year)
_MONTH: Final = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_DATE_PREFIX: Final = re.compile(
    r"(?:[a-z]{3,9}\.?,?[ ]{1,2})?(?:"
    + _MONTH
    + r"[ ]{1,2}[0-9]{1,2}(?:st|nd|rd|th)?,?[ ]{1,2}[0-9]{4}"
    + r"|[0-9]{1,2}(?:st|nd|rd|th)?[ ]{1,2}(?:of[ ]{1,2})?"
    + _MONTH
    + r",?[ ]{1,2}[0-9]{4}"
    + r"|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}/[0-9]{1,2}/[0-9]{1,2}"
    + r"|[0-9]{1,2}[./\-][0-9]{1,2}[./\-][0-9]{4})(?![0-9])",
    re.IGNORECASE,
)
# What an unlabelled date can be made of, checked before dateutil runs on a line: a
# 4-digit year or a month name, and only letters, digits, spaces and ",./:+-".
#   accepts: "Jul 19, 2021", "2021-07-19", "Mon, 19 Jul 2021 10:00:00 GMT"
#   rejects: "[3:00] Intro", "Episode 12 #live", "10 Things"
_DATE_SHAPE: Final = re.compile(
    r"(?=.{0,60}(?:[0-9]{4}|" + _MONTH + r"))[a-z0-9 ,./:+\-]{6,64}", re.IGNORECASE
)
_SELF_NAMED: Final = frozenset({"podcast", "show", "pod", "radio"})


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


@attrs.frozen
class _Reading:
    field: str
    value: object
    notes: tuple[Note, ...] = ()


class _HeadReader:
    def __init__(
        self,
        lines: Sequence[Line],
        podcast: str | None,
        front_matter: FrontMatter | None,
        evidence: Sequence[Line],
    ) -> None:
        fm = front_matter or FrontMatter()
        skip = fm.used | {line.number for line in fm.extra_lines}
        self.lines = [line for line in lines if line.number not in skip]
        self.evidence = [*evidence, *fm.extra_lines]
        self.podcast = podcast
        self.fm = fm
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
        self.diagnostics: list[Diagnostic] = list(fm.diagnostics)

    def read(self) -> HeadResult:
        gap = False
        for line in self.lines:
            if not line.blank:
                self._take(line, gap=gap)
            gap = line.blank
        self._settle_title()
        self._settle_description()
        return HeadResult(
            **attrs.asdict(self.fields, recurse=False),
            used=frozenset(self.used | self.fm.used),
            leftover=tuple(self.leftover),
            diagnostics=_in_order(self.diagnostics),
        )

    def _say(self, line: Line, code: str, message: str, fragment: str = "", *, warn: bool) -> None:
        severity = Severity.WARNING if warn else Severity.INFO
        self.diagnostics.append(
            line.diagnostic(code, message, fragment=fragment, severity=severity)
        )

    # -- one line

    def _take(self, line: Line, *, gap: bool) -> None:
        """Place one non-blank line: each handler returns True when it placed the line."""
        if _RULE.fullmatch(line.text):
            self.leftover.append(line)
            return
        for handler in (self._site_or_url, self._metadata, self._heading, self._cut_mark):
            if handler(line):
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
        text = line.text
        vtt = _WEBVTT.fullmatch(text)
        if text.startswith("# "):
            title = text[2:].strip().rstrip("#").strip()
        elif vtt is not None:
            title = vtt["title"] or ""
        else:
            return False
        known = self.fm.title
        if self.title_line is not None:
            known = parse_title(self.title_text, podcast=self.podcast).title
        if title and known is None:
            self.title_line, self.title_text = line, title
        elif title and known is not None and _repeats(title, known):
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
        if not self.prose or len(line.text) > _TAIL or split_truncation(line.text) != ("", True):
            return False
        self.cut_line = True
        self.used.add(line.number)
        return True

    def _first_title(self, line: Line) -> bool:
        known = self.fm.title
        if known is not None or self.title_line is not None or self.prose:
            if known is not None and not self.prose and _repeats(line.text, known):
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
        fold = _FOLD.search(text)
        if fold is not None:
            word = _word_at(text, fold.start(), fold.end())
            message = f'kept "{word}" as written: dots inside a word fold the text, not cut it'
            self._say(line, "header.fold-marker", message, word, warn=False)

    # -- metadata lines

    def _metadata(self, line: Line) -> bool:
        text = line.text
        segments = _SEGMENTS.split(text, maxsplit=_MAX_SEGMENTS)
        if 1 < len(segments) <= _MAX_SEGMENTS and len(text) <= _TITLE_MAX:
            readings = [_segment(part, alone=False) for part in segments]
            read = [(part, r) for part, r in zip(segments, readings, strict=True) if r]
            if len(read) == len(segments):
                for part, each in read:
                    self._apply(line, each, part)
                return True
        label = _LABEL.match(text)
        if label is None:
            on = _ON_LABEL.match(text)
            if on is not None:
                return self._date_line(line, text[on.end() :], labelled=False)
            reading = _segment(text, alone=True)
            if reading is not None:
                self._apply(line, reading, text)
            return reading is not None
        field, value = _LABELS[label["label"].lower()], text[label.end() :]
        if field == "published":
            return self._date_line(line, value, labelled=True)
        reading = _value(field, value)
        if reading is not None:
            self._apply(line, reading, value)
        return reading is not None

    def _date_line(self, line: Line, value: str, *, labelled: bool) -> bool:
        reading = _date_reading(value)
        if reading.value is None:
            prefix = _DATE_PREFIX.match(value)
            glued = None if prefix is None else _date_reading(prefix[0])
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

    def _apply(self, line: Line, reading: _Reading, source: str) -> None:
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
        name = _candidate(parts.title or "")
        if name is None:
            return parts
        reason = self._named(name, line)
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

    def _named(self, name: str, title_line: Line) -> str | None:
        """Why the page names ``name`` as its podcast, or None when it does not."""
        last = name.rsplit(maxsplit=1)[-1]
        if last.casefold() in _SELF_NAMED:
            return f'it ends with "{last}"'
        pool = "\n".join(
            line.text for line in [*self.lines, *self.evidence] if line is not title_line
        )
        escaped = re.escape(name)
        for pattern in (
            rf"(?<!\w){escaped}\s{{1,3}}podcast(?!\w)",
            rf"(?<!\w)welcome\s{{1,3}}to\s{{1,3}}(?:the\s{{1,3}})?{escaped}(?!\w)",
        ):
            said = re.search(pattern, pool, re.IGNORECASE)
            if said is not None:
                return f'the page says "{said[0]}"'
        squashed = re.escape("".join(ch for ch in name.casefold() if ch.isalnum()))
        if len(squashed) >= _SQUASHED_MIN:
            linked = re.search(
                rf"[@/]{squashed}(?![a-z0-9])|(?<![a-z0-9]){squashed}\.[a-z]{{2,24}}(?![a-z0-9])",
                pool.casefold(),
            )
            if linked is not None:
                return f'the page links "{linked[0]}"'
        return None

    def _settle_description(self) -> None:
        if not self.prose:
            return
        pieces = [self.prose[0][1]]
        for _line, part, gap in self.prose[1:]:
            pieces.extend(("\n\n" if gap else "\n", part))
        text, cut = split_truncation("".join(pieces))
        lines = [line for line, _text, _gap in self.prose]
        known = self.fm.description
        if known is not None and not _squash(text).startswith(_squash(known)):
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


def _segment(text: str, *, alone: bool) -> _Reading | None:
    """Read ``Label: value``, or unlabelled a full date or (beside others) a duration.

    Alone, an unlabelled duration is more likely a title (``24 Hours``).
    """
    label = _LABEL.match(text)
    if label is not None:
        return _value(_LABELS[label["label"].lower()], text[label.end() :])
    if len(text) > _SHORT_LINE or not any(ch.isdigit() for ch in text):
        return None
    fields = ("published",) if alone else ("published", "duration")
    for field in fields[0 if _DATE_SHAPE.fullmatch(text) else 1 :]:
        reading = _value(field, text)
        if reading is not None and reading.value is not None:
            return reading
    return None


def _value(field: str, text: str, *, bare_seconds: bool = False) -> _Reading | None:
    """Read one labelled value; None when it does not fit the label (``Episode: Title``)."""
    text = text.strip()
    if field in {"number", "season"}:
        match = _NUMBER_VALUE.fullmatch(text)
        return None if match is None else _Reading(field, int(match["n"]))
    if field == "published":
        return _date_reading(text)
    if field in {"duration", "duration_seconds"}:
        if bare_seconds and _SECONDS_VALUE.fullmatch(text):
            return _Reading(field, Timestamp.from_seconds(Decimal(text)))
        try:
            return _Reading(field, Timestamp.parse(text))
        except TimestampError as error:
            note = Note(code="duration.unreadable", message=str(error), severity=Severity.ERROR)
            return _Reading(field, None, (note,))
    return _Reading(field, text or None)


def _date_reading(text: str) -> _Reading:
    result = parse_date(text.strip())
    notes = tuple(
        Note(code=n.code, message=n.message, severity=n.severity, fragment=n.fragment)
        for n in result.notes
    )
    return _Reading("published", result.value, notes)


def _in_order(diagnostics: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(sorted(diagnostics, key=lambda d: (d.line, d.column)))


def _is_tld(tld: str) -> bool:
    return len(tld) == 2 or tld.lower() in _TLDS  # noqa: PLR2004  (country codes)


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


def _repeats(text: str, title: str) -> bool:
    """True when ``text`` is ``title`` again, maybe with the number spelled."""
    return _squash(text) == _squash(title) or _squash(parse_title(text).title or "") == _squash(
        title
    )


def _candidate(title: str) -> str | None:
    """The part of ``title`` before its first spaced dash, when it could be a show name."""
    cuts = [i for i in (title.find(f" {d} ") for d in _DASHES) if i > 0]
    if not cuts:
        return None
    prefix, rest = title[: min(cuts)].strip(), title[min(cuts) + 3 :].strip()
    if (
        not rest
        or len(prefix) > _CANDIDATE_CHARS
        or len(prefix.split()) > _CANDIDATE_WORDS
        or not any(ch.isalpha() for ch in prefix)
    ):
        return None
    return prefix


def _word_at(text: str, start: int, end: int) -> str:
    """The word around ``text[start:end]``, at most 30 characters each side."""
    left = start
    while left > max(0, start - 30) and text[left - 1].isalpha():
        left -= 1
    right = end
    while right < min(len(text), end + 30) and text[right].isalpha():
        right += 1
    return text[left:right]
