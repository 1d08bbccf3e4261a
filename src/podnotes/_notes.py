"""The vocabulary the page-head readers share: notes, metadata values and cut marks.

:mod:`podnotes.header` reads the lines before a page's first section and
:mod:`podnotes._front_matter` its YAML front matter.  Both read the same kinds of value and
report the same kinds of finding, so those live here:

- :class:`Note`: a finding about a text without a position, pinned to a line later;
- metadata values: :func:`read_value` reads one field's value (a number, a date, a
  duration, or text) as its type, with notes, into a :class:`Reading`;
  :func:`read_segment` reads one ``Label: value`` or unlabelled date or duration, with the
  labels in :data:`LABELS`; :data:`LABEL`, :data:`ON_LABEL`, :data:`SEGMENTS` and
  :data:`DATE_PREFIX` are the named patterns the head reader splits its lines with;
- cut marks: :func:`split_truncation` tells whether a text was cut by the page (``...``,
  ``Read more``), and :func:`folded_word` finds dots that fold a word (``tal...king``).

Every pattern here is anchored, or runs on a bounded slice, with bounded quantifiers.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

import attrs

from podnotes._dates import parse_date
from podnotes._lines import Line
from podnotes.diagnostics import Diagnostic, Severity
from podnotes.timestamps import Timestamp, TimestampError

__all__ = [
    "DATE_PREFIX",
    "LABEL",
    "LABELS",
    "MAX_SEGMENTS",
    "ON_LABEL",
    "SEGMENTS",
    "TAIL",
    "Note",
    "Reading",
    "folded_word",
    "in_order",
    "read_date",
    "read_segment",
    "read_value",
    "split_truncation",
]

_SHORT_LINE: Final = 64  # longest metadata segment worth trying as a date or duration


@attrs.frozen(kw_only=True)
class Note:
    """A finding about a text, without a position; :meth:`at` pins it to a line.

    Attributes:
        code: A stable identifier such as ``"title.year-not-number"``.
        message: What was expected and found, or what was decided.
        severity: How serious it is.
        fragment: The part of the text it is about.

    Example:
        >>> from podnotes.header import parse_title
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
            >>> from podnotes.header import parse_title
            >>> line = split("2024: The year in review")[0]
            >>> parse_title(line.text).notes[0].at(line).column
            1
        """
        return line.diagnostic(
            self.code, self.message, fragment=self.fragment, severity=self.severity
        )


def in_order(diagnostics: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    """The diagnostics sorted by line, then column."""
    return tuple(sorted(diagnostics, key=lambda d: (d.line, d.column)))


# ----------------------------------------------------------------------- metadata values

# A number value: "12", "#12";  a bare seconds value (front matter): "3723", "3723.5".
_NUMBER_VALUE: Final = re.compile(r"#?(?P<n>[0-9]{1,6})")
_SECONDS_VALUE: Final = re.compile(r"[0-9]{1,7}(?:\.[0-9]{1,6})?")
# What joins several metadata values on one line: " | ", " \u00b7 ", " \u2022 ".
SEGMENTS: Final = re.compile(r"[ ]{1,3}[|\u00b7\u2022][ ]{1,3}")
MAX_SEGMENTS: Final = 6
LABELS: Final = {
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
LABEL: Final = re.compile(
    "(?P<label>"
    + "|".join(re.escape(k) for k in sorted(LABELS, key=len, reverse=True))
    + r")[ ]{0,2}:[ ]{0,3}",
    re.IGNORECASE,
)
ON_LABEL: Final = re.compile(
    r"(?:published|released|aired|posted)[ ]{1,2}on[ ]{1,3}", re.IGNORECASE
)
# A date at the start of a text that may go on without a space: "July 19, 2021Dr. Ann Lee".
#   accepts: July 19, 2021 | Mon, 19 Jul 2021 | 19th of July 2021 | 2021-07-19 | 19.07.2021
#   rejects: July 2021, 19 July (no year)
_MONTH: Final = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
DATE_PREFIX: Final = re.compile(
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


@attrs.frozen
class Reading:
    """One field's value read as its type (None when unreadable), with notes."""

    field: str
    value: object
    notes: tuple[Note, ...] = ()


def read_segment(text: str, *, alone: bool) -> Reading | None:
    """Read ``Label: value``, or unlabelled a full date or (beside others) a duration.

    Alone, an unlabelled duration is more likely a title (``24 Hours``).
    """
    label = LABEL.match(text)
    if label is not None:
        return read_value(LABELS[label["label"].lower()], text[label.end() :])
    return read_unlabelled(text, alone=alone)


def may_hold_segments(text: str) -> bool:
    """False when :data:`SEGMENTS` surely splits nothing off ``text`` (no ``|``, ``·``, ``•``)."""
    return "|" in text or "\u00b7" in text or "\u2022" in text


def read_unlabelled(text: str, *, alone: bool) -> Reading | None:
    """:func:`read_segment` for a text that :data:`LABEL` does not match."""
    if len(text) > _SHORT_LINE or not any(ch.isdigit() for ch in text):
        return None
    fields = ("published",) if alone else ("published", "duration")
    for field in fields[0 if _DATE_SHAPE.fullmatch(text) else 1 :]:
        reading = read_value(field, text)
        if reading is not None and reading.value is not None:
            return reading
    return None


def read_value(field: str, text: str, *, bare_seconds: bool = False) -> Reading | None:
    """Read one labelled value; None when it does not fit the label (``Episode: Title``)."""
    text = text.strip()
    if field in {"number", "season"}:
        match = _NUMBER_VALUE.fullmatch(text)
        return None if match is None else Reading(field, int(match["n"]))
    if field == "published":
        return read_date(text)
    if field in {"duration", "duration_seconds"}:
        if bare_seconds and _SECONDS_VALUE.fullmatch(text):
            return Reading(field, Timestamp.from_seconds(Decimal(text)))
        try:
            return Reading(field, Timestamp.parse(text))
        except TimestampError as error:
            note = Note(code="duration.unreadable", message=str(error), severity=Severity.ERROR)
            return Reading(field, None, (note,))
    return Reading(field, text or None)


def read_date(text: str) -> Reading:
    """Read a date value (:func:`podnotes._dates.parse_date`), its notes made :class:`Note`."""
    result = parse_date(text.strip())
    notes = tuple(
        Note(code=n.code, message=n.message, severity=n.severity, fragment=n.fragment)
        for n in result.notes
    )
    return Reading("published", result.value, notes)


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
TAIL: Final = 40  # characters at the end searched for a cut mark
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
    more = _MORE.search(rest[-TAIL:])
    if more is not None:
        before = rest[: len(rest) - len(more[0])].rstrip()
        # "Read more" is a site's button; "we should all read more" is prose.
        if more[0].lstrip("([")[0].isupper() or before.endswith(("...", "\u2026")):
            rest, cut = before, True
    dots = _DOTS.search(rest[-TAIL:])
    if dots is not None:
        rest, cut = rest[: len(rest) - len(dots[0])].rstrip(), True
    return rest, cut


def folded_word(text: str) -> str | None:
    """The first word in ``text`` folded by dots (``tal...king``), or None."""
    fold = _FOLD.search(text)
    return None if fold is None else _word_at(text, fold.start(), fold.end())


def _word_at(text: str, start: int, end: int) -> str:
    """The word around ``text[start:end]``, at most 30 characters each side."""
    left = start
    while left > max(0, start - 30) and text[left - 1].isalpha():
        left -= 1
    right = end
    while right < min(len(text), end + 30) and text[right].isalpha():
        right += 1
    return text[left:right]
