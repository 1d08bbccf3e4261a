"""``podnotes parse``: one page to an Episode, or many pages to JSON Lines or files."""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol, TextIO

import attrs

from podnotes._cli_io import (
    EXIT_INPUT,
    EXIT_OK,
    EXIT_USAGE,
    atomic_file,
    example_page,
    report_diagnostics,
    write_output,
)
from podnotes.batch import CHUNK_SIZE, BatchResult, Source, default_jobs, parse_many
from podnotes.diagnostics import ParseError, render_diagnostics
from podnotes.formats import Carries, get_format
from podnotes.formats import json as podnotes_json
from podnotes.model import Episode

__all__ = ["run_parse"]


@attrs.frozen
class _Input:
    """One input of ``podnotes parse``: its path (``-`` for stdin) and its output name."""

    path: str
    relative: str  # the path under -o DIR: below the directory given, else the file name


def _expand(paths: Sequence[str], pattern: str, err: TextIO) -> tuple[list[_Input], int]:
    """The inputs named by ``paths`` (directories searched recursively, sorted).

    Returns the inputs and how many directories held no file matching ``pattern`` (each
    said on ``err``).
    """
    inputs: list[_Input] = []
    empty = 0
    for given in paths:
        root = Path(given)
        if given == "-":
            inputs.append(_Input("-", "stdin"))
        elif root.is_dir():
            below = (path.relative_to(root) for path in root.rglob(pattern) if path.is_file())
            found = sorted(name for name in below if not _hidden(name))
            inputs += [_Input(str(root / name), str(name)) for name in found]
            if not found:
                print(f"podnotes parse: {given}: no file matching {pattern!r}", file=err)
                empty += 1
        else:
            inputs.append(_Input(given, root.name))
    return inputs, empty


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _items(inputs: Sequence[_Input], max_bytes: int) -> Iterator[Source]:
    """What :func:`parse_many` reads for each input; stdin is read here, once."""
    for given in inputs:
        if given.path != "-":
            yield Path(given.path)
        elif hasattr(sys.stdin, "buffer"):
            yield sys.stdin.buffer.read(max_bytes + 1)
        else:  # a text stream stood in for stdin (tests, embedding)
            yield sys.stdin.read(max_bytes + 1)


def _render(episode: Episode, name: str, *, compact: bool) -> str:
    """The episode in format ``name``; ValueError when the format cannot hold it."""
    if name == "json":
        return podnotes_json.dumps(episode, indent=None if compact else 2)
    target = get_format(name)
    if target.carries is Carries.CHAPTERS and not episode.chapters:
        msg = f"expected chapters to write as {name}, found none"
        raise ValueError(msg)
    return target.write(episode)


def _json_line(name: str, result: BatchResult) -> str:
    """One JSON Lines record: the source, the episode (or null), diagnostics, error."""
    parsed = result.parsed
    record = {
        "source": name,
        "episode": None if parsed is None or not result.ok else podnotes_json.to_dict(parsed.value),
        "diagnostics": [
            {
                "code": d.code,
                "severity": d.severity.value,
                "message": d.message,
                "line": d.line,
                "column": d.column,
                "width": d.width,
            }
            for d in (() if parsed is None else parsed.diagnostics)
        ],
        "error": None
        if result.error is None
        else {"code": result.error.code, "message": result.error.reason},
    }
    return json.dumps(record, ensure_ascii=False) + "\n"


def _is_directory(output: str | None) -> bool:
    return output is not None and (Path(output).is_dir() or output.endswith(("/", os.sep)))


def run_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``podnotes parse PATH... | --example``: one Episode as JSON, or JSON Lines for many."""
    if args.example:
        return _parse_one(args, _Input("--example", "example"), example_page(), out, err)
    inputs, empty = _expand(args.files, args.glob, err)
    single = len(args.files) == 1 and not Path(args.files[0]).is_dir() and empty == 0
    if single and not _is_directory(args.output):
        item = next(_items(inputs, args.max_bytes))
        return _parse_one(args, inputs[0], item, out, err)
    if not _is_directory(args.output) and args.format != "json":
        print(
            f"podnotes parse: error: --format {args.format} writes one file per input: "
            "give -o DIR (with several inputs, stdout and -o FILE get JSON Lines)",
            file=err,
        )
        return EXIT_USAGE
    failed = _Batch(args, inputs, out, err).run()
    return EXIT_INPUT if failed or empty else EXIT_OK


def _parse_one(
    args: argparse.Namespace, given: _Input, item: Source, out: TextIO, err: TextIO
) -> int:
    """The single-input form: the episode (JSON unless --format) on stdout or in -o FILE."""
    result = next(parse_many([item], jobs=1, strict=args.strict, max_bytes=args.max_bytes))
    if result.parsed is None:  # the input could not be read as text
        print(f"podnotes parse: {given.path}: {result.error and result.error.reason}", file=err)
        return EXIT_INPUT
    if result.error is not None:  # strict parsing found errors
        print(f"podnotes parse: {ParseError(result.parsed.errors)}", file=err)
        return EXIT_INPUT
    report_diagnostics("podnotes parse", result.parsed.diagnostics, show=args.diagnostics, err=err)
    try:
        text = _render(result.parsed.value, args.format, compact=args.compact)
    except ValueError as exc:
        print(f"podnotes parse: {given.path}: {exc}", file=err)
        return EXIT_INPUT
    write_output(text, args.output, out)
    return EXIT_OK


class _Bar(Protocol):
    """The part of a ``tqdm`` progress bar used here."""

    def update(self, n: int = 1) -> object: ...
    def write(self, s: str, file: TextIO | None = None) -> None: ...
    def close(self) -> None: ...


def _progress_bar(total: int, err: TextIO, *, quiet: bool) -> _Bar | None:
    """A progress bar on ``err`` when it is a terminal and tqdm is installed, else None."""
    if quiet or not err.isatty():
        return None
    try:
        tqdm = importlib.import_module("tqdm")  # the optional extra podnotes[progress]
    except ImportError:
        return None
    bar: _Bar = tqdm.tqdm(total=total, file=err, unit="file", leave=False, dynamic_ncols=True)
    return bar


class _Batch:
    """``podnotes parse`` over several inputs: JSON Lines, or one file each under -o DIR."""

    def __init__(
        self, args: argparse.Namespace, inputs: Sequence[_Input], out: TextIO, err: TextIO
    ) -> None:
        self.args = args
        self.inputs = inputs
        self.out = out
        self.err = err
        self.bar = _progress_bar(len(inputs), err, quiet=args.quiet)
        self.written: dict[Path, str] = {}  # output file -> the input it came from
        self.failed = 0
        self.episodes = 0
        self.error_diagnostics = 0

    def run(self) -> int:
        """Parse every input, write the output, say the summary; the number that failed."""
        args = self.args
        jobs = args.jobs or default_jobs()
        jobs = max(1, min(jobs, -(-len(self.inputs) // CHUNK_SIZE)))  # no idle workers
        results = parse_many(
            _items(self.inputs, args.max_bytes),
            jobs=jobs,
            strict=args.strict,
            fail_fast=args.fail_fast,
            max_bytes=args.max_bytes,
        )
        seen = 0
        try:
            with contextlib.closing(results), self._lines() as lines:
                for result in results:
                    seen += 1
                    self._take(result, lines)
        finally:
            if self.bar is not None:
                self.bar.close()
        self._summary(seen)
        return self.failed

    @contextlib.contextmanager
    def _lines(self) -> Iterator[TextIO | None]:
        """Where JSON Lines go: stdout, -o FILE (atomically), or nowhere under -o DIR."""
        output = self.args.output
        if _is_directory(output):
            yield None
        elif output is None or output == "-":
            yield self.out
        else:
            with atomic_file(output) as stream:
                yield stream

    def _take(self, result: BatchResult, lines: TextIO | None) -> None:
        given = self.inputs[result.index]
        parsed = result.parsed
        if parsed is not None:
            self.error_diagnostics += len(parsed.errors)
            if self.args.diagnostics and parsed.diagnostics:
                self._say(f"{given.path}:\n{render_diagnostics(parsed.diagnostics)}")
        if result.error is not None:
            self._fail(f"{given.path}: {result.error.reason}")
        elif lines is None:
            self._write_file(given, result)
        else:
            self.episodes += 1
        if lines is not None:
            lines.write(_json_line(given.path, result))
        if self.bar is not None:
            self.bar.update()

    def _write_file(self, given: _Input, result: BatchResult) -> None:
        """Write one episode under -o DIR, mirroring the input's path below it."""
        assert result.parsed is not None  # noqa: S101 - _take checked it
        name = self.args.format
        suffixes = (".json",) if name == "json" else get_format(name).suffixes
        target = Path(self.args.output) / Path(given.relative).with_suffix(
            suffixes[0] if suffixes else ".txt"
        )
        earlier = self.written.get(target)
        if earlier is not None:
            self._fail(f"{given.path}: {target} is already written for {earlier}")
            return
        try:
            text = _render(result.parsed.value, name, compact=self.args.compact)
            target.parent.mkdir(parents=True, exist_ok=True)
            write_output(text, target, self.out)
        except ValueError as exc:
            self._fail(f"{given.path}: {exc}")
            return
        except OSError as exc:
            self._fail(f"{given.path}: cannot write {target}: {exc.strerror}")
            return
        self.written[target] = given.path
        self.episodes += 1

    def _fail(self, message: str) -> None:
        self.failed += 1
        self._say(f"podnotes parse: {message}")

    def _say(self, message: str) -> None:
        if self.bar is None:
            print(message, file=self.err)
        else:
            self.bar.write(message, file=self.err)

    def _summary(self, seen: int) -> None:
        if self.args.quiet:
            return
        parts = [
            _count(seen, "file"),
            _count(self.episodes, "episode"),
            _count(self.failed, "error"),
        ]
        line = f"podnotes parse: {', '.join(parts)}"
        if seen < len(self.inputs):
            line += f"; stopped after the first error, {len(self.inputs) - seen} not read"
        if self.error_diagnostics and not self.args.diagnostics:
            found = _count(self.error_diagnostics, "error diagnostic")
            line += f"; {found} in the episodes, --diagnostics shows them"
        print(line, file=self.err)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
