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

Floors are timed too, to show where the limits lie in CPython.  On the ``name-colon``
transcript: a bare loop over ``splitlines`` with one ``str.find`` per line that builds a
tuple per turn, the same loop building ``SpeakerTurn`` objects without re-validation, and
building them through the validating constructor.  On the ``timed-text`` transcript: what
any reader of a timed layout pays with nothing read (lines split and cleaned, one turn and
one timestamp built per turn as the bulk reader builds them).

Run with ``uv run python benchmarks/bench_transcript.py [--quick]``; ``--quick`` times the
1x size only.  The exit status is 1 when a 1x ratio misses the target.
"""

from __future__ import annotations

import functools
import gc
import os
import random
import statistics
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


def main(argv: list[str]) -> int:
    """Print the ratio for each parser, layout and size; exit 1 when a 1x ratio misses."""
    sizes = SIZES[:1] if "--quick" in argv else SIZES
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average before: {load} (on {os.cpu_count()} cores)")
    print(f"{'parser':<18} {'layout':<15} {'size':>5} {'KB':>6} {'turns':>6} "
          f"{'parse ms':>9} {'split ms':>9} {'ratio':>6} verdict")  # fmt: skip
    worst = 0.0
    for size in sizes:
        repeats = max(5, 15 // size)  # at least five runs: a median of three swings
        for layout in LAYOUTS:
            text = make_transcript(layout, TURNS * size, TARGET_BYTES * size)
            page = make_page(layout, TURNS * size, TARGET_BYTES * size)
            _check(layout, size, page, text)
            for name, action, source in (
                ("podnotes.parse", functools.partial(podnotes.parse, page), page),
                ("transcript.parse", functools.partial(transcript.parse, text), text),
            ):
                parse, split = _ratio(action, source, repeats)
                ratio = parse / split
                if size == 1:
                    worst = max(worst, ratio)
                verdict = "PASS" if ratio <= TARGET_RATIO else "FAIL"
                print(f"{name:<18} {layout:<15} {size:>4}x {len(source) / 1000:>6.0f} "
                      f"{TURNS * size:>6} {parse * 1000:>9.2f} {split * 1000:>9.3f} "
                      f"{ratio:>6.1f} {verdict}")  # fmt: skip
    floors = (
        ("floor: tuples", floor_tuples, "name-colon"),
        ("floor: trusted", floor_trusted, "name-colon"),
        ("floor: objects", floor_objects, "name-colon"),
        ("floor: timed", floor_timed_objects, "timed-text"),
    )
    for name, floor, layout in floors:
        text = make_transcript(layout)
        parse, split = _ratio(functools.partial(floor, text), text, 9)
        print(f"{name:<18} {layout:<15} {1:>4}x {len(text) / 1000:>6.0f} {TURNS:>6} "
              f"{parse * 1000:>9.2f} {split * 1000:>9.3f} {parse / split:>6.1f}")  # fmt: skip
    load = " ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"load average after: {load}")
    print(f"worst 1x ratio {worst:.1f} (target <= {TARGET_RATIO:g})")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
