"""Pausing CPython's cyclic garbage collector while a parse builds its objects.

A long transcript becomes tens of thousands of turns and timestamps, none of which can form
a reference cycle.  Left running, the collector scans them again and again while they are
made (every 700 new objects, and whole-heap passes as the heap grows): a third of the time
of a 10 MB transcript.  So the parsers that take a whole text pause it (:func:`collector_paused`)
for the whole call, where no code but theirs runs.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collector_paused"]


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, if it runs; then restart it.

    Before restarting it, the young collection the collector would run at the next
    allocation is run here, when it is due (more new objects than its first threshold):
    its cost stays in the call that made the objects, and by then the block's scratch
    lists (every line of the text, several times over) are freed, so only what the call
    keeps is scanned, once.  A collector someone else turned off is left off, and nothing
    is collected for them.

    Example:
        >>> import gc
        >>> with collector_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
        if gc.get_count()[0] > gc.get_threshold()[0]:
            gc.collect(0)
    finally:
        gc.enable()
