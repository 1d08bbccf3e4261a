"""Coverage-guided fuzzing of every podnotes reader with atheris (libFuzzer).

Each input is decoded as UTF-8 (bad bytes replaced) and, when it is not valid UTF-8, as
Latin-1 too.  Two readers get the text, lenient and strict: the one
``podnotes.formats.detect`` names (as the command line would pick), and one more taken in
turn from ``podnotes.parse``, ``podnotes.transcript.parse``, ``podlove.parse_feed`` and
every readable format in the registry (chosen by the input's length), so every reader sees
every kind of text while each run stays fast.  Only the errors each reader documents may
escape: none when lenient, ``ParseError`` when strict, and ``JSONFormatError`` from
podnotes JSON, which has no lenient mode.  Anything else, a crash or an input that takes
longer than libFuzzer's ``-timeout``, is a finding.

Run it through ``fuzz/run.sh`` (a bounded run from the seed corpus in ``fuzz/corpus``), or
directly with libFuzzer flags: ``uv run python fuzz/fuzz_podnotes.py fuzz/corpus -runs=100``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

import atheris  # type: ignore[import-untyped]  # no stubs, no py.typed

with atheris.instrument_imports(include=["podnotes"]):
    import podnotes
    from podnotes import ParseError, transcript
    from podnotes.formats import PAGE, detect, format_names, get_format, podlove
    from podnotes.formats.json import JSONFormatError

Read = Callable[[str, bool], object]


def _readers() -> dict[str, Read]:
    found: dict[str, Read] = {
        PAGE: lambda text, strict: podnotes.parse(text, strict=strict),
        "transcript": lambda text, strict: transcript.parse(text, strict=strict),
        "psc-feed": lambda text, strict: podlove.parse_feed(text, strict=strict),
    }
    for name in format_names():
        read = get_format(name).read  # imports the format module, instrumented
        if read is not None:
            found[name] = read
    return found


READERS = _readers()
#: What may escape a reader, lenient and strict (see each reader's docstring).
ALLOWED: dict[tuple[str, bool], tuple[type[Exception], ...]] = {
    (name, strict): ((JSONFormatError,) if name == "json" else (ParseError,) if strict else ())
    for name in READERS
    for strict in (False, True)
}


class UndocumentedError(AssertionError):
    """A reader raised something its documentation does not list."""


NAMES = tuple(READERS)


def check(text: str, names: tuple[str, ...] = NAMES) -> None:
    """Run the ``names`` readers on ``text``, lenient and strict; raise on an undocumented error."""
    for name in names:
        read = READERS[name]
        for strict in (False, True):
            try:
                read(text, strict)
            except ALLOWED[name, strict]:
                pass
            except Exception as exc:
                mode = "strict" if strict else "lenient"
                msg = f"{name} ({mode}) raised {type(exc).__name__}: {exc!s:.300}"
                raise UndocumentedError(msg) from exc


def test_one_input(data: bytes) -> None:
    """The libFuzzer entry point: one input, the detected reader and one more."""
    other = NAMES[len(data) % len(NAMES)]
    utf8, latin1 = data.decode("utf-8", errors="replace"), data.decode("latin-1")
    for text in (utf8,) if utf8 == latin1 else (utf8, latin1):
        detected = detect(text)  # a format name, or PAGE ("page") for a scraped page
        check(text, (detected,) if detected == other else (detected, other))


def main(argv: list[str]) -> None:
    """Hand ``argv`` (libFuzzer flags and corpus directories) to atheris and fuzz."""
    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
