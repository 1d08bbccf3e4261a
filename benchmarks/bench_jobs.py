"""How much faster is ``podnotes parse --jobs N``?  Time 2,000 pages at 1, 2 and all CPUs.

Run: ``uv run python benchmarks/bench_jobs.py [--pages 2000] [--repeat 3]``.  The pages
are generated here into a temporary folder (a header, a description, and by turns a
chapter list in one of two layouts, a highlights block and a short transcript), then
``podnotes parse FOLDER --jobs N -o FILE`` runs in this process for each N.  The report
gives the median wall time, pages per second, the speed-up over ``--jobs 1`` and the CPU
time of the main process (with workers it only reads results and writes JSON), and checks
that every run wrote the same JSON Lines.  Pool start-up is included: it is what a user
waits for.  On a busy machine the speed-up shrinks; the main-process CPU column still
shows how much of the work moved to the workers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from podnotes import cli
from podnotes.batch import default_jobs


def make_page(n: int) -> str:
    """Page ``n``, about 2 KB; ``n`` picks the blocks and layouts."""
    words = ["flour", "water", "oven", "heat", "time", "starter", "crust", "crumb", "salt"]

    def phrase(k: int, seed: int) -> str:
        return " ".join(words[(seed * 7 + i * 3) % len(words)] for i in range(k)).capitalize()

    lines = ["shows.example.com", "", f"#{n} – {phrase(5, n)}", "", phrase(40, n) + ".", ""]
    if n % 3:
        lines += ["Chapters", ""]
        for k in range(4 + n % 8):
            at = f"{k * 6 + n % 5}:{(n + k * 13) % 60:02d}"
            lines += [f"{at} {phrase(4, n + k)}"] if n % 2 else [phrase(4, n + k), at]
        lines.append("")
    if n % 4 == 0:
        lines += ["Highlights", ""]
        for k in range(3):
            lines += [f"{k * 9}:{(n + k) % 60:02d}", phrase(10, n + k)]
        lines.append("")
    if n % 5 in {0, 3}:
        lines += ["Transcript", ""]
        lines += [f"{('Host', 'Guest')[k % 2]}: {phrase(14, n + k)}." for k in range(6 + n % 10)]
    return "\n".join(lines) + "\n"


def _time_run(folder: Path, jobs: int, target: Path) -> tuple[float, float]:
    """Wall time of one run, and the CPU time this (the parent) process spent in it."""
    argv = ["parse", str(folder), "--jobs", str(jobs), "-o", str(target), "--quiet"]
    begin, cpu = time.perf_counter(), time.process_time()
    status = cli.main(argv)
    elapsed, cpu = time.perf_counter() - begin, time.process_time() - cpu
    if status != 0:
        msg = f"podnotes parse exited {status} with --jobs {jobs}"
        raise SystemExit(msg)
    return elapsed, cpu


def main() -> int:
    """Print the table; exit 1 when two runs wrote different output."""
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--pages", type=int, default=2000, help="pages to parse")
    options.add_argument("--repeat", type=int, default=3, help="runs per job count (median)")
    settings = options.parse_args()
    counts = sorted({1, 2, default_jobs()})
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "pages"
        folder.mkdir()
        size = 0
        for n in range(settings.pages):
            page = make_page(n)
            size += len(page.encode())
            (folder / f"page{n:05d}.txt").write_text(page, encoding="utf-8")
        print(f"{settings.pages} pages, {size / 1e6:.1f} MB, {default_jobs()} CPUs")
        print(f"{'jobs':>4}  {'seconds':>8}  {'pages/s':>8}  {'speed-up':>8}  {'main CPU s':>10}")
        outputs: dict[int, str] = {}
        base = 0.0
        for jobs in counts:
            target = Path(scratch) / f"out{jobs}.jsonl"
            runs = [_time_run(folder, jobs, target) for _ in range(settings.repeat)]
            seconds = statistics.median(wall for wall, _ in runs)
            cpu = statistics.median(cpu for _, cpu in runs)
            outputs[jobs] = target.read_text("utf-8")
            base = base or seconds
            rate = settings.pages / seconds
            line = (
                f"{jobs:>4}  {seconds:>8.2f}  {rate:>8.0f}  {base / seconds:>7.2f}x  {cpu:>10.2f}"
            )
            print(line)
    same = len(set(outputs.values())) == 1
    print("output: identical JSON Lines at every job count" if same else "output: DIFFERS")
    return 0 if same else 1


if __name__ == "__main__":  # workers of the process pool import this module again
    sys.exit(main())
