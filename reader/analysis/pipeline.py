"""``analyze``: an Article in, an Analysis out.

The text is parsed paragraph by paragraph through ``nlp.pipe`` and each
paragraph's Doc is reduced to small facts at once, so memory stays flat for a
300-page report. What needs the whole document (one label per name, speakers
across paragraphs, quotes that run over several paragraphs) is decided
afterwards from those facts and from a scan of the raw text.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

from reader.analysis.actors import ActorBuilder
from reader.analysis.attribution import attribute
from reader.analysis.cache import cache_key, load_cached, store
from reader.analysis.dates import normalise_dates
from reader.analysis.entities import resolve_names
from reader.analysis.facts import ParagraphFacts
from reader.analysis.layouts import without_section_head
from reader.analysis.model import Actor, Analysis, DateMention, Entity, Link, Span, Statement
from reader.analysis.nlp import load_model, model_id, model_id_of, resolve_model_name
from reader.analysis.parallel import parse_in_processes, parse_pieces, resolve_jobs
from reader.analysis.quotes import Quotation, scan_quotations
from reader.analysis.temporals import dates_in
from reader.sources.article import Article
from reader.sources.structure import (
    TextSpan,
    paragraph_spans,
    sentence_ends,
    sentence_starts,
    without_line_breaks,
)

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[int, int], None]
Partial = Callable[[Analysis], None]

# How often (seconds) a long analysis hands a partial result to ``on_partial``.
PARTIAL_INTERVAL = 0.5

# spaCy refuses texts over nlp.max_length, and one huge Doc costs memory for nothing:
# a paragraph longer than this is parsed in pieces, cut after a sentence where one ends
# in the second half of the window, else at whitespace. The pieces are batched BATCH_SIZE
# at a time, so this bounds the memory of a batch: a 2 MB line with no newline must cost
# what the same words in ordinary paragraphs cost (64 pieces of 20,000 characters took
# gigabytes in the tagger's arrays).
MAX_CHUNK_CHARS = 3_000
BATCH_SIZE = 64
# ... and a batch holds at most this many characters, whatever its number of pieces: the
# tagger's memory grows with the characters of a batch, not with its number of Docs.
MAX_BATCH_CHARS = 32_000


_SPACES = str.maketrans({"\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " "})


def _cut(text: str, start: int, max_chars: int) -> int:
    """Where to end a piece of ``text`` that starts at ``start``: after a sentence, else a space."""
    window_start, window_end = start + max_chars // 2, start + max_chars
    ends = sentence_ends(text, window_start, window_end)
    if ends:
        return ends[-1] + 1  # after the space that follows the sentence (the one sentence rule)
    space = text.rfind(" ", window_start, window_end)
    return space + 1 if space > start else window_end


def chunk_spans(
    text: str, max_chars: int = MAX_CHUNK_CHARS, paragraphs: Sequence[TextSpan] | None = None
) -> list[tuple[int, int]]:
    """Paragraph spans (``paragraphs``, else detected), any longer than ``max_chars`` cut after a
    sentence or at whitespace (see :data:`MAX_CHUNK_CHARS`)."""
    chunks: list[tuple[int, int]] = []
    for start, end in paragraph_spans(text) if paragraphs is None else paragraphs:
        while end - start > max_chars:
            cut = _cut(text, start, max_chars)
            chunks.append((start, cut))
            start = cut
        if end > start:
            chunks.append((start, end))
    return chunks


def _parse(
    nlp: Language | None,
    text: str,
    chunks: list[tuple[int, int]],
    progress: Progress | None,
    jobs: int = 1,
    model: str | None = None,
) -> Iterator[ParagraphFacts]:
    """The facts of every chunk, in order: parsed here with ``nlp``, or with ``jobs > 1`` in that
    many worker processes that load ``model`` (the same batches, so the same facts)."""
    # A hard-wrapped paragraph's line ends are not structure: the parser sees spaces (same length, so
    # every offset still points into the original text).
    # A newsletter's section head ("THE WHIP COUNT:") is blanked the same way: it is no part of the
    # sentence after it.
    # No-break and thin spaces ("75 percent of\u00a0Democrats", common in web copy) are spaces too:
    # the model reads one as a word of its own and hangs the sentence on it.
    batches = [[(start, without_section_head(without_line_breaks(text, start, end)).translate(_SPACES))
                for start, end in batch]
               for batch in _batches(chunks)]
    ends = [batch[-1][1] for batch in _batches(chunks)]
    fallback_starts: list[int] | None = None
    if jobs > 1:
        def reached(index: int) -> None:
            if progress is not None:
                progress(ends[index] if index >= 0 else 0, len(text))

        parsed: Iterator[tuple[ParagraphFacts, bool]] = parse_in_processes(
            resolve_model_name(model), batches, jobs, reached)
        per_piece_progress = False
    else:
        assert nlp is not None
        parsed = (item for batch in batches for item in parse_pieces(nlp, batch))
        per_piece_progress = True
    for (start, end), (facts, has_sentences) in zip(chunks, parsed, strict=True):
        if not has_sentences:
            if fallback_starts is None:
                fallback_starts = sentence_starts(text)
            facts.sentence_starts = [s for s in fallback_starts if start <= s < end]
        yield facts
        if per_piece_progress and progress is not None:
            progress(end, len(text))


def _batches(chunks: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    """``chunks`` in order, grouped by at most ``BATCH_SIZE`` pieces and ``MAX_BATCH_CHARS`` characters."""
    batch: list[tuple[int, int]] = []
    size = 0
    for start, end in chunks:
        if batch and (len(batch) >= BATCH_SIZE or size + end - start > MAX_BATCH_CHARS):
            yield batch
            batch, size = [], 0
        batch.append((start, end))
        size += end - start
    if batch:
        yield batch


def _key(article: Article, model_name: str) -> str:
    return cache_key(article.text, model_name, article.published, article.body_start)


def cached(article: Article, model: str | None = None) -> Analysis | None:
    """The cached analysis of this article, or ``None``. Reads the cache only: spaCy is not imported."""
    found = load_cached(_key(article, model or resolve_model_name()), article.text)
    if found is not None:
        # The same text can come from several sources (a wire story in many outlets): what the
        # source says about it is this article's, not the cached one's.
        found.source, found.title = article.source, article.title or found.title
        found.author, found.metadata = article.author, article.descriptive_metadata()
    return found


def remember(article: Article, analysis: Analysis, model: str | None = None) -> None:
    """Store ``analysis`` of ``article`` in the cache, where :func:`cached` finds it (what
    :func:`analyze` does after an analysis; for a caller that ran it with ``use_cache=False`` to
    hand the result on first)."""
    store(_key(article, model or resolve_model_name()), analysis)


def analyze(
    article: Article,
    *,
    model: str | None = None,
    nlp: Language | None = None,
    use_cache: bool = True,
    progress: Progress | None = None,
    on_partial: Partial | None = None,
    jobs: int | None = None,
    partial_interval: float | None = None,
) -> Analysis:
    """Analyse an article: entities, quotes (direct and reported), dates, actors and positions.

    ``model`` names the spaCy pipeline (see :func:`reader.analysis.nlp.resolve_model_name`);
    ``nlp`` passes one already loaded. A cached analysis of the same text, model and
    analysis code is returned without importing spaCy. ``on_partial`` receives
    partial results while a long text is parsed (see :func:`analyze_with`).

    ``jobs`` is how many processes parse the text (``None``: every core for a text of
    :data:`reader.analysis.parallel.PARALLEL_MIN_CHARS` characters or more, one otherwise, and one
    whenever ``nlp`` is given); with more than one, this process never loads the model and the
    result is the same as with one. ``partial_interval`` is how often (seconds) ``on_partial`` gets
    a partial result during the parse (``None``: :data:`PARTIAL_INTERVAL`): each costs time, so a
    caller that passes them on less often asks for fewer.
    """
    if model:
        model_name = model
    else:
        model_name = f"{nlp.meta.get('lang', 'en')}_{nlp.meta['name']}" if nlp else resolve_model_name()
    if use_cache:
        found = cached(article, model_name)
        if found is not None:
            if progress is not None:
                progress(len(article.text), len(article.text))
            found.links = article_links(article)
            return found
    processes = 1 if nlp is not None and jobs is None else resolve_jobs(jobs, len(article.text))
    quotations = None
    if on_partial is not None and nlp is None:
        # Loading the model takes a second or two: the quotations need no parse, so show them first.
        quotations = _body_quotations(article)
        on_partial(_partial(article, quotations, []))
    if processes > 1:
        result = analyze_with(None, article, progress, on_partial, quotations, jobs=processes,
                              model=model_name, partial_interval=partial_interval)
    else:
        result = analyze_with(nlp or load_model(model_name), article, progress, on_partial, quotations,
                              partial_interval=partial_interval)
    if use_cache:
        store(_key(article, model_name), result)
    return result


def _body_quotations(article: Article) -> list[Quotation]:
    quotations = scan_quotations(article.text, article.structure.paragraphs)
    return [q for q in quotations if q.start >= article.body_start]


def analyze_with(
    nlp: Language | None,
    article: Article,
    progress: Progress | None = None,
    on_partial: Partial | None = None,
    quotations: list[Quotation] | None = None,
    *,
    jobs: int = 1,
    model: str | None = None,
    partial_interval: float | None = None,
) -> Analysis:
    """The analysis itself, with a loaded pipeline and no cache.

    With ``jobs > 1`` the paragraph batches are parsed by that many worker processes that load
    ``model`` (``nlp`` may then be ``None``); the result is the one ``jobs=1`` gives.

    A reader should not wait for the last paragraph of a long report to see the
    first highlights, so ``on_partial`` (when given) is called at once with the
    direct quotations, which need no parse, and then every ``partial_interval``
    seconds (``None``: :data:`PARTIAL_INTERVAL`) with the entities and dates parsed so
    far, labelled as the model saw them. The returned analysis is the final one, decided over the whole text.
    """
    text = article.text
    body = article.body_start
    paragraphs = article.structure.paragraphs
    furniture = article.furniture
    chunks = [
        (max(start, body), end) for start, end in chunk_spans(text, paragraphs=paragraphs) if end > body
    ]
    # A paragraph that opens with furniture (a dateline, a live blog's time stamp) is parsed after
    # it, so "KYIV, Ukraine (AP) —" is not read as the subject of "said"; its dates are kept.
    leading = [(start, _furniture_end(furniture, start)) for start, _ in chunks]
    chunks = [(cut, end) for (start, end), (_, cut) in zip(chunks, leading, strict=True) if cut < end]
    furniture_dates = [m for start, cut in leading if cut > start for m in dates_in(text, start, cut)]
    if quotations is None:
        quotations = _body_quotations(article)
    facts: list[ParagraphFacts] = []
    if on_partial is not None:
        on_partial(_partial(article, quotations, facts))
    last_partial = time.monotonic()
    interval = PARTIAL_INTERVAL if partial_interval is None else partial_interval
    for fact in _parse(nlp, text, chunks, progress, jobs, model):
        facts.append(fact)
        if on_partial is not None and time.monotonic() - last_partial >= interval:
            on_partial(_partial(article, quotations, facts))
            last_partial = time.monotonic()

    def tick() -> None:
        """Between the whole-text stages: the progress callback is where a reader's worker can stop."""
        if progress is not None:
            progress(len(text), len(text))

    tick()
    clusters = resolve_names(
        text,
        [name for fact in facts for name in fact.names if not _inside(furniture, name.start, name.end)],
        [c for fact in facts for c in fact.candidates if not _inside(furniture, c.start, c.end)],
    )
    tick()
    builder = ActorBuilder(text, author=article.author)
    entities = builder.entities_from(clusters)
    tick()
    builder.add_roles([role for fact in facts for role in fact.roles])
    builder.add_subject_phrases([subject for fact in facts for subject in fact.subjects])
    builder.set_context(
        [(part.start, part.end) for q in quotations for part in q.parts],
        [offset for fact in facts for offset in fact.clause_subjects],
    )
    entities += _number_entities(text, facts)
    entities.sort(key=lambda e: (e.start, e.end))

    tick()
    statements = attribute(
        text,
        [q for q in quotations if not _inside(furniture, q.start, q.end)],
        [
            event
            for fact in facts
            for event in fact.events
            if event.speaker is None or not _inside(furniture, event.speaker.start, event.speaker.end)
        ],
        list(paragraphs),
    )
    tick()
    quotes = builder.resolve(statements)
    dates = normalise_dates(
        sorted(furniture_dates + [t for fact in facts for t in fact.temporals]),
        text,
        article.published,
        sentence_starts=[s for fact in facts for s in fact.sentence_starts],
        paragraph_starts=article.structure.starts,
    )
    result = _assemble(article, entities, quotes, dates, actors=builder.finish(),
                       model=model_id(nlp) if nlp is not None else model_id_of(model))
    return _with_original_text(result)


def _original(text: str, span: Span) -> Span:
    found = text[span.start : span.end]
    return span if found == span.text else Span(span.start, span.end, found)


def _with_original_text(analysis: Analysis) -> Analysis:
    """Every span's ``text`` as the article has it (``text[start:end] == span.text``).

    The parser read hard-wrapped paragraphs with their line ends as spaces, so a
    name or cue across a line end comes back as "Tomas Reiner" where the text
    has "Tomas\\nReiner". Names (actors, speakers) keep the spaced form.
    """
    text = analysis.text
    for entity in analysis.entities:
        entity.text = text[entity.start : entity.end]
    for statement in analysis.statements:
        statement.text = text[statement.start : statement.end]
        statement.parts = [_original(text, part) for part in statement.parts]
        for name in ("speaker_mention", "cue", "target"):
            span = getattr(statement, name)
            if span is not None:
                setattr(statement, name, _original(text, span))
    for actor in analysis.actors:
        actor.mention_spans = [_original(text, span) for span in actor.mention_spans]
    return analysis


def _assemble(
    article: Article,
    entities: list[Entity],
    quotes: list[Statement],
    dates: list[DateMention],
    actors: list[Actor] | None = None,
    model: str | None = None,
) -> Analysis:
    return Analysis(
        text=article.text,
        source=article.source,
        title=article.title,
        published=article.published,
        author=article.author,
        metadata=article.descriptive_metadata(),
        entities=entities,
        statements=quotes,
        dates=dates,
        actors=actors or [],
        model=model,
        links=article_links(article),
    )


def article_links(article: Article) -> list[Link]:
    """The article's links as model spans (what the source gave; not part of the cache key, so they are
    set again on a cached analysis)."""
    return [Link(link.start, link.end, article.text[link.start:link.end], link.href) for link in article.links
            if 0 <= link.start < link.end <= len(article.text)]


def _furniture_end(spans: list[tuple[int, int]], start: int) -> int:
    """Where the text starting at ``start`` stops being furniture (``start`` itself when it is not)."""
    for span_start, span_end in spans:
        if span_start <= start < span_end or (span_start == start):
            return span_end
    return start


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start``-``end`` overlaps any of ``spans`` (article furniture: a dateline, a credit line)."""
    return any(s < end and start < e for s, e in spans)


def _number_entities(text: str, facts: list[ParagraphFacts]) -> list[Entity]:
    return [Entity(s, e, text[s:e], label) for fact in facts for s, e, label in fact.numbers]


def _partial(article: Article, quotations: list[Quotation], facts: list[ParagraphFacts]) -> Analysis:
    """What is known so far: direct quotations without speakers, and entities and dates as parsed."""
    text = article.text
    quotes = [
        Statement(q.start, q.end, text[q.start : q.end], "direct", parts=list(q.parts))
        for q in quotations
        if not q.scare
    ]
    entities = [Entity(n.start, n.end, n.text, n.label) for fact in facts for n in fact.names]
    entities += _number_entities(text, facts)
    entities.sort(key=lambda e: (e.start, e.end))
    dates = [
        DateMention(s, e, text[s:e], None, "relative", label)
        for fact in facts
        for s, e, label in fact.temporals
    ]
    return _assemble(article, entities, quotes, dates)
