"""The documentation builds without a warning, and every example in it runs.

These are the same builds CI runs (``sphinx-build -W -n``), into a temporary directory.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.cmd.build import build_main

import podnotes

DOCS = Path(__file__).resolve().parents[1] / "docs"

# Sphinx 9's own napoleon reads autodoc options through a mapping interface that Sphinx 9
# deprecates.  sphinx-build hides that pending deprecation; filterwarnings = error does not.
pytestmark = pytest.mark.filterwarnings(
    "ignore:The mapping interface for autodoc options objects is deprecated"
)


def _sphinx(builder: str, out: Path) -> int:
    # -W: warnings are errors; -n: nitpicky, every cross-reference must resolve;
    # -q: print only warnings and errors.  A fresh output directory means a full build.
    return build_main(["-W", "-n", "-q", "-b", builder, str(DOCS), str(out / builder)])


def test_html_build_has_no_warnings(tmp_path: Path) -> None:
    assert _sphinx("html", tmp_path) == 0
    # The CLI reference is generated from the parser by docs/_ext/cli_reference.py.
    cli_page = (tmp_path / "html" / "cli.html").read_text(encoding="utf-8")
    assert "usage: podnotes [-h] [--version]" in cli_page
    assert "usage: podnotes timestamp [-h]" in cli_page


def test_doctest_build_runs_every_example(tmp_path: Path) -> None:
    assert _sphinx("doctest", tmp_path) == 0
    report = (tmp_path / "doctest" / "output.txt").read_text(encoding="utf-8")
    assert re.search(r"^\s*0 failures in tests\b", report, re.MULTILINE)
    assert re.search(r"^\s*[1-9]\d* tests\b", report, re.MULTILINE), "no example ran"


@pytest.mark.parametrize("name", sorted(set(podnotes.__all__) - {"__version__"}))
def test_api_page_links_every_public_name(name: str) -> None:
    api = (DOCS / "api.rst").read_text(encoding="utf-8")
    assert re.search(rf"[.~`]{re.escape(name)}`", api), f"api.rst does not mention {name}"
