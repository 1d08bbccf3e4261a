"""Timed-list grammar: every layout family, and near-misses that must not become items.

All texts here are written for these tests.
"""

from __future__ import annotations

import attrs
import pytest

from podnotes._lines import split
from podnotes.diagnostics import Severity
from podnotes.timed_lists import (
    Row,
    RowKind,
    TimedItem,
    TimedLayout,
    _classify,
    _quick_item,
    _surely_text,
    classify,
    read_timed_list,
)


def items(text: str) -> list[tuple[str, str]]:
    return [(str(i.start), i.title) for i in read_timed_list(split(text)).items]


@pytest.mark.parametrize(
    ("line", "kind", "start", "title"),
    [
        ("0:00 Intro", RowKind.TIME_FIRST, "0:00", "Intro"),
        ("00:00 - Intro", RowKind.TIME_FIRST, "0:00", "Intro"),
        ("(00:00) – Intro", RowKind.TIME_FIRST, "0:00", "Intro"),
        ("[00:00] Intro", RowKind.TIME_FIRST, "0:00", "Intro"),
        ("00:00-Intro", RowKind.TIME_FIRST, "0:00", "Intro"),
        ("• 0:00 Intro", RowKind.TIME_FIRST, "0:00", "Intro"),
        ("1. 0:00 Intro", RowKind.TIME_FIRST, "0:00", "Intro"),
        ("12) 1:02:03 | Deep dive", RowKind.TIME_FIRST, "1:02:03", "Deep dive"),
        ("- 64:40: Late topic", RowKind.TIME_FIRST, "1:04:40", "Late topic"),
        ("**[00:54](#t=00:54)** Intro", RowKind.TIME_FIRST, "0:54", "Intro"),
        ("0:00 — 5:12 Intro", RowKind.TIME_FIRST, "0:00", "Intro"),
        ("1h02m03s Units spelled out", RowKind.TIME_FIRST, "1:02:03", "Units spelled out"),
        ("PT1H2M3S ISO spelled out", RowKind.TIME_FIRST, "1:02:03", "ISO spelled out"),
        ("0:05.5 Half a second", RowKind.TIME_FIRST, "0:05.500", "Half a second"),
        ("Intro 0:00", RowKind.TIME_LAST, "0:00", "Intro"),
        ("Intro (0:00)", RowKind.TIME_LAST, "0:00", "Intro"),
        ("Intro [00:01:09]", RowKind.TIME_LAST, "1:09", "Intro"),
        ("- Intro: 00:05:37", RowKind.TIME_LAST, "5:37", "Intro"),
        ("Why 3:15 AM matters - 12:00", RowKind.TIME_LAST, "12:00", "Why 3:15 AM matters"),
        ("0:01 Am I wrong?", RowKind.TIME_FIRST, "0:01", "Am I wrong?"),
        ("0:05 PMs and CEOs", RowKind.TIME_FIRST, "0:05", "PMs and CEOs"),
        ("0:00", RowKind.TIME_ONLY, "0:00", "?"),
        ("(1:02:03)", RowKind.TIME_ONLY, "1:02:03", "?"),
    ],
)
def test_each_line_layout(line: str, kind: RowKind, start: str, title: str) -> None:
    row = classify(split(line)[0])
    assert row.kind is kind
    assert [(str(i.start), i.title) for i in row.items] == [(start, title)]


def test_range_sets_the_end() -> None:
    row = classify(split("0:00 - 5:12 Intro")[0])
    assert [(str(i.start), str(i.end)) for i in row.items] == [("0:00", "5:12")]
    row = classify(split("Intro 1:00 – 2:30")[0])
    assert [(str(i.start), str(i.end), i.title) for i in row.items] == [("1:00", "2:30", "Intro")]


def test_markdown_link_in_title_keeps_text_and_url() -> None:
    row = classify(split("* **[03:43](#t=03:43)** Talking [Vite](https://vite.example/) now")[0])
    assert [(i.title, i.url) for i in row.items] == [("Talking Vite now", "https://vite.example/")]


@pytest.mark.parametrize(
    "line",
    [
        "We met at 3:15 AM and talked.",
        "As John 3:16 says, love.",
        "Shot in 16:9, then cropped.",
        "They won 2:1 in the final.",
        "The claim [12] is wrong.",
        "It costs $3.50 or €4,99.",
        "What is your p(doom)?",
        "Call me at 9:30pm",
        "Breakfast at 7:00 a.m. sharp",
        "3:15 AM",
        "Version 1.2.3 ships today",
        "See https://example.org/a:b for details",
    ],
)
def test_prose_with_time_like_text_is_text(line: str) -> None:
    assert classify(split(line)[0]).kind is RowKind.TEXT


def test_a_single_time_mention_is_no_list() -> None:
    block = read_timed_list(split("We talk about it at 12:30.\nIntro 0:00\nMore prose here."))
    assert not block.found
    assert [line.text for line in block.prelude] == [
        "We talk about it at 12:30.",
        "Intro 0:00",
        "More prose here.",
    ]


def test_prose_with_a_few_times_is_no_list() -> None:
    text = "\n".join(
        [
            "Intro 0:00",
            "This is a long paragraph about many things.",
            "Another long paragraph follows here.",
            "Yet another paragraph, with no time.",
            "Outro 1:00",
        ]
    )
    assert not read_timed_list(split(text)).found


def test_time_first_list_with_numbering_and_blank_lines() -> None:
    text = "1. 0:00 Welcome\n\n2. 4:10 The news\n\n3. 1:02:03 Goodbye\n"
    assert items(text) == [("0:00", "Welcome"), ("4:10", "The news"), ("1:02:03", "Goodbye")]
    assert read_timed_list(split(text)).layout is TimedLayout.TIME_FIRST


def test_time_last_list() -> None:
    text = "Welcome (0:00)\nThe news (4:10)\nGoodbye (1:02:03)"
    assert items(text) == [("0:00", "Welcome"), ("4:10", "The news"), ("1:02:03", "Goodbye")]
    assert read_timed_list(split(text)).layout is TimedLayout.TIME_LAST


def test_title_then_time_pairs() -> None:
    text = "Welcome\n0:00\nThe news\n4:10\nGoodbye\n1:02:03"
    block = read_timed_list(split(text))
    assert block.layout is TimedLayout.TEXT_THEN_TIME
    assert items(text) == [("0:00", "Welcome"), ("4:10", "The news"), ("1:02:03", "Goodbye")]
    assert block.prelude == block.trailer == ()


def test_time_then_text_pairs_with_summary_paragraph() -> None:
    text = (
        "A long opening paragraph that sums the whole episode up, and is not an item.\n"
        "0:00\nWe say hello to everyone\n"
        "4:10\nThe news of the week, in brief\n"
        "1:02:03\nWe say goodbye"
    )
    block = read_timed_list(split(text))
    assert block.layout is TimedLayout.TIME_THEN_TEXT
    assert [line.text for line in block.prelude] == [
        "A long opening paragraph that sums the whole episode up, and is not an item."
    ]
    assert [i.title for i in block.items] == [
        "We say hello to everyone",
        "The news of the week, in brief",
        "We say goodbye",
    ]


def test_blank_lines_group_two_line_items() -> None:
    text = "0:00\nHello\n\n5:00\nMiddle\n\n9:00\nEnd"
    assert read_timed_list(split(text)).layout is TimedLayout.TIME_THEN_TEXT
    text = "Hello\n0:00\n\nMiddle\n5:00\n\nEnd\n9:00"
    assert read_timed_list(split(text)).layout is TimedLayout.TEXT_THEN_TIME


def test_evenly_paired_block_reports_its_choice() -> None:
    block = read_timed_list(split("Hello\n0:00\nMiddle\n5:00\nEnd"))
    codes = [(d.code, d.severity) for d in block.diagnostics]
    assert ("timed-list.layout", Severity.INFO) in codes


def test_run_on_line_with_titles_holding_dashes_and_colons() -> None:
    text = "(00:00) - Intro: the plan (00:58) - Sponsors - two of them (12:30) - Q&A [live]"
    block = read_timed_list(split(text))
    assert block.layout is TimedLayout.RUN_ON
    assert items(text) == [
        ("0:00", "Intro: the plan"),
        ("0:58", "Sponsors - two of them"),
        ("12:30", "Q&A [live]"),
    ]


def test_run_on_line_after_prose_and_glued_heading() -> None:
    text = "Thanks to our sponsors. Timestamps 00:00:00 Open 00:05:00 Middle 00:09:00 Close"
    block = read_timed_list(split(text))
    assert block.leads[0][1] == "Thanks to our sponsors. Timestamps"
    assert items(text) == [("0:00", "Open"), ("5:00", "Middle"), ("9:00", "Close")]


def test_run_on_tail_boilerplate_is_cut_and_kept() -> None:
    text = "00:00 Open 05:00 Close Privacy Policy at example.org/privacy"
    block = read_timed_list(split(text))
    assert [i.title for i in block.items] == ["Open", "Close"]
    assert block.trails[0][1] == "Privacy Policy at example.org/privacy"


def test_stray_line_inside_a_list_is_reported() -> None:
    text = "0:00 Intro\nsome note in between\n5:00 Middle\n9:00 End"
    block = read_timed_list(split(text))
    assert len(block.items) == 3
    stray = [d for d in block.diagnostics if d.code == "timed-list.stray-line"]
    assert [d.line for d in stray] == [2]
    assert stray[0].render() == (
        'line 2, column 1: expected a timed item in this list, found "some note in between"\n'
        "    2 | some note in between\n"
        "      | ^^^^^^^^^^^^^^^^^^^^"
    )


def test_bad_time_in_list_is_an_error_with_position() -> None:
    text = "0:00 Intro\n  1:75 Broken\n5:00 End"
    block = read_timed_list(split(text))
    bad = [d for d in block.diagnostics if d.code == "timed-list.bad-time"]
    assert bad[0].render() == (
        'line 2, column 3: expected a time such as "1:02:03", found "1:75"\n'
        "    2 |   1:75 Broken\n"
        "      |   ^^^^"
    )


def test_time_without_title_is_an_error() -> None:
    block = read_timed_list(split("0:00 Intro\n5:00 -\n9:00 End"))
    assert [d.code for d in block.diagnostics if d.severity is Severity.ERROR] == [
        "timed-list.no-title"
    ]


def test_trailer_after_list_is_handed_back() -> None:
    block = read_timed_list(split("[0:00] A\n[1:00] B\n[2:2"))
    assert [line.text for line in block.trailer] == ["[2:2"]


def test_empty_block() -> None:
    block = read_timed_list(split("\n\n"))
    assert not block.found
    assert block.prelude == ()


@pytest.mark.parametrize(
    ("cls", "fields"),
    [
        (TimedItem, ("start", "title", "end", "url", "line", "time_text")),
        (Row, ("line", "kind", "items", "lead", "trail", "problems")),
    ],
)
def test_trusted_construction_preconditions_hold(cls: type, fields: tuple[str, ...]) -> None:
    # The plain-line reader sets these slots and nothing else: safe only while __init__
    # does nothing more than set them (no validators, converters or factories).
    assert tuple(a.name for a in attrs.fields(cls)) == fields
    assert all(a.validator is None and a.converter is None for a in attrs.fields(cls))
    assert not any(isinstance(a.default, attrs.Factory) for a in attrs.fields(cls))  # type: ignore[arg-type]
    assert not hasattr(cls, "__attrs_post_init__")
    assert not hasattr(cls, "__attrs_pre_init__")
    slots = [slot for klass in cls.__mro__ for slot in getattr(klass, "__slots__", ())]
    assert sorted(slots) == sorted([*fields, "__weakref__"])


@pytest.mark.parametrize(
    ("line", "start", "title"),
    [
        ("0:00 Intro", 0, "Intro"),
        ("1:02:03 The news - part 2", 3_723_000, "The news - part 2"),
        ("64:40 Late -", 3_880_000, "Late"),
        ("1:57 China vs US: Who wins the AI race?", 117_000, "China vs US: Who wins the AI race?"),
        ("10:38 ChatGPT vs Claude", 638_000, "ChatGPT vs Claude"),
        ("0:05 Part 2: a:b", 5_000, "Part 2: a:b"),
    ],
)
def test_plain_lines_read_as_the_full_reading_reads_them(line: str, start: int, title: str) -> None:
    assert _quick_item(split(line)[0], line) is not None  # the shortcut takes the line
    row = classify(split(line)[0])
    assert row == _classify(split(line)[0], line)
    assert (row.kind, row.items[0].start.ms, row.items[0].title) == (
        RowKind.TIME_FIRST,
        start,
        title,
    )


@pytest.mark.parametrize(
    "line",
    [
        "0:60 Intro",
        "3:15 AM Call",
        "0:00 Intro 2m30s",
        "0:00 [x](y)",
        "0:00 Ratio 16:9",  # a colon before a digit: maybe a time
        "0:00 - 5:12 Intro",
        "0:00 Intro PT5M",
        "0:00 Intro \u0663h2m",  # a unit spelling in other digits
        "0:00 Intro :\u0663\u0660",  # a colon before another script's digit
    ],
)
def test_near_miss_lines_take_the_full_reading(line: str) -> None:
    assert _quick_item(split(line)[0], line) is None


@pytest.mark.parametrize(
    ("text", "surely"),
    [
        ("State of AI in 2026: LLMs, Coding, GPUs", True),  # no digit after the colon
        ("Made with ChatGPT", True),
        ("Ratio 16:9", False),
        ("Starts at 1:02", False),
        ("[a](https://e.org) notes", False),  # a link: the full reading looks
        ("**Bold**: text", False),
        ("Run 2m30s", False),
        ("PT5M long", False),
    ],
)
def test_lines_surely_text_by_the_cheap_test(text: str, surely: bool) -> None:  # noqa: FBT001
    assert _surely_text(text) is surely
    if surely:
        assert _classify(split(text)[0], text).kind is RowKind.TEXT
