"""The ``podnotes`` command line.

A thin shell around the library: it reads arguments, calls podnotes, prints, and turns
outcomes into exit statuses (0 success, 1 input podnotes could not understand, 2 usage).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from podnotes import __version__
from podnotes._commands import (
    EXIT_USAGE,
    example_page,
    run_convert,
    run_parse,
    run_schema,
    run_timestamp,
    run_validate,
)
from podnotes.formats import format_names
from podnotes.formats._schemas import SCHEMA_FILES
from podnotes.timestamps import TIME_STYLES
from podnotes.validate import Profile

__all__ = ["build_parser", "example_page", "main", "run"]

_COMMANDS = {
    "parse": run_parse,
    "convert": run_convert,
    "validate": run_validate,
    "schema": run_schema,
    "timestamp": run_timestamp,
}


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser; the CLI reference in the docs is generated from it.

    Returns:
        The parser for ``podnotes`` and its subcommands.

    Example:
        >>> build_parser().prog
        'podnotes'
    """
    parser = argparse.ArgumentParser(
        prog="podnotes",
        description="Turn scraped podcast show-note text into typed, validated data.",
    )
    parser.add_argument("--version", action="version", version=f"podnotes {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    parse_cmd = commands.add_parser(
        "parse",
        help="parse a scraped page into an Episode (JSON on stdout)",
        description=(
            "Parse the text of a podcast page and print the Episode as podnotes JSON. "
            "Exit status: 0 parsed, 1 strict parsing found errors or the file could not "
            "be read, 2 usage error."
        ),
    )
    source = parse_cmd.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="the page to read; - for stdin")
    source.add_argument(
        "--example", action="store_true", help="parse the example page that ships with podnotes"
    )
    parse_cmd.add_argument(
        "--strict", action="store_true", help="fail (exit 1) when any diagnostic is an error"
    )
    parse_cmd.add_argument(
        "--diagnostics",
        action="store_true",
        help="print every diagnostic on stderr, with the line and a caret under the span",
    )
    parse_cmd.add_argument("--compact", action="store_true", help="print the JSON on one line")

    formats = format_names()
    convert_cmd = commands.add_parser(
        "convert",
        help="convert between formats (pages, JSON, chapters, transcripts)",
        description=(
            "Read IN (a scraped page or any readable format, detected unless --from says) "
            "and write it in the format --to names."
        ),
    )
    convert_cmd.add_argument("input", metavar="IN", help="the file to read; - for stdin")
    convert_cmd.add_argument(
        "--from",
        dest="source",
        choices=formats,
        default=None,
        metavar="FORMAT",
        help="the input's format (default: detected; a page when no format matches)",
    )
    convert_cmd.add_argument(
        "--to", required=True, choices=formats, metavar="FORMAT", help="the format to write"
    )
    convert_cmd.add_argument(
        "-o", "--output", default=None, metavar="OUT", help="write here (default: stdout)"
    )
    convert_cmd.add_argument(
        "--strict", action="store_true", help="fail (exit 1) when reading finds any error"
    )
    convert_cmd.add_argument(
        "--diagnostics", action="store_true", help="print every diagnostic on stderr"
    )

    validate_cmd = commands.add_parser(
        "validate",
        help="check a file against a consumer's rules (YouTube, Podcasting 2.0, ...)",
        description=(
            "Read FILE (detected like convert) and report the rules it breaks, each with its "
            "line and a caret. Exit status 1 when any error remains."
        ),
    )
    validate_cmd.add_argument("file", metavar="FILE", help="the file to check; - for stdin")
    validate_cmd.add_argument(
        "--profile",
        choices=[p.value for p in Profile],
        default=Profile.GENERIC.value,
        help="which rules to apply (default: %(default)s)",
    )
    validate_cmd.add_argument(
        "--from",
        dest="source",
        choices=formats,
        default=None,
        metavar="FORMAT",
        help="the file's format (default: detected)",
    )

    schema_cmd = commands.add_parser(
        "schema",
        help="print the JSON Schema of a JSON format",
        description=(
            "Print the JSON Schema (draft 2020-12) that every document podnotes writes in "
            "that format validates against."
        ),
    )
    schema_cmd.add_argument(
        "--format",
        choices=tuple(SCHEMA_FILES),
        default="json",
        help="which format (default: %(default)s, podnotes' own episode JSON)",
    )

    time_cmd = commands.add_parser(
        "timestamp",
        help="normalise time spellings",
        description=(
            "Read each TIME (any spelling podnotes accepts, such as 1:02:03, 62m, PT1H2M3S "
            "or 00;00;13;12) and print it in one style, one per line."
        ),
    )
    time_cmd.add_argument("times", nargs="+", metavar="TIME", help="a time to read")
    time_cmd.add_argument(
        "--style",
        choices=TIME_STYLES,
        default="short",
        help="how to print each time (default: %(default)s)",
    )
    time_cmd.add_argument(
        "--frame-rate",
        type=float,
        default=None,
        metavar="FPS",
        help="frames per second for timecodes with a frame field",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit status.

    Args:
        argv: The arguments after the program name; ``sys.argv[1:]`` when None.

    Returns:
        0 on success, 1 when some input could not be understood, 2 on a usage error.

    Example:
        >>> main(["timestamp", "62m", "--style", "clock"])
        1:02:00
        0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits for --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.command is None:
        parser.print_usage(sys.stderr)
        print("podnotes: error: a command is required", file=sys.stderr)
        return EXIT_USAGE
    return _COMMANDS[args.command](args, sys.stdout, sys.stderr)


EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE


def run() -> None:
    """Console-script entry point.

    A reader that goes away early (``podnotes parse page.txt | head``) ends the command
    quietly, with the status a shell gives a command stopped by SIGPIPE.
    """
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at nothing so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = EXIT_BROKEN_PIPE
    sys.exit(status)
