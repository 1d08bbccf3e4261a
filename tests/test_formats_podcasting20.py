from __future__ import annotations

import functools
import importlib
import json
import os
import pickle
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes import Chapter, Episode, SpeakerTurn, Timestamp
from podnotes import strategies as pst
from podnotes.diagnostics import ParseError, Severity, render_diagnostics
from podnotes.formats import podcasting20 as p20
from podnotes.formats._registry import get_format
from podnotes.formats._schemas import load_schema

FIXTURES = Path(__file__).parent / "fixtures" / "formats"


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
    """A validator for one of our schemas, built once."""
    return need("jsonschema").Draft202012Validator(load_schema(name))


# --- strategies -------------------------------------------------------------------------

# JSON carries any text: controls, quotes, backslashes, astral characters, lone surrogates.
_TEXT = (
    st.text(st.characters(codec=None), min_size=1, max_size=20)
    | st.text(st.sampled_from('ab "\\\n\t\u2028\x00\ud800é😀'), min_size=1, max_size=20)
).filter(str.strip)
_URL = st.sampled_from(["https://example.org/a?b=1&c=2", "ftp://x", "relative/page"]) | _TEXT
_MS = st.integers(0, 10**7) | st.integers(0, 10**17)


def chapter_lists(ms: st.SearchStrategy[int] = _MS) -> st.SearchStrategy[tuple[Chapter, ...]]:
    chapters = pst.chapter_lists(
        titles=_TEXT,
        starts=ms,
        with_ends=True,
        with_urls=True,
        lengths=st.integers(1, 10**8),
        urls=_URL,
    )
    return chapters.map(tuple)


def turn_lists(ms: st.SearchStrategy[int] = _MS) -> st.SearchStrategy[tuple[SpeakerTurn, ...]]:
    turns = pst.speaker_turn_lists(
        min_size=0,
        max_size=8,
        cues=True,
        starts=ms,
        lengths=st.none() | st.integers(1, 10**6),
        texts=_TEXT,
        names=_TEXT,
    )
    return turns.map(tuple)


_SCALAR = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=5)
)
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3)
    ),
    max_leaves=4,
)


_KEYS = {
    "chapters": ["startTime", "endTime", "title", "url", "toc"],
    "segments": ["speaker", "startTime", "endTime", "body"],
}


@st.composite
def json_documents(draw: st.DrawFn, array: str) -> str:
    """Documents shaped like ours, with any value anywhere: the locator's worst case."""
    item = st.dictionaries(st.sampled_from([*_KEYS[array], "img", "a b"]), _VALUE, max_size=5)
    body: dict[str, Any] = {array: draw(st.lists(item | _VALUE, max_size=6))}
    if draw(st.booleans()):
        body["version"] = draw(st.sampled_from(["1.2.0", "1.0.0", "2.0"]) | _VALUE)
    if draw(st.booleans()):
        body = draw(st.sampled_from([body, [body], {"x": 1, **body}, {array: 3}]))
    return json.dumps(
        body, indent=draw(st.sampled_from([None, 0, 2, "\t"])), ensure_ascii=draw(st.booleans())
    )


# --- chapters: properties ---------------------------------------------------------------


@given(chapter_lists(), st.sampled_from([None, 0, 4]), st.sampled_from(["ascii", "utf-8"]))
def test_chapters_round_trip_exactly(
    chapters: tuple[Chapter, ...], indent: int | None, charset: str
) -> None:
    text = p20.render_chapters(chapters)
    parsed = p20.parse_chapters(text, strict=True)
    assert parsed.value == chapters
    assert parsed.diagnostics == ()
    assert p20.render_chapters(p20.parse_chapters(text).value) == text
    # A real consumer: the document is valid against the schema written from the spec.
    data = json.loads(text)
    validator("podcast-chapters").validate(data)
    # Another writer (floats, other spacing, sorted keys, \u escapes) reads the same,
    # as long as floats hold the milliseconds exactly.
    if all(c.start.ms < 10**12 and (c.end is None or c.end.ms < 10**12) for c in chapters):
        text = json.dumps(data, indent=indent, sort_keys=True, ensure_ascii=charset == "ascii")
        assert p20.parse_chapters(text, strict=True).value == chapters


@given(st.text())
def test_lenient_parsing_never_raises_on_text(text: str) -> None:
    p20.parse_chapters(text)
    p20.parse_transcript(text)


@given(st.sampled_from(["chapters", "segments"]).flatmap(json_documents))
def test_lenient_parsing_never_raises_and_points_into_the_text(text: str) -> None:
    lines = text.split("\n")
    chapters = p20.parse_chapters(text)
    for parsed in (chapters, p20.parse_transcript(text)):
        for diagnostic in parsed.diagnostics:
            assert diagnostic.source == lines[diagnostic.line - 1]
            assert 1 <= diagnostic.column <= len(diagnostic.source) + 1
    starts = [c.start for c in chapters.value]
    assert starts == sorted(set(starts))


# --- chapters: examples -----------------------------------------------------------------

FIXTURE_CHAPTERS = (
    Chapter(start=Timestamp(0), title="Cold open"),
    Chapter(
        start=Timestamp(61_500),
        end=Timestamp(300_000),
        title="Why the moon matters",
        url="https://example.org/moon",
    ),
    Chapter(start=Timestamp(300_000), title="Reading a tide table"),
    Chapter(start=Timestamp(845_250), title="Listener mail: spring tides"),
    Chapter(
        start=Timestamp(1_799_999), title="Wrap-up & credits", url="https://example.org/credits"
    ),
)


def test_chapters_golden_file() -> None:
    text = (FIXTURES / "podcast-chapters.json").read_text(encoding="utf-8")
    parsed = p20.parse_chapters(text, strict=True)
    assert parsed.value == FIXTURE_CHAPTERS
    found = [(d.severity, d.code, d.line) for d in parsed.diagnostics]
    assert found == [
        (Severity.INFO, "podcast-chapters.not-kept", 3),  # the episode's title
        (Severity.INFO, "podcast-chapters.not-kept", 4),  # podcastName
        (Severity.INFO, "podcast-chapters.not-kept", 19),  # img
        (Severity.INFO, "podcast-chapters.hidden", 24),  # toc: false
        (Severity.WARNING, "podcast-chapters.untitled", 26),  # the silent location marker
    ]
    assert parsed.diagnostics[3].message == (
        "kept a chapter hidden from the table of contents @ $.chapters[3].toc"
    )
    validator("podcast-chapters").validate(json.loads(text))


def test_render_chapters_layout() -> None:
    text = p20.render_chapters(FIXTURE_CHAPTERS[:2])
    assert text == (
        "{\n"
        '  "version": "1.2.0",\n'
        '  "chapters": [\n'
        '    {"startTime": 0, "title": "Cold open"},\n'
        '    {"startTime": 61.5, "endTime": 300, "title": "Why the moon matters", "url": "https://example.org/moon"}\n'
        "  ]\n"
        "}\n"
    )
    assert p20.render_chapters([]) == '{\n  "version": "1.2.0",\n  "chapters": []\n}\n'
    assert '"startTime": 0.001' in p20.render_chapters([Chapter(start=Timestamp(1), title="x")])


def test_render_chapters_escapes_lone_surrogates() -> None:
    text = p20.render_chapters([Chapter(start=Timestamp(0), title="a\ud800é")])
    assert '"a\\ud800\\u00e9"' in text
    text.encode("utf-8")  # writable as a file


@pytest.mark.parametrize(
    ("chapters", "message"),
    [
        (
            [Chapter(start=Timestamp(5), title="b"), Chapter(start=Timestamp(5), title="a")],
            "chapters must start in strictly increasing order, found 0:00.005 at index 1",
        ),
        (
            [Chapter(start=Timestamp(10**18), title="far")],
            "times must be below 10^15 seconds (the reader's limit), found 277777777777:46:40",
        ),
    ],
)
def test_render_chapters_refuses(chapters: list[Chapter], message: str) -> None:
    with pytest.raises(ValueError) as caught:  # noqa: PT011 - the whole message is checked
        p20.render_chapters(chapters)
    assert str(caught.value) == message


BAD_CHAPTERS = """\
{
  "version": "1.2.0",
  "chapters": [
    {"startTime": 0, "title": "Intro"},
    {"startTime": "1:05", "title": "News"},
    {"startTime": 90, "title": "Sports", "endTime": 80},
    {"startTime": 60, "title": "Weather"},
    {"startTime": 100, "title": 7, "url": false, "toc": "no"},
    {"startTime": -1, "title": "Before"},
    {"startTime": NaN, "title": "Never"},
    {"startTime": 1e400, "title": "After"},
    {"title": "Whenever"},
    "Outro"
  ]
}"""


def test_bad_chapters_are_reported_where_they_are() -> None:
    parsed = p20.parse_chapters(BAD_CHAPTERS)
    assert parsed.value == (
        Chapter(start=Timestamp(0), title="Intro"),
        Chapter(start=Timestamp(90_000), title="Sports"),
    )
    assert render_diagnostics(parsed.diagnostics) == "\n".join(
        [
            'line 5, column 19: expected "startTime": a number of seconds, found "1:05" @ $.chapters[1].startTime',
            '    5 |     {"startTime": "1:05", "title": "News"},',
            "      |                   ^^^^^^",
            "",
            'line 6, column 53: expected "endTime" after "startTime" (90), found 80 @ $.chapters[2].endTime',
            '    6 |     {"startTime": 90, "title": "Sports", "endTime": 80},',
            "      |                                                     ^^",
            "",
            'line 7, column 19: expected "startTime" after 90, found 60; left out @ $.chapters[3].startTime',
            '    7 |     {"startTime": 60, "title": "Weather"},',
            "      |                   ^^",
            "",
            'line 8, column 33: expected "title": a string, found 7 @ $.chapters[4].title',
            '    8 |     {"startTime": 100, "title": 7, "url": false, "toc": "no"},',
            "      |                                 ^",
            "",
            'line 9, column 19: expected "startTime": a number of seconds not below 0, found -1 @ $.chapters[5].startTime',
            '    9 |     {"startTime": -1, "title": "Before"},',
            "      |                   ^^",
            "",
            'line 10, column 19: expected "startTime": a number of seconds, found NaN @ $.chapters[6].startTime',
            '   10 |     {"startTime": NaN, "title": "Never"},',
            "      |                   ^^^",
            "",
            'line 11, column 19: expected "startTime": a number of seconds below 10^15, found 1E+400 @ $.chapters[7].startTime',
            '   11 |     {"startTime": 1e400, "title": "After"},',
            "      |                   ^^^^^",
            "",
            'line 12, column 5: expected "startTime": a number of seconds, found nothing @ $.chapters[8]',
            '   12 |     {"title": "Whenever"},',
            "      |     ^^^^^^^^^^^^^^^^^^^^^",
            "",
            'line 13, column 5: expected an object, found "Outro" @ $.chapters[9]',
            '   13 |     "Outro"',
            "      |     ^^^^^^^",
        ]
    )
    with pytest.raises(ParseError) as caught:
        p20.parse_chapters(BAD_CHAPTERS, strict=True)
    assert len(caught.value.diagnostics) == 9
    assert str(caught.value).startswith("9 problems in the input:\nline 5, column 19:")


def test_item_problems_that_are_not_errors() -> None:
    text = '{"version": "1.2.0", "chapters": [{"startTime": 1, "title": "a", "url": 3, "toc": "no"}, {"startTime": 2, "title": " "}]}'
    parsed = p20.parse_chapters(text)
    assert parsed.value == (Chapter(start=Timestamp(1000), title="a"),)
    assert [(d.severity.value, d.message) for d in parsed.diagnostics] == [
        ("error", 'expected "url": a string, found 3 @ $.chapters[0].url'),
        ("warning", 'expected "toc": true or false, found "no" @ $.chapters[0].toc'),
        (
            "warning",
            'expected a "title", found " ": podnotes keeps titled chapters @ $.chapters[1].title',
        ),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["line 1, column 1: expected JSON, found an error: Expecting value"]),
        (
            '{"chapters": [}',
            [
                "line 1, column 15: expected JSON, found an error: Expecting value",
                '    1 | {"chapters": [}',
                "      |               ^",
            ],
        ),
        (
            "[1]",
            [
                "line 1, column 1: expected an object at the top, found an array @ $",
                "    1 | [1]",
                "      | ^^^",
            ],
        ),
        (
            '{"version": "1.2.0"}',
            [
                'line 1, column 1: expected "chapters": [...], found nothing @ $',
                '    1 | {"version": "1.2.0"}',
                "      | ^^^^^^^^^^^^^^^^^^^^",
            ],
        ),
        (
            '{"version": "1.2.0", "chapters": {}}',
            [
                'line 1, column 34: expected "chapters": [...], found an object @ $.chapters',
                '    1 | {"version": "1.2.0", "chapters": {}}',
                "      |                                  ^^",
            ],
        ),
    ],
)
def test_documents_that_are_not_chapters(text: str, expected: list[str]) -> None:
    parsed = p20.parse_chapters(text)
    assert parsed.value == ()
    assert render_diagnostics(parsed.errors) == "\n".join(expected)


def test_deep_nesting_is_an_error_not_a_crash() -> None:
    (diagnostic,) = p20.parse_chapters("[" * 100_000).diagnostics
    assert diagnostic.code == "podcast-chapters.json"
    assert diagnostic.message.startswith("expected JSON, found an error: maximum recursion depth")
    assert (diagnostic.line, diagnostic.column) == (1, 1)


def test_versions_and_other_line_ends() -> None:
    text = '{"chapters": [],\r"version": 2}\r\n'
    (diagnostic,) = p20.parse_chapters(text).diagnostics
    assert diagnostic.render() == (
        'line 2, column 12: expected "version": "1.2.0", found 2 @ $.version\n'
        '    2 | "version": 2}\n'
        "      |            ^"
    )
    assert diagnostic.severity is Severity.WARNING
    (missing,) = p20.parse_chapters('{"chapters": []}').diagnostics
    assert missing.message == 'expected "version": "1.2.0", found nothing @ $'
    assert p20.parse_chapters('{"version": "1.1.0", "chapters": []}').diagnostics == ()


def test_rounding_and_odd_keys_are_noted() -> None:
    text = (
        '{"version": "1.2.0", "chapters": [{"startTime": 1.0004, "title": "a", "x y": 1, "x y": 2},'
        ' {"startTime": 1e-20, "title": "b"}, {"startTime": 0.0005, "title": "c"}]}'
    )
    parsed = p20.parse_chapters(text)
    assert [c.start.ms for c in parsed.value] == [1000]
    assert [d.message for d in parsed.diagnostics] == [
        "rounded 1.0004 to the millisecond (and 2 more) @ $.chapters[0].startTime",
        "'x y' is not kept: podnotes chapters carry no such field @ $.chapters[0][\"x y\"]",
        'expected "startTime" after 1, found 0; left out @ $.chapters[1].startTime',
        'expected "startTime" after 1, found 0.001; left out @ $.chapters[2].startTime',
    ]
    # The duplicate key is located as json.loads reads it: the last one wins.
    assert parsed.diagnostics[1].column == text.index('"x y": 2') + 8


def test_a_huge_document_with_an_error_per_item_stays_linear() -> None:
    items = ",".join(
        f'{{"startTime": {n % 7}, "title": "t{n}", "img": "{"x" * 20}"}}' for n in range(3000)
    )
    text = f'{{"version": "1.2.0", "chapters": [{items}]}}'
    assert len(text) > 100_000
    began = time.perf_counter()
    parsed = p20.parse_chapters(text)
    assert time.perf_counter() - began < 3
    assert len(parsed.errors) > 2500


def test_many_unknown_keys_stay_linear() -> None:
    keys = ", ".join(f'"key-{n:05d}-{"x" * 8}": {n}' for n in range(5000))
    texts = [
        f'{{"version": "1.2.0", {keys}, "chapters": []}}',
        f'{{"version": "1.2.0", "chapters": [{{"startTime": 0, "title": "x", {keys}}}]}}',
    ]
    for text in texts:
        assert len(text) > 100_000
        began = time.perf_counter()
        assert len(p20.parse_chapters(text).diagnostics) == 5000
        assert time.perf_counter() - began < 3


def test_adversarial_long_lines_parse_fast() -> None:
    item = f'{{"startTime": "x", "title": "{"y" * 40}"}},'
    texts = [
        '{"version": "1.2.0", "chapters": [{"startTime": 1, "title": "' + "\\\\" * 50_000 + '"}]}',
        '{"version": "1.2.0", "chapters": [{"startTime": ' + "9" * 4000 + ', "title": "x"}]}',
        '{"version": "1.2.0", "chapters": [{"startTime": 0.' + "1" * 100_000 + ', "title": "x"}]}',
        '{"version": "1.2.0", "chapters": [{"startTime": 1e-' + "9" * 18 + ', "title": "x"}]}',
        '{"version": "1.2.0", "chapters": [{"startTime": 1e' + "9" * 18 + ', "title": "x"}]}',
        '{"version": "1.2.0", "chapters": [' + item * 2000 + "1]}",
    ]
    for text in texts:
        began = time.perf_counter()
        p20.parse_chapters(text)
        assert time.perf_counter() - began < 2, text[:60]


def test_parse_refuses_non_text() -> None:
    with pytest.raises(TypeError, match="expected the text as a str, found bytes"):
        p20.parse_chapters(b"{}")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="found NoneType"):
        p20.parse_transcript(None)  # type: ignore[arg-type]


def test_parse_errors_pickle() -> None:
    with pytest.raises(ParseError) as caught:
        p20.parse_chapters("[]", strict=True)
    back = pickle.loads(pickle.dumps(caught.value))  # noqa: S301 - our own data
    assert back.diagnostics == caught.value.diagnostics


# --- transcripts ------------------------------------------------------------------------


@given(turn_lists())
def test_transcript_round_trips_exactly(turns: tuple[SpeakerTurn, ...]) -> None:
    text = p20.render_transcript(turns)
    parsed = p20.parse_transcript(text, strict=True)
    assert parsed.value == turns
    assert parsed.diagnostics == ()
    assert p20.render_transcript(p20.parse_transcript(text).value) == text
    validator("podcast-transcript").validate(json.loads(text))


FIXTURE_TURNS = (
    SpeakerTurn(
        speaker="Mara",
        text="Welcome back to Harbour Notes.",
        start=Timestamp(500),
        end=Timestamp(4250),
    ),
    SpeakerTurn(
        speaker="Tomás",
        text='Today: tides, and why they "lag" the moon.',
        start=Timestamp(4250),
        end=Timestamp(9000),
    ),
    SpeakerTurn(speaker=None, text="(music)", start=Timestamp(9000)),
    SpeakerTurn(speaker="Mara", text="First, a letter.\nIt came by post!", start=Timestamp(12_125)),
)


def test_transcript_golden_file() -> None:
    text = (FIXTURES / "podcast-transcript.json").read_text(encoding="utf-8")
    parsed = p20.parse_transcript(text, strict=True)
    assert parsed.value == FIXTURE_TURNS
    assert parsed.diagnostics == ()
    validator("podcast-transcript").validate(json.loads(text))


def test_render_transcript_layout_and_refusal() -> None:
    assert p20.render_transcript(FIXTURE_TURNS[2:3]) == (
        '{\n  "version": "1.0.0",\n  "segments": [\n    {"startTime": 9, "body": "(music)"}\n  ]\n}\n'
    )
    with pytest.raises(ValueError) as caught:  # noqa: PT011 - the whole message is checked
        p20.render_transcript([*FIXTURE_TURNS, SpeakerTurn(speaker="A", text="no time")])
    assert str(caught.value) == (
        "turn 4 has no start time, and Podcasting 2.0 JSON transcripts need a startTime for every segment"
    )


BAD_TRANSCRIPT = """\
{"version": "1.0.0", "segments": [
  {"speaker": "A", "startTime": 1, "endTime": 1, "body": "same time"},
  {"speaker": 5, "body": "no time", "words": []},
  {"speaker": " ", "startTime": 3, "body": "   "},
  {"speaker": "B", "startTime": 4},
  {"startTime": 5, "endTime": "6", "body": "end?"}
]}"""


def test_bad_transcript_keeps_every_text() -> None:
    parsed = p20.parse_transcript(BAD_TRANSCRIPT)
    assert parsed.value == (
        SpeakerTurn(speaker="A", text="same time", start=Timestamp(1000)),
        SpeakerTurn(speaker=None, text="no time"),
        SpeakerTurn(speaker=None, text="end?", start=Timestamp(5000)),
    )
    assert render_diagnostics(parsed.diagnostics) == "\n".join(
        [
            'line 2, column 47: expected "endTime" after "startTime" (1), found 1 @ $.segments[0].endTime',
            '    2 |   {"speaker": "A", "startTime": 1, "endTime": 1, "body": "same time"},',
            "      |                                               ^",
            "",
            'line 3, column 3: expected "startTime": a number of seconds, found nothing @ $.segments[1]',
            '    3 |   {"speaker": 5, "body": "no time", "words": []},',
            "      |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "",
            'line 3, column 15: expected "speaker": a string, found 5 @ $.segments[1].speaker',
            '    3 |   {"speaker": 5, "body": "no time", "words": []},',
            "      |               ^",
            "",
            "line 3, column 46: 'words' is not kept: podnotes turns carry no such field @ $.segments[1].words",
            '    3 |   {"speaker": 5, "body": "no time", "words": []},',
            "      |                                              ^^",
            "",
            'line 4, column 44: expected a "body" with text, found "   "; skipped @ $.segments[2].body',
            '    4 |   {"speaker": " ", "startTime": 3, "body": "   "},',
            "      |                                            ^^^^^",
            "",
            'line 5, column 3: expected "body": a string, found nothing @ $.segments[3]',
            '    5 |   {"speaker": "B", "startTime": 4},',
            "      |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
            "",
            'line 6, column 31: expected "endTime": a number of seconds, found "6" @ $.segments[4].endTime',
            '    6 |   {"startTime": 5, "endTime": "6", "body": "end?"}',
            "      |                               ^^^",
        ]
    )


# --- registry ---------------------------------------------------------------------------


def test_registry_entries() -> None:
    chapters, transcript = get_format("podcast-chapters"), get_format("podcast-transcript")
    assert chapters is p20.CHAPTERS_FORMAT
    assert transcript is p20.TRANSCRIPT_FORMAT
    episode = Episode(title="dropped", chapters=FIXTURE_CHAPTERS, transcript=FIXTURE_TURNS)
    assert chapters.read is not None
    assert transcript.read is not None
    strict = True
    assert chapters.read(chapters.write(episode), strict).value == Episode(
        chapters=FIXTURE_CHAPTERS
    )
    assert transcript.read(transcript.write(episode), strict).value == Episode(
        transcript=FIXTURE_TURNS
    )
    assert chapters.looks_like is not None
    assert transcript.looks_like is not None
    assert chapters.looks_like(chapters.write(episode))
    assert not chapters.looks_like(transcript.write(episode))
    assert transcript.looks_like(transcript.write(episode))
    assert not transcript.looks_like("WEBVTT\n")
    assert chapters.looks_like('\ufeff{"version": "1.2.0", "chapters": []}')
    assert not chapters.looks_like('{"schema": "podnotes/1", "chapters": []}')


def test_a_byte_order_mark_is_read_as_space() -> None:
    text = '\ufeff{"version": "1.2.0", "chapters": [{"startTime": -5, "title": "x"}]}'
    (diagnostic,) = p20.parse_chapters(text).diagnostics
    assert (diagnostic.line, diagnostic.column, diagnostic.width) == (1, 50, 2)
    assert diagnostic.source[49:51] == "-5"
