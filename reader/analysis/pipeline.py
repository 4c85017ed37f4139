"""``analyze``: an Article in, an Analysis out.

The text is parsed paragraph by paragraph through ``nlp.pipe`` and each
paragraph's Doc is reduced to small facts at once, so memory stays flat for a
300-page report. What needs the whole document (one label per name, speakers
across paragraphs, quotes that run over several paragraphs) is decided
afterwards from those facts and from a scan of the raw text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from reader.analysis.actors import ActorBuilder
from reader.analysis.cache import cache_key, load_cached, store
from reader.analysis.dates import normalise_dates
from reader.analysis.entities import resolve_names
from reader.analysis.facts import ParagraphFacts
from reader.analysis.model import Analysis, Entity
from reader.analysis.nlp import load_model, model_id, resolve_model_name
from reader.analysis.quotes import paragraph_spans, scan_quotations
from reader.analysis.speech import attribute
from reader.sources.article import Article

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int, int], None]

# spaCy refuses texts over nlp.max_length, and one huge Doc costs memory for nothing:
# a paragraph longer than this is parsed in pieces cut at whitespace.
MAX_CHUNK_CHARS = 20_000
BATCH_SIZE = 64


def chunk_spans(text: str, max_chars: int = MAX_CHUNK_CHARS) -> list[tuple[int, int]]:
    """Paragraph spans, with any paragraph longer than ``max_chars`` cut at whitespace."""
    chunks: list[tuple[int, int]] = []
    for start, end in paragraph_spans(text):
        while end - start > max_chars:
            cut = text.rfind(" ", start + max_chars // 2, start + max_chars)
            cut = cut + 1 if cut > start else start + max_chars
            chunks.append((start, cut))
            start = cut
        if end > start:
            chunks.append((start, end))
    return chunks


def _parse(
    nlp: Language, text: str, chunks: list[tuple[int, int]], progress: Progress | None
) -> Iterator[ParagraphFacts]:
    from reader.analysis.parse import read_paragraph

    docs = nlp.pipe((text[start:end] for start, end in chunks), batch_size=BATCH_SIZE)
    for (start, end), doc in zip(chunks, docs, strict=True):
        yield read_paragraph(doc, start)
        if progress is not None:
            progress(end, len(text))


def analyze(
    article: Article,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
) -> Analysis:
    """Analyse an article: entities, quotes (direct and reported), dates, actors and positions.

    ``model`` names the spaCy pipeline (see :func:`reader.analysis.nlp.resolve_model_name`);
    ``nlp`` passes one already loaded. A cached analysis of the same text, model and
    analysis version is returned without importing spaCy.
    """
    model_name = model or (
        nlp.meta.get("lang", "en") + "_" + nlp.meta["name"] if nlp else resolve_model_name()
    )
    key = cache_key(article.text, model_name, article.published)
    if use_cache:
        cached = load_cached(key)
        if cached is not None:
            cached.source, cached.title = article.source, article.title
            if progress is not None:
                progress(len(article.text), len(article.text))
            return cached
    nlp = nlp or load_model(model_name)
    result = analyze_with(nlp, article, progress)
    if use_cache:
        store(key, result)
    return result


def analyze_with(nlp: Language, article: Article, progress: Progress | None = None) -> Analysis:
    """The analysis itself, with a loaded pipeline and no cache."""
    text = article.text
    chunks = chunk_spans(text)
    facts = list(_parse(nlp, text, chunks, progress))

    clusters = resolve_names(
        text,
        [name for fact in facts for name in fact.names],
        [candidate for fact in facts for candidate in fact.candidates],
    )
    builder = ActorBuilder(text)
    entities = builder.entities_from(clusters)
    builder.add_roles([role for fact in facts for role in fact.roles])
    entities += [Entity(s, e, text[s:e], label) for fact in facts for s, e, label in fact.numbers]
    entities.sort(key=lambda e: (e.start, e.end))

    statements = attribute(
        text,
        scan_quotations(text),
        [event for fact in facts for event in fact.events],
        paragraph_spans(text),
    )
    quotes = builder.resolve(statements)
    dates = normalise_dates([t for fact in facts for t in fact.temporals], text, article.published)
    return Analysis(
        text=text,
        source=article.source,
        title=article.title,
        published=article.published,
        entities=entities,
        quotes=quotes,
        dates=dates,
        actors=builder.finish(),
        model=model_id(nlp),
    )
