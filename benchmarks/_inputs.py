"""Generated inputs for the benchmark jobs, each with the answer a correct reader gives.

Every generator is seeded, so two runs (and podnotes and its peers within a run) see the
same text.  Each returns the input and its *truth*: the canonical form that
``run.py`` compares every side's output against before it times anything.

Canonical forms:

- chapters: ``[(start_ms, title), ...]``;
- times: ``[ms, ...]``;
- subtitle cues: ``[(start_ms, end_ms, "Speaker: text" or "text"), ...]``;
- transcript turns: ``[(speaker, text), ...]``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Final

from podnotes.formats import srt, webvtt
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp

__all__ = [
    "Cue",
    "description",
    "page",
    "srt_text",
    "time_spellings",
    "transcript",
    "turns",
    "vtt_text",
]

#: One subtitle cue in canonical form: start and end in ms, and the text as SRT shows it.
Cue = tuple[int, int, str]

_SEED: Final = 490
_WORDS: Final = (
    *("model", "data", "training", "open", "weights", "people", "code", "scale", "compute"),
    *("agents", "tools", "search", "engine", "interpreter", "answers", "flour", "water"),
    *("oven", "crust", "crumb", "salt", "starter", "heat", "time"),
)
_NAMES: Final = ("Lex Fridman", "Nathan Lambert", "Sebastian Raschka")
_MS: Final = 1000
_LONGEST: Final = 20 * 3600  # seconds: the longest time a spelling writes


def _clock(seconds: int) -> str:
    hours, minutes, secs = seconds // 3600, seconds // 60 % 60, seconds % 60
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _phrase(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize()


def description(chapters: int) -> tuple[str, list[tuple[int, str]]]:
    """A description: one paragraph, then ``chapters`` lines ``0:00 Title`` (YouTube style).

    Args:
        chapters: How many chapter lines to write (at least 3).

    Returns:
        The text and its chapters as ``(start_ms, title)``.
    """
    rng = random.Random(_SEED)
    truth: list[tuple[int, str]] = []
    lines = [_phrase(rng, 30) + ".", ""]
    at = 0
    for index in range(chapters):
        title = f"{_phrase(rng, rng.randint(2, 6))} part {index + 1}"
        truth.append((at * _MS, title))
        lines.append(f"{_clock(at)} {title}")
        at += rng.randint(10, 60)  # 5,000 chapters stay under 100 hours (two-digit hours)
    return "\n".join(lines) + "\n", truth


def _spellings() -> tuple[tuple[int, Callable[[int, int, int], str], int], ...]:
    """Each spelling: the range of seconds it can write, the writer, and extra ms it adds."""
    return (
        (600, lambda _h, m, s: f"{m}:{s:02d}", 0),
        (3600, lambda _h, m, s: f"{m:02d}:{s:02d}", 0),
        (_LONGEST, lambda h, m, s: f"{h}:{m:02d}:{s:02d}", 0),
        (_LONGEST, lambda h, m, s: f"{h:02d}:{m:02d}:{s:02d}", 0),
        (_LONGEST, lambda h, m, s: f"{h}:{m:02d}:{s:02d}.5", 500),
        (_LONGEST, lambda h, m, s: f"{h}h{m:02d}m{s:02d}s", 0),
        (_LONGEST, lambda h, m, s: f"PT{h}H{m}M{s}S", 0),
    )


def time_spellings(count: int) -> tuple[list[str], list[int]]:
    """``count`` times in the spellings both podnotes and yt-dlp read, taken in turn.

    The mix: ``M:SS``, ``MM:SS``, ``H:MM:SS``, ``HH:MM:SS``, ``H:MM:SS.5``, units
    (``1h02m03s``) and ISO 8601 (``PT1H2M3S``).

    Args:
        count: How many strings.

    Returns:
        The strings and their values in whole milliseconds.
    """
    rng = random.Random(_SEED)
    spellings = _spellings()
    texts: list[str] = []
    truth: list[int] = []
    for index in range(count):
        limit, spell, extra = spellings[index % len(spellings)]
        seconds = rng.randrange(limit)
        texts.append(spell(seconds // 3600, seconds // 60 % 60, seconds % 60))
        truth.append(seconds * _MS + extra)
    return texts, truth


def turns(count: int) -> list[SpeakerTurn]:
    """``count`` timed turns of one or two subtitle-length lines by three speakers.

    Args:
        count: How many turns.

    Returns:
        The turns, in time order, each with a start and an end.
    """
    rng = random.Random(_SEED)
    made: list[SpeakerTurn] = []
    at = 0
    for index in range(count):
        lines = [_phrase(rng, rng.randint(4, 9)).lower() for _ in range(rng.randint(1, 2))]
        length = rng.randint(800, 6000)
        made.append(
            SpeakerTurn(
                speaker=_NAMES[index % len(_NAMES)],
                text="\n".join(lines).capitalize() + ".",
                start=Timestamp(at),
                end=Timestamp(at + length),
            )
        )
        at += length + rng.randint(0, 400)
    return made


def _cues(made: list[SpeakerTurn]) -> list[Cue]:
    cues: list[Cue] = []
    for turn in made:
        if turn.start is None or turn.end is None:  # pragma: no cover - turns() sets both
            msg = "a generated turn has no start or end"
            raise ValueError(msg)
        shown = turn.text if turn.speaker is None else f"{turn.speaker}: {turn.text}"
        cues.append((turn.start.ms, turn.end.ms, shown))
    return cues


def srt_text(count: int) -> tuple[str, list[Cue]]:
    """An SRT file of ``count`` cues (written by podnotes, checked against ``srt.compose``).

    Args:
        count: How many cues.

    Returns:
        The text and its cues.
    """
    made = turns(count)
    return srt.render(made), _cues(made)


def vtt_text(count: int) -> tuple[str, list[Cue]]:
    """A WebVTT file of ``count`` cues, speakers in ``<v Name>`` voice tags.

    Args:
        count: How many cues.

    Returns:
        The text and its cues.
    """
    made = turns(count)
    return webvtt.render(made), _cues(made)


def transcript(count: int) -> tuple[str, list[tuple[str | None, str]]]:
    """A transcript of ``count`` turns written ``Name: text``, a blank line between turns.

    Args:
        count: How many turns.

    Returns:
        The text and its turns as ``(speaker, text)``.
    """
    rng = random.Random(_SEED)
    truth: list[tuple[str | None, str]] = []
    lines: list[str] = []
    for index in range(count):
        name, said = _NAMES[index % len(_NAMES)], _phrase(rng, rng.randint(8, 40)) + "."
        truth.append((name, said))
        lines += [f"{name}: {said}", ""]
    return "\n".join(lines), truth


def page(scale: int) -> tuple[str, list[tuple[int, str]]]:
    """A whole show-note page: header, description, highlights, chapters and a transcript.

    ``scale`` 1 gives about 64 KB (40 chapters, 400 turns); the blocks grow with it.

    Args:
        scale: The size factor.

    Returns:
        The text and its chapters as ``(start_ms, title)``.
    """
    rng = random.Random(_SEED)
    chapters, turn_count = 40 * scale, 400 * scale
    lines = ["example.fm", "", "#42 – A page for timing", "", "Show notes", ""]
    lines += [_phrase(rng, 60) + "...", "", "Highlights", "", _phrase(rng, 25) + ".", ""]
    starts = [0, *sorted(rng.sample(range(1, 4 * 3600 * scale), chapters - 1))]
    for start in starts:
        lines += [_clock(start), _phrase(rng, 12)]
    lines += ["", "Chapters", ""]
    truth: list[tuple[int, str]] = []
    for index, start in enumerate(starts):
        title = f"{_phrase(rng, 4)} {index + 1}"
        truth.append((start * _MS, title))
        lines += [title, _clock(start)]
    lines += ["", "Transcript", ""]
    lines += [f"{_NAMES[i % 2]}: {_phrase(rng, 25)}." for i in range(turn_count)]
    return "\n".join(lines) + "\n", truth
