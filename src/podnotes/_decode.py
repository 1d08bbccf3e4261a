r"""Read a page's bytes and turn them into text, or say in one line why they are not text.

The rules, in order:

1. A UTF-32 or UTF-16 byte order mark picks that encoding.
2. A NUL byte anywhere else means binary data (or UTF-16 without a mark): refused.
3. UTF-8, with or without a mark, is the normal case.
4. Otherwise the bytes are read as Latin-1 when that gives text (no control characters
   but tab, line and page breaks), with a warning diagnostic ``input.latin-1`` at the
   first byte that was not UTF-8; when it does not, the input is refused.
5. Text with nothing but white space is refused as empty.

Refusals raise :class:`InputError`, whose ``code`` is stable (``input.binary``,
``input.encoding``, ``input.empty``, ``input.too-large``, ``input.unreadable``) and whose
``reason`` is one line that reads after the input's name: ``page.bin: binary data ...``.
"""

from __future__ import annotations

import os
from pathlib import Path

import attrs

from podnotes.diagnostics import Diagnostic, PodnotesError, Severity

__all__ = [
    "BINARY",
    "EMPTY",
    "ENCODING",
    "MAX_BYTES",
    "TOO_LARGE",
    "UNREADABLE",
    "Decoded",
    "InputError",
    "decode_page",
    "read_limited",
    "too_large",
]

# The codes of :class:`InputError`.
BINARY = "input.binary"
EMPTY = "input.empty"
ENCODING = "input.encoding"
TOO_LARGE = "input.too-large"
UNREADABLE = "input.unreadable"

#: The largest input read by default: 64 MiB, far above any real show-note page.
MAX_BYTES = 64 * 1024 * 1024

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# Latin-1 text holds no C0 controls but these, and no C1 controls (0x80-0x9f) at all.
_TEXT_CONTROLS = frozenset(b"\t\n\v\f\r")


class InputError(PodnotesError, ValueError):
    """An input that is not a page podnotes can read: not text, empty, too large, unreadable.

    Attributes:
        code: A stable code, such as ``"input.binary"``.
        reason: One line saying why, written to follow the input's name.
    """

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(f"{code}: {reason}")
        self.code = code
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        return (InputError, (self.code, self.reason))


@attrs.frozen(kw_only=True)
class Decoded:
    """Text decoded from bytes, with how it was decoded.

    Attributes:
        text: The text (a byte order mark is dropped).
        encoding: ``"utf-8"``, ``"utf-16"``, ``"utf-32"`` or ``"latin-1"``.
        diagnostics: A warning when the encoding was a guess (Latin-1), else empty.
    """

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


def read_limited(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> bytes:
    """The bytes of a file, refusing one larger than ``max_bytes`` before reading it.

    Raises:
        InputError: ``input.unreadable`` (with the system's reason) or ``input.too-large``.
    """
    try:
        with Path(path).open("rb") as stream:
            size = os.fstat(stream.fileno()).st_size
            if size > max_bytes:
                raise too_large(size, max_bytes)
            data = stream.read(max_bytes + 1)  # a file may grow, or not be a regular file
    except OSError as exc:
        reason = f"cannot read it: {exc.strerror or type(exc).__name__}"
        raise InputError(UNREADABLE, reason) from None
    if len(data) > max_bytes:
        raise too_large(None, max_bytes)
    return data


def too_large(size: int | None, max_bytes: int) -> InputError:
    """The error for an input of ``size`` bytes (None: more than it said) over the limit."""
    found = "more" if size is None else f"{size} bytes"
    return InputError(TOO_LARGE, f"too large: expected at most {max_bytes} bytes, found {found}")


def decode_page(data: bytes) -> Decoded:
    r"""Decode a page's bytes by the rules in this module's docstring.

    Raises:
        InputError: ``input.binary``, ``input.encoding`` or ``input.empty``.

    Example:
        >>> decode_page("0:00 Intro".encode("utf-16")).text
        '0:00 Intro'
        >>> found = decode_page(b"0:00 Caf\xe9")
        >>> found.encoding, found.diagnostics[0].message
        ('latin-1', 'expected UTF-8 text, found byte 0xe9 at offset 8; read it as Latin-1')
    """
    decoded = _by_bom(data) or _as_text(data)
    if not decoded.text.strip():
        reason = "empty: expected a page, found no text"
        raise InputError(EMPTY, reason)
    return decoded


def _by_bom(data: bytes) -> Decoded | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(text=data.decode(encoding), encoding=encoding)
            except UnicodeDecodeError as exc:
                reason = (
                    f"not {encoding.upper()} text: expected {encoding.upper()} after its byte "
                    f"order mark, found bytes that are not, at offset {exc.start}"
                )
                raise InputError(ENCODING, reason) from None
    return None


def _as_text(data: bytes) -> Decoded:
    nul = data.find(b"\x00")
    if nul >= 0:
        reason = (
            f"binary data: expected text, found a NUL byte at offset {nul} "
            "(UTF-16 text needs a byte order mark)"
        )
        raise InputError(BINARY, reason)
    try:
        return Decoded(text=data.decode("utf-8-sig"), encoding="utf-8")
    except UnicodeDecodeError as exc:
        skipped = 3 if data.startswith(b"\xef\xbb\xbf") else 0
        return _as_latin1(data, exc.start + skipped)


def _as_latin1(data: bytes, first: int) -> Decoded:
    found = f"expected UTF-8 text, found byte 0x{data[first]:02x} at offset {first}"
    control = next(
        (i for i, byte in enumerate(data) if _is_control(byte)),
        None,
    )
    if control is not None:
        reason = (
            f"not text in a known encoding: {found}; not Latin-1 either "
            f"(control byte 0x{data[control]:02x} at offset {control})"
        )
        raise InputError(ENCODING, reason)
    text = data.decode("latin-1")
    start = data.rfind(b"\n", 0, first) + 1
    end = data.find(b"\n", first)
    line = text[start : len(data) if end < 0 else end].rstrip("\r")
    warning = Diagnostic(
        code="input.latin-1",
        message=f"{found}; read it as Latin-1",
        line=data.count(b"\n", 0, first) + 1,
        column=first - start + 1,
        source=line,
        severity=Severity.WARNING,
    )
    return Decoded(text=text, encoding="latin-1", diagnostics=(warning,))


def _is_control(byte: int) -> bool:
    return (byte < 0x20 and byte not in _TEXT_CONTROLS) or 0x7F <= byte <= 0x9F  # noqa: PLR2004
