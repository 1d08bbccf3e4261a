from __future__ import annotations

import copy
import datetime as dt
import pickle
from typing import Any

import attrs
import pytest

from podnotes.model import (
    Chapter,
    Episode,
    Highlight,
    Section,
    SpeakerTurn,
    _episode_with_turns,
    _trusted_chapter,
    _trusted_turn,
)
from podnotes.timestamps import Timestamp


def ts(text: str) -> Timestamp:
    return Timestamp.parse(text)


def test_objects_are_frozen_slotted_and_keyword_only() -> None:
    chapter = Chapter(start=ts("0:00"), title="Intro")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        chapter.title = "Other"  # type: ignore[misc]
    for cls in (Chapter, Highlight, SpeakerTurn, Section, Episode):
        assert "__slots__" in cls.__dict__
        assert all(a.kw_only for a in attrs.fields(cls))


def test_equal_values_are_equal_and_hash_alike() -> None:
    a = Chapter(start=ts("1:00"), title="A", end=ts("2:00"), url="https://x.example/a")
    b = Chapter(start=ts("1:00"), title="A", end=ts("2:00"), url="https://x.example/a")
    assert a == b
    assert hash(a) == hash(b)


@pytest.mark.parametrize(
    ("cls", "kwargs", "error", "message"),
    [
        (Chapter, {"start": 0, "title": "A"}, TypeError, "Chapter.start must be Timestamp, found int"),
        (Chapter, {"start": Timestamp(0), "title": " "}, ValueError, "Chapter.title must not be blank, found ' '"),
        (Chapter, {"start": Timestamp(0), "title": b"A"}, TypeError, "Chapter.title must be str, found bytes"),
        (Chapter, {"start": Timestamp(5), "title": "A", "end": Timestamp(5)}, ValueError, "Chapter.end (0:00.005) must be after Chapter.start (0:00.005)"),
        (Chapter, {"start": Timestamp(5), "title": "A", "end": Timestamp(1)}, ValueError, "Chapter.end (0:00.001) must be after Chapter.start (0:00.005)"),
        (Chapter, {"start": Timestamp(0), "title": "A", "url": ""}, ValueError, "Chapter.url must not be blank, found ''"),
        (Chapter, {"start": Timestamp(0), "title": "A", "end": 3.5}, TypeError, "Chapter.end must be Timestamp or None, found float"),
        (Highlight, {"at": None, "text": "A"}, TypeError, "Highlight.at must be Timestamp, found NoneType"),
        (Highlight, {"at": Timestamp(0), "text": "\n"}, ValueError, "Highlight.text must not be blank"),
        (SpeakerTurn, {"speaker": "", "text": "Hi"}, ValueError, "SpeakerTurn.speaker must not be blank"),
        (SpeakerTurn, {"speaker": None, "text": ""}, ValueError, "SpeakerTurn.text must not be blank"),
        (SpeakerTurn, {"speaker": None, "text": "Hi", "start": Timestamp(9), "end": Timestamp(3)}, ValueError, "SpeakerTurn.end (0:00.003) must be after SpeakerTurn.start (0:00.009)"),
        (Section, {"heading": "  ", "text": ""}, ValueError, "Section.heading must not be blank"),
        (Section, {"heading": None, "text": None}, TypeError, "Section.text must be str, found NoneType"),
        (Episode, {"number": -1}, ValueError, "Episode.number must be >= 0, found -1"),
        (Episode, {"number": True}, TypeError, "Episode.number must be int or None, found bool"),
        (Episode, {"season": "3"}, TypeError, "Episode.season must be int or None, found str"),
        (Episode, {"published": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)}, TypeError, "Episode.published must be date or None, found datetime"),
        (Episode, {"duration": 60}, TypeError, "Episode.duration must be Timestamp or None, found int"),
        (Episode, {"description_truncated": 1}, TypeError, "Episode.description_truncated must be bool, found int"),
        (Episode, {"chapters": "abc"}, TypeError, "expected a sequence of items, found str"),
        (Episode, {"chapters": [Highlight(at=Timestamp(0), text="x")]}, TypeError, "Episode.chapters[0] must be Chapter, found Highlight"),
        (Episode, {"highlights": [None]}, TypeError, "Episode.highlights[0] must be Highlight, found NoneType"),
        (Episode, {"transcript": [1]}, TypeError, "Episode.transcript[0] must be SpeakerTurn, found int"),
        (Episode, {"sections": [()]}, TypeError, "Episode.sections[0] must be Section, found tuple"),
    ],
)  # fmt: skip
def test_validators_name_class_and_field(
    cls: type, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as exc:
        cls(**kwargs)
    assert str(exc.value).startswith(message)


def test_chapters_must_strictly_increase() -> None:
    a = Chapter(start=ts("0:00"), title="A")
    b = Chapter(start=ts("5:00"), title="B")
    c = Chapter(start=ts("5:00"), title="C")
    assert Episode(chapters=[a, b]).chapters == (a, b)
    with pytest.raises(ValueError, match=r"found 5:00 at index 2 after 5:00$"):
        Episode(chapters=[a, b, c])
    with pytest.raises(ValueError, match=r"found 0:00 at index 1 after 5:00$"):
        Episode(chapters=(b, a))


def test_collections_become_tuples_from_any_iterable() -> None:
    turns = (SpeakerTurn(speaker=s, text="x") for s in ("A", "B"))
    episode = Episode(transcript=turns)
    assert isinstance(episode.transcript, tuple)
    assert len(episode.transcript) == 2


def test_empty_episode_has_every_default() -> None:
    episode = Episode()
    assert episode.title is None
    assert episode.chapters == ()
    assert episode.highlights == ()
    assert episode.transcript == ()
    assert episode.sections == ()
    assert not episode.description_truncated
    assert not episode.transcript_truncated


def test_speakers_are_distinct_in_order_of_first_appearance() -> None:
    turns = [
        SpeakerTurn(speaker="Lex", text="a"),
        SpeakerTurn(speaker=None, text="b"),
        SpeakerTurn(speaker="Nathan", text="c"),
        SpeakerTurn(speaker="Lex", text="d"),
    ]
    assert Episode(transcript=turns).speakers == ("Lex", "Nathan")


def test_a_full_episode_pickles_and_copies() -> None:
    episode = Episode(
        title="State of AI",
        number=490,
        season=1,
        podcast="Lex Fridman Podcast",
        site="scripod.com",
        url="https://scripod.example/490",
        description="Nathan and Sebastian...",
        description_truncated=True,
        summary="A wide-ranging talk.",
        published=dt.date(2026, 1, 31),
        duration=ts("4:25:10"),
        chapters=[Chapter(start=ts("0:00"), title="Intro", end=ts("1:39"))],
        highlights=[Highlight(at=ts("15:10"), text="A point")],
        transcript=[SpeakerTurn(speaker="Lex", text="Hi", start=ts("0:01"), end=ts("0:05"))],
        transcript_truncated=True,
        sections=[Section(heading="Links", text="https://example.org")],
    )
    assert pickle.loads(pickle.dumps(episode)) == episode  # noqa: S301 - our own data
    assert copy.deepcopy(episode) == episode
    assert attrs.evolve(episode, number=491).number == 491


# --- the readers' trusted constructor ---------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "fields"), [(Timestamp, ("ms",)), (SpeakerTurn, ("speaker", "text", "start", "end"))]
)
def test_trusted_construction_preconditions_hold(cls: type, fields: tuple[str, ...]) -> None:
    # _trusted_turn sets these slots and nothing else: it is only safe while __init__ does
    # nothing more than set them and validate (model.py explains why).
    assert tuple(a.name for a in attrs.fields(cls)) == fields
    assert all(a.converter is None for a in attrs.fields(cls))
    assert not hasattr(cls, "__attrs_post_init__")
    assert not hasattr(cls, "__attrs_pre_init__")
    slots = [slot for klass in cls.__mro__ for slot in getattr(klass, "__slots__", ())]
    assert sorted(slots) == sorted([*fields, "__weakref__"])  # no cached hash, no extras
    assert "__dict__" not in dir(cls)


@pytest.mark.parametrize(
    ("speaker", "text", "start", "end"),
    [("Lex Fridman", "Hello.", 0, 1), (None, "a\nb", 3_723_500, 360_000_000_001)],
)
def test_trusted_turns_are_the_turns_init_makes(
    speaker: str | None, text: str, start: int, end: int
) -> None:
    trusted = _trusted_turn(speaker, text, start, end)
    made = SpeakerTurn(speaker=speaker, text=text, start=Timestamp(start), end=Timestamp(end))
    assert type(trusted) is SpeakerTurn
    assert type(trusted.start) is type(trusted.end) is Timestamp
    assert trusted == made
    assert hash(trusted) == hash(made)
    assert repr(trusted) == repr(made)
    assert attrs.asdict(trusted) == attrs.asdict(made)
    assert trusted.start is not None
    assert made.start is not None
    assert trusted.start < made.end
    assert (trusted.start.ms, str(trusted.start)) == (start, str(made.start))
    restored = pickle.loads(pickle.dumps(trusted))  # noqa: S301 - our own data
    assert restored == made
    assert pickle.dumps(trusted) == pickle.dumps(made)
    assert copy.deepcopy(trusted) == made
    assert attrs.evolve(trusted, text="x") == attrs.evolve(made, text="x")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        trusted.text = "other"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        trusted.start.ms = 5  # type: ignore[misc]


def test_trusted_chapter_preconditions_hold() -> None:
    # _trusted_chapter sets these slots and nothing else (model.py explains why that is safe).
    fields = ("start", "title", "end", "url")
    assert tuple(a.name for a in attrs.fields(Chapter)) == fields
    assert all(a.converter is None for a in attrs.fields(Chapter))
    assert not hasattr(Chapter, "__attrs_post_init__")
    assert not hasattr(Chapter, "__attrs_pre_init__")
    slots = [slot for klass in Chapter.__mro__ for slot in getattr(klass, "__slots__", ())]
    assert sorted(slots) == sorted([*fields, "__weakref__"])


@pytest.mark.parametrize(
    ("start", "title", "end", "url"),
    [(0, "Intro", None, None), (3_723_500, "A b", 3_723_501, "https://x.example/a")],
)
def test_trusted_chapters_are_the_chapters_init_makes(
    start: int, title: str, end: int | None, url: str | None
) -> None:
    stop = None if end is None else Timestamp(end)
    trusted = _trusted_chapter(Timestamp(start), title, stop, url)
    made = Chapter(start=Timestamp(start), title=title, end=stop, url=url)
    assert type(trusted) is Chapter
    assert trusted == made
    assert hash(trusted) == hash(made)
    assert repr(trusted) == repr(made)
    assert pickle.dumps(trusted) == pickle.dumps(made)
    assert copy.deepcopy(trusted) == made
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        trusted.title = "other"  # type: ignore[misc]


def test_an_episode_given_its_turns_after_init_is_the_episode_init_makes() -> None:
    # _episode_with_turns sets the transcript slot after __init__ (model.py explains why).
    assert not hasattr(Episode, "__attrs_post_init__")
    assert "__attrs_cached_hash" not in dir(Episode)
    turns = (SpeakerTurn(speaker="Ann", text="Hi."), _trusted_turn(None, "Yo.", 0, 1_000))
    fields = {"title": "Ep", "number": 3, "transcript_truncated": True}
    trusted = _episode_with_turns(turns, **fields)
    made = Episode(transcript=turns, **fields)  # type: ignore[arg-type]
    assert trusted == made
    assert hash(trusted) == hash(made)
    assert repr(trusted) == repr(made)
    assert pickle.dumps(trusted) == pickle.dumps(made)
    assert trusted.transcript is turns
    with pytest.raises(TypeError, match="number"):
        _episode_with_turns(turns, number="3")
