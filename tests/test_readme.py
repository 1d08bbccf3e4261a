"""The README's examples are run, so the front page never lies."""

from __future__ import annotations

import doctest
import re
import shlex
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
_BLOCK = re.compile(r"^```(python|console)\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def _blocks(kind: str) -> list[str]:
    return [body for lang, body in _BLOCK.findall(README.read_text("utf-8")) if lang == kind]


def test_python_examples_run() -> None:
    blocks = _blocks("python")
    assert blocks
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    namespace: dict[str, object] = {}  # the blocks read as one session, like the page
    for index, body in enumerate(blocks):
        test = parser.get_doctest(body, namespace, f"README block {index}", str(README), 0)
        runner.run(test, clear_globs=False)
        namespace.update(test.globs)  # DocTest copies its globals; carry them on
    assert runner.summarize(verbose=False).failed == 0


def test_console_examples_print_what_they_show() -> None:
    shown = [b for b in _blocks("console") if b.startswith("$ ")]
    assert shown
    for body in shown:
        command, *expected = body.rstrip("\n").split("\n")
        argv = shlex.split(command.removeprefix("$ "))
        assert argv[:3] == ["uv", "run", "podnotes"]
        done = subprocess.run(  # noqa: S603 - the README's own command, run in this env
            [sys.executable, "-m", "podnotes", *argv[3:]],
            capture_output=True,
            text=True,
            check=True,
        )
        assert done.stdout.splitlines() == expected


def test_quickstart_is_two_commands_and_the_second_is_the_test_command() -> None:
    quickstart = next(b for b in _blocks("console") if not b.startswith("$ "))
    assert quickstart.splitlines() == ["uv run podnotes parse --example", "uv run pytest"]
