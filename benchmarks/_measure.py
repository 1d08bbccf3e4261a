"""Measuring one job at one size: check every side against the truth, then time and weigh.

The sides take turns, one call each per repeat, so that load from other processes hits
them alike; the median is kept.  The garbage collector runs before each timed call and
stays on during it.  Peak memory is the ``tracemalloc`` peak of one more call.
``str.splitlines`` on the same text is timed too when the job's input is one text.
"""

from __future__ import annotations

import gc
import statistics
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Final

from _jobs import Job
from _peers import Side

__all__ = ["FLOOR", "DisagreementError", "Measured", "Timing", "measure"]

#: The name of the floor in the tables and the chart.
FLOOR: Final = "str.splitlines"


@dataclass(frozen=True)
class Timing:
    """One side of one job at one size.

    Attributes:
        side: Who ran (a side name, or ``str.splitlines``).
        seconds: Median time of one call, or ``None`` when not timed.
        peak: ``tracemalloc`` peak of one call in bytes, or ``None``.
        note: Why it was not timed (it disagreed with the truth), else empty.
    """

    side: str
    seconds: float | None
    peak: int | None
    note: str = ""


@dataclass(frozen=True)
class Measured:
    """All sides of one job at one size.

    Attributes:
        job: The job.
        size: The size, in the job's unit.
        input_bytes: The size of the input in UTF-8 bytes (0 when it is not text).
        podnotes: The podnotes timing.
        peers: The peers' timings, in the job's order.
        floor: The ``str.splitlines`` timing, if the job has one.
    """

    job: Job
    size: int
    input_bytes: int
    podnotes: Timing
    peers: tuple[Timing, ...]
    floor: Timing | None


class DisagreementError(Exception):
    """podnotes' answer differs from the generated input's truth."""


def _difference(got: Any, truth: Any) -> str:  # noqa: ANN401 - canonical forms vary by job
    if isinstance(got, list) and isinstance(truth, list):
        for index, (left, right) in enumerate(zip(got, truth, strict=False)):
            if left != right:
                return f"item {index}: expected {right!r}, found {left!r}"
        return f"expected {len(truth)} items, found {len(got)}"
    return f"expected {str(truth)[:80]!r}, found {str(got)[:80]!r}"


def _peak(action: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        action()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _time_all(actions: Sequence[Callable[[], object]], repeats: int) -> list[float]:
    """Median time of each action; the actions take turns within each repeat."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(repeats):
        for index, action in enumerate(actions):
            gc.collect()
            began = time.perf_counter()
            result = action()
            times[index].append(time.perf_counter() - began)
            del result  # freed after the clock stops: the time to make it, not to free it
    return [statistics.median(each) for each in times]


def _bound(side: Side, shared: object) -> Callable[[], object]:
    argument = side.prepare(shared)
    return lambda: side.run(argument)


def measure(job: Job, size: int, repeats: int) -> Measured:
    """Check every side against the truth at ``size``, then time and weigh those that agree.

    Args:
        job: The job.
        size: The size to build.
        repeats: How many timed calls per side (the median is kept).

    Returns:
        The measurements.

    Raises:
        DisagreementError: podnotes' answer is not the truth.
    """
    shared, truth = job.make(size)
    sides = [job.podnotes, *job.peers]
    agreeing: list[tuple[str, Callable[[], object]]] = []
    notes: dict[str, str] = {}
    for side in sides:
        call = _bound(side, shared)
        try:
            got = side.canonical(call())
        except Exception as problem:
            if side is job.podnotes:
                raise
            notes[side.name] = f"raised {type(problem).__name__}, not timed"
            continue
        if got == truth:
            agreeing.append((side.name, call))
        elif side is job.podnotes:
            msg = f"{job.name} at {size} {job.unit}: podnotes {_difference(got, truth)}"
            raise DisagreementError(msg)
        else:
            found = _difference(got, truth).replace("|", "\\|")  # keep the table's columns
            notes[side.name] = "disagrees, not timed: " + found
    if job.floor:
        agreeing.append((FLOOR, shared.splitlines))
    medians = dict(
        zip((n for n, _ in agreeing), _time_all([a for _, a in agreeing], repeats), strict=True)
    )
    peaks = {name: _peak(action) for name, action in agreeing}

    def timing(name: str) -> Timing:
        return Timing(name, medians.get(name), peaks.get(name), notes.get(name, ""))

    return Measured(
        job=job,
        size=size,
        input_bytes=len(shared.encode()) if isinstance(shared, str) else 0,
        podnotes=timing("podnotes"),
        peers=tuple(timing(side.name) for side in job.peers),
        floor=timing(FLOOR) if job.floor else None,
    )
