"""The benchmark jobs: what podnotes runs for each, at which sizes, against which peers.

A job pairs a generator from ``_inputs`` (input and truth at a given size) with the
podnotes side and the peer sides of ``_peers``.  Jobs whose input is one text are also
compared with ``str.splitlines`` on that text: the least any line-based reader pays.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import _inputs
from _peers import Peers, Side

import podnotes
from podnotes import transcript
from podnotes.formats import srt, webvtt
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp

__all__ = ["Job", "jobs"]


@dataclass(frozen=True)
class Job:
    """One thing to time, at several sizes.

    Attributes:
        name: The job, as the table shows it.
        unit: What ``sizes`` count (``"chapters"``, ``"turns"``...).
        sizes: The sizes of a full run.
        quick_size: The one size of a ``--quick`` run.
        make: Builds the shared input and its truth at a size.
        podnotes: The podnotes side.
        peers: The peer sides (none when only the floor compares).
        floor: Whether the input is one text, so ``str.splitlines`` is timed on it too.
    """

    name: str
    unit: str
    sizes: tuple[int, ...]
    quick_size: int
    make: Callable[[int], tuple[Any, Any]]
    podnotes: Side
    peers: tuple[Side, ...]
    floor: bool


def _same(value: Any) -> Any:  # noqa: ANN401 - sides pass anything through
    return value


def _chapters(parsed: podnotes.Parsed[podnotes.Episode]) -> list[tuple[int, str]]:
    return [(chapter.start.ms, chapter.title) for chapter in parsed.value.chapters]


def _cues(parsed: podnotes.Parsed[tuple[SpeakerTurn, ...]]) -> list[_inputs.Cue]:
    cues: list[_inputs.Cue] = []
    for turn in parsed.value:
        start = -1 if turn.start is None else turn.start.ms
        end = -1 if turn.end is None else turn.end.ms
        cues.append(
            (start, end, turn.text if turn.speaker is None else f"{turn.speaker}: {turn.text}")
        )
    return cues


def _turns_of(cue_list: list[_inputs.Cue]) -> list[SpeakerTurn]:
    """The turns podnotes writes for canonical cues (``Name: text`` splits at the colon)."""
    made = []
    for start, end, shown in cue_list:
        speaker, _, said = shown.partition(": ")
        made.append(
            SpeakerTurn(speaker=speaker, text=said, start=Timestamp(start), end=Timestamp(end))
        )
    return made


def _said(parsed: podnotes.Parsed[tuple[SpeakerTurn, ...]]) -> list[tuple[str | None, str]]:
    return [(turn.speaker, turn.text) for turn in parsed.value]


def _srt_write_input(count: int) -> tuple[list[_inputs.Cue], str]:
    text, cue_list = _inputs.srt_text(count)
    return cue_list, text


def jobs(peers: Peers) -> tuple[Job, ...]:
    """Every job, with the peers that are loaded.

    Args:
        peers: The peer sides found (empty for ``--only-podnotes``).

    Returns:
        The jobs, in the order the table shows them.
    """
    return (
        Job(
            "description chapters",
            "chapters",
            (50, 500, 5_000),
            20,
            _inputs.description,
            Side("podnotes", "podnotes.parse(text)", _same, podnotes.parse, _chapters),
            peers.chapters,
            floor=True,
        ),
        Job(
            "time parsing",
            "times",
            (500, 5_000, 50_000),
            100,
            _inputs.time_spellings,
            Side(
                "podnotes",
                "podnotes.Timestamp.parse(text), per string",
                _same,
                lambda texts: [Timestamp.parse(text) for text in texts],
                lambda found: [stamp.ms for stamp in found],
            ),
            peers.times,
            floor=False,
        ),
        Job(
            "SRT read",
            "cues",
            (200, 2_000, 20_000),
            20,
            _inputs.srt_text,
            Side("podnotes", "podnotes.formats.srt.parse(text)", _same, srt.parse, _cues),
            peers.srt_read,
            floor=True,
        ),
        Job(
            "SRT write",
            "cues",
            (200, 2_000, 20_000),
            20,
            _srt_write_input,
            Side("podnotes", "podnotes.formats.srt.render(turns)", _turns_of, srt.render, _same),
            peers.srt_write,
            floor=False,
        ),
        Job(
            "WebVTT read",
            "cues",
            (200, 2_000, 20_000),
            20,
            _inputs.vtt_text,
            Side("podnotes", "podnotes.formats.webvtt.parse(text)", _same, webvtt.parse, _cues),
            peers.vtt_read,
            floor=True,
        ),
        Job(
            "transcript parse",
            "turns",
            (250, 2_500, 25_000),
            20,
            _inputs.transcript,
            Side("podnotes", "podnotes.transcript.parse(text)", _same, transcript.parse, _said),
            (),
            floor=True,
        ),
        Job(
            "page parse",
            "x 64 KB",
            (1, 4, 16),
            1,
            _inputs.page,
            Side("podnotes", "podnotes.parse(text)", _same, podnotes.parse, _chapters),
            (),
            floor=True,
        ),
    )
