"""How a raw line becomes the text the parsers read (podnotes._lines)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import podnotes
from podnotes._lines import _SPACES, _clean_fully, clean, clean_all

_WHITE = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]


def test_every_kind_of_white_space_inside_a_line_becomes_a_plain_space() -> None:
    assert sorted(_SPACES) == sorted(ord(ch) for ch in _WHITE if ch not in "\n\r ")


@pytest.mark.parametrize("space", [ch for ch in _WHITE if ch not in "\n\r"])
def test_a_title_of_white_space_alone_is_no_title(space: str) -> None:
    # Found by the fuzzing property: U+1680 (OGHAM SPACE MARK) and U+001F were kept as a
    # run-on item's whole title, which Chapter refuses as blank, so lenient parse raised.
    for text in (f"00:00:17 {space}3:15 so", f"0:17 a {space} 3:15 so\n0:20 x"):
        episode = podnotes.parse(text).value
        assert all(c.title.strip() for c in episode.chapters)
        assert all(h.text.strip() for h in episode.highlights)
    assert clean(f"a{space}{space}b{space}") == "a b"
    assert clean_all([f" {space}x"]) == ["x"]


@given(st.text(alphabet=st.sampled_from([*_WHITE[:12], "a", "<", "&", "0", ":"]), max_size=20))
def test_the_shortcut_agrees_with_cleaning_fully(raw: str) -> None:
    assert clean(raw) == _clean_fully(raw)
    assert clean_all(raw.split("\n")) == [clean(part) for part in raw.split("\n")]
