"""The ``podnotes`` command line.

A thin shell around the library: it reads arguments, calls podnotes, prints, and turns
outcomes into exit statuses (0 success, 1 input podnotes could not understand, 2 usage).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TextIO

from podnotes import __version__
from podnotes.timestamps import TIME_STYLES, Timestamp, TimestampError

__all__ = ["build_parser", "main"]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2


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


def _run_timestamp(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
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
    return _run_timestamp(args, sys.stdout, sys.stderr)


def run() -> None:
    """Console-script entry point."""
    sys.exit(main())
