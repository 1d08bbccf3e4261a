"""Caller settings for the page and transcript parsers: :class:`ParseOptions`.

Pages from one site often use a heading podnotes does not know (``Key moments`` is known,
``Big ideas`` is not) or put a word before a colon that is no speaker (``Moral:``).  Rather
than forking the parser, a caller passes a :class:`ParseOptions` to
:func:`podnotes.parse`, :func:`podnotes.parse_file`, :func:`podnotes.transcript.parse` or
:func:`podnotes.transcript.iter_turns`.  Without one, the parsers behave exactly as
before, at the same speed.

The options are checked when they are built, so a typo fails at once with a message that
names the field, not halfway through a batch of pages.

.. versionadded:: 0.1
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Final

import attrs

from podnotes.sections import SectionKind, normalise_heading, section_aliases
from podnotes.timed_lists import LIST_MINIMUM

__all__ = ["HEADING_KINDS", "ParseOptions"]

#: The section kinds a heading alias may name (``head`` is a place on the page, not a
#: heading).
HEADING_KINDS: Final = tuple(kind for kind in SectionKind if kind is not SectionKind.HEAD)

_KIND_NAMES: Final = ", ".join(f'"{kind.value}"' for kind in HEADING_KINDS)
_MAX_HEADING: Final = 100  # longer "headings" are paragraphs
_MAX_LABEL: Final = 40  # a label must fit where the transcript reader looks for its colon


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _kind(name: str, value: object) -> SectionKind:
    where = f"ParseOptions.section_aliases[{_quote(name)}]"
    if isinstance(value, SectionKind):
        kind: SectionKind | None = value
    elif isinstance(value, str):
        kind = next((k for k in SectionKind if k.value == value.strip().casefold()), None)
    else:
        msg = f'{where} must be a section kind such as "chapters", found {type(value).__name__}'
        raise TypeError(msg)
    if kind is None or kind is SectionKind.HEAD:
        shown = value.value if isinstance(value, SectionKind) else value
        msg = f"{where} must be one of {_KIND_NAMES}, found {_quote(str(shown))}"
        raise ValueError(msg)
    return kind


def _heading(name: object) -> str:
    if not isinstance(name, str):
        msg = f"ParseOptions.section_aliases keys must be str, found {type(name).__name__}"
        raise TypeError(msg)
    key = normalise_heading(name)
    if not key or len(key) > _MAX_HEADING or "\n" in name:
        msg = (
            "ParseOptions.section_aliases keys must be headings of 1 to "
            f"{_MAX_HEADING} characters on one line, found {_quote(name)}"
        )
        raise ValueError(msg)
    return key


def _to_aliases(
    value: Mapping[str, SectionKind | str] | Iterable[tuple[str, SectionKind | str]],
) -> tuple[tuple[str, SectionKind], ...]:
    """Converter: a mapping (or pairs) of heading -> kind, normalised and sorted."""
    if isinstance(value, str | bytes):  # type: ignore[unreachable] # for untyped callers
        msg = f"ParseOptions.section_aliases must be a mapping, found {type(value).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    pairs = value.items() if isinstance(value, Mapping) else value
    found: dict[str, SectionKind] = {}
    for name, kind in pairs:
        key = _heading(name)
        found[key] = _kind(name, kind)
    return tuple(sorted(found.items()))


def _labels(field: str, value: Iterable[str], *, fold: bool) -> frozenset[str]:
    if isinstance(value, str | bytes):
        msg = f"ParseOptions.{field} must be a collection of labels, found a single str"
        raise TypeError(msg)
    out: set[str] = set()
    for label in value:
        if not isinstance(label, str):
            msg = f"ParseOptions.{field} must hold str labels, found {type(label).__name__}"  # type: ignore[unreachable]
            raise TypeError(msg)
        clean = label.strip()
        if not clean or len(clean) > _MAX_LABEL or ":" in clean or "\n" in clean:
            msg = (
                f"ParseOptions.{field} must hold labels of 1 to {_MAX_LABEL} characters "
                f'without ":" or a line break, found {_quote(label)}'
            )
            raise ValueError(msg)
        out.add(clean.casefold().rstrip(".") if fold else clean)
    return frozenset(out)


def _to_not_speakers(value: Iterable[str]) -> frozenset[str]:
    return _labels("not_speakers", value, fold=True)


def _to_speakers(value: Iterable[str]) -> frozenset[str]:
    return _labels("speakers", value, fold=False)


def _list_minimum(_instance: object, _attribute: attrs.Attribute[int], value: object) -> None:
    if type(value) is not int or value < 1:
        msg = f"ParseOptions.list_minimum must be a whole number >= 1, found {value!r}"
        raise ValueError(msg)


@attrs.frozen(kw_only=True)
class ParseOptions:
    """Extra rules for the parsers, given by the caller; every field is optional.

    Attributes:
        section_aliases: Extra heading names and the section each announces, given as a
            mapping such as ``{"Big ideas": "highlights", "Partners": "other"}``.  A kind
            is a :class:`~podnotes.sections.SectionKind` or its value (``"chapters"``,
            ``"highlights"``, ``"description"``, ``"notes"``, ``"transcript"``,
            ``"other"``).  Names are compared as the built-in ones are: case-insensitive,
            spaces collapsed, a trailing colon ignored.  They take precedence over the
            built-in names.  Stored as sorted ``(name, kind)`` pairs, names normalised.
        not_speakers: Labels that never name a speaker (``{"Moral", "Scripture"}``), on
            top of the built-in list (``Note``, ``Sponsors``, ``Music``...); compared
            case-insensitively.  A line ``Moral: text`` then stays text.
        speakers: Labels always read as speakers, exactly as written, even when their
            shape looks doubtful (``{"dj khaled"}``, ``{"Q"}``); such a label used once
            gets no "doubtful speaker" warning.
        list_minimum: How many timed items make a list where no heading announces one
            (default 2).  Under a ``Chapters``-like heading one item is always enough.

    Raises:
        TypeError: A field has the wrong type.
        ValueError: A heading is blank or too long, a kind is unknown, a label is blank,
            too long, holds a colon, or is both a speaker and a not-speaker, or
            ``list_minimum`` is below 1.

    Example:
        >>> options = ParseOptions(section_aliases={"Big ideas:": "highlights"},
        ...                        not_speakers={"Moral"})
        >>> options.section_aliases
        (('big ideas', <SectionKind.HIGHLIGHTS: 'highlights'>),)
        >>> ParseOptions(section_aliases={"Big ideas": "hilights"})
        Traceback (most recent call last):
        ...
        ValueError: ParseOptions.section_aliases["Big ideas"] must be one of "description", "notes", "chapters", "highlights", "transcript", "other", found "hilights"
    """  # noqa: E501 -- a doctest shows the message whole

    section_aliases: tuple[tuple[str, SectionKind], ...] = attrs.field(
        default=(), converter=_to_aliases
    )
    not_speakers: frozenset[str] = attrs.field(default=frozenset(), converter=_to_not_speakers)
    speakers: frozenset[str] = attrs.field(default=frozenset(), converter=_to_speakers)
    list_minimum: int = attrs.field(default=LIST_MINIMUM, validator=_list_minimum)
    headings: Mapping[str, SectionKind] = attrs.field(init=False, eq=False, hash=False, repr=False)
    """Every heading name the parser knows under these options (built-in ones included)."""

    def __attrs_post_init__(self) -> None:
        """Check the labels against each other and build the heading lookup once."""
        both = sorted(s for s in self.speakers if s.casefold().rstrip(".") in self.not_speakers)
        if both:
            msg = (
                "ParseOptions.speakers and ParseOptions.not_speakers must not share a label, "
                f"found {_quote(both[0])} in both"
            )
            raise ValueError(msg)
        object.__setattr__(self, "headings", section_aliases(dict(self.section_aliases)))

    def label_verdict(self, label: str) -> bool | None:
        """True for a known speaker, False for a refused label, None when the rules are silent.

        Example:
            >>> options = ParseOptions(speakers={"dj k"}, not_speakers={"Moral"})
            >>> options.label_verdict("dj k"), options.label_verdict("MORAL"), options.label_verdict("Ann")
            (True, False, None)
        """  # noqa: E501 -- one doctest line
        if label in self.speakers:
            return True
        if self.not_speakers and label.casefold().rstrip(".") in self.not_speakers:
            return False
        return None
