from __future__ import annotations

import functools
import importlib
import json
import os
from importlib import resources
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes import Episode, Highlight, Section, SpeakerTurn, Timestamp
from podnotes import strategies as pst
from podnotes.formats import json as pjson
from podnotes.formats._schemas import SCHEMA_FILES, load_schema


def need(module: str) -> ModuleType:
    """A real consumer: skipped when missing on a developer's machine, never in CI."""
    try:
        return importlib.import_module(module)
    except ImportError:  # pragma: no cover - the dev group installs it
        if os.environ.get("CI"):
            raise
        pytest.skip(f"{module} is not installed")


@functools.cache
def validator(name: str) -> Any:  # noqa: ANN401 - jsonschema ships no types
    return need("jsonschema").Draft202012Validator(load_schema(name))


def test_every_schema_is_a_valid_draft_2020_12_schema_naming_its_spec() -> None:
    jsonschema = need("jsonschema")
    shipped = {
        entry.name
        for entry in resources.files("podnotes").joinpath("schemas").iterdir()
        if entry.name.endswith(".schema.json")
    }
    assert shipped == set(SCHEMA_FILES.values())
    versions = {
        "json": "podnotes/1",
        "podcast-chapters": "version 1.2",
        "podcast-transcript": "version 1.0.0",
    }
    for name, version in versions.items():
        schema = load_schema(name)
        jsonschema.Draft202012Validator.check_schema(schema)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert version in schema["$comment"]


def test_load_schema_gives_a_fresh_copy_and_names_what_exists() -> None:
    load_schema("json")["title"] = "changed"
    assert load_schema("json")["title"] == "podnotes episode, podnotes/1"
    with pytest.raises(KeyError) as caught:
        load_schema("srt")
    assert caught.value.args[0] == (
        "expected a format with a JSON Schema (json, podcast-chapters, podcast-transcript), found 'srt'"
    )


# --- podnotes/1 -------------------------------------------------------------------------

_TEXT = st.text(st.characters(codec=None), min_size=1, max_size=12).filter(str.strip)
_ANY_TEXT = st.text(st.characters(codec=None), max_size=12)
_TIME = (st.integers(0, 10**7) | st.integers(0, 10**12)).map(Timestamp)


@st.composite
def episodes(draw: st.DrawFn) -> Episode:
    chapters = draw(
        pst.chapter_lists(
            max_size=4,
            titles=_TEXT,
            starts=st.integers(0, 10**10),
            with_ends=True,
            with_urls=True,
            lengths=st.integers(1, 10**6),
            urls=_TEXT,
        )
    )
    turns = []
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.none() | _TIME)
        until = None if at is None or draw(st.booleans()) else Timestamp(at.ms + 1)
        turns.append(
            SpeakerTurn(speaker=draw(st.none() | _TEXT), text=draw(_TEXT), start=at, end=until)
        )
    return Episode(
        title=draw(st.none() | _TEXT),
        number=draw(st.none() | st.integers(0, 10**9)),
        season=draw(st.none() | st.integers(0, 99)),
        podcast=draw(st.none() | _TEXT),
        site=draw(st.none() | _TEXT),
        url=draw(st.none() | _TEXT),
        description=draw(st.none() | _ANY_TEXT),
        description_truncated=draw(st.booleans()),
        summary=draw(st.none() | _TEXT),
        published=draw(st.none() | st.dates()),
        duration=draw(st.none() | _TIME),
        chapters=chapters,
        highlights=[
            Highlight(at=draw(_TIME), text=draw(_TEXT)) for _ in range(draw(st.integers(0, 2)))
        ],
        transcript=turns,
        transcript_truncated=draw(st.booleans()),
        sections=[
            Section(heading=draw(st.none() | _TEXT), text=draw(_ANY_TEXT))
            for _ in range(draw(st.integers(0, 2)))
        ],
    )


@given(episodes())
def test_every_podnotes_document_validates(episode: Episode) -> None:
    validator("json").validate(json.loads(pjson.dumps(episode)))


def test_a_minimal_document_validates() -> None:
    validator("json").validate({"schema": "podnotes/1"})


@pytest.mark.parametrize(
    "document",
    [
        {},
        {"schema": "podnotes/2"},
        {"schema": "podnotes/1", "bogus": 1},
        {"schema": "podnotes/1", "title": " "},
        {"schema": "podnotes/1", "number": -1},
        {"schema": "podnotes/1", "number": True},
        {"schema": "podnotes/1", "published": "31/01/2026"},
        {"schema": "podnotes/1", "duration": -0.5},
        {"schema": "podnotes/1", "chapters": [{"start": 0}]},
        {"schema": "podnotes/1", "chapters": [{"start": "0:00", "title": "A"}]},
        {"schema": "podnotes/1", "chapters": [{"start": 0, "title": "A", "x": 1}]},
        {"schema": "podnotes/1", "highlights": [{"text": "A"}]},
        {"schema": "podnotes/1", "transcript": [{"text": "hi"}]},
        {"schema": "podnotes/1", "sections": [{"heading": None}]},
    ],
)
def test_what_the_schema_refuses_the_loader_refuses_too(document: dict[str, Any]) -> None:
    assert list(validator("json").iter_errors(document))
    with pytest.raises(pjson.JSONFormatError):
        pjson.loads(json.dumps(document))


# --- Podcasting 2.0 ---------------------------------------------------------------------


def test_the_spec_examples_validate() -> None:
    chapters = {
        "version": "1.2.0",
        "author": "Jane Doe",
        "title": "Episode 7",
        "podcastName": "A Show",
        "waypoints": True,
        "chapters": [
            {"startTime": 0, "title": "Intro"},
            {
                "startTime": 168.5,
                "title": "Aids",
                "img": "https://example.org/a.jpg",
                "url": "https://example.org",
            },
            {
                "startTime": 4826,
                "toc": False,
                "location": {"name": "Paris", "geo": "geo:48.8,2.29"},
            },
            {"startTime": 5000, "endTime": 5100, "title": "Out", "x-extension": [1, 2]},
        ],
    }
    validator("podcast-chapters").validate(chapters)
    transcript = {
        "version": "1.0.0",
        "segments": [
            {"speaker": "A", "startTime": 0.5, "endTime": 0.75, "body": "I"},
            {"startTime": 1, "body": "am"},
        ],
    }
    validator("podcast-transcript").validate(transcript)


@pytest.mark.parametrize(
    ("name", "document"),
    [
        ("podcast-chapters", {"chapters": []}),
        ("podcast-chapters", {"version": "1.2.0", "chapters": [{"title": "no start"}]}),
        ("podcast-chapters", {"version": "1.2.0", "chapters": [{"startTime": "12"}]}),
        ("podcast-chapters", {"version": "1.2.0", "chapters": [{"startTime": -1}]}),
        ("podcast-chapters", {"version": "1.2.0", "chapters": [{"startTime": 1, "toc": "no"}]}),
        (
            "podcast-chapters",
            {"version": "1.2.0", "chapters": [{"startTime": 1, "location": {"name": "x"}}]},
        ),
        (
            "podcast-chapters",
            {
                "version": "1.2.0",
                "chapters": [{"startTime": 1, "location": {"name": "x", "geo": "48,2"}}],
            },
        ),
        ("podcast-transcript", {"version": "1.0.0"}),
        ("podcast-transcript", {"version": "1.0.0", "segments": [{"startTime": 1}]}),
        ("podcast-transcript", {"version": "1.0.0", "segments": [{"body": "no start"}]}),
        (
            "podcast-transcript",
            {"version": "1.0.0", "segments": [{"startTime": 1, "body": "x", "speaker": 3}]},
        ),
    ],
)
def test_the_podcasting20_schemas_refuse(name: str, document: dict[str, Any]) -> None:
    assert list(validator(name).iter_errors(document))
