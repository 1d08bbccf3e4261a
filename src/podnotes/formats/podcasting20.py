"""Podcasting 2.0 JSON chapters (version 1.2.0) and JSON transcripts (version 1.0.0).

Both are JSON documents that a feed links to with ``<podcast:chapters>`` and
``<podcast:transcript>``.  Times are numbers of seconds.

**Chapters** (``{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}``):
:func:`render_chapters` writes ``startTime``, ``endTime`` (when known), ``title`` and ``url``
(when known); :func:`parse_chapters` reads them back.  The round trip is exact to the
millisecond: start, end, title and url all survive.  Choices where the spec leaves room:

- Times are written as exact decimals, whole seconds without a point (``168``), others with
  at most three decimals (``8.25``).  Times with more decimals are read and rounded to the
  millisecond (halves up), with an info diagnostic.  Times of 10^15 seconds or more are
  refused both ways (no episode is that long; a huge exponent would cost memory).
- The spec makes ``title`` optional (a "silent" marker may have only an image); podnotes
  chapters need one, so an item without a title is skipped with a warning, not an error.
- Items marked ``"toc": false`` are kept as ordinary chapters, with one info diagnostic
  saying how many were hidden from the table of contents.
- Keys podnotes does not keep (``img``, ``location``, ``id``, and any extension) are
  tolerated, as the spec allows; one info diagnostic per key names them.  So are the
  document's own ``title``, ``author``, ``podcastName`` and the like.
- The spec assumes ascending ``startTime``; an item that does not start after the previous
  kept one is an error and is left out, so the rest stays usable.  Nothing is re-sorted.
- An ``endTime`` that is not after its ``startTime`` is an error; the chapter is kept
  without an end.  Ends are never derived here: absent ends stay ``None``.

**Transcripts** (``{"version": "1.0.0", "segments": [{"speaker": "A", "startTime": 0.5,
"endTime": 0.75, "body": "I"}]}``): one segment per :class:`~podnotes.model.SpeakerTurn`,
exact both ways (speaker, text, start and end to the millisecond).  The spec gives
``endTime`` only "if available", so it is optional both ways; ``startTime`` is required,
so :func:`render_transcript` raises :class:`ValueError` for a turn without a start.  A
segment without a usable ``startTime`` is an error on read but its text is kept.

Diagnostics point at the offending value (line and column in the text) and name its JSON
path, such as ``$.chapters[3].startTime``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Final

from podnotes.diagnostics import Parsed, Severity
from podnotes.formats._common import (
    chapters_reader,
    chapters_writer,
    check_increasing,
    transcript_reader,
    transcript_writer,
)
from podnotes.formats._documents import finish, require_text
from podnotes.formats._json_reader import MAX_SECONDS, MISSING, JSONReader, Path, found
from podnotes.formats._registry import Carries, Format
from podnotes.model import Chapter, SpeakerTurn
from podnotes.timestamps import Timestamp

__all__ = [
    "CHAPTERS_FORMAT",
    "CHAPTERS_VERSION",
    "TRANSCRIPT_FORMAT",
    "TRANSCRIPT_VERSION",
    "parse_chapters",
    "parse_transcript",
    "render_chapters",
    "render_transcript",
]

#: The chapters format version :func:`render_chapters` writes.
CHAPTERS_VERSION: Final = "1.2.0"
#: The transcript format version :func:`render_transcript` writes.
TRANSCRIPT_VERSION: Final = "1.0.0"

_CHAPTER_KEYS: Final = frozenset({"startTime", "endTime", "title", "url", "toc"})
_SEGMENT_KEYS: Final = frozenset({"speaker", "startTime", "endTime", "body"})
_SURROGATE = re.compile(r"[\ud800-\udfff]")


# --- chapters ---------------------------------------------------------------------------


def _number(stamp: Timestamp) -> str:
    """Seconds as an exact JSON number: ``168``, ``8.25``, ``0.001``."""
    whole, millis = divmod(stamp.ms, 1000)
    if whole >= MAX_SECONDS:
        msg = f"times must be below 10^15 seconds (the reader's limit), found {stamp}"
        raise ValueError(msg)
    return f"{whole}.{millis:03d}".rstrip("0") if millis else str(whole)


def _string(text: str) -> str:
    # Lone surrogates are written escaped (ASCII-only) so the text stays encodable.
    return json.dumps(text, ensure_ascii=_SURROGATE.search(text) is not None)


def _document(version: str, key: str, rows: list[str]) -> str:
    body = ",\n".join(f"    {{{row}}}" for row in rows)
    inner = f"[\n{body}\n  ]" if rows else "[]"
    return f'{{\n  "version": "{version}",\n  "{key}": {inner}\n}}\n'


def render_chapters(chapters: Sequence[Chapter]) -> str:
    """Write chapters as a Podcasting 2.0 JSON chapters document (version 1.2.0).

    Args:
        chapters: Chapters in strictly increasing order of start.

    Returns:
        The JSON text, one chapter a line, ending with a newline.

    Raises:
        ValueError: The chapters do not start in strictly increasing order (the reader
            would drop the stragglers), or a time is 10^15 seconds or more.

    Example:
        >>> print(render_chapters([Chapter(start=Timestamp(0), title="Intro"),
        ...                        Chapter(start=Timestamp(8250), title="News",
        ...                                url="https://example.org")]), end="")
        {
          "version": "1.2.0",
          "chapters": [
            {"startTime": 0, "title": "Intro"},
            {"startTime": 8.25, "title": "News", "url": "https://example.org"}
          ]
        }
    """
    rows = []
    for index, chapter in enumerate(chapters):
        check_increasing(chapters, index)
        fields = [f'"startTime": {_number(chapter.start)}']
        if chapter.end is not None:
            fields.append(f'"endTime": {_number(chapter.end)}')
        fields.append(f'"title": {_string(chapter.title)}')
        if chapter.url is not None:
            fields.append(f'"url": {_string(chapter.url)}')
        rows.append(", ".join(fields))
    return _document(CHAPTERS_VERSION, "chapters", rows)


def _chapter(reader: JSONReader, path: Path, item: dict[str, object]) -> Chapter | None:
    start = reader.seconds(item, path, "startTime")
    title = item.get("title", MISSING)
    if not isinstance(title, str) or not title.strip():
        where = (*path, "title") if title is not MISSING else path
        if title is MISSING or isinstance(title, str):
            message = f'expected a "title", found {found(title)}: podnotes keeps titled chapters'
            reader.report("untitled", message, where, Severity.WARNING)
        else:
            reader.report("bad-title", f'expected "title": a string, found {found(title)}', where)
        return None
    end = reader.seconds(item, path, "endTime") if "endTime" in item else None
    if start is not None and end is not None and end <= start:
        message = f'expected "endTime" after "startTime" ({_number(start)}), found {_number(end)}'
        reader.report("bad-end", message, (*path, "endTime"))
        end = None
    url = item.get("url")
    if url is not None and not isinstance(url, str):
        reader.report("bad-url", f'expected "url": a string, found {found(url)}', (*path, "url"))
        url = None
    toc = item.get("toc", True)
    if toc is False:
        reader.note(
            "hidden", "", "kept a chapter hidden from the table of contents", (*path, "toc")
        )
    elif toc is not True:
        reader.report(
            "bad-toc",
            f'expected "toc": true or false, found {found(toc)}',
            (*path, "toc"),
            Severity.WARNING,
        )
    for key in [k for k in item if k not in _CHAPTER_KEYS]:
        reader.note(
            "not-kept",
            key,
            f"{key!r} is not kept: podnotes chapters carry no such field",
            (*path, key),
        )
    if start is None:
        return None
    return Chapter(start=start, title=title, end=end, url=url if url and url.strip() else None)


def parse_chapters(text: str, *, strict: bool = False) -> Parsed[tuple[Chapter, ...]]:
    """Read a Podcasting 2.0 JSON chapters document.

    Args:
        text: The JSON text.
        strict: Raise instead of returning when a diagnostic is an error.

    Returns:
        The chapters that could be read, in order, and the diagnostics.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is true and a diagnostic is an error; it lists them all.

    Example:
        >>> res = parse_chapters('{"version": "1.2.0", "chapters": [{"startTime": 8.25,'
        ...                      ' "title": "News", "img": "n.jpg"}]}')
        >>> res.value
        (Chapter(start=Timestamp(ms=8250), title='News', end=None, url=None),)
        >>> print(res.diagnostics[0].message)
        'img' is not kept: podnotes chapters carry no such field @ $.chapters[0].img
    """
    reader = JSONReader(require_text(text), "podcast-chapters", "chapters", CHAPTERS_VERSION)
    chapters: list[Chapter] = []
    for path, item in reader.load():
        chapter = _chapter(reader, path, item)
        if chapter is None:
            continue
        if chapters and chapter.start <= chapters[-1].start:
            previous, start = _number(chapters[-1].start), _number(chapter.start)
            message = f'expected "startTime" after {previous}, found {start}; left out'
            reader.report("order", message, (*path, "startTime"))
            continue
        chapters.append(chapter)
    return finish(tuple(chapters), reader.all_diagnostics(), strict=strict)


# --- transcripts ------------------------------------------------------------------------


def render_transcript(turns: Sequence[SpeakerTurn]) -> str:
    """Write speaker turns as a Podcasting 2.0 JSON transcript (version 1.0.0).

    Args:
        turns: The turns, one segment each; every turn needs a start.

    Returns:
        The JSON text, one segment a line, ending with a newline.

    Raises:
        ValueError: A turn has no start time (the format requires ``startTime``), or a
            time is 10^15 seconds or more.

    Example:
        >>> print(render_transcript([SpeakerTurn(speaker="Luke", text="Nooooo",
        ...                                      start=Timestamp(2750), end=Timestamp(3000))]),
        ...       end="")
        {
          "version": "1.0.0",
          "segments": [
            {"speaker": "Luke", "startTime": 2.75, "endTime": 3, "body": "Nooooo"}
          ]
        }
    """
    rows = []
    for index, turn in enumerate(turns):
        if turn.start is None:
            msg = (
                f"turn {index} has no start time, and Podcasting 2.0 JSON transcripts "
                "need a startTime for every segment"
            )
            raise ValueError(msg)
        fields = [] if turn.speaker is None else [f'"speaker": {_string(turn.speaker)}']
        fields.append(f'"startTime": {_number(turn.start)}')
        if turn.end is not None:
            fields.append(f'"endTime": {_number(turn.end)}')
        fields.append(f'"body": {_string(turn.text)}')
        rows.append(", ".join(fields))
    return _document(TRANSCRIPT_VERSION, "segments", rows)


def _turn(reader: JSONReader, path: Path, item: dict[str, object]) -> SpeakerTurn | None:
    body = item.get("body", MISSING)
    if not isinstance(body, str):
        where = (*path, "body") if body is not MISSING else path
        reader.report("bad-body", f'expected "body": a string, found {found(body)}', where)
        return None
    if not body.strip():
        reader.report(
            "blank-body",
            f'expected a "body" with text, found {found(body)}; skipped',
            (*path, "body"),
            Severity.WARNING,
        )
        return None
    start = reader.seconds(item, path, "startTime")
    end = reader.seconds(item, path, "endTime") if "endTime" in item else None
    if start is not None and end is not None and end <= start:
        message = f'expected "endTime" after "startTime" ({_number(start)}), found {_number(end)}'
        reader.report("bad-end", message, (*path, "endTime"))
        end = None
    speaker = item.get("speaker")
    if speaker is not None and not isinstance(speaker, str):
        reader.report(
            "bad-speaker",
            f'expected "speaker": a string, found {found(speaker)}',
            (*path, "speaker"),
        )
        speaker = None
    for key in [k for k in item if k not in _SEGMENT_KEYS]:
        reader.note(
            "not-kept",
            key,
            f"{key!r} is not kept: podnotes turns carry no such field",
            (*path, key),
        )
    return SpeakerTurn(
        speaker=speaker if speaker and speaker.strip() else None, text=body, start=start, end=end
    )


def parse_transcript(text: str, *, strict: bool = False) -> Parsed[tuple[SpeakerTurn, ...]]:
    """Read a Podcasting 2.0 JSON transcript.

    Args:
        text: The JSON text.
        strict: Raise instead of returning when a diagnostic is an error.

    Returns:
        One turn per segment that has a body, in order, and the diagnostics.

    Raises:
        TypeError: ``text`` is not a str.
        ParseError: ``strict`` is true and a diagnostic is an error; it lists them all.

    Example:
        >>> parse_transcript('{"version": "1.0.0", "segments": [{"speaker": "Luke",'
        ...                  ' "startTime": 2.75, "body": "Nooooo"}]}').value
        (SpeakerTurn(speaker='Luke', text='Nooooo', start=Timestamp(ms=2750), end=None),)
    """
    reader = JSONReader(require_text(text), "podcast-transcript", "segments", TRANSCRIPT_VERSION)
    turns = [turn for path, item in reader.load() if (turn := _turn(reader, path, item))]
    return finish(tuple(turns), reader.all_diagnostics(), strict=strict)


# --- registry ---------------------------------------------------------------------------


def _looks_like(key: str) -> Callable[[str], bool]:
    def check(text: str) -> bool:
        head = text[:10_000]
        return head.lstrip("\ufeff \t\r\n").startswith("{") and all(
            f'"{name}"' in head for name in (key, "version")
        )

    return check


#: The registry entry for Podcasting 2.0 JSON chapters.
CHAPTERS_FORMAT = Format(
    name="podcast-chapters",
    summary="Podcasting 2.0 JSON chapters (version 1.2.0)",
    carries=Carries.CHAPTERS,
    suffixes=(".chapters.json",),
    write=chapters_writer(render_chapters),
    read=chapters_reader(parse_chapters),
    looks_like=_looks_like("chapters"),
)

#: The registry entry for Podcasting 2.0 JSON transcripts.
TRANSCRIPT_FORMAT = Format(
    name="podcast-transcript",
    summary="Podcasting 2.0 JSON transcript (version 1.0.0)",
    carries=Carries.TRANSCRIPT,
    suffixes=(".transcript.json",),
    write=transcript_writer(render_transcript),
    read=transcript_reader(parse_transcript),
    looks_like=_looks_like("segments"),
)
