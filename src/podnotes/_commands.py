"""What each ``podnotes`` subcommand does; ``cli.py`` only builds the parser and dispatches.

Every function takes the parsed arguments and the two output streams and returns an exit
status (see ``cli.py``), so tests can call them without a process.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from importlib import resources
from pathlib import Path
from typing import TextIO

from podnotes.diagnostics import Diagnostic, Parsed, ParseError, Severity, render_diagnostics
from podnotes.formats import PAGE, Carries, detect, get_format
from podnotes.formats import json as podnotes_json
from podnotes.formats._schemas import load_schema
from podnotes.model import Episode
from podnotes.page import decode, parse
from podnotes.timestamps import Timestamp, TimestampError
from podnotes.validate import validate

__all__ = [
    "EXIT_INPUT",
    "EXIT_OK",
    "EXIT_USAGE",
    "example_page",
    "run_convert",
    "run_parse",
    "run_schema",
    "run_timestamp",
    "run_validate",
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


def _read(path: str, prog: str, err: TextIO) -> str | None:
    """The text of a file (``-`` for stdin), or None after saying on ``err`` why not."""
    if path == "-":
        return sys.stdin.read()
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        print(f"{prog}: cannot read {path}: {exc.strerror}", file=err)
        return None
    try:
        return decode(data)
    except UnicodeDecodeError as exc:
        print(
            f"{prog}: {path} is not UTF-8 text "
            f"(expected UTF-8, found byte 0x{data[exc.start]:02x} at offset {exc.start})",
            file=err,
        )
        return None


def _write(text: str, path: str | None, out: TextIO) -> None:
    """Write to ``path`` atomically (a temporary file renamed over it), or to ``out``."""
    if path is None or path == "-":
        out.write(text if text.endswith("\n") else text + "\n")
        return
    target = Path(path)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text if text.endswith("\n") else text + "\n")
        Path(temporary).replace(target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _report(prog: str, diagnostics: tuple[Diagnostic, ...], *, show: bool, err: TextIO) -> None:
    if show and diagnostics:
        print(render_diagnostics(diagnostics), file=err)
        return
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    if errors:
        print(f"{prog}: {errors} error(s) in the input; --diagnostics shows them", file=err)


def run_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``podnotes parse FILE|-|--example``: print the Episode as podnotes JSON."""
    text = example_page() if args.example else _read(args.file, "podnotes parse", err)
    if text is None:
        return EXIT_INPUT
    try:
        result = parse(text, strict=args.strict)
    except ParseError as exc:
        print(f"podnotes parse: {exc}", file=err)
        return EXIT_INPUT
    _report("podnotes parse", result.diagnostics, show=args.diagnostics, err=err)
    _write(podnotes_json.dumps(result.value, indent=None if args.compact else 2), None, out)
    return EXIT_OK


def _load(text: str, name: str | None, *, strict: bool) -> tuple[str, Parsed[Episode]]:
    """Read a text in the named format, or in the one :func:`detect` finds."""
    chosen = name or detect(text)
    if chosen == PAGE:
        return chosen, parse(text, strict=strict)
    reader = get_format(chosen).read
    if reader is None:
        msg = f"expected a format podnotes can read, found the write-only format {chosen!r}"
        raise ValueError(msg)
    return chosen, reader(text, strict)


def run_convert(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``podnotes convert IN [--from F] --to F [-o OUT]``."""
    text = _read(args.input, "podnotes convert", err)
    if text is None:
        return EXIT_INPUT
    try:
        _, result = _load(text, args.source, strict=args.strict)
        target = get_format(args.to)
        if target.carries is Carries.CHAPTERS and not result.value.chapters:
            print("podnotes convert: expected chapters to write, found none", file=err)
            return EXIT_INPUT
        rendered = target.write(result.value)
    except (ParseError, ValueError) as exc:
        print(f"podnotes convert: {exc}", file=err)
        return EXIT_INPUT
    _report("podnotes convert", result.diagnostics, show=args.diagnostics, err=err)
    _write(rendered, args.output, out)
    return EXIT_OK


def run_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``podnotes validate FILE --profile P``: rules broken, with carets; 1 on any error."""
    text = _read(args.file, "podnotes validate", err)
    if text is None:
        return EXIT_INPUT
    try:
        _, result = _load(text, args.source, strict=False)
    except ValueError as exc:
        print(f"podnotes validate: {exc}", file=err)
        return EXIT_INPUT
    found = (*result.errors, *validate(result.value, args.profile, source=text))
    if found:
        print(render_diagnostics(found), file=out)
    errors = sum(d.severity is Severity.ERROR for d in found)
    print(f"{len(found)} finding(s), {errors} error(s)", file=err)
    return EXIT_INPUT if errors else EXIT_OK


def run_schema(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    """``podnotes schema [--format NAME]``: print a JSON Schema (draft 2020-12)."""
    _write(json.dumps(load_schema(args.format), indent=2, ensure_ascii=False), None, out)
    return EXIT_OK


def run_timestamp(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``podnotes timestamp TIME...``: print each time in one style."""
    status = EXIT_OK
    for text in args.times:
        try:
            stamp = Timestamp.parse(text, frame_rate=args.frame_rate)
        except TimestampError as exc:
            print(f"podnotes timestamp: {exc}", file=err)
            status = EXIT_INPUT
            continue
        print(stamp.format(style=args.style), file=out)
    return status
