"""podnotes.header: titles, front matter and the head block of a page.

Every text here is written for these tests; the shared example pages are read in place.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from pathlib import Path

import pytest

from podnotes import header
from podnotes._lines import Line, split
from podnotes.diagnostics import Severity
from podnotes.header import (
    FrontMatter,
    HeadResult,
    Note,
    TitleForm,
    TitleParts,
    parse_title,
    read_front_matter,
    read_head,
    split_truncation,
)
from podnotes.timestamps import Timestamp

EXAMPLES = Path(
    os.environ.get("PODNOTES_EXAMPLES")
    or Path(__file__).resolve().parents[2] / "shared" / "examples"
)

EN, EM = "\u2013", "\u2014"


def codes(result: HeadResult | FrontMatter) -> list[str]:
    return [d.code for d in result.diagnostics]


# ------------------------------------------------------------------------------ titles


@pytest.mark.parametrize(
    ("text", "title", "number", "season", "form"),
    [
        (f"#490 {EN} Tides and Time", "Tides and Time", 490, None, TitleForm.HASH),
        ("#490: Tides and Time", "Tides and Time", 490, None, TitleForm.HASH),
        ("#490 - Tides and Time", "Tides and Time", 490, None, TitleForm.HASH),
        (f"#7 {EM} Small Talk", "Small Talk", 7, None, TitleForm.HASH),
        ("#12 | Small Talk", "Small Talk", 12, None, TitleForm.HASH),
        ("Ep. 12: Small Talk", "Small Talk", 12, None, TitleForm.EPISODE),
        ("Ep 12 - Small Talk", "Small Talk", 12, None, TitleForm.EPISODE),
        ("EP12: Small Talk", "Small Talk", 12, None, TitleForm.EPISODE),
        ("Ep. #12 - Small Talk", "Small Talk", 12, None, TitleForm.EPISODE),
        ("Episode 12 - Small Talk", "Small Talk", 12, None, TitleForm.EPISODE),
        ("Episode 12: Small Talk", "Small Talk", 12, None, TitleForm.EPISODE),
        ("episode 12 Small Talk", "Small Talk", 12, None, TitleForm.EPISODE),
        ("Episode #012 | Small Talk", "Small Talk", 12, None, TitleForm.EPISODE),
        ("S3E12: Small Talk", "Small Talk", 12, 3, TitleForm.SEASON_EPISODE),
        ("S3 E12 - Small Talk", "Small Talk", 12, 3, TitleForm.SEASON_EPISODE),
        ("S03E07 Small Talk", "Small Talk", 7, 3, TitleForm.SEASON_EPISODE),
        ("s2.e4: Small Talk", "Small Talk", 4, 2, TitleForm.SEASON_EPISODE),
        ("S3 Ep. 12: Small Talk", "Small Talk", 12, 3, TitleForm.SEASON_EPISODE),
        ("Season 13, Episode 5: Small Talk", "Small Talk", 5, 13, TitleForm.SEASON_EPISODE),
        ("Season 2 Ep 9 - Small Talk", "Small Talk", 9, 2, TitleForm.SEASON_EPISODE),
        ("Small Talk (#192)", "Small Talk", 192, None, TitleForm.SUFFIX),
        ("Small Talk [Ep. 19]", "Small Talk", 19, None, TitleForm.SUFFIX),
        ("Small Talk (Episode 19)", "Small Talk", 19, None, TitleForm.SUFFIX),
        ("Small Talk | Ep. 12", "Small Talk", 12, None, TitleForm.SUFFIX),
        ("Small Talk - Episode 12", "Small Talk", 12, None, TitleForm.SUFFIX),
        (f"Small Talk {EN} #12", "Small Talk", 12, None, TitleForm.SUFFIX),
        ("Small Talk: S4E2", "Small Talk", 2, 4, TitleForm.SUFFIX),
        ("Big | Small Talk | Ep. 3", "Big | Small Talk", 3, None, TitleForm.SUFFIX),
        ("490. Tides and Time", "Tides and Time", 490, None, TitleForm.BARE),
        ("490: Tides and Time", "Tides and Time", 490, None, TitleForm.BARE),
        ("490 - Tides and Time", "Tides and Time", 490, None, TitleForm.BARE),
        ("0042 | Tides and Time", "Tides and Time", 42, None, TitleForm.BARE),
        (
            "#490 \u2013 Tides in 2026: Moons",
            "Tides in 2026: Moons",
            490,
            None,
            TitleForm.HASH,
        ),
    ],
)
def test_title_spellings(
    text: str, title: str, number: int, season: int | None, form: TitleForm
) -> None:
    parts = parse_title(text)
    assert (parts.title, parts.number, parts.season, parts.form) == (title, number, season, form)
    assert parts.notes == ()


@pytest.mark.parametrize(
    "text",
    [
        "10 Things I Learned",
        "2024: The Year in Review",
        "1999 - A Look Back",
        "#1 Rule of Investing",
        "We're #1",
        "9 - 5 Jobs, Revisited",
        "10:30 Meetings Are Too Early",
        "3.5 Ways to Sleep",
        "3-2-1 Liftoff",
        "24/7 Support",
        "Episodes 1-3 Recap",
        "Epic 12 Hours",
        "Reviewing Star Wars Episode 1",
        "Part 2: The Return",
        "Top 10: Albums",
        "The 100 - A Series Review",
        "Small Talk (2021)",
        "Small Talk (#)",
        "Season Finale: Goodbye",
        "S3: The Season",
        "Ep. 1.5: Interlude",
        "Episode 12b: Bonus",
        "#490Bad",
        "#490-Glued",
        "Small Talk - 12",
        "Small Talk #12",
        "(#12)",
    ],
)
def test_near_misses_keep_the_title_and_give_no_number(text: str) -> None:
    parts = parse_title(text)
    assert parts.number is None
    assert parts.title == text


def test_year_like_number_is_reported() -> None:
    parts = parse_title("2024: The Year in Review")
    (note,) = parts.notes
    assert (note.code, note.severity, note.fragment) == (
        "title.year-not-number",
        Severity.INFO,
        "2024",
    )


def test_number_alone_keeps_the_whole_text_as_title() -> None:
    parts = parse_title("Episode 12")
    assert (parts.title, parts.number) == ("Episode 12", 12)
    assert parse_title("#7").title == "#7"


def test_blank_title() -> None:
    assert parse_title("  \t ") == TitleParts(title=None)


def test_whitespace_is_folded() -> None:
    assert parse_title("  #12 :   Small   Talk ").title == "Small Talk"


def test_bold_title_loses_its_marks() -> None:
    assert (parse_title("**#12: Small Talk**").title, parse_title("__Small__").title) == (
        "Small Talk",
        "Small",
    )
    assert parse_title("****").title == "****"
    assert parse_title("**Small** Talk").title == "**Small** Talk"


@pytest.mark.parametrize(
    ("text", "podcast", "title", "spelled", "number"),
    [
        (
            "Harbor Notes - Robots | Dr. Ann Lee",
            "Harbor Notes",
            "Robots | Dr. Ann Lee",
            "Harbor Notes",
            None,
        ),
        ("harbor notes: Robots", "Harbor Notes", "Robots", "harbor notes", None),
        (f"Harbor Notes {EN} Ep. 12: Robots", "Harbor Notes", "Robots", "Harbor Notes", 12),
        ("Harbor Notes #990: Tides", "Harbor Notes", "Tides", "Harbor Notes", 990),
        ("Robots | Harbor Notes", "Harbor Notes", "Robots", "Harbor Notes", None),
        ("Robots - Harbor  Notes", "Harbor Notes", "Robots", "Harbor Notes", None),
        (
            "Harbor Notebook - Robots",
            "Harbor Notes",
            "Harbor Notebook - Robots",
            None,
            None,
        ),
        ("Harbor Notes Robots", "Harbor Notes", "Harbor Notes Robots", None, None),
        ("Harbor Notes", "Harbor Notes", "Harbor Notes", None, None),
        ("Robots", "", "Robots", None, None),
        ("Robots-Harbor Notes", "Harbor Notes", "Robots-Harbor Notes", None, None),
    ],
)
def test_known_podcast_name_is_removed(
    text: str, podcast: str, title: str, spelled: str | None, number: int | None
) -> None:
    parts = parse_title(text, podcast=podcast)
    assert (parts.title, parts.podcast, parts.number) == (title, spelled, number)


def test_note_becomes_a_diagnostic_on_its_line() -> None:
    line = split("x\n  2024: The Year")[1]
    diagnostic = parse_title(line.text).notes[0].at(line)
    assert (diagnostic.line, diagnostic.column, diagnostic.width) == (2, 3, 4)
    assert Note(code="c", message="m").severity is Severity.INFO


# -------------------------------------------------------------------------- truncation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She wrote about tide pools...", ("She wrote about tide pools", True)),
        ("She wrote about tide pools\u2026", ("She wrote about tide pools", True)),
        ("She wrote about tide pools ...  ", ("She wrote about tide pools", True)),
        ("She wrote about tide pools....", ("She wrote about tide pools", True)),
        ("She wrote about tide pools [...]", ("She wrote about tide pools", True)),
        ("She wrote about tide pools (\u2026)", ("She wrote about tide pools", True)),
        ("She wrote about tide pools...more", ("She wrote about tide pools", True)),
        ("She wrote about tide pools \u2026 more", ("She wrote about tide pools", True)),
        ("She wrote about tide pools Read more", ("She wrote about tide pools", True)),
        ("She wrote about tide pools... Show More", ("She wrote about tide pools", True)),
        ("She wrote about tide pools (See more)", ("She wrote about tide pools", True)),
        ("She wrote about tide pools\u2026 read more", ("She wrote about tide pools", True)),
        ("We should all read more", ("We should all read more", False)),
        ("(see more)", ("(see more)", False)),
        ("She wrote about tide pools View all \u00bb", ("She wrote about tide pools", True)),
        ("Read more", ("", True)),
        ("...", ("", True)),
        ("He is the tal...king of a show.", ("He is the tal...king of a show.", False)),
        ("Ends with etc.", ("Ends with etc.", False)),
        ("Wait.. what", ("Wait.. what", False)),
        ("Tell me more", ("Tell me more", False)),
        ("A plain sentence.  ", ("A plain sentence.", False)),
        ("", ("", False)),
    ],
)
def test_split_truncation(text: str, expected: tuple[str, bool]) -> None:
    assert split_truncation(text) == expected


# ------------------------------------------------------------------------ front matter


def test_front_matter_subset() -> None:
    page = split(
        "\n".join(
            [
                "---",
                "number: 12",
                'title: "Small Talk: \\"Weather\\" \\u00e9dition"',
                "date: 1626688800000",
                "url: https://example.fm/12",
                "show: Example FM",
                "duration: '1:05:46'",
                "description: 'A talk about weather, wind",
                "  and rain, and the ''cloud'' that...",
                "",
                "  '",
                "season: 2",
                "tags:",
                "- weather",
                "- talk",
                "guest:",
                "  name: Ann",
                "# a comment",
                "---",
                "Body",
            ]
        )
    )
    fm = read_front_matter(page)
    assert fm.title == 'Small Talk: "Weather" \u00e9dition'
    assert (fm.number, fm.season, fm.podcast) == (12, 2, "Example FM")
    assert fm.published == dt.date(2021, 7, 19)
    assert fm.url == "https://example.fm/12"
    assert fm.duration == Timestamp.parse("1:05:46")
    assert fm.description == "A talk about weather, wind and rain, and the 'cloud' that"
    assert fm.description_truncated
    assert fm.end == 19
    assert fm.extra == ("tags:", "- weather", "- talk", "guest:", "  name: Ann", "# a comment")
    assert sorted(fm.used) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 19]
    assert codes(fm) == ["date.epoch"]
    assert page[fm.end].text == "Body"
    assert fm.fields["description_truncated"] is True
    assert set(fm.fields) == {
        "title",
        "number",
        "season",
        "podcast",
        "url",
        "published",
        "duration",
        "description",
        "description_truncated",
    }


def test_front_matter_between_fences_as_the_section_splitter_gives_them() -> None:
    page = split("---\ntitle: Small Talk\nchannel: Example FM\n---\n")
    body = read_front_matter(page[1:3], fenced=False)
    assert (body.title, body.podcast, body.end) == ("Small Talk", "Example FM", 2)
    assert body.used == frozenset({2, 3})


def test_folded_plain_title_and_channel_as_podcast() -> None:
    fm = read_front_matter(
        split(
            "---\ntitle: How to grow a team | Ann Lee (Acme,\n  Widgets)\nchannel: Ann's Show\n---"
        )
    )
    assert fm.title == "How to grow a team | Ann Lee (Acme, Widgets)"
    assert fm.podcast == "Ann's Show"


def test_block_scalars() -> None:
    folded = read_front_matter(
        split("---\ndescription: >-\n  One line\n  and more.\n\n  Second.\n---")
    )
    assert folded.description == "One line and more.\nSecond."
    literal = read_front_matter(split("---\ndescription: |\n  Literal\n    kept\n---"))
    assert literal.description == "Literal\n  kept"


def test_title_in_front_matter_gives_number_and_podcast() -> None:
    fm = read_front_matter(
        split("---\ntitle: Example FM - #12: Small Talk\npodcast: Example FM\n---")
    )
    assert (fm.title, fm.number, fm.podcast) == ("Small Talk", 12, "Example FM")


def test_front_matter_title_notes_are_diagnostics() -> None:
    fm = read_front_matter(split("---\ntitle: '2024: The Year in Review'\n---"))
    assert fm.title == "2024: The Year in Review"
    assert codes(fm) == ["title.year-not-number"]
    assert fm.diagnostics[0].column == len("title: '") + 1


def test_front_matter_number_key_wins_over_title_with_a_warning() -> None:
    fm = read_front_matter(split("---\ntitle: '#12: Small Talk'\nepisode: 13\n---"))
    assert (fm.title, fm.number) == ("Small Talk", 13)
    assert codes(fm) == ["front-matter.conflict"]


def test_front_matter_problems_are_diagnostics() -> None:
    page = split(
        "---\nnumber: twelve\ndate: someday\nduration: forever\nnot a key line\n"
        "title: 'unclosed\nlength: 1:00\nruntime: 2:00\n---"
    )
    fm = read_front_matter(page)
    assert (fm.number, fm.published, fm.duration) == (None, None, None)
    assert codes(fm) == [
        "front-matter.bad-number",
        "date.unreadable",
        "duration.unreadable",
        "front-matter.unreadable",
        "front-matter.bad-quote",
    ]
    errors = [d for d in fm.diagnostics if d.severity is Severity.ERROR]
    assert [d.line for d in errors] == [2, 3, 4, 5]
    bad_number = fm.diagnostics[0]
    assert bad_number.message == 'expected a whole number for "number", found "twelve"'
    assert bad_number.column == len("number: ") + 1
    # The unclosed quote swallowed the lines after it; they are kept raw.
    assert fm.extra == ("title: 'unclosed", "length: 1:00", "runtime: 2:00")


def test_second_key_for_a_field_is_a_warning() -> None:
    fm = read_front_matter(split("---\nlength: 1:00\nruntime: 2:00\n---"))
    assert fm.duration == Timestamp.parse("1:00")
    assert codes(fm) == ["front-matter.duplicate"]
    assert fm.diagnostics[0].line == 3
    assert fm.used == frozenset({1, 2, 3, 4})


def test_duration_seconds_agrees_or_is_reported() -> None:
    agree = read_front_matter(split("---\nduration_seconds: 3946.0\nduration: '1:05:46'\n---"))
    assert agree.duration == Timestamp.parse("1:05:46")
    assert codes(agree) == []
    alone = read_front_matter(split("---\nduration_seconds: 65\n---"))
    assert alone.duration == Timestamp.parse("1:05")
    differ = read_front_matter(split("---\nduration: 1:00\nduration_seconds: 120\n---"))
    assert differ.duration == Timestamp.parse("1:00")
    assert codes(differ) == ["front-matter.conflict"]
    bare = read_front_matter(split("---\nduration: 3946\n---"))
    assert bare.duration == Timestamp.parse("1:05:46")


def test_empty_and_null_values_stay_raw() -> None:
    fm = read_front_matter(split("---\ntitle:\nurl: ''\nlinks: [a, b]\n---"))
    assert fm.title is None
    assert fm.extra == ("title:", "url: ''", "links: [a, b]")


def test_no_front_matter() -> None:
    assert read_front_matter(split("Title: Small Talk\n---\n")) == FrontMatter()
    assert read_front_matter(()) == FrontMatter()
    assert read_front_matter((), fenced=False) == FrontMatter()
    assert read_front_matter(split("\n\n")) == FrontMatter()


def test_unclosed_front_matter_is_not_front_matter() -> None:
    fm = read_front_matter(split("---\ntitle: x\n\nBody"))
    assert fm.end == 0
    assert fm.title is None
    assert codes(fm) == ["front-matter.unclosed"]
    assert fm.diagnostics[0].severity is Severity.WARNING


def test_quoted_values_over_several_lines() -> None:
    fm = read_front_matter(
        split("---\ntitle: \"Small\n\"\ndescription: 'It''s\n  long'\nurl: \"a\\\\\"\n---")
    )
    assert (fm.title, fm.description, fm.url) == ("Small", "It's long", "a\\")


def test_long_front_matter_values_are_fast() -> None:
    lines = 20_000
    start = time.perf_counter()
    unclosed = read_front_matter(split("---\ntitle: 'x\n" + "a b\n" * lines + "---"))
    folded = read_front_matter(split("---\ntitle: >\n" + "  a b\n" * lines + "---"))
    assert time.perf_counter() - start < 2.0
    assert len(unclosed.extra) == lines + 1
    assert folded.title == " ".join(["a b"] * lines)


def test_double_quoted_escapes() -> None:
    fm = read_front_matter(
        split('---\ndescription: "a\\tb \\x41 \\U0001F600 \\q \\"c\\" \\\\"\n---')
    )
    assert fm.description == 'a\tb A \U0001f600 q "c" \\'


# --------------------------------------------------------------------------------- head


def test_head_with_site_number_title_and_metadata() -> None:
    lines = split(
        "\n".join(
            [
                "example.fm",
                "",
                f"#12 {EN} Small Talk",
                "Published: July 19, 2021 | Duration: 1h 5m",
                "",
                "A show about small talk.",
                "It goes on...",
            ]
        )
    )
    head = read_head(lines)
    assert head.site == "example.fm"
    assert (head.number, head.title) == (12, "Small Talk")
    assert head.published == dt.date(2021, 7, 19)
    assert head.duration == Timestamp.parse("1:05:00")
    assert head.description == "A show about small talk.\nIt goes on"
    assert head.description_truncated
    assert head.used == frozenset({1, 3, 4, 6, 7})
    assert head.leftover == ()
    assert head.diagnostics == ()


def test_paragraphs_are_kept_apart_and_a_read_more_line_cuts() -> None:
    head = read_head(split("Title\n\nFirst para\nstill first\n\n\nSecond para\nRead more"))
    assert head.description == "First para\nstill first\n\nSecond para"
    assert head.description_truncated
    assert head.used == frozenset({1, 3, 4, 7, 8})


@pytest.mark.parametrize(
    ("line", "field", "value"),
    [
        ("Episode Date: July 19, 2021", "published", dt.date(2021, 7, 19)),
        ("Date: 2021-07-19", "published", dt.date(2021, 7, 19)),
        ("Published on July 19, 2021", "published", dt.date(2021, 7, 19)),
        ("Release date: 19 July 2021", "published", dt.date(2021, 7, 19)),
        ("July 19, 2021", "published", dt.date(2021, 7, 19)),
        ("Duration: 2:52:54", "duration", Timestamp.parse("2:52:54")),
        ("Length: 1h 5m", "duration", Timestamp.parse("1:05:00")),
        ("Running time: 65 min", "duration", Timestamp.parse("1:05:00")),
        ("Episode: 12", "number", 12),
        ("Season: 3", "season", 3),
        ("Podcast: Example FM", "podcast", "Example FM"),
        ("URL: https://example.fm/12", "url", "https://example.fm/12"),
        ("https://example.fm/12", "url", "https://example.fm/12"),
        ("www.example.fm", "site", "www.example.fm"),
        ("Example.co.uk/", "site", "Example.co.uk"),
        ("Jul 19, 2021 \u00b7 1 hr 5 min", "duration", Timestamp.parse("1:05:00")),
    ],
)
def test_metadata_lines(line: str, field: str, value: object) -> None:
    head = read_head(split(f"Small Talk\n{line}\nProse."))
    assert getattr(head, field) == value
    assert head.title == "Small Talk"
    assert head.description == "Prose."
    assert head.used == frozenset({1, 2, 3})


@pytest.mark.parametrize(
    "line",
    [
        "24 Hours",
        "Episode: The One With Rain",
        "Published on our website every week",
        "setup.config",
        "Dr.",
        "Music \u00b7 Arts",
        "Show notes: see below",
    ],
)
def test_lines_that_only_look_like_metadata_are_prose(line: str) -> None:
    head = read_head(split(f"Small Talk\n{line}"))
    assert head.description == line
    assert (head.published, head.duration, head.number, head.site) == (None, None, None, None)


def test_bad_metadata_values_are_errors_on_their_line() -> None:
    head = read_head(split("Small Talk\nDate: someday\nDuration: forever"))
    assert [(d.code, d.line, d.severity) for d in head.diagnostics] == [
        ("date.unreadable", 2, Severity.ERROR),
        ("duration.unreadable", 3, Severity.ERROR),
    ]
    assert head.diagnostics[0].column == len("Date: ") + 1
    assert head.used == frozenset({1, 2, 3})
    assert head.description is None


def test_date_glued_to_the_description() -> None:
    lines = split(
        "Lab - Robots\nEpisode Date: July 19, 2021Dr. Ann Lee is the tal...king of a show."
    )
    head = read_head(lines)
    assert head.published == dt.date(2021, 7, 19)
    assert head.description == "Dr. Ann Lee is the tal...king of a show."
    assert not head.description_truncated
    found = {d.code: d for d in head.diagnostics}
    assert found["header.glued-date"].column == len("Episode Date: ") + 1
    assert found["header.fold-marker"].message.startswith('kept "tal...king" as written')
    assert head.used == frozenset({1, 2})


def test_date_followed_by_spaced_text_is_not_called_glued() -> None:
    head = read_head(split("Small Talk\nDate: July 19, 2021 and then some words"))
    assert head.published == dt.date(2021, 7, 19)
    assert head.description == "and then some words"
    assert "header.glued-date" not in codes(head)


def test_ambiguous_date_is_reported_at_its_column() -> None:
    head = read_head(split("Small Talk\nDate: 07/08/2021"))
    (diagnostic,) = head.diagnostics
    assert diagnostic.code == "date.ambiguous-order"
    assert (diagnostic.line, diagnostic.column, diagnostic.width) == (2, 7, 10)


def test_second_value_for_a_field_is_a_warning() -> None:
    head = read_head(split("Small Talk\nDate: 2021-07-19\nDate: 2021-07-20\nDate: 2021-07-19"))
    assert head.published == dt.date(2021, 7, 19)
    assert codes(head) == ["header.conflict"]
    assert head.diagnostics[0].line == 3


def test_h1_is_the_title_and_rules_are_left_over() -> None:
    lines = split("***\n# Small Talk #\n\nProse\n---\n# Other Title")
    head = read_head(lines)
    assert head.title == "Small Talk"
    assert [line.number for line in head.leftover] == [1, 5, 6]
    assert codes(head) == ["header.title-conflict"]
    assert head.description == "Prose"


def test_h1_repeating_the_first_line_is_consumed() -> None:
    head = read_head(split("#12: Small Talk\n# Small Talk"))
    assert (head.title, head.number) == ("Small Talk", 12)
    assert head.used == frozenset({1, 2})


def test_webvtt_header_gives_the_title() -> None:
    head = read_head(split("WEBVTT - Small Talk: Part Two"))
    assert head.title == "Small Talk: Part Two"
    bare = read_head(split("WEBVTT\nSmall Talk"))
    assert [line.text for line in bare.leftover] == ["WEBVTT"]
    assert bare.title == "Small Talk"


def test_long_first_line_is_description_not_title() -> None:
    prose = "word " * 60
    head = read_head(split(prose))
    assert head.title is None
    assert head.description == prose.strip()
    assert codes(head) == ["header.no-title"]


def test_url_after_prose_is_prose() -> None:
    head = read_head(split("Small Talk\nProse.\nhttps://example.fm/sponsor"))
    assert head.url is None
    assert head.description == "Prose.\nhttps://example.fm/sponsor"


def test_cut_mark_before_any_prose_is_a_title_candidate_only() -> None:
    head = read_head(split("Read more"))
    assert head.title == "Read more"


def test_blank_and_empty_input() -> None:
    assert read_head(()) == HeadResult()
    assert read_head(split("\n \n")) == HeadResult()


# -- the podcast name in the title


def podcast_page(*rest: str) -> tuple[Line, ...]:
    return split("\n".join(["Harbor Notes - Robots & Love | Dr. Ann Lee", *rest]))


@pytest.mark.parametrize(
    "evidence_line",
    [
        "More at harbornotes.com.",
        "Sponsor: https://example.com/harbornotes",
        "Follow @harbornotes",
        "This is the Harbor Notes podcast.",
        "Welcome to the Harbor Notes!",
    ],
)
def test_title_prefix_is_the_podcast_when_the_page_names_it(evidence_line: str) -> None:
    head = read_head(podcast_page(evidence_line))
    assert (head.podcast, head.title) == ("Harbor Notes", "Robots & Love | Dr. Ann Lee")
    assert codes(head) == ["header.podcast-from-title"]
    assert head.diagnostics[0].severity is Severity.INFO


def test_title_prefix_needs_evidence() -> None:
    head = read_head(podcast_page("A talk about robots.", "See harbornotesfm.com"))
    assert head.podcast is None
    assert head.title == "Harbor Notes - Robots & Love | Dr. Ann Lee"
    assert codes(head) == ["header.podcast-unconfirmed"]


def test_evidence_may_come_from_elsewhere_in_the_page() -> None:
    page = split("Harbor Notes - Robots\n\nTranscript\nThis is the Harbor Notes podcast.")
    head = read_head(page[:1], evidence=page[2:])
    assert (head.podcast, head.title) == ("Harbor Notes", "Robots")


def test_self_named_prefix_is_the_podcast() -> None:
    head = read_head(split("The Harbor Show - Robots"))
    assert (head.podcast, head.title) == ("The Harbor Show", "Robots")


def test_caller_names_the_podcast() -> None:
    head = read_head(split("Harbor Notes - Robots"), podcast="Harbor Notes")
    assert (head.podcast, head.title) == ("Harbor Notes", "Robots")
    other = read_head(split("Robots and Love"), podcast="Harbor Notes")
    assert (other.podcast, other.title) == ("Harbor Notes", "Robots and Love")


def test_podcast_line_names_the_podcast() -> None:
    head = read_head(split("Harbor Notes - Robots\nPodcast: Harbor Notes"))
    assert (head.podcast, head.title) == ("Harbor Notes", "Robots")


@pytest.mark.parametrize(
    "title",
    [
        "A Very Long Prefix That Has Far Too Many Words - Robots",
        "2024 - Robots",
        "Harbor Notes -",
        "Robots and Love",
    ],
)
def test_no_podcast_candidate(title: str) -> None:
    head = read_head(split(f"{title}\nharbornotes.com"))
    assert head.podcast is None
    assert "header.podcast-unconfirmed" not in codes(head)


# -- with front matter


def test_front_matter_values_come_first() -> None:
    page = split(
        "---\ntitle: Small Talk\nnumber: 12\nchannel: Example FM\n---\n\n# Small Talk\n\n"
        "Published: 2021-07-19\nProse here."
    )
    fm = read_front_matter(page)
    head = read_head(page[fm.end :], front_matter=fm)
    assert (head.title, head.number, head.podcast) == ("Small Talk", 12, "Example FM")
    assert head.published == dt.date(2021, 7, 19)
    assert head.description == "Prose here."
    assert head.used == frozenset({1, 2, 3, 4, 5, 7, 9, 10})
    assert head.diagnostics == ()


def test_short_first_line_is_not_a_title_when_front_matter_has_one() -> None:
    page = split("---\ntitle: Small Talk\n---\nA short paragraph.\nSmall Talk")
    fm = read_front_matter(page)
    head = read_head(page, front_matter=fm)  # front matter lines are skipped anyway
    assert head.title == "Small Talk"
    assert head.description == "A short paragraph.\nSmall Talk"


def test_front_matter_title_repeated_on_a_plain_line_is_consumed() -> None:
    page = split("---\ntitle: Small Talk\n---\n#12 - Small Talk\nProse.")
    fm = read_front_matter(page)
    head = read_head(page[fm.end :], front_matter=fm)
    assert head.description == "Prose."
    assert 4 in head.used


def test_different_h1_is_left_over_with_a_warning() -> None:
    page = split("---\ntitle: Small Talk\n---\n# Big Talk")
    fm = read_front_matter(page)
    head = read_head(page[fm.end :], front_matter=fm)
    assert head.title == "Small Talk"
    assert [line.number for line in head.leftover] == [4]
    assert codes(head) == ["header.title-conflict"]


def test_prose_that_extends_the_front_matter_description_replaces_it() -> None:
    page = split("---\ntitle: T\ndescription: A talk about...\n---\nA talk about rain and wind.")
    fm = read_front_matter(page)
    head = read_head(page[fm.end :], front_matter=fm)
    assert head.description == "A talk about rain and wind."
    assert not head.description_truncated


def test_other_prose_is_kept_apart_from_the_front_matter_description() -> None:
    page = split("---\ntitle: T\ndescription: A talk.\n---\nSomething else.\nMore.")
    fm = read_front_matter(page)
    head = read_head(page[fm.end :], front_matter=fm)
    assert head.description == "A talk."
    assert [line.number for line in head.leftover] == [5, 6]
    assert codes(head) == ["header.description-kept-apart"]


def test_front_matter_diagnostics_are_included() -> None:
    page = split("---\nnumber: twelve\n---\nSmall Talk")
    fm = read_front_matter(page)
    head = read_head(page[fm.end :], front_matter=fm)
    assert codes(head) == ["front-matter.bad-number"]


# -------------------------------------------------------------------------------- speed


@pytest.mark.parametrize(
    "line",
    [
        "#" * 100_000,
        "Episode " * 12_500,
        "S1" * 50_000,
        "1" * 100_000,
        "a - " * 25_000,
        "Date: " + "July 19, " * 11_000,
        "www." * 25_000 + "com",
        "x..." * 25_000,
        ". " * 50_000,
        " | ".join(["1 hr"] * 25_000),
    ],
)
def test_adversarial_lines_are_fast(line: str) -> None:
    start = time.perf_counter()
    parse_title(line)
    split_truncation(line)
    read_head(split(f"{line}\n{line}\n{line}"))
    read_front_matter(split(f"---\nkey: {line}\n{line}\n---"))
    assert time.perf_counter() - start < 2.0


# ----------------------------------------------------------------------- example pages

PAGES = sorted(EXAMPLES.glob("*.expected.json")) if EXAMPLES.is_dir() else []


def example_head(name: str) -> HeadResult:
    """Read an example page's head the way the page parser does: front matter, then the
    lines up to the first line that is a known section heading."""
    lines = split((EXAMPLES / f"{name}.txt").read_text(encoding="utf-8"))
    fm = read_front_matter(lines)
    body = lines[fm.end :]
    headings = {"shownote", "highlights", "chapters", "transcript", "## transcript"}
    head: list[Line] = []
    for line in body:
        if line.text.lower() in headings or line.text.startswith("##"):
            break
        text, marker, _ = line.text.partition(" Timestamps 00:00:00")
        head.append(Line(number=line.number, raw=line.raw, text=text) if marker else line)
    return read_head(head, front_matter=fm, evidence=body)


HEADED = [
    "scripod-lex-fridman-490",
    "syntax-990-vite-plus",
    "podscripts-huberman-lex-fridman",
    "podplay-founders-acquired-bracket-times",
    "lenny-adam-fishman",
]


@pytest.mark.skipif(not PAGES, reason=f"example pages not found at {EXAMPLES}")
@pytest.mark.parametrize("name", HEADED)
def test_example_page_head(name: str) -> None:
    expected = json.loads((EXAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))
    head = example_head(name)
    title = expected.get("title_without_number") or expected.get("title_without_podcast")
    assert head.title == (title or expected["title"])
    assert head.number == expected["episode_number"]
    if name != "syntax-990-vite-plus":  # "Syntax" appears only in the chapters and links
        assert head.podcast == expected["podcast"]
    else:
        assert head.podcast is None
    if "site" in expected:
        assert head.site == expected["site"]
    if "publish_date" in expected:
        assert head.published == dt.date.fromisoformat(expected["publish_date"][:10])
    if "duration" in expected:
        assert head.duration == Timestamp.parse(expected["duration"])
    if head.description is not None:  # scripod's description is in its Shownote section
        assert head.description_truncated == expected["truncated_description"]
    assert not [d for d in head.diagnostics if d.severity is not Severity.INFO]


@pytest.mark.skipif(not PAGES, reason=f"example pages not found at {EXAMPLES}")
def test_podscripts_podcast_is_confirmed_within_the_head_alone() -> None:
    lines = split((EXAMPLES / "podscripts-huberman-lex-fridman.txt").read_text(encoding="utf-8"))
    text, _, _ = lines[1].text.partition(" Timestamps 00:00:00")
    head = read_head([lines[0], Line(number=2, raw=lines[1].raw, text=text)])
    assert head.podcast == "Ashgrove Lab"
    assert head.published == dt.date(2021, 7, 19)
    assert not head.description_truncated


def test_module_lists_only_public_names() -> None:
    assert dir(header) == header.__all__
    assert read_front_matter(split("---\nnumber: 3\n---")).fields == {"number": 3}
