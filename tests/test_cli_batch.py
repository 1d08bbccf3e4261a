"""``podnotes parse`` over many inputs: JSON Lines, -o DIR, --jobs, bad inputs, progress."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from podnotes import _parse_command, cli, parse
from podnotes.diagnostics import render_diagnostics

GOOD = "Chapters\n0:00 Intro\n1:00 Middle\n2:00 End\n"


def _page(n: int) -> str:
    """A small page; ``n`` picks the layouts, so 2,000 of them are not all alike."""
    lines = [f"#{n} – Episode number {n}", "", f"A show about thing {n}.", ""]
    if n % 3 != 1:
        lines += ["Chapters", ""]
        for k in range(2 + n % 4):
            at = f"{k * (7 + n % 5)}:{(n * 7 + k) % 60:02d}"
            title = f"Part {k} of {n}"
            lines += [f"{at} {title}" if n % 2 else f"{title} ({at})"]
        lines.append("")
    if n % 4 == 0:
        lines += ["Highlights", "", "0:30", f"A point about {n}", "4:10", "Another point", ""]
    if n % 5 in {0, 2}:
        lines += ["Transcript", ""]
        lines += [f"{('Host', 'Guest')[k % 2]}: Line {k} for {n}." for k in range(1 + n % 6)]
    return "\n".join(lines) + "\n"


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_jobs_2_writes_the_same_json_lines_as_jobs_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    for n in range(2000):
        folder = pages / f"show{n % 7}"
        folder.mkdir(parents=True, exist_ok=True)
        page = folder / f"page{n:04d}.txt"
        if n % 401 == 3:
            page.write_bytes(b"\x00binary")  # a few failures, which keep their place too
        else:
            page.write_text(_page(n), encoding="utf-8")
    assert cli.main(["parse", str(pages), "--jobs", "1"]) == 1
    one = capsys.readouterr()
    assert cli.main(["parse", str(pages), "--jobs", "2"]) == 1
    two = capsys.readouterr()
    assert two.out == one.out
    assert two.err == one.err
    records = _records(one.out)
    assert len(records) == 2000
    expected_order = sorted(str(p) for p in pages.rglob("*.txt"))
    assert [r["source"] for r in records] == expected_order
    failed = [r["source"] for r in records if r["error"] is not None]
    assert len(failed) == 5
    assert one.err.endswith("podnotes parse: 2000 files, 1995 episodes, 5 errors\n")
    episodes = [r["episode"] for r in records if r["episode"] is not None]
    assert {e["number"] for e in episodes} == {n for n in range(2000) if n % 401 != 3}
    assert any(e["chapters"] for e in episodes)
    assert any(e["highlights"] for e in episodes)
    assert any(e["transcript"] for e in episodes)


# file name -> (bytes, the reason said on stderr, or None when the file parses)
BATCH = {
    "a-good.txt": (GOOD.encode(), None),
    "b-binary.txt": (
        b"GIF89a\x01\x00\x01\x00",
        (
            "binary data: expected text, found a NUL byte at offset 7 "
            "(UTF-16 text needs a byte order mark)"
        ),
    ),
    "c-utf16.txt": ("Chapters\n0:00 Ünïcode\n1:00 Two\n".encode("utf-16"), None),
    "d-unknown.txt": (
        b"0:00 Intro\n\x81\x8d\n",
        (
            "not text in a known encoding: expected UTF-8 text, found byte 0x81 at offset 11; "
            "not Latin-1 either (control byte 0x81 at offset 11)"
        ),
    ),
    "e-latin1.txt": (b"Chapters\n0:00 Caf\xe9\n1:00 Two\n", None),
    "f-empty.txt": (b"", "empty: expected a page, found no text"),
    "g-huge.txt": (
        b"Chapters\n" + b"0:00 Intro\n" * 100,
        "too large: expected at most 1024 bytes, found 1109 bytes",
    ),
    "h-good.txt": (b"Chapters\n0:00 Last\n1:00 Page\n", None),
}


def test_each_bad_input_is_named_on_one_line_and_the_rest_still_parse(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for name, (content, _) in BATCH.items():
        (pages / name).write_bytes(content)
    missing = tmp_path / "missing.txt"
    status = cli.main(["parse", str(pages), str(missing), "--max-bytes", "1K"])
    assert status == 1
    captured = capsys.readouterr()
    expected_errors = [
        f"podnotes parse: {pages / name}: {reason}"
        for name, (_, reason) in BATCH.items()
        if reason is not None
    ]
    expected_errors.append(f"podnotes parse: {missing}: cannot read it: No such file or directory")
    assert captured.err.splitlines() == [
        *expected_errors,
        "podnotes parse: 9 files, 4 episodes, 5 errors",
    ]
    records = _records(captured.out)
    assert [r["source"] for r in records] == [*(str(pages / n) for n in BATCH), str(missing)]
    titles = {
        Path(r["source"]).name: [c["title"] for c in r["episode"]["chapters"]]
        for r in records
        if r["episode"] is not None
    }
    assert titles == {
        "a-good.txt": ["Intro", "Middle", "End"],
        "c-utf16.txt": ["Ünïcode", "Two"],
        "e-latin1.txt": ["Café", "Two"],
        "h-good.txt": ["Last", "Page"],
    }
    latin1 = records[4]
    assert latin1["diagnostics"][0] == {
        "code": "input.latin-1",
        "severity": "warning",
        "message": "expected UTF-8 text, found byte 0xe9 at offset 17; read it as Latin-1",
        "line": 2,
        "column": 9,
        "width": 1,
    }
    assert records[1]["error"] == {"code": "input.binary", "message": BATCH["b-binary.txt"][1]}
    assert records[1]["episode"] is None


def test_a_single_bad_file_fails_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert cli.main(["parse", str(empty)]) == 1
    captured = capsys.readouterr()
    assert (captured.out, captured.err) == (
        "",
        f"podnotes parse: {empty}: empty: expected a page, found no text\n",
    )


def test_output_file_is_written_atomically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text(_page(n), encoding="utf-8")
    target = tmp_path / "out" / "episodes.jsonl"
    target.parent.mkdir()
    assert cli.main(["parse", str(tmp_path), "-o", str(target), "-q"]) == 0
    assert capsys.readouterr() == ("", "")
    assert [r["episode"]["number"] for r in _records(target.read_text("utf-8"))] == [0, 1, 2]
    assert [p.name for p in target.parent.iterdir()] == ["episodes.jsonl"]

    # An interrupted run leaves the earlier file whole and no temporary file behind.
    before = target.read_text("utf-8")
    calls = 0
    real = _parse_command._json_line  # noqa: SLF001 - the seam an interruption goes through

    def interrupted(name: str, result: Any) -> str:  # noqa: ANN401 - stands in for the real one
        nonlocal calls
        calls += 1
        if calls == 2:
            raise KeyboardInterrupt
        return real(name, result)

    monkeypatch.setattr(_parse_command, "_json_line", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cli.main(["parse", str(tmp_path), "-o", str(target), "-q"])
    assert target.read_text("utf-8") == before
    assert [p.name for p in target.parent.iterdir()] == ["episodes.jsonl"]


def test_output_directory_gets_one_file_per_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    (pages / "a").mkdir(parents=True)
    (pages / "b").mkdir()
    (pages / "a" / "one.txt").write_text(GOOD, encoding="utf-8")
    (pages / "b" / "one.txt").write_text("Chapters\n0:00 B\n1:00 C\n2:00 D\n", encoding="utf-8")
    (pages / "b" / "none.txt").write_text("Just some prose.\n", encoding="utf-8")
    (pages / "b" / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    status = cli.main(["parse", str(pages), "-o", f"{out}/", "--format", "youtube", "-j", "1"])
    assert status == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.splitlines() == [
        (
            f"podnotes parse: {pages / 'b' / 'none.txt'}: expected chapters to write as youtube, "
            "found none"
        ),
        "podnotes parse: 3 files, 2 episodes, 1 error",
    ]
    written = sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file())
    assert written == ["a/one.txt", "b/one.txt"]
    assert (out / "b" / "one.txt").read_text("utf-8") == "0:00 B\n1:00 C\n2:00 D\n"

    # Two inputs that would share an output file: the second is refused, not lost.
    (tmp_path / "one.txt").write_text(GOOD, encoding="utf-8")
    again = tmp_path / "again"
    again.mkdir()
    paths = [str(pages / "a" / "one.txt"), str(tmp_path / "one.txt")]
    assert cli.main(["parse", *paths, "-o", str(again), "-q"]) == 1
    assert capsys.readouterr().err == (
        f"podnotes parse: {tmp_path / 'one.txt'}: {again / 'one.json'} is already written "
        f"for {pages / 'a' / 'one.txt'}\n"
    )
    assert json.loads((again / "one.json").read_text("utf-8"))["chapters"][0]["title"] == "Intro"


def test_output_directory_that_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    blocker = tmp_path / "out" / "a.json"
    blocker.mkdir(parents=True)  # a directory where the output file should go
    assert cli.main(["parse", str(tmp_path / "a.txt"), "-o", str(tmp_path / "out"), "-q"]) == 1
    assert capsys.readouterr().err == (
        f"podnotes parse: {tmp_path / 'a.txt'}: cannot write {blocker}: Is a directory\n"
    )


def test_other_formats_need_one_input_or_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(GOOD, encoding="utf-8")
    assert cli.main(["parse", str(page), str(page), "--format", "srt"]) == 2
    assert capsys.readouterr().err == (
        "podnotes parse: error: --format srt writes one file per input: give -o DIR "
        "(with several inputs, stdout and -o FILE get JSON Lines)\n"
    )
    assert cli.main(["parse", str(page), "--format", "youtube"]) == 0
    assert capsys.readouterr().out == "0:00 Intro\n1:00 Middle\n2:00 End\n"
    target = tmp_path / "chapters.txt"
    assert cli.main(["parse", str(page), "--format", "youtube", "-o", str(target)]) == 0
    assert target.read_text("utf-8") == "0:00 Intro\n1:00 Middle\n2:00 End\n"
    prose = tmp_path / "prose.txt"
    prose.write_text("Only prose here.\n", encoding="utf-8")
    assert cli.main(["parse", str(prose), "--format", "youtube"]) == 1
    assert capsys.readouterr().err == (
        f"podnotes parse: {prose}: expected chapters to write as youtube, found none\n"
    )


@pytest.mark.parametrize("binary", [True, False])
def test_stdin_is_one_input_of_a_batch(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    *,
    binary: bool,
) -> None:
    page = tmp_path / "page.txt"
    page.write_text(GOOD, encoding="utf-8")
    text = "Chapters\n0:00 From stdin\n1:00 Next\n"
    stdin = io.TextIOWrapper(io.BytesIO(text.encode())) if binary else io.StringIO(text)
    monkeypatch.setattr(sys, "stdin", stdin)
    assert cli.main(["parse", "-", str(page), "--compact"]) == 0
    records = _records(capsys.readouterr().out)
    assert [r["source"] for r in records] == ["-", str(page)]
    assert records[0]["episode"]["chapters"][0]["title"] == "From stdin"


def test_fail_fast_stops_at_the_first_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for name, content in [("a.txt", GOOD), ("b.txt", ""), ("c.txt", GOOD), ("d.txt", "")]:
        (tmp_path / name).write_text(content, encoding="utf-8")
    assert cli.main(["parse", str(tmp_path), "--fail-fast"]) == 1
    captured = capsys.readouterr()
    assert len(_records(captured.out)) == 2
    assert captured.err.splitlines() == [
        f"podnotes parse: {tmp_path / 'b.txt'}: empty: expected a page, found no text",
        "podnotes parse: 2 files, 1 episode, 1 error; stopped after the first error, 2 not read",
    ]


def test_strict_and_diagnostics_in_a_batch(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.txt").write_text("Chapters\n0:00 A\n9:00 B\n5:00 C\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    assert cli.main(["parse", str(tmp_path), "-j", "1"]) == 0
    assert capsys.readouterr().err == (
        "podnotes parse: 2 files, 2 episodes, 0 errors; 1 error diagnostic in the episodes, "
        "--diagnostics shows them\n"
    )
    assert cli.main(["parse", str(tmp_path), "--strict", "--diagnostics", "-q"]) == 1
    captured = capsys.readouterr()
    assert captured.err.startswith(f"{tmp_path / 'a.txt'}:\nline ")
    assert (
        "line 4, column 1: expected a chapter start after 9:00, found 5:00\n"
        "    4 | 5:00 C\n"
        "      | ^^^^\n"
    ) in captured.err
    assert f"\npodnotes parse: {tmp_path / 'a.txt'}: 1 problem in the input\n" in captured.err
    assert captured.err.endswith(f"{tmp_path / 'b.txt'}:\n{_info_line(GOOD)}")
    first = _records(captured.out)[0]
    assert first["episode"] is None
    assert first["error"] == {"code": "parse.strict", "message": "1 problem in the input"}
    assert [d["code"] for d in first["diagnostics"] if d["severity"] == "error"] != []


def test_glob_picks_the_files_of_a_directory(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD, encoding="utf-8")
    assert cli.main(["parse", str(tmp_path), "--glob", "*.md", "-q"]) == 0
    assert [r["source"] for r in _records(capsys.readouterr().out)] == [str(tmp_path / "a.md")]
    assert cli.main(["parse", str(tmp_path), "--glob", "*.html"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"podnotes parse: {tmp_path}: no file matching '*.html'",
        "podnotes parse: 0 files, 0 episodes, 0 errors",
    ]


def _info_line(page: str) -> str:
    """What --diagnostics prints for a page with no error (its layout note)."""
    return render_diagnostics(parse(page).diagnostics) + "\n"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run_on_terminal(tmp_path: Path, *extra: str) -> tuple[int, str]:
    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text(_page(n), encoding="utf-8")
    err = _Terminal()
    args = cli.build_parser().parse_args(["parse", str(tmp_path), "-j", "1", *extra])
    status = _parse_command.run_parse(args, io.StringIO(), err)
    return status, err.getvalue()


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    status, err = _run_on_terminal(tmp_path)
    assert status == 0
    assert "| 0/3 [" in err  # tqdm's bar, drawn before the first file
    assert err.endswith("podnotes parse: 3 files, 3 episodes, 0 errors\n")
    status, err = _run_on_terminal(tmp_path, "--quiet")
    assert (status, err) == (0, "")
    (tmp_path / "p3.txt").write_bytes(b"")  # an error is said above the bar
    status, err = _run_on_terminal(tmp_path)
    assert status == 1
    assert f"podnotes parse: {tmp_path / 'p3.txt'}: empty: expected a page" in err
    assert "| 0/4 [" in err


def test_no_progress_bar_and_no_error_without_tqdm(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)  # import tqdm now raises ImportError
    status, err = _run_on_terminal(tmp_path)
    assert (status, err) == (0, "podnotes parse: 3 files, 3 episodes, 0 errors\n")


def test_broken_pipe_in_a_batch_ends_quietly(tmp_path: Path) -> None:
    for n in range(160):  # JSON Lines well over a pipe's 64 KiB buffer
        (tmp_path / f"p{n:03d}.txt").write_text(_page(n), encoding="utf-8")
    command = [sys.executable, "-m", "podnotes", "parse", str(tmp_path), "--jobs", "2"]
    with subprocess.Popen(  # noqa: S603 - fixed arguments
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as reader:
        assert reader.stdout is not None
        assert reader.stderr is not None
        reader.stdout.read(10)
        reader.stdout.close()  # the reader goes away, like `| head -c 10`
        assert reader.wait(timeout=120) == 141
        assert reader.stderr.read() == b""


def test_interrupt_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(_argv: object = None) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "main", interrupted)
    with pytest.raises(SystemExit) as exc:
        cli.run()
    assert exc.value.code == 130


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["parse", "x.txt", "--example"], "argument --example: not allowed with argument FILE"),
        (["parse", "x.txt", "--jobs", "0"], "expected a whole number of at least 1, found '0'"),
        (["parse", "x.txt", "--max-bytes", "12Q"], "expected a size such as 1048576"),
        (["parse", "x.txt", "--max-bytes", "0"], "expected a size such as 1048576"),
    ],
)
def test_usage_errors(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("text", "size"), [("100", 100), ("2K", 2048), ("64m", 64 * 1024**2)])
def test_max_bytes_spellings(text: str, size: int) -> None:
    args = cli.build_parser().parse_args(["parse", "x.txt", "--max-bytes", text])
    assert args.max_bytes == size


def test_help_documents_the_exit_statuses(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["parse", "--help"]) == 0
    text = " ".join(capsys.readouterr().out.split())
    assert "Exit status: 0 every input gave an episode; 1 some input failed" in text
    assert "2 usage error; 130 interrupted; 141 the reader of stdout went away" in text
