from __future__ import annotations

import pytest

from podnotes import Chapter, Episode, Highlight, Severity, SpeakerTurn, Timestamp
from podnotes.validate import PROFILES, Profile, validate


def ts(text: str) -> Timestamp:
    return Timestamp.parse(text)


def chapters(*spec: str) -> list[Chapter]:
    """`"0:00 Intro"` strings to chapters."""
    out = []
    for item in spec:
        time, _, title = item.partition(" ")
        out.append(Chapter(start=ts(time), title=title))
    return out


def codes(episode: Episode, profile: str) -> list[str]:
    return [d.code for d in validate(episode, profile)]


def test_a_good_youtube_list_passes() -> None:
    episode = Episode(chapters=chapters("0:00 Intro", "1:00 Middle", "5:00 End"))
    assert validate(episode, Profile.YOUTUBE) == ()


def test_youtube_rules() -> None:
    episode = Episode(chapters=chapters("0:03 Intro", "0:10 Quick"), duration=ts("10:00"))
    assert codes(episode, "youtube") == [
        "youtube.first-not-at-zero",
        "youtube.too-few-chapters",
        "youtube.chapter-too-short",
    ]


def test_diagnostics_point_into_the_source() -> None:
    source = "Chapters\n0:03 Intro\n0:10 Quick\n1:00 Long enough\n"
    episode = Episode(chapters=chapters("0:03 Intro", "0:10 Quick", "1:00 Long enough"))
    first, short = validate(episode, "youtube", source=source)
    assert first.render() == (
        'line 2, column 6: expected the first chapter at 0:00, found "Intro" at 0:03\n'
        "    2 | 0:03 Intro\n"
        "      |      ^^^^^"
    )
    assert short.code == "youtube.chapter-too-short"
    assert (short.line, short.column) == (2, 6)


def test_unfound_fragment_points_at_line_one() -> None:
    episode = Episode(chapters=chapters("0:00 A"))
    (only,) = validate(episode, "youtube", source="")
    assert (only.code, only.line, only.column) == ("youtube.too-few-chapters", 1, 1)


def test_podcasting20_rules() -> None:
    episode = Episode(
        chapters=[Chapter(start=ts("0:00"), title="A", url="/relative")],
        transcript=[SpeakerTurn(speaker="Ann", text="Hi", start=ts("0:01"))],
    )
    assert codes(episode, "podcasting20") == [
        "podcasting20.turn-without-time",
        "podcasting20.relative-url",
    ]


def test_generic_rules() -> None:
    episode = Episode(
        duration=ts("10:00"),
        chapters=[
            Chapter(start=ts("1:00"), title="A", end=ts("1:00.5")),
            Chapter(start=ts("5:00"), title="B", end=ts("11:00")),
            Chapter(start=ts("10:30"), title="C"),
        ],
        highlights=[
            Highlight(at=ts("0:30"), text="early"),
            Highlight(at=ts("2:00"), text="fine"),
            Highlight(at=ts("2:00"), text="again"),
        ],
        transcript=[
            SpeakerTurn(speaker=None, text="one", start=ts("3:00")),
            SpeakerTurn(speaker=None, text="two", start=ts("2:00")),
            SpeakerTurn(speaker=None, text="two", start=ts("2:00")),
        ],
    )
    found = validate(episode, "generic")
    assert [d.code for d in found] == [
        "start-beyond-duration",
        "end-beyond-duration",
        "duplicate-start",
        "duplicate-start",
        "zero-length-chapter",
        "highlight-outside-chapters",
        "turn-times-backwards",
    ]
    assert all(d.severity is Severity.WARNING for d in found)


def test_strict_runs_every_rule() -> None:
    assert set(PROFILES[Profile.STRICT]) >= set(PROFILES[Profile.GENERIC])
    assert len(PROFILES[Profile.STRICT]) == sum(
        len(PROFILES[p]) for p in (Profile.YOUTUBE, Profile.PODCASTING20, Profile.GENERIC)
    )


def test_rules_without_data_say_nothing() -> None:
    assert validate(Episode(), "generic") == ()
    episode = Episode(highlights=[Highlight(at=ts("1:00"), text="x")])
    assert validate(episode, "generic") == ()


def test_unknown_profile() -> None:
    with pytest.raises(ValueError, match="'tiktok' is not a valid Profile"):
        validate(Episode(), "tiktok")
