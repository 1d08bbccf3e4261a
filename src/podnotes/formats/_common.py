"""Helpers the format modules share: order checks, results and registry adapters.

Each format keeps its own messages; these helpers only hold what several formats spell
the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from podnotes.diagnostics import Diagnostic, Parsed, ParseError
from podnotes.formats._registry import Reader, Writer
from podnotes.model import Chapter, Episode, SpeakerTurn
from podnotes.timestamps import Timestamp

__all__ = [
    "chapters_reader",
    "chapters_writer",
    "check_after",
    "check_increasing",
    "finish",
    "in_order",
    "transcript_reader",
    "transcript_writer",
]

T = TypeVar("T")


class _Parse(Protocol[T]):  # Parsed is invariant, so T is too
    def __call__(self, text: str, *, strict: bool = ...) -> Parsed[T]: ...


# --- writing --------------------------------------------------------------------------------


def check_after(before: Timestamp, start: Timestamp, index: int) -> None:
    """Raise ValueError unless ``start`` (of the chapter at ``index``) is after ``before``.

    Example:
        >>> check_after(Timestamp(5000), Timestamp(5000), 1)
        Traceback (most recent call last):
        ValueError: expected chapters in strictly increasing order of start, found 0:05 after 0:05 at index 1
    """  # noqa: E501 - a doctest's output is one line
    if start <= before:
        msg = (
            f"expected chapters in strictly increasing order of start, found "
            f"{start} after {before} at index {index}"
        )
        raise ValueError(msg)


def in_order(chapters: Sequence[Chapter]) -> list[Chapter]:
    """The chapters as a list; raise unless they are Chapters in strictly increasing order.

    Example:
        >>> [c.title for c in in_order([Chapter(start=Timestamp(0), title="Intro")])]
        ['Intro']
    """
    checked = list(chapters)
    for index, chapter in enumerate(checked):
        if not isinstance(chapter, Chapter):
            msg = f"expected Chapter items, found {type(chapter).__name__} at {index}"  # type: ignore[unreachable]
            raise TypeError(msg)
        if index:
            check_after(checked[index - 1].start, chapter.start, index)
    return checked


def check_increasing(chapters: Sequence[Chapter], index: int, *, name_before: bool = False) -> None:
    """Raise ValueError when the chapter at ``index`` does not start after the one before.

    ``name_before`` adds the earlier start to the message.

    Example:
        >>> chapters = [Chapter(start=Timestamp(0), title="A"), Chapter(start=Timestamp(0), title="B")]
        >>> check_increasing(chapters, 1)
        Traceback (most recent call last):
        ValueError: chapters must start in strictly increasing order, found 0:00 at index 1
    """  # noqa: E501 - a doctest's line
    if index and chapters[index].start <= chapters[index - 1].start:
        before = f" after {chapters[index - 1].start}" if name_before else ""
        msg = (
            "chapters must start in strictly increasing order, "
            f"found {chapters[index].start} at index {index}{before}"
        )
        raise ValueError(msg)


# --- reading --------------------------------------------------------------------------------


def finish(value: T, diagnostics: Sequence[Diagnostic], *, strict: bool) -> Parsed[T]:
    """The result, diagnostics in the order given; raise when strict and one is an error.

    Example:
        >>> finish(1, [], strict=True)
        Parsed(value=1, diagnostics=())
    """
    result = Parsed(value, diagnostics)
    if strict and not result.ok:
        raise ParseError(result.errors)
    return result


# --- registry -------------------------------------------------------------------------------


def chapters_writer(render: Callable[[Sequence[Chapter]], str]) -> Writer:
    """A registry writer that renders an episode's chapters."""

    def write(episode: Episode) -> str:
        return render(episode.chapters)

    return write


def transcript_writer(render: Callable[[Sequence[SpeakerTurn]], str]) -> Writer:
    """A registry writer that renders an episode's transcript."""

    def write(episode: Episode) -> str:
        return render(episode.transcript)

    return write


def chapters_reader(parse: _Parse[tuple[Chapter, ...]]) -> Reader:
    """A registry reader: the chapters ``parse`` reads, as an episode."""

    def read(text: str, strict: bool) -> Parsed[Episode]:  # noqa: FBT001 - the Reader shape
        parsed = parse(text, strict=strict)
        return Parsed(Episode(chapters=parsed.value), parsed.diagnostics)

    return read


def transcript_reader(parse: _Parse[tuple[SpeakerTurn, ...]]) -> Reader:
    """A registry reader: the turns ``parse`` reads, as an episode's transcript."""

    def read(text: str, strict: bool) -> Parsed[Episode]:  # noqa: FBT001 - the Reader shape
        parsed = parse(text, strict=strict)
        return Parsed(Episode(transcript=parsed.value), parsed.diagnostics)

    return read
