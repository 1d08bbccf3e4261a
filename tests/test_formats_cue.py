"""CUE sheets: round trips at CD-frame precision, and cuetools reading what we write.

The real consumer is cuetools (Debian package ``cuetools``): ``cueprint`` reports the
titles and ``cuebreakpoints`` the track starts of our sheets.  In CI (``CI`` set) it must
be installed; elsewhere a missing cuetools skips that test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podnotes import Chapter, Episode, ParseError, Timestamp
from podnotes import strategies as pst
from podnotes._timeparse import round_half_up
from podnotes.formats import cue
from podnotes.formats._registry import get_format

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
STRICT = True  # the Reader takes strict by position

_TITLES = st.text(
    st.characters(exclude_categories=["Cs"], exclude_characters='"\\\r\n'),
    min_size=1,
    max_size=20,
).filter(str.strip)


def _frame_ms(frames: int) -> int:
    return round_half_up(Fraction(frames * 1000, 75))


def _frame_starts() -> st.SearchStrategy[int]:
    """Starts (in milliseconds) that are whole CD frames, up to 150 hours."""
    return st.integers(0, 75 * 3600 * 150).map(_frame_ms)


def chapter_lists(*, max_size: int = 8) -> st.SearchStrategy[list[Chapter]]:
    """Chapters whose starts are whole CD frames, with ends and URLs the format drops."""
    return pst.chapter_lists(
        max_size=max_size,
        titles=_TITLES,
        starts=_frame_starts(),
        with_ends=True,
        with_urls=True,
        lengths=st.just(1),
    )


def _carried(chapters: list[Chapter]) -> tuple[Chapter, ...]:
    return tuple(Chapter(start=c.start, title=c.title) for c in chapters)


@given(chapter_lists(), st.none() | _TITLES, st.none() | _TITLES)
def test_round_trip(chapters: list[Chapter], title: str | None, show: str | None) -> None:
    text = cue.render(chapters)
    back = cue.parse(text, strict=True)
    assert back.value == _carried(chapters)
    assert back.diagnostics == ()
    assert cue.render(back.value) == text
    fmt = get_format("cue")
    text = fmt.write(Episode(title=title, podcast=show, number=4, chapters=chapters))
    assert fmt.read is not None
    assert fmt.read(text, STRICT).value == Episode(
        title=title, podcast=show, chapters=_carried(chapters)
    )
    assert fmt.looks_like is not None
    assert fmt.looks_like(text) == bool(chapters)


@given(st.sets(st.integers(0, 10**9), max_size=8))
def test_other_times_come_back_within_half_a_frame(starts: set[int]) -> None:
    frames = {round_half_up(Fraction(ms * 75, 1000)) for ms in starts}
    chapters = [Chapter(start=Timestamp(ms), title="x") for ms in sorted(starts)]
    if len(frames) < len(starts):  # two starts in one frame: render refuses
        with pytest.raises(ValueError, match="at least one CD frame"):
            cue.render(chapters)
        return
    back = cue.parse(cue.render(chapters), strict=True).value
    assert [abs(b.start.ms - c.start.ms) for b, c in zip(back, chapters, strict=True)] == [
        min(abs(b.start.ms - c.start.ms), 7) for b, c in zip(back, chapters, strict=True)
    ]


@given(st.text())
def test_lenient_parse_never_raises(text: str) -> None:
    cue.parse(text)
    cue.parse('FILE "a.mp3" MP3\nTRACK 01 AUDIO\n' + text)


def test_golden_file() -> None:
    text = (FIXTURES / "cue.cue").read_text(encoding="utf-8")
    fmt = get_format("cue")
    assert fmt.read is not None
    result = fmt.read(text, STRICT)
    chapters = (
        Chapter(start=Timestamp(0), title="Cold open"),
        Chapter(start=Timestamp(65_507), title="Q&A with Dr. Ann Lee"),
        Chapter(start=Timestamp(1_805_000), title="The tide turns"),
        Chapter(start=Timestamp(3_722_493), title="Outro"),
    )
    assert result.value == Episode(title="Tides & Time", podcast="Example Show", chapters=chapters)
    assert [(d.code, d.line, d.message) for d in result.diagnostics] == [
        ("cue.ignored", 11, "podnotes keeps no PERFORMER of a track; ignored it"),
        ("cue.ignored", 12, "podnotes keeps only INDEX 01 (the track's start); ignored INDEX 00"),
    ]
    written = cue.render(chapters, file="tides-and-time.mp3", title="Tides & Time")
    assert written == "\n".join(
        [
            'TITLE "Tides & Time"',
            'FILE "tides-and-time.mp3" MP3',
            "  TRACK 01 AUDIO",
            '    TITLE "Cold open"',
            "    INDEX 01 00:00:00",
            "  TRACK 02 AUDIO",
            '    TITLE "Q&A with Dr. Ann Lee"',
            "    INDEX 01 01:05:38",
            "  TRACK 03 AUDIO",
            '    TITLE "The tide turns"',
            "    INDEX 01 30:05:00",
            "  TRACK 04 AUDIO",
            '    TITLE "Outro"',
            "    INDEX 01 62:02:37",
            "",
        ]
    )


@pytest.mark.parametrize(
    ("file", "kind"),
    [("a.mp3", "MP3"), ("a.MP3", "MP3"), ("a.aiff", "AIFF"), ("a.flac", "WAVE"), ("noext", "WAVE")],
)
def test_file_type_follows_the_name(file: str, kind: str) -> None:
    assert cue.render([], file=file) == f'FILE "{file}" {kind}\n'


def test_lenient_reading_of_loose_sheets() -> None:
    text = "\n".join(
        [
            "file a.wav wave",
            "track 1 audio",
            "\ttitle\tUnquoted words",
            "\tindex 1 0:00:00",
            "TRACK 02 AUDIO",
            '  TITLE "He said "hi""',
            "  FLAGS DCP",
            "  INDEX 01 00:10:00",
        ]
    )
    result = cue.parse(text, strict=True)
    assert result.value == (
        Chapter(start=Timestamp(0), title="Unquoted words"),
        Chapter(start=Timestamp(10_000), title='He said "hi"'),
    )
    assert [d.code for d in result.diagnostics] == ["cue.ignored"]


def test_errors_render_with_carets() -> None:
    text = "\n".join(
        [
            "TRACK 01 AUDIO",
            'FILE "a.mp3" MP3',
            'TITLE "x',
            "INDEX 01 00:00:00",
            "  TRACK 03 AUDIO",
            '    TITLE "b"',
            "    INDEX 01 00:61:00",
            "  TRACK 04 AUDIO",
            '    TITLE ""',
            "    INDEX 01 00:05:00",
            "  TRACK 05 AUDIO",
            '    TITLE "c"',
            '    TITLE "d"',
            "    INDEX 01 00:00:00",
            "    INDEX 01 00:01:00",
            "BOGUS line",
            'FILE "b.mp3" MP3',
            "  TRACK 100 AUDIO",
            "  INDEX 01 00:00:00",
        ]
    )
    with pytest.raises(ParseError) as caught:
        cue.parse(text, strict=True)
    assert str(caught.value) == "\n".join(
        [
            "12 problems in the input:",
            "line 1, column 1: expected a FILE line before the first TRACK",
            "    1 | TRACK 01 AUDIO",
            "      | ^^^^^^^^^^^^^^",
            "",
            "line 1, column 1: expected a TITLE that is not blank in the track, found none; dropped the track",
            "    1 | TRACK 01 AUDIO",
            "      | ^^^^^^^^^^^^^^",
            "",
            "line 3, column 1: expected a closing quote after TITLE, found none",
            '    3 | TITLE "x',
            "      | ^^^^^^^^",
            "",
            "line 5, column 3: expected INDEX 01 in the track, found none; dropped the track",
            "    5 |   TRACK 03 AUDIO",
            "      |   ^^^^^^^^^^^^^^",
            "",
            "line 7, column 5: expected an index such as \"INDEX 01 01:05:37\", found 'INDEX 01 00:61:00'",
            "    7 |     INDEX 01 00:61:00",
            "      |     ^^^^^^^^^^^^^^^^^",
            "",
            "line 8, column 3: expected a TITLE that is not blank in the track, found none; dropped the track",
            "    8 |   TRACK 04 AUDIO",
            "      |   ^^^^^^^^^^^^^^",
            "",
            "line 13, column 5: expected one TITLE in a track, found another",
            '   13 |     TITLE "d"',
            "      |     ^^^^^^^^^",
            "",
            "line 15, column 5: expected one INDEX 01 in a track, found another",
            "   15 |     INDEX 01 00:01:00",
            "      |     ^^^^^^^^^^^^^^^^^",
            "",
            "line 16, column 1: expected a CUE command (FILE, TRACK, TITLE, PERFORMER, INDEX or REM), found 'BOGUS line'",
            "   16 | BOGUS line",
            "      | ^^^^^^^^^^",
            "",
            "line 17, column 1: expected one FILE, found another (its times would start again)",
            '   17 | FILE "b.mp3" MP3',
            "      | ^^^^^^^^^^^^^^^^",
            "",
            "line 18, column 3: expected a track such as \"TRACK 01 AUDIO\", found 'TRACK 100 AUDIO'",
            "   18 |   TRACK 100 AUDIO",
            "      |   ^^^^^^^^^^^^^^^",
            "",
            "line 19, column 3: expected INDEX inside a TRACK, found it outside any track",
            "   19 |   INDEX 01 00:00:00",
            "      |   ^^^^^^^^^^^^^^^^^",
        ]
    )
    lenient = cue.parse(text)
    assert lenient.value == (Chapter(start=Timestamp(0), title="c"),)
    assert [d.code for d in lenient.diagnostics if d not in caught.value.diagnostics] == [
        "cue.track-number"
    ]


@pytest.mark.parametrize(
    ("chapters", "kwargs", "message"),
    [
        (
            [Chapter(start=Timestamp(0), title='Say "hi"')],
            {},
            "CUE cannot carry a double quote, a backslash or a line break, found one in the title of chapter 1: 'Say \"hi\"'",
        ),
        (
            [Chapter(start=Timestamp(0), title="two\nlines")],
            {},
            "CUE cannot carry a double quote, a backslash or a line break, found one in the title of chapter 1: 'two\\nlines'",
        ),
        (
            [],
            {"file": 'a"b.mp3'},
            "CUE cannot carry a double quote, a backslash or a line break, found one in the file name: 'a\"b.mp3'",
        ),
        (
            [],
            {"title": "C:\\x"},
            "CUE cannot carry a double quote, a backslash or a line break, found one in the title: 'C:\\\\x'",
        ),
        (
            [],
            {"performer": "a\rb"},
            "CUE cannot carry a double quote, a backslash or a line break, found one in the performer: 'a\\rb'",
        ),
        (
            [Chapter(start=Timestamp(i * 1000), title="x") for i in range(100)],
            {},
            "a CUE sheet holds at most 99 tracks, found 100 chapters",
        ),
        (
            [Chapter(start=Timestamp(0), title="a"), Chapter(start=Timestamp(6), title="b")],
            {},
            "expected chapters at least one CD frame (1/75 s) apart and in increasing order, found 'b' at 0:00.006 after 'a' at 0:00",
        ),
        (
            [Chapter(start=Timestamp(900), title="a"), Chapter(start=Timestamp(10), title="b")],
            {},
            "expected chapters at least one CD frame (1/75 s) apart and in increasing order, found 'b' at 0:00.010 after 'a' at 0:00.900",
        ),
    ],
)
def test_render_refuses(chapters: list[Chapter], kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)) as caught:
        cue.render(chapters, **kwargs)
    assert str(caught.value) == message


def test_ninety_nine_tracks_fit() -> None:
    chapters = [Chapter(start=Timestamp(i * 1000), title=f"t{i}") for i in range(99)]
    text = cue.render(chapters)
    assert "  TRACK 99 AUDIO\n" in text
    assert cue.parse(text, strict=True).value == tuple(chapters)


def test_type_errors() -> None:
    with pytest.raises(TypeError, match="expected Chapter items, found int"):
        cue.render([1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="expected the text as str, found bytes"):
        cue.parse(b"")  # type: ignore[arg-type]


def test_looks_like() -> None:
    assert cue.FORMAT.looks_like is not None
    assert cue.FORMAT.looks_like((FIXTURES / "cue.cue").read_text(encoding="utf-8"))
    assert not cue.FORMAT.looks_like("Title line\nTRACK 01 AUDIO\nINDEX 01 00:00:00")
    assert not cue.FORMAT.looks_like('FILE "a.mp3" MP3\n')


@pytest.mark.parametrize(
    "text",
    [
        "TITLE " + '"' * 100_000,
        'FILE "a" MP3\nTRACK 01 AUDIO\nINDEX 01 ' + "1" * 100_000,
        "TRACK 01 AUDIO\n" * 5_000,
        " " * 100_000 + "x",
    ],
)
def test_adversarial_input_is_linear(text: str) -> None:
    began = time.perf_counter()
    cue.parse(text)
    assert time.perf_counter() - began < 2.0


# --- real consumer: cuetools ----------------------------------------------------------------


def _cuetools() -> tuple[str, str]:
    cueprint, breakpoints = shutil.which("cueprint"), shutil.which("cuebreakpoints")
    if cueprint is None or breakpoints is None:
        if os.environ.get("CI"):
            pytest.fail("cuetools must be installed in CI (apt-get install cuetools)")
        pytest.skip("cuetools is not installed")
    return cueprint, breakpoints


def _run(*args: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own arguments, no shell
        args, capture_output=True, check=False, text=True, encoding="utf-8", timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


# cuetools reads sheets byte by byte: keep to printable text (no control characters).
_PRINTABLE = st.text(
    st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters='"\\'),
    min_size=1,
    max_size=20,
).filter(str.strip)


def _sheets() -> st.SearchStrategy[list[Chapter]]:
    return pst.chapter_lists(min_size=1, titles=_PRINTABLE, starts=_frame_starts())


@settings(max_examples=25, deadline=None)
@given(_sheets(), _PRINTABLE, _PRINTABLE)
def test_cuetools_reads_our_sheets(chapters: list[Chapter], title: str, show: str) -> None:
    cueprint, breakpoints = _cuetools()
    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "episode.cue"
        sheet.write_text(cue.render(chapters, title=title, performer=show), encoding="utf-8")
        disc = _run(cueprint, "-d", "%T\\n%P\\n%N\\n", "-t", "", str(sheet))
        titles = _run(cueprint, "-d", "", "-t", "%t\\n", str(sheet))
        starts = _run(breakpoints, str(sheet))
    assert disc == f"{title}\n{show}\n{len(chapters)}\n"
    assert titles == "".join(f"{c.title}\n" for c in chapters)
    # cuebreakpoints prints where tracks 2.. start, as M:SS.FF (frames).
    expected = []
    for chapter in chapters[1:]:
        frames = round_half_up(Fraction(chapter.start.ms * 75, 1000))
        seconds, frame = divmod(frames, 75)
        expected.append(f"{seconds // 60}:{seconds % 60:02d}.{frame:02d}\n")
    assert starts == "".join(expected)


def test_sheet_level_problems() -> None:
    text = "\n".join(
        [
            'TITLE ""',
            'TITLE "Sheet"',
            'PERFORMER "Show"',
            'PERFORMER "Other show"',
            'FILE "a.mp3" MP3',
            "  TRACK 01 AUDIO",
            '    TITLE "Late"',
            "    INDEX 01 00:10:00",
            "  TRACK 02 AUDIO",
            '    TITLE "Early"',
            "    INDEX 01 00:05:00",
        ]
    )
    fmt = get_format("cue")
    assert fmt.read is not None
    result = fmt.read(text, not STRICT)
    assert result.value == Episode(
        title="Sheet", podcast="Show", chapters=[Chapter(start=Timestamp(10_000), title="Late")]
    )
    assert [(d.line, d.message) for d in result.diagnostics] == [
        (1, "expected a TITLE that is not blank, found a blank one"),
        (4, "expected one PERFORMER for the sheet, found another"),
        (11, "expected a track start after 0:10, found 0:05; dropped it"),
    ]
    with pytest.raises(ParseError, match="3 problems in the input"):
        fmt.read(text, STRICT)
