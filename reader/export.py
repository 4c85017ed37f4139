"""Take highlights and notes elsewhere: Markdown, W3C Web Annotation JSON, YAML, CSV, HTML.

The export is built once as an :class:`ExportDocument` (highlights joined with
what the analysis knows: paragraph, quote, speaker, role) and then rendered,
so every format carries the same facts. Markdown is for people and note apps
(Obsidian, GitHub: YAML front matter, links back into web pages); JSON follows
the W3C Web Annotation data model so that other annotation tools can read it;
YAML is the same data as the JSON; CSV is one row per highlight for Readwise
and spreadsheets (:mod:`reader.export_csv`); HTML is one self-contained page of
the annotated article (:mod:`reader.export_html`).

Excerpts (a highlight's words, a statement's words) are shown with balanced
quotation marks: a highlight that cuts through a quotation gets the missing
mark back, and a partial quote inside a reported statement is shown once, as
part of that statement (``Statement.within``). A position made inside quoted words
(``Statement.in_quote``: ``"I think the deal is dead," Smith said``) is listed under its
holder in plain words, noting the quote it lies in; its words are exported once as a quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote as percent_encode

from reader import __version__
from reader.analysis.model import Actor, Analysis, Statement, position_group
from reader.analysis.quotes import Quotation, scan_quotations
from reader.corrections import CorrectionReport
from reader.errors import BylineError
from reader.fileio import atomic_write_text, check_output_path
from reader.notes import DEFAULT_TAG, Highlight, NoteStore, content_hash, now_iso
from reader.paths import exports_dir
from reader.safe_text import json_dumps_inert
from reader.safe_yaml import dump_yaml_inert
from reader.sources.article import Article
from reader.sources.structure import detect_structure

if TYPE_CHECKING:
    from reader.theming.model import ReaderTheme

ExportFormat = Literal["md", "json", "yaml", "csv", "html"]
FORMATS: tuple[ExportFormat, ...] = ("md", "json", "yaml", "csv", "html")
EXTENSIONS: dict[ExportFormat, str] = {
    "md": ".md", "json": ".json", "yaml": ".yaml", "csv": ".csv", "html": ".html"
}
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

    An :class:`Article` carries them already (``article.structure``, whose ``number_of`` gives the
    ``¶N`` every part of Byline shows); this is for callers that only have the text.
    """
    return list(detect_structure(text).starts)


def paragraph_number(starts: Sequence[int], offset: int) -> int:
    """The 1-based number of the paragraph holding ``offset`` (``TextStructure.number_of``'s rule)."""
    return max(1, bisect.bisect_right(starts, offset))


# -- excerpts with balanced quotation marks ----------------------------------------------------------

ELLIPSIS = "…"


def _mark_at(text: str, offset: int, *, closing: bool) -> str:
    """The quotation mark at ``offset`` (``''`` and ``` `` ``` are two characters)."""
    pair = text[offset - 2 : offset] if closing else text[offset : offset + 2]
    if pair in ("''", "``"):
        return pair
    return text[offset - 1] if closing else text[offset]


def balanced_excerpt(text: str, start: int, end: int, quotations: Sequence[Quotation]) -> str:
    """``text[start:end]`` (without surrounding whitespace) with every quotation it cuts through
    closed again.

    A span that starts inside a quotation gets its opening mark (and ``…`` when words are left
    out) in front; one that ends inside gets ``…`` and the closing mark after. ``quotations``
    are the article's quotations (:func:`reader.analysis.quotes.scan_quotations`); an unclosed
    one is left as the text has it.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    prefix = suffix = ""
    # Top-level quotations do not overlap: the ones touching [start, end) follow the last one that
    # opens at or before start.
    first_index = max(0, bisect.bisect_right(quotations, start, key=lambda q: q.start) - 1)
    for quotation in quotations[first_index:]:
        if quotation.start >= end:
            break
        if not quotation.closed or quotation.end <= start:
            continue
        first = quotation.parts[0].start if quotation.parts else quotation.start + 1
        last = quotation.parts[-1].end if quotation.parts else quotation.end - 1
        if quotation.start < start < quotation.end:
            gap = ELLIPSIS if text[first:start].strip() else ""
            prefix = _mark_at(text, quotation.start, closing=False) + gap
        if quotation.start < end < quotation.end:
            gap = ELLIPSIS if text[end:last].strip() else ""
            suffix = gap + _mark_at(text, quotation.end, closing=True)
    return prefix + text[start:end] + suffix


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
    excerpt: str = ""
    """The words as exported: ``text`` with balanced quotation marks (``text`` for orphans)."""

    @property
    def tag(self) -> str | None:
        """The highlight's tag (colour name); ``None`` for a detected quote."""
        return self.highlight.tag if self.highlight else None

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
    quotations: list[Quotation] = field(default_factory=list)
    # What the reader's corrections of the analysis did (the analysis above is already corrected).
    corrections: CorrectionReport | None = None
    _partials_by_outer: dict[int, list[Statement]] | None = field(default=None, repr=False)
    _index_of: dict[int, int] = field(default_factory=dict, repr=False)

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
        """The ``¶N`` of ``offset``: the article's one paragraph rule (``Article.structure``)."""
        return self.article.structure.number_of(offset)

    def excerpt(self, start: int, end: int) -> str:
        """``text[start:end]`` with balanced quotation marks (see :func:`balanced_excerpt`)."""
        return balanced_excerpt(self.article.text, start, end, self.quotations)

    def statement_span(self, statement: Statement) -> tuple[int, int]:
        """Where a statement is exported: a reported statement grows to take in the whole of any
        partial quote inside it (``within``), so its quotation marks come in pairs."""
        start, end = statement.start, statement.end
        for partial in self.partial_quotes(statement):
            start, end = min(start, partial.start), max(end, partial.end)
        return start, end

    def _partials(self) -> dict[int, list[Statement]]:
        """Partial quotes by the index of their reported statement (worked out once per document)."""
        if self._partials_by_outer is None:
            self._partials_by_outer = {}
            statements = self.analysis.statements if self.analysis else []
            for statement in statements:
                if statement.within is not None and 0 <= statement.within < len(statements):
                    self._partials_by_outer.setdefault(statement.within, []).append(statement)
            self._index_of = {id(statement): index for index, statement in enumerate(statements)}
        return self._partials_by_outer

    def partial_quotes(self, statement: Statement) -> list[Statement]:
        """The direct quotes whose ``within`` is ``statement`` (none unless it is reported)."""
        if statement.kind != "reported":
            return []
        partials = self._partials()
        index = self._index_of.get(id(statement))
        return list(partials.get(index, [])) if index is not None else []

    def shown_elsewhere(self, statement: Statement, listed: Sequence[Statement]) -> bool:
        """Whether ``statement`` is a partial quote whose reported statement is in ``listed``
        (it is then exported once, as part of that statement)."""
        analysis = self.analysis
        if analysis is None or statement.within is None:
            return False
        if not 0 <= statement.within < len(analysis.statements):
            return False
        outer = analysis.statements[statement.within]
        return any(other is outer for other in listed)

    def quoted_in(self, statement: Statement) -> Statement | None:
        """The direct statement whose quoted words hold a reported ``statement`` (``in_quote``), if any."""
        analysis = self.analysis
        if analysis is None or statement.in_quote is None:
            return None
        if not 0 <= statement.in_quote < len(analysis.statements):
            return None
        return analysis.statements[statement.in_quote]

    def statement_excerpt(self, statement: Statement) -> str:
        """A statement's words as exported: balanced quotation marks, except for a position made inside
        quoted words (``in_quote``), which is the holder's position in plain words (its quotation is
        exported with its own speaker), so that no pair of marks is cut or doubled."""
        if self.quoted_in(statement) is not None:
            return " ".join(statement.text.split())
        start, end = self.statement_span(statement)
        return self.excerpt(start, end)

    def positions(self, actor: Actor) -> list[Statement]:
        """An actor's statements in text order, each partial quote shown once inside its statement."""
        assert self.analysis is not None
        statements = self.analysis.positions(actor.id)
        if not any(s.within is not None for s in statements):
            return statements
        return [s for s in statements if not self.shown_elsewhere(s, statements)]


class StatementIndex:
    """Statements sorted by start with the furthest end so far, to find those overlapping a span by
    bisection (as the reader's ``RunIndex``): a long report's highlights do not each scan them all."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        order = sorted(range(len(statements)), key=lambda i: statements[i].start)
        self.statements = [statements[i] for i in order]
        self.positions = order  # each one's place in ``statements``: ties go as a scan would
        self.reach: list[int] = []
        furthest = -1
        for statement in self.statements:
            furthest = max(furthest, statement.end)
            self.reach.append(furthest)

    def overlapping(self, start: int, end: int) -> list[Statement]:
        """The statements sharing a character with ``[start, end)``, in their original order."""
        index = bisect.bisect_right(self.reach, start)
        found: list[tuple[int, Statement]] = []
        while index < len(self.statements) and self.statements[index].start < end:
            if self.statements[index].end > start:
                found.append((self.positions[index], self.statements[index]))
            index += 1
        return [statement for _, statement in sorted(found, key=lambda pair: pair[0])]


def matching_quote(
    analysis: Analysis | None, start: int, end: int, index: StatementIndex | None = None
) -> Statement | None:
    """The detected quote a highlight is about: the one it overlaps most (direct wins a tie).

    ``index`` (of ``analysis.statements``) makes it a bisection instead of a scan."""
    if analysis is None:
        return None
    best: tuple[tuple[int, int], Statement] | None = None
    candidates = index.overlapping(start, end) if index is not None else analysis.statements
    for quote in candidates:
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
    tags: Sequence[str] = (),
    corrections: CorrectionReport | None = None,
) -> ExportDocument:
    """Join highlights with the analysis; with ``all_quotes`` add every detected quote not highlighted.

    ``tags`` keeps only the highlights with one of those tags (and then no detected quotes, which
    have no tag). A partial quote (``within``) is added only when its reported statement is not
    exported already: the two are one excerpt. ``corrections`` is the report of the corrections
    already applied to ``analysis`` (:func:`reader.corrections.apply_corrections`): the export
    lists them, orphaned ones too.
    """
    document = ExportDocument(article, analysis, corrections=corrections)
    document.quotations = scan_quotations(article.text, article.structure.paragraphs)
    if tags:
        highlights = [h for h in highlights if h.tag in tags]
        all_quotes = False
    statement_index = StatementIndex(analysis.statements) if analysis is not None else None
    for highlight in highlights:
        if highlight.orphaned:
            item = ExportItem(highlight.start, highlight.end, highlight.exact, None, highlight,
                              excerpt=highlight.exact)
            document.items.append(item)
            continue
        quote = matching_quote(analysis, highlight.start, highlight.end, statement_index)
        document.items.append(
            ExportItem(
                highlight.start,
                highlight.end,
                highlight.exact,
                document.paragraph_of(highlight.start),
                highlight,
                quote,
                analysis.actor(quote.actor) if analysis and quote else None,
                excerpt=document.excerpt(highlight.start, highlight.end),
            )
        )
    if all_quotes and analysis is not None:
        covered = {id(item.quote) for item in document.items if item.quote is not None}
        for quote in analysis.statements:
            # A partial quote is shown inside its reported statement (which is in this list); a
            # position made inside quoted words is in its quotation's item.
            if id(quote) in covered or (quote.within is not None
                                        and 0 <= quote.within < len(analysis.statements)):
                continue
            if document.quoted_in(quote) is not None:
                continue
            start, end = document.statement_span(quote)
            document.items.append(
                ExportItem(
                    start,
                    end,
                    article.text[start:end],
                    document.paragraph_of(start),
                    None,
                    quote,
                    analysis.actor(quote.actor),
                    excerpt=document.excerpt(start, end),
                )
            )
    document.items.sort(key=lambda item: (item.orphaned, item.start, item.end))
    return document


def export_from_store(
    article: Article, analysis: Analysis | None, store: NoteStore, *, all_quotes: bool = False
) -> ExportDocument:
    return build_export(article, analysis, store.highlights, all_quotes=all_quotes)


# -- links back into the source ----------------------------------------------------------------------

FRAGMENT_WORDS = 4
"""Words at each end of a long passage in a ``textStart,textEnd`` text fragment."""
FRAGMENT_WHOLE = 60
"""Passages up to this many characters are put whole into a text fragment."""


def fragment_encode(text: str) -> str:
    """Percent-encode one term of a text directive: everything but unreserved characters, and
    ``-`` too, which the directive's syntax uses (as ``,`` and ``&``)."""
    return percent_encode(text, safe="").replace("-", "%2D")


def text_fragment_url(url: str, passage: str) -> str:
    """``url`` with a text fragment (``#:~:text=``, WICG Scroll To Text Fragment) that finds
    ``passage`` in the page: the whole passage when short, else ``textStart,textEnd`` from its
    first and last words. An existing ``#fragment`` is kept before the directive."""
    words = passage.split()
    if not words:
        return url
    flat = " ".join(words)
    if len(flat) <= FRAGMENT_WHOLE or len(words) <= 2 * FRAGMENT_WORDS:
        directive = fragment_encode(flat)
    else:
        head, tail = words[:FRAGMENT_WORDS], words[-FRAGMENT_WORDS:]
        directive = fragment_encode(" ".join(head)) + "," + fragment_encode(" ".join(tail))
    joiner = ":~:" if "#" in url else "#:~:"
    return f"{url}{joiner}text={directive}"


def web_url(article: Article) -> str | None:
    """The article's web address (an ``http(s)`` source, or the ``url`` its metadata states)."""
    source = article.source or ""
    if source.startswith(("http://", "https://")):
        return source
    stated = article.metadata.get("url")
    if isinstance(stated, str) and stated.startswith(("http://", "https://")):
        return stated
    return None


def passage_link(document: ExportDocument, item: ExportItem) -> str | None:
    """A link that opens the source at ``item``'s words: a text fragment for web sources."""
    url = web_url(document.article)
    if url is None or item.orphaned:
        return None
    return text_fragment_url(url, item.text)


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
    elif item.tag != DEFAULT_TAG:
        parts.append(f"tag {markdown_escape(item.tag or '')}")
    return " · ".join(parts)


def _markdown_link(url: str) -> str:
    """``url`` as a Markdown link destination: in angle brackets, so spaces and parentheses are fine."""
    return "<" + url.replace("<", "%3C").replace(">", "%3E").replace("\n", "%0A") + ">"


def _markdown_item(item: ExportItem, document: ExportDocument) -> list[str]:
    lines = [f"### {_item_heading(item)}", "", _blockquote(item.excerpt or item.text), ""]
    link = passage_link(document, item)
    if link:
        lines += [f"[Open in the source]({_markdown_link(link)})", ""]
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
        statements = document.positions(actor)
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
        previous: Statement | None = None
        for quote in statements:
            start, _ = document.statement_span(quote)
            text = markdown_escape(" ".join(document.statement_excerpt(quote).split()))
            where = f"¶{document.paragraph_of(start)}"
            mark = f" (corrected: {markdown_escape(quote.corrected)})" if quote.corrected else ""
            inside = _inside_note(document, quote, previous)
            lines.append(f"- {where}, {kind_name(quote)}, {position_group(quote)}: {text}{inside}{mark}")
            previous = quote
        lines.append("")
    if silent:
        names = ", ".join(f"{markdown_escape(actor.name)} ({actor.kind})" for actor in silent)
        lines += [f"Also mentioned: {names}", ""]
    return lines


def _inside_note(document: ExportDocument, statement: Statement, previous: Statement | None) -> str:
    """`` (in the quote above)`` for a position made inside the quote listed just before it, `` (in
    Hale's quote, ¶2)`` for one inside someone else's quote, else nothing."""
    outer = document.quoted_in(statement)
    if outer is None:
        return ""
    if outer is previous:
        return " (in the quote above)"
    whose = f"{markdown_escape(outer.speaker)}'s quote" if outer.speaker else "a quote"
    return f" (in {whose}, ¶{document.paragraph_of(outer.start)})"


def front_matter(document: ExportDocument) -> dict[str, Any]:
    """The Markdown export's YAML front matter: what note apps (Obsidian, Logseq, Hugo) index.

    ``source`` is the web address, or the file as a ``file://`` URI (``-`` for standard input);
    ``tags`` are ``byline`` and one ``highlight/<tag>`` per highlight tag exported.
    """
    article = document.article
    tags = ["byline"]
    tags += sorted({f"highlight/{item.tag}" for item in document.items if item.tag})
    return {
        "title": document.title,
        "source": web_url(article) or article_uri(article),
        "author": article.author,
        "published": document.published,
        "tags": tags,
        "exported": now_iso(),
        "generator": f"Byline {__version__}",
    }


def to_markdown(document: ExportDocument) -> str:
    article = document.article
    lines = ["---", dump_yaml_inert(front_matter(document), sort_keys=False, width=1000).rstrip(), "---", ""]
    lines += [f"# {markdown_escape(document.title)}", ""]
    lines.append(f"- **Source:** {_code_span(article.source)}")
    if article.author:
        lines.append(f"- **Author:** {markdown_escape(article.author)}")
    lines.append(f"- **Published:** {markdown_escape(document.published or 'not stated')}")
    lines.append(f"- **Exported:** {now_iso()} by Byline {__version__}")
    lines += ["", "## Highlights", ""]
    if not document.anchored:
        lines += ["No highlights yet.", ""]
    for item in document.anchored:
        lines += _markdown_item(item, document)
    if document.orphans:
        lines += [
            "## Orphaned highlights",
            "",
            "The article changed and these passages could not be found in it any more.",
            "",
        ]
        for item in document.orphans:
            lines += _markdown_item(item, document)
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
                "format": "text/markdown",
                "purpose": "commenting",
            }
    else:
        annotation["motivation"] = "identifying"
        annotation["creator"] = {"type": "Software", "name": f"Byline {__version__} analysis"}
        if item.speaker:
            annotation["body"] = {"type": "TextualBody", "value": item.speaker, "purpose": "identifying"}
    annotation["target"] = {"source": article_uri(document.article), "selector": selectors}
    if item.highlight is not None and item.tag != DEFAULT_TAG:
        # Web Annotation's own way to tag: a TextualBody with purpose "tagging".
        tag_body = {"type": "TextualBody", "value": item.tag, "purpose": "tagging"}
        annotation["body"] = [annotation["body"], tag_body] if "body" in annotation else tag_body
    annotation["byline"] = {
        "kind": "highlight" if item.highlight else "detected-quote",
        "tag": item.tag,
        "excerpt": item.excerpt or item.text,
        "link": passage_link(document, item),
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
        "statements": [_statement_info(quote, document) for quote in document.positions(actor)],
    }


def _statement_info(quote: Statement, document: ExportDocument) -> dict[str, Any]:
    """One statement of an actor; a reported one carries its partial quotes (listed only here)."""
    start, _ = document.statement_span(quote)
    outer = document.quoted_in(quote)
    inside = {"in_quote": {"start": outer.start, "end": outer.end, "text": outer.text,
                           "speaker": outer.speaker}} if outer is not None else {}
    return {
        "kind": quote.kind,
        "text": quote.text,
        "excerpt": document.statement_excerpt(quote),
        "paragraph": document.paragraph_of(start),
        "start": quote.start,
        "end": quote.end,
        "partial_quotes": [
            {"start": partial.start, "end": partial.end, "text": partial.text}
            for partial in document.partial_quotes(quote)
        ],
        **inside,
        **_position_info(quote),
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


def to_csv(document: ExportDocument) -> str:
    from reader.export_csv import to_csv as render_csv

    return render_csv(document)


def to_html(document: ExportDocument, theme: ReaderTheme | None = None) -> str:
    """The self-contained HTML page, in ``theme``'s colours (the configured theme when ``None``)."""
    from reader.export_html import to_html as render_html

    return render_html(document, theme)


RENDERERS = {"md": to_markdown, "json": to_json, "yaml": to_yaml, "csv": to_csv, "html": to_html}


def render(document: ExportDocument, fmt: ExportFormat, *, theme: ReaderTheme | None = None) -> str:
    """``document`` in format ``fmt``; ``theme`` colours the HTML page (ignored by the others)."""
    if fmt not in RENDERERS:
        raise BylineError(f"unknown export format {fmt!r} (choose one of: {', '.join(FORMATS)})")
    if fmt == "html":
        return to_html(document, theme)
    return RENDERERS[fmt](document)


# -- files -------------------------------------------------------------------------------------------


def format_for_path(path: Path, default: ExportFormat = "md") -> ExportFormat:
    """The format a file name asks for (``.md``, ``.json``, ``.yaml``/``.yml``, ``.csv``, ``.html``)."""
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in (".html", ".htm"):
        return "html"
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    if suffix in (".md", ".markdown"):
        return "md"
    return default


_UNSAFE_NAME = re.compile(r"[^\w.-]+")


def export_stem(article: Article) -> str:
    """A file name stem for the article's export: the file's stem, a URL's last path segment (or
    its host), ``article`` for standard input; only letters, digits, ``.``, ``-`` and ``_``."""
    source = article.source or ""
    if "://" in source:
        rest = source.split("://", 1)[1].split("#", 1)[0].split("?", 1)[0].rstrip("/")
        name = rest.rsplit("/", 1)[-1] if "/" in rest else rest
        name = name.rsplit(".", 1)[0] if "." in name and "/" in rest else name
    elif source and source != "-":
        name = Path(source).stem
    else:
        name = "article"
    cleaned = _UNSAFE_NAME.sub("-", name).strip(".-")[:80]
    return cleaned or "article"


def default_export_path(article: Article, fmt: ExportFormat = "md") -> Path:
    """``<exports dir>/<article>.notes.<ext>`` (:func:`reader.paths.exports_dir`, ``~/Documents/Byline``).

    Never beside the article: that may be a bundled sample inside the installed package, a
    read-only folder, or a folder of articles.
    """
    return exports_dir() / f"{export_stem(article)}.notes{EXTENSIONS[fmt]}"


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
    if parent == exports_dir() and not parent.exists():
        try:
            parent.mkdir(parents=True)  # Byline's own exports folder is made on first use
        except OSError as error:
            raise BylineError(f"{path}: cannot write: {error.strerror or error}") from None
    if not parent.is_dir():
        problem = "is not a directory" if parent.exists() else "does not exist"
        raise BylineError(f"{path}: cannot write: {parent} {problem}")
    check_output_path(path, protected=protected, force=force)
    try:
        atomic_write_text(path, text, new_mode=0o666)
    except OSError as error:
        raise BylineError(f"{path}: cannot write: {error.strerror or error}") from None
