"""The shapes of one transcript line: speaker labels, times, cue timings.

Everything here looks at one line (or one label) on its own; the reader in
``podnotes._transcript_reader`` puts the lines together, for :mod:`podnotes.transcript`.

Labels.  :func:`is_name` is the strict test for a label that only a colon marks
(``Lex Fridman:``) or that stands alone on its line: short, capitalised like a name, not a
word that pages put before a colon for other reasons (``Note:``, ``https:``, ``Chapter 3:``,
``Yes:``).  :func:`is_tagged_name` is the looser test for a label the layout marks as one
(``Lenny (00:01:19):``, ``<v Speaker 1>``, ``[Speaker 1] [12:30]``): a short run of words
starting with a letter, not on the same stop-list.  :func:`group_aliases` pairs labels that
name the same person (``Lenny`` and ``Lenny Rachitsky``).

Times.  :func:`read_lead` reads the time (or range) opening a line and :func:`read_ms` a
time token, exactly as :meth:`podnotes.timestamps.Timestamp.parse` would.

Every pattern runs anchored (match/fullmatch) with bounded quantifiers, so a line of any
length costs a bounded number of steps; the ``.*`` tails run once, at the end.  Only
:data:`ANY_CLOCK` is searched through a line, and its match is bounded, so that stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from podnotes.options import ParseOptions
from podnotes.timestamps import Timestamp, TimestampError

__all__ = [
    "ANY_CLOCK",
    "BRACKET_LABEL",
    "CUE",
    "CUE_TAG",
    "DIGITS",
    "MAX_CHARS",
    "NAME_TIME_SPAN",
    "PAIRS",
    "STARTING_POINT",
    "TIME",
    "VOICE",
    "Lead",
    "bad_time_message",
    "group_aliases",
    "is_name",
    "is_paired",
    "is_tagged_name",
    "label_before_time",
    "named_label",
    "own_line_name",
    "read_lead",
    "read_ms",
    "split_label",
    "split_name_time",
    "time_inside",
    "unemphasise",
]

MAX_CHARS: Final = 40
_MAX_WORDS: Final = 5
_MAX_TAGGED_CHARS: Final = 60
_MAX_TAGGED_WORDS: Final = 6

# Characters a label may hold: letters, digits, spaces and the punctuation of names
# ("Dr. O'Brien", "Jean-Luc", "Q&A", "JCal (Jason Calacanis)").  The first character is a
# letter; the length is bounded, so the match is linear.
#   accepts: Lex Fridman, Speaker 1, JCal (Jason Calacanis), Mary O'Brien, lenny
#   rejects: 3, https://x, "Quoted", ¿Qué?, a_b
_LABEL_CHARS: Final = re.compile(r"[^\W\d_][\w .'’&()/-]{0,59}")

# Words that end in a colon in show notes and prose but never name a speaker; compared
# case-insensitively with the whole label.  Bracketed noise ("[Music]") is here as well.
_NOT_SPEAKERS: Final = frozenset(
    {
        # annotations and page furniture
        "note", "notes", "nb", "n.b.", "update", "updates", "updated", "edit", "edited",
        "editor's note", "ps", "p.s.", "pps", "http", "https", "ftp", "mailto", "www",
        "sponsor", "sponsors", "sponsored by", "link", "links", "resources", "references",
        "transcript", "transcription", "chapters", "timestamps", "topics", "highlights",
        "summary", "tldr", "warning", "caution", "disclaimer", "source", "sources",
        "credit", "credits", "caption", "captions", "show notes", "outline", "contents",
        "related", "see also", "read more", "learn more", "more", "subscribe", "follow",
        "email", "e-mail", "website", "web", "twitter", "instagram", "facebook", "youtube",
        "linkedin", "patreon", "discord", "tiktok", "title", "author", "date", "time",
        "duration", "length", "location", "language", "kind", "copyright", "published",
        "recorded", "released", "quote", "tip", "hint", "example", "examples", "question",
        "questions", "answer", "fact", "fun fact", "pro tip", "takeaway", "takeaways",
        "key takeaway", "key takeaways", "bottom line", "result", "results", "conclusion",
        "spoiler", "lesson", "rule", "goal", "problem", "solution", "important", "reminder",
        # interjections and sentence openers
        "yes", "no", "yeah", "yep", "nope", "okay", "ok", "right", "well", "so", "and", "but",
        "or", "now", "then", "also", "plus", "remember", "look", "listen", "hey", "hi",
        "hello", "thanks", "thank you", "sure", "exactly", "absolutely", "wow", "oh", "um",
        "uh", "hmm", "first", "second", "third", "finally", "next", "lastly", "anyway",
        "basically", "honestly", "seriously", "actually", "meanwhile", "however", "therefore",
        # noise and ad markers
        "music", "laughter", "laughs", "laughing", "laugh", "applause", "inaudible",
        "unintelligible", "crosstalk", "cross talk", "silence", "pause", "break", "ad break",
        "intro", "outro", "intro music", "outro music", "theme music", "cough", "coughs",
        "sigh", "sighs", "chuckle", "chuckles", "clears throat", "background noise", "noise",
        "foreign", "no audio", "static", "beep", "sound effect", "sfx", "transition", "end",
        "ad", "ads", "advertisement", "promo", "commercial", "commercial break",
    }
)  # fmt: skip

# A first word that numbers a part of something: "Chapter 3: ...", "Part II: ...".
_NUMBERED: Final = frozenset(
    {"chapter", "part", "episode", "ep", "section", "season", "step", "act", "scene", "page",
     "verse", "lesson", "day", "week", "module", "unit", "volume", "vol", "book", "figure",
     "table", "appendix", "track", "item"}
)  # fmt: skip

# Lower-case words that may sit inside a name: "Ludwig van Beethoven", "Voice of God".
_PARTICLES: Final = frozenset(
    {"van", "von", "der", "den", "de", "da", "di", "del", "della", "du", "la", "le", "bin",
     "ibn", "al", "el", "ben", "dos", "das", "y", "of", "the", "and", "&"}
)  # fmt: skip

# Name endings with a full stop that still end a name, not a sentence.
_ABBREVIATIONS: Final = (" Jr.", " Sr.", " Esq.")

# Markdown emphasis around a label: "**Lex:**", "**Lex**:", "__Lex__:".
_EMPHASIS: Final = ("**", "__")


def _plausible(label: str) -> bool:
    """Characters, parentheses and stop-list: the checks both tests share."""
    if "_" in label or not _LABEL_CHARS.fullmatch(label):
        return False
    if label.count("(") != label.count(")"):
        return False
    folded = label.casefold().rstrip(".")
    return folded not in _NOT_SPEAKERS and folded.split(" ", 1)[0].rstrip(".") not in _NUMBERED


def is_name(label: str, rules: ParseOptions | None = None) -> bool:
    """Whether ``label`` looks like a speaker's name with no other evidence than its shape.

    Accepted: at most 40 characters and 5 words, starting with a capital letter, every
    later word capitalised, a number (``Speaker 1``), a particle (``van``) or in
    parentheses; not on the stop-list (``Note``, ``Chapter 3``, ``Yes``, ``Music``...).
    The caller's ``rules`` (known speakers, refused labels) come first.

    Example:
        >>> [is_name(s) for s in ("Lex Fridman", "Speaker 2", "Note", "The thing is")]
        [True, True, False, False]
    """
    verdict = None if rules is None else rules.label_verdict(label)
    return _name_shape(label) if verdict is None else verdict


def _name_shape(label: str) -> bool:
    """The shape test of :func:`is_name`, without the caller's rules."""
    if not 0 < len(label) <= MAX_CHARS or not label[0].isupper():
        return False
    if not _plausible(label):
        return False
    words = label.split(" ")
    if len(words) > _MAX_WORDS:
        return False
    for word in words[1:]:
        if not word:
            return False
        number = word.isascii() and word.isdigit()
        if not (word[0].isupper() or word[0] == "(" or number or word in _PARTICLES):
            return False
    return True


def is_tagged_name(label: str, rules: ParseOptions | None = None) -> bool:
    """Whether ``label`` can be a speaker where the layout marks it as one.

    The layout (a time after the label, a ``<v>`` voice tag, brackets before a time) is the
    evidence, so case and particles are not checked; length, characters and the stop-list
    still are, so ``[Music] [0:12]`` or ``Intro (0:00):`` never name a speaker.  The
    caller's ``rules`` (known speakers, refused labels) come first.

    Example:
        >>> [is_tagged_name(s) for s in ("lenny", "Speaker 1", "Music", "a" * 61)]
        [True, True, False, False]
    """
    if rules is not None:
        verdict = rules.label_verdict(label)
        if verdict is not None:
            return verdict
    if not 0 < len(label) <= _MAX_TAGGED_CHARS or not _plausible(label):
        return False
    return len(label.split(" ")) <= _MAX_TAGGED_WORDS


def unemphasise(text: str) -> str:
    """``text`` without Markdown emphasis marks around it, stripped."""
    for mark in _EMPHASIS:
        if text.startswith(mark):
            text = text[2:]
        if text.endswith(mark):
            text = text[:-2]
    return text.strip()


def split_label(text: str) -> tuple[str, str] | None:
    """Split ``Name: text`` (also ``**Name:** text``) into the label and the rest.

    Only the shape is checked here (a colon within the first characters, followed by a
    space, the end, or an emphasis mark); the caller decides with :func:`is_name`.

    Example:
        >>> split_label("**Lex:** Hello"), split_label("https://x.org"), split_label("a")
        (('Lex', 'Hello'), None, None)
    """
    colon = text.find(":", 1, MAX_CHARS + 6)
    if colon < 0:
        return None
    after = text[colon + 1 : colon + 3]
    if after[:1] not in {"", " "} and after not in _EMPHASIS:
        return None
    label = unemphasise(text[:colon])
    rest = text[colon + 1 :]
    if rest[:2] in _EMPHASIS:
        rest = rest[2:]
    if not label:
        return None
    return label, rest.strip()


def own_line_name(text: str, rules: ParseOptions | None = None) -> str | None:
    """The name a line holds when the whole line is a speaker label, else None.

    The line may be emphasised or end in a colon (``**Oliver Quayle**``, ``Lex:``); a line
    ending in sentence punctuation is text, whatever its shape.

    Example:
        >>> own_line_name("Oliver Quayle:"), own_line_name("Thank You."), own_line_name("So")
        ('Oliver Quayle', None, None)
    """
    label = unemphasise(text.removesuffix(":"))
    if label.endswith(".") and not label.endswith(_ABBREVIATIONS):
        return None
    return label if is_name(label, rules) else None


def _base(label: str) -> tuple[str, str]:
    """``"JCal (Jason Calacanis)"`` -> ``("JCal", "Jason Calacanis")``; else ``(label, "")``."""
    if label.endswith(")") and " (" in label:
        head, _, inner = label[:-1].rpartition(" (")
        return head.strip(), inner.strip()
    return label, ""


def _same_person(short: str, long: str) -> bool:
    """Whether ``short`` names, more briefly, the person that ``long`` names."""
    head, inner = _base(long)
    if short in {head, inner} and short != long:
        return True
    words, long_words = short.split(" "), head.split(" ")
    if len(words) >= len(long_words):
        return False
    return long_words[: len(words)] == words or (len(words) == 1 and long_words[-1] == short)


def group_aliases(labels: Sequence[str]) -> dict[str, str]:
    """Map each label that abbreviates exactly one other label to that fuller label.

    ``Lenny`` -> ``Lenny Rachitsky`` (first name), ``Rachitsky`` -> ``Lenny Rachitsky``
    (surname), ``JCal`` -> ``JCal (Jason Calacanis)`` (name before a parenthesis) and a
    label differing only in case -> the first spelling seen.  A short label that fits two
    fuller ones (``Speaker`` with ``Speaker 1`` and ``Speaker 2``) is left alone.

    Example:
        >>> group_aliases(["Lenny", "Adam Fishman", "Lenny Rachitsky", "ADAM FISHMAN"])
        {'ADAM FISHMAN': 'Adam Fishman', 'Lenny': 'Lenny Rachitsky'}
    """
    aliases: dict[str, str] = {}
    first_spelling: dict[str, str] = {}
    for label in labels:
        first = first_spelling.setdefault(label.casefold(), label)
        if first != label:
            aliases[label] = first
    names = [label for label in labels if label not in aliases]
    for short in names:
        fuller = [long for long in names if _same_person(short, long)]
        if len(fuller) == 1:
            aliases[short] = fuller[0]
    return {alias: _final(aliases, alias) for alias in sorted(aliases)}


def _final(aliases: dict[str, str], alias: str) -> str:
    """Follow ``alias`` through the mapping to the label it finally stands for."""
    target, seen = aliases[alias], {alias}
    while target in aliases and target not in seen:
        seen.add(target)
        target = aliases[target]
    return target


# --- line shapes: times, cues and speaker lines ----------------------------------------------

#: A clock (fields after the first have two digits) or a timecode with frames after ";".
#:   accepts: 0:04, 00:00:21, 1:02:03.5, 00:01,500, 00;00;13;12, 00:00:13;12
#:   rejects: 3:1, 16:9 (one-digit field), 1:2x
CLOCK: Final = r"[0-9]{1,3}(?::[0-9]{2}){1,2}(?:[.,][0-9]{1,3})?"
TIME: Final = rf"(?:[0-9]{{1,3}}[:;][0-9]{{2}}[:;][0-9]{{2}};[0-9]{{1,3}}|{CLOCK})"

#: A time (or a range of two) opening a line, maybe bracketed, maybe followed by ":", then
#: the spaces or dash before the text.  A time of day ("3:15 PM") is not one.
#:   accepts: "00:00:21 text", "(12:30):", "[0:04] - x", "00;00;13;12 - 00;00;51;03"
#:   rejects: "3:15pm", "3:15 a.m. text", "[unintelligible 00:43:28.29]", "12:30:45:10"
LEAD: Final = re.compile(
    rf"(?P<open>[(\[])?(?P<start>{TIME})(?:\s{{0,3}}(?:--?|–|—|to)\s{{0,3}}(?P<end>{TIME}))?"
    r"(?P<close>[)\]])?:?(?=\s|$)(?!\s{1,3}[AaPp]\.?[Mm](?:\.|\b))\s{0,3}(?:[-–—|·•]\s{1,3})?"
)

#: A WebVTT or SRT cue timing line, with optional cue settings after it.
#:   accepts: "0:00:00.560 --> 0:00:02.759", "00:00:01,000 --> 00:00:02,500 align:start"
#:   rejects: "a --> b", "00:01 -> 00:02"
CUE: Final = re.compile(rf"(?P<start>{CLOCK})\s{{0,5}}-->\s{{0,5}}(?P<end>{CLOCK})(?:\s.*)?")

#: The time that ends a speaker line, matched from where the time's digits start; what
#: comes before it is the label (:func:`split_name_time` finds that start, no backtracking).
#:   accepts: "00:01:19):" in "Lenny (00:01:19):", "00:26" in "Lex 00:26",
#:            "0:04): Hi" in "Lex (0:04): Hi"
#:   rejects: "00:26 and then" (text after a time needs brackets and a colon)
TIME_TAIL: Final = re.compile(
    rf"(?P<time>{TIME})(?P<close>[)\]])?(?:\*\*|__)?(?P<colon>:)?(?:\*\*|__)?(?:\s(?P<rest>.*))?"
)
#: A bracketed label before (or after) a time: "[Speaker 1] [12:30] text".
BRACKET_LABEL: Final = re.compile(r"\[(?P<label>[^\[\]]{1,60})\]\s{0,3}")
#: A WebVTT voice span opening a line: "<v Speaker 1>", "<v.loud Lex Fridman>".
VOICE: Final = re.compile(r"<v(?:\.[^\s<>]{1,40})?\s{1,3}(?P<label>[^<>]{1,60})>")
#: WebVTT markup inside text: closing voice spans, classes, languages, ruby, karaoke times.
CUE_TAG: Final = re.compile(
    r"</?(?:v|c|lang|ruby|rt)(?:[.\s][^<>]{0,200})?>|<[0-9]{1,3}(?::[0-9]{2}){1,2}\.[0-9]{3}>"
)
STARTING_POINT: Final = "Starting point is "
PAIRS: Final = {"(": ")", "[": "]"}
DIGITS: Final = frozenset("0123456789")
NAME_TIME_SPAN: Final = 90  # where the time after a label may be


#: A clock anywhere in a line (the sniff's test that a line is speech, not a timed title).
ANY_CLOCK: Final = re.compile(r"[0-9](?::[0-9]{2}){1,2}(?![0-9])")


def read_ms(token: str) -> int | None:
    """Milliseconds of a token matched by ``TIME``; None when a field is out of range.

    Agrees with :meth:`Timestamp.parse` on every such token (a property test checks it);
    clocks are computed here because they are the hot path.
    """
    if ";" in token:
        try:
            return Timestamp.parse(token).ms
        except TimestampError:
            return None
    if len(token) == 8 and token[2] == ":" == token[5]:  # noqa: PLR2004 -- HH:MM:SS, the most common
        hours, minutes, seconds, millis = int(token[:2]), int(token[3:5]), int(token[6:]), 0
        most_minutes = 60
    else:
        whole, _, fraction = token.replace(",", ".").partition(".")
        fields = whole.split(":")
        hours = int(fields[0]) if len(fields) == 3 else 0  # noqa: PLR2004 -- H:MM:SS
        minutes, seconds = int(fields[-2]), int(fields[-1])
        millis = int(fraction.ljust(3, "0")) if fraction else 0
        most_minutes = 60 if len(fields) == 3 else 1000  # noqa: PLR2004 -- "64:40" is fine
    if seconds >= 60 or minutes >= most_minutes:  # noqa: PLR2004
        return None
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis


def bad_time_message(token: str) -> str:
    """Timestamp.parse's own message for a token ``read_ms`` refused."""
    try:
        Timestamp.parse(token)
    except TimestampError as error:
        return str(error)
    return f"expected a time, found {token!r}"  # pragma: no cover -- read_ms agrees with parse


class Lead(NamedTuple):
    """A time opening a line: the match, its times (None when out of range), the text after."""

    match: re.Match[str]
    start: int | None
    end: int | None
    rest: str

    @property
    def valid(self) -> bool:
        """True when every time of the lead is in range."""
        return self.start is not None and (self.match["end"] is None or self.end is not None)


def is_paired(match: re.Match[str]) -> bool:
    """Whether a match's ``open`` and ``close`` brackets pair up (or are both absent)."""
    return PAIRS.get(match["open"] or "") == (match["close"] or None)


def read_lead(text: str, pos: int = 0) -> Lead | None:
    """The time that opens ``text`` (at ``pos``), unless its brackets do not pair."""
    match = LEAD.match(text, pos)
    if match is None or not is_paired(match):
        return None
    end = match["end"]
    return Lead(
        match, read_ms(match["start"]), None if end is None else read_ms(end), text[match.end() :]
    )


def split_name_time(text: str, mark: int) -> tuple[str, str, str] | None:
    """Label, time and text of ``Name (00:01:19):``, ``Name 0:26`` or ``Name (0:04): text``.

    ``mark`` is the first ``:`` or ``;`` of ``text``, which lies inside the time; the time's
    digits start at most a few characters before it, so no pattern has to guess where the
    label ends.  The label's shape is the caller's business.
    """
    digits = mark
    while digits > 0 and text[digits - 1] in DIGITS:
        digits -= 1
    tail = TIME_TAIL.fullmatch(text, digits)
    if tail is None:
        return None
    head = text[:digits]
    opening = head[-1:] if head[-1:] in PAIRS else ""
    if not (opening or head[-1:].isspace()) or PAIRS.get(opening) != (tail["close"] or None):
        return None
    rest = (tail["rest"] or "").strip()
    if rest and not (opening and tail["colon"]):
        return None
    return label_before_time(head[: len(head) - len(opening)]), tail["time"], rest


def label_before_time(head: str) -> str:
    """The label of a speaker line, from what precedes its time (and the time's bracket).

    Example:
        >>> label_before_time("**Lenny** - ")
        'Lenny'
    """
    label = head.strip().rstrip("-–—·|,").strip()
    if "*" in label or "_" in label:
        label = label.removeprefix("**").removeprefix("__").removesuffix("**").removesuffix("__")
    return label


def time_inside(text: str) -> int:
    """Where a time inside the first characters of ``text`` has its first ``:`` or ``;``.

    Returns -1 when the first ``:`` (or, without one, the first ``;``) does not follow a
    digit, which rules out ``Name: text`` lines cheaply.
    """
    colon = text.find(":", 1, NAME_TIME_SPAN)
    mark = colon if colon > 0 else text.find(";", 1, NAME_TIME_SPAN)
    return mark if mark > 0 and text[mark - 1] in DIGITS else -1


def named_label(text: str, rules: ParseOptions | None = None) -> tuple[str, str] | None:
    """``Name: rest`` when the name passes the strict test and the rest is not a time."""
    split = split_label(text)
    if split is None or not is_name(split[0], rules) or read_lead(split[1]) is not None:
        return None
    return split
