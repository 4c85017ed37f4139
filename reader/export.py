"""Take highlights and notes elsewhere: Markdown, W3C Web Annotation JSON, YAML.

The export is built once as an :class:`ExportDocument` (highlights joined with
what the analysis knows: paragraph, quote, speaker, role) and then rendered,
so the three formats always carry the same facts. Markdown is for people
(Obsidian, GitHub); JSON follows the W3C Web Annotation data model so that
other annotation tools can read it; YAML is the same data as the JSON.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reader import __version__
from reader.analysis.model import Actor, Analysis, Statement, position_group
from reader.corrections import CorrectionReport
from reader.errors import BylineError
from reader.fileio import atomic_write_text, check_output_path
from reader.notes import Highlight, NoteStore, content_hash, now_iso
from reader.safe_text import json_dumps_inert
from reader.safe_yaml import dump_yaml_inert
from reader.sources.article import Article
from reader.sources.structure import detect_structure

ExportFormat = Literal["md", "json", "yaml"]
FORMATS: tuple[ExportFormat, ...] = ("md", "json", "yaml")
EXTENSIONS: dict[ExportFormat, str] = {"md": ".md", "json": ".json", "yaml": ".yaml"}
ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
KIND_NAMES = {"direct": "direct quote", "reported": "reported speech"}


def kind_name(statement: Statement) -> str:
    """``direct quote``, ``reported speech``, or for other reported positions ``reported belief``,
    ``reported intention``, ``reported stance``, ``reported evidence``."""
    if statement.kind == "reported" and statement.frame not in (None, "speech"):
        return f"reported {statement.frame}"
    return KIND_NAMES.get(statement.kind, statement.kind)


# -- paragraphs ------------------------------------------------------------------------------------


def paragraph_starts(text: str) -> list[int]:
    """Offsets where paragraphs begin: the reader's paragraphs (:mod:`reader.sources.structure`).

    An :class:`Article` carries them already (``article.structure.starts``); this is for callers
    that only have the text.
    """
    return list(detect_structure(text).starts)


def paragraph_number(starts: list[int], offset: int) -> int:
    """The 1-based number of the paragraph holding ``offset``."""
    return max(1, bisect.bisect_right(starts, offset))


# -- the document ----------------------------------------------------------------------------------


@dataclass(slots=True)
class ExportItem:
    """One highlight (or, with ``--all-quotes``, one detected quote) ready to render."""

    start: int
    end: int
    text: str
    paragraph: int | None
    highlight: Highlight | None = None
    quote: Statement | None = None
    actor: Actor | None = None

    @property
    def note(self) -> str:
        return self.highlight.note if self.highlight else ""

    @property
    def orphaned(self) -> bool:
        return bool(self.highlight and self.highlight.orphaned)

    @property
    def speaker(self) -> str | None:
        if self.actor is not None:
            return self.actor.name
        return self.quote.speaker if self.quote else None

    @property
    def role(self) -> str | None:
        return self.actor.roles[0] if self.actor and self.actor.roles else None


@dataclass(slots=True)
class ExportDocument:
    article: Article
    analysis: Analysis | None
    items: list[ExportItem] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)
    # What the reader's corrections of the analysis did (the analysis above is already corrected).
    corrections: CorrectionReport | None = None

    @property
    def title(self) -> str:
        title = self.article.title or (self.analysis.title if self.analysis else None)
        if title:
            return title
        source = self.article.source
        if not source or source == "-":
            return "Article from standard input"
        return source if "://" in source else Path(source).name

    @property
    def published(self) -> str | None:
        return self.article.published or (self.analysis.published if self.analysis else None)

    @property
    def anchored(self) -> list[ExportItem]:
        return [item for item in self.items if not item.orphaned]

    @property
    def orphans(self) -> list[ExportItem]:
        return [item for item in self.items if item.orphaned]

    def paragraph_of(self, offset: int) -> int:
        return paragraph_number(self.paragraphs, offset)


def matching_quote(analysis: Analysis | None, start: int, end: int) -> Statement | None:
    """The detected quote a highlight is about: the one it overlaps most (direct wins a tie)."""
    if analysis is None:
        return None
    best: tuple[tuple[int, int], Statement] | None = None
    for quote in analysis.statements:
        overlap = min(end, quote.end) - max(start, quote.start)
        if overlap <= 0:
            continue
        # A word inside a quote, or a sentence around it, is "about" the quote; a brush past its edge is not.
        if overlap * 2 < min(end - start, quote.end - quote.start):
            continue
        score = (overlap, 1 if quote.kind == "direct" else 0)
        if best is None or score > best[0]:
            best = (score, quote)
    return best[1] if best else None


def build_export(
    article: Article,
    analysis: Analysis | None,
    highlights: list[Highlight],
    *,
    all_quotes: bool = False,
    corrections: CorrectionReport | None = None,
) -> ExportDocument:
    """Join highlights with the analysis; with ``all_quotes`` add every detected quote not highlighted.

    ``corrections`` is the report of the corrections already applied to ``analysis``
    (:func:`reader.corrections.apply_corrections`): the export lists them, orphaned ones too."""
    document = ExportDocument(article, analysis, paragraphs=list(article.structure.starts),
                              corrections=corrections)
    for highlight in highlights:
        if highlight.orphaned:
            item = ExportItem(highlight.start, highlight.end, highlight.exact, None, highlight)
            document.items.append(item)
            continue
        quote = matching_quote(analysis, highlight.start, highlight.end)
        document.items.append(
            ExportItem(
                highlight.start,
                highlight.end,
                highlight.exact,
                document.paragraph_of(highlight.start),
                highlight,
                quote,
                analysis.actor(quote.actor) if analysis and quote else None,
            )
        )
    if all_quotes and analysis is not None:
        covered = {id(item.quote) for item in document.items if item.quote is not None}
        for quote in analysis.statements:
            # A partial quote is exported once, as part of the reported statement it lies in.
            if id(quote) not in covered and quote.within is None:
                document.items.append(
                    ExportItem(
                        quote.start,
                        quote.end,
                        quote.text,
                        document.paragraph_of(quote.start),
                        None,
                        quote,
                        analysis.actor(quote.actor),
                    )
                )
    document.items.sort(key=lambda item: (item.orphaned, item.start, item.end))
    return document


def export_from_store(
    article: Article, analysis: Analysis | None, store: NoteStore, *, all_quotes: bool = False
) -> ExportDocument:
    return build_export(article, analysis, store.highlights, all_quotes=all_quotes)


# -- Markdown ----------------------------------------------------------------------------------------

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_MD_LINE_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])", re.MULTILINE)


def markdown_escape(text: str) -> str:
    """Article text as literal Markdown: no emphasis, links, HTML or headings sneak in."""
    escaped = _MD_SPECIAL.sub(r"\\\1", text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def _code_span(text: str) -> str:
    """Inline code that survives backticks in ``text`` (paths and URLs read best verbatim)."""
    fence = "`"
    while fence in text:
        fence += "`"
    padding = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{padding}{text}{padding}{fence}"


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}".rstrip() for line in markdown_escape(text.strip()).splitlines())


def _item_heading(item: ExportItem) -> str:
    parts = [f"¶{item.paragraph}" if item.paragraph else "Orphaned"]
    if item.quote is not None:
        who = item.speaker or "unattributed"
        if item.role:
            who += f", {item.role}"
        parts.append(f"{markdown_escape(who)} ({kind_name(item.quote)})")
        parts.append(position_group(item.quote))
        if item.quote.how in ("inherited", "pronoun"):
            parts.append(f"speaker {item.quote.how}, confidence {item.quote.confidence or 0:.2f}")
        if item.quote.corrected:
            parts.append(f"corrected: {markdown_escape(item.quote.corrected)}")
    if item.highlight is None:
        parts.append("detected, not highlighted")
    return " · ".join(parts)


def _markdown_item(item: ExportItem) -> list[str]:
    lines = [f"### {_item_heading(item)}", "", _blockquote(item.text), ""]
    if item.note.strip():
        lines += [item.note.strip(), ""]
    return lines


def _markdown_actors(document: ExportDocument) -> list[str]:
    analysis = document.analysis
    if analysis is None or not analysis.actors:
        return []
    lines = ["## Actors and positions", ""]
    silent: list[Actor] = []
    for actor in analysis.actors:
        statements = analysis.positions(actor.id)
        if not statements:
            silent.append(actor)
            continue
        lines.append(f"### {markdown_escape(actor.name)}")
        lines.append("")
        details = [f"*{markdown_escape(role)}*" for role in actor.roles[:1]]
        if actor.affiliation:
            details.append(markdown_escape(actor.affiliation))
        details.append(f"{actor.kind}, {actor.mentions} mention{'s' if actor.mentions != 1 else ''}")
        if actor.corrected:
            details.append(f"corrected: {markdown_escape(actor.corrected)}")
        lines += [" · ".join(details), ""]
        for quote in statements:
            text = markdown_escape(" ".join(quote.text.split()))
            where = f"¶{document.paragraph_of(quote.start)}"
            mark = f" (corrected: {markdown_escape(quote.corrected)})" if quote.corrected else ""
            lines.append(f"- {where}, {kind_name(quote)}, {position_group(quote)}: {text}{mark}")
        lines.append("")
    if silent:
        names = ", ".join(f"{markdown_escape(actor.name)} ({actor.kind})" for actor in silent)
        lines += [f"Also mentioned: {names}", ""]
    return lines


def to_markdown(document: ExportDocument) -> str:
    article = document.article
    lines = [f"# {markdown_escape(document.title)}", ""]
    lines.append(f"- **Source:** {_code_span(article.source)}")
    if article.author:
        lines.append(f"- **Author:** {markdown_escape(article.author)}")
    lines.append(f"- **Published:** {markdown_escape(document.published or 'not stated')}")
    lines.append(f"- **Exported:** {now_iso()} by Byline {__version__}")
    lines += ["", "## Highlights", ""]
    if not document.anchored:
        lines += ["No highlights yet.", ""]
    for item in document.anchored:
        lines += _markdown_item(item)
    if document.orphans:
        lines += [
            "## Orphaned highlights",
            "",
            "The article changed and these passages could not be found in it any more.",
            "",
        ]
        for item in document.orphans:
            lines += _markdown_item(item)
    lines += _markdown_actors(document)
    lines += _markdown_corrections(document.corrections)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_corrections(report: CorrectionReport | None) -> list[str]:
    """``## Corrections of the analysis``: each correction the reader made, orphaned ones marked."""
    if report is None or not report.count:
        return []
    lines = ["## Corrections of the analysis", ""]
    for correction in [*report.applied, *report.idle]:
        lines.append(f"- {markdown_escape(correction.describe())}")
    for correction, reason in report.orphaned:
        lines.append(f"- {markdown_escape(correction.describe())} (orphaned: {markdown_escape(reason)})")
    return [*lines, ""]


def _corrections_info(report: CorrectionReport | None) -> list[dict[str, Any]]:
    if report is None:
        return []
    entries = [{**c.to_dict(), "status": "applied"} for c in report.applied]
    entries += [{**c.to_dict(), "status": "idle"} for c in report.idle]
    entries += [{**c.to_dict(), "status": "orphaned", "reason": reason} for c, reason in report.orphaned]
    return entries


# -- W3C Web Annotation (JSON and YAML) ----------------------------------------------------------------


def article_uri(article: Article) -> str:
    """The annotation target: a ``file://`` URI for files, the URL or ``-`` otherwise."""
    source = article.source
    if not source or source == "-" or "://" in source:
        return source or "-"
    try:
        # No expanduser: a source is a path as given (the shell already expanded a "~"), and a file
        # may well be named "~draft.txt".
        return Path(source).resolve().as_uri()
    except (OSError, ValueError, RuntimeError):  # a name no file system accepts (a NUL byte): as given
        return source


def _quote_info(item: ExportItem) -> dict[str, Any] | None:
    if item.quote is None:
        return None
    return {
        "kind": item.quote.kind,
        "speaker": item.speaker,
        "role": item.role,
        "actor": item.quote.actor,
        "cue": item.quote.cue.text if item.quote.cue else None,
        "how": item.quote.how,
        "confidence": item.quote.confidence,
        "start": item.quote.start,
        "end": item.quote.end,
        **_position_info(item.quote),
    }


def _position_info(statement: Statement) -> dict[str, Any]:
    """The statement's frame, the reader's word for it, its cue lemma, stance and target text."""
    return {
        "frame": statement.frame,
        "position": position_group(statement),
        "cue_lemma": statement.cue_lemma,
        "stance": statement.stance,
        "target": statement.target.text if statement.target else None,
        **({"corrected": statement.corrected} if statement.corrected else {}),
    }


def _annotation(item: ExportItem, document: ExportDocument, digest: str) -> dict[str, Any]:
    text = document.article.text
    quote_selector: dict[str, Any] = {"type": "TextQuoteSelector", "exact": item.text}
    if item.highlight is not None:
        quote_selector["prefix"] = item.highlight.prefix
        quote_selector["suffix"] = item.highlight.suffix
    else:
        quote_selector["prefix"] = text[max(0, item.start - 32) : item.start]
        quote_selector["suffix"] = text[item.end : item.end + 32]
    selectors: list[dict[str, Any]] = [quote_selector]
    if not item.orphaned:
        selectors.append({"type": "TextPositionSelector", "start": item.start, "end": item.end})
    annotation: dict[str, Any] = {
        "id": (
            f"urn:uuid:{item.highlight.id}"
            if item.highlight
            else f"urn:byline:quote:{digest[:16]}:{item.start}-{item.end}"
        ),
        "type": "Annotation",
    }
    if item.highlight is not None:
        annotation["motivation"] = "commenting" if item.note.strip() else "highlighting"
        annotation["created"] = item.highlight.created
        annotation["modified"] = item.highlight.modified
        if item.note.strip():
            annotation["body"] = {
                "type": "TextualBody",
                "value": item.note,
                "format": "text/plain",
                "purpose": "commenting",
            }
    else:
        annotation["motivation"] = "identifying"
        annotation["creator"] = {"type": "Software", "name": f"Byline {__version__} analysis"}
        if item.speaker:
            annotation["body"] = {"type": "TextualBody", "value": item.speaker, "purpose": "identifying"}
    annotation["target"] = {"source": article_uri(document.article), "selector": selectors}
    annotation["byline"] = {
        "kind": "highlight" if item.highlight else "detected-quote",
        "paragraph": item.paragraph,
        "orphaned": item.orphaned,
        "quote": _quote_info(item),
    }
    return annotation


def _actor_info(actor: Actor, document: ExportDocument) -> dict[str, Any]:
    analysis = document.analysis
    assert analysis is not None
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "roles": list(actor.roles),
        "affiliation": actor.affiliation,
        "mentions": actor.mentions,
        **({"corrected": actor.corrected} if actor.corrected else {}),
        "statements": [
            {
                "kind": quote.kind,
                "text": quote.text,
                "paragraph": document.paragraph_of(quote.start),
                "start": quote.start,
                "end": quote.end,
                **_position_info(quote),
            }
            for quote in analysis.positions(actor.id)
        ],
    }


def to_annotations(document: ExportDocument) -> dict[str, Any]:
    """An ``AnnotationCollection`` holding one Web Annotation per item, plus the article's metadata."""
    article = document.article
    digest = content_hash(article.text)
    items = [_annotation(item, document, digest) for item in document.items]
    return {
        "@context": ANNOTATION_CONTEXT,
        "id": f"urn:byline:notes:{digest}",
        "type": "AnnotationCollection",
        "label": f"Highlights and notes: {document.title}",
        "generator": {"type": "Software", "name": f"Byline {__version__}"},
        "generated": now_iso(),
        "total": len(items),
        "byline": {
            "article": {
                "source": article.source,
                "uri": article_uri(article),
                "title": document.title,
                "author": article.author,
                "published": document.published,
                "content_hash": f"sha256:{digest}",
                "characters": len(article.text),
            },
            "actors": (
                [_actor_info(actor, document) for actor in document.analysis.actors]
                if document.analysis
                else []
            ),
            **({"corrections": _corrections_info(document.corrections)} if document.corrections else {}),
        },
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }


def to_json(document: ExportDocument) -> str:
    return json_dumps_inert(to_annotations(document), indent=2) + "\n"


def to_yaml(document: ExportDocument) -> str:
    return dump_yaml_inert(to_annotations(document), sort_keys=False, width=100)


RENDERERS = {"md": to_markdown, "json": to_json, "yaml": to_yaml}


def render(document: ExportDocument, fmt: ExportFormat) -> str:
    if fmt not in RENDERERS:
        raise BylineError(f"unknown export format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    return RENDERERS[fmt](document)


# -- files -------------------------------------------------------------------------------------------


def format_for_path(path: Path, default: ExportFormat = "md") -> ExportFormat:
    """The format a file name asks for (``.md``, ``.json``, ``.yaml``/``.yml``)."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    if suffix in (".md", ".markdown"):
        return "md"
    return default


def default_export_path(article: Article, fmt: ExportFormat = "md") -> Path:
    """``<article>.notes.md`` beside the article file; in the working directory for stdin and URLs."""
    extension = EXTENSIONS[fmt]
    source = article.source
    if source and source != "-" and "://" not in source:
        path = Path(source).expanduser()
        return path.with_name(f"{path.stem}.notes{extension}")
    return Path.cwd() / f"article.notes{extension}"


def article_file(article: Article) -> Path | None:
    """The file an article was read from (``None`` for standard input and URLs)."""
    source = article.source
    if not source or source == "-" or "://" in source:
        return None
    return Path(source).expanduser()


def write_export(text: str, path: Path, *, protected: Sequence[Path] = (), force: bool = False) -> None:
    """Write an export atomically; any problem is one :class:`BylineError` line naming the path.

    ``protected`` files (the article being exported) are never overwritten; an existing file is
    only with ``force``. A symlink's target, a device or a FIFO is written through
    (:mod:`reader.fileio`); an existing file keeps its mode and a new one follows the umask.
    """
    path = Path(path).expanduser()
    if path.is_dir():
        raise BylineError(f"{path}: is a directory; give a file name to export to")
    parent = path.parent
    if not parent.is_dir():
        problem = "is not a directory" if parent.exists() else "does not exist"
        raise BylineError(f"{path}: cannot write: {parent} {problem}")
    check_output_path(path, protected=protected, force=force)
    try:
        atomic_write_text(path, text, new_mode=0o666)
    except OSError as error:
        raise BylineError(f"{path}: cannot write: {error.strerror or error}") from None
