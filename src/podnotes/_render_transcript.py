"""The ``Transcript`` block of a page written by :func:`podnotes.render.render_page`.

:func:`transcript_lines` writes an episode's turns in one of the layouts
:class:`~podnotes.transcript.TranscriptLayout` names (or picks one the turns fit), reads the
block back with :func:`podnotes.transcript.read_transcript`, and refuses with a
:exc:`ValueError` a turn that would come back different.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final, Literal

import attrs

from podnotes import transcript
from podnotes._lines import split
from podnotes.model import Episode, SpeakerTurn
from podnotes.timestamps import Timestamp
from podnotes.transcript import TranscriptLayout

__all__ = ["transcript_lines"]

_TRANSCRIPT_WRITERS: Final[dict[TranscriptLayout, Callable[[int, SpeakerTurn], str]]] = {
    TranscriptLayout.NAME_COLON: lambda _i, t: f"{t.speaker}: {_paras(t.text)}",
    TranscriptLayout.NAME_TIME_LINE: lambda _i, t: (
        f"{t.speaker} ({_hms(t.start)}):\n{_paras(t.text)}"
    ),
    TranscriptLayout.NAME_LINE_TIMED_TEXT: lambda _i, t: (
        f"{t.speaker}\n({_hms(t.start)}) {_paras(t.text)}"
    ),
    TranscriptLayout.TIME_NAME_COLON: lambda _i, t: (
        f"[{_hms(t.start)}] {t.speaker}: {_paras(t.text)}"
    ),
    TranscriptLayout.BRACKET_NAME_TIME: lambda _i, t: (
        f"[{t.speaker}] [{_hms(t.start)}] {_paras(t.text)}"
    ),
    TranscriptLayout.TIMED_TEXT: lambda _i, t: f"{_hms(t.start)} {_paras(t.text)}",
    TranscriptLayout.TIME_LINE: lambda _i, t: f"{_hms(t.start)}\n{t.speaker}\n{_paras(t.text)}",
    TranscriptLayout.PLAIN: lambda _i, t: t.text,
    TranscriptLayout.WEBVTT: lambda i, t: (
        f"{i}\n{_cue(t.start, 'webvtt')} --> {_cue(t.end, 'webvtt')}\n"
        + (f"<v {t.speaker}>{t.text}</v>" if t.speaker else t.text)
    ),
    TranscriptLayout.SRT: lambda i, t: (
        f"{i}\n{_cue(t.start, 'srt')} --> {_cue(t.end, 'srt')}\n"
        + (f"{t.speaker}: {t.text}" if t.speaker else t.text)
    ),
}


def _hms(stamp: Timestamp | None) -> str:
    return "" if stamp is None else stamp.format("hms")


def _cue(stamp: Timestamp | None, style: Literal["srt", "webvtt"]) -> str:
    return "" if stamp is None else stamp.format(style)


def _paras(text: str) -> str:
    return text.replace("\n", "\n\n")


def _pick_transcript_layout(turns: Sequence[SpeakerTurn]) -> TranscriptLayout:
    timed = any(t.start is not None for t in turns)
    if not timed:
        return TranscriptLayout.NAME_COLON
    derived = _derive_turn_ends([attrs.evolve(t, end=None) for t in turns])
    if any(t.end != d.end for t, d in zip(turns[:-1], derived[:-1], strict=True)):
        return TranscriptLayout.WEBVTT
    if all(t.speaker is None for t in turns):
        return TranscriptLayout.TIMED_TEXT
    return TranscriptLayout.TIME_NAME_COLON


def _derive_turn_ends(turns: Sequence[SpeakerTurn]) -> list[SpeakerTurn]:
    out = list(turns)
    for index, turn in enumerate(out[:-1]):
        following = out[index + 1].start
        start = turn.start
        if turn.end is None and start is not None and following is not None and following > start:
            out[index] = attrs.evolve(turn, end=following)
    return out


def transcript_lines(episode: Episode, chosen: TranscriptLayout | str | None) -> list[str]:
    """The lines of ``episode``'s transcript in layout ``chosen`` (None: one the turns fit).

    Raises:
        ValueError: The layout is one :func:`~podnotes.render.render_page` does not write,
            or a turn, the turn count or the truncation would read back different; the
            message names the turn.
    """
    turns = episode.transcript
    layout = _pick_transcript_layout(turns) if chosen is None else TranscriptLayout(chosen)
    writer = _TRANSCRIPT_WRITERS.get(layout)
    if writer is None:
        msg = f"render_page does not write transcripts in layout {layout.value!r}"
        raise ValueError(msg)
    blocks = [writer(index, turn) for index, turn in enumerate(turns, start=1)]
    text = "\n\n".join(blocks)
    if layout is TranscriptLayout.WEBVTT:
        text = "WEBVTT\n\n" + text
    found = transcript.read_transcript(split(text))
    got = list(found.turns)
    if got and episode.duration is not None:  # the page ends the last turn with the episode
        last = got[-1]
        if last.start is not None and last.end is None and episode.duration > last.start:
            got[-1] = attrs.evolve(last, end=episode.duration)
    for index, turn in enumerate(turns):
        read = got[index] if index < len(got) else None
        if read != turn:
            msg = (
                f"cannot write Episode.transcript[{index}] in transcript layout "
                f"{layout.value!r}: it would read back as {read!r}"
            )
            raise ValueError(msg)
    if len(got) != len(turns) or found.truncated != episode.transcript_truncated:
        msg = (
            f"cannot write Episode.transcript in layout {layout.value!r}: it would read back "
            f"with {len(got)} turns, truncated={found.truncated}"
        )
        raise ValueError(msg)
    return text.split("\n")
