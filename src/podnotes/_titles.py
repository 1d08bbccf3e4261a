"""Episode titles: the number, season and podcast name a title spells, and the bare title.

:func:`parse_title` splits one title into a :class:`TitleParts` (how the number was spelled
is reported as a :class:`TitleForm`); it never raises on a str.

The head reader (:mod:`podnotes.header`) also asks here whether a title begins with a
podcast name: :func:`podcast_candidate` finds the part before the first spaced dash, and
:func:`podcast_evidence` says where else the page names it; :func:`heading_title` reads a
``# H1`` or ``WEBVTT - Title`` line; :func:`same_title` tells a title repeated (maybe with
its number spelled) from a different one.

Every pattern here is anchored, or runs on a bounded slice, with bounded quantifiers.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable
from typing import Final

import attrs

from podnotes._lines import Line
from podnotes._notes import Note

__all__ = [
    "TitleForm",
    "TitleParts",
    "heading_title",
    "parse_title",
    "podcast_candidate",
    "podcast_evidence",
    "same_title",
    "squash",
]

_DASHES: Final = "-\u2013\u2014"  # hyphen, en dash, em dash
_YEARS: Final = range(1900, 2100)  # a bare leading number in this range is a year
_BARE_DIGITS: Final = 4

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
    parts = _number(rest)  # never names the podcast
    return parts if spelled is None else attrs.evolve(parts, podcast=spelled)


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
    cut, size = -1, 0  # the last separator (no two can start at one index)
    for sep in _SUFFIX_SEPS:
        at = text.rfind(sep)
        if at > cut:
            cut, size = at, len(sep)
    if cut > 0:
        token = _suffix_token(text[cut + size :])
        if token is not None:
            return _parts(text[:cut], token, TitleForm.SUFFIX, text)
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


# ------------------------------------------------------------ podcast name in a title

# A candidate name (the part before the first spaced dash) has at most this many words and
# characters; a name squashed to fewer letters is too short to find in a link.
_CANDIDATE_WORDS: Final = 6
_CANDIDATE_CHARS: Final = 60
_SQUASHED_MIN: Final = 5
# A candidate ending in one of these words names itself as the show.
_SELF_NAMED: Final = frozenset({"podcast", "show", "pod", "radio"})


_SPACED_DASHES: Final = tuple(f" {dash} " for dash in _DASHES)


def podcast_candidate(title: str) -> str | None:
    """The part of ``title`` before its first spaced dash, when it could be a show name."""
    cut = -1  # the first spaced dash after the start
    for dash in _SPACED_DASHES:
        at = title.find(dash)
        if at > 0 and (cut < 0 or at < cut):
            cut = at
    if cut < 0:
        return None
    prefix, rest = title[:cut].strip(), title[cut + 3 :].strip()
    if (
        not rest
        or len(prefix) > _CANDIDATE_CHARS
        or len(prefix.split()) > _CANDIDATE_WORDS
        or not any(ch.isalpha() for ch in prefix)
    ):
        return None
    return prefix


def podcast_evidence(name: str, others: Iterable[Line]) -> str | None:
    """Why the page names ``name`` as its podcast, or None when it does not.

    Args:
        name: A podcast name taken from a title (:func:`podcast_candidate`).
        others: The page's other lines (not the title's), searched for the name.

    Returns:
        The reason, for a diagnostic, or None.
    """
    last = name.rsplit(maxsplit=1)[-1]
    if last.casefold() in _SELF_NAMED:
        return f'it ends with "{last}"'
    pool = "\n".join(line.text for line in others)
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


# ------------------------------------------------------------- headings and repeats

# A WebVTT header that names the episode: "WEBVTT - Title", "WEBVTT: Title", bare "WEBVTT".
_WEBVTT: Final = re.compile(r"WEBVTT(?:[ ]{1,3}[:\-\u2013\u2014]?[ ]{0,3}(?P<title>\S.{0,300}))?")


def heading_title(text: str) -> str | None:
    """The title a ``# H1`` or ``WEBVTT - Title`` line gives ("" for a bare ``WEBVTT``).

    None when ``text`` is neither.
    """
    if text.startswith("# "):
        return text[2:].strip().rstrip("#").strip()
    vtt = _WEBVTT.fullmatch(text) if text.startswith("WEBVTT") else None
    if vtt is not None:
        return vtt["title"] or ""
    return None


def squash(text: str) -> str:
    """``text`` with runs of spaces made one and case folded, for comparison."""
    return " ".join(text.split()).casefold()


def same_title(text: str, title: str) -> bool:
    """True when ``text`` is ``title`` again, maybe with the number spelled."""
    return squash(text) == squash(title) or squash(parse_title(text).title or "") == squash(title)
