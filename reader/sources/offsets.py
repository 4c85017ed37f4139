"""Map offsets in the shown text back to the source it was made from.

Byline shows (and analyses) a cleaned text: Markdown without its syntax, a
plain-text file without its title and metadata lines. Anything that wants to
point back into the original file (an editor jump, a note anchored in the
source) needs to turn a shown offset into a source offset. A
:class:`SourceMap` is a list of segments, each a stretch of shown text that
lines up character for character with a stretch of the source (copied
verbatim, except that a shown space or newline may stand for a source line
break); shown characters outside every segment (paragraph
breaks, list bullets) were inserted and map to the nearest following source
position. It serialises to plain lists so it can sit in ``Article.metadata``.

Source offsets count characters of the *decoded* source text (after any
byte-order mark was removed), not bytes.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

SOURCE_MAP_KEY = "source_map"
"""The ``Article.metadata`` key holding ``SourceMap.to_list()``."""
SOURCE_LENGTH_KEY = "source_length"
"""The ``Article.metadata`` key holding the decoded source's length in characters."""


@dataclass(frozen=True, slots=True)
class Segment:
    shown: int
    source: int
    length: int


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Shown-text offsets -> source offsets, for text built from pieces of a source."""

    segments: tuple[Segment, ...]
    source_length: int
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(segment.shown for segment in self.segments))

    def to_source(self, offset: int) -> int:
        """The source offset of the shown character at ``offset`` (use for span starts)."""
        if not self.segments:
            return 0
        index = bisect_right(self._starts, offset) - 1
        if index >= 0:
            segment = self.segments[index]
            if offset < segment.shown + segment.length:
                return segment.source + (offset - segment.shown)
        if index + 1 < len(self.segments):
            return self.segments[index + 1].source
        return self.source_length

    def to_source_end(self, offset: int) -> int:
        """The source offset just after shown character ``offset - 1`` (use for span ends)."""
        if offset <= 0:
            return self.to_source(0)
        return self.to_source(offset - 1) + 1 if self.is_mapped(offset - 1) else self.to_source(offset)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """The source stretch a shown span ``[start, end)`` came from."""
        source_start = self.to_source(start)
        return source_start, max(source_start, self.to_source_end(end))

    def is_mapped(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self.segments[index].shown + self.segments[index].length

    def without_prefix(self, count: int) -> SourceMap:
        """The map of the same text with its first ``count`` shown characters cut off."""
        kept: list[Segment] = []
        for segment in self.segments:
            end = segment.shown + segment.length
            if end <= count:
                continue
            cut = max(0, count - segment.shown)
            kept.append(Segment(segment.shown + cut - count, segment.source + cut, segment.length - cut))
        return SourceMap(tuple(kept), self.source_length)

    def to_list(self) -> list[list[int]]:
        """``[[shown_start, source_start, length], ...]``: JSON-friendly, for ``Article.metadata``."""
        return [[s.shown, s.source, s.length] for s in self.segments]

    @classmethod
    def from_list(cls, data: list[list[int]], source_length: int) -> SourceMap:
        return cls(tuple(Segment(int(a), int(b), int(c)) for a, b, c in data), source_length)


@dataclass(slots=True)
class ShownTextBuilder:
    """Build shown text piece by piece while recording where each copied piece came from."""

    source: str
    _parts: list[str] = field(default_factory=list)
    _segments: list[Segment] = field(default_factory=list)
    _length: int = 0

    @property
    def length(self) -> int:
        return self._length

    def copy(self, source_start: int, source_end: int) -> None:
        """Append ``source[source_start:source_end]`` verbatim."""
        if source_end <= source_start:
            return
        self._append_segment(source_start, source_end - source_start)
        self._parts.append(self.source[source_start:source_end])
        self._length += source_end - source_start

    def insert(self, text: str) -> None:
        """Append text that is not in the source (a paragraph break, a bullet)."""
        self._parts.append(text)
        self._length += len(text)

    def replace(self, text: str, source_start: int) -> None:
        """Append ``text`` standing for the source characters from ``source_start`` (``\\r\\n`` -> ``\\n``).

        Each shown character maps to the source character at the same distance
        from ``source_start``, so the caller keeps ``len(text)`` no longer than
        the stretch it stands for.
        """
        self._append_segment(source_start, len(text))
        self._parts.append(text)
        self._length += len(text)

    def _append_segment(self, source_start: int, length: int) -> None:
        if length <= 0:
            return
        if self._segments:
            last = self._segments[-1]
            if last.shown + last.length == self._length and last.source + last.length == source_start:
                self._segments[-1] = Segment(last.shown, last.source, last.length + length)
                return
        self._segments.append(Segment(self._length, source_start, length))

    def build(self) -> tuple[str, SourceMap]:
        return "".join(self._parts), SourceMap(tuple(self._segments), len(self.source))


def normalise_newlines(source: str, start: int = 0, end: int | None = None) -> tuple[str, SourceMap]:
    """``source[start:end]`` with ``\\r\\n`` and lone ``\\r`` turned into ``\\n``, and its map back."""
    end = len(source) if end is None else end
    builder = ShownTextBuilder(source)
    position = start
    while position < end:
        carriage = source.find("\r", position, end)
        if carriage < 0:
            builder.copy(position, end)
            break
        builder.copy(position, carriage)
        builder.replace("\n", carriage)
        position = carriage + (2 if source.startswith("\r\n", carriage) else 1)
    return builder.build()
