"""Named, anchored, bounded regular-expression pieces shared by the parsers.

Every quantifier is bounded or applies to a single character class, and no unbounded
repeat is nested in another, so matching is linear in the line's length.  Each pattern
lists inputs it accepts and rejects.
"""

from __future__ import annotations

import re

__all__ = [
    "BULLET",
    "CLOCK",
    "MARKDOWN_LINK",
    "MERIDIEM_AFTER",
    "RANGE_DASH",
    "TIME_TOKEN",
]

# A clock time: ``M:SS``, ``MM:SS``, ``H:MM:SS``, ``64:40``, with ``.5`` / ``,500``.
#   accepts: 0:00, 05:30, 1:02:03, 64:40, 1:02:03.5, 00:00:13,120
#   rejects: 2:1, 16:9, 1:2x (as a whole), 1:02:03:04 (the lookarounds refuse a 4th field)
CLOCK = r"(?:\d{1,3}:)?\d{1,3}:\d{2}(?:[.,]\d{1,3})?"

# Glued unit spellings and ISO 8601 durations, as chapter lists write them.
#   accepts: 1h02m03s, 2m30s, 1h05m, PT1H2M3S, PT45.5S
#   rejects: 5m, 90s and 1990s (too common in prose), 1h, PT (no digits)
_UNITS = (
    r"\d{1,3}h\d{1,2}m(?:\d{1,2}s)?|\d{1,3}m\d{1,2}s"
    r"|PT(?=\d)(?:\d{1,3}H)?(?:\d{1,4}M)?(?:\d{1,5}(?:\.\d{1,3})?S)?"
)

# A time token inside a line, optionally wrapped in ``()`` or ``[]``.  The lookarounds
# refuse a token glued to letters, digits or more clock fields.
#   accepts: "(00:58)" in "Intro (00:58) Next", "[1:02:03]", "0:00" in "0:00-Intro"
#   rejects: "a1:00", "1:00:00:00", "3.1:00"
TIME_TOKEN = re.compile(
    r"(?<![\w:.,/#=])(?P<open>[(\[])?(?P<time>" + CLOCK + "|" + _UNITS + r")(?P<close>[)\]])?"
    r"(?![\w/]|[:.,]\d)"
)

# What follows a clock time that is a time of day, not an offset: "3:15 AM", "9:30pm",
# "7:00 a.m.".  Only all-capital or all-lower spellings: "0:01 Am I wrong?" is a title.
#   accepts: " AM", "pm", " a.m.", " P.M."    rejects: " Am I", " amazing", " PMs"
MERIDIEM_AFTER = re.compile(r" ?(?:AM|PM|am|pm|[ap]\.m\.|[AP]\.M\.)(?![\w.])")

# A list marker before an item: "-", "*", "•", "1.", "12)", "#3".
#   accepts: "- ", "• ", "1. ", "12) "
#   rejects: "1.5 ", "-5"
BULLET = re.compile(r"(?:[-*+•·▪►]|\d{1,3}[.)])\s+")

# The dash between two times of a range: "0:00 - 5:12", "0:00–5:12", "0:00 to 5:12".
RANGE_DASH = re.compile(r"\s{0,3}(?:-{1,2}|–|—|to)\s{0,3}")

# A Markdown link; both parts are bounded and exclude the brackets that end them.
#   accepts: [Vite+](https://viteplus.dev/), [00:54](#t=00:54)
#   rejects: [a](b (no closing parenthesis)
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\[\]]{0,500})\]\((?P<url>[^()\s]{0,2000})\)")
