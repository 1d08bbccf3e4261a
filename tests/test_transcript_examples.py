"""The hand-checked example pages: speakers, first turns and turn counts of each transcript.

The pages are read in place from the shared examples folder (never copied into the repo).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import attrs
import pytest

from podnotes import transcript
from podnotes._lines import split
from podnotes.model import SpeakerTurn
from podnotes.timestamps import Timestamp
from podnotes.transcript import TranscriptLayout

EXAMPLES = Path(
    os.environ.get("PODNOTES_EXAMPLES")
    or Path(__file__).resolve().parents[2] / "shared" / "examples"
)

pytestmark = pytest.mark.skipif(
    not EXAMPLES.is_dir(),
    reason=f"the shared example pages are not at {EXAMPLES} (set PODNOTES_EXAMPLES)",
)


def _after(text: str, heading: str) -> tuple[int, str]:
    """The text after the line ``heading``, and how many lines came before it."""
    lines = text.splitlines()
    index = lines.index(heading)
    return index + 1, "\n".join(lines[index + 1 :])


def _floor(stamp: Timestamp | None) -> str | None:
    if stamp is None:
        return None
    seconds = stamp.ms // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


@attrs.frozen
class Case:
    name: str
    heading: str | None  # the transcript follows this line; None: the whole file is one
    layout: TranscriptLayout
    count_key: str | None  # the key of the turn count in the expected JSON
    truncated: bool = False
    title: bool = False  # the WEBVTT header holds the expected title
    sniffed: bool = True  # looks_like_transcript knows it without its heading


CASES = [
    Case("lenny-adam-fishman", "## Transcript", TranscriptLayout.NAME_TIME_LINE, "turn_count"),
    Case("talkpython-024-fluent-python", None, TranscriptLayout.TIMED_TEXT, "segment_count"),
    Case(
        "omny-ridiculous-crime-webvtt",
        None,
        TranscriptLayout.WEBVTT,
        "cue_count_in_text",
        title=True,
    ),
    Case(
        "buzzsprout-transcript-semicolon-timecodes",
        None,
        TranscriptLayout.RANGE_LINE,
        "turn_count_in_text",
    ),
    Case(
        "scripod-lex-fridman-490",
        "Transcript",
        TranscriptLayout.NAME_COLON,
        None,
        truncated=True,
        sniffed=False,  # one labelled line: only its heading says it is a transcript
    ),
]


def _load(case: Case) -> tuple[dict[str, Any], str, int]:
    expected = json.loads((EXAMPLES / f"{case.name}.expected.json").read_text(encoding="utf-8"))
    text = (EXAMPLES / f"{case.name}.txt").read_text(encoding="utf-8")
    before = 0
    if case.heading is not None:
        before, text = _after(text, case.heading)
    return expected, text, before


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_example_transcript(case: Case) -> None:
    expected, text, _ = _load(case)
    parsed = transcript.parse(text, strict=True)
    turns = parsed.value
    assert list(dict.fromkeys(t.speaker for t in turns if t.speaker)) == expected["speakers"]
    first = [
        {"speaker": t.speaker, "at": _floor(t.start), "text_start": t.text[:40]}
        for t in turns[: len(expected["first_turns"])]
    ]
    assert first == expected["first_turns"]
    if case.count_key is not None:
        assert len(turns) == expected[case.count_key]
    assert all(d.code == "transcript.truncated" for d in parsed.diagnostics)
    for turn in turns:
        attrs.validate(turn)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_example_as_a_page_section(case: Case) -> None:
    expected, text, before = _load(case)
    lines = tuple(split("\n" * before + text))[before:]
    res = transcript.read_transcript(lines)
    assert res.layout is case.layout
    assert res.truncated is case.truncated
    assert res.truncated is expected.get("truncated_transcript", False)
    assert res.title == (expected["title"] if case.title else None)
    assert res.turns == transcript.parse(text).value
    assert all(d.line > before for d in res.diagnostics)
    assert tuple(transcript.iter_turns(text.splitlines(keepends=True))) == res.turns
    assert transcript.looks_like_transcript(lines) is case.sniffed


def test_example_ends_come_from_the_layout() -> None:
    case = CASES[2]  # omny: cue end times, not the next cue's start
    _, text, _ = _load(case)
    first: SpeakerTurn = transcript.parse(text).value[0]
    assert (first.start, first.end) == (Timestamp(560), Timestamp(2759))
    lenny = transcript.parse(_load(CASES[0])[1]).value
    assert (lenny[0].end, lenny[-1].end) == (lenny[1].start, None)


@pytest.mark.parametrize(
    "name",
    [
        "podscripts-huberman-lex-fridman",
        "podplay-founders-acquired-bracket-times",
        "syntax-990-vite-plus",
    ],
)
def test_chapter_pages_do_not_look_like_transcripts(name: str) -> None:
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    assert not transcript.looks_like_transcript(split(text))


def test_scripod_chapters_and_highlights_do_not_look_like_a_transcript() -> None:
    text = (EXAMPLES / "scripod-lex-fridman-490.txt").read_text(encoding="utf-8")
    lines = split(text)
    headings = [line.number for line in lines if line.text in {"Highlights", "Chapters"}]
    end = next(line.number for line in lines if line.text == "Transcript")
    for start, stop in zip(headings, [*headings[1:], end], strict=True):
        assert not transcript.looks_like_transcript(lines[start : stop - 1])
