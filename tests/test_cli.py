from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
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


def test_parse_example_prints_episode_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", "--example"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema"] == "podnotes/1"
    assert (data["number"], data["site"]) == (7, "shows.example.com")
    assert [c["title"] for c in data["chapters"]][:2] == [
        "Introduction",
        "What a starter really is",
    ]
    assert len(data["highlights"]) == 5
    assert data["transcript"][0]["speaker"] == "Host"


def test_parse_file_and_stdin(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Chapters\n0:00 A\n1:00 B\n", encoding="utf-8")
    assert cli.main(["parse", str(page), "--compact"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    assert json.loads(out)["chapters"][1] == {"start": 60, "title": "B", "end": None, "url": None}
    monkeypatch.setattr(sys, "stdin", io.StringIO("Chapters\n0:00 A\n1:00 B\n"))
    assert cli.main(["parse", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["chapters"][0]["title"] == "A"


def test_parse_strict_fails_with_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Chapters\n0:00 A\n9:00 B\n5:00 C\n", encoding="utf-8")
    assert cli.main(["parse", str(page), "--strict"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "podnotes parse: 1 problem in the input:\n"
        "line 4, column 1: expected a chapter start after 9:00, found 5:00\n"
        "    4 | 5:00 C\n"
        "      | ^^^^\n"
    )


def test_parse_lenient_says_errors_exist_and_diagnostics_shows_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Chapters\n0:00 A\n9:00 B\n5:00 C\n", encoding="utf-8")
    assert cli.main(["parse", str(page)]) == 0
    assert "1 error(s) in the input; --diagnostics shows them" in capsys.readouterr().err
    assert cli.main(["parse", str(page), "--diagnostics"]) == 0
    err = capsys.readouterr().err
    assert "line 4, column 1: expected a chapter start after 9:00, found 5:00" in err
    assert "      | ^^^^" in err


def test_parse_unreadable_and_undecodable_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["parse", str(tmp_path / "missing.txt")]) == 1
    assert "cannot read" in capsys.readouterr().err
    binary = tmp_path / "page.bin"
    binary.write_bytes(b"0:00 Intro\n\x81\xc3(")
    assert cli.main(["parse", str(binary)]) == 1
    assert capsys.readouterr().err == (
        f"podnotes parse: {binary}: not text in a known encoding: expected UTF-8 text, "
        "found byte 0x81 at offset 11; not Latin-1 either (control byte 0x81 at offset 11)\n"
    )


def test_parse_reads_latin1_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_bytes(b"Chapters\n0:00 Caf\xe9\n1:00 Cr\xe8me\n")
    assert cli.main(["parse", str(page), "--diagnostics"]) == 0
    captured = capsys.readouterr()
    assert [c["title"] for c in json.loads(captured.out)["chapters"]] == ["Café", "Crème"]
    assert captured.err.startswith(
        "line 2, column 9: expected UTF-8 text, found byte 0xe9 at offset 17; "
        "read it as Latin-1\n"
        "    2 | 0:00 Café\n"
        "      |         ^\n"
    )


def test_parse_needs_a_file_or_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse"]) == 2
    assert "one of the arguments FILE --example is required" in capsys.readouterr().err


def test_broken_pipe_ends_quietly() -> None:
    code = (
        "import sys\n"
        "from podnotes import cli\n"
        "sys.argv = ['podnotes', 'parse', '--example']\n"
        "cli.run()\n"
    )
    with subprocess.Popen(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as reader:
        assert reader.stdout is not None
        assert reader.stderr is not None
        reader.stdout.read(10)
        reader.stdout.close()  # the reader goes away, like `| head -c 10`
        assert reader.wait(timeout=60) in {0, 141}  # 0 when all fitted in the pipe first
        assert reader.stderr.read() == b""


def test_run_turns_a_broken_pipe_into_status_141(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def broken(_argv: object = None) -> int:
        raise BrokenPipeError

    monkeypatch.setattr(cli, "main", broken)
    with (tmp_path / "out").open("w") as stand_in:
        monkeypatch.setattr(sys, "stdout", stand_in)
        with pytest.raises(SystemExit) as exc:
            cli.run()
    assert exc.value.code == 141


def test_convert_page_to_json_file_atomically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Chapters\n0:00 A\n1:00 B\n", encoding="utf-8")
    target = tmp_path / "out.json"
    assert cli.main(["convert", str(page), "--to", "json", "-o", str(target)]) == 0
    assert capsys.readouterr().out == ""
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    data = json.loads(target.read_text("utf-8"))
    assert [c["title"] for c in data["chapters"]] == ["A", "B"]
    # JSON is detected on the way back in, and converts to itself unchanged.
    assert cli.main(["convert", str(target), "--to", "json"]) == 0
    assert capsys.readouterr().out == target.read_text("utf-8")


def test_convert_reports_unreadable_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "podnotes/1", "bogus": 1}', encoding="utf-8")
    assert cli.main(["convert", str(bad), "--to", "json"]) == 1
    assert "unknown keys: bogus @ $" in capsys.readouterr().err
    assert cli.main(["convert", str(tmp_path / "nope"), "--to", "json"]) == 1
    assert "cannot read" in capsys.readouterr().err


def test_convert_and_validate_decode_inputs_as_parse_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    utf16 = tmp_path / "utf16.srt"
    utf16.write_text("1\n00:00:01,000 --> 00:00:02,000\nAda: Hi\n", encoding="utf-16")
    assert cli.main(["convert", str(utf16), "--to", "podcast-transcript"]) == 0
    assert json.loads(capsys.readouterr().out)["segments"][0]["speaker"] == "Ada"

    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(b"Chapters\n0:00 Caf\xe9\n1:00 Bar\n")
    assert cli.main(["convert", str(latin1), "--to", "mp4chaps"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "00:00:00.000 Caf\u00e9\n00:01:00.000 Bar\n"
    assert captured.err == (
        f"podnotes convert: {latin1}: warning: expected UTF-8 text, "
        "found byte 0xe9 at offset 17; read it as Latin-1\n"
    )

    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert cli.main(["validate", str(empty)]) == 1
    assert capsys.readouterr().err == (
        f"podnotes validate: {empty}: empty: expected a page, found no text\n"
    )


def test_convert_strict_and_diagnostics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Chapters\n0:00 A\n9:00 B\n5:00 C\n", encoding="utf-8")
    assert cli.main(["convert", str(page), "--to", "json", "--strict"]) == 1
    assert "1 problem in the input" in capsys.readouterr().err
    assert cli.main(["convert", str(page), "--to", "json", "--diagnostics"]) == 0
    assert "expected a chapter start after 9:00" in capsys.readouterr().err


def test_validate_prints_findings_with_carets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Chapters\n0:05 Intro\n0:09 Quick\n", encoding="utf-8")
    assert cli.main(["validate", str(page), "--profile", "youtube"]) == 1
    captured = capsys.readouterr()
    assert (
        'line 2, column 6: expected the first chapter at 0:00, found "Intro" at 0:05\n'
        "    2 | 0:05 Intro\n"
        "      |      ^^^^^\n"
    ) in captured.out
    assert captured.err == "3 finding(s), 3 error(s)\n"
    good = tmp_path / "good.txt"
    good.write_text("Chapters\n0:00 A\n1:00 B\n2:00 C\n", encoding="utf-8")
    assert cli.main(["validate", str(good), "--profile", "youtube"]) == 0
    assert capsys.readouterr().err == "0 finding(s), 0 error(s)\n"
    assert cli.main(["validate", str(tmp_path / "nope")]) == 1


@pytest.mark.parametrize("name", ["json", "podcast-chapters", "podcast-transcript"])
def test_schema_prints_a_json_schema(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schema", "--format", name]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_parse_output_validates_against_the_printed_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert cli.main(["parse", "--example"]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)
