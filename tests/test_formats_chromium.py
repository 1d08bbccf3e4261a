"""Headless Chromium loads our WebVTT as <track> elements and finds our cues, times and text.

The page and the ``.vtt`` files are served from 127.0.0.1 (an ephemeral port, a thread);
Chromium runs once, headless, with ``--dump-dom``: a script on the page waits for every
track's ``load`` event and writes what the browser parsed into ``<pre id=out>``.  Chromium
is the Debian package ``chromium``; in CI (``CI`` set) it must be there, elsewhere a
missing browser skips these tests.
"""

from __future__ import annotations

import functools
import html
import http.server
import json
import os
import random
import re
import shutil
import subprocess
import threading
from pathlib import Path
from typing import Any

import pytest

from podnotes import Chapter, SpeakerTurn, Timestamp
from podnotes.formats import webvtt

FIXTURES = Path(__file__).parent / "fixtures" / "formats"

_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>tracks</title></head><body>
{videos}
<pre id="out">pending</pre>
<script>
const tracks = Array.from(document.querySelectorAll("track"));
const loaded = tracks.map(el => new Promise(done => {{
  el.addEventListener("load", () => done(true));
  el.addEventListener("error", () => done(false));
  el.track.mode = "hidden";
}}));
Promise.all(loaded).then(states => {{
  const report = tracks.map((el, i) => ({{
    name: el.getAttribute("src"),
    loaded: states[i],
    cues: Array.from(el.track.cues || []).map(cue => {{
      const fragment = cue.getCueAsHTML();
      const voice = fragment.querySelector("span[title]");
      return [cue.startTime, cue.endTime, fragment.textContent, voice ? voice.title : null];
    }}),
  }}));
  document.getElementById("out").textContent = JSON.stringify(report);
}});
</script>
</body></html>
"""

_OUT = re.compile(r'<pre id="out">([^<]*)</pre>')

# Titles and texts with what WebVTT must escape or refuse, and text beyond ASCII.
_PIECES = (
    "Intro",
    "Q&A",
    "a --> b",
    "<3",
    "x > y",
    "&amp;",
    "Ünïcödé 🎙",
    "日本語",
    "tab\there",
    "NOTE this",
    "  padded  ",
    "1",
)
_NAMES = ("Lex Fridman", "Tom & Jerry", "A<B>", "Zoë", "Speaker 1")


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:  # pragma: no cover - CI installs it
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (apt-get install -y chromium)")
        pytest.skip("chromium is not installed")
    return found


def _text(rng: random.Random) -> str:
    lines = [" ".join(rng.sample(_PIECES, rng.randint(1, 3))) for _ in range(rng.randint(1, 2))]
    return "\n".join(lines)


def _chapter_tracks() -> dict[str, tuple[Chapter, ...]]:
    golden = webvtt.parse_chapters((FIXTURES / "webvtt-chapters.vtt").read_text("utf-8"))
    tracks = {"chapters-golden.vtt": golden.value}
    rng = random.Random(490)  # noqa: S311 - test data, not secrets
    for number in range(6):
        starts = sorted(rng.sample(range(0, 150 * 3_600_000, 7), rng.randint(1, 12)))
        chapters = []
        for index, start in enumerate(starts):
            end = None
            if rng.random() < 0.3 or index + 1 == len(starts):
                end = Timestamp(start + rng.randint(1, 600_000))
            chapters.append(Chapter(start=Timestamp(start), title=_text(rng), end=end))
        tracks[f"chapters-{number}.vtt"] = tuple(chapters)
    return tracks


def _transcript_tracks() -> dict[str, tuple[SpeakerTurn, ...]]:
    golden = webvtt.parse((FIXTURES / "webvtt.vtt").read_bytes().decode("utf-8"))
    tracks = {"transcript-golden.vtt": golden.value}
    rng = random.Random(2026)  # noqa: S311 - test data, not secrets
    for number in range(6):
        turns = []
        for _ in range(rng.randint(1, 12)):
            start = rng.randrange(0, 120 * 3_600_000)
            turns.append(
                SpeakerTurn(
                    speaker=rng.choice((None, *_NAMES)),
                    text=_text(rng),
                    start=Timestamp(start),
                    end=Timestamp(start + rng.randint(1, 60_000)),
                )
            )
        tracks[f"transcript-{number}.vtt"] = tuple(turns)
    return tracks


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    chromium = _chromium()
    root = tmp_path_factory.mktemp("served")
    videos = []
    for name, chapters in _chapter_tracks().items():
        (root / name).write_text(webvtt.render_chapters(chapters), encoding="utf-8")
        videos.append(f'<video preload="none"><track kind="chapters" src="{name}"></video>')
    for name, turns in _transcript_tracks().items():
        (root / name).write_text(webvtt.render(turns), encoding="utf-8")
        videos.append(f'<video preload="none"><track kind="subtitles" src="{name}"></video>')
    (root / "page.html").write_text(_PAGE.format(videos="\n".join(videos)), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002, ANN401
            """Keep the test output clean."""

    handler = functools.partial(Quiet, directory=str(root))
    with http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            port = server.server_address[1]
            done = subprocess.run(  # noqa: S603 - a fixed argument list, no shell
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    f"--user-data-dir={tmp_path_factory.mktemp('profile')}",
                    "--virtual-time-budget=5000",
                    "--dump-dom",
                    f"http://127.0.0.1:{port}/page.html",
                ],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
        finally:
            server.shutdown()
            thread.join()
    found = _OUT.search(done.stdout)
    assert found is not None, (
        f"no report from Chromium:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    )
    assert found.group(1) != "pending", "Chromium did not finish loading the tracks"
    return {track["name"]: track for track in json.loads(html.unescape(found.group(1)))}


def _ms(seconds: float) -> int:
    return round(seconds * 1000)


@pytest.mark.parametrize("name", sorted(_chapter_tracks()))
def test_chromium_reads_our_chapter_tracks(report: dict[str, Any], name: str) -> None:
    track = report[name]
    assert track["loaded"]
    expected = webvtt.parse_chapters(webvtt.render_chapters(_chapter_tracks()[name])).value
    assert [(_ms(start), _ms(end), text) for start, end, text, _ in track["cues"]] == [
        (c.start.ms, c.end.ms if c.end else None, c.title) for c in expected
    ]


@pytest.mark.parametrize("name", sorted(_transcript_tracks()))
def test_chromium_reads_our_transcripts(report: dict[str, Any], name: str) -> None:
    track = report[name]
    assert track["loaded"]
    turns = _transcript_tracks()[name]
    # Chromium keeps cues in the spec's order: by start, then by end, latest first.
    expected = sorted(turns, key=lambda t: (t.start.ms, -t.end.ms))  # type: ignore[union-attr]
    assert [(_ms(start), _ms(end), text, voice) for start, end, text, voice in track["cues"]] == [
        (t.start.ms, t.end.ms, t.text, t.speaker)  # type: ignore[union-attr]
        for t in expected
    ]
