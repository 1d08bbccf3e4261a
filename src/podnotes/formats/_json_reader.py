"""Reading a JSON document whose diagnostics point back into the text.

``json.loads`` gives values but no positions.  When a value needs a diagnostic, the reader
walks the text again along the value's path (``$.chapters[3].startTime``), skipping what
lies before it.  Each object or array on the way is indexed once, when first walked
through, so reporting on every item of a large document stays linear.
"""

from __future__ import annotations

import json
import re
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Final, TypeAlias

from podnotes.diagnostics import Diagnostic, Severity
from podnotes.formats._documents import Document
from podnotes.timestamps import Timestamp

__all__ = ["MAX_SECONDS", "MISSING", "JSONReader", "Path", "found"]

#: A path into a JSON document: keys and indices.
Path: TypeAlias = tuple[str | int, ...]
#: What ``dict.get`` returns for a key that is not there.
MISSING: Final = object()

_MILLI: Final = Decimal("0.001")
_CONTEXT: Final = Context(prec=40)  # seconds below 10**15 with 3 decimals fit in 18 digits
_SHOWN: Final = 40  # longest value text quoted in a message
#: Seconds are read below this: past it is no episode, and 1e999999999 would be a bomb.
MAX_SECONDS: Final = 10**15
# Skipping over JSON that json.loads already accepted: strings (unrolled, linear), the
# brackets that open and close containers, and scalars up to the next delimiter.
_SPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]', re.DOTALL)
_SCALAR = re.compile(r"[^ \t\n\r,\]}]+")
_DEPTH: Final = {"[": 1, "{": 1, "]": -1, "}": -1}


class _Constant:
    """``NaN``, ``Infinity`` or ``-Infinity`` in the input: JSON has no such numbers."""

    def __init__(self, name: str) -> None:
        self.name = name


def found(value: object) -> str:
    """How a JSON value reads after "found" in a message: its text when short, or its kind.

    Example:
        >>> found("12"), found(Decimal("1.5")), found(MISSING), found([1])
        ('"12"', '1.5', 'nothing', 'an array')
    """
    if value is MISSING:
        return "nothing"
    if isinstance(value, _Constant):
        return value.name
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        text = str(value)
    else:
        text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= _SHOWN else text[: _SHOWN - 3] + "..."


def _path_text(path: Path) -> str:
    parts = ["$"]
    for step in path:
        if isinstance(step, int):
            parts.append(f"[{step}]")
        elif step.isidentifier():
            parts.append(f".{step}")
        else:
            parts.append(f"[{json.dumps(step, ensure_ascii=False)}]")
    return "".join(parts)


class JSONReader:
    """One JSON document with a main array of objects (``"chapters"``, ``"segments"``).

    Example:
        >>> reader = JSONReader('{"version": "1.0", "xs": [{"a": 1}]}', "demo", "xs", "1.0")
        >>> reader.load()
        [(('xs', 0), {'a': 1})]
    """

    def __init__(self, text: str, prefix: str, array: str, version: str) -> None:
        """Prepare to read ``text``; its main array is under ``array``."""
        if text.startswith("\ufeff"):  # a byte order mark: read as a space, columns stay put
            text = " " + text[1:]
        self.text, self.array, self.version = text, array, version
        self.document = Document(text, prefix)
        self.diagnostics: list[Diagnostic] = []
        self._notes: dict[tuple[str, str], tuple[Path, int, str]] = {}
        self._objects: dict[int, dict[str, int]] = {}
        self._arrays: dict[int, list[int]] = {}

    # --- places --------------------------------------------------------------------------

    def _skip(self, pos: int) -> int:
        """The offset just after the JSON value that starts at ``pos``."""
        if self.text[pos] == '"':
            return _STRING.match(self.text, pos).end()  # type: ignore[union-attr]
        if self.text[pos] in "[{":
            depth, end = 0, pos
            while True:
                token = _TOKEN.search(self.text, end)
                depth += _DEPTH.get(token.group(), 0)  # type: ignore[union-attr]
                end = token.end()  # type: ignore[union-attr]
                if not depth:
                    return end
        return _SCALAR.match(self.text, pos).end()  # type: ignore[union-attr]

    def _space(self, pos: int) -> int:
        return _SPACE.match(self.text, pos).end()  # type: ignore[union-attr]

    def _members(self, pos: int) -> dict[str, int]:
        """Offsets of the values of the object at ``pos``, by key (the last wins, as in json)."""
        members = self._objects.get(pos)
        if members is None:
            members = self._objects[pos] = {}
            pos = self._space(pos + 1)
            while self.text[pos] == '"':
                name = _STRING.match(self.text, pos).end()  # type: ignore[union-attr]
                value = self._space(self._space(name) + 1)
                members[json.loads(self.text[pos:name])] = value
                pos = self._space(self._skip(value))
                pos = self._space(pos + 1) if self.text[pos] == "," else pos
        return members

    def _elements(self, pos: int) -> list[int]:
        """Offsets of the elements of the array at ``pos``."""
        elements = self._arrays.get(pos)
        if elements is None:
            elements = self._arrays[pos] = []
            pos = self._space(pos + 1)
            while self.text[pos] != "]":
                elements.append(pos)
                pos = self._space(self._skip(pos))
                pos = self._space(pos + 1) if self.text[pos] == "," else pos
        return elements

    def _offset(self, path: Path) -> int:
        """Where the value at ``path`` starts; each container is indexed once, when first met."""
        pos = self._space(0)
        for step in path:
            pos = self._elements(pos)[step] if isinstance(step, int) else self._members(pos)[step]
        return pos

    # --- reporting -----------------------------------------------------------------------

    def report(
        self, code: str, message: str, path: Path, severity: Severity = Severity.ERROR
    ) -> None:
        """Add a diagnostic pinned to the value at ``path``; the message gains the path."""
        pos = self._offset(path)
        text = f"{message} @ {_path_text(path)}"
        width = self._skip(pos) - pos
        self.diagnostics.append(self.document.diagnostic(code, text, pos, width, severity))

    def note(self, code: str, key: str, message: str, path: Path) -> None:
        """Count an info note: one diagnostic per (code, key), at the first, with a count."""
        first, count, text = self._notes.get((code, key), (path, 0, message))
        self._notes[code, key] = (first, count + 1, text)

    def all_diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic so far, with the counted notes."""
        for (code, _key), (path, count, message) in self._notes.items():
            more = f" (and {count - 1} more)" if count > 1 else ""
            self.report(code, message + more, path, Severity.INFO)
        self._notes.clear()
        return self.diagnostics

    # --- values --------------------------------------------------------------------------

    def load(self) -> list[tuple[Path, dict[str, object]]]:
        """Decode the text; return the main array's objects, each with its path."""
        try:
            data = json.loads(self.text, parse_float=Decimal, parse_constant=_Constant)
        except json.JSONDecodeError as exc:
            message = f"expected JSON, found an error: {exc.msg}"
            self.diagnostics.append(self.document.diagnostic("json", message, exc.pos))
            return []
        except (RecursionError, ValueError) as exc:  # too deep; an int of 4300+ digits
            message = f"expected JSON, found an error: {exc}"
            self.diagnostics.append(self.document.diagnostic("json", message, 0))
            return []
        if not isinstance(data, dict):
            self.report("not-object", f"expected an object at the top, found {found(data)}", ())
            return []
        version = data.get("version", MISSING)
        if not isinstance(version, str) or not version.startswith("1."):
            message = f'expected "version": "{self.version}", found {found(version)}'
            where: Path = ("version",) if version is not MISSING else ()
            self.report("version", message, where, Severity.WARNING)
        for key in [k for k in data if k not in {"version", self.array}]:
            message = f"{key!r} is not kept: podnotes reads only the {self.array}"
            self.note("not-kept", f"$.{key}", message, (key,))
        items = data.get(self.array, MISSING)
        if not isinstance(items, list):
            message = f'expected "{self.array}": [...], found {found(items)}'
            self.report("no-array", message, (self.array,) if items is not MISSING else ())
            return []
        objects: list[tuple[Path, dict[str, object]]] = []
        for index, item in enumerate(items):
            if isinstance(item, dict):
                objects.append(((self.array, index), item))
            else:
                message = f"expected an object, found {found(item)}"
                self.report("not-object", message, (self.array, index))
        return objects

    def seconds(self, item: dict[str, object], path: Path, key: str) -> Timestamp | None:
        """Read ``item[key]`` as seconds; report and return None when it is not usable."""
        value = item.get(key, MISSING)
        where = (*path, key) if value is not MISSING else path
        expected = f'expected "{key}": a number of seconds'
        if isinstance(value, bool) or not isinstance(value, int | Decimal):
            self.report("bad-time", f"{expected}, found {found(value)}", where)
            return None
        if value < 0:
            self.report("bad-time", f"{expected} not below 0, found {found(value)}", where)
            return None
        if value >= MAX_SECONDS:
            message = f"{expected} below 10^15, found {found(value)}"
            self.report("bad-time", message, where)
            return None
        # Decimal arithmetic stays linear in the digits; a Fraction of 0.111... would not.
        if isinstance(value, Decimal):  # in a context of our own: the caller's may be narrow
            milli = value.quantize(_MILLI, ROUND_HALF_UP, _CONTEXT)
            stamp, rounded = Timestamp(int(milli.scaleb(3, _CONTEXT))), milli != value
        else:
            stamp, rounded = Timestamp(value * 1000), False
        if rounded:
            self.note("rounded", "", f"rounded {found(value)} to the millisecond", where)
        return stamp
