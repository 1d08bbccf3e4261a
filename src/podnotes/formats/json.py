"""podnotes' own JSON: the whole :class:`~podnotes.model.Episode`, exactly.

The document is an object ``{"schema": "podnotes/1", ...}`` holding every Episode field.
Times are numbers of seconds with at most three decimals (whole milliseconds, so they
round-trip exactly), dates are ISO 8601 strings.  Loading rejects unknown keys and
wrong types with the path of the offending value, such as ``$.chapters[3].start``.

All conversion goes through one private ``cattrs`` converter built on first use.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError

from podnotes.diagnostics import Parsed, PodnotesError
from podnotes.formats._registry import Carries, Format
from podnotes.model import Episode
from podnotes.timestamps import Timestamp, TimestampError

__all__ = ["FORMAT", "SCHEMA", "JSONFormatError", "dumps", "loads", "to_dict"]

#: The value of the ``schema`` key; it changes only when the document's shape does.
SCHEMA = "podnotes/1"


class JSONFormatError(PodnotesError, ValueError):
    """A JSON document is not a podnotes episode; ``errors`` says where and why.

    Each error reads ``description @ path``, for example
    ``expected a number of seconds, found str @ $.chapters[0].start``.
    """

    def __init__(self, errors: list[str]) -> None:
        """Build the error from its messages (at least one)."""
        self.errors = tuple(errors)
        super().__init__("not a podnotes episode:\n" + "\n".join(f"  {e}" for e in errors))

    def __reduce__(self) -> tuple[type[JSONFormatError], tuple[list[str]]]:
        """Pickle by the messages, since ``args`` holds the joined text."""
        return (type(self), (list(self.errors),))


def _seconds(stamp: Timestamp) -> int | float:
    whole, millis = divmod(stamp.ms, 1000)
    return whole if not millis else stamp.ms / 1000


def _timestamp(value: object, _type: object) -> Timestamp:
    if isinstance(value, bool) or not isinstance(value, int | float):
        msg = f"expected a number of seconds, found {type(value).__name__}"
        raise TypeError(msg)
    stamp = Timestamp.from_seconds(value)
    if abs(stamp.ms - value * 1000) > 1e-6 * max(1.0, abs(value)):
        msg = f"expected seconds with at most 3 decimals, found {value!r}"
        raise ValueError(msg)
    return stamp


def _date(value: object, _type: object) -> dt.date:
    expected = 'expected a date such as "2026-01-31"'
    if not isinstance(value, str):
        msg = f"{expected}, found {type(value).__name__}"
        raise TypeError(msg)
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        msg = f"{expected}, found {json.dumps(value)}"
        raise ValueError(msg) from None


def _strict(kind: type) -> Any:  # noqa: ANN401 - cattrs hooks are untyped by nature
    """A structure hook that accepts exactly ``kind`` (no str-to-int coercion)."""

    def hook(value: object, _type: object) -> object:
        if type(value) is not kind:
            msg = f"expected {kind.__name__}, found {type(value).__name__}"
            raise TypeError(msg)
        return value

    return hook


@functools.cache
def _converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    converter.register_unstructure_hook(Timestamp, _seconds)
    converter.register_structure_hook(Timestamp, _timestamp)
    converter.register_unstructure_hook(dt.date, dt.date.isoformat)
    converter.register_structure_hook(dt.date, _date)
    for kind in (str, int, bool):
        converter.register_structure_hook(kind, _strict(kind))
    return converter


def to_dict(episode: Episode) -> dict[str, Any]:
    """The episode as plain JSON-ready data, ``schema`` first.

    Example:
        >>> from podnotes import Chapter, Episode, Timestamp
        >>> data = to_dict(Episode(chapters=[Chapter(start=Timestamp(1500), title="A")]))
        >>> data["schema"], data["chapters"]
        ('podnotes/1', [{'start': 1.5, 'title': 'A', 'end': None, 'url': None}])
    """
    body: dict[str, Any] = _converter().unstructure(episode)
    return {"schema": SCHEMA, **body}


def dumps(episode: Episode, *, indent: int | None = 2) -> str:
    """Serialize an episode to podnotes JSON.

    Args:
        episode: The episode to write.
        indent: Passed to :func:`json.dumps`; None for one line.

    Returns:
        The JSON text (no trailing newline).

    Example:
        >>> from podnotes import Episode
        >>> print(dumps(Episode(title="Hi", number=3), indent=None)[:60])
        {"schema": "podnotes/1", "title": "Hi", "number": 3, "season...
    """
    return json.dumps(to_dict(episode), indent=indent, ensure_ascii=False)


def loads(text: str | bytes) -> Episode:
    """Read podnotes JSON back into an :class:`~podnotes.model.Episode`.

    Args:
        text: A JSON document written by :func:`dumps` (or by hand in the same shape).

    Returns:
        The episode, equal to the one that was dumped.

    Raises:
        JSONFormatError: The text is not JSON (nesting too deep or an integer of over
            4300 digits included), has another schema, has unknown keys or values of the
            wrong type; every problem is listed with its path.

    Example:
        >>> from podnotes import Episode
        >>> loads(dumps(Episode(title="Hi"))) == Episode(title="Hi")
        True
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        msg = f"expected JSON, found an error at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        raise JSONFormatError([msg]) from exc
    except (RecursionError, ValueError) as exc:  # nested too deep; an int of 4300+ digits
        msg = f"expected JSON, found an error: {exc}"
        raise JSONFormatError([msg]) from exc
    if not isinstance(data, dict):
        msg = f"expected an object at the top, found {type(data).__name__} @ $"
        raise JSONFormatError([msg])
    schema = data.pop("schema", None)
    if schema != SCHEMA:
        msg = f'expected "schema": "{SCHEMA}", found {json.dumps(schema)} @ $.schema'
        raise JSONFormatError([msg])
    try:
        episode: Episode = _converter().structure(data, Episode)
    except ClassValidationError as exc:
        raise JSONFormatError(cattrs.transform_error(exc, format_exception=_describe)) from exc
    return episode


def _describe(exc: BaseException, _type: type | None) -> str:
    if isinstance(exc, ForbiddenExtraKeysError):
        return "unknown keys: " + ", ".join(sorted(exc.extra_fields))
    if isinstance(exc, KeyError):
        return f"missing key {exc}"
    if isinstance(exc, TimestampError | TypeError | ValueError):
        return str(exc)
    return f"{type(exc).__name__}: {exc}"  # pragma: no cover - cattrs raises only the above


def _read(text: str, _strict: bool) -> Parsed[Episode]:  # noqa: FBT001 - the Reader shape
    return Parsed(loads(text))


def _looks_like(text: str) -> bool:
    head = text.lstrip()[:200]
    return head.startswith("{") and f'"schema": "{SCHEMA}"' in head.replace('":"', '": "')


#: The registry entry (podnotes JSON carries the whole episode).
FORMAT = Format(
    name="json",
    summary="podnotes JSON: the whole Episode, exactly",
    carries=Carries.EPISODE,
    suffixes=(".json",),
    write=dumps,
    read=_read,
    looks_like=_looks_like,
)
