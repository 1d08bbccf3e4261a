"""Pausing CPython's cyclic garbage collector while a parse builds its objects.

A long transcript becomes tens of thousands of turns and timestamps, none of which can form
a reference cycle.  Left running, the collector scans them again and again while they are
made (every 700 new objects, and whole-heap passes as the heap grows): a third of the time
of a 10 MB transcript.  So the parsers that take a whole text pause it (:func:`collector_paused`)
for the whole call, where no code but theirs runs.
"""

from __future__ import annotations

import gc

__all__ = ["collector_paused"]


class collector_paused:  # noqa: N801 -- used as a function: ``with collector_paused():``
    """Pause the cyclic garbage collector for the block, if it runs; then restart it.

    Before restarting it, the young collection the collector would run at the next
    allocation is run here, when it is due (more new objects than its first threshold):
    its cost stays in the call that made the objects, and by then the block's scratch
    lists (every line of the text, several times over) are freed, so only what the call
    keeps is scanned, once.  A collector someone else turned off is left off, and nothing
    is collected for them; nor is anything collected when the block raises.

    A class rather than a generator: a short page pays a microsecond for it, not three.

    Example:
        >>> import gc
        >>> with collector_paused():
        ...     gc.isenabled()
        False
        >>> gc.isenabled()
        True
    """

    __slots__ = ("_paused",)

    def __enter__(self) -> None:
        self._paused = gc.isenabled()
        if self._paused:
            gc.disable()

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if not self._paused:
            return
        try:
            if kind is None and gc.get_count()[0] > gc.get_threshold()[0]:
                gc.collect(0)
        finally:
            gc.enable()
