"""Transcripts: speaker turns from every common transcript layout, read line by line.

One reader handles every layout, a line at a time with one line of lookahead, so the same
code serves a whole text (:func:`parse`), the transcript section of a page
(:func:`read_transcript`) and an endless stream (:func:`iter_turns`).

Layouts (see :class:`TranscriptLayout`; ``+`` separates lines)::

    Lex Fridman: text            **Lex:** text            LEX: text
    Lenny (00:01:19): + text     Lenny 00:26 + text       Lex + (00:00:00) text
    [00:00:21] Lex: text         [Speaker 1] [12:30] text
    00:00:00 text                00:00:21 + Lex + text    Starting point is 00:01:17 + text
    00;00;13;12 - 00;00;51;03 + Lex + text                WebVTT cues, SRT blocks

Rules that hold in every layout:

- A line without a label continues the current turn: hard-wrapped lines are joined with a
  space, paragraphs (after a blank line) with a newline.  Text before the first label is a
  turn of its own, with no speaker.
- A time opening a line without a name (``(12:30):``, ``[12:30] text``) starts a new turn by
  the same speaker.  WebVTT and SRT cues are the exception: a cue's speaker is its ``<v>``
  tag or ``Name:`` label, or nobody.
- A turn's ``end`` is the cue's or range's end when the layout gives one, else the start of
  the very next turn when that is later, else None.
- ``Name:`` is a speaker label only when the name passes the tests of ``_speakers``; a label
  used only once that still looks doubtful gets a warning, never a silent guess.  Noise such
  as ``[laughs]``, ``[unintelligible 00:43:28.29]`` or ``**Break**:`` stays in the text.
- Every non-blank line ends up in a turn's text, in a diagnostic, or is structure the reader
  understood: a WebVTT header, cue number, cue timing or ``NOTE`` block, a time or a name.

This module holds the public API, the drivers that feed the reader its lines, the verdict
on the layout and the sniff of :func:`looks_like_transcript`.  The reader itself, the line
state machine, lives in the private ``podnotes._transcript_reader``; the shapes of a single
line (labels, times, cue timings) live in ``podnotes._speakers``.
"""

from __future__ import annotations

import enum
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import Any, Final

import attrs

from podnotes import _speakers
from podnotes._collector import collector_paused
from podnotes._lines import Line, Lines, clean, clean_all, split_lazily
from podnotes._speakers import (
    ANY_CLOCK,
    BRACKET_LABEL,
    CUE,
    STARTING_POINT,
    VOICE,
    named_label,
    read_lead,
    split_name_time,
    time_inside,
)
from podnotes._transcript_fast import Reader
from podnotes.diagnostics import Diagnostic, Parsed, ParseError, Severity
from podnotes.model import SpeakerTurn
from podnotes.options import ParseOptions

__all__ = [
    "TranscriptLayout",
    "TranscriptResult",
    "iter_turns",
    "looks_like_transcript",
    "parse",
    "read_transcript",
    "surely_not_transcript",
]


class TranscriptLayout(enum.Enum):
    r"""The layout a transcript is written in, as :func:`read_transcript` detects it.

    Example:
        >>> from podnotes._lines import split
        >>> read_transcript(split("00:00:00 Hello.\n00:00:03 Hi.")).layout
        <TranscriptLayout.TIMED_TEXT: 'timed-text'>
    """

    EMPTY = "empty"  #: no turns at all
    PLAIN = "plain"  #: text without labels or times, read as one turn with no speaker
    NAME_COLON = "name-colon"  #: ``Name: text``, ``**Name:** text``, ``NAME: text``, ``<v Name>``
    NAME_TIME_LINE = "name-time-line"  #: ``Name (00:01:19):`` or ``Name 00:26``, then text
    NAME_LINE_TIMED_TEXT = "name-line-timed-text"  #: ``Name`` line, then ``(00:00:00) text``
    TIME_NAME_COLON = "time-name-colon"  #: ``[00:00:21] Name: text``
    BRACKET_NAME_TIME = "bracket-name-time"  #: ``[Speaker 1] [12:30] text``
    TIMED_TEXT = "timed-text"  #: ``00:00:00 text``, no names
    TIME_LINE = "time-line"  #: a time line (or ``Starting point is``), maybe a name, then text
    RANGE_LINE = "range-line"  #: ``00;00;13;12 - 00;00;51;03``, maybe a name, then text
    WEBVTT = "webvtt"  #: WebVTT cues with ``<v Name>`` voices
    SRT = "srt"  #: SRT blocks (a number, ``00:00:01,000 --> ...``, then text)


def _read_only(value: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(value))


def _rebuild_result(fields: dict[str, Any]) -> TranscriptResult:
    """Unpickle a :class:`TranscriptResult` (its read-only mapping does not pickle itself)."""
    return TranscriptResult(**fields)


@attrs.frozen(kw_only=True)
class TranscriptResult:
    r"""What :func:`read_transcript` found in a transcript section.

    Attributes:
        turns: The speaker turns, in order.
        diagnostics: Problems and doubts, in line order.
        layout: The layout most turns are written in.
        truncated: True when the last turn ends in ``...`` or ``…`` (the page cut it short).
        title: The title of a ``WEBVTT - Title`` header line, if there is one.
        aliases: Each label that abbreviates exactly one fuller label, mapped to it
            (``"Lenny"`` -> ``"Lenny Rachitsky"`` when both occur); read-only.  Turns keep
            their labels as written.

    Example:
        >>> from podnotes._lines import split
        >>> res = read_transcript(split("Lenny: Hi.\nLenny Rachitsky: Welcome."))
        >>> res.speakers, dict(res.aliases)
        (('Lenny', 'Lenny Rachitsky'), {'Lenny': 'Lenny Rachitsky'})
    """

    turns: tuple[SpeakerTurn, ...]
    diagnostics: tuple[Diagnostic, ...] = ()
    layout: TranscriptLayout = TranscriptLayout.EMPTY
    truncated: bool = False
    title: str | None = None
    aliases: Mapping[str, str] = attrs.field(factory=dict, converter=_read_only)

    @property
    def speakers(self) -> tuple[str, ...]:
        """Distinct speaker labels, in order of first appearance."""
        return tuple(dict.fromkeys(t.speaker for t in self.turns if t.speaker is not None))

    def __reduce__(self) -> tuple[Callable[[dict[str, Any]], TranscriptResult], tuple[Any, ...]]:
        """Pickle by the fields, the aliases as a plain dict."""
        fields = attrs.asdict(self, recurse=False)
        fields["aliases"] = dict(self.aliases)
        return (_rebuild_result, (fields,))


# --- drivers ---------------------------------------------------------------------------------


def _drive(reader: Reader, lines: Iterable[tuple[int, str]]) -> Iterator[SpeakerTurn]:
    """Feed numbered raw lines to ``reader`` with one line of lookahead; yield finished turns.

    The loop unpacks each pair at once and keeps no tuple, so CPython reuses the pairs of
    ``enumerate`` and a plain line of text costs no allocation at all.
    """
    step = reader.step
    number, raw, text, started = 0, "", "", False
    for next_number, next_raw in lines:
        next_text = clean(next_raw)
        if started:
            step(number, raw, text, next_text)
            if reader.done is not None:
                yield reader.done
                reader.done = None
        number, raw, text, started = next_number, next_raw, next_text, True
    if started:
        step(number, raw, text, None)
        if reader.done is not None:
            yield reader.done
            reader.done = None
    reader.finish()
    if reader.done is not None:
        yield reader.done
        reader.done = None


def _result(
    reader: Reader, turns: tuple[SpeakerTurn, ...], found: list[Diagnostic]
) -> TranscriptResult:
    layout, note = _layout(reader)
    if note is not None:
        found.append(note)
    found.sort(key=lambda d: (d.line, d.column))
    return TranscriptResult(
        turns=turns,
        diagnostics=tuple(found),
        layout=layout,
        truncated=reader.truncated,
        title=reader.title,
        aliases=_speakers.group_aliases(list(reader.labels)),
    )


def _layout(reader: Reader) -> tuple[TranscriptLayout, Diagnostic | None]:
    """The dominant layout, and an info diagnostic when a second one is common too."""
    if reader.vtt:
        return TranscriptLayout.WEBVTT, None
    ranked = [(n, f) for f, n in Counter(reader.forms).most_common() if f != "plain"]
    if not ranked:
        return (TranscriptLayout.PLAIN if reader.forms else TranscriptLayout.EMPTY), None
    (top, form), others = ranked[0], ranked[1:]
    if not others or others[0][0] < 2 or others[0][0] * 3 < top:  # noqa: PLR2004
        return TranscriptLayout(form), None
    count, other = others[0]
    message = (
        f"expected one transcript layout, found {form} ({top} turns) and "
        f"{other} ({count} turns, the first here)"
    )
    number, raw, text = reader.first_of_form[other]
    note = Line(number=number, raw=raw, text=text).diagnostic(
        "transcript.mixed-layout", message, severity=Severity.INFO
    )
    return TranscriptLayout(form), note


def read_transcript(
    lines: Sequence[Line], *, options: ParseOptions | None = None
) -> TranscriptResult:
    r"""Read the lines of a page's transcript section (its heading excluded).

    Args:
        lines: The section's lines, numbered as in the page.  Each line is read from its
            ``raw`` text, cleaned as :func:`podnotes._lines.clean` does (which is how
            :class:`~podnotes._lines.Line` gets its ``text``).
        options: The caller's speaker-label rules, if any.

    Returns:
        The turns, the diagnostics in line order, the detected layout, whether the page cut
        the transcript short, the ``WEBVTT`` header's title and the label aliases.

    Example:
        >>> from podnotes._lines import split
        >>> res = read_transcript(split("WEBVTT - Ep 1\n\n00:01.000 --> 00:02.000\n<v Ann>Hi."))
        >>> res.title, res.layout.name, res.turns[0].speaker, str(res.turns[0].end)
        ('Ep 1', 'WEBVTT', 'Ann', '0:02')
    """
    found: list[Diagnostic] = []
    reader = Reader(found.append, options)
    joined, unmarked = None, False
    if isinstance(lines, Lines):  # no Line objects needed: read the texts it holds
        first = lines.first_number
        numbers: Sequence[int] = range(first, first + len(lines))
        raws, texts = lines.raws, lines.texts
        unmarked = not lines.may_hold("<>")
        joined = None if unmarked else lines.joined()  # made once, shared with the sections
    else:
        raws = [line.raw for line in lines]
        numbers = [line.number for line in lines]
        texts = clean_all(raws)
    turns = tuple(reader.read_all(numbers, raws, texts, joined, unmarked=unmarked))
    return _result(reader, turns, found)


def parse(
    text: str, *, strict: bool = False, options: ParseOptions | None = None
) -> Parsed[tuple[SpeakerTurn, ...]]:
    r"""Parse a transcript given as one text, in any layout this module reads.

    Args:
        text: The transcript (not a whole page: see :func:`read_transcript`).
        strict: Raise instead of returning when a diagnostic is an error.
        options: The caller's speaker-label rules (:class:`~podnotes.options.ParseOptions`:
            ``speakers``, ``not_speakers``); None reads as always.

    Returns:
        The turns and every diagnostic (doubtful labels, bad times, an ellipsis that cut
        the transcript short, ...), in line order.

    Raises:
        TypeError: ``text`` is not a str, or ``options`` not a ParseOptions.
        ParseError: ``strict`` is true and a diagnostic is an error; it lists them all.

    Example:
        >>> res = parse("Lenny (00:00:55):\nWelcome!\n\nAdam (00:01:19):\nThanks.")
        >>> [(t.speaker, str(t.start), t.text) for t in res.value]
        [('Lenny', '0:55', 'Welcome!'), ('Adam', '1:19', 'Thanks.')]
        >>> str(res.value[0].end), res.ok
        ('1:19', True)
    """
    _require_str(text, "parse() text")
    _require_options(options, "parse()")
    with collector_paused():  # the lines are freed inside
        found = read_transcript(split_lazily(text), options=options)
    parsed = Parsed(found.turns, found.diagnostics)
    if strict and not parsed.ok:
        raise ParseError(parsed.diagnostics)
    return parsed


def _require_str(value: object, what: str) -> str:
    if not isinstance(value, str):
        msg = f"{what} must be a str, found {type(value).__name__}"
        raise TypeError(msg)
    return value


def _require_options(options: object, what: str) -> None:
    if options is not None and not isinstance(options, ParseOptions):
        msg = f"{what} expects options as ParseOptions, found {type(options).__name__}"
        raise TypeError(msg)


def _raw_lines(lines: Iterable[str]) -> Iterator[str]:
    """Each line without its line break; an item holding several lines gives each of them."""
    for item in lines:
        raw = _require_str(item, "each line given to iter_turns()").rstrip("\r\n")
        if "\n" in raw or "\r" in raw:
            yield from raw.splitlines()
        else:
            yield raw


def iter_turns(
    lines: Iterable[str],
    *,
    on_diagnostic: Callable[[Diagnostic], None] | None = None,
    options: ParseOptions | None = None,
) -> Iterator[SpeakerTurn]:
    """Read a transcript from any iterable of lines, yielding each turn once it is complete.

    Memory stays flat however long the input: the reader holds the current turn, one line
    of lookahead and at most 1000 known labels.  A turn is yielded when the next one starts
    (its ``end`` may be that start), so turns arrive one turn late.

    Args:
        lines: Lines with or without their line breaks (an open file works); an item holding
            several lines is split.
        on_diagnostic: Called with each diagnostic as it is found; the checks that need the
            whole text (labels used once, truncation) report after the last turn.  Without
            it, diagnostics are discarded: use :func:`parse` to keep them.
        options: As for :func:`parse`.

    Returns:
        An iterator of turns, the same turns :func:`parse` gives for the same lines.

    Raises:
        TypeError: ``lines`` is a str, or yields something that is not one, or ``options``
            is not a ParseOptions.

    Example:
        >>> turns = iter_turns(["Ann: Hi", "there.", "", "Bob: Hello."])
        >>> [(t.speaker, t.text) for t in turns]
        [('Ann', 'Hi there.'), ('Bob', 'Hello.')]
    """
    if isinstance(lines, str):
        msg = "iter_turns() expects an iterable of lines, found a str (use parse())"
        raise TypeError(msg)
    _require_options(options, "iter_turns()")
    reader = Reader(on_diagnostic or _discard, options)
    return _drive(reader, enumerate(_raw_lines(lines), start=1))


def _discard(_diagnostic: Diagnostic) -> None:
    """The diagnostic sink of :func:`iter_turns` when the caller gives none."""


_SNIFF_LINES: Final = 400  # looks_like_transcript reads at most this many lines
_SNIFF_SEGMENTS: Final = 5  # timed segments needed before their spacing counts
_SNIFF_GAP_MS: Final = 30_000  # timed segments closer than this (median) are speech
_SPEECH_LENGTH: Final = 60  # a line this long reads as speech, not as a title
_SPEECH_ENDS: Final = (".", "?", "!", ",", "…", '"', "'", "”")


def looks_like_transcript(lines: Sequence[Line], *, options: ParseOptions | None = None) -> bool:
    r"""Whether an unheaded block of lines reads as a transcript rather than a timed list.

    A cheap sniff over the first 400 lines, for the page parser.  It needs evidence of
    speech, since a chapter list (``0:00 Intro`` / ``5:12 Topic``, ``Intro 0:00``, ``Intro``
    then ``0:00``) has times and short titles but nobody speaking:

    - a ``WEBVTT`` header, a cue timing line, a ``Starting point is`` line or a timecode
      range (``00;00;13;12 - 00;00;51;03``);
    - two speaker lines that the layout marks, each followed by text (``Name (00:01:19):``
      or ``Name 00:26`` then a line of text; ``[Speaker 1] [12:30] text``; ``<v Name>``);
    - a ``Name:`` label used twice before speech;
    - five or more timed segments, a median of under 30 s apart, most of them speech.

    A line is speech when it ends like a sentence (``.``, ``?``, ``,``...) or is long.

    Args:
        lines: The block's lines (blank ones may be left out).
        options: The caller's speaker-label rules, if any.

    Returns:
        True when the block looks like a transcript.

    Example:
        >>> from podnotes._lines import split
        >>> looks_like_transcript(split("0:00 Intro\n5:12 Sponsors\n9:40 Scaling laws"))
        False
        >>> looks_like_transcript(split("Ann (00:00:01):\nHi.\n\nBob (00:00:04):\nHello."))
        True
    """
    texts = [line.text for line in lines[:_SNIFF_LINES] if line.text]
    if texts and texts[0].startswith("WEBVTT") and texts[0][6:7] in {"", " "}:
        return True
    sniff = _Sniff(options)
    for index, text in enumerate(texts):
        if sniff.read(text, texts[index + 1] if index + 1 < len(texts) else ""):
            return True
    return sniff.verdict()


# A chapter line as the sniff reads it: a clock in range (seconds, and minutes after
# hours, below 60), one space, then a title that opens and ends with a letter or digit, is
# no time of day ("3:15 AM") and holds none of ":;<[".  The sniff sees a timed segment
# whose text is the title, with no speaker in it; the segment is speech only when the
# title is long (:data:`_SPEECH_LENGTH`).
#   accepts: "0:00 Intro", "1:02:03 The news - part 2", "0:10 Agents"
#   rejects: "0:00 - Intro", "0:00 AM news", "Ann (0:00): Hi", "0:00 - 5:12 Intro", "0:00 Hi."
_PLAIN_ITEM: Final = re.compile(
    r"(?:[0-9]{1,2}:[0-5][0-9]|[0-9]{1,2}):[0-5][0-9] "
    r"(?![AaPp]\.?[Mm](?:\.|\b))([0-9A-Za-z](?:[^:;<\[]*[0-9A-Za-z])?)"
)
_SNIFF_MARKS: Final = ("WEBVTT", "Starting point is", "<", "[")


def surely_not_transcript(lines: Sequence[Line]) -> bool:
    r"""True when :func:`looks_like_transcript` surely says no for ``lines``; a cheap test.

    Every line the sniff reads (the first 400) must be prose without ``:`` or ``;`` (so it
    holds no time, cue, label or ``Name (0:01):`` line) that opens with none of
    ``WEBVTT``, ``Starting point is``, ``<`` or ``[``, or a plain chapter line
    (``0:00 Intro``: a clock, one space, a title opening and ending with a letter or
    digit, no time of day, none of ``:;<[`` in it).  Prose gives the sniff no evidence;
    each chapter line gives a timed segment without a speaker, which is speech only when
    its title is long.  With fewer than half of the segments speech, the sniff says no.
    False says nothing: call :func:`looks_like_transcript` to decide.  The answer does not
    depend on speaker-label options, since no line it accepts holds a label.

    Args:
        lines: The block's lines, as for :func:`looks_like_transcript`.

    Returns:
        True when the block is surely no transcript.

    Example:
        >>> from podnotes._lines import split
        >>> surely_not_transcript(split("About the show.\n0:00 Intro\n5:12 Sponsors"))
        True
        >>> surely_not_transcript(split("Ann: Hi.\nBob: Hello."))
        False
    """
    plain_item = _PLAIN_ITEM.fullmatch
    marks = _SNIFF_MARKS
    segments = long = 0
    for line in lines[:_SNIFF_LINES]:  # the lines the sniff reads
        text = line.text
        if ":" in text or ";" in text:
            match = plain_item(text)
            if match is None:
                return False
            segments += 1
            long += len(text) - match.start(1) >= _SPEECH_LENGTH
        elif text.startswith(marks):
            return False
    return 2 * long < segments or segments == 0


def _speech(text: str) -> bool:
    return len(text) >= _SPEECH_LENGTH or text.endswith(_SPEECH_ENDS)


class _Sniff:
    """The evidence :func:`looks_like_transcript` gathers, a line at a time."""

    def __init__(self, options: ParseOptions | None) -> None:
        self.options = options
        self.labels: Counter[str] = Counter()
        self.marked = 0  # speaker lines the layout marks, with text after them
        self.starts: list[int] = []
        self.speech = 0  # timed segments whose text is speech

    def read(self, text: str, following: str) -> bool:
        """Note one line's evidence; True when it settles the question at once."""
        if ("-->" in text and CUE.fullmatch(text)) or text.startswith(STARTING_POINT):
            return True
        lead = read_lead(text)
        if lead is not None and lead.valid:
            if lead.end is not None and ";" in lead.match["start"]:
                return True
            self.starts.append(lead.start)  # type: ignore[arg-type] # valid: not None
            said = lead.rest or (following if read_lead(following) is None else "")
            labelled = named_label(said, self.options)
            self.speech += _speech(said if labelled is None else labelled[1])
            text = lead.rest  # a label may follow the time
        if text:
            self._speaker_line(text, following)
        return False

    def _speaker_line(self, text: str, following: str) -> None:
        mark = time_inside(text)
        found = split_name_time(text, mark) if mark > 0 else None
        if found is not None and _speakers.is_tagged_name(found[0], self.options):
            said = found[2] or following
            self.marked += _speech(said) and ANY_CLOCK.search(said) is None
            return
        for pattern in (VOICE, BRACKET_LABEL):
            match = pattern.match(text)
            if match is None:
                continue
            if _speakers.is_tagged_name(match["label"].strip(), self.options):
                after = read_lead(text, match.end()) if pattern is BRACKET_LABEL else None
                self.marked += pattern is VOICE or (after is not None and bool(after.rest))
                return
        labelled = named_label(text, self.options)
        if labelled is not None:
            self.labels[labelled[0]] += _speech(labelled[1])

    def verdict(self) -> bool:
        """The answer once every line is read."""
        if self.marked >= 2 or any(count >= 2 for count in self.labels.values()):  # noqa: PLR2004
            return True
        starts = self.starts
        if len(starts) < _SNIFF_SEGMENTS or self.speech * 2 < len(starts):
            return False
        gaps = sorted(b - a for a, b in itertools.pairwise(starts) if b > a)
        return bool(gaps) and gaps[len(gaps) // 2] < _SNIFF_GAP_MS
