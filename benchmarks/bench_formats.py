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
libraries: their ``Subtitle`` and ``Caption`` objects).  It prints the median of each
and the ratio, and exits 1 when a ratio misses its target.

Run with ``uv run python benchmarks/bench_formats.py [--quick]``.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable

import srt as srt_library
import webvtt as webvtt_py

from podnotes.formats import srt, webvtt
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp

TURNS = 2_000
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


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    """Print each comparison; exit 1 when a ratio misses its target."""
    repeats = 5 if "--quick" in argv else 15
    turns = make_turns()
    srt_text = srt.render(turns)
    vtt_text = webvtt.render(turns)
    subtitles = list(srt_library.parse(srt_text))
    # Same input, same answers: check before timing anything.
    same = (
        srt.parse(srt_text).value == tuple(turns)
        and webvtt.parse(vtt_text).value == tuple(turns)
        and len(webvtt_py.from_string(vtt_text).captions) == len(subtitles) == len(turns)
        and srt_library.compose(subtitles) == srt_text
    )
    if not same:
        print("the readers and writers disagree on the input; nothing timed")
        return 2

    cases: list[tuple[str, Callable[[], object], str, Callable[[], object], float]] = [
        (
            "read SRT",
            lambda: srt.parse(srt_text),
            "srt.parse",
            lambda: list(srt_library.parse(srt_text)),
            2.0,
        ),
        (
            "read WebVTT",
            lambda: webvtt.parse(vtt_text),
            "webvtt-py",
            lambda: webvtt_py.from_string(vtt_text),
            3.0,
        ),
        (
            "write SRT",
            lambda: srt.render(turns),
            "srt.compose",
            lambda: srt_library.compose(subtitles),
            1.0,
        ),
    ]
    print(f"{TURNS} turns; SRT {len(srt_text) // 1000} KB, WebVTT {len(vtt_text) // 1000} KB")
    print(f"{'task':<12} {'podnotes ms':>12} {'peer':>12} {'peer ms':>9} {'ratio':>7} {'goal':>7}")
    missed = False
    for task, ours, peer_name, peer, target in cases:
        # Interleave the two sides so that machine load hits both alike.
        our_times, peer_times = [], []
        for _ in range(repeats):
            our_times.append(_median_seconds(ours, 1))
            peer_times.append(_median_seconds(peer, 1))
        mine, theirs = statistics.median(our_times), statistics.median(peer_times)
        ratio = theirs / mine
        missed |= ratio < target
        print(
            f"{task:<12} {mine * 1000:>12.1f} {peer_name:>12} {theirs * 1000:>9.1f} "
            f"{ratio:>6.2f}x {target:>6.1f}x{'  MISSED' if ratio < target else ''}"
        )
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
