from __future__ import annotations

import subprocess
import sys

import pytest

import podnotes
from podnotes import cli


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"podnotes {podnotes.__version__}\n"


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main([]) == 2
    assert "a command is required" in capsys.readouterr().err


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["--nope"]) == 2
    assert "unrecognized arguments: --nope" in capsys.readouterr().err


def test_timestamp_prints_each_time_in_the_style(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["timestamp", "62m", "PT45.5S", "--style", "srt"]) == 0
    assert capsys.readouterr().out == "01:02:00,000\n00:00:45,500\n"


def test_timestamp_with_frame_rate(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["timestamp", "00:00:01:12", "--frame-rate", "24"]) == 0
    assert capsys.readouterr().out == "0:01.500\n"


def test_timestamp_reports_bad_input_and_goes_on(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["timestamp", "1:2x", "1:05"]) == 1
    out = capsys.readouterr()
    assert out.out == "1:05\n"
    assert out.err.startswith("podnotes timestamp: ")
    assert '"1:2x"' in out.err


def test_run_exits_with_main_status(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "argv", ["podnotes", "timestamp", "1:05"])
    with pytest.raises(SystemExit) as exc:
        cli.run()
    assert exc.value.code == 0


def test_console_script_is_installed() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "podnotes", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout == f"podnotes {podnotes.__version__}\n"
