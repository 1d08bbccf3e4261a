"""Is the page parser linear?  Time ``podnotes.parse`` on 1x, 4x and 16x the same page.

Run: ``uv run python benchmarks/bench_parse.py``.  The page is generated here (a header,
a description, a highlights block, a two-line chapter list, a run-on list and a transcript)
and repeated; the report gives the median time per MB at each size and the ratio of the
largest to the smallest, which should stay within 1.5x.  It also times ``str.splitlines``
on the same text, the floor any line-based parser pays.
"""

from __future__ import annotations

import functools
import random
import statistics
import sys
import time
from collections.abc import Callable

import podnotes

TARGET_RATIO = 1.5


def _clock(seconds: int) -> str:
    h, m, s = seconds // 3600, seconds // 60 % 60, seconds % 60
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def make_page(rng: random.Random, *, chapters: int = 40, turns: int = 400) -> str:
    """One synthetic page, about 64 KB, with every block kind the parser reads."""
    words = ["flour", "water", "oven", "heat", "time", "starter", "crust", "crumb", "salt"]

    def phrase(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n)).capitalize()

    lines = ["example.fm", "", "#42 – A page for timing", "", "Show notes", ""]
    lines += [phrase(60) + "...", "", "Highlights", "", phrase(25) + ".", ""]
    starts = sorted(rng.sample(range(1, 4 * 3600), chapters - 1))
    for start in [0, *starts]:
        lines += [_clock(start), phrase(12)]
    lines += ["", "Chapters", ""]
    for start in [0, *starts]:
        lines += [phrase(4), _clock(start)]
    lines += ["", "Transcript", ""]
    lines += [f"{rng.choice(['Host', 'Guest'])}: {phrase(25)}." for _ in range(turns)]
    return "\n".join(lines) + "\n"


def _median_seconds(job: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        begin = time.perf_counter()
        job()
        times.append(time.perf_counter() - begin)
    return statistics.median(times)


def main() -> int:
    """Print the table; exit 1 when time per MB grows by more than the target."""
    rng = random.Random(7)
    unit = "".join(make_page(rng) for _ in range(4))  # about 256 KB
    print(f"{'size':>6} {'MB':>7} {'parse s':>9} {'s/MB':>8} {'splitlines s/MB':>16}")
    per_mb: dict[int, float] = {}
    for factor in (1, 4, 16):
        text = unit * factor
        mb = len(text.encode()) / 1e6
        repeat = max(3, 24 // factor)
        parse_s = _median_seconds(functools.partial(podnotes.parse, text), repeat)
        floor_s = _median_seconds(text.splitlines, repeat)
        per_mb[factor] = parse_s / mb
        print(f"{factor:>5}x {mb:>7.2f} {parse_s:>9.3f} {parse_s / mb:>8.3f} {floor_s / mb:>16.4f}")
    ratio = max(per_mb.values()) / min(per_mb.values())
    verdict = "linear" if ratio <= TARGET_RATIO else "NOT linear"
    print(f"time per MB, largest / smallest: {ratio:.2f} (target <= {TARGET_RATIO}): {verdict}")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
