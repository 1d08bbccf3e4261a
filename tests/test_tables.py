"""Flat rows of an episode: stable column names and types, accepted by pyarrow and pandas."""

from __future__ import annotations

import sys

import pandas as pd  # type: ignore[import-untyped]
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

import podnotes
from podnotes import Episode
from podnotes.tables import (
    CHAPTER_COLUMNS,
    HIGHLIGHT_COLUMNS,
    TABLES,
    TURN_COLUMNS,
    Column,
    Row,
    TableName,
    arrow_schema,
    chapter_rows,
    highlight_rows,
    rows,
    turn_rows,
)

PAGE = """example.fm

#12 – Making bread at home

Duration: 10:00

Chapters
0:00 Introduction
3:15 Flour and water

Highlights
1:00 Why salt matters
7:30 The first fold

Transcript
Host: Welcome back.
Baker: Thanks for having me.

(05:00):
Flour first.
"""

KEY = ["source", "podcast", "episode_number", "episode_title", "index"]
NAMES: dict[TableName, list[str]] = {
    "chapters": [*KEY, "start_ms", "end_ms", "title", "url"],
    "highlights": [*KEY, "at_ms", "text"],
    "turns": [*KEY, "speaker", "start_ms", "end_ms", "text"],
}


@pytest.fixture(scope="module")
def episode() -> Episode:
    return podnotes.parse(PAGE).value


def check_types(found: list[Row], columns: tuple[Column, ...]) -> None:
    for row in found:
        assert list(row) == [c.name for c in columns]
        for column in columns:
            value = row[column.name]
            if value is None:
                assert column.nullable, column.name
            else:
                assert type(value) is column.type, column.name


def test_column_names_are_the_documented_ones() -> None:
    assert {name: [c.name for c in columns] for name, columns in TABLES.items()} == NAMES
    assert (TABLES["chapters"], TABLES["highlights"], TABLES["turns"]) == (
        CHAPTER_COLUMNS,
        HIGHLIGHT_COLUMNS,
        TURN_COLUMNS,
    )


def test_rows_hold_every_item_with_its_values(episode: Episode) -> None:
    found = rows(episode, source="bread.txt")
    assert [(r["index"], r["start_ms"], r["end_ms"], r["title"]) for r in found["chapters"]] == [
        (0, 0, 195_000, "Introduction"),
        (1, 195_000, 600_000, "Flour and water"),
    ]
    assert [(r["at_ms"], r["text"]) for r in found["highlights"]] == [
        (60_000, "Why salt matters"),
        (450_000, "The first fold"),
    ]
    assert [(r["speaker"], r["start_ms"], r["end_ms"], r["text"]) for r in found["turns"]] == [
        ("Host", None, None, "Welcome back."),
        ("Baker", None, None, "Thanks for having me."),
        ("Baker", 300_000, 600_000, "Flour first."),
    ]
    for table in found.values():
        for row in table:
            assert (row["source"], row["episode_number"], row["episode_title"]) == (
                "bread.txt",
                12,
                "Making bread at home",
            )
            assert row["podcast"] is None


def test_values_have_the_declared_types(episode: Episode) -> None:
    check_types(chapter_rows(episode), CHAPTER_COLUMNS)
    check_types(highlight_rows(episode), HIGHLIGHT_COLUMNS)
    check_types(turn_rows(episode), TURN_COLUMNS)
    assert chapter_rows(episode)[0]["source"] is None


def test_rows_match_each_table_function(episode: Episode) -> None:
    assert rows(episode, source="x") == {
        "chapters": chapter_rows(episode, source="x"),
        "highlights": highlight_rows(episode, source="x"),
        "turns": turn_rows(episode, source="x"),
    }


@pytest.mark.parametrize("table", ["chapters", "highlights", "turns"])
def test_pyarrow_takes_the_rows_with_stable_types(episode: Episode, table: TableName) -> None:
    schema = arrow_schema(table)
    assert schema.names == NAMES[table]
    for column in TABLES[table]:
        field = schema.field(column.name)
        assert field.type == (pa.int64() if column.type is int else pa.string())
        assert field.nullable == column.nullable
    found = rows(episode, source="bread.txt")[table]
    arrow = pa.Table.from_pylist(found, schema=schema)
    assert arrow.num_rows == len(found) > 0
    assert arrow.to_pylist() == found
    empty = pa.Table.from_pylist(rows(Episode())[table], schema=schema)
    assert (empty.num_rows, empty.schema) == (0, schema)


def test_rows_of_many_episodes_concatenate(episode: Episode) -> None:
    other = podnotes.parse("#13 – Rye\n\nChapters\n0:00 Hello\n").value
    together = [*chapter_rows(episode, source="a"), *chapter_rows(other, source="b")]
    table = pa.Table.from_pylist(together, schema=arrow_schema("chapters"))
    assert table.column("episode_number").to_pylist() == [12, 12, 13]
    assert table.column("source").to_pylist() == ["a", "a", "b"]


def test_pandas_takes_the_rows(episode: Episode) -> None:
    found = turn_rows(episode)
    frame = pd.DataFrame(found, columns=NAMES["turns"])
    assert list(frame.columns) == NAMES["turns"]
    assert frame["text"].tolist() == [r["text"] for r in found]
    typed = pa.Table.from_pylist(found, schema=arrow_schema("turns")).to_pandas(
        types_mapper=pd.ArrowDtype
    )
    assert str(typed["start_ms"].dtype) == "int64[pyarrow]"
    assert typed["start_ms"].isna().tolist() == [True, True, False]
    empty = arrow_schema("chapters").empty_table().to_pandas(types_mapper=pd.ArrowDtype)
    assert (len(empty), list(empty.columns)) == (0, NAMES["chapters"])
    assert str(empty["end_ms"].dtype) == "int64[pyarrow]"


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(TypeError, match="expected an Episode, found dict"):
        chapter_rows({})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected source as str or None, found int"):
        rows(Episode(), source=3)  # type: ignore[arg-type]
    with pytest.raises(
        ValueError,
        match="expected a table name \\(chapters, highlights, turns\\), found 'speakers'",
    ):
        arrow_schema("speakers")  # type: ignore[arg-type]


def test_arrow_schema_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ModuleNotFoundError, match="arrow_schema\\(\\) needs pyarrow") as caught:
        arrow_schema("chapters")
    assert caught.value.name == "pyarrow"
