"""Speaker labels: is this piece of a line a speaker's name, and which labels name one person.

The transcript reader asks two questions of a candidate label:

- :func:`is_name` — the strict test for a label that only a colon marks (``Lex Fridman:``)
  or that stands alone on its line: short, capitalised like a name, not a word that pages
  put before a colon for other reasons (``Note:``, ``https:``, ``Chapter 3:``, ``Yes:``).
- :func:`is_tagged_name` — the looser test for a label the layout itself marks as one
  (``Lenny (00:01:19):``, ``<v Speaker 1>``, ``[Speaker 1] [12:30]``): any short run of
  words that starts with a letter and is not on the same stop-list.

:func:`group_aliases` pairs labels that name the same person (``Lenny`` and
``Lenny Rachitsky``).  Every function here is pure and bounded by the label's length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

__all__ = ["group_aliases", "is_name", "is_tagged_name", "own_line_name", "split_label"]

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


def is_name(label: str) -> bool:
    """Whether ``label`` looks like a speaker's name with no other evidence than its shape.

    Accepted: at most 40 characters and 5 words, starting with a capital letter, every
    later word capitalised, a number (``Speaker 1``), a particle (``van``) or in
    parentheses; not on the stop-list (``Note``, ``Chapter 3``, ``Yes``, ``Music``...).

    Example:
        >>> [is_name(s) for s in ("Lex Fridman", "Speaker 2", "Note", "The thing is")]
        [True, True, False, False]
    """
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


def is_tagged_name(label: str) -> bool:
    """Whether ``label`` can be a speaker where the layout marks it as one.

    The layout (a time after the label, a ``<v>`` voice tag, brackets before a time) is the
    evidence, so case and particles are not checked; length, characters and the stop-list
    still are, so ``[Music] [0:12]`` or ``Intro (0:00):`` never name a speaker.

    Example:
        >>> [is_tagged_name(s) for s in ("lenny", "Speaker 1", "Music", "a" * 61)]
        [True, True, False, False]
    """
    if not 0 < len(label) <= _MAX_TAGGED_CHARS or not _plausible(label):
        return False
    return len(label.split(" ")) <= _MAX_TAGGED_WORDS


def _unemphasise(text: str) -> str:
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
    label = _unemphasise(text[:colon])
    rest = text[colon + 1 :]
    if rest[:2] in _EMPHASIS:
        rest = rest[2:]
    if not label:
        return None
    return label, rest.strip()


def own_line_name(text: str) -> str | None:
    """The name a line holds when the whole line is a speaker label, else None.

    The line may be emphasised or end in a colon (``**Oliver Quayle**``, ``Lex:``); a line
    ending in sentence punctuation is text, whatever its shape.

    Example:
        >>> own_line_name("Oliver Quayle:"), own_line_name("Thank You."), own_line_name("So")
        ('Oliver Quayle', None, None)
    """
    label = _unemphasise(text.removesuffix(":"))
    if label.endswith(".") and not label.endswith(_ABBREVIATIONS):
        return None
    return label if is_name(label) else None


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
