"""The documentation builds without a warning, and every example in it runs.

These are the same builds CI runs (``sphinx-build -W -n``), into a temporary directory.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import attrs
import pytest

import podnotes
from podnotes.cli import main
from podnotes.formats import format_names
from podnotes.formats._schemas import SCHEMA_FILES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def _sphinx(builder: str, out: Path) -> tuple[int, str]:
    # -W: warnings are errors; -n: nitpicky, every cross-reference must resolve;
    # -q: print only warnings and errors.  A fresh output directory means a full build.
    # A process of its own: Sphinx's doctest builder patches the doctest module for good
    # (doctest.compile), which would break the doctests pytest runs after it in this one.
    command = [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "-b", builder]
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments, no shell
        [*command, str(DOCS), str(out / builder)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


def test_html_build_has_no_warnings(tmp_path: Path) -> None:
    status, output = _sphinx("html", tmp_path)
    assert status == 0, output
    # The CLI reference is generated from the parser by docs/_ext/cli_reference.py.
    cli_page = (tmp_path / "html" / "cli.html").read_text(encoding="utf-8")
    assert "usage: podnotes [-h] [--version]" in cli_page
    assert "usage: podnotes timestamp [-h]" in cli_page


def test_doctest_build_runs_every_example(tmp_path: Path) -> None:
    status, output = _sphinx("doctest", tmp_path)
    assert status == 0, output
    report = (tmp_path / "doctest" / "output.txt").read_text(encoding="utf-8")
    assert re.search(r"^\s*0 failures in tests\b", report, re.MULTILINE)
    assert re.search(r"^\s*[1-9]\d* tests\b", report, re.MULTILINE), "no example ran"


@pytest.mark.parametrize("name", sorted(set(podnotes.__all__) - {"__version__"}))
def test_api_page_links_every_public_name(name: str) -> None:
    api = (DOCS / "api.rst").read_text(encoding="utf-8")
    assert re.search(rf"[.~`]{re.escape(name)}`", api), f"api.rst does not mention {name}"


# --- the pages' commands ----------------------------------------------------------------------

#: Pages whose ``.. code-block:: console`` commands all run here, in order, in one directory
#: that starts as a copy of docs/examples.  Each ``$ command`` line must print exactly the
#: lines shown under it (none shown: it must print nothing).
COMMAND_PAGES = ("tutorial.rst", "howto/formats.rst", "howto/diagnostics.rst")
#: The programs a page may run.  ``podnotes`` runs in this process; exit status 1
#: ("input podnotes could not understand") is allowed, since pages show it on purpose.
_PROGRAMS = frozenset({"podnotes", "ffmpeg", "ffprobe"})
_TIMEOUT = 120


@attrs.frozen
class Command:
    """One ``$ ...`` line of a console block and the output shown under it."""

    line: int
    argv: tuple[str, ...]
    output: tuple[str, ...]


def console_commands(text: str) -> list[Command]:
    """Every ``$`` command in the page's ``.. code-block:: console`` blocks, in page order."""
    commands: list[Command] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if lines[index].strip() != ".. code-block:: console":
            index += 1
            continue
        indent = len(lines[index]) - len(lines[index].lstrip()) + 3
        index += 1
        block: list[tuple[int, str]] = []
        while index < len(lines) and (not lines[index].strip() or lines[index][:indent].isspace()):
            block.append((index + 1, lines[index][indent:]))
            index += 1
        for number, body in block:
            if body.startswith("$ "):
                commands.append(Command(number, tuple(shlex.split(body[2:])), ()))
            elif commands:
                last = commands[-1]
                commands[-1] = attrs.evolve(last, output=(*last.output, body))
    # A blank line between two commands (or after the last) is no output of theirs.
    return [attrs.evolve(c, output=_without_trailing_blanks(c.output)) for c in commands]


def _without_trailing_blanks(lines: tuple[str, ...]) -> tuple[str, ...]:
    end = len(lines)
    while end and not lines[end - 1].strip():
        end -= 1
    return lines[:end]


def test_console_commands_are_read_with_their_output() -> None:
    page = ".. code-block:: console\n\n   $ podnotes a 'b c'\n   out\n\n   $ ffprobe x\n\nText\n"
    assert console_commands(page) == [
        Command(3, ("podnotes", "a", "b c"), ("out",)),
        Command(6, ("ffprobe", "x"), ()),
    ]


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} must be installed in CI (apt-get install ffmpeg)")
        pytest.skip(f"{name} is not installed")
    return found


def _run(argv: tuple[str, ...], cwd: Path) -> tuple[int, str]:
    """Run one command in ``cwd``; return its exit status and its output (stdout and stderr).

    ``podnotes`` runs in this process, through :func:`podnotes.cli.main`, with both
    streams going to one buffer so they interleave as on a terminal.
    """
    program, *args = argv
    if program == "podnotes":
        output = io.StringIO()
        with contextlib.chdir(cwd), redirect_stdout(output), redirect_stderr(output):
            status = main(args)
        return status, output.getvalue()
    command = (
        [_tool(program), "-nostdin", *args] if program == "ffmpeg" else [_tool(program), *args]
    )
    done = subprocess.run(  # noqa: S603 - the commands the documentation shows, no shell
        command,
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        timeout=_TIMEOUT,
        check=False,
    )
    return done.returncode, done.stdout


@pytest.mark.parametrize("page", COMMAND_PAGES)
def test_page_commands_print_what_the_page_shows(page: str, tmp_path: Path) -> None:
    commands = console_commands((DOCS / page).read_text(encoding="utf-8"))
    assert commands, f"{page} shows no command"
    shutil.copytree(DOCS / "examples", tmp_path, dirs_exist_ok=True)
    if any(c.argv[0] == "ffmpeg" for c in commands):
        # The audio the tutorial adds chapters to.  ffmpeg writes the chapters as given
        # whatever the audio's length, so one second of silence will do.
        silence = ["-f", "lavfi", "-i", "anullsrc=r=8000:cl=mono", "-t", "1", "-b:a", "8k"]
        status, output = _run(("ffmpeg", "-v", "error", "-y", *silence, "episode.mp3"), tmp_path)
        assert status == 0, output
    for command in commands:
        where = f"{page}, line {command.line}: $ {shlex.join(command.argv)}"
        assert command.argv[0] in _PROGRAMS, f"{where}: the docs may run only {sorted(_PROGRAMS)}"
        status, output = _run(command.argv, tmp_path)
        allowed = {0, 1} if command.argv[0] == "podnotes" else {0}
        assert status in allowed, f"{where}: exit status {status}\n{output}"
        assert tuple(output.splitlines()) == command.output, where


# --- pages that must keep up with the code ----------------------------------------------------


@pytest.mark.parametrize("name", format_names())
def test_formats_page_has_a_section_for_every_format(name: str) -> None:
    page = (DOCS / "howto" / "formats.rst").read_text(encoding="utf-8")
    heading = re.search(rf"^``{re.escape(name)}``: .+\n-+$", page, re.MULTILINE)
    assert heading, f"howto/formats.rst has no section ``{name}``: ..."
    assert f"--to {name} " in page or f"--to {name}\n" in page, f"no convert --to {name} example"


@pytest.mark.parametrize("name", sorted(SCHEMA_FILES))
def test_schema_page_shows_what_podnotes_schema_prints(name: str) -> None:
    file = SCHEMA_FILES[name]
    page = (DOCS / "schema.rst").read_text(encoding="utf-8")
    assert f".. literalinclude:: ../src/podnotes/schemas/{file}" in page
    printed = io.StringIO()
    with redirect_stdout(printed):
        assert main(["schema", "--format", name]) == 0
    committed = (DOCS.parent / "src" / "podnotes" / "schemas" / file).read_text(encoding="utf-8")
    assert json.loads(printed.getvalue()) == json.loads(committed)
