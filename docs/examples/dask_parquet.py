"""Parse a folder of pages on Dask and write their tables to Parquet.

Usage::

    python dask_parquet.py PAGES OUT [--workers N]

Every ``*.txt`` page in ``PAGES`` is parsed once, in worker processes, and its rows go to
three Parquet datasets: ``OUT/chapters``, ``OUT/highlights`` and ``OUT/turns``, with the
columns of :mod:`podnotes.tables`.  The ``source`` column holds each page's file name.
"""
# ruff: noqa: INP001  # an example script, not a package

from __future__ import annotations

import argparse
from pathlib import Path

import dask
import dask.bag as db
import dask.base
import pandas as pd  # type: ignore[import-untyped]

import podnotes
from podnotes import tables


def page_rows(path: str) -> dict[tables.TableName, list[tables.Row]]:
    """Parse one page (in a worker) and return its rows, table by table."""
    episode = podnotes.parse_file(path).value
    return tables.rows(episode, source=Path(path).name)


def empty_frame(table: tables.TableName) -> pd.DataFrame:
    """No rows, but the table's columns and types: the ``meta`` Dask needs."""
    schema = tables.arrow_schema(table)
    return schema.empty_table().to_pandas(types_mapper=pd.ArrowDtype)


def pages_to_parquet(pages: Path, out: Path, *, workers: int = 2) -> None:
    """Parse every page of ``pages`` on ``workers`` processes; write ``out/<table>``."""
    paths = sorted(str(path) for path in pages.glob("*.txt"))
    parsed = db.from_sequence(paths, npartitions=workers).map(page_rows)  # type: ignore[no-untyped-call]
    writes = []
    for table in tables.TABLES:
        frame = parsed.pluck(table).flatten().to_dataframe(meta=empty_frame(table))
        writes.append(frame.to_parquet(out / table, write_index=False, compute=False))
    # One compute for the three tables, so each page is parsed only once.
    with dask.config.set(scheduler="processes", num_workers=workers):
        dask.base.compute(*writes)  # type: ignore[no-untyped-call]


def main() -> None:
    """Read the command line and run :func:`pages_to_parquet`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, help="folder of *.txt pages")
    parser.add_argument("out", type=Path, help="folder for the Parquet datasets")
    parser.add_argument("--workers", type=int, default=2, help="worker processes")
    args = parser.parse_args()
    pages_to_parquet(args.pages, args.out, workers=args.workers)


if __name__ == "__main__":
    main()
