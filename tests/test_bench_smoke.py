"""Smoke runs of the benchmark command, ``benchmarks/run.py --quick``.

The podnotes side must always run (``--only-podnotes``); the peers of the ``bench``
dependency group are used when installed and reported as missing otherwise.  The example
folder is one written here, so the accuracy numbers are known.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"
JOBS = (
    "description chapters",
    "time parsing",
    "SRT read",
    "SRT write",
    "WebVTT read",
    "transcript parse",
    "page parse",
)
# Distribution name, import name, the job its rows belong to.
PEERS = (
    ("yt-dlp", "yt_dlp", "time parsing"),
    ("podcast-chapter-tools", "podcast_chapter_tools", "description chapters"),
    ("srt", "srt", "SRT write"),
    ("webvtt-py", "webvtt", "WebVTT read"),
)


def _examples(folder: Path) -> Path:
    """One page with three chapters (one of them written ``0:00``) and its expected result."""
    folder.mkdir()
    (folder / "bakery.txt").write_text(
        "\n".join(
            [
                "Crumb Talk",
                "",
                "#12 – Starters",
                "",
                "Chapters",
                "",
                "0:00 Welcome",
                "4:10 Feeding a starter",
                "1:02:03 Baking day",
                "",
            ]
        ),
        encoding="utf-8",
    )
    expected = {
        "chapters": [
            {"start": "0:00:00", "title": "Welcome"},
            {"start": "0:04:10", "title": "Feeding a starter"},
            {"start": "1:02:03", "title": "Baking day"},
        ]
    }
    (folder / "bakery.expected.json").write_text(json.dumps(expected), encoding="utf-8")
    return folder


def _run(tmp_path: Path, *flags: str) -> tuple[str, Path]:
    out = tmp_path / "results"
    done = subprocess.run(  # noqa: S603 - this interpreter and our own script, no shell
        [
            sys.executable,
            str(SCRIPT),
            "--quick",
            *flags,
            "--out",
            str(out),
            "--examples",
            str(_examples(tmp_path / "examples")),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout, out


def _rows(report: str, job: str) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in report.splitlines()
        if line.startswith(f"| {job} |")
    ]


def test_only_podnotes_times_every_job_and_scores_the_examples(tmp_path: Path) -> None:
    report, out = _run(tmp_path, "--only-podnotes")
    for job in JOBS:
        rows = _rows(report, job)
        assert len(rows) == 1, job  # one size, no peer
        podnotes_ms = float(rows[0][2])
        assert podnotes_ms > 0
        assert rows[0][3] == "-"  # no peer column
    # Jobs reading one text are compared with str.splitlines on it.
    assert _rows(report, "page parse")[0][6] != "-"
    assert _rows(report, "time parsing")[0][6] == "-"
    assert "no peer was loaded" in report
    assert "| bakery | P 1.00 R 1.00 (3/3 found, 3 exp.) |" in report
    assert (out / "latest.md").read_text(encoding="utf-8") in report
    assert not (out / "performance.png").exists()  # --quick draws no chart unless asked
    assert "Skipped under --quick" in report  # nor runs the linearity rows


def test_quick_run_uses_the_peers_that_are_installed(tmp_path: Path) -> None:
    report, _ = _run(tmp_path)
    for distribution, module, job in PEERS:
        peer_rows = [row for row in _rows(report, job) if row[3] == distribution]
        if importlib.util.find_spec(module) is None:
            assert f"- missing: {distribution}: not importable" in report
            assert peer_rows == []
        else:
            assert len(peer_rows) == 1, distribution
            # Timed (it agreed with the input's truth) or plainly marked as not timed.
            assert peer_rows[0][4] != "-" or peer_rows[0][5].startswith("disagrees")


TRANSCRIPT_SCRIPT = SCRIPT.with_name("bench_transcript.py")


def test_the_transcript_benchmark_times_each_row_in_a_worker() -> None:
    """``bench_transcript.py --quick``: six rows and four floors, each from a worker process.

    Only the table is checked, not the ratios (the exit status says whether a 1x ratio
    missed the target, and a run under coverage is no measure of speed).
    """
    done = subprocess.run(  # noqa: S603 - this interpreter and our own script, no shell
        [sys.executable, str(TRANSCRIPT_SCRIPT), "--quick", "--workers", "1"],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode in {0, 1}, done.stderr
    lines = done.stdout.splitlines()
    assert "each row in 1 fresh process(es)" in done.stdout
    rows = [line.split() for line in lines if line.startswith(("podnotes.", "transcript."))]
    assert [(row[0], row[1], row[2]) for row in rows] == [
        (parser, layout, "1x")
        for layout in ("name-time-line", "name-colon", "timed-text")
        for parser in ("podnotes.parse", "transcript.parse")
    ]
    floors = [line for line in lines if line.startswith("floor: ")]
    assert len(floors) == 4
    for row in rows:
        parse_ms, split_ms, ratio = float(row[5]), float(row[6]), float(row[7])
        assert parse_ms > split_ms > 0
        assert abs(ratio - parse_ms / split_ms) < 0.1  # one worker: its two times, rounded
        assert row[-1] in {"PASS", "FAIL"}
        if abs(ratio - 12) > 0.05:  # the target; a printed 12.0 may be either side of it
            assert row[-1] == ("PASS" if ratio < 12 else "FAIL")
    assert done.returncode == any(row[-1] == "FAIL" for row in rows)
