"""Every hand-checked example page parses to exactly its expected result.

The pages live in ../shared/examples (read in place, never copied here); CI always has them.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import pytest

import podnotes
from podnotes._lines import split
from podnotes._patterns import TIME_TOKEN
from podnotes.formats.json import to_dict
from podnotes.sections import heading_kind
from podnotes.timestamps import Timestamp

EXAMPLES = Path(
    os.environ.get("PODNOTES_EXAMPLES")
    or Path(__file__).resolve().parents[2] / "shared" / "examples"
)
PAGES = sorted(EXAMPLES.glob("*.txt")) if EXAMPLES.is_dir() else []

pytestmark = pytest.mark.skipif(
    not PAGES, reason=f"the shared example pages are not at {EXAMPLES} (CI always has them)"
)


def _clock(stamp: Timestamp | None) -> str | None:
    """The examples' spelling: H:MM:SS with fractions dropped (floored)."""
    if stamp is None:
        return None
    seconds = stamp.ms // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_suffix(".expected.json").read_text("utf-8"))
    return data


@pytest.fixture(params=PAGES, ids=[p.stem for p in PAGES])
def page(request: pytest.FixtureRequest) -> Path:
    path: Path = request.param
    return path


def test_header_fields(page: Path) -> None:
    want = _expected(page)
    episode = podnotes.parse(page.read_text("utf-8")).value
    title = want.get("title_without_number") or want.get("title_without_podcast") or want["title"]
    assert episode.title == title
    assert episode.number == want["episode_number"]
    assert episode.description_truncated == want["truncated_description"]
    if "site" in want:
        assert episode.site == want["site"]
    if "highlights_summary" in want:
        assert episode.summary == want["highlights_summary"]
    if "description_start" in want:
        assert (episode.description or "").startswith(want["description_start"])


def test_chapters_and_highlights(page: Path) -> None:
    want = _expected(page)
    episode = podnotes.parse(page.read_text("utf-8")).value
    assert [{"start": _clock(c.start), "title": c.title} for c in episode.chapters] == want[
        "chapters"
    ]
    assert [{"at": _clock(h.at), "text": h.text} for h in episode.highlights] == want["highlights"]


def test_transcript_speakers_and_first_turns(page: Path) -> None:
    want = _expected(page)
    episode = podnotes.parse(page.read_text("utf-8")).value
    assert list(episode.speakers) == want.get("speakers", [])
    first = [
        {"speaker": t.speaker, "at": _clock(t.start), "text_start": t.text[:40]}
        for t in episode.transcript[: len(want.get("first_turns", []))]
    ]
    assert first == want.get("first_turns", [])


def test_nothing_is_an_error_on_a_real_page(page: Path) -> None:
    result = podnotes.parse(page.read_text("utf-8"))
    assert [d.render() for d in result.errors] == []


def _strings(value: object) -> list[str]:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [str(value)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


_WORD = re.compile(r"[^\W_]+")
_VOICE = re.compile(r"</?v\b")
_KEY = re.compile(r"^[\w-]+:")


def test_every_line_lands_in_a_field_a_section_or_a_diagnostic(page: Path) -> None:
    """Nothing is lost: each line's words stand in the episode, or a diagnostic names it."""
    text = page.read_text("utf-8")
    result = podnotes.parse(text)
    kept = " ".join(" ".join(_WORD.findall(s)) for s in _strings(to_dict(result.value)))
    diagnosed = {d.line for d in result.diagnostics}
    lines = split(text)
    fence = [n.number for n in lines if n.text == "---"][:2] if lines[0].text == "---" else []
    for line in lines:
        if line.blank or line.number in diagnosed:
            continue
        visible = _VOICE.sub(" ", TIME_TOKEN.sub(" ", line.text))
        if len(fence) == 2 and fence[0] < line.number < fence[1]:
            visible = _KEY.sub("", visible)  # front matter: the key names the field
        words = _WORD.findall(visible)
        if all(w.isdigit() for w in words) or heading_kind(line.text.strip("#*: ")) is not None:
            continue  # a time, a timing or cue line, a heading: structure, understood
        assert " ".join(words[-2:]) in kept, (line.number, line.text)
