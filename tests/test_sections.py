"""The section splitter's skip over a transcript (podnotes.sections)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from podnotes._lines import split_lazily
from podnotes.sections import _HashLines


def _naive(texts: list[str], index: int) -> int:
    while index < len(texts) and not texts[index].startswith("#"):
        index += 1
    return index


@given(
    st.lists(st.sampled_from(["", "#", "# Links", "a#b", "Ann: #1", "x", "\u2013 #"]), max_size=12),
    st.lists(st.integers(0, 13), max_size=6),
)
def test_the_next_hash_line_is_the_first_from_the_index_on(
    texts: list[str], starts: list[int]
) -> None:
    lines = split_lazily("\n".join(texts)) if texts else None
    if lines is not None and len(lines) != len(texts):
        lines = None  # a text ending in a blank line: splitlines() drops it
    for hash_lines in (_HashLines(texts), _HashLines(texts, lines)):
        for index in (*sorted(starts), *starts):  # the splitter asks in increasing order
            at = min(index, len(texts))
            assert hash_lines.next_from(at) == _naive(texts, at)
