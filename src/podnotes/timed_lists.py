"""Timed lists: chapters, highlights, outlines and "timestamps" blocks.

The grammar works on one block of lines (a section, or a run of lines with no heading).
Each line is classified once (see :class:`RowKind`); then the block is read in the layout
its own evidence supports (see :class:`TimedLayout`), and every line ends up in an item,
in the prelude or trailer handed back to the caller, or in a diagnostic.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections.abc import Sequence

import attrs

from podnotes import _patterns
from podnotes._lines import Line
from podnotes.diagnostics import Diagnostic, Severity
from podnotes.timestamps import Timestamp, TimestampError

__all__ = [
    "LIST_MINIMUM",
    "Row",
    "RowKind",
    "TimedItem",
    "TimedLayout",
    "TimedList",
    "classify",
    "read_timed_list",
]


class RowKind(enum.Enum):
    """What one non-blank line of a block is."""

    TEXT = "text"
    """No time that starts or ends the line (prose, or half of a two-line item)."""
    TIME_ONLY = "time-only"
    """Nothing but a time, maybe in brackets (half of a two-line item)."""
    TIME_FIRST = "time-first"
    """``0:00 Intro``, ``[00:00] - Intro``, ``1. 0:00 — 5:12 Intro``."""
    TIME_LAST = "time-last"
    """``Intro 0:00``, ``Intro (0:00)``, ``- Intro: 00:05:37``."""
    RUN_ON = "run-on"
    """Several items on one line, as in ``(00:00) Intro (00:58) Sponsors``."""


class TimedLayout(enum.Enum):
    """The layout a timed list was read in; reported in an ``info`` diagnostic."""

    TIME_FIRST = "time first"
    TIME_LAST = "time last"
    TIME_THEN_TEXT = "time line, then text line"
    TEXT_THEN_TIME = "text line, then time line"
    RUN_ON = "several items on one line"
    MIXED = "mixed"


@attrs.frozen(kw_only=True)
class TimedItem:
    """One item found in a timed list, before it becomes a Chapter or a Highlight."""

    start: Timestamp
    title: str
    end: Timestamp | None = None
    url: str | None = None
    line: Line
    time_text: str


@attrs.frozen(kw_only=True)
class Row:
    """One classified non-blank line."""

    line: Line
    kind: RowKind
    items: tuple[TimedItem, ...] = ()
    lead: str = ""
    """Text before the first time of a run-on line (prose, or a glued heading)."""
    trail: str = ""
    """Boilerplate cut from the end of a run-on line's last title."""
    problems: tuple[Diagnostic, ...] = ()


@attrs.frozen(kw_only=True)
class TimedList:
    """What :func:`read_timed_list` made of a block.

    Attributes:
        items: The items, in page order.
        layout: The layout the block was read in, or None when it is no timed list.
        prelude: Lines before the list (a summary paragraph, a description), blank lines
            included.
        trailer: Lines after the list that are not items, blank lines included.
        leads: Text before the first time of run-on lines, with its line.
        trails: Boilerplate cut from the end of run-on lines, with its line.
        diagnostics: Everything worth saying about the block.
    """

    items: tuple[TimedItem, ...]
    layout: TimedLayout | None
    prelude: tuple[Line, ...]
    trailer: tuple[Line, ...]
    leads: tuple[tuple[Line, str], ...] = ()
    trails: tuple[tuple[Line, str], ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    @property
    def found(self) -> bool:
        """True when the block holds a timed list."""
        return self.layout is not None


LIST_MINIMUM = 2  # items that make a list where nothing says one is coming
_MANY = 3  # times on one line that make it a run-on list whatever else it holds
# Separators between a time and its title, on either side.
_LEFT_SEPARATORS = " \t-–—:|•·.)]>"
_RIGHT_SEPARATORS = " \t-–—:|•·([<"
_EMPHASIS = re.compile(r"\*\*|__")
# Boilerplate that ad networks and hosts append after the last item of a run-on list.
_BOILERPLATE = (
    "Legal Notes",
    "Learn more about your ad choices",
    "Your options for ad",
    "Hosted on Acast",
    "Privacy Policy",
    "Privacy & Opt-Out",
    "Advertising Inquiries",
    "See omnystudio.com",
    "Support this podcast",
    "Become a supporter",
    "Subscribe on",
)


def _demarkdown(text: str) -> tuple[str, str | None]:
    """Drop Markdown emphasis and links (keeping link text); return the first real url."""
    url: str | None = None
    if "[" in text and "](" in text:
        for match in _patterns.MARKDOWN_LINK.finditer(text):
            target = match.group("url")
            if url is None and target and not target.startswith("#"):
                url = target
        text = _patterns.MARKDOWN_LINK.sub(lambda m: m.group("text"), text)
    if "**" in text or "__" in text:
        text = _EMPHASIS.sub("", text)
    return text.strip(), url


@attrs.frozen
class _Token:
    start: int
    end: int
    text: str
    value: Timestamp | None
    bracketed: bool


def _tokens(body: str) -> list[_Token]:
    """The time tokens of a line, with times of day ("3:15 AM") left out."""
    found: list[_Token] = []
    for match in _patterns.TIME_TOKEN.finditer(body):
        if _patterns.MERIDIEM_AFTER.match(body, match.end()):
            continue
        opened, closed = match.group("open"), match.group("close")
        start, end = match.start(), match.end()
        if bool(opened) != bool(closed):  # "(0:00 Intro": keep the bracket out of the token
            if opened:
                start += 1
            else:
                end -= 1
        text = match.group("time")
        try:
            value: Timestamp | None = Timestamp.parse(text)
        except TimestampError:
            value = None
        found.append(_Token(start, end, text, value, bracketed=bool(opened and closed)))
    return found


def _range_end(body: str, token: _Token, tokens: list[_Token], index: int) -> _Token | None:
    """The token that closes a range starting at ``token`` ("0:00 – 5:12"), if any."""
    if index + 1 >= len(tokens):
        return None
    following = tokens[index + 1]
    dash = _patterns.RANGE_DASH.fullmatch(body, token.end, following.start)
    return following if dash else None


def _item(
    line: Line, token: _Token, title: str, url: str | None, end: _Token | None
) -> TimedItem | Diagnostic:
    if token.value is None:
        return line.diagnostic(
            "timed-list.bad-time",
            f'expected a time such as "1:02:03", found "{token.text}"',
            fragment=token.text,
        )
    title = title.lstrip(_LEFT_SEPARATORS).rstrip(_RIGHT_SEPARATORS)
    if not title:
        return line.diagnostic(
            "timed-list.no-title",
            f'expected a title beside the time "{token.text}", found nothing',
            fragment=token.text,
        )
    stop = end.value if end is not None and end.value is not None else None
    if stop is not None and stop <= token.value:
        stop = None
    return TimedItem(
        start=token.value, end=stop, title=title, url=url, line=line, time_text=token.text
    )


def _cut_boilerplate(title: str) -> tuple[str, str]:
    cut = min((i for i in (title.find(b) for b in _BOILERPLATE) if i > 0), default=-1)
    if cut < 0:
        return title, ""
    return title[:cut].rstrip(), title[cut:]


def _run_on(line: Line, body: str, tokens: list[_Token], url: str | None) -> Row:
    items: list[TimedItem] = []
    problems: list[Diagnostic] = []
    trail = ""
    last = len(tokens) - 1
    for index, token in enumerate(tokens):
        stop = tokens[index + 1].start if index < last else len(body)
        title = body[token.end : stop]
        if index == last:
            title, trail = _cut_boilerplate(title)
        made = _item(line, token, title, url if len(tokens) == 1 else None, None)
        if isinstance(made, TimedItem):
            items.append(made)
        else:
            problems.append(made)
    return Row(
        line=line,
        kind=RowKind.RUN_ON,
        items=tuple(items),
        lead=body[: tokens[0].start].strip(),
        trail=trail,
        problems=tuple(problems),
    )


def _is_run_on(body: str, tokens: list[_Token]) -> bool:
    """Several items on one line: three or more times, or two alike, in order, with text."""
    values = [t.value for t in tokens if t.value is not None]
    if len(values) < len(tokens):
        return len(tokens) >= _MANY
    increasing = all(a < b for a, b in itertools.pairwise(values))
    if len(tokens) >= _MANY:
        return increasing
    first, second = tokens
    between = body[first.end : second.start].strip(_LEFT_SEPARATORS + _RIGHT_SEPARATORS)
    return increasing and first.bracketed == second.bracketed and first.start == 0 and bool(between)


def classify(line: Line) -> Row:
    """Classify one non-blank line of a block.

    Example:
        >>> from podnotes._lines import split
        >>> row = classify(split("[00:54] - Intro")[0])
        >>> row.kind, row.items[0].start, row.items[0].title
        (<RowKind.TIME_FIRST: 'time-first'>, Timestamp(ms=54000), 'Intro')
    """
    text = line.text
    if text[:1] in _DIGITS:
        quick = _quick_item(line, text)
        if quick is not None:
            return _trusted_row(line, quick)
    return _classify(line, text)


# The commonest item, "0:00 Intro" or "1:02:03 The news": a clock whose fields are in
# range, one space, and a title holding nothing that the full reading looks at: no "[",
# "*" or "_" for Markdown, no colon before a digit for another time or a range (a clock's
# colons all are), and no unit spelling's start, a digit (of any script) before "h", "m"
# or "T" or "PT" before a digit, so no "1h02m", "2m30s" or "PT5M" ("ChatGPT" is a title).
# Not a time of day ("3:15 AM").  The title is read as runs of plain characters, each
# special one tested where it stands; every repeat is possessive: no backtracking.
#   accepts: "0:00 Intro", "01:02:03 The news - part 2", "64:40 Late", "1:57 US: Who wins?"
#   rejects: "0:00 - 5:12 Intro" (":" before a digit), "[0:00] Intro", "0:60 Intro"
#   rejects: "3:15 AM Call" (a time of day), "0:00 Intro 2m30s" (a unit spelling)
_QUICK_ITEM = re.compile(
    r"((?:([0-9]{1,2}):([0-5][0-9])|([0-9]{1,2})):([0-5][0-9]))"
    r"(?!" + _patterns.MERIDIEM_AFTER.pattern + r") "
    r"((?:[^\[*_\d:P]++|\d(?![hmT])|:(?!\d)|P(?!T\d))++)"
)
# Where a unit spelling may start: a digit (of any script) before "h", "m" or "T", or "PT"
# before a digit.  Every spelling _patterns.TIME_TOKEN reads without a colon holds one.
_UNIT_HINT = re.compile(r"\d[hmT]|PT\d")
# A colon before a digit: every clock _patterns.TIME_TOKEN reads holds one.
_COLON_DIGIT = re.compile(r":\d")
_DIGITS = frozenset("0123456789")
# The value of each field _QUICK_ITEM matches ("0" to "99", "00" to "09"): a lookup is
# cheaper than int().
_NUMBER = {**{str(n): n for n in range(100)}, **{f"{n:02d}": n for n in range(10)}}


def _quick_item(line: Line, text: str) -> TimedItem | None:
    """The item of a plain ``0:00 Intro`` line, or None to take the full reading.

    Whenever this returns an item, :func:`classify` reads the line as a ``TIME_FIRST``
    row holding an equal item (``tests/property/test_timed_fastpath.py`` checks it).
    """
    match = _QUICK_ITEM.fullmatch(text)
    if match is None:
        return None
    time_text, hours, after_hours, minutes, seconds, title = match.groups()
    title = title.rstrip().lstrip(_LEFT_SEPARATORS).rstrip(_RIGHT_SEPARATORS)
    if not title:
        return None
    number = _NUMBER
    if hours is None:
        ms = (number[minutes] * 60 + number[seconds]) * 1000
    else:
        ms = ((number[hours] * 60 + number[after_hours]) * 60 + number[seconds]) * 1000
    start = _new(Timestamp)
    _set_ms(start, ms)  # an int >= 0: what Timestamp's validator checks
    item = _new(TimedItem)
    _set_item_start(item, start)
    _set_item_title(item, title)
    _set_item_end(item, None)
    _set_item_url(item, None)
    _set_item_line(item, line)
    _set_item_time_text(item, time_text)
    return item


def _surely_text(text: str) -> bool:
    """Whether :func:`classify` reads ``text`` as a ``TEXT`` row, by a cheap test.

    No Markdown to remove (emphasis, links) means the times the full reading looks for
    are in ``text`` as written; then no colon before a digit means no clock, and no unit
    spelling's start no ``1h02m``, ``2m30s`` or ``PT5M``.  False says nothing.
    """
    if "**" in text or "__" in text or ("[" in text and "](" in text):
        return False  # Markdown: the full reading removes it first
    if ":" in text and _COLON_DIGIT.search(text) is not None:
        return False  # maybe a clock
    return _UNIT_HINT.search(text) is None


# Trusted construction of TimedItem and Row, for the hot path: both are frozen, slotted
# attrs classes without validators, converters, factories or __attrs_post_init__, so
# setting every slot is what __init__ does (tests/test_timed_lists.py checks this).
_new = object.__new__
_set_ms = Timestamp.__dict__["ms"].__set__
_ITEM_SLOTS = TimedItem.__dict__
_set_item_start = _ITEM_SLOTS["start"].__set__
_set_item_title = _ITEM_SLOTS["title"].__set__
_set_item_end = _ITEM_SLOTS["end"].__set__
_set_item_url = _ITEM_SLOTS["url"].__set__
_set_item_line = _ITEM_SLOTS["line"].__set__
_set_item_time_text = _ITEM_SLOTS["time_text"].__set__
_ROW_SLOTS = Row.__dict__
_set_row_line = _ROW_SLOTS["line"].__set__
_set_row_kind = _ROW_SLOTS["kind"].__set__
_set_row_items = _ROW_SLOTS["items"].__set__
_set_row_lead = _ROW_SLOTS["lead"].__set__
_set_row_trail = _ROW_SLOTS["trail"].__set__
_set_row_problems = _ROW_SLOTS["problems"].__set__


def _trusted_row(line: Line, item: TimedItem) -> Row:
    """``Row(line=line, kind=RowKind.TIME_FIRST, items=(item,))``."""
    row = _new(Row)
    _set_row_line(row, line)
    _set_row_kind(row, RowKind.TIME_FIRST)
    _set_row_items(row, (item,))
    _set_row_lead(row, "")
    _set_row_trail(row, "")
    _set_row_problems(row, ())
    return row


def _classify(line: Line, text: str) -> Row:  # noqa: PLR0911 - one return per row kind
    """:func:`classify` the full way."""
    bullet = _patterns.BULLET.match(text)
    body = text[bullet.end() :] if bullet else text
    body, url = _demarkdown(body)
    tokens = _tokens(body) if ":" in body or "PT" in body or "m" in body else []
    if not tokens:
        return Row(line=line, kind=RowKind.TEXT)
    first, final = tokens[0], tokens[-1]
    if len(tokens) == 1 and first.start == 0 and first.end == len(body):
        # A placeholder title: the other line of the pair brings the real one.
        return _single(line, RowKind.TIME_ONLY, _item(line, first, "?", None, None))
    if first.start == 0:
        end = _range_end(body, first, tokens, 0)
        rest = tokens[2:] if end is not None else tokens[1:]
        after = end.end if end is not None else first.end
        if rest and _is_run_on(body, [first, *rest]):
            return _run_on(line, body, [first, *rest], url)
        return _single(line, RowKind.TIME_FIRST, _item(line, first, body[after:], url, end))
    if final.end == len(body):
        if len(tokens) >= _MANY and _is_run_on(body, tokens):
            return _run_on(line, body, tokens, url)
        ranged = len(tokens) > 1 and _range_end(body, tokens[-2], tokens, len(tokens) - 2)
        opening = tokens[-2] if ranged else final
        end = final if ranged else None
        return _single(
            line, RowKind.TIME_LAST, _item(line, opening, body[: opening.start], url, end)
        )
    if len(tokens) >= _MANY and _is_run_on(body, tokens):  # prose or a heading leads
        return _run_on(line, body, tokens, url)
    return Row(line=line, kind=RowKind.TEXT)


def _single(line: Line, kind: RowKind, made: TimedItem | Diagnostic) -> Row:
    if isinstance(made, Diagnostic):
        return Row(line=line, kind=kind, problems=(made,))
    return Row(line=line, kind=kind, items=(made,))


@attrs.frozen
class _Reading:
    """One way of pairing the rows of a two-line block."""

    layout: TimedLayout
    pairs: dict[int, int]  # index of the time row -> index of its text row
    prelude: int  # leading rows left over
    trailer: int  # trailing rows left over
    interior: list[int]  # left-over rows between items

    @property
    def cost(self) -> int:
        return 3 * len(self.interior) + 2 * self.trailer + self.prelude


def _pair(rows: Sequence[Row], gaps: Sequence[bool], *, text_first: bool) -> _Reading:
    """Pair TIME_ONLY rows with the TEXT row before (``text_first``) or after them."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    step = -1 if text_first else 1
    for index, row in enumerate(rows):
        if row.kind is not RowKind.TIME_ONLY or not row.items:
            continue
        other = index + step
        # A blank line between the two halves speaks against the pair, unless blank lines
        # stand between all lines of the block.
        if (
            0 <= other < len(rows)
            and rows[other].kind is RowKind.TEXT
            and other not in used
            and (not gaps[max(index, other)] or all(gaps[1:]))
        ):
            pairs[index] = other
            used.add(other)
    claimed = used | set(pairs) | {i for i, r in enumerate(rows) if r.kind not in _HALVES}
    left = [i for i in range(len(rows)) if i not in claimed]
    first = min(claimed, default=len(rows))
    last = max(claimed, default=-1)
    prelude = [i for i in left if i < first]
    trailer = [i for i in left if i > last]
    interior = [i for i in left if first < i < last]
    layout = TimedLayout.TEXT_THEN_TIME if text_first else TimedLayout.TIME_THEN_TEXT
    return _Reading(layout, pairs, len(prelude), len(trailer), interior)


_HALVES = (RowKind.TEXT, RowKind.TIME_ONLY)
_ONE_LINE = {
    RowKind.TIME_FIRST: TimedLayout.TIME_FIRST,
    RowKind.TIME_LAST: TimedLayout.TIME_LAST,
    RowKind.RUN_ON: TimedLayout.RUN_ON,
}


def _info(line: Line, layout: TimedLayout, count: int, why: str = "") -> Diagnostic:
    message = f"read {count} timed items laid out as {layout.value}{why}"
    return line.diagnostic("timed-list.layout", message, severity=Severity.INFO)


def _rows(lines: Sequence[Line]) -> tuple[list[Row], list[bool], list[int]]:
    """Classify the non-blank lines; ``gaps[i]`` says a blank line stands before row i.

    ``places[i]`` is the index in ``lines`` of row i's line.
    """
    rows: list[Row] = []
    gaps: list[bool] = []
    places: list[int] = []
    blank_before = False
    for place, line in enumerate(lines):
        if not line.text:
            blank_before = True
            continue
        rows.append(classify(line))
        gaps.append(blank_before)
        places.append(place)
        blank_before = False
    return rows, gaps, places


def _choose(rows: Sequence[Row], gaps: Sequence[bool]) -> tuple[_Reading | None, list[Diagnostic]]:
    """Pick the pairing of two-line items that leaves the fewest lines over."""
    if not any(r.kind is RowKind.TIME_ONLY for r in rows):
        return None, []
    after = _pair(rows, gaps, text_first=False)
    before = _pair(rows, gaps, text_first=True)
    reading = before if before.cost <= after.cost else after
    if not (before.pairs and after.pairs and before.cost == after.cost):
        return reading, []
    doubt = rows[min(reading.pairs)].line.diagnostic(
        "timed-list.ambiguous-direction",
        "two-line items could pair either way; read them as "
        f"{reading.layout.value} (expected a leading or trailing line to decide)",
        severity=Severity.WARNING,
    )
    return reading, [doubt]


@attrs.define
class _Gathered:
    items: list[TimedItem] = attrs.field(factory=list)
    rows: set[int] = attrs.field(factory=set)  # indexes of rows that are (part of) items
    layouts: set[TimedLayout] = attrs.field(factory=set)
    leads: list[tuple[Line, str]] = attrs.field(factory=list)
    trails: list[tuple[Line, str]] = attrs.field(factory=list)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)


def _gather(rows: Sequence[Row], reading: _Reading | None) -> _Gathered:
    """Walk the rows in page order, collecting items and what stands beside them."""
    out = _Gathered()
    items, taken, layouts = out.items, out.rows, out.layouts
    last_layout: TimedLayout | None = None
    pairs = {} if reading is None else reading.pairs
    for index, row in enumerate(rows):
        kind = row.kind
        if row.problems:
            out.diagnostics.extend(row.problems)
            taken.add(index)
            continue
        if kind is RowKind.TIME_FIRST:  # the commonest row, tested first
            layout = TimedLayout.TIME_FIRST
        elif kind is RowKind.TIME_LAST or kind is RowKind.RUN_ON:
            layout = _ONE_LINE[kind]
        elif index in pairs and reading is not None:
            partner = pairs[index]
            title, url = _demarkdown(rows[partner].line.text)
            items.append(attrs.evolve(row.items[0], title=title, url=url))
            taken.update((index, partner))
            layouts.add(reading.layout)
            continue
        else:
            continue
        items.extend(row.items)
        taken.add(index)
        if layout is not last_layout:
            layouts.add(layout)
            last_layout = layout
        if row.lead:
            out.leads.append((row.line, row.lead))
        if row.trail:
            out.trails.append((row.line, row.trail))
    return out


def _no_list(lines: Sequence[Line]) -> TimedList:
    return TimedList(items=(), layout=None, prelude=_trimmed(lines), trailer=())


def _trimmed(lines: Sequence[Line]) -> tuple[Line, ...]:
    """The lines without blank ones at either end (nothing, when all are blank)."""
    visible = [index for index, line in enumerate(lines) if not line.blank]
    return tuple(lines[visible[0] : visible[-1] + 1]) if visible else ()


def read_timed_list(lines: Sequence[Line], *, minimum: int = LIST_MINIMUM) -> TimedList:
    r"""Read a block of lines as a timed list, in the layout the block itself supports.

    A block is a timed list when at least ``minimum`` items are found and left-over lines
    between them do not outnumber the items; otherwise ``layout`` is None and every line
    is handed back as the prelude.

    Args:
        lines: The block's lines, blank ones included (they separate two-line items).
        minimum: How many items make a list.  Two by default, so that a lone time
            mentioned in prose is no list; one under a heading that announces a list.

    Returns:
        The items, the detected layout, the lines before and after the list, and the
        diagnostics.

    Example:
        >>> from podnotes._lines import split
        >>> block = read_timed_list(split("Intro\n0:00\nThe news\n4:10"))
        >>> block.layout
        <TimedLayout.TEXT_THEN_TIME: 'text line, then time line'>
        >>> [(str(item.start), item.title) for item in block.items]
        [('0:00', 'Intro'), ('4:10', 'The news')]
    """
    plain = _read_plain(lines, minimum)
    if plain is not None:
        return plain
    return _read_rows(lines, minimum)


def _read_plain(lines: Sequence[Line], minimum: int) -> TimedList | None:
    """:func:`read_timed_list` of a block of plain ``0:00 Intro`` lines and prose, in one pass.

    Each non-blank line must be a plain item (:func:`_quick_item`) or surely text
    (:func:`_surely_text`); then no line pairs with another, and the result is the full
    reading's, built without its rows.  None when some line is neither: the full reading
    decides.  ``tests/property/test_timed_fastpath.py`` checks that both agree.
    """
    items: list[TimedItem] = []
    places: list[int] = []  # where each item's line is in ``lines``
    texts: list[int] = []  # where each text line is
    quick, digits = _quick_item, _DIGITS
    for place, line in enumerate(lines):
        text = line.text
        if not text:
            continue
        if text[:1] in digits:
            item = quick(line, text)
            if item is not None:
                items.append(item)
                places.append(place)
                continue
        if _surely_text(text):
            texts.append(place)
            continue
        row = _classify(line, text)  # no shortcut: the line read the full way, alone
        if row.kind is RowKind.TEXT:
            texts.append(place)
        elif _plain_item(row):
            items.append(row.items[0])
            places.append(place)
        else:
            return None
    if not items or len(items) < minimum:
        return _no_list(lines)
    first, last = places[0], places[-1]
    strays = [place for place in texts if first < place < last]
    if len(strays) > len(items):
        return _no_list(lines)
    diagnostics = [_info(lines[first], TimedLayout.TIME_FIRST, len(items))]
    diagnostics.extend(_stray(lines[place]) for place in strays)
    return TimedList(
        items=tuple(items),
        layout=TimedLayout.TIME_FIRST,
        prelude=_trimmed(lines[:first]),
        trailer=_trimmed(lines[last + 1 :]),
        diagnostics=tuple(diagnostics),
    )


def _plain_item(row: Row) -> bool:
    """Whether ``row`` is one item as a plain ``0:00 Intro`` line gives it, nothing more."""
    return (
        row.kind is RowKind.TIME_FIRST
        and len(row.items) == 1
        and not row.problems
        and not row.lead
        and not row.trail
    )


def _stray(line: Line) -> Diagnostic:
    return line.diagnostic(
        "timed-list.stray-line",
        f'expected a timed item in this list, found "{_short(line.text)}"',
        severity=Severity.WARNING,
    )


def _read_rows(lines: Sequence[Line], minimum: int) -> TimedList:
    """:func:`read_timed_list` the full way: classify every line, then pair and gather."""
    rows, gaps, places = _rows(lines)
    reading, diagnostics = _choose(rows, gaps)
    found = _gather(rows, reading)
    if not found.items or len(found.items) < minimum:
        return _no_list(lines)
    first, last = min(found.rows), max(found.rows)
    if last - first + 1 == len(found.rows):
        strays: list[int] = []  # the rows from first to last are all items
    else:
        strays = [i for i in range(first, last + 1) if i not in found.rows]
    if len(strays) > len(found.items):
        return _no_list(lines)
    diagnostics.extend(found.diagnostics)
    diagnostics.extend(_stray(rows[index].line) for index in strays)
    layout = found.layouts.pop() if len(found.layouts) == 1 else TimedLayout.MIXED
    diagnostics.insert(0, _info(rows[first].line, layout, len(found.items)))
    return TimedList(
        items=tuple(found.items),
        layout=layout,
        # Blank lines stay: they keep the paragraphs of a description or summary apart.
        prelude=_trimmed(lines[: places[first]]),
        trailer=_trimmed(lines[places[last] + 1 :]),
        leads=tuple(found.leads),
        trails=tuple(found.trails),
        diagnostics=tuple(diagnostics),
    )


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
