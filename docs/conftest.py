"""pytest collection rules and set-up for docs/.

pytest runs the ``>>>`` examples in the .rst pages (``--doctest-glob=*.rst``).  The Sphinx
configuration, the local extension, the example files and build output are not test
modules, so skip them.  Pages whose examples read files from ``docs/examples`` run in that
directory, as they do in the Sphinx doctest build (there a hidden ``testsetup`` changes into
it).
"""
# ruff: noqa: INP001  # docs/ is not a package; pytest loads this conftest by path

from __future__ import annotations

from pathlib import Path

import pytest

collect_ignore = ["conf.py", "_ext", "examples"]
collect_ignore_glob = ["_build/*"]

#: The files the pages' examples read, shown on the pages with ``literalinclude``.
EXAMPLES = Path(__file__).resolve().parent / "examples"
#: The pages whose examples open those files by a relative name.
_READ_EXAMPLES = frozenset({"tutorial.rst"})


@pytest.fixture(autouse=True)
def _in_examples(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the examples of the pages in :data:`_READ_EXAMPLES` inside ``docs/examples``."""
    if request.node.path.name in _READ_EXAMPLES:
        monkeypatch.chdir(EXAMPLES)
