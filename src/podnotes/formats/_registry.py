"""The format registry: what each format module offers, in one uniform shape.

Each module under ``podnotes.formats`` keeps its natural API (``render(chapters)``,
``parse(text) -> Parsed[tuple[Chapter, ...]]``...) and also defines one constant,
``FORMAT``, a :class:`Format` that adapts it to whole episodes.  The CLI, conversion and
detection go through the registry only.
"""

from __future__ import annotations

import enum
import importlib
from collections.abc import Callable

import attrs

from podnotes.diagnostics import Parsed
from podnotes.model import Episode

__all__ = [
    "PAGE",
    "Carries",
    "Format",
    "Reader",
    "Writer",
    "detect",
    "format_names",
    "get_format",
]

#: Write a whole episode (only the fields the format carries).
Writer = Callable[[Episode], str]
#: Read a text into an episode (only the fields the format carries are set); the flag is
#: ``strict``.
Reader = Callable[[str, bool], Parsed[Episode]]


class Carries(enum.Enum):
    """What part of an episode a format holds."""

    EPISODE = "episode"
    CHAPTERS = "chapters"
    TRANSCRIPT = "transcript"
    NOTES = "notes"
    """Human-readable show notes (title, description, chapters, transcript)."""


@attrs.frozen(kw_only=True)
class Format:
    """One format, as the registry sees it.

    Attributes:
        name: The name used on the command line (``"srt"``).
        summary: One line saying what the format is.
        carries: What part of an episode it holds.
        suffixes: File name endings that suggest it (``(".srt",)``).
        write: Render an episode.
        read: Read a text back, or None for a write-only format.
        looks_like: A cheap test of whether a text is in this format, or None.
    """

    name: str
    summary: str
    carries: Carries
    suffixes: tuple[str, ...] = ()
    write: Writer
    read: Reader | None = None
    looks_like: Callable[[str], bool] | None = None


#: Registry name -> "module:ATTRIBUTE" under podnotes.formats.  Detection tries them in
#: this order, so the most specific signatures come first; write-only formats come last.
_MODULES: dict[str, str] = {
    "json": "json:FORMAT",
    "podcast-chapters": "podcasting20:CHAPTERS_FORMAT",
    "podcast-transcript": "podcasting20:TRANSCRIPT_FORMAT",
    "psc": "podlove:FORMAT",
    "webvtt": "webvtt:TRANSCRIPT_FORMAT",
    "webvtt-chapters": "webvtt:CHAPTERS_FORMAT",
    "srt": "srt:FORMAT",
    "ffmetadata": "ffmetadata:FORMAT",
    "cue": "cue:FORMAT",
    "audacity": "audacity:FORMAT",
    "mp4chaps": "mp4chaps:FORMAT",
    "youtube": "youtube:FORMAT",
    "markdown": "markdown:FORMAT",
}


def format_names() -> tuple[str, ...]:
    """The registered format names, in detection order.

    Example:
        >>> "json" in format_names()
        True
    """
    return tuple(_MODULES)


def get_format(name: str) -> Format:
    """The :class:`Format` registered under ``name``.

    Raises:
        KeyError: No format has that name; the message lists the names there are.

    Example:
        >>> get_format("json").carries
        <Carries.EPISODE: 'episode'>
    """
    try:
        where = _MODULES[name]
    except KeyError:
        known = ", ".join(_MODULES)
        msg = f"expected a format name ({known}), found {name!r}"
        raise KeyError(msg) from None
    module, _, attribute = where.partition(":")
    found: Format = getattr(importlib.import_module(f"podnotes.formats.{module}"), attribute)
    return found


#: What :func:`detect` answers for a text in no registered format: a page for
#: :func:`podnotes.page.parse`.
PAGE = "page"


def detect(text: str) -> str:
    r"""Name the format a text is in, or :data:`PAGE` for a scraped page.

    Each readable format's ``looks_like`` is asked in registry order; the first that
    says yes wins.

    Example:
        >>> detect('{"schema": "podnotes/1", "title": null}')
        'json'
        >>> detect("Chapters\n0:00 Intro")
        'page'
    """
    for name in _MODULES:
        found = get_format(name)
        if found.read is not None and found.looks_like is not None and found.looks_like(text):
            return name
    return PAGE
