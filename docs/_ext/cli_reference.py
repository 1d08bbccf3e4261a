"""Sphinx directive ``podnotes-cli-help``: the CLI's ``--help`` text, from the parser itself.

The reference page can never drift from the code, because it is rendered from
:func:`podnotes.cli.build_parser` at build time.  Usage in reStructuredText::

    .. podnotes-cli-help::

    .. podnotes-cli-help:: timestamp

With no argument the directive shows ``podnotes --help``; with a subcommand's name it shows
``podnotes <subcommand> --help``.
"""
# ruff: noqa: INP001  # a Sphinx extension loaded from docs/_ext, not a package

from __future__ import annotations

import argparse
import functools
import importlib
from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

#: Help is wrapped at this width whatever the terminal's, so every build renders the same.
HELP_WIDTH = 88


def _subcommand(parser: argparse.ArgumentParser, name: str) -> argparse.ArgumentParser:
    """Return the parser of subcommand ``name``.

    argparse offers no public way to reach subparsers, so this reads ``_actions``.
    """
    for action in parser._actions:  # noqa: SLF001  # no public accessor exists
        if isinstance(action, argparse._SubParsersAction) and name in action.choices:  # noqa: SLF001
            sub: argparse.ArgumentParser = action.choices[name]
            return sub
    msg = f"podnotes has no subcommand {name!r}"
    raise ValueError(msg)


def cli_help_text(subcommand: str | None = None) -> str:
    """Return the help of ``podnotes`` or of one subcommand, wrapped at :data:`HELP_WIDTH`.

    Args:
        subcommand: A subcommand's name, or None for the top-level help.

    Returns:
        The help text, without a trailing newline.
    """
    cli = importlib.import_module("podnotes.cli")
    parser: argparse.ArgumentParser = cli.build_parser()
    if subcommand is not None:
        parser = _subcommand(parser, subcommand)
    parser.formatter_class = functools.partial(parser.formatter_class, width=HELP_WIDTH)
    return parser.format_help().rstrip("\n")


class CliHelpDirective(SphinxDirective):
    """Emit the help text of ``podnotes`` (or of the named subcommand) as a literal block."""

    has_content: ClassVar[bool] = False
    required_arguments: ClassVar[int] = 0
    optional_arguments: ClassVar[int] = 1

    def run(self) -> list[nodes.Node]:
        """Build the literal block, and rebuild the page whenever ``podnotes/cli.py`` changes.

        Returns:
            One ``literal_block`` node holding the help text.
        """
        subcommand = self.arguments[0] if self.arguments else None
        try:
            text = cli_help_text(subcommand)
        except ValueError as exc:
            raise self.error(str(exc)) from exc
        module_file = importlib.import_module("podnotes.cli").__file__
        if module_file is not None:
            self.env.note_dependency(module_file)
        block = nodes.literal_block(text, text, language="text")
        self.set_source_info(block)
        return [block]


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the directive.

    Args:
        app: The Sphinx application.

    Returns:
        Extension metadata: safe for parallel reading and writing.
    """
    app.add_directive("podnotes-cli-help", CliHelpDirective)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
