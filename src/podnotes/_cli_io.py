"""What the ``podnotes`` subcommands share: exit statuses, reading inputs, atomic writes."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TextIO

from podnotes._decode import MAX_BYTES, InputError, decode_page, read_limited
from podnotes.diagnostics import Diagnostic, Severity, render_diagnostics

__all__ = [
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "atomic_file",
    "example_page",
    "read_input",
    "report_diagnostics",
    "write_output",
]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


def example_page() -> str:
    """The text of the example page that ships with podnotes (written for podnotes).

    Example:
        >>> example_page().splitlines()[0]
        'shows.example.com'
    """
    return resources.files("podnotes").joinpath("data/example-page.txt").read_text("utf-8")


def read_input(path: str, prog: str, err: TextIO, max_bytes: int = MAX_BYTES) -> str | None:
    """The text of a file (``-`` for stdin), or None after saying on ``err`` why not.

    Bytes are decoded as :func:`podnotes.batch.parse_many` decodes them (a byte order mark,
    UTF-8, or Latin-1 with a warning printed on ``err``); binary, empty, unreadable and
    too-large inputs are refused with one line naming the input.
    """
    try:
        if path != "-":
            data = read_limited(path, max_bytes)
        elif hasattr(sys.stdin, "buffer"):
            data = sys.stdin.buffer.read(max_bytes + 1)
        else:  # a text stream stood in for stdin (tests, embedding)
            return sys.stdin.read()
        decoded = decode_page(data)
    except InputError as exc:
        print(f"{prog}: {path}: {exc.reason}", file=err)
        return None
    for diagnostic in decoded.diagnostics:
        print(f"{prog}: {path}: warning: {diagnostic.message}", file=err)
    return decoded.text


@contextlib.contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[TextIO]:
    """A stream onto a temporary file beside ``path``, renamed over it only on success.

    An interrupted or failed run leaves ``path`` as it was and no temporary file behind.
    """
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            yield stream
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_output(text: str, path: str | os.PathLike[str] | None, out: TextIO) -> None:
    """Write to ``path`` atomically (a temporary file renamed over it), or to ``out``."""
    ended = text if text.endswith("\n") else text + "\n"
    if path is None or path == "-":
        out.write(ended)
        return
    with atomic_file(path) as stream:
        stream.write(ended)


def report_diagnostics(
    prog: str, diagnostics: tuple[Diagnostic, ...], *, show: bool, err: TextIO
) -> None:
    """Print the diagnostics on ``err`` when asked to, else one line counting the errors."""
    if show and diagnostics:
        print(render_diagnostics(diagnostics), file=err)
        return
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    if errors:
        print(f"{prog}: {errors} error(s) in the input; --diagnostics shows them", file=err)
