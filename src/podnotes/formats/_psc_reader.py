"""The Podlove Simple Chapters reader: expat, run once, with the doors to entities shut.

Any ``<!DOCTYPE`` stops the parse before a declaration is read, so no DTD, no entity
declaration, no entity expansion and no external entity ever reaches expat's machinery.
Positions come from expat (line and column of each start tag) and, for attribute values,
from re-reading the start tag that expat has already accepted.
"""

from __future__ import annotations

import re
from typing import Final
from xml.parsers import expat

import attrs

from podnotes.diagnostics import Diagnostic, Severity
from podnotes.formats._documents import Document
from podnotes.model import Chapter
from podnotes.timestamps import Timestamp

__all__ = ["NAMESPACE", "Group", "PSCReader", "read_npt"]

#: The PSC namespace URI.
NAMESPACE: Final = "http://podlove.org/simple-chapters"

_NAMESPACES: Final = frozenset({NAMESPACE, NAMESPACE + "/"})
_VERSIONS: Final = frozenset({"1.0", "1.1", "1.2"})
_KNOWN: Final = frozenset({"start", "title", "href"})
_ITEMS: Final = frozenset({"item", "entry"})
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# A start tag's attributes, after expat accepted it: values never hold their own quote.
#   accepts:  start="0:00" title='a "b"'     rejects: start=0:00
_ATTRIBUTE = re.compile(r"""[ \t\r\n]+([^ \t\r\n=/>]+)[ \t\r\n]*=[ \t\r\n]*("[^"]*"|'[^']*')""")
_TAG_NAME = re.compile(r"<[^ \t\r\n/>]+")
# Normal Play Time: [npt:] then [H:]MM:SS[.f] or seconds[.f]; ASCII digits, bounded.
#   accepts: 01:35:52, 7:48, 35:12.250, 05:12:03.500, 37, 37.5, npt:12    rejects: 1:2, 1:60
_NPT = re.compile(
    r"(?:npt:)?(?:(?:(?P<h>\d{1,7}):(?P<hm>[0-5]\d)|(?P<m>\d{1,7})):(?P<s>[0-5]\d)|(?P<sec>\d{1,9}))"
    r"(?:\.(?P<f>\d{0,9}))?",
    re.ASCII,
)
_MAX_TIME: Final = 40


class _RefusedError(Exception):
    """Raised from the DOCTYPE handler to stop expat before it reads any declaration."""


def read_npt(text: str) -> tuple[int, bool] | None:
    """Milliseconds of a Normal Play Time and whether it was rounded, or None.

    Example:
        >>> read_npt("8:26.2505"), read_npt(" 37 "), read_npt("1:2")
        ((506251, True), (37000, False), None)
    """
    stripped = text.strip()
    match = _NPT.fullmatch(stripped) if len(stripped) <= _MAX_TIME else None
    if match is None:
        return None
    hours, minutes = match["h"] or 0, match["hm"] or match["m"] or 0
    seconds = match["sec"] or match["s"]
    whole = (int(hours) * 60 + int(minutes)) * 60 + int(seconds)
    digits = match["f"] or ""
    beyond = digits[3:]  # below the millisecond: rounded half up
    ms = whole * 1000 + int(digits[:3].ljust(3, "0")) + int(beyond[:1] >= "5")
    return ms, beyond.strip("0") != ""


@attrs.frozen
class _Entry:
    """A chapter read from one ``<psc:chapter>``, with where its start attribute is."""

    chapter: Chapter
    offset: int
    width: int


@attrs.define
class Group:
    """The chapters of one item (or of one ``<psc:chapters>`` outside any item)."""

    offset: int = 0  # where its <psc:chapters> starts
    has_chapters: bool = False
    elements: int = 0  # <psc:chapter> elements seen, usable or not
    entries: list[_Entry] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    notes: dict[str, tuple[Diagnostic, int]] = attrs.Factory(dict)


class PSCReader:
    """Runs expat once over the text and collects the chapters of each item."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.places = Document(text, "psc")
        self.groups: list[Group] = []
        self.document: list[Diagnostic] = []  # problems of the XML itself
        self._depth = 0
        self._item: int | None = None  # depth of the open <item>/<entry>
        self._chapters: int | None = None  # depth of the open <psc:chapters>
        self._ignored: int | None = None  # depth of an element whose inside is skipped
        self._parser = expat.ParserCreate(namespace_separator=" ")
        self._parser.StartDoctypeDeclHandler = self._doctype
        self._parser.StartElementHandler = self._start
        self._parser.EndElementHandler = self._end

    def run(self) -> PSCReader:
        """Parse the whole text; afterwards :attr:`groups` and :attr:`document` are set."""
        for bad in _SURROGATE.finditer(self.text):
            message = f"expected XML characters, found a lone surrogate U+{ord(bad.group()):04X}"
            self.document.append(self.places.diagnostic("xml", message, bad.start()))
        try:
            self._parser.Parse(_SURROGATE.sub("\ufffd", self.text), True)  # noqa: FBT003
        except _RefusedError:
            pass
        except expat.ExpatError as exc:
            offset = self.places.offset(exc.lineno, exc.offset)
            message = f"expected well-formed XML, found an error: {expat.ErrorString(exc.code)}"
            self.document.append(self.places.diagnostic("xml", message, offset))
        return self

    # --- places --------------------------------------------------------------------------

    def _here(self) -> int:
        return self.places.offset(self._parser.CurrentLineNumber, self._parser.CurrentColumnNumber)

    def _tag_width(self, offset: int) -> int:
        """The width of the ``<name`` that opens the start tag at ``offset``."""
        tag = _TAG_NAME.match(self.text, offset)
        return tag.end() - offset if tag else 1

    def _places(self, offset: int) -> dict[str, tuple[int, int]]:
        """Each attribute of the start tag at ``offset``: (value offset, value width)."""
        found: dict[str, tuple[int, int]] = {}
        tag = _TAG_NAME.match(self.text, offset)
        pos = tag.end() if tag else len(self.text)
        while (attribute := _ATTRIBUTE.match(self.text, pos)) is not None:
            found[attribute[1]] = (attribute.start(2) + 1, len(attribute[2]) - 2)
            pos = attribute.end()
        return found

    def _report(
        self, code: str, message: str, place: tuple[int, int], severity: Severity = Severity.ERROR
    ) -> None:
        self.groups[-1].diagnostics.append(self.places.diagnostic(code, message, *place, severity))

    def _note(self, code: str, key: str, message: str, place: tuple[int, int]) -> None:
        notes = self.groups[-1].notes
        first, count = notes.get(key) or (
            self.places.diagnostic(code, message, *place, Severity.INFO),
            0,
        )
        notes[key] = (first, count + 1)

    # --- expat handlers ------------------------------------------------------------------

    def _doctype(self, *_declaration: object) -> None:
        here = self._here()
        found = self.text.rfind("<!DOCTYPE", 0, here + 1)
        message = "expected XML without a DOCTYPE, found one (DTDs and entities are refused)"
        self.document.append(
            self.places.diagnostic("doctype", message, max(found, 0), len("<!DOCTYPE"))
        )
        raise _RefusedError

    def _start(self, name: str, attributes: dict[str, str]) -> None:
        self._depth += 1
        if self._ignored is not None:
            return
        space, _, local = name.rpartition(" ")
        if self._chapters is not None:
            if space in _NAMESPACES and local == "chapter":
                self._chapter(attributes, self._here())
            else:
                message = f"expected a <psc:chapter>, found <{local}>; ignored"
                offset = self._here()
                place = (offset, self._tag_width(offset))
                self._report("unknown-element", message, place, Severity.WARNING)
            self._ignored = self._depth
        elif space in _NAMESPACES and local == "chapters":
            self._open(attributes, self._here())
        elif local in _ITEMS and self._item is None:
            self._item = self._depth
            self.groups.append(Group(offset=self._here()))

    def _end(self, _name: str) -> None:
        if self._ignored == self._depth:
            self._ignored = None
        elif self._chapters == self._depth:
            self._chapters = None
        elif self._item == self._depth:
            self._item = None
        self._depth -= 1

    def _open(self, attributes: dict[str, str], offset: int) -> None:
        if self._item is None:
            self.groups.append(Group(offset=offset))
        group = self.groups[-1]
        if group.has_chapters:
            message = "expected one <psc:chapters> per item, found another; ignored"
            place = (offset, self._tag_width(offset))
            self._report("extra-chapters", message, place, Severity.WARNING)
            self._ignored = self._depth
            return
        group.has_chapters, group.offset, self._chapters = True, offset, self._depth
        version = attributes.get("version", "1.0")
        if version not in _VERSIONS:
            message = f'expected version "1.0", "1.1" or "1.2", found "{version}"; read as 1.2'
            place = self._places(offset).get("version", (offset, 1))
            self._report("version", message, place, Severity.WARNING)

    def _chapter(self, attributes: dict[str, str], offset: int) -> None:
        self.groups[-1].elements += 1
        places = self._places(offset)
        tag = (offset, self._tag_width(offset))
        start, title, href = (attributes.get(key) for key in ("start", "title", "href"))
        read = None if start is None else read_npt(start)
        if read is None:
            found = "nothing" if start is None else f'"{start[:_MAX_TIME]}"'
            message = f'expected start="HH:MM:SS.mmm" or another Normal Play Time, found {found}'
            self._report("bad-time", message, places.get("start", tag))
        if title is None or not title.strip():
            found = "nothing" if title is None else f'"{title[:_MAX_TIME]}"'
            self._report(
                "missing-title", f"expected a title, found {found}", places.get("title", tag)
            )
        for key in sorted(attributes.keys() - _KNOWN):
            message = f"{key!r} is not kept: podnotes chapters carry start, title and href"
            self._note("not-kept", key, message, places.get(key, tag))
        if read is None or title is None or not title.strip():
            return
        ms, rounded = read
        place = places.get("start", tag)
        if rounded:
            self._note("rounded", "", f"rounded {start!r} to the millisecond", place)
        url = href if href and href.strip() else None
        entry = _Entry(Chapter(start=Timestamp(ms), title=title, url=url), *place)
        self.groups[-1].entries.append(entry)

    # --- results -------------------------------------------------------------------------

    def chapters(self, group: Group) -> tuple[tuple[Chapter, ...], list[Diagnostic]]:
        """The group's chapters in order of start, and every diagnostic about them."""
        found = [*group.diagnostics]
        for first, count in group.notes.values():
            more = f" (and {count - 1} more)" if count > 1 else ""
            found.append(attrs.evolve(first, message=first.message + more))
        if group.has_chapters and not group.elements:
            message = "expected one or more <psc:chapter> elements, found none"
            place = (group.offset, self._tag_width(group.offset))
            found.append(self.places.diagnostic("empty", message, *place, Severity.WARNING))
        latest: Timestamp | None = None
        for entry in group.entries:
            start = entry.chapter.start
            if latest is not None and start < latest:
                message = (
                    f"expected chapters in order of start, found {start} after {latest}; sorted"
                )
                found.append(
                    self.places.diagnostic(
                        "unsorted", message, entry.offset, entry.width, Severity.WARNING
                    )
                )
                break
            latest = start
        kept: list[Chapter] = []
        for entry in sorted(group.entries, key=lambda e: e.chapter.start):
            if kept and entry.chapter.start == kept[-1].start:
                message = (
                    f"expected one chapter per start, found a second at {kept[-1].start}; left out"
                )
                found.append(
                    self.places.diagnostic("duplicate-start", message, entry.offset, entry.width)
                )
            else:
                kept.append(entry.chapter)
        return tuple(kept), found

    def none_found(self) -> list[Diagnostic]:
        """An error when the XML was read but held no ``<psc:chapters>`` at all."""
        if self.document or any(group.has_chapters for group in self.groups):
            return []
        message = f'expected a <psc:chapters> element (xmlns "{NAMESPACE}"), found none'
        return [self.places.diagnostic("no-chapters", message, 0)]
