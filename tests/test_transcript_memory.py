"""Streaming: ``iter_turns`` reads a million lines in memory that does not grow with them."""

from __future__ import annotations

import tracemalloc
from collections.abc import Iterator

from podnotes.diagnostics import Diagnostic
from podnotes.transcript import iter_turns

_SPEAKERS = ("Ada Quill", "Brook Vale", "Cy Moss")
_WRAPPED = (  # one paragraph, hard-wrapped as transcripts often are
    "so we trained the model on open data and then",
    "we checked the answers again, and it worked",
    "better than we had expected [laughs] which",
    "was a surprise to everyone in the room that",
    "day, even to the people who built it.",
)
_LINES_PER_TURN = 1 + 2 * len(_WRAPPED) + 2  # label line, two paragraphs, two blank lines
_MAX_PEAK = 1024 * 1024  # bytes


def transcript_lines(count: int) -> Iterator[str]:
    """``count`` lines of a Lenny-style transcript, made on the fly (never held in memory)."""
    for turn in range(count // _LINES_PER_TURN):
        at = turn * 7
        yield f"{_SPEAKERS[turn % 3]} ({at // 3600:02d}:{at // 60 % 60:02d}:{at % 60:02d}):\n"
        yield from _WRAPPED
        yield "\n"
        yield from _WRAPPED
        yield "\n"


def peak_while_streaming(count: int) -> tuple[int, int]:
    """(turns read, peak traced bytes) for ``count`` lines."""
    problems: list[Diagnostic] = []
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        turns = 0
        for turn in iter_turns(transcript_lines(count), on_diagnostic=problems.append):
            turns += 1
            assert turn.speaker in _SPEAKERS
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problems == []
    return turns, peak


def test_memory_stays_flat_over_a_million_lines() -> None:
    small_turns, small_peak = peak_while_streaming(100_000)
    turns, peak = peak_while_streaming(1_000_000)
    assert (small_turns, turns) == (100_000 // _LINES_PER_TURN, 1_000_000 // _LINES_PER_TURN)
    assert peak < _MAX_PEAK
    assert peak < small_peak * 1.5 + 64 * 1024  # ten times the input, not ten times the memory
