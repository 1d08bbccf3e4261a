"""WebVTT cue text: what the writer escapes, and how the reader takes tags and voices apart.

Writing escapes ``&`` and ``<`` (and ``>`` in ``-->``; in voice names, every ``>``) and
refuses what no escape can carry.  Reading decodes character references (all of HTML's,
as the spec says), removes tags, and takes the first voice span's name as the speaker.
"""

from __future__ import annotations

import html
import re
from typing import Final

from podnotes.formats._cues import CueReader, quote

__all__ = ["TextReader", "escape", "voice_name", "voice_tag"]

_ARROW: Final = "-->"
# Whitespace as WebVTT counts it: voice names collapse runs of it to one space.
_SPACE: Final = " \t\n\f\r"
_SPACES: Final = re.compile(r"[ \t\n\f\r]+")
_unescape: Final = html.unescape


def escape(text: str, what: str) -> str:
    """Return cue text as written; ``what`` names it in the error.

    Raises:
        ValueError: The text holds a carriage return, a NUL, or an empty or all-space line.

    Example:
        >>> escape("Q&A <3 --> more", "a title")
        'Q&amp;A &lt;3 --&gt; more'
    """
    if "\r" in text or "\0" in text:
        msg = f"{what} cannot hold a carriage return or a NUL character in WebVTT: {text!r}"
        raise ValueError(msg)
    if "\n" in text and any(not line.strip() for line in text.split("\n")):
        msg = f"{what} cannot hold an empty or all-space line in WebVTT (it ends the cue): {text!r}"
        raise ValueError(msg)
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if _ARROW in text:
        text = text.replace(_ARROW, "--&gt;")
    return text


def voice_tag(speaker: str) -> str:
    """Return the voice span that opens a cue spoken by ``speaker``.

    Raises:
        ValueError: The name has leading, trailing or repeated WebVTT whitespace, or a NUL.

    Example:
        >>> voice_tag("Tom & Jerry")
        '<v Tom &amp; Jerry>'
    """
    if _SPACES.sub(" ", speaker).strip(_SPACE) != speaker or "\0" in speaker:
        msg = (
            "a WebVTT voice name has no leading, trailing or repeated spaces, tabs, line "
            f"breaks or NUL characters (readers collapse them): {speaker!r}"
        )
        raise ValueError(msg)
    name = speaker.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return f"<v {name}>"


def voice_name(tag: str) -> str | None:
    """The name in a voice start tag (``v Name``, ``v.class Name``), else None.

    Example:
        >>> voice_name("v.loud  Ann &amp;  Bo "), voice_name("v"), voice_name("vx Ann")
        ('Ann & Bo', None, None)
    """
    if tag[:1] != "v" or (len(tag) > 1 and tag[1] not in " \t\f."):
        return None
    cut = len(tag)
    for blank in " \t\f":
        found = tag.find(blank, 1, cut)
        if found >= 0:
            cut = found
    name = _SPACES.sub(" ", _unescape(tag[cut:])).strip(_SPACE)
    return name if name.strip() else None


class TextReader(CueReader):
    r"""A :class:`~podnotes.formats._cues.CueReader` that also reads WebVTT cue text.

    Example:
        >>> reader = TextReader("WEBVTT\n\n<v Ann>Hi &amp; <i>bye</i>")
        >>> reader.words(reader.lines[2], 2, voices=True)
        ('Ann', 'Hi & bye')
        >>> [d.code for d in reader.diagnostics()]
        ['webvtt.tags-removed']
    """

    def __init__(self, text: str) -> None:
        """Split ``text``; no tag noted yet."""
        super().__init__(text)
        self.tags_noted = False
        self.voices: dict[str, str | None] = {}

    def words(self, payload: str, first: int, *, voices: bool) -> tuple[str | None, str]:
        """The speaker (when ``voices``) and the text of a cue's ``payload``.

        Tags are removed and character references decoded; ``first`` is the index of the
        payload's first line, for diagnostics.
        """
        if "<" not in payload and "&" not in payload:
            return None, payload
        if voices and payload.startswith("<v"):  # the usual "<v Name>text"
            close = payload.find(">")
            said = payload[close + 1 :]
            if close > 0 and "<" not in said and "&" not in said and "\n" not in payload[:close]:
                tag = payload[1:close]
                if tag not in self.voices:
                    self.voices[tag] = voice_name(tag)
                name = self.voices[tag]
                if name is not None:
                    return name, said
        return self._tagged(payload, first, voices=voices)

    def _tagged(self, payload: str, first: int, *, voices: bool) -> tuple[str | None, str]:
        """Read text with tags and references, line by line."""
        speaker: str | None = None
        out = []
        for index, raw in enumerate(payload.split("\n"), start=first):
            pieces = []
            pos = 0
            while (opening := raw.find("<", pos)) >= 0:
                closing = raw.find(">", opening + 1)
                if closing < 0:
                    message = 'expected ">" to close the tag, found the end of the line'
                    message += '; the "<" is kept as text'
                    self.warn("webvtt.open-tag", message, index, opening + 1)
                    break
                pieces.append(_unescape(raw[pos:opening]))
                pos = closing + 1
                tag = raw[opening + 1 : closing]
                name = voice_name(tag) if voices else None
                if name is not None:
                    speaker = speaker or name
                    if name != speaker:
                        message = f"expected one voice a cue ({quote(speaker)})"
                        message += f", found {quote(name)}"
                        self.warn("webvtt.second-voice", message, index, opening + 1, pos - opening)
                elif not (voices and tag == "/v") and not self.tags_noted:
                    self.tags_noted = True
                    message = f"found the tag {quote(raw[opening:pos])}; tags are removed"
                    self.info("webvtt.tags-removed", message, index, opening + 1, pos - opening)
            pieces.append(_unescape(raw[pos:]))
            out.append("".join(pieces))
        return speaker, "\n".join(out)
