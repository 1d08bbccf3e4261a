"""podnotes: scraped podcast show-note text to typed objects.

The names below are the public API; everything else is reached through its module
(``podnotes.page``, ``podnotes.timestamps``, ``podnotes.model``, ``podnotes.diagnostics``,
``podnotes.cli``).
"""

from importlib.metadata import version as _version

from podnotes.batch import BatchResult, parse_many
from podnotes.diagnostics import Diagnostic, Parsed, ParseError, PodnotesError, Severity
from podnotes.model import Chapter, Episode, Highlight, Section, SpeakerTurn
from podnotes.options import ParseOptions
from podnotes.page import parse, parse_file
from podnotes.render import PageLayout, render_page
from podnotes.timestamps import Timestamp, TimestampError

__version__ = _version("podnotes")

__all__ = [
    "BatchResult",
    "Chapter",
    "Diagnostic",
    "Episode",
    "Highlight",
    "PageLayout",
    "ParseError",
    "ParseOptions",
    "Parsed",
    "PodnotesError",
    "Section",
    "Severity",
    "SpeakerTurn",
    "Timestamp",
    "TimestampError",
    "__version__",
    "parse",
    "parse_file",
    "parse_many",
    "render_page",
]
