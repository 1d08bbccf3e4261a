"""Validation rules: what a consumer may refuse, with stable codes, grouped in profiles.

The model's validators reject what can never be right (a negative time, chapters out of
order).  The rules here report what a *consumer* may refuse: YouTube wants the first
chapter at 0:00, Podcasting 2.0 transcripts need times, and so on.  Each rule has a stable
code; :func:`validate` returns diagnostics, never raises.

====================================  =====================================================
code                                  what it reports
====================================  =====================================================
``youtube.first-not-at-zero``         the first chapter does not start at 0:00
``youtube.too-few-chapters``          fewer than 3 chapters
``youtube.chapter-too-short``         a chapter shorter than 10 seconds
``podcasting20.turn-without-time``    a transcript turn without a start or an end
``podcasting20.relative-url``         a chapter url that is not an absolute http(s) address
``start-beyond-duration``             a chapter, highlight or turn starts after the episode ends
``end-beyond-duration``               a chapter ends after the episode ends
``duplicate-start``                   two highlights (or two turns) at the same time
``zero-length-chapter``               a chapter shorter than one second
``highlight-outside-chapters``        a highlight before the first chapter or after the last end
``turn-times-backwards``              a turn starts before the turn before it
====================================  =====================================================

The model already guarantees what YouTube calls "ascending" (chapters strictly increase).
Profiles: ``youtube``, ``podcasting20``, ``generic`` and ``strict`` (all rules).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator

import attrs

from podnotes.diagnostics import Diagnostic, Severity
from podnotes.model import Chapter, Episode
from podnotes.timestamps import Timestamp

__all__ = ["PROFILES", "Finding", "Profile", "locate", "validate"]

_YOUTUBE_MIN_CHAPTERS = 3
_YOUTUBE_MIN_SECONDS = 10_000  # ms
_ONE_SECOND = 1_000  # ms


class Profile(enum.Enum):
    """A named group of rules."""

    YOUTUBE = "youtube"
    PODCASTING20 = "podcasting20"
    GENERIC = "generic"
    STRICT = "strict"


@attrs.frozen(kw_only=True)
class Finding:
    """One rule broken, before it is pinned to a place in a source text.

    Attributes:
        code: The rule's stable code.
        message: What was expected and what was found.
        severity: ``ERROR`` for what the profile's consumer refuses, ``WARNING`` otherwise.
        fragment: Text of the item concerned (a title, a time), used to find its line.
    """

    code: str
    message: str
    severity: Severity = Severity.ERROR
    fragment: str = ""


Rule = Callable[[Episode], Iterator[Finding]]


def _ends(chapters: tuple[Chapter, ...], duration: Timestamp | None) -> list[Timestamp | None]:
    """Each chapter's end: given, else the next start, else the duration."""
    ends: list[Timestamp | None] = []
    for index, chapter in enumerate(chapters):
        if chapter.end is not None:
            ends.append(chapter.end)
        elif index + 1 < len(chapters):
            ends.append(chapters[index + 1].start)
        else:
            ends.append(duration)
    return ends


def _youtube(episode: Episode) -> Iterator[Finding]:
    chapters = episode.chapters
    if chapters and chapters[0].start.ms != 0:
        first = chapters[0]
        yield Finding(
            code="youtube.first-not-at-zero",
            message=f'expected the first chapter at 0:00, found "{first.title}" at {first.start}',
            fragment=first.title,
        )
    if len(chapters) < _YOUTUBE_MIN_CHAPTERS:
        yield Finding(
            code="youtube.too-few-chapters",
            message=f"expected at least {_YOUTUBE_MIN_CHAPTERS} chapters, found {len(chapters)}",
        )
    for chapter, end in zip(chapters, _ends(chapters, episode.duration), strict=True):
        if end is not None and 0 <= end.ms - chapter.start.ms < _YOUTUBE_MIN_SECONDS:
            yield Finding(
                code="youtube.chapter-too-short",
                message=(
                    f'expected chapters of at least 10 s, found "{chapter.title}" '
                    f"lasting {Timestamp(end.ms - chapter.start.ms)}"
                ),
                fragment=chapter.title,
            )


def _podcasting20(episode: Episode) -> Iterator[Finding]:
    for index, turn in enumerate(episode.transcript):
        if turn.start is None or turn.end is None:
            yield Finding(
                code="podcasting20.turn-without-time",
                message=f"expected a start and an end on turn {index + 1}, found none",
                fragment=turn.text[:40],
            )
    for chapter in episode.chapters:
        if chapter.url is not None and not chapter.url.startswith(("http://", "https://")):
            yield Finding(
                code="podcasting20.relative-url",
                message=f'expected an absolute http(s) url, found "{chapter.url}"',
                fragment=chapter.url,
            )


def _against_duration(episode: Episode) -> Iterator[Finding]:
    duration = episode.duration
    if duration is None:
        return
    starts = [(c.title, c.start) for c in episode.chapters]
    starts += [(h.text, h.at) for h in episode.highlights]
    starts += [(t.text[:40], t.start) for t in episode.transcript if t.start is not None]
    for label, start in starts:
        if start > duration:
            yield Finding(
                code="start-beyond-duration",
                message=f"expected a start within the episode ({duration}), found {start}",
                severity=Severity.WARNING,
                fragment=label,
            )
    for chapter in episode.chapters:
        if chapter.end is not None and chapter.end > duration:
            yield Finding(
                code="end-beyond-duration",
                message=f"expected an end within the episode ({duration}), found {chapter.end}",
                severity=Severity.WARNING,
                fragment=chapter.title,
            )


def _duplicates(episode: Episode) -> Iterator[Finding]:
    for kind, times in (
        ("highlights", [(h.text, h.at) for h in episode.highlights]),
        ("turns", [(t.text[:40], t.start) for t in episode.transcript if t.start is not None]),
    ):
        seen: set[Timestamp] = set()
        for label, at in times:
            if at in seen:
                yield Finding(
                    code="duplicate-start",
                    message=f"expected {kind} at distinct times, found a second one at {at}",
                    severity=Severity.WARNING,
                    fragment=label,
                )
            seen.add(at)


def _short_chapters(episode: Episode) -> Iterator[Finding]:
    ends = _ends(episode.chapters, episode.duration)
    for chapter, end in zip(episode.chapters, ends, strict=True):
        # A chapter starting after the duration is start-beyond-duration's business.
        if end is not None and 0 <= end.ms - chapter.start.ms < _ONE_SECOND:
            yield Finding(
                code="zero-length-chapter",
                message=f'expected a chapter of at least 1 s, found "{chapter.title}" shorter',
                severity=Severity.WARNING,
                fragment=chapter.title,
            )


def _highlights_inside(episode: Episode) -> Iterator[Finding]:
    chapters = episode.chapters
    if not chapters:
        return
    first = chapters[0].start
    last_end = _ends(chapters, episode.duration)[-1]
    for highlight in episode.highlights:
        if highlight.at < first or (last_end is not None and highlight.at >= last_end):
            yield Finding(
                code="highlight-outside-chapters",
                message=f"expected a highlight inside a chapter, found one at {highlight.at}",
                severity=Severity.WARNING,
                fragment=highlight.text,
            )


def _turn_order(episode: Episode) -> Iterator[Finding]:
    previous: Timestamp | None = None
    for turn in episode.transcript:
        if turn.start is None:
            continue
        if previous is not None and turn.start < previous:
            yield Finding(
                code="turn-times-backwards",
                message=f"expected turn times not to go back, found {turn.start} after {previous}",
                severity=Severity.WARNING,
                fragment=turn.text[:40],
            )
        previous = turn.start


_GENERIC: tuple[Rule, ...] = (
    _against_duration,
    _duplicates,
    _short_chapters,
    _highlights_inside,
    _turn_order,
)
#: The rules of each profile.
PROFILES: dict[Profile, tuple[Rule, ...]] = {
    Profile.YOUTUBE: (_youtube,),
    Profile.PODCASTING20: (_podcasting20,),
    Profile.GENERIC: _GENERIC,
    Profile.STRICT: (_youtube, _podcasting20, *_GENERIC),
}


def locate(source: str, finding: Finding) -> Diagnostic:
    r"""Pin a finding to the first line of ``source`` that holds its fragment.

    Falls back to line 1, column 1 when the fragment is empty or cannot be found.

    Example:
        >>> f = Finding(code="demo", message="expected more", fragment="Intro")
        >>> d = locate("Chapters\n0:05 Intro\n", f)
        >>> (d.line, d.column, d.width)
        (2, 6, 5)
    """
    lines = source.splitlines() or [""]
    if finding.fragment:
        for number, line in enumerate(lines, start=1):
            column = line.find(finding.fragment)
            if column >= 0:
                return Diagnostic(
                    code=finding.code,
                    message=finding.message,
                    line=number,
                    column=column + 1,
                    width=len(finding.fragment),
                    source=line,
                    severity=finding.severity,
                )
    return Diagnostic(
        code=finding.code,
        message=finding.message,
        line=1,
        column=1,
        source=lines[0],
        severity=finding.severity,
    )


def validate(
    episode: Episode, profile: Profile | str = Profile.GENERIC, *, source: str = ""
) -> tuple[Diagnostic, ...]:
    """Check an episode against a profile's rules.

    Args:
        episode: The episode to check.
        profile: A :class:`Profile` or its name.
        source: The text the episode was read from; diagnostics point into it.

    Returns:
        One diagnostic per rule broken, in rule order.

    Raises:
        ValueError: ``profile`` names no profile.

    Example:
        >>> from podnotes import Chapter, Timestamp
        >>> ep = Episode(chapters=[Chapter(start=Timestamp(5000), title="Intro")])
        >>> [d.code for d in validate(ep, "youtube")]
        ['youtube.first-not-at-zero', 'youtube.too-few-chapters']
    """
    chosen = Profile(profile)
    return tuple(locate(source, finding) for rule in PROFILES[chosen] for finding in rule(episode))
