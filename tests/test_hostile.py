"""Hostile input: every reader raises only its documented errors and stays linear.

Each reader's docstring lists what it raises.  On a ``str`` a lenient reader raises nothing
(podnotes JSON, which has no lenient mode, raises ``JSONFormatError``) and a strict one
raises only ``ParseError``.  Adversarial texts (runs of digits, colons and brackets, very
long lines, vast runs of blank lines, thousands of headings) must be read in time that
grows linearly; the timing bounds here are loose on purpose, because CI shares two cores,
and ``benchmarks/bench_linearity.py`` measures the real ratios.
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import podnotes
from podnotes import Chapter, Episode, ParseError, SpeakerTurn, Timestamp, TimestampError
from podnotes import transcript as transcript_module
from podnotes.formats import format_names, get_format, podlove
from podnotes.formats.json import JSONFormatError
from podnotes.validate import Profile, validate

Read = Callable[[str, bool], object]


def _page(text: str, strict: bool) -> object:  # noqa: FBT001 - the Reader shape
    return podnotes.parse(text, strict=strict)


def _transcript(text: str, strict: bool) -> object:  # noqa: FBT001 - the Reader shape
    return transcript_module.parse(text, strict=strict)


def _feed(text: str, strict: bool) -> object:  # noqa: FBT001 - the Reader shape
    return podlove.parse_feed(text, strict=strict)


def _readers() -> dict[str, Read]:
    found: dict[str, Read] = {"page": _page, "transcript": _transcript, "psc-feed": _feed}
    for name in format_names():
        read = get_format(name).read
        if read is not None:
            found[name] = read
    return found


READERS = _readers()
#: What each reader documents raising on a str, lenient and strict.  Only podnotes JSON
#: has no lenient mode: a document that is not an episode is a JSONFormatError.
LENIENT: dict[str, tuple[type[Exception], ...]] = {"json": (JSONFormatError,)}
STRICT: dict[str, tuple[type[Exception], ...]] = {"json": (JSONFormatError,)}


def _read_everything(text: str, names: Iterable[str] = READERS) -> None:
    """Run the readers on ``text``, lenient then strict; fail on an undocumented error."""
    for name in names:
        for strict in (False, True):
            allowed = (STRICT if strict else LENIENT).get(name, (ParseError,) if strict else ())
            try:
                READERS[name](text, strict)
            except allowed:
                pass
            except Exception as exc:  # noqa: BLE001 - the point is to name any other error
                mode = "strict" if strict else "lenient"
                pytest.fail(f"{name} ({mode}) raised {type(exc).__name__}: {exc!s:.300}")


# --- any text ----------------------------------------------------------------------------

# Pieces of every format, so random texts reach past the first line of each reader.
_PIECES = (
    "\n",
    "\r\n",
    "\r",
    " ",
    "\t",
    "WEBVTT",
    ";FFMETADATA1",
    "[CHAPTER]",
    "TIMEBASE=1/1000",
    "START=",
    "END=",
    "title=",
    "\\",
    "TRACK 01 AUDIO",
    "INDEX 01 ",
    'TITLE "',
    '"',
    "FILE ",
    "REM ",
    "-->",
    "00:00:01,000",
    "00:01.500",
    "0:00",
    "1:02:03",
    "99:99",
    "PT1H2M",
    "1h02m",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    '"startTime": ',
    '"endTime": ',
    '"title": ',
    '"body": ',
    '"speaker": ',
    '{"version": "1.2.0", "chapters": [',
    '{"version": "1.0.0", "segments": [',
    '{"schema": "podnotes/1", ',
    '"chapters": [',
    "1e999",
    "NaN",
    "-1",
    '<psc:chapters xmlns:psc="http://podlove.org/simple-chapters">',
    '<psc:chapter start="',
    '" title="',
    '"/>',
    "</psc:chapters>",
    "<item>",
    "</item>",
    "<!DOCTYPE x [<!ENTITY e 'x'>]>",
    "&e;",
    "&amp;",
    "<v Ann>",
    "</v>",
    "<b>",
    "NOTE",
    "Chapters",
    "Transcript",
    "Highlights",
    "Show notes",
    "#12 – ",
    "Season 3, Episode 5",
    "Published ",
    "March 3, 2024",
    "Ann: ",
    "**Bo:** ",
    "Speaker 1",
    "Starting point is 00:01:17",
    "- ",
    "• ",
    "1. ",
    "# ",
    "http://e.org",
    "…",
    "\ufeff",
    "\x00",
    "\ud800",
    "\u2028",
    "\x85",
)
_SHAPED = st.lists(st.sampled_from(_PIECES) | st.text(max_size=8), max_size=40).map("".join)


@given(st.text())
@example("")
@example("\ufeff")
@example("\ud800")
def test_any_text(text: str) -> None:
    _read_everything(text)


@given(_SHAPED)
def test_texts_built_from_format_pieces(text: str) -> None:
    _read_everything(text)


@pytest.mark.parametrize(
    "text",
    [
        '{"schema": "podnotes/1", "number": ' + "9" * 5000 + "}",
        "[" * 100_000,
        '{"version": "1.2.0", "chapters": ' + "[" * 100_000,
        '{"version": "1.0.0", "segments": [{"startTime": ' + "9" * 5000 + "}]}",
        "<a>" * 30_000,
    ],
    ids=["huge-int", "deep-array", "deep-chapters", "huge-start", "deep-xml"],
)
def test_json_and_xml_bombs(text: str) -> None:
    _read_everything(text)


@given(st.binary(max_size=400), st.sampled_from(["utf-8", "latin-1"]))
def test_bytes_decoded_as_utf8_with_replacement_or_latin1(data: bytes, encoding: str) -> None:
    _read_everything(data.decode(encoding, errors="replace"))


_JSON_KEYS = (
    # podnotes JSON
    "schema", "title", "number", "season", "podcast", "site", "url", "description",
    "description_truncated", "summary", "published", "duration", "chapters", "highlights",
    "transcript", "transcript_truncated", "sections", "start", "end", "at", "text",
    "speaker", "heading",
    # Podcasting 2.0 chapters and transcripts
    "version", "segments", "startTime", "endTime", "body", "img", "toc", "location",
)  # fmt: skip
_JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=12)
    | st.sampled_from(["podnotes/1", "1.2.0", "1.0.0", "2024-03-01", "0:00"]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.sampled_from(_JSON_KEYS) | st.text(max_size=4), inner, max_size=5)
    ),
    max_leaves=24,
)


_JSON_READERS = ("json", "podcast-chapters", "podcast-transcript")


@given(st.dictionaries(st.sampled_from(_JSON_KEYS), _JSON_VALUES, max_size=6))
def test_json_readers_on_any_json_values(document: dict[str, object]) -> None:
    for schema in ({"schema": "podnotes/1"}, {}):
        text = json.dumps({**schema, **document})
        _read_everything(text, _JSON_READERS)


_ATTRIBUTE_VALUES = st.text(max_size=16) | st.sampled_from(["0", "7:48", "01:35:52.250", "npt:1"])
_PSC_ATTRIBUTES = st.dictionaries(
    st.sampled_from(["start", "title", "href", "image", "version"]), _ATTRIBUTE_VALUES, max_size=4
)


@given(st.lists(_PSC_ATTRIBUTES, max_size=6), st.sampled_from(["alone", "in a feed"]))
def test_psc_readers_on_any_attribute_values(chapters: list[dict[str, str]], where: str) -> None:
    tags = "".join(
        "<psc:chapter"
        + "".join(f" {key}={quoteattr(value)}" for key, value in chapter.items())
        + "/>"
        for chapter in chapters
    )
    text = f"{_PSC_OPEN}{tags}</psc:chapters>"
    if where == "in a feed":
        text = f"<rss><channel><item>{text}</item><item>{text}</item></channel></rss>"
    _read_everything(text, ("psc", "psc-feed"))


@given(_SHAPED)
def test_every_profile_validates_what_the_page_parser_read(text: str) -> None:
    episode = podnotes.parse(text).value
    for profile in Profile:
        validate(episode, profile, source=text)


@given(st.text(max_size=80) | _SHAPED)
def test_timestamp_parse_raises_only_timestamp_error(text: str) -> None:
    with contextlib.suppress(TimestampError):
        Timestamp.parse(text)


def test_iter_turns_reads_any_lines() -> None:
    lines = ["Ann: " + "(" * 10_000, "", "1:" * 5000, "[00:00]" * 2000, "Bo:", "\ufeff"]
    turns = list(transcript_module.iter_turns(lines))
    assert [turn.speaker for turn in turns][:1] == ["Ann"]


# --- XML entities ------------------------------------------------------------------------

_PSC_OPEN = '<psc:chapters xmlns:psc="http://podlove.org/simple-chapters">'
_BILLION_LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i > 1 else "&lol;" * 10}">\n'
        for i in range(1, 10)
    )
    + "]>\n"
    + _PSC_OPEN
    + '<psc:chapter start="0" title="&lol9;"/></psc:chapters>'
)


def _external(tmp_path_text: str) -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM "file://{tmp_path_text}">]>\n'
        + _PSC_OPEN
        + '<psc:chapter start="0" title="&secret;"/></psc:chapters>'
    )


def _parameter(tmp_path_text: str) -> str:
    return (
        f'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY % p SYSTEM "file://{tmp_path_text}"> %p;]>\n'
        + _PSC_OPEN
        + '<psc:chapter start="0" title="t"/></psc:chapters>'
    )


@pytest.mark.parametrize("build", [lambda _p: _BILLION_LAUGHS, _external, _parameter])
@pytest.mark.parametrize("read", [_feed, READERS["psc"]])
def test_xml_with_a_doctype_is_refused_before_any_entity(
    build: Callable[[str], str], read: Read, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    text = build(str(secret))
    with pytest.raises(ParseError) as caught:
        read(text, True)  # noqa: FBT003 - the Reader shape
    message = str(caught.value)
    assert "expected XML without a DOCTYPE, found one (DTDs and entities are refused)" in message
    assert "TOP-SECRET" not in message
    lenient = read(text, False)  # noqa: FBT003 - the Reader shape
    assert "TOP-SECRET" not in repr(lenient)
    assert "lollollol" not in repr(lenient)


def test_an_undeclared_entity_is_an_error_not_an_expansion() -> None:
    text = _PSC_OPEN + '<psc:chapter start="0" title="&xxe;"/></psc:chapters>'
    result = podlove.parse(text)
    assert result.value == ()
    errors = [d for d in result.diagnostics if d.code == "psc.xml"]
    assert [d.message for d in errors] == [
        "expected well-formed XML, found an error: undefined entity"
    ]


# --- adversarial inputs, timed ----------------------------------------------------------


def _episode(count: int) -> Episode:
    return Episode(
        title="Timing",
        duration=Timestamp((count + 1) * 60_000),
        chapters=[Chapter(start=Timestamp(i * 60_000), title=f"Part {i}") for i in range(count)],
        transcript=[
            SpeakerTurn(
                speaker=("Ann", "Bo")[i % 2],
                text=f"Turn {i} has a few words in it.",
                start=Timestamp(i * 2000),
                end=Timestamp(i * 2000 + 1500),
            )
            for i in range(count)
        ],
    )


def _written(name: str) -> Callable[[int], str]:
    """About ``size`` characters of ``name`` as podnotes writes it (a real document).

    CUE sheets hold at most 99 tracks, so a long one is the same sheet again and again.
    """
    writer = get_format(name).write
    chars_each = max(1, len(writer(_episode(20))) // 20)
    most = 99 if name == "cue" else None

    def make(size: int) -> str:
        count = max(1, size // chars_each)
        if most is None or count <= most:
            return writer(_episode(count))
        return writer(_episode(most)) * (count // most)

    return make


def _repeat(unit: str) -> Callable[[int], str]:
    def make(size: int) -> str:
        return unit * max(1, size // len(unit))

    return make


def _after(head: str, unit: str) -> Callable[[int], str]:
    """``head``, then ``unit`` repeated on the same line up to about ``size`` characters."""

    def make(size: int) -> str:
        return head + unit * max(1, size // len(unit))

    return make


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits": _repeat("1"),
    "digits-and-colons": _repeat("12:"),
    "colons": _repeat(":"),
    "open-parens": _repeat("("),
    "open-brackets": _repeat("["),
    "open-braces": _repeat("{"),
    "angles": _repeat("<"),
    "one-long-line": _repeat("word "),
    "blank-lines": _repeat("\n"),
    "crlf-blank-lines": _repeat("\r\n"),
    "headings": _repeat("Chapters\n"),
    "markdown-headings": _repeat("## Transcript\n"),
    "same-time-lines": _repeat("0:00 Intro\n"),
    "run-on-times": _repeat("(00:00) - Intro "),
    "speaker-labels": _repeat("Ann: "),
    # A line a plain layout would take but for colons too far in to be a label's.
    "late-colons-after-a-time": _after("00:00:01 " + "a" * 60, " :"),
    "late-colons-after-a-label": _after("Ann (00:00:01):\n" + "a" * 100, " :"),
    "cue-arrows": _repeat("00:00.000 --> "),
    "backslashes": _repeat("\\"),
    "escaped-line-breaks": _repeat("a\\\n"),
    "quotes": _repeat('"'),
    "entities": _repeat("&amp;&#"),
    "xml-nesting": _repeat("<a>"),
    "many-one-line-chapters": _repeat('<psc:chapter start="0:00" title="a"/>'),
    "written-page": _written("markdown"),
}
ADVERSARIAL.update(
    {f"written-{name}": _written(name) for name in format_names() if name in READERS}
)

SMALL = 1 << 11  # characters
GROWTH = 8
# Eight times the input may take at most this many times as long (plus a little, for
# timer noise on tiny runs): linear code is near 8, quadratic code near 64.
SLOWDOWN = 24
NOISE = 0.003  # CPU seconds


def _seconds(read: Read, text: str) -> float:
    """CPU seconds of one strict read: other processes on a shared machine barely count."""
    begin = time.process_time()
    with contextlib.suppress(ParseError, JSONFormatError):
        read(text, True)  # noqa: FBT003 - strict does all lenient does, then renders errors
    return time.process_time() - begin


def _grows_linearly(read: Read, make: Callable[[int], str]) -> tuple[float, float]:
    small, big = make(SMALL), make(SMALL * GROWTH)
    best_small, best_big = _seconds(read, small), _seconds(read, big)
    for _ in range(2):  # retry only when the first try looks bad: noise, or the real thing
        if best_big <= SLOWDOWN * best_small + NOISE:
            break
        best_small = min(best_small, _seconds(read, small))
        best_big = min(best_big, _seconds(read, big))
    return best_small, best_big


@pytest.mark.parametrize("name", READERS)
def test_adversarial_inputs_take_linear_time(name: str) -> None:
    read = READERS[name]
    slow = {}
    for kind, make in ADVERSARIAL.items():
        small, big = _grows_linearly(read, make)
        if big > SLOWDOWN * small + NOISE:
            slow[kind] = f"{small:.4f}s -> {big:.4f}s"
    assert not slow, f"{name}: {GROWTH}x the input took over {SLOWDOWN}x the time: {slow}"


@pytest.mark.parametrize("name", ["page", "transcript", "webvtt", "srt"])
def test_a_million_blank_lines(name: str) -> None:
    read = READERS[name]
    begin = time.perf_counter()
    read("\n" * 1_000_000 + "0:00 Intro\n", False)  # noqa: FBT003 - the Reader shape
    assert time.perf_counter() - begin < 60  # it ends, and not by the time CI gives up


@pytest.mark.parametrize("head", ["00:00:01 " + "a" * 60, "Ann (00:00:01):\n" + "a" * 100])
def test_colons_late_in_a_long_line_of_a_plain_layout_take_linear_time(head: str) -> None:
    # The bulk reader looks back from each colon to its line's start; it once did so from
    # every colon, which is quadratic in a line of colons (too cheap to show at the sizes
    # of the test above: memrchr is fast).
    def make(size: int) -> str:
        return head + " :" * (size // 2)

    small = min(_seconds(READERS["transcript"], make(50_000)) for _ in range(3))
    big = min(_seconds(READERS["transcript"], make(50_000 * GROWTH)) for _ in range(3))
    assert big <= SLOWDOWN * small + NOISE, f"{small:.4f}s -> {big:.4f}s"


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_many_transcript_sections_take_linear_time(newline: str) -> None:
    # Each transcript section asks whether its lines may hold "#", "<" or ">" by searching
    # the page text between where they start and end; those places were once counted from
    # the page's top, and searched to its end, for every section: quadratic in sections.
    def make(size: int) -> str:
        block = f"## Transcript{newline}Ann: Hi.{newline}Bob: Yo, #1.{newline}"
        return block * (size // len(block))

    small = min(_seconds(READERS["page"], make(40_000)) for _ in range(2))
    big = min(_seconds(READERS["page"], make(40_000 * GROWTH)) for _ in range(2))
    assert big <= SLOWDOWN * small + NOISE, f"{small:.4f}s -> {big:.4f}s"


def test_hundred_thousand_character_lines() -> None:
    line = "(" * 50_000 + "1:" * 25_000
    for name, read in READERS.items():
        begin = time.perf_counter()
        _seconds(read, f"{line}\n{line}\n")
        assert time.perf_counter() - begin < 10, name


@pytest.mark.parametrize("name", ["psc", "podcast-chapters"])
def test_many_errors_on_one_line_give_a_message_linear_in_size(name: str) -> None:
    if name == "psc":
        text = _PSC_OPEN + '<psc:chapter start="0:00" title="a"/>' * 400 + "</psc:chapters>"
    else:
        text = '{"version": "1.2.0", "chapters": [' + '{"startTime": "x"},' * 400 + "{}]}"
    with pytest.raises(ParseError) as caught:
        READERS[name](text, True)  # noqa: FBT003 - the Reader shape
    assert len(caught.value.diagnostics) >= 399
    assert len(str(caught.value)) < 50 * len(text)
