"""Chapter precision and recall of podnotes and its peers on the hand-checked example pages.

Each ``NAME.txt`` in the examples folder comes with ``NAME.expected.json``, whose
``chapters`` list every chapter of the page as ``{"start": "H:MM:SS", "title": ...}``
(times floored to the second).  Every side reads the whole page text.  A chapter found is
*right* when an expected chapter, not matched yet, has the same start second and the same
title once both are case-folded and their runs of white space made single spaces.  A
looser count matches the start second only.

Precision is right / found and recall is right / expected; a page with no chapters has no
recall, and a side that finds nothing has no precision (both shown as ``-``).  The totals
add the counts of all pages before dividing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from _peers import Side

__all__ = ["Score", "format_table", "score_pages"]

_MS: Final = 1000


@dataclass(frozen=True)
class Score:
    """How one side did on one page (or on all of them).

    Attributes:
        found: Chapters the side returned.
        expected: Chapters the page has.
        right: Found chapters matching an expected one on start second and title.
        right_start: Found chapters matching an expected one on start second alone.
        error: Why the side has no result, if it raised.
    """

    found: int
    expected: int
    right: int
    right_start: int
    error: str = ""

    def __add__(self, other: Score) -> Score:
        """Add the counts (errors are kept by their page, not summed)."""
        return Score(
            found=self.found + other.found,
            expected=self.expected + other.expected,
            right=self.right + other.right,
            right_start=self.right_start + other.right_start,
        )

    def cell(self, *, start_only: bool = False) -> str:
        """``P 0.93 R 1.00`` (or ``-`` where undefined) for the table."""
        if self.error:
            return f"error: {self.error}"
        right = self.right_start if start_only else self.right
        precision = f"{right / self.found:.2f}" if self.found else "-"
        recall = f"{right / self.expected:.2f}" if self.expected else "-"
        return f"P {precision} R {recall} ({right}/{self.found} found, {self.expected} exp.)"


def _clock_ms(text: str) -> int:
    hours, minutes, seconds = (int(part) for part in text.split(":"))
    return ((hours * 60 + minutes) * 60 + seconds) * _MS


def _title(text: str) -> str:
    return " ".join(text.split()).casefold()


def _matches(found: Sequence[tuple[int, str]], expected: Sequence[tuple[int, str]]) -> int:
    left = Counter(expected)
    right = 0
    for item in found:
        if left[item] > 0:
            left[item] -= 1
            right += 1
    return right


def _score(found: Sequence[tuple[int, str]], expected: Sequence[tuple[int, str]]) -> Score:
    found_keys = [(start // _MS, _title(title)) for start, title in found]
    expected_keys = [(start // _MS, _title(title)) for start, title in expected]
    return Score(
        found=len(found_keys),
        expected=len(expected_keys),
        right=_matches(found_keys, expected_keys),
        right_start=_matches(
            [(start, "") for start, _ in found_keys], [(start, "") for start, _ in expected_keys]
        ),
    )


def _run(side: Side, text: str) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = side.canonical(side.run(side.prepare(text)))
    return found


def score_pages(folder: Path, sides: Sequence[Side]) -> dict[str, dict[str, Score]]:
    """Score each side on every example page that has an ``expected.json``.

    Args:
        folder: The examples folder.
        sides: The chapter readers (podnotes first).

    Returns:
        ``{page name: {side name: score}}``, pages in name order.
    """
    results: dict[str, dict[str, Score]] = {}
    for expected_path in sorted(folder.glob("*.expected.json")):
        name = expected_path.name.removesuffix(".expected.json")
        page = folder / f"{name}.txt"
        if not page.is_file():
            continue
        text = page.read_text(encoding="utf-8")
        wanted = [
            (_clock_ms(item["start"]), item["title"])
            for item in json.loads(expected_path.read_text(encoding="utf-8")).get("chapters", [])
        ]
        row: dict[str, Score] = {}
        for side in sides:
            try:
                row[side.name] = _score(_run(side, text), wanted)
            except Exception as problem:  # noqa: BLE001 - a peer's failure is a result to show
                row[side.name] = Score(0, len(wanted), 0, 0, f"{type(problem).__name__}")
        results[name] = row
    return results


def format_table(results: dict[str, dict[str, Score]], names: Sequence[str]) -> list[str]:
    """The scores as Markdown: a row a page, a column a side, then the totals.

    Args:
        results: What :func:`score_pages` returned.
        names: The side names, in column order.

    Returns:
        The table's lines, the last two the totals: on start and title, then on start only.
    """
    lines = [
        "| page | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    totals = dict.fromkeys(names, Score(0, 0, 0, 0))
    for page, row in results.items():
        lines.append(f"| {page} | " + " | ".join(row[name].cell() for name in names) + " |")
        for name in names:
            totals[name] = totals[name] + row[name]
    lines.append("| **all pages** | " + " | ".join(totals[n].cell() for n in names) + " |")
    lines.append(
        "| all pages, start only | "
        + " | ".join(totals[n].cell(start_only=True) for n in names)
        + " |"
    )
    return lines
