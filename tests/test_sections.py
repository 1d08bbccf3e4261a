"""The section splitter's skip over a transcript (podnotes.sections)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
    hash_lines = _HashLines(texts)
    for index in (*sorted(starts), *starts):  # the splitter asks in increasing order
        assert hash_lines.next_from(min(index, len(texts))) == _naive(texts, min(index, len(texts)))
