"""The benchmark command: podnotes against its peers, on identical inputs, in one process.

Run from the repository root::

    uv run --group bench python benchmarks/run.py            # full run, table and chart
    uv run --group bench python benchmarks/run.py --quick    # tiny sizes, 1 repeat, no chart
    uv run python benchmarks/run.py --quick --only-podnotes  # no peers needed

For each job and size it builds the input, checks that every side's answer equals the
input's truth (a side that disagrees is reported and not timed), then times the sides in
turn, one call each per repeat, and keeps the median; ``str.splitlines`` on the same text
is the floor.  Peak memory is the ``tracemalloc`` peak of one more call.  It then scores
chapter precision and recall on the example pages, adds the linearity rows of
``bench_linearity.py`` when that module exists, prints the report as Markdown and writes
``latest.md`` and ``performance.png`` into ``--out`` (``benchmarks/results/``).

Exit status: 0; 2 when podnotes itself disagrees with an input's truth.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Final

import _accuracy
import _peers
from _jobs import Job, jobs
from _measure import FLOOR, DisagreementError, Measured, Timing, measure
from _peers import Peers

import podnotes

_HERE: Final = Path(__file__).resolve().parent
_EXAMPLES: Final = _HERE.parent.parent / "shared" / "examples"
_MIB: Final = 1024 * 1024
_COLOURS: Final = {"podnotes": "C0", FLOOR: "0.55"}


def _repeats(size_index: int, *, quick: bool) -> int:
    return 1 if quick else (9, 5, 3)[min(size_index, 2)]


def _ms(timing: Timing | None) -> str:
    return "-" if timing is None or timing.seconds is None else f"{timing.seconds * 1000:.2f}"


def _mib(timing: Timing | None) -> str:
    return "-" if timing is None or timing.peak is None else f"{timing.peak / _MIB:.2f}"


def _ratio(ours: Timing, theirs: Timing | None) -> str:
    if ours.seconds is None or theirs is None or not theirs.seconds:
        return "-"
    ratio = ours.seconds / theirs.seconds
    return f"{ratio:.2f}" + (" (ahead)" if ratio < 1 else " (behind)")


def _size(row: Measured) -> str:
    kilobytes = f", {row.input_bytes / 1024:,.0f} KB" if row.input_bytes else ""
    return f"{row.size:,} {row.job.unit}{kilobytes}"


def speed_table(rows: Sequence[Measured]) -> list[str]:
    """The timings as Markdown, one line per peer (or one with none) per job and size.

    Args:
        rows: The measurements.

    Returns:
        The table's lines.
    """
    lines = [
        (
            "| job | size | podnotes ms | peer | peer ms | podnotes / peer "
            "| splitlines ms | podnotes / splitlines | podnotes peak MiB | peer peak MiB |"
        ),
        "|---|---|--:|---|--:|--:|--:|--:|--:|--:|",
    ]
    for row in rows:
        ours = row.podnotes
        floor = (_ms(row.floor), _ratio(ours, row.floor).split(" ")[0]) if row.floor else ("-", "-")
        for peer in row.peers or (None,):
            peer_cells = ("-", "-", "-", "-")
            if peer is not None:
                shown = peer.note or _ratio(ours, peer)
                peer_cells = (peer.side, _ms(peer), shown, _mib(peer))
            cells = (row.job.name, _size(row), _ms(ours), *peer_cells[:3], *floor, _mib(ours))
            lines.append("| " + " | ".join((*cells, peer_cells[3])) + " |")
    return lines


def machine() -> list[str]:
    """What the numbers were measured on: CPU, Python, versions, load.

    Returns:
        Markdown bullet lines.
    """
    cpu = platform.processor() or platform.machine()
    try:
        described = subprocess.run(
            ["lscpu"],  # noqa: S607 - a system tool, found on PATH where it exists
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        described = ""
    for line in described.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "Model name":
            cpu = value.strip()
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return [
        f"- date: {datetime.now(tz=UTC):%Y-%m-%d %H:%M} UTC",
        f"- CPU: {cpu}, {os.cpu_count()} logical CPUs; {platform.platform()}",
        f"- Python (`python -VV`): Python {sys.version.replace(chr(10), ' ')}",
        f"- podnotes {podnotes.__version__}",
        "- load average when the run started (1, 5, 15 min): "
        + (", ".join(f"{value:.2f}" for value in load) if load else "unknown"),
    ]


def _cell(value: object) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def linearity(*, quick: bool, wanted: bool) -> list[str]:
    """The rows of ``bench_linearity.linearity_rows()``, or a note saying why there are none.

    Args:
        quick: Passed on: the small sizes only.
        wanted: Whether to run it at all (a ``--quick`` run skips it unless asked).

    Returns:
        Markdown lines.
    """
    if not wanted:
        return ["_Skipped under --quick (it reads 1 MB inputs); pass --linearity to run it._"]
    try:
        module = importlib.import_module("bench_linearity")
    except ModuleNotFoundError as problem:
        if problem.name != "bench_linearity":
            raise
        return ["_benchmarks/bench_linearity.py is not there: no linearity rows._"]
    print("  running bench_linearity.linearity_rows()", file=sys.stderr, flush=True)
    rows: list[dict[str, object]] = module.linearity_rows(quick=quick)
    if not rows:
        return ["_bench_linearity.linearity_rows() returned no rows._"]
    keys = list(rows[0])
    lines = ["| " + " | ".join(keys) + " |", "|" + "---|" * len(keys)]
    lines += ["| " + " | ".join(_cell(row.get(key, "")) for key in keys) + " |" for row in rows]
    return lines


def chart(rows: Sequence[Measured], path: Path) -> None:
    """Plot median time against input size, one panel per job, one line per side.

    Args:
        rows: The measurements.
        path: Where to write the PNG.
    """
    matplotlib = importlib.import_module("matplotlib")
    matplotlib.use("Agg")
    pyplot = importlib.import_module("matplotlib.pyplot")
    by_job: dict[str, list[Measured]] = {}
    for row in rows:
        by_job.setdefault(row.job.name, []).append(row)
    columns = 4
    count = len(by_job)
    figure, axes = pyplot.subplots(
        (count + columns - 1) // columns, columns, figsize=(4 * columns, 3.4 * ((count + 3) // 4))
    )
    flat = list(axes.flat)
    for axis, (name, job_rows) in zip(flat, by_job.items(), strict=False):
        sizes = [row.size for row in job_rows]
        series: dict[str, list[float | None]] = {}
        for row in job_rows:
            for timing in (row.podnotes, *row.peers, *((row.floor,) if row.floor else ())):
                value = None if timing.seconds is None else timing.seconds * 1000
                series.setdefault(timing.side, []).append(value)
        for side, values in series.items():
            points = [(s, v) for s, v in zip(sizes, values, strict=True) if v is not None]
            if points:
                style = "-" if side == "podnotes" else (":" if side == FLOOR else "--")
                colour = _COLOURS.get(side, f"C{len(_COLOURS) + list(series).index(side)}")
                axis.plot(*zip(*points, strict=True), style, color=colour, marker="o", label=side)
        axis.set_xscale("log")
        axis.set_yscale("log")
        axis.set_title(name)
        axis.set_xlabel(job_rows[0].job.unit)
        axis.set_ylabel("median ms")
        axis.legend(fontsize="small")
    for axis in flat[count:]:
        axis.set_visible(False)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    pyplot.close(figure)


def _arguments(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, 1 repeat, no chart")
    parser.add_argument("--chart", action="store_true", help="write the chart with --quick too")
    parser.add_argument(
        "--linearity", action="store_true", help="run bench_linearity with --quick too"
    )
    parser.add_argument(
        "--only-podnotes", action="store_true", help="time podnotes and the floor only"
    )
    parser.add_argument(
        "--out", type=Path, default=_HERE / "results", help="where latest.md and the PNG go"
    )
    parser.add_argument("--examples", type=Path, default=_EXAMPLES, help="the example pages folder")
    return parser.parse_args(argv)


def main(argv: Sequence[str]) -> int:
    """Run every job, score the examples, print and write the report.

    Args:
        argv: The command-line arguments after the program name.

    Returns:
        The exit status.
    """
    options = _arguments(argv)
    header = machine()
    peers = Peers() if options.only_podnotes else _peers.load()
    print("\n".join(header), flush=True)
    rows: list[Measured] = []
    for job in jobs(peers):
        sizes = (job.quick_size,) if options.quick else job.sizes
        for index, size in enumerate(sizes):
            try:
                rows.append(measure(job, size, _repeats(index, quick=options.quick)))
            except DisagreementError as problem:
                print(f"podnotes disagrees with the input's truth: {problem}", file=sys.stderr)
                return 2
            print(f"  measured {job.name} at {size:,} {job.unit}", file=sys.stderr, flush=True)
    report = ["# podnotes benchmark", "", "## Machine", "", *header, ""]
    report += _sides(jobs(peers), peers, only_podnotes=options.only_podnotes)
    report += ["## Speed and peak memory", "", *speed_table(rows), ""]
    report += [
        "## Chapter accuracy on the example pages",
        "",
        *_accuracy_lines(options.examples, peers),
    ]
    report += [
        "",
        "## Linearity (bench_linearity.py)",
        "",
        *linearity(quick=options.quick, wanted=not options.quick or options.linearity),
        "",
    ]
    text = "\n".join(report)
    print(text)
    options.out.mkdir(parents=True, exist_ok=True)
    (options.out / "latest.md").write_text(text, encoding="utf-8")
    if not options.quick or options.chart:
        chart(rows, options.out / "performance.png")
    return 0


def _sides(all_jobs: Sequence[Job], peers: Peers, *, only_podnotes: bool) -> list[str]:
    lines = ["## What is called", ""]
    for job in all_jobs:
        calls = [f"podnotes `{job.podnotes.call}`", *(f"{s.name} `{s.call}`" for s in job.peers)]
        lines.append(f"- {job.name}: " + "; ".join(calls))
    lines.append("- peers: " + (", ".join(f"{n} {v}" for n, v in peers.versions) or "none"))
    if only_podnotes:
        lines.append("- run with --only-podnotes: no peer was loaded")
    lines += [f"- missing: {note}" for note in peers.missing]
    return [*lines, ""]


def _accuracy_lines(folder: Path, peers: Peers) -> list[str]:
    if not folder.is_dir():
        return [f"_The examples folder {folder} is not there: no accuracy scores._"]
    sides = [jobs(peers)[0].podnotes, *peers.chapters]
    results = _accuracy.score_pages(folder, sides)
    return _accuracy.format_table(results, [side.name for side in sides])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
