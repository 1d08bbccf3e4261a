r"""YouTube description chapters: ``0:00 Title`` lines that YouTube turns into chapters.

YouTube makes chapters from a video description only when its list keeps these rules, and
:func:`render` checks them all:

1. the first chapter starts at ``0:00``;
2. there are at least 3 chapters;
3. each chapter lasts at least 10 seconds (up to the next start; the last one up to its
   end, or ``duration``, when either is known);
4. the times ascend.

Times are written ``M:SS`` under an hour and ``H:MM:SS`` from an hour on, each time by its
own size (``0:00``, ``59:59``, ``1:00:00``), which YouTube reads in any mix.  YouTube times
are whole seconds.

The format is write-only: read these lines back with the page parser,
:func:`podnotes.parse <podnotes.page.parse>`, which reads ``0:00 Title`` lists.  Round trip,
for lists that keep the rules::

    [(c.start, c.title) for c in podnotes.parse(render(chs)).value.chapters]
        == [(c.start, c.title) for c in chs]

It holds for titles that are single-spaced text holding no times of their own and that the
page parser reads as written: it takes leading and trailing dashes, colons and brackets
for separators, ``**`` and ``__`` for bold marks, ``&...;`` for entities, and a title
starting with ``AM``/``PM`` for a clock time; the tests list the characters checked.

With ``fix=True``, :func:`render` repairs what it can, in this order, and writes the result:

- a start that is not whole seconds is cut down to the second;
- when the first chapter is not at ``0:00``, a chapter titled ``"Intro"`` is put at ``0:00``;
- a chapter shorter than 10 seconds is dropped and the chapter before it runs on over its
  time; a too-short first chapter (nothing is before it) is dropped and the chapter after it
  starts at ``0:00`` instead (so an added ``"Intro"`` shorter than 10 seconds gives way to
  the first real chapter); a too-short last chapter is dropped into the one before it.

Fewer than 3 chapters after that, times that do not ascend, a ``duration`` not after the
last start, and line breaks in titles stay errors (``ValueError``) with ``fix=True`` too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, NamedTuple

from podnotes.formats._registry import Carries, Format
from podnotes.model import Chapter, Episode
from podnotes.timestamps import Timestamp

__all__ = ["FORMAT", "INTRO_TITLE", "MIN_CHAPTERS", "MIN_LENGTH", "render"]

#: The fewest chapters YouTube shows.
MIN_CHAPTERS: Final = 3
#: The shortest chapter YouTube accepts.
MIN_LENGTH: Final = Timestamp(10_000)
#: The title of the chapter ``fix=True`` puts at ``0:00`` when none starts there.
INTRO_TITLE: Final = "Intro"

_SECOND: Final = 1000
# Everything str.splitlines() breaks at: the page parser reads lines that way.
_BREAKS: Final = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_FIX: Final = "; pass fix=True to repair it"


class _Item(NamedTuple):
    start: Timestamp
    title: str


def render(
    chapters: Sequence[Chapter],
    *,
    fix: bool = False,
    duration: Timestamp | None = None,
) -> str:
    r"""Write chapters as a YouTube description chapter list.

    Args:
        chapters: The chapters, in strictly increasing order of start.
        fix: Repair lists that break YouTube's rules where a rule can be kept (see the
            module documentation) instead of raising.
        duration: The video's length, to check the last chapter's length when it has no
            end.

    Returns:
        One ``M:SS Title`` line a chapter, each ending with a newline.

    Raises:
        ValueError: The list breaks one of YouTube's rules (and ``fix`` is off or cannot
            repair it), a title holds a line break, or ``duration`` is not after the last
            start; the message names the rule and the chapter.

    Example:
        >>> chapters = [Chapter(start=Timestamp(s * 1000), title=t)
        ...             for s, t in [(0, "Intro"), (75, "News"), (3_600, "Q&A")]]
        >>> print(render(chapters), end="")
        0:00 Intro
        1:15 News
        1:00:00 Q&A
        >>> print(render(chapters[1:], fix=True), end="")
        0:00 Intro
        1:15 News
        1:00:00 Q&A
    """
    items = _checked(chapters)
    end = _end(chapters[-1], duration) if items else None
    if fix:
        items = _fixed(items, end)
    if len(items) < MIN_CHAPTERS:
        msg = f"YouTube needs at least {MIN_CHAPTERS} chapters, found {len(items)}" + (
            " after fixing" if fix else ""
        )
        raise ValueError(msg)
    _check_rules(items, end)
    return "".join(f"{item.start} {item.title}\n" for item in items)


def _checked(chapters: Sequence[Chapter]) -> list[_Item]:
    items: list[_Item] = []
    for index, chapter in enumerate(chapters):
        if not isinstance(chapter, Chapter):
            msg = f"expected Chapter items, found {type(chapter).__name__}"  # type: ignore[unreachable]
            raise TypeError(msg)
        if any(ch in _BREAKS for ch in chapter.title):
            msg = f"YouTube chapter titles are one line, found {chapter.title!r}"
            raise ValueError(msg)
        if items and chapter.start <= items[-1].start:
            before = items[-1]
            msg = (
                f"YouTube needs ascending times, found {chapter.title!r} at {chapter.start} "
                f"after {before.title!r} at {before.start} (chapter {index + 1})"
            )
            raise ValueError(msg)
        items.append(_Item(chapter.start, chapter.title))
    return items


def _end(last: Chapter, duration: Timestamp | None) -> Timestamp | None:
    if last.end is not None or duration is None:
        return last.end
    if duration <= last.start:
        msg = f"expected a duration after the last chapter's start ({last.start}), found {duration}"
        raise ValueError(msg)
    return duration


def _check_rules(items: list[_Item], end: Timestamp | None) -> None:
    for item in items:
        if item.start.ms % _SECOND:
            msg = f"YouTube times are whole seconds, found {item.title!r} at {item.start}{_FIX}"
            raise ValueError(msg)
    first = items[0]
    if first.start.ms:
        msg = (
            f"YouTube needs the first chapter at 0:00, found {first.title!r} at {first.start}{_FIX}"
        )
        raise ValueError(msg)
    for item, until in zip(items, [*(i.start for i in items[1:]), end], strict=True):
        if until is not None and until.ms - item.start.ms < MIN_LENGTH.ms:
            length = (until.ms - item.start.ms) / _SECOND
            msg = (
                f"YouTube needs chapters of at least {MIN_LENGTH.ms // _SECOND} seconds, found "
                f"{item.title!r} from {item.start} to {until} ({length:g} s){_FIX}"
            )
            raise ValueError(msg)


def _fixed(items: list[_Item], end: Timestamp | None) -> list[_Item]:
    whole = [_Item(Timestamp(i.start.ms - i.start.ms % _SECOND), i.title) for i in items]
    if whole and whole[0].start.ms:
        whole.insert(0, _Item(Timestamp(0), INTRO_TITLE))
    kept: list[_Item] = []
    for item in whole:
        if kept and item.start.ms - kept[-1].start.ms < MIN_LENGTH.ms:
            dropped = kept.pop()  # too short: the one before runs on over its time
            if not kept:  # it was the first: the next one moves up to its start
                item = _Item(dropped.start, item.title)  # noqa: PLW2901 - the moved chapter
        kept.append(item)
    if end is not None and len(kept) > 1 and end.ms - kept[-1].start.ms < MIN_LENGTH.ms:
        kept.pop()
    return kept


def _write(episode: Episode) -> str:
    return render(episode.chapters, duration=episode.duration)


#: The registry entry (write-only; read the text back with the page parser).
FORMAT = Format(
    name="youtube",
    summary="YouTube description chapters (0:00 Title), checked against YouTube's rules",
    carries=Carries.CHAPTERS,
    suffixes=(),
    write=_write,
    read=None,
    looks_like=None,
)
