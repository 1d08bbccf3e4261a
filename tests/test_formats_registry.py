"""The format registry: every format is reachable by name, detected, and converts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from podnotes import Chapter, Episode, SpeakerTurn, Timestamp, cli
from podnotes.formats import PAGE, Carries, detect, format_names, get_format


def _episode() -> Episode:
    starts = [0, 65_000, 300_040]  # on CUE frame boundaries (1/75 s)
    return Episode(
        title="Registry test",
        duration=Timestamp(600_000),
        chapters=[
            Chapter(start=Timestamp(s), title=t)
            for s, t in zip(starts, ["Intro", "Middle part", "Ending"], strict=True)
        ],
        transcript=[
            SpeakerTurn(
                speaker="Ann", text="Hello there.", start=Timestamp(0), end=Timestamp(2000)
            ),
            SpeakerTurn(speaker="Bo", text="Hi, Ann.", start=Timestamp(2500), end=Timestamp(4000)),
        ],
    )


def test_every_registered_format_loads() -> None:
    names = format_names()
    assert len(names) == len(set(names)) == 13
    for name in names:
        found = get_format(name)
        assert found.name == name
        assert found.summary
        assert (found.read is None) == (name in {"youtube", "markdown"})


def test_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match=r"expected a format name \(json, podcast-chapters"):
        get_format("mp3")


# A WebVTT chapter track and a WebVTT transcript look alike; detection says "webvtt" and
# `--from webvtt-chapters` picks the chapter reading.
_DETECTED_AS = {"webvtt-chapters": "webvtt"}


@pytest.mark.parametrize("name", [n for n in format_names() if get_format(n).read is not None])
def test_detect_names_what_we_write(name: str) -> None:
    text = get_format(name).write(_episode())
    assert detect(text) == _DETECTED_AS.get(name, name)


@pytest.mark.parametrize("name", [n for n in format_names() if get_format(n).read is not None])
def test_what_we_write_reads_back(name: str) -> None:
    found = get_format(name)
    assert found.read is not None
    episode = _episode()
    back = found.read(found.write(episode), True).value  # noqa: FBT003 - the Reader shape
    if found.carries in {Carries.CHAPTERS, Carries.EPISODE}:
        assert [(c.start, c.title) for c in back.chapters] == [
            (c.start, c.title) for c in episode.chapters
        ]
    if found.carries in {Carries.TRANSCRIPT, Carries.EPISODE}:
        assert [(t.speaker, t.text, t.start) for t in back.transcript] == [
            (t.speaker, t.text, t.start) for t in episode.transcript
        ]


def test_pages_are_detected_as_pages() -> None:
    assert detect("Chapters\n0:00 Intro\n5:00 Outro\n") == PAGE
    assert detect("") == PAGE


@pytest.mark.parametrize("target", format_names())
def test_convert_a_page_to_every_format(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "Duration: 10:00\n\nChapters\n0:00 Intro\n1:05 Middle part\n5:00 Ending\n\n"
        "Transcript\n[0:00] Ann: Hello there.\n[0:02] Bo: Hi, Ann.\n",
        encoding="utf-8",
    )
    assert cli.main(["convert", str(page), "--to", target]) == 0
    captured = capsys.readouterr()
    shown = "Hi, Ann." if get_format(target).carries is Carries.TRANSCRIPT else "Middle part"
    assert shown in captured.out


def test_convert_refuses_what_a_format_cannot_carry(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Just a description, no chapters.\n", encoding="utf-8")
    assert cli.main(["convert", str(page), "--to", "mp4chaps"]) == 1
    assert capsys.readouterr().err == "podnotes convert: expected chapters to write, found none\n"
    assert cli.main(["convert", str(page), "--to", "youtube"]) == 1


def test_convert_from_a_write_only_format_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("0:00 A\n", encoding="utf-8")
    assert cli.main(["convert", str(page), "--from", "markdown", "--to", "json"]) == 1
    assert "write-only format 'markdown'" in capsys.readouterr().err


def test_convert_between_two_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "chapters.json"
    source.write_text(get_format("podcast-chapters").write(_episode()), encoding="utf-8")
    assert cli.main(["convert", str(source), "--to", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [c["title"] for c in data["chapters"]] == ["Intro", "Middle part", "Ending"]
