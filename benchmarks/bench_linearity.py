"""Is every reader linear?  Time per MB at 256 KB and at 4 MB, on normal and hostile input.

Run: ``uv run python benchmarks/bench_linearity.py [--quick]``.

For ``podnotes.parse``, ``podnotes.transcript.parse`` and every readable format in the
registry, two inputs are built here:

- *normal*: what the reader is for, as podnotes writes it (a Markdown page for the page
  parser, ``Name: text`` turns for the transcript parser, each format's own output);
- *hostile*: a mix of what makes parsers slow, one block of each repeated to size: runs of
  digits and colons, ``((((`` and ``[[[[`` runs, a line that grows with the input, runs of
  blank lines, thousands of repeated headings and of identical time lines, ``-->`` runs,
  backslashes, quotes and entities.

Each is read (lenient) at about 256 KB and about 4 MB; the time is the median of several
runs of CPU time of this process (``time.process_time``), so other work on a shared
machine counts less.  The ratio is time per MB at 4 MB over time per MB at 256 KB; PASS
means at most 1.5.  ``--quick`` uses 64 KB and 1 MB and fewer runs (the same 16x step).
The process exits 1 when a row fails.
"""

from __future__ import annotations

import contextlib
import gc
import statistics
import sys
import time
from collections.abc import Callable

import podnotes
from podnotes import Chapter, Episode, SpeakerTurn, Timestamp, transcript
from podnotes.formats import format_names, get_format
from podnotes.formats._registry import Reader
from podnotes.formats.json import JSONFormatError

TARGET_RATIO = 1.5
SIZES = (256 * 1024, 4 * 1024 * 1024)
QUICK_SIZES = (64 * 1024, 1024 * 1024)

Read = Callable[[str], object]


def _lenient(read: Reader) -> Read:
    def run(text: str) -> object:
        return read(text, False)  # noqa: FBT003 - the Reader shape

    return run


def _readers() -> dict[str, Read]:
    found: dict[str, Read] = {"page": podnotes.parse, "transcript": transcript.parse}
    for name in format_names():
        read = get_format(name).read
        if read is not None:
            found[name] = _lenient(read)
    return found


def _episode(count: int) -> Episode:
    # Chapters a second apart keep even 4 MB of them under 99 hours, so every size reads
    # the same kind of clock (a reader may take a slower path for three-digit hours).
    return Episode(
        title="Linearity",
        duration=Timestamp((count + 1) * 1000),
        chapters=[Chapter(start=Timestamp(i * 1000), title=f"Part {i}") for i in range(count)],
        transcript=[
            SpeakerTurn(
                speaker=("Ann", "Bo")[i % 2],
                text=f"Turn {i}: we talk about bread, ovens and time.",
                start=Timestamp(i * 2000),
                end=Timestamp(i * 2000 + 1500),
            )
            for i in range(count)
        ],
    )


def _written(name: str, size: int) -> str:
    """About ``size`` characters of format ``name`` as podnotes writes it."""
    write = get_format(name).write
    each = max(1, len(write(_episode(50))) // 50)
    count = max(1, size // each)
    if name == "cue" and count > 99:  # noqa: PLR2004 - CUE's track limit
        return write(_episode(99)) * (count // 99)
    return write(_episode(count))


def _turns(size: int) -> str:
    unit = "".join(
        f"{('Ann', 'Bo')[i % 2]}: Turn {i}, where we talk about bread, ovens and time.\n\n"
        for i in range(100)
    )
    return unit * max(1, size // len(unit))


def normal(name: str, size: int) -> str:
    """The normal input for reader ``name``, about ``size`` characters."""
    if name == "page":
        return _written("markdown", size)
    if name == "transcript":
        return _turns(size)
    return _written(name, size)


_HOSTILE_BLOCKS = (
    "1" * 1000 + "\n",
    "12:" * 400 + "\n",
    ":" * 1000 + "\n",
    "(" * 1000 + "\n",
    "[" * 1000 + "\n",
    "\n" * 1000,
    "Chapters\n" * 100,
    "## Transcript\n" * 100,
    "0:00 Intro\n" * 100,
    "(00:00) - Intro " * 60 + "\n",
    "00:00.000 --> " * 60 + "\n",
    "Ann: " * 200 + "\n",
    "\\" * 500 + "\n",
    '"' * 500 + "\n",
    "&amp;&#" * 100 + "\n",
)


def hostile(size: int) -> str:
    """About ``size`` characters of hostile text, one line of which grows with ``size``."""
    unit = "".join(_HOSTILE_BLOCKS)
    long_line = "(1:" * (size // 48) + "\n"  # a sixteenth of the text, on one line
    body = unit * max(1, (size - len(long_line)) // len(unit))
    middle = len(body) // 2
    return body[:middle] + long_line + body[middle:]


def _median_cpu_seconds(read: Read, text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        gc.collect()
        begin = time.process_time()
        with contextlib.suppress(JSONFormatError):  # it has no lenient mode: refused
            read(text)
        times.append(time.process_time() - begin)
    return statistics.median(times)


def linearity_rows(quick: bool = False) -> list[dict[str, object]]:  # noqa: FBT001, FBT002
    """One row per reader and input: time per MB at the two sizes, the ratio, PASS/FAIL.

    Args:
        quick: Use 64 KB and 1 MB and fewer runs (for a quick report).

    Returns:
        Rows with the keys ``reader``, ``input``, ``s/MB small``, ``s/MB large``,
        ``ratio`` and ``verdict``; the sizes are named in the column headers' values
        ``small`` and ``large``.
    """
    small, large = QUICK_SIZES if quick else SIZES
    runs_small, runs_large = (3, 1) if quick else (5, 3)
    rows: list[dict[str, object]] = []
    for name, read in _readers().items():
        for kind in ("normal", "hostile"):
            per_mb = []
            for size, runs in ((small, runs_small), (large, runs_large)):
                text = normal(name, size) if kind == "normal" else hostile(size)
                megabytes = len(text.encode()) / 1e6
                per_mb.append(_median_cpu_seconds(read, text, runs) / megabytes)
            ratio = per_mb[1] / per_mb[0] if per_mb[0] else float("inf")
            rows.append(
                {
                    "reader": name,
                    "input": kind,
                    f"s/MB at {small // 1024} KB": f"{per_mb[0]:.3f}",
                    f"s/MB at {large // 1024} KB": f"{per_mb[1]:.3f}",
                    "ratio": f"{ratio:.2f}",
                    "verdict": "PASS" if ratio <= TARGET_RATIO else "FAIL",
                }
            )
    return rows


def main(argv: list[str]) -> int:
    """Print the table; exit 1 when a ratio is above the target."""
    rows = linearity_rows(quick="--quick" in argv)
    keys = list(rows[0])
    widths = [max(len(key), *(len(str(row[key])) for row in rows)) for key in keys]
    print("  ".join(key.ljust(width) for key, width in zip(keys, widths, strict=True)))
    for row in rows:
        cells = (str(row[key]).ljust(width) for key, width in zip(keys, widths, strict=True))
        print("  ".join(cells), flush=True)
    failed = [row for row in rows if row["verdict"] != "PASS"]
    print(f"{len(rows) - len(failed)} of {len(rows)} within {TARGET_RATIO}x")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
