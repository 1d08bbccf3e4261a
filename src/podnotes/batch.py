r"""Parse many pages, in order, in several processes: :func:`parse_many`.

How an item is read depends on its type, never on what it looks like:

* ``os.PathLike`` (a :class:`pathlib.Path`) is a file to read, decode and parse;
* ``bytes`` is a page's undecoded content;
* ``str`` is the page's text itself, never a path (wrap paths in :class:`~pathlib.Path`).

Files and bytes are decoded as :func:`~podnotes.page.parse_file` does (UTF-8, or UTF-16/32 with
a byte order mark), with two additions: bytes that are not UTF-8 are read as Latin-1 when
that gives text, with a warning diagnostic ``input.latin-1``; and empty, binary, undecodable,
unreadable or too large inputs become error results instead of exceptions.

Example:
    >>> from pathlib import Path
    >>> results = parse_many(["Chapters\n0:00 Hi\n1:00 Bye", Path("missing.txt")], jobs=1)
    >>> for result in results:
    ...     print(result.source, result.ok, result.error and result.error.code)
    <text 0> True None
    missing.txt False input.unreadable

.. versionadded:: 0.1.0
"""

from __future__ import annotations

import collections
import itertools
import multiprocessing
import os
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

import attrs

from podnotes._decode import MAX_BYTES, InputError, decode_page, read_limited, too_large
from podnotes.diagnostics import Parsed
from podnotes.model import Episode
from podnotes.options import ParseOptions
from podnotes.page import parse

__all__ = ["CHUNK_SIZE", "BatchResult", "ItemError", "Source", "default_jobs", "parse_many"]

#: What :func:`parse_many` accepts: a page's text, its bytes, or a file's path.
Source = str | bytes | os.PathLike[str]

#: Items sent to a worker at a time.  At most four chunks per worker are in flight, which
#: bounds the input and output held in memory, whatever the number of items.
CHUNK_SIZE = 16
_WINDOW_PER_JOB = 4


@attrs.frozen(kw_only=True)
class ItemError:
    """Why one input gave no episode.

    Attributes:
        code: Stable: ``input.unreadable``, ``input.too-large``, ``input.binary``,
            ``input.encoding``, ``input.empty``, or ``parse.strict`` (strict parsing
            found errors; they are in the result's ``parsed.diagnostics``).
        reason: One line, written to follow the input's name.
    """

    code: str
    reason: str


@attrs.frozen(kw_only=True)
class BatchResult:
    """The outcome of one input of :func:`parse_many`.

    Attributes:
        index: The input's position, from 0.
        source: The path as given, or ``<text N>`` / ``<bytes N>`` for in-memory input.
        parsed: The episode and its diagnostics; None when the input could not be read.
        error: Why the input failed, or None.
    """

    index: int
    source: str
    parsed: Parsed[Episode] | None = None
    error: ItemError | None = None

    @property
    def ok(self) -> bool:
        """True when the input gave an episode (lenient diagnostics may still hold errors)."""
        return self.error is None

    def describe_error(self) -> str:
        """The error as one line naming the input, or ``""`` when there is none.

        Example:
            >>> BatchResult(index=0, source="a.txt", error=ItemError(
            ...     code="input.empty", reason="empty: expected a page, found no text"
            ... )).describe_error()
            'a.txt: empty: expected a page, found no text'
        """
        return "" if self.error is None else f"{self.source}: {self.error.reason}"


@attrs.frozen(kw_only=True)
class _Settings:
    """What every worker needs besides the items; small, so it pickles cheaply."""

    strict: bool
    max_bytes: int
    options: ParseOptions | None


def default_jobs() -> int:
    """The number of CPUs this process may use (at least 1).

    Example:
        >>> default_jobs() >= 1
        True
    """
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)  # pragma: no cover - platforms without affinity


def parse_many(  # noqa: PLR0913 - keyword options, each with a default
    items: Iterable[str | bytes | os.PathLike[str]],
    *,
    jobs: int | None = None,
    strict: bool = False,
    fail_fast: bool = False,
    max_bytes: int = MAX_BYTES,
    options: ParseOptions | None = None,
) -> Generator[BatchResult, None, None]:
    """Parse many pages and yield one result per item, in input order.

    A bad item (unreadable, binary, undecodable, empty, too large, or with errors under
    ``strict``) yields a result whose ``error`` says why, and the stream goes on, unless
    ``fail_fast`` is set: then that result is the last one yielded.

    With ``jobs`` above 1 the pages are parsed in that many processes
    (:class:`~concurrent.futures.ProcessPoolExecutor`), :data:`CHUNK_SIZE` items at a
    time, with a bounded number of chunks in flight, so input is consumed lazily and
    memory stays bounded however many items there are.  ``jobs=1`` parses in this
    process, with no pool.  Closing the iterator early stops the workers.

    Workers are started by a fork server (spawned where there is none), never by a plain
    fork, so a program that uses threads (a progress bar, a web server) stays safe; as
    with any :mod:`multiprocessing` code started that way, a script calling this with
    ``jobs`` above 1 must keep its top-level code under ``if __name__ == "__main__":``.

    Args:
        items: Texts (``str``), undecoded pages (``bytes``) or paths (``os.PathLike``).
        jobs: Processes to use; None for :func:`default_jobs`.
        strict: Treat an error diagnostic as a failure of its item (code ``parse.strict``).
        fail_fast: Stop after the first failed item.
        max_bytes: Refuse files (and bytes) larger than this (code ``input.too-large``).
        options: Passed to :func:`~podnotes.page.parse` for every page (it is pickled once per
            chunk of items sent to a worker).

    Yields:
        One :class:`BatchResult` per item, in the order of ``items``.

    Raises:
        ValueError: ``jobs`` or ``max_bytes`` is below 1.
        TypeError: An item is neither ``str``, ``bytes`` nor ``os.PathLike``.
    """
    jobs = default_jobs() if jobs is None else jobs
    if jobs < 1 or max_bytes < 1:
        msg = f"expected jobs >= 1 and max_bytes >= 1, found jobs={jobs}, max_bytes={max_bytes}"
        raise ValueError(msg)
    settings = _Settings(strict=strict, max_bytes=max_bytes, options=options)
    numbered = ((index, _checked(item)) for index, item in enumerate(items))
    results = _in_process(numbered, settings) if jobs == 1 else _in_pool(numbered, settings, jobs)
    try:
        for result in results:
            yield result
            if fail_fast and not result.ok:
                return
    finally:
        results.close()  # stops the workers when the caller or fail_fast ends early


def _checked(item: object) -> Source:
    if isinstance(item, str | bytes | os.PathLike):
        return item
    msg = f"expected a str, bytes or os.PathLike item, found {type(item).__name__}"
    raise TypeError(msg)


def _in_process(
    numbered: Iterable[tuple[int, Source]], settings: _Settings
) -> Generator[BatchResult, None, None]:
    for index, item in numbered:
        yield _parse_one(index, item, settings)


def _in_pool(
    numbered: Iterator[tuple[int, Source]], settings: _Settings, jobs: int
) -> Generator[BatchResult, None, None]:
    chunks = iter(lambda: tuple(itertools.islice(numbered, CHUNK_SIZE)), ())
    window: collections.deque[Future[list[BatchResult]]] = collections.deque()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    try:
        for chunk in itertools.islice(chunks, jobs * _WINDOW_PER_JOB):
            window.append(pool.submit(_parse_chunk, chunk, settings))
        while window:
            done = window.popleft().result()
            for chunk in itertools.islice(chunks, 1):
                window.append(pool.submit(_parse_chunk, chunk, settings))
            yield from done
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    """Forkserver where there is one (no fork of a process with threads), else spawn.

    The fork server imports the main module and podnotes once, so each worker it forks
    starts without importing them again (a tenth of the start-up time).
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():  # pragma: no cover
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", "podnotes.batch"])
    return context


def _parse_chunk(chunk: Sequence[tuple[int, Source]], settings: _Settings) -> list[BatchResult]:
    return [_parse_one(index, item, settings) for index, item in chunk]


def _parse_one(index: int, item: Source, settings: _Settings) -> BatchResult:
    source = _name(index, item)
    try:
        parsed = _parse_source(item, settings)
    except InputError as exc:
        return BatchResult(
            index=index, source=source, error=ItemError(code=exc.code, reason=exc.reason)
        )
    if settings.strict and not parsed.ok:
        count = len(parsed.errors)
        reason = f"{count} problem{'s' if count > 1 else ''} in the input"
        error = ItemError(code="parse.strict", reason=reason)
        return BatchResult(index=index, source=source, parsed=parsed, error=error)
    return BatchResult(index=index, source=source, parsed=parsed)


def _parse_source(item: Source, settings: _Settings) -> Parsed[Episode]:
    if isinstance(item, str):
        return parse(item, options=settings.options)
    if isinstance(item, bytes):
        if len(item) > settings.max_bytes:
            raise too_large(len(item), settings.max_bytes)
        data = item
    else:
        data = read_limited(item, settings.max_bytes)
    decoded = decode_page(data)
    parsed = parse(decoded.text, options=settings.options)
    if not decoded.diagnostics:
        return parsed
    return Parsed(parsed.value, (*decoded.diagnostics, *parsed.diagnostics))


def _name(index: int, item: Source) -> str:
    if isinstance(item, str):
        return f"<text {index}>"
    if isinstance(item, bytes):
        return f"<bytes {index}>"
    return os.fsdecode(item)
