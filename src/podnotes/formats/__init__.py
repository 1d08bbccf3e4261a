"""Serializers and readers for the formats players and tools read.

One module per format, each with ``render(...) -> str`` and, where the format can be read
back, ``parse(text, *, strict=False) -> Parsed[...]``.
"""

from podnotes.formats._registry import (
    PAGE,
    Carries,
    Format,
    detect,
    format_names,
    get_format,
)

__all__ = ["PAGE", "Carries", "Format", "detect", "format_names", "get_format"]
