"""The JSON Schemas podnotes ships, one per JSON format, loaded by format name.

The files live in ``podnotes/schemas/`` (draft 2020-12).  Each names, in its ``$comment``,
the version of the spec it was written from.  ``podnotes schema`` prints them.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Final

__all__ = ["SCHEMA_FILES", "load_schema"]

#: Format name -> schema file under ``podnotes/schemas/``.
SCHEMA_FILES: Final[dict[str, str]] = {
    "json": "podnotes-1.schema.json",
    "podcast-chapters": "podcast-chapters-1.2.0.schema.json",
    "podcast-transcript": "podcast-transcript.schema.json",
}


def load_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of one of podnotes' JSON formats, as a fresh dict.

    Args:
        name: A format name: ``"json"`` (podnotes' own), ``"podcast-chapters"`` or
            ``"podcast-transcript"``.

    Returns:
        The schema (draft 2020-12); the caller may change it freely.

    Raises:
        KeyError: No schema has that name; the message lists the names there are.

    Example:
        >>> schema = load_schema("json")
        >>> schema["$schema"], schema["properties"]["schema"]
        ('https://json-schema.org/draft/2020-12/schema', {'const': 'podnotes/1'})
    """
    try:
        file = SCHEMA_FILES[name]
    except KeyError:
        known = ", ".join(SCHEMA_FILES)
        msg = f"expected a format with a JSON Schema ({known}), found {name!r}"
        raise KeyError(msg) from None
    text = resources.files("podnotes").joinpath("schemas", file).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
