"""The libraries podnotes is measured against, loaded when installed (the ``bench`` group).

Each peer is a :class:`Side`: the exact function the benchmark times, how the shared input
becomes that function's argument (untimed), and how its answer becomes the canonical form
of ``_inputs`` (untimed), so that every side is checked against the same truth first.

The functions called, one per peer and job:

- yt-dlp, description chapters:
  ``yt_dlp.extractor.youtube.YoutubeIE._extract_chapters_from_description(text, duration)``
  on an extractor built as ``YoutubeIE(YoutubeDL({"quiet": True, "no_warnings": True}))``.
  yt-dlp passes the video's duration and drops chapters after it; the benchmark passes
  10,000,000 seconds, longer than any list here, so no chapter is dropped for that reason.
- yt-dlp, times: ``yt_dlp.utils.parse_duration(text)``, once per string.
- podcast-chapter-tools, description chapters:
  ``podcast_chapter_tools.extract_description_chapters(text)``.
- srt: ``list(srt.parse(text))`` to read, ``srt.compose(subtitles)`` to write.
- webvtt-py: ``webvtt.from_string(text)`` (it reads every caption at once).

The peers are imported with :func:`importlib.import_module`, so this module needs neither
them nor their type information to load; a missing peer is reported, not fatal.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Final

from _inputs import Cue

__all__ = ["PEER_NAMES", "Peers", "Side", "load"]

_MS: Final = 1000
_DURATION: Final = 10_000_000  # seconds, passed to yt-dlp as the video length

#: Distribution names of the peers, as pyproject's ``bench`` group lists them.
PEER_NAMES: Final = ("yt-dlp", "podcast-chapter-tools", "srt", "webvtt-py")


@dataclass(frozen=True)
class Side:
    """One implementation of a job.

    Attributes:
        name: Who runs it (``"podnotes"``, ``"yt-dlp"``...).
        call: The exact function timed, as the report prints it.
        prepare: Turns the job's shared input into this side's argument (not timed).
        run: The timed call.
        canonical: Turns the answer into the job's canonical form (not timed).
    """

    name: str
    call: str
    prepare: Callable[[Any], Any]
    run: Callable[[Any], Any]
    canonical: Callable[[Any], Any]


@dataclass(frozen=True)
class Peers:
    """The peer sides available in this environment, by job, and what is missing.

    Attributes:
        chapters: Description chapter readers.
        times: Single-time parsers.
        srt_read: SRT readers.
        srt_write: SRT writers.
        vtt_read: WebVTT readers.
        versions: Installed version of each peer found.
        missing: A line for each peer that could not be loaded, with the reason.
    """

    chapters: tuple[Side, ...] = ()
    times: tuple[Side, ...] = ()
    srt_read: tuple[Side, ...] = ()
    srt_write: tuple[Side, ...] = ()
    vtt_read: tuple[Side, ...] = ()
    versions: tuple[tuple[str, str], ...] = ()
    missing: tuple[str, ...] = ()


def _same(value: Any) -> Any:  # noqa: ANN401 - sides pass anything through
    return value


def _ms(delta: timedelta) -> int:
    return round(delta.total_seconds() * _MS)


def _ytdlp_chapters(found: list[dict[str, Any]] | None) -> list[tuple[int, str]]:
    return [(round(item["start_time"] * _MS), item["title"]) for item in found or []]


def _ytdlp(sides: dict[str, list[Side]]) -> None:
    youtube = importlib.import_module("yt_dlp.extractor.youtube")
    utils = importlib.import_module("yt_dlp.utils")
    downloader = importlib.import_module("yt_dlp").YoutubeDL({"quiet": True, "no_warnings": True})
    extractor = youtube.YoutubeIE(downloader)
    read = extractor._extract_chapters_from_description  # noqa: SLF001 - the peer's own reader
    parse_duration = utils.parse_duration

    def chapters_argument(text: str) -> tuple[str, int]:
        return text, _DURATION

    sides["chapters"].append(
        Side(
            "yt-dlp",
            "YoutubeIE._extract_chapters_from_description(text, duration)",
            chapters_argument,
            lambda argument: read(*argument),
            _ytdlp_chapters,
        )
    )
    sides["times"].append(
        Side(
            "yt-dlp",
            "yt_dlp.utils.parse_duration(text), per string",
            _same,
            lambda texts: [parse_duration(text) for text in texts],
            lambda found: [round(seconds * _MS) for seconds in found],
        )
    )


def _chapter_tools(sides: dict[str, list[Side]]) -> None:
    tools = importlib.import_module("podcast_chapter_tools")
    extract = tools.extract_description_chapters
    sides["chapters"].append(
        Side(
            "podcast-chapter-tools",
            "podcast_chapter_tools.extract_description_chapters(text)",
            _same,
            extract,
            lambda found: [(item.start * _MS, item.title) for item in found or []],
        )
    )


def _srt(sides: dict[str, list[Side]]) -> None:
    library = importlib.import_module("srt")

    def cues(found: list[Any]) -> list[Cue]:
        return [(_ms(s.start), _ms(s.end), s.content) for s in found]

    def subtitles(cue_list: list[Cue]) -> list[Any]:
        return [
            library.Subtitle(
                index=number,
                start=timedelta(milliseconds=start),
                end=timedelta(milliseconds=end),
                content=content,
            )
            for number, (start, end, content) in enumerate(cue_list, start=1)
        ]

    sides["srt_read"].append(
        Side("srt", "list(srt.parse(text))", _same, lambda text: list(library.parse(text)), cues)
    )
    sides["srt_write"].append(
        Side("srt", "srt.compose(subtitles)", subtitles, library.compose, _same)
    )


def _webvtt_py(sides: dict[str, list[Side]]) -> None:
    library = importlib.import_module("webvtt")

    def cues(found: Any) -> list[Cue]:  # noqa: ANN401 - webvtt-py's WebVTT object
        return [
            (
                caption.start_time.in_milliseconds(),
                caption.end_time.in_milliseconds(),
                caption.text if caption.voice is None else f"{caption.voice}: {caption.text}",
            )
            for caption in found.captions
        ]

    sides["vtt_read"].append(
        Side("webvtt-py", "webvtt.from_string(text)", _same, library.from_string, cues)
    )


_LOADERS: Final[tuple[tuple[str, str, Callable[[dict[str, list[Side]]], None]], ...]] = (
    ("yt-dlp", "yt_dlp", _ytdlp),
    ("podcast-chapter-tools", "podcast_chapter_tools", _chapter_tools),
    ("srt", "srt", _srt),
    ("webvtt-py", "webvtt", _webvtt_py),
)


def load() -> Peers:
    """Load every peer that is installed.

    Returns:
        The sides found, their versions, and a note for each peer that is missing.
    """
    sides: dict[str, list[Side]] = {
        "chapters": [],
        "times": [],
        "srt_read": [],
        "srt_write": [],
        "vtt_read": [],
    }
    versions: list[tuple[str, str]] = []
    missing: list[str] = []
    for distribution, module, loader in _LOADERS:
        try:
            loader(sides)
        except ImportError as problem:
            missing.append(f"{distribution}: not importable ({problem}); install the bench group")
            continue
        try:
            versions.append((distribution, importlib.metadata.version(distribution)))
        except importlib.metadata.PackageNotFoundError:
            versions.append((distribution, f"{module} (version unknown)"))
    return Peers(
        chapters=tuple(sides["chapters"]),
        times=tuple(sides["times"]),
        srt_read=tuple(sides["srt_read"]),
        srt_write=tuple(sides["srt_write"]),
        vtt_read=tuple(sides["vtt_read"]),
        versions=tuple(versions),
        missing=tuple(missing),
    )
