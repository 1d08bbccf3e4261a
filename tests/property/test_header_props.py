"""Properties of podnotes.header and podnotes._dates: spellings read back; nothing raises."""

from __future__ import annotations

import datetime as dt

from hypothesis import assume, given
from hypothesis import strategies as st

from podnotes._dates import parse_date
from podnotes._lines import split
from podnotes.header import (
    parse_title,
    read_front_matter,
    read_head,
    split_truncation,
)

EN = "\u2013"
# (spelling, whether it carries a season); {n} number, {s} season, {t} title.
SPELLINGS = [
    ("#{n} " + EN + " {t}", False),
    ("#{n}: {t}", False),
    ("#{n} - {t}", False),
    ("Ep. {n}: {t}", False),
    ("Ep {n} - {t}", False),
    ("EP{n} | {t}", False),
    ("Episode {n} - {t}", False),
    ("Episode {n}: {t}", False),
    ("Episode #{n} {t}", False),
    ("S{s}E{n}: {t}", True),
    ("S{s} E{n} - {t}", True),
    ("Season {s}, Episode {n}: {t}", True),
    ("{t} (#{n})", False),
    ("{t} [Ep. {n}]", False),
    ("{t} | Ep. {n}", False),
    ("{t} - Episode {n}", False),
    ("{n}. {t}", False),
    ("{n}: {t}", False),
]
words = st.from_regex(r"[A-Za-z][a-z]{0,9}[?!,:&']?", fullmatch=True)
titles = st.lists(words, min_size=1, max_size=8).map(" ".join).map(lambda t: t.rstrip(",:&'"))
# Text made of what titles, dates and front matter are made of, so near-misses are common.
noisy = st.text(
    alphabet=st.sampled_from(list("0123456789#:.-|()[] ,/SsEepiodPTZ\u2013\u2026'\"\n\t>")),
    max_size=60,
)
any_text = st.one_of(st.text(max_size=200), noisy)


@given(text=any_text, podcast=st.one_of(st.none(), st.text(max_size=20)))
def test_parse_title_never_raises(text: str, podcast: str | None) -> None:
    parts = parse_title(text, podcast=podcast)
    assert parts.title is None or parts.title.strip()
    assert parts.number is None or parts.number >= 0


@given(
    spelling=st.sampled_from(SPELLINGS),
    number=st.integers(0, 99_999),
    season=st.integers(0, 9_999),
    title=titles,
)
def test_every_spelling_reads_back(
    spelling: tuple[str, bool], number: int, season: int, title: str
) -> None:
    template, seasoned = spelling
    alone = parse_title(title)
    assume(alone.number is None and alone.title == title)  # the title has no number itself
    bare = template.startswith("{n}")
    if bare:  # bare numbers have at most 4 digits and are never years
        assume(number < 10_000 and not 1900 <= number < 2100)
    text = template.format(n=number, s=season, t=title)
    parts = parse_title(text)
    assert (parts.title, parts.number) == (title, number)
    assert parts.season == (season if seasoned else None)


@given(podcast=titles, title=titles, dash=st.sampled_from(["-", EN, "|", ":"]))
def test_known_podcast_prefix_reads_back(podcast: str, title: str, dash: str) -> None:
    alone = parse_title(title)
    assume(alone.number is None and alone.title == title)
    parts = parse_title(f"{podcast} {dash} {title}", podcast=podcast)
    assert (parts.podcast, parts.title) == (podcast, title)


@given(text=any_text)
def test_parse_date_never_raises(text: str) -> None:
    result = parse_date(text)
    if result.value is None:
        assert [note.severity.value for note in result.notes].count("error") == 1


DATE_STYLES = [
    "%B %d, %Y",
    "%d %B %Y",
    "%b %d %Y",
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%a, %d %b %Y 10:00:00 GMT",
    "%d.%m.%Y",
    "%m/%d/%Y",
    "%A, %B %d, %Y",
    "%Y%m%d",
]


@given(day=st.dates(dt.date(1900, 1, 1), dt.date(2199, 12, 31)), style=st.sampled_from(DATE_STYLES))
def test_written_dates_read_back(day: dt.date, style: str) -> None:
    result = parse_date(day.strftime(style))
    assert result.value == day
    assert all(note.severity.value != "error" for note in result.notes)


@given(moment=st.integers(10**12, 7_258_118_399_999))  # 13 digits: 2001-09-09 to 2199
def test_epoch_milliseconds_read_back(moment: int) -> None:
    expected = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(milliseconds=moment)
    assert parse_date(str(moment)).value == expected.date()
    assert parse_date(str(moment // 1000)).value == expected.date()


@given(lines=st.lists(any_text, max_size=8))
def test_read_head_places_every_line(lines: list[str]) -> None:
    page = split("\n".join(lines))
    head = read_head(page)
    placed = head.used | {line.number for line in head.leftover}
    assert {line.number for line in page if not line.blank} <= placed
    assert all(1 <= d.line <= len(page) for d in head.diagnostics)


@given(lines=st.lists(any_text, max_size=8))
def test_read_front_matter_places_every_line(lines: list[str]) -> None:
    page = split("\n".join(["---", *lines, "---", "Body"]))
    fm = read_front_matter(page)
    placed = fm.used | {line.number for line in fm.extra_lines}
    inside = page[: fm.end]
    assert {line.number for line in inside if not line.blank} <= placed
    head = read_head(page[fm.end :], front_matter=fm)
    assert head.used >= fm.used


@given(text=titles)
def test_a_cut_mark_is_found_and_removed(text: str) -> None:
    assume(not split_truncation(text)[1])
    for mark in ("...", "\u2026", " Read more", "... more"):
        assert split_truncation(text + mark) == (text.rstrip(), True)
