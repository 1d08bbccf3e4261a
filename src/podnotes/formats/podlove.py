"""Podlove Simple Chapters (PSC) 1.2: chapters as XML, alone or inside a feed item.

:func:`render` writes one ``<psc:chapters>`` element that declares its own namespace, so
the same text is a whole XML document *and* can be pasted into an RSS ``<item>`` or an
Atom ``<entry>``::

    <psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
      <psc:chapter start="00:00:00.000" title="Intro"/>
      <psc:chapter start="00:03:07.500" title="News" href="https://example.org"/>
    </psc:chapters>

What is carried: start (to the millisecond), title (any text XML can hold; tabs, line
breaks and quotes are written as character references) and ``url`` as ``href``.  PSC has
no end times, so :attr:`Chapter.end <podnotes.model.Chapter.end>` is not written and is
``None`` on read; podnotes has no chapter images, so ``image`` is read with an info
diagnostic and dropped.

:func:`parse` reads a standalone ``<psc:chapters>`` document or a whole feed, where it takes
the chapters of the first ``<item>``/``<entry>`` that has them; :func:`parse_feed` reads every
item.  Choices where the spec leaves room:

- ``start`` is Normal Play Time as the spec's examples show it: ``HH:MM:SS``, ``MM:SS`` (one
  or more digits of minutes, as in ``7:48``), or plain seconds (``37``), each with an
  optional fraction (``.250``) and an optional ``npt:`` prefix.  Fractions beyond the
  millisecond are rounded (halves up) with an info diagnostic.  Writing always uses
  ``HH:MM:SS.mmm``.
- The spec lets chapters come in any order ("clients must be able to resort"): they are
  sorted by start, with a warning.  A second chapter at the same start is an error and is
  left out.  A chapter without a start or a title is an error and is left out.
- Both ``http://podlove.org/simple-chapters`` and the same with a trailing slash (which
  feeds and podcastparser also use) are accepted as the namespace.
- Extra ``<psc:chapters>`` elements in one item are ignored with a warning, as the spec
  says clients should.

The reader is the standard library's expat, and any document with a ``<!DOCTYPE>`` is
refused with an error before its declarations are read: no DTD, no entity declarations,
hence no entity expansion ("billion laughs"), no external entities (``SYSTEM`` URLs or
local files, the XXE attack) and no parameter entities.  A reference to an entity that
is not one of XML's five predefined ones is a well-formedness error, never a lookup.
``tests/test_hostile.py`` feeds each of these attacks to both readers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from podnotes.diagnostics import Parsed, Severity
from podnotes.formats import _psc_reader
from podnotes.formats._common import chapters_reader, chapters_writer, check_increasing
from podnotes.formats._documents import finish, require_text
from podnotes.formats._psc_reader import PSCReader
from podnotes.formats._registry import Carries, Format
from podnotes.model import Chapter

__all__ = ["FORMAT", "NAMESPACE", "VERSION", "parse", "parse_feed", "render"]

#: The PSC namespace URI (read also with a trailing slash).
NAMESPACE: Final = _psc_reader.NAMESPACE
#: The spec version :func:`render` writes.
VERSION: Final = "1.2"

_MAX_MS: Final = 10**7 * 3_600_000  # the reader takes hours of up to 7 digits
# What XML 1.0 cannot hold at all, not even as a character reference.
_NOT_XML = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPE: Final = str.maketrans(
    {
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        '"': "&quot;",
        "\t": "&#9;",
        "\n": "&#10;",
        "\r": "&#13;",
    }
)


def parse(text: str, *, strict: bool = False) -> Parsed[tuple[Chapter, ...]]:
    """Read PSC chapters from a standalone document or from the first feed item with them.

    Args:
        text: A ``<psc:chapters>`` document, or an RSS or Atom feed.
        strict: Raise instead of returning when a diagnostic is an error.

    Returns:
        The chapters in order of start, and the diagnostics.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is true and a diagnostic is an error; it lists them all.

    Example:
        >>> parse('<psc:chapters xmlns:psc="http://podlove.org/simple-chapters">'
        ...       '<psc:chapter start="7:48" title="Intro"/></psc:chapters>').value
        (Chapter(start=Timestamp(ms=468000), title='Intro', end=None, url=None),)
    """
    reader = PSCReader(require_text(text)).run()
    with_chapters = [group for group in reader.groups if group.has_chapters]
    diagnostics = [*reader.document, *reader.none_found()]
    chapters: tuple[Chapter, ...] = ()
    if with_chapters:
        chapters, found = reader.chapters(with_chapters[0])
        diagnostics += found
    if len(with_chapters) > 1:
        others = len(with_chapters) - 1
        message = (
            f"read the chapters of the first item only; {others} other item"
            f"{'s have' if others > 1 else ' has'} chapters too (parse_feed reads them all)"
        )
        place = with_chapters[1].offset
        diagnostics.append(reader.places.diagnostic("more-items", message, place, 1, Severity.INFO))
    return finish(chapters, diagnostics, strict=strict)


def parse_feed(text: str, *, strict: bool = False) -> Parsed[tuple[tuple[Chapter, ...], ...]]:
    """Read the PSC chapters of every item of a feed.

    Args:
        text: An RSS or Atom feed (or a standalone ``<psc:chapters>`` document).
        strict: Raise instead of returning when a diagnostic is an error.

    Returns:
        One tuple of chapters per ``<item>``/``<entry>`` in document order (empty for an
        item without chapters), plus one per ``<psc:chapters>`` outside any item, such
        as a standalone document; and the diagnostics.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is true and a diagnostic is an error; it lists them all.

    Example:
        >>> feed = (
        ...     '<rss xmlns:psc="http://podlove.org/simple-chapters"><channel>'
        ...     '<item><psc:chapters><psc:chapter start="0" title="A"/></psc:chapters></item>'
        ...     "<item/></channel></rss>"
        ... )
        >>> [[c.title for c in item] for item in parse_feed(feed).value]
        [['A'], []]
    """
    reader = PSCReader(require_text(text)).run()
    diagnostics = [*reader.document, *reader.none_found()]
    items = []
    for group in reader.groups:
        chapters, found = reader.chapters(group)
        items.append(chapters)
        diagnostics += found
    return finish(tuple(items), diagnostics, strict=strict)


def _attribute(name: str, value: str, index: int) -> str:
    bad = _NOT_XML.search(value)
    if bad is not None:
        msg = (
            f"chapter {index} has {name} {value!r} with U+{ord(bad.group()):04X}, "
            "which XML 1.0 cannot hold"
        )
        raise ValueError(msg)
    return f' {name}="{value.translate(_ESCAPE)}"'


def render(chapters: Sequence[Chapter]) -> str:
    """Write chapters as a Podlove Simple Chapters 1.2 ``<psc:chapters>`` element.

    The text is a whole XML document and can also be pasted into a feed item as it is.
    Chapter ends are not written: PSC has none.

    Args:
        chapters: At least one chapter, in strictly increasing order of start.

    Returns:
        The XML, one chapter a line, ending with a newline.

    Raises:
        ValueError: There are no chapters (PSC needs one or more), they are not in strictly
            increasing order, a start is 10^7 hours or more, or a title or url holds a
            character XML 1.0 cannot (such as U+0000 or another control character).

    Example:
        >>> from podnotes import Timestamp
        >>> print(render([Chapter(start=Timestamp(187500), title='Q & "A"')]), end="")
        <psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">
          <psc:chapter start="00:03:07.500" title="Q &amp; &quot;A&quot;"/>
        </psc:chapters>
    """
    if not chapters:
        msg = "PSC needs at least one chapter, found none"
        raise ValueError(msg)
    lines = [f'<psc:chapters version="{VERSION}" xmlns:psc="{NAMESPACE}">']
    for index, chapter in enumerate(chapters):
        check_increasing(chapters, index)
        if chapter.start.ms >= _MAX_MS:
            msg = f"PSC starts must be below 10^7 hours (the reader's limit), found {chapter.start}"
            raise ValueError(msg)
        start = chapter.start.format("hms.mmm")
        title = _attribute("title", chapter.title, index)
        href = "" if chapter.url is None else _attribute("href", chapter.url, index)
        lines.append(f'  <psc:chapter start="{start}"{title}{href}/>')
    lines.append("</psc:chapters>\n")
    return "\n".join(lines)


def _looks_like(text: str) -> bool:
    return text.lstrip().startswith("<") and "podlove.org/simple-chapters" in text


#: The registry entry; PSC carries chapters (start, title, href).
FORMAT = Format(
    name="psc",
    summary="Podlove Simple Chapters 1.2 (XML, standalone or inside a feed item)",
    carries=Carries.CHAPTERS,
    suffixes=(".psc",),
    write=chapters_writer(render),
    read=chapters_reader(parse),
    looks_like=_looks_like,
)
