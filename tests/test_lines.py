"""How a raw line becomes the text the parsers read (podnotes._lines)."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import podnotes
from podnotes._lines import _SPACES, Lines, _clean_fully, clean, clean_all, split_lazily

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


@given(
    st.lists(
        st.text(
            alphabet=st.sampled_from(
                ["a", " ", "<", "&", "\t", "\x01", "\u2013", "\u00a0", "\u200b"]
            ),
            max_size=8,
        ),
        max_size=6,
    )
)
def test_cleaning_all_lines_at_once_agrees_with_cleaning_each(raws: list[str]) -> None:
    # Mixed pages: ASCII lines are only stripped when no ASCII line holds a mark, whatever
    # the non-ASCII lines hold (an en dash, a no-break space, a zero-width space).
    assert clean_all(raws) == [clean(raw) for raw in raws]


def test_one_non_ascii_line_does_not_send_the_ascii_lines_the_long_way() -> None:
    raws = ["#1 \u2013 Title ", " Ann: Hi.", "", "\u00a0Bob:\u00a0Hello "]
    assert clean_all(raws) == ["#1 \u2013 Title", "Ann: Hi.", "", "Bob: Hello"]


_SPLIT_AT_OR_CLEANED = list("a <&\t\x0b\x0c\x1c\x1d\x1e\x1f\x85\r\n\u2013\u00a0\u2028")


@given(st.text(alphabet=st.sampled_from(_SPLIT_AT_OR_CLEANED), max_size=12))
def test_cleaning_the_lines_of_a_text_agrees_with_cleaning_each(text: str) -> None:
    # Lines split by str.splitlines() never hold the characters it splits at, so the text
    # is not searched for those marks; every other mark still sends lines the long way.
    raws = text.splitlines()
    assert clean_all(raws, text) == [clean(raw) for raw in raws]


_MARKED = ["a", " ", "#", "<", ">", "&", "&lt;", "&#35;", "&gt;", "<b>", "\r\n", "\r", "\n",
           "\x0b", "\u2028", "\u200b"]  # fmt: skip


@given(
    st.lists(st.sampled_from(_MARKED), max_size=30).map("".join),
    st.lists(
        st.tuples(st.integers(0, 12), st.integers(0, 12), st.sampled_from(["#", "<>", "<", ">"])),
        max_size=6,
    ),
)
def test_lines_said_to_hold_no_mark_hold_none(text: str, asks: list[tuple[int, int, str]]) -> None:
    # may_hold() searches the source between places counted with one-character line breaks,
    # keeping what it counted and found for the next question, asked in any order: with
    # "\r\n" breaks, or entities that decode to a mark, it must never say False wrongly.
    lines = split_lazily(text)
    for start, stop, marks in asks:
        view = lines[start:stop]
        assert isinstance(view, Lines)
        if not view.may_hold(marks):
            assert not any(mark in line for line in view.texts for mark in marks)
        if not any(mark in text for mark in "\r&<"):  # no tag nor entity: the answer is exact
            assert view.may_hold(marks) == any(
                mark in line for line in view.texts for mark in marks
            )


def test_lines_may_hold_anything_without_their_source_or_with_two_character_breaks() -> None:
    assert Lines(["a"], ["a"]).may_hold("#")
    crlf, plain = split_lazily("#\r\nb\r\nc")[1:], split_lazily("#\nb\nc#")[1:2]
    assert isinstance(crlf, Lines)
    assert isinstance(plain, Lines)
    assert crlf.may_hold("#")  # where "b" starts is not counted when a break may be "\r\n"
    assert not plain.may_hold("#")  # "b" alone: the "#" before it and after it are not in it
