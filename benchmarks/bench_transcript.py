"""Benchmark: ``podnotes.transcript.parse`` against a bare ``str.splitlines()``.

Generates a ~250 KB transcript of 2,000 turns in a few layouts, then 10x and 40x that size,
and prints the median time of ``transcript.parse`` divided by the median time of
``text.splitlines()`` on the same text, measured in the same run (target: at most 12).

Run with ``uv run python benchmarks/bench_transcript.py [--quick]``.
"""

from __future__ import annotations

import functools
import random
import statistics
import sys
import time
from collections.abc import Callable

from podnotes import transcript

TURNS = 2_000
TARGET_BYTES = 250_000
TARGET_RATIO = 12.0
SIZES = (1, 10, 40)

_SPEECH = (
    "the model data we really think about training open weights people code that is what "
    "makes it work so you have to scale compute and then there are agents which can use tools "
    "like a search engine or an interpreter to check their answers"
)
_WORDS = _SPEECH.split()
_NAMES = ("Lex Fridman", "Nathan Lambert", "Sebastian Raschka")


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _turn_lines(layout: str, index: int, rng: random.Random, words: int) -> list[str]:
    name, at = _NAMES[index % len(_NAMES)], _clock(index * 17)
    text = _sentence(rng, words)
    if layout == "name-time-line":  # Lenny (00:01:19): + text
        return [f"{name} ({at}):", text, ""]
    if layout == "name-colon":  # Lex Fridman: text
        return [f"{name}: {text}", ""]
    # timed-text: 00:00:00 text
    return [f"{at} {text}", ""]


def make_page(layout: str, turns: int = TURNS, target: int = TARGET_BYTES) -> str:
    """A transcript of ``turns`` turns in ``layout``, about ``target`` characters long."""
    rng = random.Random(490)
    probe = "\n".join(_turn_lines(layout, 1, rng, 10))
    words = max(1, round((target / turns - (len(probe) - 60)) / 6))
    lines = ["WEBVTT"] if layout == "webvtt" else []
    for index in range(turns):
        lines.extend(_turn_lines(layout, index, rng, words))
    return "\n".join(lines)


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        began = time.perf_counter()
        action()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    """Print the ratio for each layout and size; exit 1 when a 1x ratio misses the target."""
    quick = "--quick" in argv
    sizes = SIZES[:1] if quick else SIZES
    worst = 0.0
    print(f"{'layout':<16} {'size':>5} {'KB':>8} {'turns':>7} {'parse ms':>10} "
          f"{'split ms':>9} {'ratio':>6}")  # fmt: skip
    for layout in ("name-time-line", "name-colon", "timed-text"):
        for size in sizes:
            page = make_page(layout, TURNS * size, TARGET_BYTES * size)
            repeats = max(3, 31 // size)
            transcript.parse(page)  # warm up
            parsed = transcript.parse(page)
            assert len(parsed.value) == TURNS * size, len(parsed.value)  # noqa: S101
            parse = _median_seconds(functools.partial(transcript.parse, page), repeats)
            split = _median_seconds(page.splitlines, max(repeats, 51))
            ratio = parse / split
            if size == 1:
                worst = max(worst, ratio)
            print(f"{layout:<16} {size:>4}x {len(page) / 1000:>8.0f} {TURNS * size:>7} "
                  f"{parse * 1000:>10.2f} {split * 1000:>9.3f} {ratio:>6.1f}")  # fmt: skip
    print(f"worst 1x ratio {worst:.1f} (target <= {TARGET_RATIO:g})")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
