"""The typed model: :class:`Episode` and the items it holds.

Every class is a frozen, slotted, keyword-only ``attrs`` class.  Collections are tuples and
every time is a :class:`~podnotes.timestamps.Timestamp`.  Validators reject what can never be
right (negative or inverted times, blank text, chapters out of order, wrong types) with a
message that names the class and the field; rules a consumer *may* refuse (YouTube's
minimum chapter length, say) are not the model's business.
"""

from __future__ import annotations

import collections
import datetime as dt
import itertools
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import attrs

from podnotes.timestamps import Timestamp

__all__ = ["Chapter", "Episode", "Highlight", "Section", "SpeakerTurn"]

_T = TypeVar("_T")
_Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def _where(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _type_name(value: object) -> str:
    return type(value).__name__


def _is(kind: type, *, optional: bool = False) -> _Validator:
    """Validator: the value is an instance of ``kind`` (or None when ``optional``)."""
    label = kind.__name__ + (" or None" if optional else "")

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value.__class__ is kind or (value is None and optional):
            return  # the common case, kept cheap: parsers build many objects
        # bool is an int subclass, and datetime a date subclass: neither is meant here.
        wrong_subclass = (kind is int and type(value) is bool) or (
            kind is dt.date and isinstance(value, dt.datetime)
        )
        if wrong_subclass or not isinstance(value, kind):
            msg = f"{_where(instance, attribute)} must be {label}, found {_type_name(value)}"
            raise TypeError(msg)

    return check


def _text(*, optional: bool = False) -> _Validator:
    """Validator: a str that is not blank (or None when ``optional``)."""
    is_str = _is(str, optional=optional)

    def check(instance: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
        if value.__class__ is str and value and not value.isspace():
            return  # the common case, kept cheap
        is_str(instance, attribute, value)
        if value is not None and not value.strip():
            msg = f"{_where(instance, attribute)} must not be blank, found {value!r}"
            raise ValueError(msg)

    return check


_optional_int = _is(int, optional=True)


def _count(instance: object, attribute: attrs.Attribute[Any], value: int | None) -> None:
    """Validator: None or a whole number >= 0."""
    _optional_int(instance, attribute, value)
    if value is not None and value < 0:
        msg = f"{_where(instance, attribute)} must be >= 0, found {value}"
        raise ValueError(msg)


def _items(kind: type) -> _Validator:
    """Validator: every member of a tuple is an instance of ``kind``."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: tuple[object, ...]) -> None:
        if all(map(isinstance, value, itertools.repeat(kind))):  # a C loop: the common case
            return
        for index, item in enumerate(value):
            if not isinstance(item, kind):
                msg = (
                    f"{_where(instance, attribute)}[{index}] must be {kind.__name__}, "
                    f"found {_type_name(item)}"
                )
                raise TypeError(msg)

    return check


def _end_after(start_field: str) -> _Validator:
    """Validator for an optional end time: a Timestamp strictly after ``start_field``.

    One function rather than a list of two, which attrs would wrap in a third call.
    """
    is_time = _is(Timestamp, optional=True)

    def check(instance: object, attribute: attrs.Attribute[Any], end: Timestamp | None) -> None:
        if end is None:
            return
        is_time(instance, attribute, end)
        start = getattr(instance, start_field)
        if start is not None and end <= start:
            cls = type(instance).__name__
            msg = f"{cls}.{attribute.name} ({end}) must be after {cls}.{start_field} ({start})"
            raise ValueError(msg)

    return check


def _as_tuple(value: Iterable[_T]) -> tuple[_T, ...]:
    """Converter: accept any iterable but a str, keep the order, store a tuple."""
    if isinstance(value, str | bytes):
        msg = f"expected a sequence of items, found {_type_name(value)}"
        raise TypeError(msg)
    return tuple(value)


@attrs.frozen(kw_only=True)
class Chapter:
    """A titled part of an episode.

    Attributes:
        start: Where the chapter begins.
        title: The chapter's title, never blank.
        end: Where it ends, when known; strictly after ``start``.  The page parser derives it
            from the next chapter's start (and the last from the episode's duration).
        url: A link the page attached to the chapter, if any.

    Example:
        >>> Chapter(start=Timestamp.parse("1:05"), title="Intro")
        Chapter(start=Timestamp(ms=65000), title='Intro', end=None, url=None)
    """

    start: Timestamp = attrs.field(validator=_is(Timestamp))
    title: str = attrs.field(validator=_text())
    end: Timestamp | None = attrs.field(default=None, validator=_end_after("start"))
    url: str | None = attrs.field(default=None, validator=_text(optional=True))


@attrs.frozen(kw_only=True)
class Highlight:
    """A moment worth jumping to: a time and a line of text about it.

    Example:
        >>> Highlight(at=Timestamp.parse("15:10"), text="Why dehydration matters")
        Highlight(at=Timestamp(ms=910000), text='Why dehydration matters')
    """

    at: Timestamp = attrs.field(validator=_is(Timestamp))
    text: str = attrs.field(validator=_text())


@attrs.frozen(kw_only=True)
class SpeakerTurn:
    """One stretch of a transcript spoken by one speaker.

    Attributes:
        speaker: The label exactly as the page wrote it, or None when the transcript names
            no speakers.
        text: What was said; never blank.  Paragraphs are joined with a newline.
        start: When the turn starts, when the page says.
        end: When it ends, when known; strictly after ``start``.

    Example:
        >>> SpeakerTurn(speaker="Lex Fridman", text="Hello.")
        SpeakerTurn(speaker='Lex Fridman', text='Hello.', start=None, end=None)
    """

    speaker: str | None = attrs.field(validator=_text(optional=True))
    text: str = attrs.field(validator=_text())
    start: Timestamp | None = attrs.field(default=None, validator=_is(Timestamp, optional=True))
    end: Timestamp | None = attrs.field(default=None, validator=_end_after("start"))


@attrs.frozen(kw_only=True)
class Section:
    """A part of the page that podnotes keeps but does not model (links, sponsors, ...).

    Attributes:
        heading: The heading as written (without Markdown marks or a trailing colon), or
            None for a block without one.
        text: The section's lines, joined with newlines, as they stood in the page.

    Example:
        >>> Section(heading="Sponsors", text="Acme - acme.example")
        Section(heading='Sponsors', text='Acme - acme.example')
    """

    heading: str | None = attrs.field(validator=_text(optional=True))
    text: str = attrs.field(validator=_is(str))


# One converter a collection, so that type checkers see what each field's __init__ takes.
def _chapter_tuple(value: Iterable[Chapter]) -> tuple[Chapter, ...]:
    return _as_tuple(value)


def _highlight_tuple(value: Iterable[Highlight]) -> tuple[Highlight, ...]:
    return _as_tuple(value)


def _turn_tuple(value: Iterable[SpeakerTurn]) -> tuple[SpeakerTurn, ...]:
    return _as_tuple(value)


def _section_tuple(value: Iterable[Section]) -> tuple[Section, ...]:
    return _as_tuple(value)


def _increasing(
    instance: Episode, attribute: attrs.Attribute[Any], chapters: tuple[Chapter, ...]
) -> None:
    starts = [chapter.start for chapter in chapters]
    if all(start.__class__ is Timestamp for start in starts):  # the common case, kept cheap
        ms = [start.ms for start in starts]
        if all(before < here for before, here in itertools.pairwise(ms)):
            return
    for index in range(1, len(chapters)):
        before, here = chapters[index - 1].start, chapters[index].start
        if here <= before:
            msg = (
                f"{_where(instance, attribute)} must start in strictly increasing order, "
                f"found {here} at index {index} after {before}"
            )
            raise ValueError(msg)


@attrs.frozen(kw_only=True)
class Episode:
    """Everything podnotes understood about one episode page.

    Every field has a default, so an ``Episode()`` is an empty page.

    Attributes:
        title: The episode title without its number (``"#490 – State of AI"`` gives
            ``"State of AI"``).
        number: The episode number, when the page gives one.
        season: The season number, when the page gives one.
        podcast: The show's name, when the page states it.
        site: The site the page came from, when it says (``"scripod.com"``).
        url: The page's address, when known.
        description: The description text as the page gave it.
        description_truncated: True when the page itself cut the description (``...``).
        summary: A paragraph that heads a list (e.g. before the highlights) and is not an item.
        published: The publication date.
        duration: The episode's length.
        chapters: Chapters in strictly increasing order of start.
        highlights: Highlights in page order.
        transcript: Speaker turns in page order.
        transcript_truncated: True when the page's transcript stops early.
        sections: Raw sections kept as they were (links, sponsors, ...).

    Example:
        >>> ep = Episode(title="State of AI", number=490,
        ...              chapters=[Chapter(start=Timestamp(0), title="Intro")])
        >>> ep.chapters[0].title, ep.speakers
        ('Intro', ())
    """

    title: str | None = attrs.field(default=None, validator=_text(optional=True))
    number: int | None = attrs.field(default=None, validator=_count)
    season: int | None = attrs.field(default=None, validator=_count)
    podcast: str | None = attrs.field(default=None, validator=_text(optional=True))
    site: str | None = attrs.field(default=None, validator=_text(optional=True))
    url: str | None = attrs.field(default=None, validator=_text(optional=True))
    description: str | None = attrs.field(default=None, validator=_is(str, optional=True))
    description_truncated: bool = attrs.field(default=False, validator=_is(bool))
    summary: str | None = attrs.field(default=None, validator=_text(optional=True))
    published: dt.date | None = attrs.field(default=None, validator=_is(dt.date, optional=True))
    duration: Timestamp | None = attrs.field(default=None, validator=_is(Timestamp, optional=True))
    chapters: tuple[Chapter, ...] = attrs.field(
        default=(), converter=_chapter_tuple, validator=[_items(Chapter), _increasing]
    )
    highlights: tuple[Highlight, ...] = attrs.field(
        default=(), converter=_highlight_tuple, validator=_items(Highlight)
    )
    transcript: tuple[SpeakerTurn, ...] = attrs.field(
        default=(), converter=_turn_tuple, validator=_items(SpeakerTurn)
    )
    transcript_truncated: bool = attrs.field(default=False, validator=_is(bool))
    sections: tuple[Section, ...] = attrs.field(
        default=(), converter=_section_tuple, validator=_items(Section)
    )

    @property
    def speakers(self) -> tuple[str, ...]:
        """Distinct speaker labels of the transcript, in order of first appearance."""
        return tuple(dict.fromkeys(t.speaker for t in self.transcript if t.speaker is not None))


# --- trusted construction, for the subtitle readers' hot loops ------------------------------
#
# Why this is safe.  For a frozen, slotted attrs class, the generated ``__init__`` does two
# things: it stores each argument in its slot through ``object.__setattr__`` (the class's
# own ``__setattr__`` refuses), then runs the validators.  Timestamp and SpeakerTurn have no
# converters, no default factories, no ``__attrs_post_init__`` and no cached hash, and their
# only slots are their fields (and ``__weakref__``).  So an instance from ``object.__new__``
# whose every field slot is set through the slot's own descriptor is the very object
# ``__init__`` makes from the same values: equality, hashing, ordering, ``repr``, copying and
# pickling read those slots and nothing else.  ``tests/test_model.py`` checks each of these
# preconditions, so a change to either class that would make this unsafe fails a test.
#
# What is skipped is only the validation, so callers must have proven what the validators
# check; the public constructors keep every validator.
_new = object.__new__
_set_ms = Timestamp.__dict__["ms"].__set__
_set_speaker = SpeakerTurn.__dict__["speaker"].__set__
_set_text = SpeakerTurn.__dict__["text"].__set__
_set_start = SpeakerTurn.__dict__["start"].__set__
_set_end = SpeakerTurn.__dict__["end"].__set__


def _trusted_turn(speaker: str | None, text: str, start_ms: int, end_ms: int) -> SpeakerTurn:
    """``SpeakerTurn(speaker=..., text=..., start=Timestamp(start_ms), end=Timestamp(end_ms))``.

    Validators are not run: the caller guarantees that ``speaker`` is None or a str that is
    not blank, ``text`` a str that is not blank, and ``start_ms`` and ``end_ms`` ints (not
    bools) with ``0 <= start_ms < end_ms``.  For readers that have already checked all that.

    Example:
        >>> turn = _trusted_turn("Ann", "Hi.", 0, 1500)
        >>> turn == SpeakerTurn(speaker="Ann", text="Hi.", start=Timestamp(0), end=Timestamp(1500))
        True
    """
    turn = _new(SpeakerTurn)
    _set_speaker(turn, speaker)
    _set_text(turn, text)
    start = _new(Timestamp)
    _set_ms(start, start_ms)
    _set_start(turn, start)
    end = _new(Timestamp)
    _set_ms(end, end_ms)
    _set_end(turn, end)
    return turn


def _trusted_timestamp(ms: int) -> Timestamp:
    """``Timestamp(ms)`` without its validator: the caller guarantees an int (not a bool) >= 0.

    Example:
        >>> _trusted_timestamp(1500) == Timestamp(1500)
        True
    """
    stamp = _new(Timestamp)
    _set_ms(stamp, ms)
    return stamp


def _trusted_timed_turn(
    speaker: str | None, text: str, start: Timestamp | None, end: Timestamp | None
) -> SpeakerTurn:
    """``SpeakerTurn(speaker=..., text=..., start=start, end=end)`` without its validators.

    The caller guarantees what :func:`_trusted_turn` asks of the speaker and the text, and
    that ``start`` and ``end`` are Timestamps or None, ``end`` after ``start`` when both are.

    Example:
        >>> _trusted_timed_turn("Ann", "Hi.", None, None) == SpeakerTurn(speaker="Ann", text="Hi.")
        True
    """
    turn = _new(SpeakerTurn)
    _set_speaker(turn, speaker)
    _set_text(turn, text)
    _set_start(turn, start)
    _set_end(turn, end)
    return turn


def _trusted_turns(
    speakers: Sequence[str | None],
    texts: Iterable[str],
    starts: Iterable[Timestamp | None],
    ends: Iterable[Timestamp | None],
) -> list[SpeakerTurn]:
    """:func:`_trusted_timed_turn` for many turns at once, the fields taken in step.

    The same objects, built field by field across all turns: each ``map`` runs its loop in
    C, which makes a long transcript's turns in about two thirds of the time.  The caller
    guarantees for every turn what :func:`_trusted_timed_turn` asks; the iterables are
    read in step, as many values as ``speakers`` holds.

    Example:
        >>> made = _trusted_turns(["Ann", None], ["Hi.", "Yo."], [None] * 2, [None] * 2)
        >>> made == [SpeakerTurn(speaker="Ann", text="Hi."), SpeakerTurn(speaker=None, text="Yo.")]
        True
    """
    turns = list(map(_new, itertools.repeat(SpeakerTurn, len(speakers))))
    for setter, values in (
        (_set_speaker, speakers),
        (_set_text, texts),
        (_set_start, starts),
        (_set_end, ends),
    ):
        collections.deque(map(setter, turns, values), maxlen=0)
    return turns


def _trusted_timestamps(values: Sequence[int]) -> list[Timestamp]:
    """:func:`_trusted_timestamp` of each value, built in C loops.

    Example:
        >>> _trusted_timestamps([0, 1500]) == [Timestamp(0), Timestamp(1500)]
        True
    """
    stamps = list(map(_new, itertools.repeat(Timestamp, len(values))))
    collections.deque(map(_set_ms, stamps, values), maxlen=0)
    return stamps


_set_chapter_start = Chapter.__dict__["start"].__set__
_set_chapter_title = Chapter.__dict__["title"].__set__
_set_chapter_end = Chapter.__dict__["end"].__set__
_set_chapter_url = Chapter.__dict__["url"].__set__


def _trusted_chapter(
    start: Timestamp, title: str, end: Timestamp | None, url: str | None
) -> Chapter:
    """``Chapter(start=start, title=title, end=end, url=url)`` without its validators.

    The caller guarantees that ``start`` is a Timestamp, ``title`` a str that is not
    blank, ``end`` None or a Timestamp after ``start``, and ``url`` None or a str that is
    not blank.  For the page parser, which has checked all that.

    Example:
        >>> made = _trusted_chapter(Timestamp(0), "Intro", Timestamp(5000), None)
        >>> made == Chapter(start=Timestamp(0), title="Intro", end=Timestamp(5000))
        True
    """
    chapter = _new(Chapter)
    _set_chapter_start(chapter, start)
    _set_chapter_title(chapter, title)
    _set_chapter_end(chapter, end)
    _set_chapter_url(chapter, url)
    return chapter


_set_episode_transcript = Episode.__dict__["transcript"].__set__


def _episode_with_turns(turns: tuple[SpeakerTurn, ...], **fields: object) -> Episode:
    """``Episode(transcript=turns, **fields)`` without checking the type of each turn.

    Every other field is validated as always.  The transcript's validator only checks that
    each member is a :class:`SpeakerTurn`, one call per turn, and its converter keeps a
    tuple as it is; so for turns a reader made (trusted or not), setting the slot after
    ``__init__`` gives the very object ``__init__`` would.  Episode has no cached hash and no
    ``__attrs_post_init__`` (``tests/test_model.py`` checks both).

    Example:
        >>> turns = (SpeakerTurn(speaker="Ann", text="Hi."),)
        >>> _episode_with_turns(turns, title="Ep") == Episode(title="Ep", transcript=turns)
        True
    """
    episode = Episode(**fields)  # type: ignore[arg-type]  # the validators check them
    _set_episode_transcript(episode, turns)
    return episode
