"""Diagnostics: what a parser could not understand, as data.

Every parser in podnotes returns a :class:`Parsed` value that carries the result together
with a tuple of :class:`Diagnostic` objects.  Strict parsing runs the very same code and
then raises a single :class:`ParseError` that lists every diagnostic.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Generic, TypeVar

import attrs
from attrs.validators import instance_of

__all__ = [
    "Diagnostic",
    "ParseError",
    "Parsed",
    "PodnotesError",
    "Severity",
    "render_diagnostics",
]

T = TypeVar("T")


class PodnotesError(Exception):
    """Base class of every error podnotes raises on purpose."""


class Severity(enum.Enum):
    """How serious a diagnostic is.

    ``ERROR`` means input was not understood (and strict parsing fails); ``WARNING`` means
    podnotes made a choice the caller may want to check; ``INFO`` records a detected layout
    or a similar neutral fact.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        cls = type(instance).__name__
        msg = f"{cls}.{attribute.name} must be a whole number >= 1, found {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One thing a parser wants the caller to know, pinned to a place in the input.

    Attributes:
        code: A stable, dotted identifier such as ``"timestamp.bad-time"``.
        message: What was expected and what was found.
        line: 1-based line number in the original text.
        column: 1-based column, counted in characters of the original line.
        width: How many characters the problem spans (at least 1).
        source: The original line, unmodified.
        severity: See :class:`Severity`.

    Example:
        >>> d = Diagnostic(code="demo.bad-time", message='expected a time, found "1:2x"',
        ...                line=3, column=1, width=4, source="1:2x Intro")
        >>> print(d.render())
        line 3, column 1: expected a time, found "1:2x"
            3 | 1:2x Intro
              | ^^^^
    """

    code: str = attrs.field(validator=instance_of(str))
    message: str = attrs.field(validator=instance_of(str))
    line: int = attrs.field(validator=_positive)
    column: int = attrs.field(validator=_positive)
    width: int = attrs.field(default=1, validator=_positive)
    source: str = attrs.field(default="", validator=instance_of(str))
    severity: Severity = attrs.field(default=Severity.ERROR, validator=instance_of(Severity))

    def render(self) -> str:
        """Return the message, the source line, and a caret line under the span.

        A source line longer than 120 characters is cut to the 120 around the problem, with
        ``…`` marking each cut.

        Returns:
            Three lines of text (only the first when ``source`` is empty).
        """
        head = f"line {self.line}, column {self.column}: {self.message}"
        if not self.source:
            return head
        source, column, width = _excerpt(self.source, self.column, self.width)
        gutter = f"{self.line:>5} | "
        pad = " " * (len(gutter) - 2) + "| "
        # Keep tabs in the padding so the caret lines up under the original text.
        lead = "".join("\t" if ch == "\t" else " " for ch in source[: column - 1])
        return f"{head}\n{gutter}{source}\n{pad}{lead}{'^' * width}"


#: Characters of a long source line shown around the problem, and how many of them come
#: before its first character.  Rendering a whole line per diagnostic would make the message
#: of many errors on one long line (minified JSON, one-line XML) quadratic in size.
_SHOWN = 120
_BEFORE = 30


def _excerpt(source: str, column: int, width: int) -> tuple[str, int, int]:
    """The part of ``source`` to show (with ``…`` where cut), and the column and width in it."""
    if len(source) <= _SHOWN:
        return source, column, width
    start = max(0, min(column - 1 - _BEFORE, len(source) - _SHOWN))
    end = start + _SHOWN
    before = "…" if start else ""
    after = "…" if end < len(source) else ""
    shown = max(min(width, end - (column - 1)), 1)
    return before + source[start:end] + after, column - start + len(before), shown


def render_diagnostics(diagnostics: Iterable[Diagnostic]) -> str:
    """Render several diagnostics, one block each, separated by blank lines.

    Args:
        diagnostics: The diagnostics to render, in the order given.

    Returns:
        The rendered text; empty when there are none.

    Example:
        >>> render_diagnostics([])
        ''
    """
    return "\n\n".join(d.render() for d in diagnostics)


def _to_tuple(value: Iterable[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(value)


def _all_diagnostics(
    instance: object, attribute: attrs.Attribute[tuple[Diagnostic, ...]], value: tuple[object, ...]
) -> None:
    for index, item in enumerate(value):
        if not isinstance(item, Diagnostic):
            cls = type(instance).__name__
            msg = (
                f"{cls}.{attribute.name}[{index}] must be a Diagnostic, found {type(item).__name__}"
            )
            raise TypeError(msg)


@attrs.frozen
class Parsed(Generic[T]):
    """A parser's result: the value it built and what it had to say about the input.

    Example:
        >>> res = Parsed(42)
        >>> res.value, res.diagnostics, res.ok
        (42, (), True)
    """

    value: T
    diagnostics: tuple[Diagnostic, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_all_diagnostics
    )

    @property
    def ok(self) -> bool:
        """True when no diagnostic has severity :attr:`Severity.ERROR`."""
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of severity :attr:`Severity.ERROR`, in order."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)


class ParseError(PodnotesError, ValueError):
    """Strict parsing failed; ``diagnostics`` holds every problem found, in input order.

    Example:
        >>> d = Diagnostic(code="demo", message="expected a title, found nothing",
        ...                line=1, column=1, source="0:00")
        >>> err = ParseError([d])
        >>> print(err)
        1 problem in the input:
        line 1, column 1: expected a title, found nothing
            1 | 0:00
              | ^
    """

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Build the error from the diagnostics it reports.

        Args:
            diagnostics: Every diagnostic of the failed parse.
        """
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        count = len(self.diagnostics)
        noun = "problem" if count == 1 else "problems"
        text = f"{count} {noun} in the input"
        if count:
            text += ":\n" + render_diagnostics(self.diagnostics)
        super().__init__(text)

    def __reduce__(
        self,
    ) -> tuple[type[ParseError], tuple[tuple[Diagnostic, ...]], dict[str, object] | None]:
        """Pickle by the diagnostics, since ``args`` holds only the rendered text.

        Other attributes (notes added with ``add_note``, say) travel as the state.
        """
        state = {k: v for k, v in vars(self).items() if k != "diagnostics"}
        return (type(self), (self.diagnostics,), state or None)
