"""Benchmark: podnotes' subtitle readers and writer against the libraries people use.

On the same generated transcript (2,000 turns, named speakers, one or two lines each), in
one run, it times:

- reading SRT: ``podnotes.formats.srt.parse`` against ``list(srt.parse(text))``
  (target: podnotes at least 2x faster);
- reading WebVTT: ``podnotes.formats.webvtt.parse`` against ``webvtt.from_string(text)``
  of webvtt-py (target: at least 3x faster);
- writing SRT: ``podnotes.formats.srt.render`` against ``srt.compose(subtitles)``
  (target: faster).

Each side builds its own objects (podnotes: ``SpeakerTurn`` with ``Timestamp`` times; the
libraries: their ``Subtitle`` and ``Caption`` objects).  To keep the comparison honest:

- both sides get the very same text (or, for writing, the same cues);
- before timing, each side's own result is compared: the same number of cues, and the
  same first and last cue (times in ms, speaker and text); a difference stops the run
  (exit 2);
- each side runs twice untimed (warm-up), then both are timed in turn, 15 times each
  (5 with ``--quick``), so that load on the machine hits both alike;
- it prints the median of each and the ratio, and exits 1 when a ratio misses its target.

Run with ``uv run python benchmarks/bench_formats.py [--quick]``.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from datetime import timedelta
from typing import NamedTuple, cast

import srt as srt_library  # type: ignore[import-untyped]
import webvtt as webvtt_py

from podnotes.diagnostics import Parsed
from podnotes.formats import srt, webvtt
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp

TURNS = 2_000
_WARM_UP = 2
_MILLISECOND = timedelta(milliseconds=1)
_SPEECH = (  # noqa: SIM905 - a sentence of words reads best as a sentence
    "the model data we really think about training open weights people code that is what "
    "makes it work so you have to scale compute and then there are agents which can use tools "
    "like a search engine or an interpreter to check their answers"
).split()
_NAMES = ("Lex Fridman", "Nathan Lambert", "Sebastian Raschka")


def make_turns(count: int = TURNS) -> list[SpeakerTurn]:
    """``count`` timed turns of one or two subtitle-length lines, three speakers."""
    rng = random.Random(490)
    turns = []
    at = 0
    for index in range(count):
        lines = [
            " ".join(rng.choice(_SPEECH) for _ in range(rng.randint(4, 9)))
            for _ in range(rng.randint(1, 2))
        ]
        length = rng.randint(800, 6000)
        turns.append(
            SpeakerTurn(
                speaker=_NAMES[index % len(_NAMES)],
                text="\n".join(lines).capitalize() + ".",
                start=Timestamp(at),
                end=Timestamp(at + length),
            )
        )
        at += length + rng.randint(0, 400)
    return turns


def _seconds(action: Callable[[], object]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def _ms(delta: timedelta) -> int:
    return delta // _MILLISECOND


def _turn_view(turn: SpeakerTurn) -> tuple[int, int, str]:
    """A turn as a subtitle library sees it: start and end in ms, the cue text."""
    assert turn.start is not None  # noqa: S101 - every generated turn is timed
    assert turn.end is not None  # noqa: S101
    text = turn.text if turn.speaker is None else f"{turn.speaker}: {turn.text}"
    return turn.start.ms, turn.end.ms, text


def _vtt_view(turn: SpeakerTurn) -> tuple[int, int, str]:
    """A turn as webvtt-py reads it: times in ms, ``voice: text`` (the voice tag's name)."""
    start, end, _ = _turn_view(turn)
    return start, end, f"{turn.speaker}: {turn.text}"


def _vtt_ms(time: webvtt_py.models.Timestamp) -> int:
    return ((time.hours * 60 + time.minutes) * 60 + time.seconds) * 1000 + time.milliseconds


def _same_cues(ours: Sequence[tuple[int, int, str]], theirs: Sequence[tuple[int, int, str]]) -> str:
    """Empty when both sides read the same cues (count, first and last); else what differs."""
    if len(ours) != len(theirs):
        return f"{len(ours)} cues against {len(theirs)}"
    if ours and (ours[0] != theirs[0] or ours[-1] != theirs[-1]):
        return f"first/last {ours[0]}, {ours[-1]} against {theirs[0]}, {theirs[-1]}"
    return ""


def _check_srt_read(ours: object, theirs: object) -> str:
    turns = cast("Parsed[tuple[SpeakerTurn, ...]]", ours)
    subtitles = cast("list[srt_library.Subtitle]", theirs)
    return _same_cues(
        [_turn_view(turn) for turn in turns.value],
        [(_ms(s.start), _ms(s.end), s.content) for s in subtitles],
    )


def _check_vtt_read(ours: object, theirs: object) -> str:
    turns = cast("Parsed[tuple[SpeakerTurn, ...]]", ours)
    captions = cast("webvtt_py.WebVTT", theirs).captions
    return _same_cues(
        [_vtt_view(turn) for turn in turns.value],
        [(_vtt_ms(c.start_time), _vtt_ms(c.end_time), f"{c.voice}: {c.text}") for c in captions],
    )


def _check_srt_write(ours: object, theirs: object) -> str:
    return "" if ours == theirs else "the two SRT texts differ"


class _Case(NamedTuple):
    task: str
    ours: Callable[[], object]
    peer_name: str
    peer: Callable[[], object]
    target: float
    check: Callable[[object, object], str]


def main(argv: list[str]) -> int:
    """Print each comparison; exit 1 when a ratio misses its target, 2 when answers differ."""
    repeats = 5 if "--quick" in argv else 15
    turns = make_turns()
    srt_text = srt.render(turns)
    vtt_text = webvtt.render(turns)
    subtitles = list(srt_library.parse(srt_text))
    # podnotes must read back exactly what it wrote, or there is nothing to compare.
    if srt.parse(srt_text).value != tuple(turns) or webvtt.parse(vtt_text).value != tuple(turns):
        print("podnotes does not read back the turns it wrote; nothing timed")
        return 2
    cases = [
        _Case(
            "read SRT",
            lambda: srt.parse(srt_text),
            "srt.parse",
            lambda: list(srt_library.parse(srt_text)),
            2.0,
            _check_srt_read,
        ),
        _Case(
            "read WebVTT",
            lambda: webvtt.parse(vtt_text),
            "webvtt-py",
            lambda: webvtt_py.from_string(vtt_text),
            3.0,
            _check_vtt_read,
        ),
        _Case(
            "write SRT",
            lambda: srt.render(turns),
            "srt.compose",
            lambda: srt_library.compose(subtitles),
            1.0,
            _check_srt_write,
        ),
    ]
    print(f"{TURNS} turns; SRT {len(srt_text) // 1000} KB, WebVTT {len(vtt_text) // 1000} KB")
    print(f"{'task':<12} {'podnotes ms':>12} {'peer':>12} {'peer ms':>9} {'ratio':>7} {'goal':>7}")
    missed = False
    for case in cases:
        # Same input, same answers: each side's own result is checked before timing.
        differs = case.check(case.ours(), case.peer())
        if differs:
            print(f"{case.task}: podnotes and {case.peer_name} disagree ({differs}); not timed")
            return 2
        for _ in range(_WARM_UP):
            case.ours()
            case.peer()
        # Interleave the two sides so that machine load hits both alike.
        our_times, peer_times = [], []
        for _ in range(repeats):
            our_times.append(_seconds(case.ours))
            peer_times.append(_seconds(case.peer))
        mine, theirs = statistics.median(our_times), statistics.median(peer_times)
        ratio = theirs / mine
        missed |= ratio < case.target
        print(
            f"{case.task:<12} {mine * 1000:>12.1f} {case.peer_name:>12} {theirs * 1000:>9.1f} "
            f"{ratio:>6.2f}x {case.target:>6.1f}x{'  MISSED' if ratio < case.target else ''}"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
