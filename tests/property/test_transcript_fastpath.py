"""The transcript reader's fast path reads every text exactly as the line-by-line path does.

``Reader.read_all`` (behind ``transcript.parse`` and ``read_transcript``) takes the common
lines (``Name: text``, ``Name (00:01:19):``, ``00:00:17 text``, more text) by a shortcut and
leaves the rest to the full reader; ``Reader.step``, fed one line at a time as
``iter_turns`` feeds it, never takes the shortcut.  Both must end in the same state: the
same turns, the same diagnostics in the same order, the same layouts, labels and flags.
The lines drawn here sit on the edges of each shortcut (times out of range, a time of day,
a range, a label after the time, brackets, markup, a known label alone on its line).
"""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import podnotes
from podnotes import _lines, page, transcript
from podnotes._columns import clock_starts, may_lead_on
from podnotes._lines import Lines, clean, clean_all, split, split_lazily
from podnotes._transcript_bulk import _MORE_LEAD, read_bulk
from podnotes._transcript_fast import Reader
from podnotes.diagnostics import Diagnostic
from podnotes.model import SpeakerTurn, _trusted_timed_turn, _trusted_timestamp
from podnotes.options import ParseOptions
from podnotes.timestamps import Timestamp

# Ann and Lex Fridman come back often, so labels recur as they do in real transcripts.
_NAMES = ("Ann",) * 4 + ("Lex Fridman",) * 3 + (
    "Speaker 1", "lenny", "Note", "**Bo**", "Dr. O'Brien", "Ann (")  # fmt: skip
_WORDS = ("so", "Agents", "And", "Pm", "AM", "to", "tomorrow", "it", "[laughs]", "x:y", "3:15")
_ODD = ("", "", "", "...", "…", " PM", ":", ";", "<b>", "&amp;", "\u00a0", "  ", "’", "&lt;",
        "-&gt;")  # fmt: skip


# Clocks in range and out of it, in the fast path's spelling (HH:MM:SS) and in others.
_CLOCKS = ("00:00:17", "00:01:19", "01:02:03", "00:00:05", "00:61:00", "00:00:75", "1:02",
           "00:00:17.5", "00;00;13;12", "123:00:00", "0:04", "99:59:59")  # fmt: skip


@st.composite
def speech(draw: st.DrawFn) -> str:
    """A few words, maybe with an odd ending (an ellipsis, a colon, markup)."""
    words = draw(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=4))
    return " ".join(words) + draw(st.sampled_from(_ODD))


@st.composite
def lines(draw: st.DrawFn) -> str:
    """One line of a transcript, in one of the shapes the fast path takes or turns down."""
    name, said, clock, until = (
        draw(st.sampled_from(_NAMES)),
        draw(speech()),
        draw(st.sampled_from(_CLOCKS)),
        draw(st.sampled_from(_CLOCKS)),
    )
    templates = (
        f"{name}: {said}",
        f"{name}:",
        f"{name} ({clock}):",
        f"{name} ({clock}): {said}",
        f"{clock} {said}",
        f"{clock} {name}: {said}",
        f"{clock} to {until} {said}",
        f"{clock} to 00;00;51;03 {said}",  # a range whose end has no colon
        f"{clock} – 00;00;51;03 {said}",
        f"{clock} \u1680{said}",  # a space that cleaning keeps, and the lead takes
        f"{clock} - {until}",
        f"{clock}",
        f"[{clock}] {said}",
        f"[{name}] [{clock}] {said}",
        f"Starting point is {clock}",
        name,
        f"\n{name}\n{said}",  # a known label alone on its line starts a turn
        f"\n{name}\n{said}",
        f"\n{name}:\n{said}",
        said,
        said,
        "",
        "",
        f"<v {name}>{said}",
        f"{clock} --> {until}",
        f"{clock} --&gt; {until}",  # a cue line once its entity is decoded
        f"&lt;v {name}&gt;{said}",
    )
    line: str = draw(st.sampled_from(templates))
    indent: str = draw(st.sampled_from(("", " ", "\t")))
    return indent + line


def pages() -> st.SearchStrategy[str]:
    """Transcript texts of such lines, sometimes with odd text or a WebVTT header on top."""
    body = st.lists(lines(), max_size=20).map("\n".join)
    top = st.sampled_from(("", "", "", "", "", "WEBVTT\n\n", "\n"))
    tail = st.text(alphabet="Ab :;()[]<>-0123456789.\n", max_size=12)
    return st.tuples(top, body, tail).map("".join)


def _options() -> st.SearchStrategy[ParseOptions | None]:
    labels = st.sampled_from(("Ann", "lenny", "Lex Fridman", "Speaker 1"))
    return st.none() | st.builds(
        ParseOptions, speakers=st.sets(labels, max_size=2), not_speakers=st.sets(st.just("Agents"))
    )


def _state(reader: Reader, turns: list[SpeakerTurn], found: list[Diagnostic]) -> dict[str, Any]:
    labels = {k: (v.count, v.row, v.tagged) for k, v in reader.labels.items()}
    return {
        "turns": turns,
        "diagnostics": found,
        "forms": reader.forms,
        "first_of_form": reader.first_of_form,
        "labels": labels,
        "truncated": reader.truncated,
        "title": reader.title,
        "vtt": reader.vtt,
    }


def _line_by_line(text: str, options: ParseOptions | None) -> dict[str, Any]:
    found: list[Diagnostic] = []
    reader = Reader(found.append, options)
    numbered = enumerate(text.splitlines(), start=1)
    turns = list(transcript._drive(reader, numbered))  # noqa: SLF001
    return _state(reader, turns, found)


def _all_at_once(text: str, options: ParseOptions | None, *, whole: bool = False) -> dict[str, Any]:
    """Read at once; with ``whole``, the reader is told when the text holds no "<" or ">"."""
    found: list[Diagnostic] = []
    reader = Reader(found.append, options)
    raws = text.splitlines()
    texts = clean_all(raws, text)
    unmarked = whole and not any(mark in text for mark in "<>&")
    turns = reader.read_all(range(1, len(raws) + 1), raws, texts, unmarked=unmarked)
    return _state(reader, turns, found)


@given(pages(), _options())
def test_the_fast_path_reads_as_the_line_by_line_path(
    text: str, options: ParseOptions | None
) -> None:
    at_once = _all_at_once(text, options)
    assert at_once == _line_by_line(text, options)
    assert _all_at_once(text, options, whole=True) == at_once
    # read_transcript (from Line objects) reads as parse (from the text) does.
    found = transcript.read_transcript(split(text), options=options)
    parsed = transcript.parse(text, options=options)
    assert (found.turns, found.diagnostics) == (parsed.value, parsed.diagnostics)
    # The reader builds turns without running the validators; the public constructor,
    # which runs them all, must accept each one and make an equal turn.
    for turn in at_once["turns"]:
        assert SpeakerTurn(**attrs.asdict(turn, recurse=False)) == turn


@given(
    st.none() | st.text(min_size=1).filter(lambda s: not s.isspace()),
    st.text(min_size=1).filter(lambda s: not s.isspace()),
    st.none() | st.integers(0, 10**9),
    st.integers(1, 10**6),
)
def test_trusted_constructors_make_what_init_makes(
    speaker: str | None, text: str, start_ms: int | None, length: int
) -> None:
    start = None if start_ms is None else _trusted_timestamp(start_ms)
    end = None if start_ms is None else _trusted_timestamp(start_ms + length)
    built = SpeakerTurn(
        speaker=speaker,
        text=text,
        start=None if start_ms is None else Timestamp(start_ms),
        end=None if start_ms is None else Timestamp(start_ms + length),
    )
    trusted = _trusted_timed_turn(speaker, text, start, end)
    assert trusted == built
    assert hash(trusted) == hash(built)
    assert repr(trusted) == repr(built)


@given(st.text(alphabet=st.characters(exclude_categories=["Cs"], exclude_characters="\n\r")))
def test_the_shortcut_of_clean_agrees_with_cleaning_fully(raw: str) -> None:
    assert clean(raw) == _lines._clean_fully(raw)  # noqa: SLF001


@given(st.sampled_from(("Intro", "a  b", "x\tb", "&amp;", "<b>Hi</b>", "\u00a0x")), st.text())
def test_the_shortcut_of_clean_agrees_on_markup(mark: str, raw: str) -> None:
    assert clean(raw + mark) == _lines._clean_fully(raw + mark)  # noqa: SLF001


_PAGE_PARTS = (
    "#12 – Small Talk",
    "# Small Talk",
    "A show about small talk.",
    "Chapters",
    "0:00 Intro",
    "4:05 Weather",
    "Transcript",
    "## Transcript",
    "### Notes",
    "# Links",
    "Sponsors:",
    "---",
)


@given(st.lists(st.sampled_from(_PAGE_PARTS) | lines(), max_size=24).map("\n".join))
def test_a_page_reads_the_same_from_lazy_lines(text: str) -> None:
    # podnotes.parse splits lazily: the transcript's lines never become Line objects.
    # Read from a tuple of every Line, the page must come out the same.
    eager = page._EpisodeBuilder().run(split(text))  # noqa: SLF001
    assert podnotes.parse(text) == eager


@given(st.lists(lines(), max_size=8).map("\n".join), st.integers(-10, 10), st.integers(-10, 10))
def test_lazy_lines_are_the_lines_of_split(text: str, start: int, stop: int) -> None:
    raws = text.splitlines()
    assert clean_all(raws, text) == clean_all(raws) == [clean(raw) for raw in raws]
    lazy, eager = split_lazily(text), split(text)
    assert [(line.raw, line.text) for line in eager] == list(
        zip(raws, map(clean, raws), strict=True)
    )
    assert lazy == eager
    assert tuple(lazy[start:stop]) == eager[start:stop]
    view = lazy[start:stop]
    assert view == eager[start:stop]
    assert isinstance(view, Lines)
    assert view.texts == [line.text for line in eager[start:stop]]
    assert view.raws == [line.raw for line in eager[start:stop]]
    assert lazy[::2] == eager[::2]
    if eager:
        assert lazy[start % len(eager)] == eager[start % len(eager)]
        assert lazy[-1] is lazy[len(lazy) - 1]  # built once, then kept
        assert hash(lazy) == hash(eager)


def test_lazy_lines_refuse_an_index_out_of_range() -> None:
    lines = split_lazily("a\nb")
    assert repr(lines[1:]) == "Lines(first_number=2, count=1)"
    assert lines != "a\nb"
    for index in (2, -3):
        with pytest.raises(IndexError, match=rf"line index {index} out of range for 2 lines"):
            lines[index]


# --- the bulk path: whole texts in one plain layout, and near misses -------------------------

_PLAIN_LAYOUTS = ("name-colon", "name-time-line", "timed-text")


def _turn_lines(layout: str, name: str, clock: str, said: str) -> list[str]:
    if layout == "name-colon":
        return [f"{name}: {said}"] if len(said) % 4 else [f"{name}:", said]
    if layout == "name-time-line":
        return [f"{name} ({clock}):", said]
    return [f"{clock} {said}"]


# In order most of the time, as real transcripts are; the sampled clocks break the order.
_BULK_CLOCKS = st.integers(0, 20).map(lambda n: f"00:{n * 3 // 60:02d}:{n * 3 % 60:02d}")


# Openings of a timed line's text that may go on with its lead (see _MORE_LEAD).
_OPENINGS_LEADING_ON = ("- ", "\u2013 ", "| ", "[laughs] ", "3 ", "to ", "AM ", "pm ", "A.M. ",
                        "p.m. ", "Am ", "a. ", "To ", "T")  # fmt: skip


@st.composite
def plain_layout_texts(draw: st.DrawFn) -> str:
    """A transcript in one plain layout, sometimes with one line that breaks the layout.

    Turns are apart by no blank line, one or two; the labels recur or not; the text of a
    turn may end oddly (a colon, markup, an ellipsis); a clock may go back or be out of
    range; one line may be swapped for any line ``lines`` draws.
    """
    layout = draw(st.sampled_from(_PLAIN_LAYOUTS))
    turns = draw(st.integers(1, 8))
    clocks = sorted(draw(st.lists(_BULK_CLOCKS, min_size=turns, max_size=turns)))
    if draw(st.booleans()):  # sometimes out of order or out of range
        clocks[draw(st.integers(0, turns - 1))] = draw(st.sampled_from(_CLOCKS))
    out: list[str] = [""] * draw(st.integers(0, 1))
    for index in range(turns):
        name = draw(st.sampled_from(_NAMES[:7] if draw(st.integers(0, 4)) else _NAMES))
        said = draw(speech()) if draw(st.integers(0, 2)) == 0 else " ".join(_WORDS[2:5])
        if draw(st.integers(0, 3)) == 0:  # an opening the line reader looks closer at
            said = draw(st.sampled_from(_OPENINGS_LEADING_ON)) + said
        out += _turn_lines(layout, name, clocks[index], said)
        for _ in range(draw(st.sampled_from((0, 0, 0, 1, 2)))):  # more lines of the turn
            out += [""] * draw(st.sampled_from((0, 1)))  # wrapped, or a new paragraph
            out.append(draw(st.sampled_from((*_NAMES[:3], "so it goes", "And then..."))))
        out += [""] * draw(st.sampled_from((0, 1, 1, 1, 2)))
    if draw(st.integers(0, 2)) == 0:
        out[draw(st.integers(0, len(out) - 1))] = draw(lines())
    return "\n".join(out)


@given(plain_layout_texts(), _options())
def test_the_bulk_path_reads_as_the_line_by_line_path(
    text: str, options: ParseOptions | None
) -> None:
    assert _all_at_once(text, options) == _line_by_line(text, options)


@pytest.mark.parametrize(
    ("text", "taken"),
    [
        ("Ann: Hi.\nLex Fridman: Hello.\n\nAnn: So...", True),
        ("Ann (00:00:01):\nHi.\n\nLex (00:00:04):\nHello.", True),
        ("00:00:01 Hi.\n00:00:04 Hello.\n", True),
        ("Ann: Hi.\nand more.\n\nA new paragraph.\nLex: So.", True),  # more lines
        ("Ann:\nHi.\nLex: So.", True),  # a label alone, its text below
        ("Ann: Hi.\n\nAnn\nmore", False),  # a label alone may name the next speaker
        ("00:00:01 Hi.\nAnn\n00:00:04 Hello.", False),  # so may a name above a time
        ("Ann:\nLex: So.", False),  # a turn with no text
        ("Hi.\nAnn: Hello.", False),  # text before the first label
        ("Speaker 1: Hi.\nSpeaker 2: Hello.", False),  # a label ending in a digit
        ("Ann (00:00:01):\n\nHi.", True),  # a blank line between label and text
        ("Ann (00:00:04):\nHi.\nLex (00:00:01):\nHello.", False),  # a time going back
        # After a label line, a text the line reader looks at closer: a bracket, a digit,
        # a "Starting point is" line, a colon where a label's would be.
        ("Ann (00:00:01):\n(laughs) Hi.\nLex (00:00:04):\nHello.", False),
        ("Ann (00:00:01):\n3 things.\nLex (00:00:04):\nHello.", False),
        ("Ann (00:00:01):\n[crosstalk] Hi.\nLex (00:00:04):\nHello.", False),
        ("Ann (00:00:01):\nStarting point is 00:00:02\nLex (00:00:04):\nHello.", False),
        ("Ann (00:00:01):\nHi: there.\nLex (00:00:04):\nHello.", False),
        ("Ann (00:00:01):\nHi (laughs):\n\nLex (00:00:04):\nHello.", False),  # "):" ends text
        ("Ann (00:00:01):\nHi.\nLex (00:00:04):\nHello (laughs).", True),  # brackets later
        ("00:00:01 Hi.\n00:00:04 Lex: Hello.", False),  # a label after the time
        ("00:00:01 Hi.\n00:00:04 PM news.", False),  # a time of day
        ("00:00:01 AM news.\n00:00:04 Hi.", False),  # the same, on any line
        ("00:00:01 Hi.\n00:00:02 - Yes.\n00:00:04 Hi.", False),  # a dash
        ("00:00:01 Hi.\n00:00:02 to me.\n00:00:04 Hi.", False),  # "to" of a range, maybe
        ("00:00:01 Hi.\n00:00:04 a.m. news.", False),  # a time of day, with dots
        ("00:00:01 Hi.\n00:00:04 today.", False),  # "to" of a range, maybe
        ("00:00:01 Hi.\n00:00:04 \u2013 more.", False),  # a dash
        ("00:00:01 I\n00:00:04 Hello.", True),  # a text of one character
        ("00:00:01 Ah.\n00:00:04 Pa.\n00:00:05 Am I?", False),  # "Am" may be a time of day
        ("00:00:01 Hi.\n00:61:04 Hello.", False),  # a clock out of range
        ("Note: this is long enough to be no label at all, surely: yes", False),
    ],
)
def test_the_bulk_path_takes_plain_layouts_only(text: str, taken: bool) -> None:  # noqa: FBT001
    raws = text.splitlines()
    reader = Reader(lambda _: None)
    texts = clean_all(raws)
    bulk = read_bulk(reader, range(1, len(raws) + 1), raws, texts, "\n".join(texts))
    assert (bulk is not None) is taken
    assert _all_at_once(text, None) == _line_by_line(text, None)


_CLOCK_PARTS = st.tuples(st.integers(0, 99), st.integers(0, 59), st.integers(0, 59))


@given(st.lists(_CLOCK_PARTS, min_size=1, max_size=40), st.booleans())
def test_clocks_read_all_at_once_are_the_clocks_read_one_by_one(
    clocks: list[tuple[int, int, int]],
    named: bool,  # noqa: FBT001
) -> None:
    # The bulk path reads every clock of a transcript at once, in lanes of one big integer.
    spelt = [f"{h:02d}:{m:02d}:{s:02d}" for h, m, s in clocks]
    framed = [f"({clock}):" if named else f"{clock} " for clock in spelt]
    expected = [((h * 60 + m) * 60 + s) * 1000 for h, m, s in clocks]
    assert [Timestamp.parse(clock).ms for clock in spelt] == expected
    found = clock_starts("".join(framed), "(99:59:59):" if named else "99:59:59 ", len(framed))
    if expected != sorted(expected):
        assert found is None
    else:
        assert found is not None
        ties = [
            place for place in range(len(expected) - 1) if expected[place] == expected[place + 1]
        ]
        assert (found.ms, found.ties) == (expected, ties)


@pytest.mark.parametrize(
    "clocks",
    [
        ["00:00:01 ", "00:60:00 "],  # minutes out of range
        ["00:00:01 ", "00:00:60 "],  # seconds out of range
        ["00:00:01 ", "0:00:02 x"],  # one digit of hours
        ["00:00:01 ", "00-00-02 "],  # not colons
        ["00:00:01 ", "00:00:02x"],  # no space after the clock
        ["00:00:01 ", "00:0a:02 "],  # a letter for a digit
        ["00:00:01 ", "00:00:\u0662 "],  # a digit, but not an ASCII one
        ["00:00:01 ", "00:00:02"],  # one clock too short
        [],  # no clock at all
    ],
)
def test_clock_columns_refuse_what_is_no_clock(clocks: list[str]) -> None:
    assert clock_starts("".join(clocks), "99:59:59 ", len(clocks)) is None


@pytest.mark.parametrize(
    ("clocks", "ties"),
    [
        (["00:00:05 ", "00:00:05 ", "00:00:06 ", "00:00:06 "], [0, 2]),
        # Steps of 8,192 s then 1 s: their lanes hold four zero bytes across the two, which
        # is no tie.
        (["00:00:00 ", "02:16:32 ", "02:16:33 "], []),
        (["99:59:59 ", "99:59:59 "], [0]),
    ],
)
def test_clock_columns_find_the_turns_that_start_together(
    clocks: list[str], ties: list[int]
) -> None:
    found = clock_starts("".join(clocks), "99:59:59 ", len(clocks))
    assert found is not None
    assert found.ties == ties
    assert found.ms == [Timestamp.parse(clock.strip()).ms for clock in clocks]


_OPENINGS = st.text(
    alphabet=st.sampled_from("AaPpMm.to -\u2013|\u00b7[5 xZ\u00e9\u4e00\t\x85"), max_size=4
)


@given(st.lists(_OPENINGS.filter(bool), min_size=1, max_size=6))
def test_leads_found_column_by_column_are_the_ones_the_pattern_finds(texts: list[str]) -> None:
    # _timed_text tests the first two characters of every text at once; it may decline a
    # text the line reader would take ("A." not followed by "M", characters that are not
    # printable), never take one whose opening the line reader reads as more lead.
    firsts = "".join(text[0] for text in texts)
    seconds = "".join(text[1:2] or "~" for text in texts)
    by_pattern = any(re.match(_MORE_LEAD, text) for text in texts)
    by_columns = may_lead_on(firsts, seconds)
    if by_pattern:
        assert by_columns
    elif by_columns:
        assert not firsts.isprintable() or any(
            text[0] in "AaPp" and text[1:2] == "." for text in texts
        )
