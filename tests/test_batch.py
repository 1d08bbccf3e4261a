from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import podnotes
from podnotes import batch
from podnotes._decode import InputError, decode_page
from podnotes.batch import BatchResult, ItemError, parse_many
from podnotes.diagnostics import Severity
from podnotes.options import ParseOptions

GOOD = "Chapters\n0:00 Intro\n1:00 Middle\n2:00 End\n"


def _titles(result: BatchResult) -> list[str]:
    assert result.parsed is not None
    return [c.title for c in result.parsed.value.chapters]


def test_str_is_text_path_is_a_file_bytes_are_a_page(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Chapters\n0:00 From a file\n1:00 Next\n", encoding="utf-8")
    results = list(parse_many([GOOD, page, b"Chapters\n0:00 Bytes\n1:00 More\n"], jobs=1))
    assert [r.source for r in results] == ["<text 0>", str(page), "<bytes 2>"]
    assert [r.index for r in results] == [0, 1, 2]
    assert [_titles(r)[0] for r in results] == ["Intro", "From a file", "Bytes"]
    assert all(r.ok for r in results)
    # A str is never taken for a path, even when such a file exists.
    assert _titles(next(parse_many([str(page)], jobs=1))) == []


def test_each_result_equals_podnotes_parse(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = next(parse_many([tmp_path / "a.txt"], jobs=1))
    assert result.parsed == podnotes.parse(GOOD)
    assert result.parsed == podnotes.parse_file(tmp_path / "a.txt")


# (bytes of the file, code, reason); each is put between two good files.
BAD_INPUTS = {
    "binary": (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
        "input.binary",
        (
            "binary data: expected text, found a NUL byte at offset 8 "
            "(UTF-16 text needs a byte order mark)"
        ),
    ),
    "utf16-without-bom": (
        "0:00 Intro".encode("utf-16-le"),
        "input.binary",
        (
            "binary data: expected text, found a NUL byte at offset 1 "
            "(UTF-16 text needs a byte order mark)"
        ),
    ),
    "unknown-encoding": (
        b"0:00 Intro\n\x93quoted\x94\n",
        "input.encoding",
        (
            "not text in a known encoding: expected UTF-8 text, found byte 0x93 at offset 11; "
            "not Latin-1 either (control byte 0x93 at offset 11)"
        ),
    ),
    "broken-utf16": (
        b"\xff\xfe0\x00:\x00\x00\xd8",
        "input.encoding",
        (
            "not UTF-16 text: expected UTF-16 after its byte order mark, found bytes that are "
            "not, at offset 6"
        ),
    ),
    "empty": (b"", "input.empty", "empty: expected a page, found no text"),
    "blank": (b"\n  \r\n\t\n", "input.empty", "empty: expected a page, found no text"),
    "bom-only": (b"\xef\xbb\xbf", "input.empty", "empty: expected a page, found no text"),
    "huge": (
        b"Chapters\n" + b"0:00 Intro\n" * 200,
        "input.too-large",
        "too large: expected at most 1024 bytes, found 2209 bytes",
    ),
}


@pytest.mark.parametrize("jobs", [1, 2])
@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_a_bad_file_gets_an_error_and_the_others_still_parse(
    tmp_path: Path, case: str, jobs: int
) -> None:
    content, code, reason = BAD_INPUTS[case]
    first, bad, last = tmp_path / "first.txt", tmp_path / f"{case}.txt", tmp_path / "last.txt"
    first.write_text(GOOD, encoding="utf-8")
    bad.write_bytes(content)
    last.write_text("Chapters\n0:00 Last\n1:00 Page\n", encoding="utf-8")
    results = list(parse_many([first, bad, last], jobs=jobs, max_bytes=1024))
    assert [r.ok for r in results] == [True, False, True]
    assert results[1].error == ItemError(code=code, reason=reason)
    assert results[1].parsed is None
    assert results[1].describe_error() == f"{bad}: {reason}"
    assert _titles(results[0]) == ["Intro", "Middle", "End"]
    assert _titles(results[2]) == ["Last", "Page"]


@pytest.mark.parametrize("jobs", [1, 2])
def test_unreadable_inputs_get_an_error_and_the_others_still_parse(
    tmp_path: Path, jobs: int
) -> None:
    missing, folder = tmp_path / "missing.txt", tmp_path / "folder"
    folder.mkdir()
    results = list(parse_many([missing, GOOD, folder], jobs=jobs))
    assert [r.error and r.error.code for r in results] == [
        "input.unreadable",
        None,
        "input.unreadable",
    ]
    assert results[0].describe_error() == f"{missing}: cannot read it: No such file or directory"
    assert results[2].describe_error() == f"{folder}: cannot read it: Is a directory"
    assert _titles(results[1]) == ["Intro", "Middle", "End"]


def test_huge_bytes_are_refused_too() -> None:
    result = next(parse_many([b"0:00 Intro\n" * 10], jobs=1, max_bytes=100))
    assert result.describe_error() == (
        "<bytes 0>: too large: expected at most 100 bytes, found 110 bytes"
    )


def test_a_file_that_grows_past_the_limit_is_refused() -> None:
    # /dev/zero says it has no size, so only the bounded read can refuse it.
    result = next(parse_many([Path("/dev/zero")], jobs=1, max_bytes=64))
    assert result.describe_error() == (
        "/dev/zero: too large: expected at most 64 bytes, found more"
    )


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Chapters\n0:00 Café\n1:00 Crème\n".encode("utf-16"), "utf-16"),
        (
            "Chapters\n0:00 Café\n1:00 Crème\n".encode("utf-16-be").join([b"\xfe\xff", b""]),
            "utf-16",
        ),
        ("Chapters\n0:00 Café\n1:00 Crème\n".encode("utf-32"), "utf-32"),
        ("\ufeffChapters\n0:00 Café\n1:00 Crème\n".encode(), "utf-8"),
    ],
)
def test_byte_order_marks_pick_the_encoding(data: bytes, encoding: str, tmp_path: Path) -> None:
    assert decode_page(data).encoding == encoding
    page = tmp_path / "page.txt"
    page.write_bytes(data)
    result = next(parse_many([page], jobs=1))
    assert _titles(result) == ["Café", "Crème"]
    assert result.parsed is not None
    assert all(d.code != "input.latin-1" for d in result.parsed.diagnostics)


def test_latin1_is_read_with_a_warning_at_the_first_byte_that_is_not_utf8() -> None:
    result = next(parse_many([b"Chapters\r\n0:00 Intro\r\n1:00 Caf\xe9 cr\xe8me\r\n"], jobs=1))
    assert result.ok
    assert _titles(result) == ["Intro", "Café crème"]
    assert result.parsed is not None
    warning = result.parsed.diagnostics[0]
    assert warning.render() == (
        "line 3, column 9: expected UTF-8 text, found byte 0xe9 at offset 30; "
        "read it as Latin-1\n"
        "    3 | 1:00 Café crème\n"
        "      |         ^"
    )
    assert (warning.code, warning.severity) == ("input.latin-1", Severity.WARNING)


def test_strict_turns_errors_into_a_failed_item_but_keeps_the_diagnostics() -> None:
    bad = "Chapters\n0:00 A\n9:00 B\n5:00 C\n"
    results = list(parse_many([bad, GOOD], jobs=1, strict=True))
    assert results[0].error == ItemError(code="parse.strict", reason="1 problem in the input")
    assert results[0].parsed is not None
    assert [d.message for d in results[0].parsed.errors] == [
        "expected a chapter start after 9:00, found 5:00"
    ]
    assert results[1].ok
    lenient = next(parse_many([bad], jobs=1))
    assert lenient.ok
    assert lenient.parsed is not None
    assert not lenient.parsed.ok


@pytest.mark.parametrize("jobs", [1, 2])
def test_fail_fast_stops_after_the_first_failure(jobs: int) -> None:
    items: list[str | bytes] = [GOOD, b"", GOOD, b"\x00"]
    assert [r.ok for r in parse_many(items, jobs=jobs)] == [True, False, True, False]
    stopped = list(parse_many(items, jobs=jobs, fail_fast=True))
    assert [r.ok for r in stopped] == [True, False]


def test_many_items_keep_their_order_in_a_pool() -> None:
    pages = [f"#{n} – Episode {n}\n\nChapters\n0:00 Start {n}\n1:00 Next\n" for n in range(100)]
    items: list[str | bytes] = [*pages]
    items[37] = b"\x00"
    results = list(parse_many(items, jobs=2))
    assert [r.index for r in results] == list(range(100))
    numbers = [r.parsed.value.number if r.parsed else None for r in results]
    assert numbers == [None if n == 37 else n for n in range(100)]
    assert results == list(parse_many(items, jobs=1))


def test_input_is_consumed_lazily_with_a_bounded_window() -> None:
    taken = 0

    def endless() -> Iterator[str]:
        nonlocal taken
        for n in itertools.count():
            taken += 1
            yield f"Chapters\n0:00 Page {n}\n1:00 Next\n"

    results = parse_many(endless(), jobs=2)
    first = list(itertools.islice(results, 40))
    results.close()  # stops the workers
    assert [_titles(r)[0] for r in first] == [f"Page {n}" for n in range(40)]
    # The window: jobs x 4 chunks of 16 in flight, one refill per chunk yielded.
    assert taken <= (2 * 4 + 3) * batch.CHUNK_SIZE


def test_one_job_runs_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*_args: object, **_kwargs: object) -> None:
        pytest.fail("jobs=1 must not start a process pool")

    monkeypatch.setattr(batch, "ProcessPoolExecutor", no_pool)
    assert [r.ok for r in parse_many([GOOD, b""], jobs=1)] == [True, False]


def test_jobs_default_to_the_cpu_count(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []

    def in_pool(
        numbered: Iterator[tuple[int, batch.Source]], _settings: object, jobs: int
    ) -> Iterator[BatchResult]:
        seen.append(jobs)
        return (BatchResult(index=i, source="x") for i, _ in numbered)

    monkeypatch.setattr(batch, "_in_pool", in_pool)
    monkeypatch.setattr(batch, "default_jobs", lambda: 3)
    assert len(list(parse_many([GOOD, GOOD]))) == 2
    assert seen == [3]


@pytest.mark.parametrize("jobs", [1, 2])
def test_options_are_forwarded_to_the_parser(jobs: int) -> None:
    page = "Big ideas\n\n0:00 One idea\n1:00 Two ideas\n"
    options = ParseOptions(section_aliases={"Big ideas": "highlights"})
    plain, with_options = (
        next(parse_many([page], jobs=jobs, options=o)).parsed for o in (None, options)
    )
    assert plain is not None
    assert with_options is not None
    assert plain.value.highlights == ()
    assert [h.text for h in with_options.value.highlights] == ["One idea", "Two ideas"]


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match=r"expected jobs >= 1 and max_bytes >= 1, found jobs=0"):
        list(parse_many([GOOD], jobs=0))
    with pytest.raises(ValueError, match=r"found jobs=1, max_bytes=0"):
        list(parse_many([GOOD], jobs=1, max_bytes=0))
    with pytest.raises(TypeError, match=r"expected a str, bytes or os.PathLike item, found int"):
        list(parse_many([GOOD, 3], jobs=1))  # type: ignore[list-item]


def test_results_and_errors_pickle() -> None:
    result = next(parse_many([b""], jobs=1))
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 - our own data
    error = InputError("input.empty", "empty")
    again = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data
    assert (again.code, again.reason, str(again)) == ("input.empty", "empty", str(error))
    assert isinstance(again, ValueError)
    assert BatchResult(index=0, source="a").describe_error() == ""


@given(st.binary(max_size=200))
def test_decoding_any_bytes_gives_text_or_one_input_error(data: bytes) -> None:
    refused: InputError | None = None
    try:
        decoded = decode_page(data)
    except InputError as exc:
        refused = exc
    if refused is not None:
        assert refused.code in {"input.binary", "input.encoding", "input.empty"}
        assert "\n" not in refused.reason
    else:
        assert decoded.text.strip()
        assert (decoded.encoding == "latin-1") == bool(decoded.diagnostics)


@given(st.text(max_size=200).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf8_and_utf16_text_decodes_to_itself(text: str) -> None:
    assert decode_page(text.encode()).text == text.removeprefix("\ufeff")
    assert decode_page(text.encode("utf-16")).text == text


def test_a_chunk_is_parsed_in_order_as_a_worker_does() -> None:
    # Workers run this in other processes, where coverage may not follow them.
    settings = batch._Settings(strict=False, max_bytes=100, options=None)  # noqa: SLF001
    chunk: list[tuple[int, batch.Source]] = [(5, GOOD), (6, b"")]
    done = batch._parse_chunk(chunk, settings)  # noqa: SLF001
    assert [(r.index, r.ok) for r in done] == [(5, True), (6, False)]
