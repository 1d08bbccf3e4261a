"""Benchmark: transcript parsing against a bare ``str.splitlines()`` of the same text.

Issue #4's target: parsing a 250 KB page whose transcript has 2,000 turns costs at most 12
times ``text.splitlines()`` of the same text, measured in the same run, at 1x, 10x and 40x
that size.  Two parsers are timed on each layout and size:

- ``podnotes.parse`` on a *page*: a title, a short description, a chapter list, then a
  ``Transcript`` heading and the turns;
- ``podnotes.transcript.parse`` on the transcript alone.

The three layouts are ``name-colon`` (``Lex Fridman: text``, the layout of the seed
page's transcript), ``name-time-line`` (``Lenny (00:01:19):`` then the text) and
``timed-text`` (``00:00:17 text``).  Each time is the median of several runs; each ratio
divides it by the median time of ``splitlines`` on the same text, timed between the
parser's runs.  A run is timed from the call until its result is made (the collector runs
before it, and the result is freed after the clock stops), for both alike.  The machine is
shared, so the load average is printed with the results.

Each layout and size is measured in fresh worker processes (three by default, this script
run again with ``--worker``), and the table gives the median of their ratios with the
lowest and highest.  In one process a row depends on the rows before it: the memory they
left mapped made ``splitlines`` of a 10x text up to a sixth faster than in a fresh
process, while the parse, which needs several times more memory, gained nothing.  Fresh
workers give every row the same start.  ``--one-process`` times every row in this process,
one after another, as the script did before, to compare.

Floors are timed too, to show where the limits lie in CPython.  On the ``name-colon``
transcript: a bare loop over ``splitlines`` with one ``str.find`` per line that builds a
tuple per turn, the same loop building ``SpeakerTurn`` objects without re-validation, and
building them through the validating constructor.  On the ``timed-text`` transcript: what
any reader of a timed layout pays with nothing read (lines split and cleaned, one turn and
one timestamp built per turn as the bulk reader builds them).

Run with ``uv run python benchmarks/bench_transcript.py [--quick] [--workers N]
[--one-process]``; ``--quick`` times the 1x size only.  The exit status is 1 when a 1x
ratio misses the target, and another non-zero status when a parser misreads a text (a
worker's error is printed as it gave it).
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable

import podnotes
from podnotes import transcript
from podnotes._collector import collector_paused
from podnotes._lines import clean_all
from podnotes.model import SpeakerTurn, _trusted_timed_turn, _trusted_timestamps, _trusted_turns
from podnotes.timestamps import Timestamp

TURNS = 2_000
TARGET_BYTES = 250_000
TARGET_RATIO = 12.0
SIZES = (1, 10, 40)
LAYOUTS = ("name-time-line", "name-colon", "timed-text")

_SPEECH = (
    "the model data we really think about training open weights people code that is what "
    "makes it work so you have to scale compute and then there are agents which can use tools "
    "like a search engine or an interpreter to check their answers"
)
_WORDS = _SPEECH.split()
_NAMES = ("Lex Fridman", "Nathan Lambert", "Sebastian Raschka")
_HEAD = (
    "#490 – State of AI in 2026: LLMs, Coding, Scaling Laws, China, Agents, GPUs, AGI",
    "",
    "Nathan Lambert and Sebastian Raschka are machine learning researchers.",
    "",
    "Chapters",
    "0:00 Introduction",
    "1:57 China vs US: Who wins the AI race?",
    "10:38 ChatGPT vs Claude vs Gemini vs Grok",
    "21:38 Best AI for coding",
    "",
    "Transcript",
    "",
)


def _clock(seconds: int) -> str:
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _turn_lines(
    layout: str, index: int, rng: random.Random, words: int, *, step: float = 17
) -> list[str]:
    name, at = _NAMES[index % len(_NAMES)], _clock(int(index * step))
    text = _sentence(rng, words)
    if layout == "name-time-line":  # Lenny (00:01:19): + text
        return [f"{name} ({at}):", text, ""]
    if layout == "name-colon":  # Lex Fridman: text
        return [f"{name}: {text}", ""]
    # timed-text: 00:00:00 text
    return [f"{at} {text}", ""]


def make_transcript(layout: str, turns: int = TURNS, target: int = TARGET_BYTES) -> str:
    """A transcript of ``turns`` turns in ``layout``, about ``target`` characters long."""
    rng = random.Random(490)
    probe = "\n".join(_turn_lines(layout, 1, rng, 10))
    words = max(1, round((target / turns - (len(probe) - 60)) / 6))
    # Turns start 17 s apart, closer in longer texts: a transcript stays under 100 hours,
    # so every clock is HH:MM:SS (times never go backwards; two turns may share a second).
    step = min(17, 360_000 / turns)
    lines: list[str] = []
    for index in range(turns):
        lines.extend(_turn_lines(layout, index, rng, words, step=step))
    return "\n".join(lines)


def make_page(layout: str, turns: int = TURNS, target: int = TARGET_BYTES) -> str:
    """A page: title, description, chapters, then a ``Transcript`` section of ``turns`` turns."""
    return "\n".join((*_HEAD, make_transcript(layout, turns, target)))


def _median_seconds(action: Callable[[], object], repeats: int) -> float:
    """Median seconds of ``action``: the time to make its result, not to free it.

    The collector runs before each call (earlier calls' garbage is not charged to this
    one) and the result is kept until the clock has stopped, for the parsers and for
    ``splitlines`` alike.
    """
    times = []
    for _ in range(repeats):
        gc.collect()
        began = time.perf_counter()
        result = action()
        times.append(time.perf_counter() - began)
        del result
    return statistics.median(times)


def _ratio(action: Callable[[], object], text: str, repeats: int) -> tuple[float, float]:
    """Median seconds of ``action`` and of ``text.splitlines``, interleaved run by run."""
    parse, split = [], []
    for _ in range(repeats):
        parse.append(_median_seconds(action, 1))
        split.append(_median_seconds(text.splitlines, 5))
    return statistics.median(parse), statistics.median(split)


def floor_tuples(text: str) -> list[tuple[str, str]]:
    """The floor: one ``str.find`` per line and a tuple per ``Name: text`` turn."""
    turns = []
    for line in text.splitlines():
        colon = line.find(":", 1, 46)
        if colon > 0:
            turns.append((line[:colon], line[colon + 1 :].strip()))
    return turns


def floor_objects(text: str) -> list[SpeakerTurn]:
    """The same loop, building a validated ``SpeakerTurn`` per turn."""
    turns = []
    for line in text.splitlines():
        colon = line.find(":", 1, 46)
        if colon > 0:
            turns.append(SpeakerTurn(speaker=line[:colon], text=line[colon + 1 :].strip()))
    return turns


def floor_trusted(text: str) -> list[SpeakerTurn]:
    """The same loop, building each ``SpeakerTurn`` without validation, as the reader does."""
    turns = []
    for line in text.splitlines():
        colon = line.find(":", 1, 46)
        if colon > 0:
            turns.append(_trusted_timed_turn(line[:colon], line[colon + 1 :].strip(), None, None))
    return turns


def floor_timed_objects(text: str) -> list[SpeakerTurn]:
    """What any reader of a timed layout pays, with nothing read.

    The lines are split and cleaned, then one turn and one timestamp are built per turn
    the fastest way podnotes knows (as the bulk reader does).
    """
    raws = text.splitlines()
    said = clean_all(raws, text)[::2]  # the turns' lines, taken as they are
    with collector_paused():
        stamps: list[Timestamp | None] = list(_trusted_timestamps(range(0, len(said) * 1000, 1000)))
        return _trusted_turns([None] * len(said), said, stamps, [*stamps[1:], None])


def _check(layout: str, size: int, page: str, text: str) -> None:
    """Both parsers must read every turn, with no diagnostic, before they are timed."""
    parsed = transcript.parse(text)
    episode = podnotes.parse(page)
    wanted = TURNS * size
    if len(parsed.value) != wanted or len(episode.value.transcript) != wanted:
        msg = f"{layout} {size}x: expected {wanted} turns, found {len(parsed.value)}"
        raise AssertionError(msg)
    if parsed.diagnostics or episode.value.transcript != parsed.value:
        msg = f"{layout} {size}x: the page and the transcript disagree, or diagnostics"
        raise AssertionError(msg)


Row = dict[str, str | int | float]


def measure_rows(layout: str, size: int) -> list[Row]:
    """Check both parsers on ``layout`` at ``size``, then time each against ``splitlines``."""
    repeats = max(5, 15 // size)  # at least five runs: a median of three swings
    text = make_transcript(layout, TURNS * size, TARGET_BYTES * size)
    page = make_page(layout, TURNS * size, TARGET_BYTES * size)
    _check(layout, size, page, text)
    rows: list[Row] = []
    for name, action, source in (
        ("podnotes.parse", functools.partial(podnotes.parse, page), page),
        ("transcript.parse", functools.partial(transcript.parse, text), text),
    ):
        parse, split = _ratio(action, source, repeats)
        rows.append({"parser": name, "layout": layout, "size": size,
                     "kb": len(source) / 1000, "turns": TURNS * size,
                     "parse": parse, "split": split, "ratio": parse / split})  # fmt: skip
    return rows


def measure_floors() -> list[Row]:
    """Time each floor against ``splitlines`` on its 1x transcript."""
    floors = (
        ("floor: tuples", floor_tuples, "name-colon"),
        ("floor: trusted", floor_trusted, "name-colon"),
        ("floor: objects", floor_objects, "name-colon"),
        ("floor: timed", floor_timed_objects, "timed-text"),
    )
    rows: list[Row] = []
    for name, floor, layout in floors:
        text = make_transcript(layout)
        parse, split = _ratio(functools.partial(floor, text), text, 9)
        rows.append({"parser": name, "layout": layout, "size": 1, "kb": len(text) / 1000,
                     "turns": TURNS, "parse": parse, "split": split,
                     "ratio": parse / split})  # fmt: skip
    return rows


def _in_workers(what: list[str], workers: int) -> list[Row]:
    """Run ``--worker *what`` in ``workers`` fresh processes; each row's medians over them.

    A row's ratio is the median of the workers' ratios; its times, the medians of theirs;
    ``low`` and ``high`` are the lowest and highest ratio a worker found.
    """
    runs = []
    for _ in range(workers):
        done = subprocess.run(  # noqa: S603 -- this script, run by this interpreter
            [sys.executable, __file__, "--worker", *what],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if done.returncode:  # a parser misread the text, say: show the worker's own error
            sys.stderr.write(done.stderr)
            msg = f"the worker for {' '.join(what)} failed ({done.returncode})"
            raise SystemExit(msg)
        runs.append(json.loads(done.stdout))
    rows = []
    for found in zip(*runs, strict=True):
        ratios = [float(row["ratio"]) for row in found]
        rows.append({**found[0],
                     "parse": statistics.median(float(row["parse"]) for row in found),
                     "split": statistics.median(float(row["split"]) for row in found),
                     "ratio": statistics.median(ratios),
                     "low": min(ratios), "high": max(ratios)})  # fmt: skip
    return rows


def _print_row(row: Row, *, verdict: bool) -> None:
    ratio = float(row["ratio"])
    spread = f"{row['low']:.1f}-{row['high']:.1f}" if "low" in row else "-"
    print(f"{row['parser']:<18} {row['layout']:<15} {row['size']:>4}x {row['kb']:>6.0f} "
          f"{row['turns']:>6} {float(row['parse']) * 1000:>9.2f} "
          f"{float(row['split']) * 1000:>9.3f} {ratio:>6.1f} {spread:>9} "
          + (("PASS" if ratio <= TARGET_RATIO else "FAIL") if verdict else ""))  # fmt: skip


def main(argv: list[str]) -> int:
    """Print the ratio for each parser, layout and size; exit 1 when a 1x ratio misses."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the 1x size only")
    parser.add_argument("--workers", type=int, default=3, help="fresh processes per row")
    parser.add_argument("--one-process", action="store_true",
                        help="time every row in this process, one after another")  # fmt: skip
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.workers < 1:
        parser.error("--workers must be at least 1")
    if options.worker:  # one worker: a layout and a size, or the floors; JSON out
        what = options.worker
        rows = measure_floors() if what == ["floors"] else measure_rows(what[0], int(what[1]))
        print(json.dumps(rows))
        return 0
    sizes = SIZES[:1] if options.quick else SIZES
    alone = options.one_process
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average before: {load} (on {os.cpu_count()} cores)")
    where = f"{options.workers} fresh process(es): their median, lowest and highest"
    print("each row in this process, after the rows above it" if alone else f"each row in {where}")
    print(f"{'parser':<18} {'layout':<15} {'size':>5} {'KB':>6} {'turns':>6} "
          f"{'parse ms':>9} {'split ms':>9} {'ratio':>6} {'workers':>9} verdict")  # fmt: skip
    worst = 0.0
    for size in sizes:
        for layout in LAYOUTS:
            what = [layout, str(size)]
            rows = measure_rows(layout, size) if alone else _in_workers(what, options.workers)
            for row in rows:
                if size == 1:
                    worst = max(worst, float(row["ratio"]))
                _print_row(row, verdict=True)
    for row in measure_floors() if alone else _in_workers(["floors"], options.workers):
        _print_row(row, verdict=False)
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average after: {load}")
    print(f"worst 1x ratio {worst:.1f} (target <= {TARGET_RATIO:g})")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
