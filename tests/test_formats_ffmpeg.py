"""FFmpeg muxes our FFMETADATA into an .m4a and an .mp3, and ffprobe reports our chapters.

Five seconds of silence are encoded once per module (AAC in MP4, MP3 with ID3v2); each case
then copies the audio and takes the chapters (and the global title) from our metadata file.
ID3v2 ``CHAP`` frames keep starts, ends and titles exactly.  An MP4 chapter track keeps the
titles and the starts but the first (the track starts at 0), has no gaps (FFmpeg's MP4
reader gives each chapter the next one's start as its end) and keeps the last chapter's
length.  ffmpeg and ffprobe come from the Debian package ``ffmpeg``; in CI
(``CI`` set) they must be there, elsewhere a missing ffmpeg skips these tests.
"""

from __future__ import annotations

import itertools
import json
import os
import shutil
import subprocess
import tempfile
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podnotes import Chapter, Timestamp
from podnotes.formats import ffmetadata

_LENGTH_MS = 5000
_TIMEOUT = 60
_ENCODERS = {"m4a": ["-c:a", "aac", "-b:a", "32k"], "mp3": ["-c:a", "libmp3lame", "-b:a", "32k"]}

_QUIET = ["-v", "error", "-nostdin", "-y"]
# Audio from the first input, global tags and chapters from the second (our metadata).
_TAKE_CHAPTERS = ["-map", "0:a", "-map_metadata", "1", "-map_chapters", "1", "-c", "copy"]
_PROBE = ["-v", "error", "-show_chapters", "-show_entries", "format_tags", "-of", "json"]

Probed = list[tuple[int, int, str]]


def _tools() -> tuple[str, str]:
    ffmpeg, ffprobe = shutil.which("ffmpeg"), shutil.which("ffprobe")
    if ffmpeg is None or ffprobe is None:
        if os.environ.get("CI"):
            pytest.fail("ffmpeg and ffprobe must be installed in CI (apt-get install ffmpeg)")
        pytest.skip("ffmpeg is not installed")
    return ffmpeg, ffprobe


def _run(*args: str) -> str:
    done = subprocess.run(  # noqa: S603 - our own arguments, no shell
        args, capture_output=True, check=False, text=True, encoding="utf-8", timeout=_TIMEOUT
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def silence(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    ffmpeg, _ = _tools()
    folder = tmp_path_factory.mktemp("silence")
    made = {}
    for ext, codec in _ENCODERS.items():
        path = folder / f"silence.{ext}"
        # -t is an output option here: it bounds the (endless) lavfi source.
        silent = ["-f", "lavfi", "-i", "anullsrc=r=44100:cl=mono"]
        _run(ffmpeg, *_QUIET, *silent, "-t", str(_LENGTH_MS / 1000), *codec, str(path))
        made[ext] = path
    return made


def _probe(silence: dict[str, Path], metadata: str) -> dict[str, tuple[str | None, Probed]]:
    """Mux ``metadata`` into each file; ffprobe's (global title, chapters) for each."""
    ffmpeg, ffprobe = _tools()
    found = {}
    with tempfile.TemporaryDirectory() as folder:
        meta = Path(folder) / "meta.txt"
        meta.write_text(metadata, encoding="utf-8", newline="")
        for ext, source in silence.items():
            out = Path(folder) / f"out.{ext}"
            inputs = ["-i", str(source), "-i", str(meta)]
            _run(ffmpeg, *_QUIET, *inputs, *_TAKE_CHAPTERS, str(out))
            report = json.loads(_run(ffprobe, *_PROBE, str(out)))
            chapters = [
                (_ms(c["start"], c["time_base"]), _ms(c["end"], c["time_base"]), c["tags"]["title"])
                for c in report["chapters"]
            ]
            found[ext] = (report["format"].get("tags", {}).get("title"), chapters)
    return found


def _ms(value: int, time_base: str) -> int:
    exact = value * Fraction(time_base) * 1000
    assert exact.denominator == 1, (value, time_base)
    return int(exact)


def _expected(chapters: list[Chapter]) -> tuple[Probed, Probed]:
    """What ffprobe should report for the MP3 and for the M4A."""
    mp3 = []
    for index, chapter in enumerate(chapters):
        end = chapter.end
        if end is None:
            end = chapters[index + 1].start if index + 1 < len(chapters) else Timestamp(_LENGTH_MS)
        mp3.append((chapter.start.ms, end.ms, chapter.title))
    # An MP4 chapter track starts at 0 and has no gaps: the first chapter is moved to 0,
    # each one ends where the next starts, and the last one lasts as long as we said.
    m4a = [(start, following[0], title) for (start, _, title), following in itertools.pairwise(mp3)]
    if mp3:
        last_start, last_end, last_title = mp3[-1]
        m4a.append(
            (last_start, last_end, last_title) if m4a else (0, last_end - last_start, last_title)
        )
        m4a[0] = (0, m4a[0][1], m4a[0][2])
    return mp3, m4a


def _check(silence: dict[str, Path], chapters: list[Chapter], title: str | None) -> None:
    text = ffmetadata.render(chapters, title=title, duration=Timestamp(_LENGTH_MS))
    found = _probe(silence, text)
    mp3, m4a = _expected(chapters)
    assert found["mp3"] == (title, mp3)
    assert found["m4a"] == (title, m4a)


def test_golden_chapters_survive_ffmpeg(silence: dict[str, Path]) -> None:
    chapters = [
        Chapter(start=Timestamp(0), title="Cold open: a=b; c#d", end=Timestamp(1234)),
        Chapter(start=Timestamp(1500), title="Back\\slash and\nnew line"),
        Chapter(start=Timestamp(3001), title="  Ünïcödé 🎙 [CHAPTER] ;x #y  "),
        Chapter(start=Timestamp(4000), title="=start", end=Timestamp(4999)),
    ]
    _check(silence, chapters, "Tides = Time; #12")


_TITLES = st.text(
    st.characters(exclude_categories=("Cs", "Cc"), exclude_characters="\ufeff\ufffe\uffff")
    | st.sampled_from("=;#\\\n\r"),
    min_size=1,
    max_size=16,
).filter(lambda t: bool(t.strip()) and not t.endswith("\\"))


@st.composite
def _chapters(draw: st.DrawFn) -> list[Chapter]:
    starts = sorted(draw(st.sets(st.integers(0, _LENGTH_MS - 100), min_size=1, max_size=5)))
    chapters = []
    for index, start in enumerate(starts):
        limit = starts[index + 1] if index + 1 < len(starts) else _LENGTH_MS
        end = draw(st.none() | st.integers(start + 1, limit).map(Timestamp))
        chapters.append(Chapter(start=Timestamp(start), title=draw(_TITLES), end=end))
    return chapters


@settings(max_examples=15, deadline=None)
@given(_chapters(), st.none() | _TITLES)
def test_generated_chapters_survive_ffmpeg(
    silence: dict[str, Path], chapters: list[Chapter], title: str | None
) -> None:
    _check(silence, chapters, title)
