from __future__ import annotations

import importlib
import io
import os
import time
from pathlib import Path
from types import ModuleType

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from podnotes import Chapter, Episode, Timestamp
from podnotes import strategies as pst
from podnotes.diagnostics import ParseError, Severity, render_diagnostics
from podnotes.formats import podlove
from podnotes.formats._registry import get_format

FIXTURES = Path(__file__).parent / "fixtures" / "formats"
PSC = 'xmlns:psc="http://podlove.org/simple-chapters"'


def need(module: str) -> ModuleType:
    """A real consumer: skipped when missing on a developer's machine, never in CI."""
    try:
        return importlib.import_module(module)
    except ImportError:  # pragma: no cover - the dev group installs it
        if os.environ.get("CI"):
            raise
        pytest.skip(f"{module} is not installed")


# --- strategies -------------------------------------------------------------------------

# What XML 1.0 can hold: no C0 controls but tab and line ends, no surrogates, no U+FFFE/F.
_XML_CHARS = st.characters(
    codec="utf-8", exclude_categories=("Cs", "Cc"), exclude_characters="\ufffe\uffff"
)
_TEXT = (
    st.text(_XML_CHARS, min_size=1, max_size=20)
    | st.text(st.sampled_from("a Z&<>\"'\t\n\r\x85\x7f\u2028é😀]]>"), min_size=1, max_size=20)
).filter(str.strip)
_URL = st.sampled_from(["https://example.org/a?b=1&c=2", "relative/page"]) | _TEXT
_MS = st.integers(0, 10**7) | st.integers(0, 10**7 * 3_600_000 - 1)


def chapter_lists() -> st.SearchStrategy[tuple[Chapter, ...]]:
    chapters = pst.chapter_lists(
        min_size=1,
        titles=_TEXT,
        starts=_MS,
        with_ends=True,
        with_urls=True,
        lengths=st.integers(1, 10**8),
        urls=_URL,
    )
    return chapters.map(tuple)


def without_ends(chapters: tuple[Chapter, ...]) -> tuple[Chapter, ...]:
    return tuple(attrs.evolve(chapter, end=None) for chapter in chapters)


def feed(*items: str) -> str:
    """An RSS 2.0 feed, one <item> with an enclosure around each given body."""
    bodies = "".join(
        f"<item><title>Episode {n}</title><guid>ep-{n}</guid>"
        f'<enclosure url="https://example.org/{n}.mp3" length="1" type="audio/mpeg"/>{body}</item>\n'
        for n, body in enumerate(items)
    )
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Show</title>\n{bodies}</channel></rss>\n'


# --- properties -------------------------------------------------------------------------


@given(chapter_lists())
def test_round_trip_carries_start_title_and_url(chapters: tuple[Chapter, ...]) -> None:
    text = podlove.render(chapters)
    parsed = podlove.parse(text, strict=True)
    assert parsed.value == without_ends(chapters)
    assert parsed.diagnostics == ()
    assert podlove.render(parsed.value) == text
    # The same element inside a feed item reads the same, alone or among other items.
    in_feed = podlove.parse_feed(feed("", text, text), strict=True)
    assert in_feed.value == ((), without_ends(chapters), without_ends(chapters))
    assert podlove.parse(feed("", text), strict=True).value == without_ends(chapters)


@given(chapter_lists())
def test_podcastparser_reads_our_chapters_in_a_feed(chapters: tuple[Chapter, ...]) -> None:
    podcastparser = need("podcastparser")
    text = feed(podlove.render(chapters))
    parsed = podcastparser.parse("https://example.org/feed.xml", io.BytesIO(text.encode("utf-8")))
    (episode,) = parsed["episodes"]
    # podcastparser keeps whole seconds of the start (it drops the fraction).
    assert [(c["start"], c["title"], c.get("href")) for c in episode["chapters"]] == [
        (c.start.ms // 1000, c.title, c.url) for c in chapters
    ]


def npt_spellings(ms: int) -> list[str]:
    """Ways the spec and Normal Play Time allow to write a start."""
    whole, millis = divmod(ms, 1000)
    minutes, seconds = divmod(whole, 60)
    hours, minutes_of_hour = divmod(minutes, 60)
    fraction = f".{millis:03d}" if millis else ""
    return [
        f"{hours:02d}:{minutes_of_hour:02d}:{seconds:02d}.{millis:03d}",
        f"{hours}:{minutes_of_hour:02d}:{seconds:02d}{fraction.rstrip('0')}",
        f"{minutes}:{seconds:02d}{fraction}",
        f"{whole}{fraction}",
        f" npt:{whole}.{millis:03d}000 ",
    ]


@given(st.integers(0, 10**10))
def test_every_npt_spelling_reads_the_same(ms: int) -> None:
    for spelling in npt_spellings(ms):
        text = f'<psc:chapters {PSC}><psc:chapter start="{spelling}" title="T"/></psc:chapters>'
        assert podlove.parse(text, strict=True).value == (
            Chapter(start=Timestamp(ms), title="T"),
        ), spelling


@given(st.text())
def test_lenient_parsing_never_raises_on_text(text: str) -> None:
    podlove.parse(text)
    podlove.parse_feed(text)


@given(chapter_lists(), st.data())
def test_lenient_parsing_never_raises_on_damaged_xml(
    chapters: tuple[Chapter, ...], data: st.DataObject
) -> None:
    text = podlove.render(chapters)
    at = data.draw(st.integers(0, len(text)))
    cut = data.draw(st.integers(0, 5))
    insert = data.draw(
        st.sampled_from(['"', "<", ">", "&", "/", " ", "x", "<!DOCTYPE a>", "\ud800", ""])
    )
    damaged = text[:at] + insert + text[at + cut :]
    for parsed in (podlove.parse(damaged), podlove.parse_feed(damaged)):
        lines = damaged.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        assert all(d.source == lines[d.line - 1] for d in parsed.diagnostics)


# --- golden files -----------------------------------------------------------------------

FIXTURE_CHAPTERS = (
    Chapter(start=Timestamp(0), title="Cold open"),
    Chapter(start=Timestamp(61_500), title="Why the moon matters", url="https://example.org/moon"),
    Chapter(start=Timestamp(300_000), title="Reading a tide table"),
    Chapter(start=Timestamp(845_250), title="Listener mail: spring tides"),
    Chapter(
        start=Timestamp(1_799_999), title="Wrap-up & credits", url="https://example.org/credits"
    ),
)


def test_golden_standalone_file() -> None:
    parsed = podlove.parse((FIXTURES / "psc.xml").read_text(encoding="utf-8"), strict=True)
    assert parsed.value == FIXTURE_CHAPTERS
    assert render_diagnostics(parsed.diagnostics) == "\n".join(
        [
            "line 6, column 69: 'image' is not kept: podnotes chapters carry start, title and href",
            '    6 |   <psc:chapter start="00:05:00" title="Reading a tide table" image="https://example.org/images/table.jpg"/>',
            "      |                                                                     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
        ]
    )
    assert parsed.diagnostics[0].severity is Severity.INFO


def test_golden_feed_file() -> None:
    text = (FIXTURES / "psc.rss").read_text(encoding="utf-8")
    parsed = podlove.parse(text, strict=True)
    assert parsed.value == FIXTURE_CHAPTERS
    assert render_diagnostics(parsed.diagnostics) == "\n".join(
        [
            "line 28, column 7: read the chapters of the first item only; 1 other item has chapters too (parse_feed reads them all)",
            '   28 |       <psc:chapters version="1.2">',
            "      |       ^",
        ]
    )
    everything = podlove.parse_feed(text, strict=True)
    assert everything.value == (
        (),
        FIXTURE_CHAPTERS,
        (
            Chapter(start=Timestamp(0), title="Hello"),
            Chapter(start=Timestamp(120_000), title="The bowline"),
        ),
    )
    assert everything.diagnostics == ()
    podcastparser = need("podcastparser")
    episodes = podcastparser.parse("https://example.org/feed.xml", io.BytesIO(text.encode()))[
        "episodes"
    ]
    assert [len(e.get("chapters", [])) for e in episodes] == [0, 5, 2]


def test_render_layout() -> None:
    assert podlove.render(FIXTURE_CHAPTERS[:2]) == "\n".join(
        [
            '<psc:chapters version="1.2" xmlns:psc="http://podlove.org/simple-chapters">',
            '  <psc:chapter start="00:00:00.000" title="Cold open"/>',
            '  <psc:chapter start="00:01:01.500" title="Why the moon matters" href="https://example.org/moon"/>',
            "</psc:chapters>",
            "",
        ]
    )
    odd = Chapter(start=Timestamp(3_600_000 * 123), title='<a> & "b"\t\n\r\x85', url="?a=1&b='2'")
    assert podlove.render([odd]).split("\n")[1] == (
        '  <psc:chapter start="123:00:00.000" title="&lt;a&gt; &amp; &quot;b&quot;&#9;&#10;&#13;\x85"'
        " href=\"?a=1&amp;b='2'\"/>"
    )


@pytest.mark.parametrize(
    ("chapters", "message"),
    [
        ([], "PSC needs at least one chapter, found none"),
        (
            [Chapter(start=Timestamp(2), title="b"), Chapter(start=Timestamp(1), title="a")],
            "chapters must start in strictly increasing order, found 0:00.001 at index 1",
        ),
        (
            [Chapter(start=Timestamp(10**7 * 3_600_000), title="far")],
            "PSC starts must be below 10^7 hours (the reader's limit), found 10000000:00:00",
        ),
        (
            [Chapter(start=Timestamp(0), title="a\x00b")],
            "chapter 0 has title 'a\\x00b' with U+0000, which XML 1.0 cannot hold",
        ),
        (
            [
                Chapter(start=Timestamp(0), title="a"),
                Chapter(start=Timestamp(1), title="b", url="x\ufffe"),
            ],
            "chapter 1 has href 'x\\ufffe' with U+FFFE, which XML 1.0 cannot hold",
        ),
    ],
)
def test_render_refuses(chapters: list[Chapter], message: str) -> None:
    with pytest.raises(ValueError) as caught:  # noqa: PT011 - the whole message is checked
        podlove.render(chapters)
    assert str(caught.value) == message


# --- reading problems -------------------------------------------------------------------

BAD = f"""\
<psc:chapters version="2.0" {PSC}>
  <psc:chapter start="12:00" title="Later"/>
  <psc:chapter start="1:00" title="Earlier" image="x.png" chapter-id="7"/>
  <psc:chapter start="1:00.000" title="Same time"/>
  <psc:chapter start="1:2" title="Bad time"/>
  <psc:chapter title="No time"/>
  <psc:chapter start="2:00" title=" "/>
  <psc:chapter start="3:00"/>
  <psc:chapter start="4:00.0004" title="Rounded" href=" " image="y.png"/>
  <other start="5:00" title="Stranger"/>
</psc:chapters>
"""


def test_reading_problems_are_reported_where_they_are() -> None:
    parsed = podlove.parse(BAD)
    assert parsed.value == (
        Chapter(start=Timestamp(60_000), title="Earlier"),
        Chapter(start=Timestamp(240_000), title="Rounded"),
        Chapter(start=Timestamp(720_000), title="Later"),
    )
    assert render_diagnostics(parsed.diagnostics) == "\n".join(
        [
            'line 1, column 24: expected version "1.0", "1.1" or "1.2", found "2.0"; read as 1.2',
            '    1 | <psc:chapters version="2.0" xmlns:psc="http://podlove.org/simple-chapters">',
            "      |                        ^^^",
            "",
            "line 3, column 23: expected chapters in order of start, found 1:00 after 12:00; sorted",
            '    3 |   <psc:chapter start="1:00" title="Earlier" image="x.png" chapter-id="7"/>',
            "      |                       ^^^^",
            "",
            "line 3, column 52: 'image' is not kept: podnotes chapters carry start, title and href (and 1 more)",
            '    3 |   <psc:chapter start="1:00" title="Earlier" image="x.png" chapter-id="7"/>',
            "      |                                                    ^^^^^",
            "",
            "line 3, column 71: 'chapter-id' is not kept: podnotes chapters carry start, title and href",
            '    3 |   <psc:chapter start="1:00" title="Earlier" image="x.png" chapter-id="7"/>',
            "      |                                                                       ^",
            "",
            "line 4, column 23: expected one chapter per start, found a second at 1:00; left out",
            '    4 |   <psc:chapter start="1:00.000" title="Same time"/>',
            "      |                       ^^^^^^^^",
            "",
            'line 5, column 23: expected start="HH:MM:SS.mmm" or another Normal Play Time, found "1:2"',
            '    5 |   <psc:chapter start="1:2" title="Bad time"/>',
            "      |                       ^^^",
            "",
            'line 6, column 3: expected start="HH:MM:SS.mmm" or another Normal Play Time, found nothing',
            '    6 |   <psc:chapter title="No time"/>',
            "      |   ^^^^^^^^^^^^",
            "",
            'line 7, column 36: expected a title, found " "',
            '    7 |   <psc:chapter start="2:00" title=" "/>',
            "      |                                    ^",
            "",
            "line 8, column 3: expected a title, found nothing",
            '    8 |   <psc:chapter start="3:00"/>',
            "      |   ^^^^^^^^^^^^",
            "",
            "line 9, column 23: rounded '4:00.0004' to the millisecond",
            '    9 |   <psc:chapter start="4:00.0004" title="Rounded" href=" " image="y.png"/>',
            "      |                       ^^^^^^^^^",
            "",
            "line 10, column 3: expected a <psc:chapter>, found <other>; ignored",
            '   10 |   <other start="5:00" title="Stranger"/>',
            "      |   ^^^^^^",
        ]
    )
    with pytest.raises(ParseError) as caught:
        podlove.parse(BAD, strict=True)
    assert [d.line for d in caught.value.diagnostics] == [4, 5, 6, 7, 8]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["line 1, column 1: expected well-formed XML, found an error: no element found"]),
        (
            f'<psc:chapters {PSC}>\n  <psc:chapter start="0" title="A & B"/>\n</psc:chapters>',
            [
                "line 2, column 36: expected well-formed XML, found an error: not well-formed (invalid token)",
                '    2 |   <psc:chapter start="0" title="A & B"/>',
                "      |                                    ^",
            ],
        ),
        (
            '<psc:chapter start="0" title="A"/>',
            [
                "line 1, column 1: expected well-formed XML, found an error: unbound prefix",
                '    1 | <psc:chapter start="0" title="A"/>',
                "      | ^",
            ],
        ),
        (
            '<rss><channel><item><chapters start="0"/></item></channel></rss>',
            [
                'line 1, column 1: expected a <psc:chapters> element (xmlns "http://podlove.org/simple-chapters"), found none',
                '    1 | <rss><channel><item><chapters start="0"/></item></channel></rss>',
                "      | ^",
            ],
        ),
        (
            f'<psc:chapters {PSC}>\n<psc:chapter start="0" title="\ud800"/></psc:chapters>',
            [
                "line 2, column 31: expected XML characters, found a lone surrogate U+D800",
                '    2 | <psc:chapter start="0" title="\ud800"/></psc:chapters>',
                "      |                               ^",
            ],
        ),
    ],
)
def test_texts_that_are_not_chapters(text: str, expected: list[str]) -> None:
    parsed = podlove.parse(text)
    assert render_diagnostics(parsed.errors) == "\n".join(expected)
    assert podlove.parse_feed(text).errors == parsed.errors


def test_a_lone_surrogate_does_not_hide_the_rest() -> None:
    text = f'<psc:chapters {PSC}><psc:chapter start="0" title="a\ud800b"/></psc:chapters>'
    assert podlove.parse(text).value == (Chapter(start=Timestamp(0), title="a\ufffdb"),)


def test_empty_and_extra_chapter_lists() -> None:
    text = feed(
        f"<psc:chapters {PSC}/><psc:chapters {PSC}><psc:chapter start='0' title='x'/></psc:chapters>"
    )
    parsed = podlove.parse(text)
    assert parsed.value == ()
    assert [(d.severity, d.code, d.column) for d in parsed.diagnostics] == [
        (Severity.WARNING, "psc.empty", 121),
        (Severity.WARNING, "psc.extra-chapters", 183),
    ]
    assert (
        parsed.diagnostics[0].message == "expected one or more <psc:chapter> elements, found none"
    )


# --- other documents and namespaces -----------------------------------------------------


def test_atom_entries_default_namespaces_and_the_trailing_slash() -> None:
    atom = """\
<feed xmlns="http://www.w3.org/2005/Atom">
  <entry><title>One</title>
    <chapters xmlns="http://podlove.org/simple-chapters/" version="1.1">
      <chapter start="37" title="Welcome"/>
    </chapters>
  </entry>
  <entry><title>Two</title></entry>
</feed>"""
    assert podlove.parse_feed(atom, strict=True).value == (
        (Chapter(start=Timestamp(37_000), title="Welcome"),),
        (),
    )


def test_chapters_outside_any_item_count_as_their_own_group() -> None:
    text = f"""<rss {PSC}><channel>
<psc:chapters><psc:chapter start="0" title="channel"/></psc:chapters>
<item><psc:chapters><psc:chapter start="1" title="item"/></psc:chapters></item>
</channel></rss>"""
    parsed = podlove.parse_feed(text, strict=True)
    assert [[c.title for c in group] for group in parsed.value] == [["channel"], ["item"]]


def test_parse_refuses_non_text() -> None:
    with pytest.raises(TypeError, match="expected the text as a str, found bytes"):
        podlove.parse(b"<x/>")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="found int"):
        podlove.parse_feed(3)  # type: ignore[arg-type]


# --- safety and speed -------------------------------------------------------------------

BILLION_LAUGHS = """\
<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<psc:chapters xmlns:psc="http://podlove.org/simple-chapters">
  <psc:chapter start="0" title="&lol9;"/>
</psc:chapters>
"""

EXTERNAL_ENTITY = """\
<?xml version="1.0"?>
<!DOCTYPE psc:chapters [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<psc:chapters xmlns:psc="http://podlove.org/simple-chapters">
  <psc:chapter start="0" title="&secret;"/>
</psc:chapters>
"""


@pytest.mark.parametrize(
    ("text", "line", "source"),
    [
        (BILLION_LAUGHS, 2, "<!DOCTYPE lolz ["),
        (
            EXTERNAL_ENTITY,
            2,
            '<!DOCTYPE psc:chapters [<!ENTITY secret SYSTEM "file:///etc/passwd">]>',
        ),
        (
            '<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><x/>',
            1,
            '<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd"><x/>',
        ),
    ],
)
def test_doctypes_are_refused_quickly(text: str, line: int, source: str) -> None:
    began = time.perf_counter()
    parsed = podlove.parse(text)
    assert time.perf_counter() - began < 0.5
    assert parsed.value == ()
    assert render_diagnostics(parsed.diagnostics) == "\n".join(
        [
            f"line {line}, column 1: expected XML without a DOCTYPE, found one (DTDs and entities are refused)",
            f"{line:>5} | {source}",
            "      | ^^^^^^^^^",
        ]
    )
    with pytest.raises(ParseError):
        podlove.parse_feed(text, strict=True)


def test_adversarial_long_lines_parse_fast() -> None:
    bare = f'<psc:chapter x="{"x" * 30}"/>'
    many = "".join(f'<psc:chapter start="{n}" title="{"t" * 20}"/>' for n in range(2500, 0, -1))
    texts = [
        f'<psc:chapters {PSC}><psc:chapter start="{"1" * 100_000}" title="x"/></psc:chapters>',
        f'<psc:chapters {PSC}><psc:chapter start="0" title="{"&amp;" * 20_000}"/></psc:chapters>',
        f"<psc:chapters {PSC}>{bare * 3000}</psc:chapters>",
        f"<psc:chapters {PSC}>{many}</psc:chapters>",
        f'<psc:chapters {PSC}><psc:chapter start="0" title="x" {"a=" * 50_000}/></psc:chapters>',
        "<a>" * 50_000,
    ]
    for text in texts:
        assert len(text) > 100_000
        began = time.perf_counter()
        podlove.parse(text)
        assert time.perf_counter() - began < 2, text[:80]


# --- registry ---------------------------------------------------------------------------


def test_registry_entry() -> None:
    entry = get_format("psc")
    assert entry is podlove.FORMAT
    episode = Episode(
        title="dropped",
        chapters=[attrs.evolve(c, end=Timestamp(2_000_000)) for c in FIXTURE_CHAPTERS],
    )
    text = entry.write(episode)
    assert entry.read is not None
    strict = True
    assert entry.read(text, strict).value == Episode(chapters=FIXTURE_CHAPTERS)
    assert entry.looks_like is not None
    assert entry.looks_like(text)
    assert entry.looks_like((FIXTURES / "psc.rss").read_text(encoding="utf-8"))
    assert not entry.looks_like('{"chapters": []}')
