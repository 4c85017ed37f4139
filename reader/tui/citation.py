"""A statement with its attribution, as text to paste elsewhere (``c`` and ``C`` in the reader).

Pure functions of the analysis and one statement, so the exact wording is unit-tested:

- :func:`plain_citation`: ``“We will build it.” — Ann Lee, mayor (Daily Ledger, 2024-05-03)``;
  a reported statement is its content without quotation marks (it is a paraphrase, not the
  speaker's words): ``the plan was late — Bob Cole (Daily Ledger, 2024-05-03)``;
- :func:`markdown_citation`: the same as Markdown, the outlet and date linking back to the article;
  for a web article the link ends in a text fragment (``#:~:text=``) that makes a browser scroll to
  and mark the statement.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

from reader.analysis.model import Analysis, Statement
from reader.export import markdown_escape
from reader.tui.navigation import describe_speaker

#: A text fragment names a long statement by its first and last words (``text=start,end``).
FRAGMENT_WORDS = 4


def spoken_words(statement: Statement) -> str:
    """What the speaker is given as saying: a direct quote's quoted words (the parts of a split
    quote joined by `` … ``), a reported statement's content; on one line."""
    if statement.kind == "direct" and statement.parts:
        text = " … ".join(part.text.strip() for part in statement.parts)
    else:
        text = statement.text.strip()
        if statement.kind == "direct":
            text = text.strip("“”\"'‘’«»„ ")
    return " ".join(text.split())


def web_url(analysis: Analysis) -> str | None:
    """The article's http(s) address (its ``url`` metadata, else its source), or ``None``."""
    for candidate in (analysis.metadata.get("url"), analysis.source):
        if candidate and urlsplit(candidate).scheme in ("http", "https"):
            return candidate
    return None


def outlet_of(analysis: Analysis) -> str | None:
    """The outlet the source names, else the web address's host (``www.`` dropped), else ``None``."""
    outlet = analysis.metadata.get("outlet")
    if outlet and outlet.strip():
        return outlet.strip()
    url = web_url(analysis)
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None


def source_label(analysis: Analysis) -> str:
    """``Outlet, date``, ``Outlet``, ``date``, or ``""`` when the source states neither."""
    return ", ".join(part for part in (outlet_of(analysis), analysis.published) if part)


def _attribution(statement: Statement, analysis: Analysis) -> str:
    return describe_speaker(statement, analysis.actor(statement.actor))


def plain_citation(statement: Statement, analysis: Analysis) -> str:
    """``“…” — Name, role (Outlet, date)``; see the module docstring."""
    words = spoken_words(statement)
    body = f"“{words}”" if statement.kind == "direct" else words
    label = source_label(analysis)
    where = f" ({label})" if label else ""
    return f"{body} — {_attribution(statement, analysis)}{where}"


def _fragment_text(text: str) -> str:
    # Percent-encode everything but unreserved characters, and "-" too: it is fragment syntax
    # (``prefix-,``), as are "," and "&", which quote() already encodes with safe="".
    return quote(text, safe="").replace("-", "%2D")


def text_fragment(words: str) -> str:
    """``#:~:text=...`` naming ``words``: the whole text when short, else ``start,end`` (the first and
    last :data:`FRAGMENT_WORDS` words), percent-encoded."""
    tokens = words.replace(" … ", " ").split()
    if len(tokens) <= 2 * FRAGMENT_WORDS:
        return "#:~:text=" + _fragment_text(" ".join(tokens))
    start = " ".join(tokens[:FRAGMENT_WORDS])
    end = " ".join(tokens[-FRAGMENT_WORDS:])
    return f"#:~:text={_fragment_text(start)},{_fragment_text(end)}"


def link_back(statement: Statement, analysis: Analysis) -> str | None:
    """Where the Markdown citation links: a web article's URL with a text fragment for the statement
    (any fragment the URL had is replaced); a file's ``file://`` URI; ``None`` for standard input."""
    url = web_url(analysis)
    if url:
        parts = urlsplit(url)
        base = urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
        fragment_words = statement.parts[0].text if statement.kind == "direct" and len(statement.parts) == 1 \
            else spoken_words(statement)
        return base + text_fragment(" ".join(fragment_words.split()))
    source = analysis.source
    if not source or source == "-" or "://" in source:
        return None
    try:
        return Path(source).resolve().as_uri()
    except (OSError, ValueError, RuntimeError):  # a name no file system accepts
        return None


def _link_target(url: str) -> str:
    # Markdown link destinations end at a space or ")": both encoded, so the link stays one piece.
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def markdown_citation(statement: Statement, analysis: Analysis) -> str:
    """``“…” — Name, role ([Outlet, date](URL#:~:text=...))``, article text Markdown-escaped.

    Without an outlet or date the link text is ``source``; without anywhere to link (standard input)
    the label stays plain."""
    words = markdown_escape(spoken_words(statement))
    body = f"“{words}”" if statement.kind == "direct" else words
    who = markdown_escape(_attribution(statement, analysis))
    label = markdown_escape(source_label(analysis))
    target = link_back(statement, analysis)
    if target is not None:
        where = f" ([{label or 'source'}]({_link_target(target)}))"
    else:
        where = f" ({label})" if label else ""
    return f"{body} — {who}{where}"
