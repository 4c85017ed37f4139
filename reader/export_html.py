"""The HTML export: the annotated article as one self-contained page to share.

``byline export FILE --format html`` writes one file that needs nothing else: no script, no
network, no external asset (a Content-Security-Policy says so to the browser too), the CSS
inline in a ``<style>`` element. It shows:

* the article, paragraph by paragraph, with the reader's layers (entities by label, direct
  quotes and reported statements, speakers and cues, dates, the reader's highlights in their tag
  colours and the note marker), each stretch drawn with the style the reader composes for it from
  the same theme (:meth:`ReaderTheme.style`, later layers over earlier ones, as
  :mod:`reader.tui.highlights` draws them), mapped to CSS;
* the reader's highlights and notes in the margin, beside their paragraph;
* the actors-and-positions panel, linking to each statement in the text.

Every piece of outside text (the article, notes, names, the title) is escaped with
:func:`html.escape`; characters HTML cannot carry (NUL, other C0 and C1 controls, lone
surrogates) are shown as U+FFFD. CSS comes only from colours parsed from the theme, never from
text. Each styled stretch is a ``<span>`` with ``data-start``/``data-end`` (offsets into the
article text) and ``data-layers`` (its style keys); a highlight's stretches carry
``data-highlight`` (the highlight ids), so a test (or a script of the reader's own) can check
that the page shows exactly ``text[start:end]`` there.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from rich.color import Color
from rich.style import Style
from textual.color import Color as TextualColor
from textual.color import ColorParseError

from reader import __version__
from reader.analysis.model import position_group
from reader.export import ExportDocument, ExportItem, kind_name
from reader.notes import Highlight
from reader.theming.keys import STATEMENT_STYLES, tag_style
from reader.theming.model import ReaderTheme
from reader.tui.highlights import RunIndex, StyledRun, quote_runs, style_boundaries
from reader.tui.note_targets import note_marker

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; base-uri 'none'"
"""The page may load nothing at all: only its own inline CSS applies."""

_NOT_IN_HTML = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def html_text(text: str) -> str:
    """``text`` as the page shows it (before escaping): characters HTML cannot carry become U+FFFD.

    Tab, newline, form feed and carriage return stay (HTML treats them as white space)."""
    return _NOT_IN_HTML.sub("\ufffd", text)


def esc(text: str) -> str:
    """Outside text escaped for HTML text and for a double-quoted attribute value."""
    return html.escape(html_text(text), quote=True)


# -- theme styles as CSS -----------------------------------------------------------------------------


def css_colour(colour: Color | None, theme: ReaderTheme) -> str | None:
    """A Rich colour as ``#rrggbb`` (terminal colour names and numbers by the theme's mode)."""
    if colour is None or colour.is_default:
        return None
    return colour.get_truecolor(foreground=True).hex


def style_css(style: Style, theme: ReaderTheme) -> str:
    """One composed Rich style as CSS declarations (colour, background, bold, italic, underline,
    strike, dim, reverse)."""
    foreground, background = css_colour(style.color, theme), css_colour(style.bgcolor, theme)
    if style.reverse:
        foreground, background = background or "var(--bg)", foreground or "var(--fg)"
    declarations: list[str] = []
    if foreground:
        declarations.append(f"color:{foreground}")
    if background:
        declarations.append(f"background-color:{background}")
    if style.bold:
        declarations.append("font-weight:bold")
    if style.italic:
        declarations.append("font-style:italic")
    lines = [name for name, on in (("underline", style.underline), ("line-through", style.strike)) if on]
    if lines:
        declarations.append(f"text-decoration:{' '.join(lines)}")
    if style.dim:
        declarations.append("opacity:.7")
    return ";".join(declarations)


def base_colour(value: str, fallback: str) -> str:
    """A theme base colour (a CSS colour as Textual reads it) as ``#rrggbb``."""
    try:
        return TextualColor.parse(value).hex6
    except (ColorParseError, ValueError):
        return fallback


class StyleSheet:
    """One CSS class per distinct composed style, named ``s0``, ``s1`` ... in order of first use."""

    def __init__(self, theme: ReaderTheme) -> None:
        self.theme = theme
        self.classes: dict[str, str] = {}

    def class_for(self, keys: Iterable[str]) -> str:
        """The class of the style the reader draws for ``keys`` (in drawing order: later on top)."""
        style = Style.combine(self.theme.style(key) for key in keys)
        css = style_css(style, self.theme)
        if css not in self.classes:
            self.classes[css] = f"s{len(self.classes)}"
        return self.classes[css]

    def css(self) -> str:
        return "\n".join(f".{name}{{{css}}}" for css, name in self.classes.items())


# -- the layers --------------------------------------------------------------------------------------


def layer_runs(document: ExportDocument) -> list[StyledRun]:
    """Every styled stretch, in the reader's drawing order: entities, statements, dates, each
    statement's speaker and cue, then the reader's highlights (tag colour) with the note marker."""
    runs: list[StyledRun] = []
    analysis = document.analysis
    if analysis is not None:
        runs += [StyledRun(e.start, e.end, f"entity.{e.label}") for e in analysis.entities]
        # A position made inside quoted words (``in_quote``) is drawn as the quote it lies in.
        drawn = [statement for statement in analysis.statements if statement.in_quote is None]
        for statement in drawn:
            runs += quote_runs(statement, STATEMENT_STYLES[statement.kind])
        runs += [StyledRun(d.start, d.end, "date") for d in analysis.dates]
        for statement in drawn:
            mention = statement.speaker_mention
            if mention is not None:
                runs.append(StyledRun(mention.start, mention.end, "speaker"))
            if statement.cue is not None:
                runs.append(StyledRun(statement.cue.start, statement.cue.end, "cue"))
    for highlight in _anchored(document):
        key = tag_style(highlight.tag)
        marker = note_marker(highlight)
        if marker is None or not highlight.start <= marker < highlight.end:
            runs.append(StyledRun(highlight.start, highlight.end, key))
        else:
            runs += [
                StyledRun(highlight.start, marker, key),
                StyledRun(marker, marker + 1, "note.marker"),
                StyledRun(marker + 1, highlight.end, key),
            ]
    return runs


def _anchored(document: ExportDocument) -> list[Highlight]:
    return [item.highlight for item in document.anchored if item.highlight is not None]


def _paragraph_html(
    document: ExportDocument, start: int, end: int, runs: RunIndex, sheet: StyleSheet,
    anchors: dict[int, list[str]], highlights: RunIndex,
) -> str:
    """One paragraph's text as escaped pieces, each styled stretch a ``<span>``; ``anchors`` are
    ``id``s of empty ``<a>`` targets to place at offsets (statements, highlights). ``runs`` are the
    layers; ``highlights`` has one run per highlight whose key is its id. Both are searched by
    bisection, so a long report costs what its paragraphs cost, not paragraphs times runs."""
    text = document.article.text
    inside = list(runs.overlapping(start, end))
    offsets = sorted(anchors)
    cuts = offsets[bisect_right(offsets, start) : bisect_left(offsets, end)]
    pieces: list[str] = []
    lo = start
    for hi in [*cuts, end]:
        for piece_start, piece_end, keys in style_boundaries(lo, hi, inside):
            pieces += [f'<a class="anchor" id="{esc(name)}"></a>' for name in anchors.get(piece_start, [])
                       if piece_start == lo]
            words = esc(text[piece_start:piece_end])
            if not keys:
                pieces.append(words)
                continue
            covering = [run.key for run in highlights.overlapping(piece_start, piece_end)
                        if run.start <= piece_start and piece_end <= run.end]
            attributes = (
                f'class="{sheet.class_for(keys)}" data-start="{piece_start}" data-end="{piece_end}" '
                f'data-layers="{esc(" ".join(keys))}"'
            )
            if covering:
                attributes += f' data-highlight="{esc(" ".join(covering))}"'
            pieces.append(f"<span {attributes}>{words}</span>")
        lo = hi
    return "".join(pieces)


# -- the margin and the panel ------------------------------------------------------------------------


def _note_html(item: ExportItem, sheet: StyleSheet) -> str:
    highlight = item.highlight
    assert highlight is not None
    where = f"¶{item.paragraph}" if item.paragraph else "orphaned"
    link = f'<a href="#h-{esc(highlight.id)}">{esc(where)}</a>' if not item.orphaned else esc(where)
    who = ""
    if item.quote is not None:
        speaker = item.speaker or "unattributed"
        role = f", {item.role}" if item.role else ""
        who = f'<div class="who">{esc(speaker + role)} · {esc(kind_name(item.quote))}</div>'
    note = f'<div class="note-text">{esc(item.note.strip())}</div>' if item.note.strip() else ""
    tag_class = sheet.class_for([tag_style(item.tag)])
    return (
        f'<div class="note" data-highlight="{esc(highlight.id)}" data-start="{item.start}" '
        f'data-end="{item.end}" data-tag="{esc(item.tag or "")}">'
        f'<div class="where">{link} <span class="tag {tag_class}">{esc(item.tag or "")}</span></div>'
        f'<blockquote class="excerpt">{esc(item.excerpt or item.text)}</blockquote>{who}{note}</div>'
    )


def _actors_html(document: ExportDocument, sheet: StyleSheet) -> str:
    analysis = document.analysis
    if analysis is None or not analysis.actors:
        return '<p class="muted">No analysis: highlights and notes only.</p>'
    index_of = {id(statement): index for index, statement in enumerate(analysis.statements)}
    parts: list[str] = []
    silent: list[str] = []
    for actor in analysis.actors:
        statements = document.positions(actor)
        kind_class = sheet.class_for([f"actor.{actor.kind}"]) if actor.kind in (
            "person", "organisation", "place", "group", "document") else sheet.class_for(["text"])
        if not statements:
            silent.append(f'<span class="{kind_class}">{esc(actor.name)}</span>')
            continue
        details = [*actor.roles[:1], *([actor.affiliation] if actor.affiliation else []), actor.kind]
        items = []
        for statement in statements:
            start, _ = document.statement_span(statement)
            excerpt = " ".join(document.statement_excerpt(statement).split())
            items.append(
                f'<li><a href="#statement-{index_of[id(statement)]}">¶{document.paragraph_of(start)}</a> '
                f'<span class="muted">{esc(kind_name(statement))} · {esc(position_group(statement))}</span> '
                f"{esc(excerpt)}</li>"
            )
        parts.append(
            f'<section class="actor"><h3 class="{kind_class}">{esc(actor.name)}</h3>'
            f'<div class="muted">{esc(" · ".join(details))} · {len(statements)} statement'
            f'{"s" if len(statements) != 1 else ""}, {actor.mentions} mention'
            f'{"s" if actor.mentions != 1 else ""}</div><ul>{"".join(items)}</ul></section>'
        )
    if silent:
        parts.append(f'<p class="muted">Also mentioned: {", ".join(silent)}</p>')
    return "".join(parts)


# -- the page ----------------------------------------------------------------------------------------

PAGE_CSS = """
:root{--bg:%(bg)s;--fg:%(fg)s;--panel:%(panel)s;--muted:%(muted)s;--accent:%(accent)s}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:17px/1.6 Georgia,'Times New Roman',serif}
header,footer{padding:1.2em 2em}
header h1{margin:0 0 .3em;font-size:1.7em;line-height:1.25}
.muted{color:var(--muted)}
.page{display:grid;grid-template-columns:minmax(0,1fr) 22em;gap:2em;padding:0 2em 2em}
.row{display:grid;grid-template-columns:minmax(0,40em) minmax(0,16em);gap:1.5em}
.row p{margin:0 0 1em}
.margin{font:14px/1.45 system-ui,sans-serif}
.note{border-left:3px solid var(--accent);padding:.2em .6em;margin:0 0 .8em}
.note blockquote{margin:.2em 0;font-style:italic}
.note-text{white-space:pre-wrap}
.tag{padding:0 .3em;border-radius:.2em}
.where a,.actor a{color:var(--accent)}
aside.actors{background:var(--panel);padding:1em 1.2em;font:14px/1.45 system-ui,sans-serif;
 align-self:start;position:sticky;top:0;max-height:100vh;overflow:auto}
aside.actors h2{margin-top:0}
.actor h3{margin:.8em 0 .1em}
.actor ul{padding-left:1.1em;margin:.3em 0}
a.anchor{position:relative}
@media (max-width:70em){.page,.row{grid-template-columns:minmax(0,1fr)}}
"""


def to_html(document: ExportDocument, theme: ReaderTheme | None = None) -> str:
    """The page (UTF-8 HTML5 text) for ``document`` in ``theme`` (Byline's default theme if ``None``)."""
    if theme is None:
        from reader.themes import DEFAULT_THEME, load_theme_or_default

        theme, _ = load_theme_or_default(DEFAULT_THEME)
    sheet = StyleSheet(theme)
    article = document.article
    text = article.text
    runs = RunIndex(layer_runs(document))
    highlight_index = RunIndex(StyledRun(h.start, h.end, h.id) for h in _anchored(document))
    anchors: dict[int, list[str]] = {}
    if document.analysis is not None:
        for index, statement in enumerate(document.analysis.statements):
            anchors.setdefault(statement.start, []).append(f"statement-{index}")
    for highlight in _anchored(document):
        anchors.setdefault(highlight.start, []).append(f"h-{highlight.id}")
    by_paragraph: dict[int, list[ExportItem]] = {}
    for item in document.anchored:
        if item.highlight is not None and item.paragraph is not None:
            by_paragraph.setdefault(item.paragraph, []).append(item)
    rows: list[str] = []
    for number, (start, end) in enumerate(article.structure.paragraphs, start=1):
        body = _paragraph_html(document, start, end, runs, sheet, anchors, highlight_index)
        notes = "".join(_note_html(item, sheet) for item in by_paragraph.get(number, []))
        rows.append(
            f'<div class="row"><p id="p{number}" data-start="{start}" data-end="{end}" '
            f'class="{sheet.class_for(["text"])}">{body}</p><div class="margin">{notes}</div></div>'
        )
    orphans = "".join(_note_html(item, sheet) for item in document.orphans if item.highlight)
    if orphans:
        rows.append(
            '<section class="orphans"><h2>Orphaned highlights</h2><p class="muted">The article changed '
            f"and these passages could not be found in it any more.</p>{orphans}</section>"
        )
    textual = theme.textual_theme
    colours = {
        "bg": base_colour(textual.background or "", "#ffffff"),
        "fg": css_colour(theme.style("text").color, theme)
        or base_colour(textual.foreground or "", "#000000"),
        "panel": base_colour(textual.panel or textual.surface or "", "#eeeeee"),
        "muted": css_colour(theme.style("muted").color, theme) or "#888888",
        "accent": base_colour(textual.accent or textual.primary, "#0000ee"),
    }
    meta = [article.author or "", document.published or "", f"source: {article.source}"]
    highlights = len(_anchored(document)) + len(document.orphans)
    header = (
        f"<header><h1>{esc(document.title)}</h1>"
        f'<div class="muted">{esc(" · ".join(part for part in meta if part))}</div></header>'
    )
    footer = (
        f'<footer class="muted">{highlights} highlight{"s" if highlights != 1 else ""} · '
        f"exported by Byline {esc(__version__)} · theme {esc(theme.name)}</footer>"
    )
    actors = f'<aside class="actors"><h2>Actors and positions</h2>{_actors_html(document, sheet)}</aside>'
    css = PAGE_CSS % colours + sheet.css()  # built from parsed colours only: no outside text
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f'<meta name="generator" content="Byline {esc(__version__)}">'
        f"<title>{esc(document.title)}</title><style>{css}</style></head>"
        f'<body>{header}<div class="page"><main>{"".join(rows)}</main>{actors}</div>{footer}'
        f'<div hidden data-text-length="{len(text)}"></div></body></html>\n'
    )
