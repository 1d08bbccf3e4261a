"""Sphinx configuration for the podnotes documentation.

Build with ``uv run sphinx-build -W -n --keep-going -b html docs docs/_build/html`` and run
the examples with ``uv run sphinx-build -W -n -b doctest docs docs/_build/doctest``.
"""

import doctest
import enum
import importlib
import re
import sys
from importlib.metadata import version as _version
from pathlib import Path

from docutils.nodes import Element  # type: ignore[import-untyped]
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment

# Local extensions (``cli_reference``) live next to this file, not in the package.
_EXTENSIONS = str(Path(__file__).parent / "_ext")
if _EXTENSIONS not in sys.path:
    sys.path.insert(0, _EXTENSIONS)

# -- Project information ---------------------------------------------------------------------

project = "podnotes"
author = "podnotes developers"
copyright = "podnotes developers"
release = _version("podnotes")
version = ".".join(release.split(".")[:2])

# -- General configuration -------------------------------------------------------------------

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
    "myst_parser",
    "cli_reference",
]
# Pages are reStructuredText; the benchmark report is Markdown (read by myst-parser).
source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
# No sphinx.ext.intersphinx: it downloads inventories, and builds must work offline.

# examples/ holds the files the pages' examples read (shown with literalinclude).
exclude_patterns = ["_build", "examples"]
default_role = "py:obj"
nitpicky = True
# Ignore only what cannot resolve offline.  Without intersphinx no standard-library target
# exists (Sphinx itself resolves builtins and ``typing`` names), and type variables such as
# ``T`` in ``Generic[T]`` have no page of their own.  Everything in podnotes must resolve.
_STDLIB = "|".join(sorted(re.escape(name) for name in sys.stdlib_module_names))
nitpick_ignore_regex = [
    (r"py:.+", rf"(?:{_STDLIB})(?:\..+)?"),
    # Hypothesis is an optional dependency with no inventory offline: podnotes.strategies
    # returns its SearchStrategy (spelled ``st.SearchStrategy`` in annotations).
    (r"py:(?:class|obj)", r"(?:hypothesis(?:\.\w+)*|st)\.SearchStrategy"),
    (r"py:(?:class|obj)", r"(?:.+\.)?_?T"),
]

# -- autodoc and napoleon --------------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {
    "members": True,
    "show-inheritance": True,
}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_rtype = False

# -- doctest ---------------------------------------------------------------------------------

# Docstring examples run under pytest --doctest-modules, each in its own module's namespace,
# which is what they are written for; here only the pages' ``.. doctest::`` blocks run (and
# pytest --doctest-glob=*.rst runs every example of the pages too).
doctest_test_doctest_blocks = ""
# EXAMPLES is the directory of the files the examples read; a page that reads them changes
# into it in a hidden ``testsetup`` block (docs/conftest.py does the same under pytest).
_EXAMPLES = Path(__file__).resolve().parent / "examples"
doctest_global_setup = f"import podnotes\nEXAMPLES = {str(_EXAMPLES)!r}"
# Match pytest's doctest_optionflags (NORMALIZE_WHITESPACE, ELLIPSIS) plus Sphinx's defaults.
doctest_default_flags = (
    doctest.ELLIPSIS
    | doctest.IGNORE_EXCEPTION_DETAIL
    | doctest.DONT_ACCEPT_TRUE_FOR_1
    | doctest.NORMALIZE_WHITESPACE
)

# -- HTML output -----------------------------------------------------------------------------

html_theme = "furo"
html_title = f"podnotes {release}"


# -- Local hooks -----------------------------------------------------------------------------


def _document_enum_members(
    _app: Sphinx,
    _what: str,
    _name: str,
    obj: object,
    _skip: bool,  # noqa: FBT001  # the event's signature is Sphinx's, not ours
    _options: object,
) -> bool | None:
    """Always document enum members, even those without a docstring of their own.

    Their meaning is in the enum's docstring, and other docstrings link to them
    (``Severity.ERROR``).
    """
    if isinstance(obj, enum.Enum):
        return False
    return None


def _resolve_reexport(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: Element
) -> Element | None:
    """Resolve a re-exported name to where the object is documented.

    Packages re-export public names (``podnotes.parse``, ``podnotes.formats.detect``) and
    docstrings link to them by that short path, but each object is documented once, in the
    module that defines it (``podnotes.page.parse``, ``podnotes.formats._registry.detect``).
    """
    target: str = node.get("reftarget", "")
    package, _, name = target.rpartition(".")
    if node.get("refdomain") != "py" or not (
        package == "podnotes" or package.startswith("podnotes.")
    ):
        return None
    try:
        module = importlib.import_module(package)
    except ImportError:
        return None
    home = getattr(getattr(module, name, None), "__module__", None)
    if name not in getattr(module, "__all__", ()) or home is None or home == package:
        return None
    found: Element | None = env.get_domain("py").resolve_xref(
        env, node["refdoc"], app.builder, node["reftype"], f"{home}.{name}", node, contnode
    )
    return found


def setup(app: Sphinx) -> None:
    """Connect the local hooks."""
    app.connect("autodoc-skip-member", _document_enum_members)
    app.connect("missing-reference", _resolve_reexport)
