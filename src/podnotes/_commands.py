"""What ``podnotes convert``, ``validate``, ``schema`` and ``timestamp`` do.

``cli.py`` only builds the parser and dispatches; ``podnotes parse`` lives in
``_parse_command.py`` and what the commands share in ``_cli_io.py``. Every function takes
the parsed arguments and the two output streams and returns an exit status, so tests can
call them without a process.
"""

from __future__ import annotations

import argparse
import json
from typing import TextIO

from podnotes._cli_io import EXIT_INPUT, EXIT_OK, read_input, report_diagnostics, write_output
from podnotes.diagnostics import Parsed, ParseError, Severity, render_diagnostics
from podnotes.formats import PAGE, Carries, detect, get_format
from podnotes.formats._schemas import load_schema
from podnotes.model import Episode
from podnotes.page import parse
from podnotes.timestamps import Timestamp, TimestampError
from podnotes.validate import validate

__all__ = ["run_convert", "run_schema", "run_timestamp", "run_validate"]


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
    text = read_input(args.input, "podnotes convert", err)
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
    report_diagnostics("podnotes convert", result.diagnostics, show=args.diagnostics, err=err)
    write_output(rendered, args.output, out)
    return EXIT_OK


def run_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``podnotes validate FILE --profile P``: rules broken, with carets; 1 on any error."""
    text = read_input(args.file, "podnotes validate", err)
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
    write_output(json.dumps(load_schema(args.format), indent=2, ensure_ascii=False), None, out)
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
