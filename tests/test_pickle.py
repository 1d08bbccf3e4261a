"""Everything a pipeline sends between processes survives pickle, copy and deepcopy.

Values must come back equal; errors, which do not compare equal, must come back with the
same type, the same ``str()`` and the same data (diagnostics, messages, notes).
"""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from collections.abc import Callable

import pytest

import podnotes
from podnotes import (
    Chapter,
    Diagnostic,
    Episode,
    Highlight,
    Parsed,
    ParseError,
    Section,
    Severity,
    SpeakerTurn,
    Timestamp,
    TimestampError,
    transcript,
)
from podnotes._lines import split
from podnotes.formats import json as json_format
from podnotes.formats import srt, webvtt
from podnotes.options import ParseOptions
from podnotes.sections import SectionKind

Trip = Callable[[object], object]


def _pickled(value: object) -> object:
    return pickle.loads(pickle.dumps(value))  # noqa: S301 - our own data


TRIPS: list[Trip] = [_pickled, copy.copy, copy.deepcopy]
TRIP_IDS = ["pickle", "copy", "deepcopy"]

DIAGNOSTIC = Diagnostic(
    code="chapters.out-of-order",
    message="expected a chapter start after 9:00, found 5:00",
    line=4,
    column=1,
    width=4,
    source="5:00 Oops",
    severity=Severity.WARNING,
)

EPISODE = Episode(
    title="Making bread",
    number=12,
    season=2,
    podcast="Crumbs",
    site="example.fm",
    url="https://example.fm/12",
    description="All about bread.",
    description_truncated=True,
    summary="What we cover.",
    published=dt.date(2024, 5, 1),
    duration=Timestamp(600_000),
    chapters=[
        Chapter(start=Timestamp(0), title="Intro", end=Timestamp(65_500)),
        Chapter(start=Timestamp(65_500), title="Flour", url="https://example.fm/flour"),
    ],
    highlights=[Highlight(at=Timestamp(1_000), text="Salt")],
    transcript=[
        SpeakerTurn(speaker="Host", text="Welcome.", start=Timestamp(0), end=Timestamp(2_000)),
        SpeakerTurn(speaker=None, text="Music plays."),
    ],
    transcript_truncated=True,
    sections=[Section(heading="Links", text="a\nb"), Section(heading=None, text="")],
)

VALUES: list[object] = [
    Timestamp(3_723_500),
    EPISODE.chapters[0],
    EPISODE.highlights[0],
    EPISODE.transcript[0],
    EPISODE.sections[0],
    EPISODE,
    Episode(),
    DIAGNOSTIC,
    Severity.INFO,
    Parsed(EPISODE, [DIAGNOSTIC]),
    Parsed(()),
    podnotes.parse("Chapters\n0:00 Intro\n9:00 Middle\n5:00 Oops\n"),
    transcript.parse("Ann: Hi.\nAnn: Again.\nBob: Hello..."),
    transcript.read_transcript(split("Lenny: Hi.\nLenny Rachitsky: Welcome.\nLenny: Bye.")),
    ParseOptions(
        section_aliases={"Big ideas": SectionKind.HIGHLIGHTS},
        not_speakers={"Moral"},
        speakers={"dj k"},
        list_minimum=3,
    ),
]


@pytest.mark.parametrize("trip", TRIPS, ids=TRIP_IDS)
@pytest.mark.parametrize("value", VALUES, ids=lambda v: type(v).__name__)
def test_values_round_trip_equal(value: object, trip: Trip) -> None:
    back = trip(value)
    assert type(back) is type(value)
    assert back == value


def test_a_read_transcript_keeps_its_aliases_read_only() -> None:
    found = transcript.read_transcript(split("Lenny: Hi.\nLenny Rachitsky: Welcome."))
    back = _pickled(found)
    assert isinstance(back, transcript.TranscriptResult)
    assert dict(back.aliases) == {"Lenny": "Lenny Rachitsky"}
    with pytest.raises(TypeError):
        back.aliases["x"] = "y"  # type: ignore[index]


def _raised(action: Callable[[], object]) -> Exception:
    try:
        action()
    except Exception as error:  # noqa: BLE001 - the test inspects whatever was raised
        return error
    pytest.fail("expected an error")  # pragma: no cover - reached only when a test fails


def _errors() -> list[Exception]:
    bad_page = "Chapters\n0:00 Intro\n9:00 Middle\n5:00 Oops\n"
    noted = ParseError([DIAGNOSTIC])
    noted.add_note("while reading bread.txt")
    return [
        _raised(lambda: podnotes.parse(bad_page, strict=True)),
        ParseError([DIAGNOSTIC, DIAGNOSTIC]),
        ParseError([]),
        noted,
        _raised(lambda: Timestamp.parse("1:2x")),
        TimestampError("expected a time, found nothing"),
        _raised(lambda: json_format.loads('{"schema": "podnotes/1", "chapters": 3}')),
        _raised(lambda: srt.parse("1\n00:00:01,000 --> 00:00:00,500\nHi\n", strict=True)),
        _raised(lambda: webvtt.parse("WEBVTT\n\n00:02.000 --> 00:01.000\nHi\n", strict=True)),
        _raised(lambda: ParseOptions(section_aliases={"x": "nope"})),
    ]


@pytest.mark.parametrize("trip", TRIPS, ids=TRIP_IDS)
@pytest.mark.parametrize("error", _errors(), ids=lambda e: type(e).__name__)
def test_errors_round_trip(error: Exception, trip: Trip) -> None:
    back = trip(error)
    assert type(back) is type(error)
    assert isinstance(back, Exception)
    assert str(back) == str(error)
    assert back.args == error.args
    assert getattr(back, "__notes__", None) == getattr(error, "__notes__", None)
    for name in ("diagnostics", "errors"):
        assert getattr(back, name, None) == getattr(error, name, None)


def test_strict_errors_carry_their_diagnostics() -> None:
    error = _raised(lambda: podnotes.parse("Chapters\n0:00 A\n9:00 B\n5:00 C\n", strict=True))
    assert isinstance(error, ParseError)
    back = _pickled(error)
    assert isinstance(back, ParseError)
    assert back.diagnostics == error.diagnostics
    assert [d.code for d in back.diagnostics] == ["chapters.out-of-order"]
