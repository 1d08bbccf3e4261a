"""The page parser end to end, on pages written for these tests (one per layout family)."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import podnotes
from podnotes import Episode, ParseError, Severity, Timestamp
from podnotes._patterns import TIME_TOKEN


def chapters(page: str) -> list[tuple[str, str]]:
    return [(str(c.start), c.title) for c in podnotes.parse(page).value.chapters]


def test_parse_is_reexported_and_rejects_non_text() -> None:
    with pytest.raises(TypeError, match="expects the page as str, found bytes"):
        podnotes.parse(b"0:00 Intro")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="found NoneType"):
        podnotes.parse(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("junk", ["**:**", "__ __", "## ", "**:", "#", "LINKS:", "---\n---"])
def test_heading_like_junk_never_raises(junk: str) -> None:
    assert isinstance(podnotes.parse(junk).value, Episode)


def test_empty_page_is_an_empty_episode() -> None:
    result = podnotes.parse("")
    assert result.value == Episode()
    assert result.ok
    assert podnotes.parse("\n \n\t\n").value == Episode()


SEED_LIKE = """\
example.fm

#12 – Making bread at home

Show notes

We talk about flour, water and patience with a baker who wrote three books on the subject and...

Highlights

A short summary paragraph that introduces the highlights below and is not one of them.
00:00
Why sourdough needs time
12:40
The one tool every home baker should own
1:05:09
Mistakes that ruin a loaf

Chapters

Introduction
00:00
Flour and water
03:15
Ovens: gas vs electric
41:00
Questions from listeners
1:02:30

Transcript

Host: Welcome back to the show.
Baker: Thanks for having me.
"""


def test_seed_like_page_reads_every_block() -> None:
    result = podnotes.parse(SEED_LIKE)
    episode = result.value
    assert episode.site == "example.fm"
    assert (episode.number, episode.title) == (12, "Making bread at home")
    assert episode.description_truncated
    assert episode.summary == (
        "A short summary paragraph that introduces the highlights below and is not one of them."
    )
    assert [(str(h.at), h.text) for h in episode.highlights] == [
        ("0:00", "Why sourdough needs time"),
        ("12:40", "The one tool every home baker should own"),
        ("1:05:09", "Mistakes that ruin a loaf"),
    ]
    assert [(str(c.start), c.title) for c in episode.chapters] == [
        ("0:00", "Introduction"),
        ("3:15", "Flour and water"),
        ("41:00", "Ovens: gas vs electric"),
        ("1:02:30", "Questions from listeners"),
    ]
    assert episode.speakers == ("Host", "Baker")
    assert result.ok


def test_chapter_ends_come_from_the_next_start_and_the_duration() -> None:
    page = "Duration: 1:00:00\n\nChapters\n0:00 A\n10:00 B\n50:00 C\n"
    got = podnotes.parse(page).value
    assert [str(c.end) for c in got.chapters] == ["10:00", "50:00", "1:00:00"]
    got = podnotes.parse("Chapters\n0:00 A\n10:00 B\n").value
    assert [c.end for c in got.chapters] == [Timestamp.parse("10:00"), None]


@pytest.mark.parametrize(
    "heading",
    [
        "Chapters",
        "chapters:",
        "TIMESTAMPS:",
        "## Time Stamps",
        "**Outline:**",
        "Topics",
        "In this episode",
    ],
)
def test_chapter_headings(heading: str) -> None:
    page = f"Some description here.\n\n{heading}\n0:00 Hello\n2:00 World\n"
    assert chapters(page) == [("0:00", "Hello"), ("2:00", "World")]


@pytest.mark.parametrize("heading", ["Highlights", "Key moments:", "### Key Moments"])
def test_highlight_headings(heading: str) -> None:
    page = f"{heading}\n0:10 A thing\n2:00 Another thing\n"
    got = podnotes.parse(page).value
    assert [h.text for h in got.highlights] == ["A thing", "Another thing"]
    assert got.chapters == ()


def test_untitled_list_after_description_fills_chapters() -> None:
    page = (
        "A walk through the woods\n\n"
        "We walk and talk about trees.\n\n"
        "[0:00] Setting off\n\n[4:30] The old oak\n\n[1:10:00] Home again\n"
    )
    got = podnotes.parse(page).value
    assert got.title == "A walk through the woods"
    assert got.description == "We walk and talk about trees."
    assert [(str(c.start), c.title) for c in got.chapters] == [
        ("0:00", "Setting off"),
        ("4:30", "The old oak"),
        ("1:10:00", "Home again"),
    ]


def test_run_on_list_inside_a_description_paragraph() -> None:
    page = (
        "Ep. 7: Tides\n"
        "We look at the sea. Thanks to our sponsor Acme: https://acme.example/sea "
        "Timestamps 00:00:00 Opening: the coast 00:04:10 Tides & moons 00:30:00 Closing "
        "Privacy Policy applies at example.org/privacy\n"
    )
    result = podnotes.parse(page)
    got = result.value
    assert (got.number, got.title) == (7, "Tides")
    assert [(str(c.start), c.title) for c in got.chapters] == [
        ("0:00", "Opening: the coast"),
        ("4:10", "Tides & moons"),
        ("30:00", "Closing"),
    ]
    assert got.description is not None
    assert got.description.endswith("https://acme.example/sea")
    assert any("Privacy Policy" in s.text for s in got.sections)


def test_markdown_page_with_front_matter_and_links() -> None:
    page = (
        '---\nnumber: 41\ntitle: "Caching, explained"\n---\n\n'
        "A show about caches.\n\n### Show Notes\n\n"
        "* **[00:00](#t=00:00)** Welcome\n"
        "* **[02:10](#t=02:10)** What [LRU](https://lru.example/) means\n"
        "* **[10:45](#t=10:45)** Wrap up\n\n"
        "### Links\n\n[Site](https://show.example)\n"
    )
    got = podnotes.parse(page).value
    assert (got.number, got.title) == (41, "Caching, explained")
    assert [(c.title, c.url) for c in got.chapters] == [
        ("Welcome", None),
        ("What LRU means", "https://lru.example/"),
        ("Wrap up", None),
    ]
    assert [(s.heading, s.text) for s in got.sections] == [
        ("Links", "[Site](https://show.example)")
    ]


def test_html_leftovers_are_cleaned() -> None:
    page = "<h2>Chapters</h2>\n<p>0:00&nbsp;Intro &amp; hello</p><br>\n<li>5:00 Next&#8230;</li>\n"
    assert chapters(page) == [("0:00", "Intro & hello"), ("5:00", "Next…")]


def test_other_sections_are_kept_raw() -> None:
    page = (
        "Chapters\n0:00 A\n1:00 B\n\nSponsors:\nAcme - acme.example\n\nLINKS:\nhttps://x.example\n"
    )
    got = podnotes.parse(page).value
    assert [(s.heading, s.text) for s in got.sections] == [
        ("Sponsors", "Acme - acme.example"),
        ("LINKS", "https://x.example"),
    ]


def test_a_chapter_named_like_a_heading_between_times_stays_a_chapter() -> None:
    page = "Chapters\nIntro\n0:00\nLinks\n5:00\nOutro\n9:00\n"
    assert chapters(page) == [("0:00", "Intro"), ("5:00", "Links"), ("9:00", "Outro")]


@pytest.mark.parametrize(
    "prose",
    [
        "We woke at 3:15 AM to record this.",
        "John 3:16 is quoted at the start.",
        "The video is 16:9 and the score was 2:1.",
        "As shown in [12], prices rose to $3.50.",
        "Everyone has a p(doom) these days.",
        "The talk starts at 10:30 sharp.",
    ],
)
def test_times_in_prose_never_become_chapters(prose: str) -> None:
    got = podnotes.parse(f"A title\n\n{prose}\nMore words follow here.\n").value
    assert got.chapters == ()
    assert got.highlights == ()


def test_out_of_order_chapter_is_reported_not_lost() -> None:
    result = podnotes.parse("Chapters\n0:00 A\n9:00 B\n5:00 C\n12:00 D\n")
    assert [c.title for c in result.value.chapters] == ["A", "B", "D"]
    (problem,) = result.errors
    assert problem.render() == (
        "line 4, column 1: expected a chapter start after 9:00, found 5:00\n"
        "    4 | 5:00 C\n"
        "      | ^^^^"
    )


def test_strict_raises_one_error_listing_all() -> None:
    page = "Chapters\n0:00 A\n9:00 B\n5:00 C\n1:75 D\n12:00 E\n"
    with pytest.raises(ParseError) as caught:
        podnotes.parse(page, strict=True)
    assert [d.line for d in caught.value.diagnostics] == [4, 5]
    assert str(caught.value).startswith("2 problems in the input:\n")


def test_every_line_lands_somewhere() -> None:
    page = SEED_LIKE + "\nLinks\nhttps://a.example\n\nTrailing words nobody claimed\n"
    result = podnotes.parse(page)
    episode = result.value
    kept = "\n".join(
        [
            episode.title or "",
            episode.site or "",
            episode.description or "",
            episode.summary or "",
            *(c.title for c in episode.chapters),
            *(str(c.start) for c in episode.chapters),
            *(h.text for h in episode.highlights),
            *(t.text for t in episode.transcript),
            *(s.text for s in episode.sections),
            *(s.heading or "" for s in episode.sections),
        ]
    )
    diagnosed = {d.line for d in result.diagnostics}
    headings = {"Show notes", "Highlights", "Chapters", "Transcript"}
    for number, line in enumerate(page.splitlines(), start=1):
        text = line.strip()
        if not text or text in headings or number in diagnosed:
            continue
        core = text.split(":", 1)[-1].strip() if text.startswith(("Host:", "Baker:")) else text
        core = core.removeprefix("#12 – ").removesuffix("...")
        is_time = TIME_TOKEN.fullmatch(text) is not None  # a two-line item's time line
        assert is_time or core in kept, (number, text)


def test_parse_file_decodes_bom_and_utf16(tmp_path: Path) -> None:
    page = "Chapters\n0:00 Café\n1:00 Fin\n"
    for name, data in {
        "utf8.txt": page.encode(),
        "bom.txt": b"\xef\xbb\xbf" + page.encode(),
        "utf16.txt": page.encode("utf-16"),
    }.items():
        path = tmp_path / name
        path.write_bytes(data)
        assert [c.title for c in podnotes.parse_file(path).value.chapters] == ["Café", "Fin"]


def test_results_pickle() -> None:
    result = podnotes.parse(SEED_LIKE)
    assert pickle.loads(pickle.dumps(result)) == result  # noqa: S301 - our own data


def test_layout_is_reported() -> None:
    result = podnotes.parse("Chapters\nIntro\n0:00\nEnd\n5:00\n")
    infos = [d for d in result.diagnostics if d.severity is Severity.INFO]
    assert "laid out as text line, then time line" in infos[0].message


def test_a_timed_list_under_another_heading_is_still_read() -> None:
    page = "Sponsors:\nAcme makes anvils.\n\n0:00 Welcome\n4:00 Anvils\n9:00 Goodbye\n"
    got = podnotes.parse(page).value
    assert [c.title for c in got.chapters] == ["Welcome", "Anvils", "Goodbye"]
    assert [(s.heading, s.text) for s in got.sections] == [("Sponsors", "Acme makes anvils.")]


def test_a_list_heading_without_a_list_is_kept_and_reported() -> None:
    result = podnotes.parse("Intro text.\n\nChapters\nComing soon!\n")
    assert [(s.heading, s.text) for s in result.value.sections] == [("Chapters", "Coming soon!")]
    (warning,) = [d for d in result.diagnostics if d.code == "page.no-timed-list"]
    assert warning.line == 3
    assert warning.severity is Severity.WARNING


def test_a_second_chapter_list_is_kept_raw() -> None:
    page = "Chapters\n0:00 A\n1:00 B\n\nOutline\n0:00 X\n2:00 Y\n"
    result = podnotes.parse(page)
    assert [c.title for c in result.value.chapters] == ["A", "B"]
    assert [(s.heading, s.text) for s in result.value.sections] == [("Outline", "0:00 X\n2:00 Y")]
    assert "page.second-chapter-list" in [d.code for d in result.diagnostics]


def test_a_second_summary_paragraph_is_kept_raw() -> None:
    page = (
        "Highlights\nFirst summary.\n0:00\nA\n5:00\nB\n\n"
        "Chapters\nSecond summary paragraph, not an item.\n0:00 X\n2:00 Y\n"
    )
    got = podnotes.parse(page).value
    assert got.summary == "First summary."
    assert ("Chapters", "Second summary paragraph, not an item.") in [
        (s.heading, s.text) for s in got.sections
    ]


def test_a_second_description_is_kept_raw() -> None:
    page = "Description\nFirst words.\n\nAbout\nMore words.\n"
    got = podnotes.parse(page).value
    assert got.description == "First words."
    assert [(s.heading, s.text) for s in got.sections] == [("About", "More words.")]


def test_webvtt_page_without_heading_is_a_transcript() -> None:
    page = (
        "WEBVTT - Kitchen talk\n\n"
        "00:00:00.000 --> 00:00:02.000\n<v Ann>Hello there.\n\n"
        "00:00:02.500 --> 00:00:04.000\n<v Bo>Hi Ann.\n"
    )
    got = podnotes.parse(page).value
    assert got.title == "Kitchen talk"
    assert [(t.speaker, t.text, str(t.start)) for t in got.transcript] == [
        ("Ann", "Hello there.", "0:00"),
        ("Bo", "Hi Ann.", "0:02.500"),
    ]
    assert got.chapters == ()


def test_the_last_turn_ends_with_the_episode_when_the_page_says_how_long() -> None:
    page = "Duration: 10:00\n\nTranscript\n[0:00] Ann: Hello.\n[0:02] Bo: Hi.\n"
    turns = podnotes.parse(page).value.transcript
    assert [(str(t.start), str(t.end)) for t in turns] == [("0:00", "0:02"), ("0:02", "10:00")]
    untimed = podnotes.parse("Transcript\n[0:00] Ann: Hello.\n[0:02] Bo: Hi.\n").value
    assert untimed.transcript[-1].end is None


def test_one_item_is_a_list_under_a_list_heading_but_not_in_prose() -> None:
    assert chapters("Chapters\n0:00 Only one\n") == [("0:00", "Only one")]
    assert chapters("Some intro.\n\nIntro 0:00\n") == []
    got = podnotes.parse("## Highlights\n\n12:30\nThe one moment\n").value
    assert [(str(h.at), h.text) for h in got.highlights] == [("12:30", "The one moment")]


def test_a_known_heading_after_a_blank_line_opens_its_block_between_times() -> None:
    # "Transcript" stands between a two-line list's last time and a transcript whose first
    # line is a time; the blank line before it (and none after) keeps it a heading.
    page = "Highlights\nThe\n0:00\n\nTranscript\n00:00:00\nSpeaker 1\nso"
    episode = podnotes.parse(page).value
    assert [(str(h.at), h.text) for h in episode.highlights] == [("0:00", "The")]
    assert [(t.speaker, t.text, str(t.start)) for t in episode.transcript] == [
        ("Speaker 1", "so", "0:00")
    ]
    assert episode.sections == ()


@pytest.mark.parametrize(
    "page",
    [
        "Chapters\nIntro\n0:00\nLinks\n5:00\nOutro\n9:00",  # no blank line before "Links"
        "Chapters\n0:00\n\nLinks\n\n5:00\n\nOutro",  # blank lines on both sides
    ],
)
def test_a_heading_name_between_times_stays_an_item(page: str) -> None:
    assert "Links" in [c.title for c in podnotes.parse(page).value.chapters]


def test_turns_of_several_transcript_sections_come_in_page_order() -> None:
    page = (
        "#3 - Two parts\n\nDuration: 1:00:00\n\n## Transcript\n\nAnn: Part one.\nBob: Yes.\n\n"
        "## Notes\n\nSome notes.\n\n## Transcript\n\n[00:10:00] Ann: Part two.\n"
    )
    episode = podnotes.parse(page).value
    assert [(turn.speaker, turn.text) for turn in episode.transcript] == [
        ("Ann", "Part one."),
        ("Bob", "Yes."),
        ("Ann", "Part two."),
    ]
    last = episode.transcript[-1]
    assert last.start is not None
    assert (str(last.start), str(last.end)) == ("10:00", "1:00:00")  # ends with the episode
