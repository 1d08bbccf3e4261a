"""The YAML front matter that opens a page (``---`` ... ``---``), read without a YAML library.

:func:`read_front_matter` reads the simple subset pages use into a :class:`FrontMatter`:
``key: value`` lines with plain, quoted, folded and block values; lists and nested maps are
kept raw for the caller.  It is lenient (it never raises on text; what it cannot read
becomes a diagnostic) and keeps track of the lines it used.  Values are read as their types
by :func:`podnotes._notes.read_value`, and a title by :func:`~podnotes._titles.parse_title`,
as the head reader (:mod:`podnotes.header`) reads them.

Every pattern here is anchored, or runs on a bounded slice, with bounded quantifiers.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from typing import Any, Final

import attrs

from podnotes._lines import Line
from podnotes._notes import in_order, read_value, split_truncation
from podnotes._titles import parse_title
from podnotes.diagnostics import Diagnostic, Severity
from podnotes.timestamps import Timestamp

__all__ = ["FrontMatter", "read_front_matter"]

_SECOND_MS: Final = 1000

# A top-level "key: value" line; the key is bounded and may hold spaces, dots, dashes.
#   accepts: "title: X", "pubDate:", "episode number: 5"   rejects: "  nested: x", "- item", "a"
_KEY: Final = re.compile(
    r"(?P<key>[A-Za-z_][\w.\-]{0,63}(?: [\w.\-]{1,63}){0,3})[ \t]{0,3}:(?=\s|\Z)"
)
_BLOCK: Final = re.compile(r"(?P<style>[|>])[+\-]?[0-9]?")
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
            diagnostics=in_order(self.diagnostics),
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
        reading = read_value(field, text, bare_seconds=True)
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
