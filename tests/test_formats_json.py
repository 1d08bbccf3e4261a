from __future__ import annotations

import datetime as dt
import json
import pickle

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes import Chapter, Episode, Highlight, Section, SpeakerTurn, Timestamp
from podnotes.formats import json as pjson

_TEXT = st.text(min_size=1, max_size=30).filter(str.strip)
_TIME = st.integers(0, 100 * 3600 * 1000).map(Timestamp)


@st.composite
def episodes(draw: st.DrawFn) -> Episode:
    starts = sorted(draw(st.sets(st.integers(0, 10**8), max_size=6)))
    chapters = []
    for index, start in enumerate(starts):
        end = None
        if draw(st.booleans()):
            end = Timestamp(start + draw(st.integers(1, 10**6)))
        url = draw(st.none() | st.just(f"https://example.org/{index}"))
        chapters.append(Chapter(start=Timestamp(start), title=draw(_TEXT), end=end, url=url))
    turns = [
        SpeakerTurn(speaker=draw(st.none() | _TEXT), text=draw(_TEXT), start=start)
        for start in draw(st.lists(st.none() | _TIME, max_size=4))
    ]
    return Episode(
        title=draw(st.none() | _TEXT),
        number=draw(st.none() | st.integers(0, 10**6)),
        season=draw(st.none() | st.integers(0, 99)),
        podcast=draw(st.none() | _TEXT),
        site=draw(st.none() | _TEXT),
        url=draw(st.none() | _TEXT),
        description=draw(st.none() | st.text(max_size=50)),
        description_truncated=draw(st.booleans()),
        summary=draw(st.none() | _TEXT),
        published=draw(st.none() | st.dates()),
        duration=draw(st.none() | _TIME),
        chapters=chapters,
        highlights=[Highlight(at=t, text=draw(_TEXT)) for t in draw(st.lists(_TIME, max_size=4))],
        transcript=turns,
        transcript_truncated=draw(st.booleans()),
        sections=[
            Section(heading=draw(st.none() | _TEXT), text=draw(st.text(max_size=20)))
            for _ in range(draw(st.integers(0, 3)))
        ],
    )


@given(episodes())
def test_round_trip_is_exact(episode: Episode) -> None:
    text = pjson.dumps(episode)
    assert pjson.loads(text) == episode
    assert pjson.dumps(pjson.loads(text)) == text


def test_document_shape() -> None:
    episode = Episode(
        title="T",
        published=dt.date(2026, 1, 31),
        chapters=[Chapter(start=Timestamp(0), title="A", end=Timestamp(61_500))],
    )
    data = json.loads(pjson.dumps(episode))
    assert next(iter(data)) == "schema"
    assert data["published"] == "2026-01-31"
    assert data["chapters"] == [{"start": 0, "title": "A", "end": 61.5, "url": None}]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("[1]", "expected an object at the top, found list @ $"),
        ("{", "expected JSON, found an error at line 1, column 2"),
        ('{"title": "x"}', 'expected "schema": "podnotes/1", found null @ $.schema'),
        ('{"schema": "podnotes/2"}', 'expected "schema": "podnotes/1", found "podnotes/2"'),
        ('{"schema": "podnotes/1", "bogus": 1}', "unknown keys: bogus @ $"),
        ('{"schema": "podnotes/1", "number": "3"}', "expected int, found str @ $.number"),
        ('{"schema": "podnotes/1", "number": true}', "expected int, found bool @ $.number"),
        (
            (
                '{"schema": "podnotes/1", "chapters": [{"start": 0, "title": "A"}, '
                '{"start": 1, "title": "B"}, {"start": "2", "title": "C"}]}'
            ),
            "expected a number of seconds, found str @ $.chapters[2].start",
        ),
        (
            '{"schema": "podnotes/1", "chapters": [{"start": 0.0005, "title": "A"}]}',
            "expected seconds with at most 3 decimals, found 0.0005 @ $.chapters[0].start",
        ),
        (
            '{"schema": "podnotes/1", "chapters": [{"start": 0, "title": "A", "x": 1}]}',
            "unknown keys: x @ $.chapters[0]",
        ),
        (
            '{"schema": "podnotes/1", "highlights": [{"text": "A"}]}',
            "missing key 'at' @ $.highlights[0].at",
        ),
        ('{"schema": "podnotes/1", "published": 20260131}', "expected a date"),
        (
            '{"schema": "podnotes/1", "published": "31/01/2026"}',
            'expected a date such as "2026-01-31", found "31/01/2026" @ $.published',
        ),
        ('{"schema": "podnotes/1", "duration": -1}', "@ $.duration"),
        (
            (
                '{"schema": "podnotes/1", "chapters": [{"start": 5, "title": "A"}, '
                '{"start": 1, "title": "B"}]}'
            ),
            "Episode.chapters must start in strictly increasing order",
        ),
    ],
)
def test_bad_documents_name_the_path(document: str, message: str) -> None:
    with pytest.raises(pjson.JSONFormatError) as caught:
        pjson.loads(document)
    assert message in str(caught.value)


def test_error_pickles() -> None:
    err = pjson.JSONFormatError(["unknown keys: x @ $"])
    back = pickle.loads(pickle.dumps(err))  # noqa: S301 - our own data
    assert back.errors == err.errors
    assert str(back) == str(err)
