"""The Dask example of docs/pipelines.rst runs, and its Parquet equals the serial rows.

The example script (docs/examples/dask_parquet.py) runs as users run it, in a process of
its own with the processes scheduler and two workers, over a folder of pages written here.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow.parquet as pq  # type: ignore[import-untyped]

import podnotes
from podnotes import tables

EXAMPLE = Path(__file__).parents[1] / "docs" / "examples" / "dask_parquet.py"

PAGES = {
    "bread.txt": (
        "#12 – Making bread at home\n\nDuration: 20:00\n\n"
        "Chapters\n0:00 Introduction\n3:15 Flour and water\n11:40 The first fold\n\n"
        "Highlights\n1:00 Why salt matters\n\n"
        "Transcript\nHost: Welcome back.\nBaker: Thanks for having me.\n\n(05:00):\nFlour first.\n"
    ),
    "rye.txt": "#13 – Rye\n\nTimestamps:\n(00:00) - Hello\n(02:30) - Sour notes\n",
    "talk.txt": (
        "Transcript\nLenny (00:00:55):\nWelcome!\n\nAdam (00:01:19):\nThanks.\n\n"
        "Lenny (00:02:00):\nLet us begin.\n"
    ),
    "moments.txt": "Key moments\n0:10 A joke\n2:00 A fact\n4:00 A tip\n",
    "empty.txt": "Just a line of prose about nothing in particular.\n",
}


def serial_rows(folder: Path) -> dict[tables.TableName, list[tables.Row]]:
    found: dict[tables.TableName, list[tables.Row]] = {name: [] for name in tables.TABLES}
    for path in sorted(folder.glob("*.txt")):
        episode = podnotes.parse_file(path).value
        for name, table_rows in tables.rows(episode, source=path.name).items():
            found[name].extend(table_rows)
    return found


def ordered(found: list[tables.Row]) -> list[tables.Row]:
    return sorted(found, key=lambda row: (str(row["source"]), int(row["index"] or 0)))


def test_the_dask_example_writes_what_a_serial_run_finds(tmp_path: Path) -> None:
    pages, out = tmp_path / "pages", tmp_path / "out"
    pages.mkdir()
    for name, text in PAGES.items():
        (pages / name).write_text(text, encoding="utf-8")
    expected = serial_rows(pages)
    assert all(expected.values())  # every table has rows to compare

    subprocess.run(  # noqa: S603 - our own script, run by the interpreter running the tests
        [sys.executable, "-W", "error", str(EXAMPLE), str(pages), str(out), "--workers", "2"],
        check=True,
        timeout=300,
    )

    for name in tables.TABLES:
        table = pq.read_table(out / name)
        schema = tables.arrow_schema(name)
        assert table.schema.names == schema.names
        assert [field.type for field in table.schema] == schema.types
        assert ordered(table.to_pylist()) == ordered(expected[name])
