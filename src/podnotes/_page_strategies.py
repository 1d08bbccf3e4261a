"""The machinery behind :mod:`podnotes.strategies`' episodes and pages.

The words drawn (titles, speech, speaker names, description prose), the builders that turn
drawn tuples into model objects (chapters, the kinds of turn lists, whole episodes with the
ends a page implies), and the scraping noise :func:`noisy_texts` adds to a page.  The public
strategies and their documentation are in :mod:`podnotes.strategies`; like that module, this
one imports Hypothesis, so nothing in the core package imports it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from podnotes.model import Chapter, Episode, SpeakerTurn
from podnotes.sections import heading_kind
from podnotes.timestamps import Timestamp

__all__ = [
    "TAILS",
    "chapters_of",
    "cue_turns",
    "derive_ends",
    "end_with",
    "episode_of",
    "free_cues",
    "names",
    "noisy_texts",
    "prose",
    "prose_sentences",
    "ranged_chapters",
    "sentences_of",
    "timed_turns",
    "titles_of",
    "untimed_turns",
]


# -- words -------------------------------------------------------------------------------

# A small vocabulary keeps drawing cheap; it has accents, sharp s and apostrophes.
# fmt: off
_VOCABULARY = (
    "the", "of", "tides", "time", "open", "weights", "agents", "data", "bread", "flour",
    "water", "salt", "yeast", "harbor", "notes", "robots", "tools", "search", "memory",
    "sleep", "music", "rivers", "maps", "rain", "ocean", "light", "stone", "café", "über",
    "straße", "før", "naïve", "jalapeño", "déjà", "vu", "it's", "don't", "year", "one", "two",
    "first", "last", "small", "talk", "big", "ideas", "why", "how", "what", "we", "you",
    "they", "build", "learn", "teach", "ask", "answer",
)
# fmt: on
TAILS = ("", "", "?", "!", " & more", ": part two", " - live", " (redux)", " [bonus]")


def _phrase(parts: tuple[list[str], str]) -> str:
    words, tail = parts
    text = " ".join(words).capitalize() + tail
    # A title that is exactly a section name ("Links") would read as a heading on its own line.
    return text + " today" if heading_kind(text) is not None else text


def titles_of(*, max_words: int, tails: Sequence[str]) -> st.SearchStrategy[str]:
    """Capitalised phrases of up to ``max_words`` words, each ending in one of ``tails``."""
    words = st.lists(st.sampled_from(_VOCABULARY), min_size=1, max_size=max_words)
    return st.tuples(words, st.sampled_from(tuple(tails))).map(_phrase)


_OPENERS = ("so", "and", "well", "we", "it", "they", "you", "then", "now", "maybe", "i")
# fmt: off
_SPEECH_WORDS = (
    "model", "data", "think", "about", "training", "open", "weights", "people", "code", "that",
    "what", "makes", "work", "scale", "compute", "agents", "tools", "search", "check",
    "answers", "années", "über", "straße", "før", "à",
)
# fmt: on
_TOKENS = tuple(w + p for w in _SPEECH_WORDS for p in ("", "", ",", ".", "?", "!"))


def sentences_of(extra_chars: str) -> st.SearchStrategy[str]:
    """Lower-case spoken sentences, ending in a few of ``extra_chars`` when it is given."""
    words = st.lists(st.sampled_from(_TOKENS), max_size=6)
    if not extra_chars:
        return st.tuples(st.sampled_from(_OPENERS), words).map(lambda p: " ".join([p[0], *p[1]]))
    odd = st.text(alphabet=extra_chars, max_size=6)
    parts = st.tuples(st.sampled_from(_OPENERS), words, odd)
    return parts.map(lambda p: " ".join([p[0], *p[1], p[2]]).rstrip())


# fmt: off
_NAME_WORDS = (
    "Ada", "Brook", "Cy", "Lenny", "Rachitsky", "Lex", "Fridman", "Nathan", "José", "Núñez",
    "Émile", "Åsa", "Zoë", "O'Brien", "Jean-Luc", "Mary-Kate", "JCal", "ADA", "LEX", "Q",
    "Dr.", "St.",
)
# fmt: on


def names() -> st.SearchStrategy[str]:
    """Speaker labels: a role and number, a name with a particle, or one to three words."""
    word = st.sampled_from(_NAME_WORDS)
    role = st.tuples(st.sampled_from(["Speaker", "Guest", "Host"]), st.integers(1, 12))
    particle = st.tuples(word, st.sampled_from(["de", "van", "al"]), word)
    drawn = st.one_of(
        role.map(lambda p: f"{p[0]} {p[1]}"),
        particle.map(" ".join),
        st.lists(word, min_size=1, max_size=3).map(" ".join),
    )
    return drawn.map(lambda name: name.removesuffix("."))  # "Ada Dr." is no label


def prose_sentences() -> st.SearchStrategy[str]:
    """Capitalised sentences of the vocabulary, ending in a full stop."""
    words = st.lists(st.sampled_from(_VOCABULARY), min_size=2, max_size=8)
    return words.map(lambda w: " ".join(w).capitalize() + ".")


def prose() -> st.SearchStrategy[str]:
    """One or two paragraphs of one or two lines of :func:`prose_sentences`."""
    lines = st.lists(prose_sentences(), min_size=1, max_size=2).map("\n".join)
    return st.lists(lines, min_size=1, max_size=2).map("\n\n".join)


# -- model objects ---------------------------------------------------------------------


def derive_ends(found: Sequence[Chapter], duration: Timestamp | None) -> list[Chapter]:
    """The body of :func:`podnotes.strategies.derived_ends`: next start, then ``duration``."""
    out = []
    for index, chapter in enumerate(found):
        if index + 1 < len(found):
            end: Timestamp | None = found[index + 1].start
        else:
            end = duration if duration is not None and duration > chapter.start else None
        out.append(attrs.evolve(chapter, end=end))
    return out


def chapters_of(items: list[tuple[int, str, int | None, str | None]]) -> list[Chapter]:
    """Chapters from ``(start ms, title, length ms or None, url)`` tuples, sorted by start."""
    return [
        Chapter(
            start=Timestamp(start),
            title=title,
            end=None if span is None else Timestamp(start + span),
            url=url,
        )
        for start, title, span, url in sorted(items)
    ]


_Turn = tuple[int, str | None, str]


def untimed_turns(drawn: tuple[int, list[_Turn]]) -> list[SpeakerTurn]:
    """Turns without times from ``(first start, [(gap, speaker, text), ...])``."""
    return [SpeakerTurn(speaker=who, text=text) for _step, who, text in drawn[1]]


def timed_turns(drawn: tuple[int, list[_Turn]]) -> list[SpeakerTurn]:
    """Turns each starting a gap after the last, ending where the next starts (the last: never)."""
    at, items = drawn
    starts = []
    for step, _who, _text in items:
        starts.append(Timestamp(at))
        at += step
    ends: list[Timestamp | None] = [*starts[1:], None]
    return [
        SpeakerTurn(speaker=who, text=text, start=start, end=end)
        for (_step, who, text), start, end in zip(items, starts, ends, strict=True)
    ]


def free_cues(items: list[tuple[int, int | None, str | None, str]]) -> list[SpeakerTurn]:
    """Cues from ``(start, length or None, speaker, text)`` tuples, in the order drawn."""
    return [
        SpeakerTurn(
            speaker=who,
            text=text,
            start=Timestamp(start),
            end=None if span is None else Timestamp(start + span),
        )
        for start, span, who, text in items
    ]


def cue_turns(drawn: tuple[int, list[tuple[int, int, str | None, str]]]) -> list[SpeakerTurn]:
    """Cues in order of start from ``(first start, [(step, length, speaker, text), ...])``."""
    at, items = drawn
    turns = []
    for step, span, who, text in items:
        turns.append(
            SpeakerTurn(speaker=who, text=text, start=Timestamp(at), end=Timestamp(at + span))
        )
        at += step
    return turns


def episode_of(parts: dict[str, Any], *, ranged: bool) -> Episode:
    """The episode of drawn ``parts``, with the chapter and turn ends its page implies.

    ``ranged`` gives the chapters the drawn ``spans`` as ends (the range layout writes
    them); otherwise chapters end as the parser derives it.  A summary needs highlights and
    a description needs a title, so those are dropped without them.
    """
    duration = parts.pop("duration")
    spans = parts.pop("spans")
    found = parts.pop("chapters")
    chapters = ranged_chapters(found, spans) if ranged else derive_ends(found, duration)
    if not parts["highlights"]:
        parts["summary"] = None
    if parts["title"] is None:
        parts["description"] = None
    transcript = end_with(parts.pop("transcript"), duration)
    return Episode(duration=duration, chapters=chapters, transcript=transcript, **parts)


def ranged_chapters(found: Sequence[Chapter], spans: Sequence[int]) -> list[Chapter]:
    """Chapters for the range layout: each with its own end, which may pass the next start."""
    return [
        attrs.evolve(chapter, end=Timestamp(chapter.start.ms + span))
        for chapter, span in zip(found, spans, strict=False)
    ]


def end_with(turns: list[SpeakerTurn], duration: Timestamp | None) -> list[SpeakerTurn]:
    """The page ends a last timed turn without an end with the episode's duration."""
    if not turns or duration is None:
        return turns
    last = turns[-1]
    if last.start is not None and last.end is None and duration > last.start:
        return [*turns[:-1], attrs.evolve(last, end=duration)]
    return turns


# -- noise -------------------------------------------------------------------------------

_SPONSORS = (
    "Sponsors\nAnvil Co makes anvils: anvil.example/podcast\nGet 10% off at example.org",
    "**Sponsors:**\nThis episode is brought to you by Example Bank.",
    "Links\nhttps://example.org/notes\nBooks mentioned on the show",
)
_TRAILERS = (
    "Hosted on Acast. See acast.com/privacy for more information.",
    "Privacy Policy | Advertising Inquiries",
    "Learn more about your ad choices. Visit megaphone.fm/adchoices",
)


_WRAPS = ("", "", "", "p", "li", "br", "nbsp", "amp")


@st.composite
def noisy_texts(draw: st.DrawFn, text: str) -> str:
    """``text`` as scraped: maybe a sponsor block and a trailer, tags, entities, odd spaces.

    A sponsor block goes before the transcript, which runs to the end of the page.
    """
    if draw(st.booleans()):
        head, mark, tail = text.partition("\n\nTranscript\n")
        if not mark:
            head, mark, tail = text.partition("\n\n## Transcript\n")
        text = f"{head}\n\n{draw(st.sampled_from(_SPONSORS))}{mark}{tail}".lstrip("\n")
    if draw(st.booleans()):
        text += "\n\n" + draw(st.sampled_from(_TRAILERS))
    out = []
    for line in text.split("\n"):
        wrap = draw(st.sampled_from(_WRAPS)) if line else ""
        if wrap in {"p", "li"}:
            line = f"<{wrap}>{line}</{wrap}>"  # noqa: PLW2901 - the line, wrapped
        elif wrap == "br":
            line += "<br/>"  # noqa: PLW2901
        elif wrap == "nbsp":
            line = line.replace(" ", "\u00a0", 1)  # noqa: PLW2901
        elif wrap == "amp":
            line = line.replace("&", "&amp;")  # noqa: PLW2901
        out.append(line)
    return "\n".join(out)
