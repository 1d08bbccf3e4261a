"""The ``podnotes`` command line.

A thin shell around the library: it reads arguments, calls podnotes, prints, and turns
outcomes into exit statuses (0 success, 1 input podnotes could not understand, 2 usage,
130 interrupted, 141 broken pipe).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from podnotes import __version__
from podnotes._cli_io import EXIT_USAGE, example_page
from podnotes._commands import run_convert, run_schema, run_timestamp, run_validate
from podnotes._decode import MAX_BYTES
from podnotes._parse_command import run_parse
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


_PARSE_EPILOG = (
    "Exit status: 0 every input gave an episode; 1 some input failed: it could not be "
    "read, was not text (binary data, NUL bytes, an encoding that is neither UTF-8, "
    "UTF-16/32 with a byte order mark nor Latin-1), was empty, was larger than --max-bytes, "
    "or had an error under --strict (each failure is one line on stderr naming the input, "
    "and the other inputs are still parsed unless --fail-fast); 2 usage error; 130 "
    "interrupted; 141 the reader of stdout went away (as with | head). Latin-1 input is "
    "read with a warning diagnostic, input.latin-1. A progress bar is drawn on stderr when "
    "it is a terminal and tqdm is installed (pip install podnotes[progress])."
)


def _positive_int(text: str) -> int:
    """An argparse type: a whole number of at least 1."""
    if not text.isdecimal() or int(text) < 1:
        msg = f"expected a whole number of at least 1, found {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(text)


_SIZE_UNITS = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}


def _byte_count(text: str) -> int:
    """An argparse type: bytes, as digits with an optional K, M or G (powers of 1024)."""
    digits, unit = (text[:-1], text[-1].upper()) if text[-1:].isalpha() else (text, "")
    if not digits.isdecimal() or unit not in _SIZE_UNITS or int(digits) < 1:
        msg = f"expected a size such as 1048576, 512K or 64M, found {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return int(digits) * _SIZE_UNITS[unit]


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

    formats = format_names()
    parse_cmd = commands.add_parser(
        "parse",
        help="parse scraped pages into Episodes (JSON, or JSON Lines for many)",
        description=(
            "Parse the text of podcast pages. One FILE (or -, or --example) prints its "
            "Episode as podnotes JSON. Several inputs, or a directory (searched recursively "
            "for --glob), print JSON Lines instead: one record per input, in input order, "
            'holding "source", "episode" (null when the input failed), "diagnostics" and '
            '"error". With -o DIR each input gets its own file under DIR instead.'
        ),
        epilog=_PARSE_EPILOG,
    )
    parse_cmd.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="a page, a directory of pages, or - for stdin",
    )
    parse_cmd.add_argument(
        "--example", action="store_true", help="parse the example page that ships with podnotes"
    )
    parse_cmd.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="the files to read in a directory, at any depth (default: %(default)s)",
    )
    parse_cmd.add_argument(
        "-o",
        "--output",
        default=None,
        metavar="OUT",
        help=(
            "write here instead of stdout, atomically; an existing directory or a path "
            "ending in / gets one file per input, named after it"
        ),
    )
    parse_cmd.add_argument(
        "--format",
        choices=formats,
        default="json",
        metavar="FORMAT",
        help=(
            "the format of each episode (default: %(default)s); any other needs a single "
            "input or -o DIR"
        ),
    )
    parse_cmd.add_argument(
        "--strict", action="store_true", help="an input with any error diagnostic fails"
    )
    parse_cmd.add_argument(
        "--diagnostics",
        action="store_true",
        help="print every diagnostic on stderr, with the line and a caret under the span",
    )
    parse_cmd.add_argument("--compact", action="store_true", help="print the JSON on one line")
    parse_cmd.add_argument(
        "-j",
        "--jobs",
        type=_positive_int,
        default=None,
        metavar="N",
        help="parse in N processes, output still in input order (default: the CPU count)",
    )
    parse_cmd.add_argument(
        "--fail-fast",
        action="store_true",
        help="stop at the first input that fails (default: report it and go on)",
    )
    parse_cmd.add_argument(
        "--max-bytes",
        type=_byte_count,
        default=MAX_BYTES,
        metavar="SIZE",
        help="refuse larger inputs; a number of bytes, or with K, M or G (default: 64M)",
    )
    parse_cmd.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="no progress bar and no summary line (errors are still said)",
    )

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
    if args.command == "parse" and bool(args.files) == args.example:
        print(
            "podnotes parse: error: one of the arguments FILE --example is required"
            if not args.example
            else "podnotes parse: error: argument --example: not allowed with argument FILE",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return _COMMANDS[args.command](args, sys.stdout, sys.stderr)


EXIT_BROKEN_PIPE = 141  # what a shell reports for a command ended by SIGPIPE
EXIT_INTERRUPTED = 130  # what a shell reports for a command ended by Ctrl-C (SIGINT)


def run() -> None:
    """Console-script entry point.

    A reader that goes away early (``podnotes parse page.txt | head``) ends the command
    quietly, with the status a shell gives a command stopped by SIGPIPE; Ctrl-C ends it
    with status 130.
    """
    try:
        status = main()
        sys.stdout.flush()
    except BrokenPipeError:
        # Point stdout at nothing so the interpreter's final flush cannot fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        status = EXIT_BROKEN_PIPE
    except KeyboardInterrupt:
        # Output files are written atomically, so none is left half-written.
        print("podnotes: interrupted", file=sys.stderr)
        status = EXIT_INTERRUPTED
    sys.exit(status)
