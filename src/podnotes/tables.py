"""Flat tables of an episode: one row per chapter, highlight or transcript turn.

Each row is a ``dict`` of plain Python values (``str``, ``int``, ``None``) under stable
column names, ready for ``pandas.DataFrame(rows)``, ``polars.DataFrame(rows)`` or
``pyarrow.Table.from_pylist(rows, schema=arrow_schema("chapters"))``.  None of those
libraries is a dependency; :func:`arrow_schema` imports pyarrow only when called.

Every row starts with the same episode key, so the rows of many episodes can be
concatenated into one table:

==================  ========  ========  ============================================
column              type      nullable  meaning
==================  ========  ========  ============================================
``source``          ``str``   yes       what the caller says the page is (a path)
``podcast``         ``str``   yes       the show, as ``Episode.podcast``
``episode_number``  ``int``   yes       the number, as ``Episode.number``
``episode_title``   ``str``   yes       the title, as ``Episode.title``
``index``           ``int``   no        the item's position in its list, from 0
==================  ========  ========  ============================================

Times are whole milliseconds (``int``), exactly as the model holds them, in columns whose
names end in ``_ms``: a float of seconds would round, and Parquet and Arrow store integers
exactly.  Divide by 1000 for seconds.  The columns of each table are listed in
:data:`CHAPTER_COLUMNS`, :data:`HIGHLIGHT_COLUMNS` and :data:`TURN_COLUMNS`.

.. versionadded:: 0.1
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final, Literal

import attrs

from podnotes.model import Episode

__all__ = [
    "CHAPTER_COLUMNS",
    "HIGHLIGHT_COLUMNS",
    "TABLES",
    "TURN_COLUMNS",
    "Column",
    "Row",
    "TableName",
    "arrow_schema",
    "chapter_rows",
    "highlight_rows",
    "rows",
    "turn_rows",
]

#: The name of a table, one of ``"chapters"``, ``"highlights"`` and ``"turns"``.
TableName = Literal["chapters", "highlights", "turns"]

#: One row, mapping each column name to a plain value.
Row = dict[str, str | int | None]


@attrs.frozen
class Column:
    """One column of a table.

    Attributes:
        name: The column name (the key in each row).
        type: ``int`` or ``str``: the type of every non-null value.
        nullable: Whether the value may be None.
        doc: What the column holds.
    """

    name: str
    type: type[int | str]
    nullable: bool
    doc: str


_KEY: Final = (
    Column("source", str, nullable=True, doc="what the caller says the page is"),
    Column("podcast", str, nullable=True, doc="the show's name"),
    Column("episode_number", int, nullable=True, doc="the episode number"),
    Column("episode_title", str, nullable=True, doc="the episode title"),
    Column("index", int, nullable=False, doc="position in the episode's list, from 0"),
)

#: Columns of :func:`chapter_rows`.
CHAPTER_COLUMNS: Final = (
    *_KEY,
    Column("start_ms", int, nullable=False, doc="where the chapter starts, in ms"),
    Column("end_ms", int, nullable=True, doc="where it ends, in ms, when known"),
    Column("title", str, nullable=False, doc="the chapter title"),
    Column("url", str, nullable=True, doc="a link attached to the chapter"),
)

#: Columns of :func:`highlight_rows`.
HIGHLIGHT_COLUMNS: Final = (
    *_KEY,
    Column("at_ms", int, nullable=False, doc="the moment, in ms"),
    Column("text", str, nullable=False, doc="what happens there"),
)

#: Columns of :func:`turn_rows`.
TURN_COLUMNS: Final = (
    *_KEY,
    Column("speaker", str, nullable=True, doc="the speaker label as written"),
    Column("start_ms", int, nullable=True, doc="when the turn starts, in ms, when known"),
    Column("end_ms", int, nullable=True, doc="when it ends, in ms, when known"),
    Column("text", str, nullable=False, doc="what was said"),
)

#: Every table by name, with its columns in order.
TABLES: Final[Mapping[TableName, tuple[Column, ...]]] = {
    "chapters": CHAPTER_COLUMNS,
    "highlights": HIGHLIGHT_COLUMNS,
    "turns": TURN_COLUMNS,
}


def _key(episode: Episode, source: str | None) -> Row:
    if not isinstance(episode, Episode):
        msg = f"expected an Episode, found {type(episode).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    if source is not None and not isinstance(source, str):
        msg = f"expected source as str or None, found {type(source).__name__}"  # type: ignore[unreachable]
        raise TypeError(msg)
    return {
        "source": source,
        "podcast": episode.podcast,
        "episode_number": episode.number,
        "episode_title": episode.title,
    }


def chapter_rows(episode: Episode, *, source: str | None = None) -> list[Row]:
    """One row per chapter, with the columns of :data:`CHAPTER_COLUMNS`.

    Args:
        episode: The episode.
        source: What the page is (a path or URL), repeated in every row.

    Returns:
        The rows, in chapter order.

    Raises:
        TypeError: ``episode`` is not an Episode or ``source`` not a str.

    Example:
        >>> from podnotes import Chapter, Timestamp
        >>> ep = Episode(number=3, chapters=[Chapter(start=Timestamp(0), title="Intro",
        ...                                          end=Timestamp(65_500))])
        >>> chapter_rows(ep, source="ep3.txt")
        [{'source': 'ep3.txt', 'podcast': None, 'episode_number': 3, 'episode_title': None,
          'index': 0, 'start_ms': 0, 'end_ms': 65500, 'title': 'Intro', 'url': None}]
    """
    key = _key(episode, source)
    return [
        {
            **key,
            "index": index,
            "start_ms": chapter.start.ms,
            "end_ms": None if chapter.end is None else chapter.end.ms,
            "title": chapter.title,
            "url": chapter.url,
        }
        for index, chapter in enumerate(episode.chapters)
    ]


def highlight_rows(episode: Episode, *, source: str | None = None) -> list[Row]:
    """One row per highlight, with the columns of :data:`HIGHLIGHT_COLUMNS`.

    Args:
        episode: The episode.
        source: What the page is, repeated in every row.

    Returns:
        The rows, in page order.

    Raises:
        TypeError: ``episode`` is not an Episode or ``source`` not a str.

    Example:
        >>> from podnotes import Highlight, Timestamp
        >>> ep = Episode(highlights=[Highlight(at=Timestamp(910_000), text="Why it matters")])
        >>> [(r["index"], r["at_ms"], r["text"]) for r in highlight_rows(ep)]
        [(0, 910000, 'Why it matters')]
    """
    key = _key(episode, source)
    return [
        {**key, "index": index, "at_ms": highlight.at.ms, "text": highlight.text}
        for index, highlight in enumerate(episode.highlights)
    ]


def turn_rows(episode: Episode, *, source: str | None = None) -> list[Row]:
    """One row per transcript turn, with the columns of :data:`TURN_COLUMNS`.

    Args:
        episode: The episode.
        source: What the page is, repeated in every row.

    Returns:
        The rows, in transcript order.

    Raises:
        TypeError: ``episode`` is not an Episode or ``source`` not a str.

    Example:
        >>> from podnotes import SpeakerTurn
        >>> ep = Episode(transcript=[SpeakerTurn(speaker="Ann", text="Hi.")])
        >>> [(r["speaker"], r["start_ms"], r["text"]) for r in turn_rows(ep)]
        [('Ann', None, 'Hi.')]
    """
    key = _key(episode, source)
    return [
        {
            **key,
            "index": index,
            "speaker": turn.speaker,
            "start_ms": None if turn.start is None else turn.start.ms,
            "end_ms": None if turn.end is None else turn.end.ms,
            "text": turn.text,
        }
        for index, turn in enumerate(episode.transcript)
    ]


def rows(episode: Episode, *, source: str | None = None) -> dict[TableName, list[Row]]:
    """Every table of an episode, by name (see :data:`TABLES`).

    Args:
        episode: The episode.
        source: What the page is, repeated in every row.

    Returns:
        ``{"chapters": [...], "highlights": [...], "turns": [...]}``; a table with no
        rows is an empty list.

    Raises:
        TypeError: ``episode`` is not an Episode or ``source`` not a str.

    Example:
        >>> {name: len(found) for name, found in rows(Episode()).items()}
        {'chapters': 0, 'highlights': 0, 'turns': 0}
    """
    return {
        "chapters": chapter_rows(episode, source=source),
        "highlights": highlight_rows(episode, source=source),
        "turns": turn_rows(episode, source=source),
    }


def arrow_schema(table: TableName) -> Any:  # noqa: ANN401 -- a pyarrow.Schema; pyarrow is untyped
    """The Arrow schema of a table: ``int64`` and ``string`` columns, nulls as declared.

    Pass it to ``pyarrow.Table.from_pylist(rows, schema=...)`` so that the column types
    are the same whatever the rows hold, even when there are none.

    Args:
        table: ``"chapters"``, ``"highlights"`` or ``"turns"``.

    Returns:
        A ``pyarrow.Schema``.

    Raises:
        ValueError: ``table`` is not a table name.
        ModuleNotFoundError: pyarrow is not installed.

    Example:
        >>> import pyarrow
        >>> empty = pyarrow.Table.from_pylist([], schema=arrow_schema("highlights"))
        >>> empty.num_rows, str(empty.schema.field("at_ms").type)
        (0, 'int64')
    """
    columns = TABLES.get(table)
    if columns is None:
        msg = f"expected a table name ({', '.join(TABLES)}), found {table!r}"
        raise ValueError(msg)
    try:
        import pyarrow as pa  # type: ignore[import-untyped]  # noqa: PLC0415 -- optional, on demand
    except ModuleNotFoundError as error:
        msg = (
            "arrow_schema() needs pyarrow, which podnotes does not install; "
            "install it with `pip install pyarrow`"
        )
        raise ModuleNotFoundError(msg, name="pyarrow") from error
    types = {int: pa.int64(), str: pa.string()}
    return pa.schema(
        [pa.field(column.name, types[column.type], nullable=column.nullable) for column in columns]
    )
