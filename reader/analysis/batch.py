"""Analyse many articles: one model per worker process, results as each article finishes.

The Python API for corpora::

    from reader.analysis.batch import analyse_articles

    for result in analyse_articles(articles, jobs=2):       # any iterable of Article or paths
        if result.analysis is not None:
            use(result.index, result.analysis)               # index: position in ``articles``
        else:
            log(result.source, result.error or result.warning)

Results come back in *completion* order (a 100,000-word report does not hold back the articles
after it), each with its input ``index``. A bad input is a result with ``error`` set, never an
exception, so a run over a million articles survives the odd broken one. With ``jobs > 1`` the
articles go to ``jobs`` worker processes, each of which loads the spaCy model once and keeps it;
at most ``jobs * WINDOW_PER_JOB`` articles are in flight, so an iterable over a 10 GB corpus is
read as the workers keep up, not all at once. :func:`analyse_item` is the per-article function
that every path (one process, a process pool, a Dask cluster) runs, so all give the same records.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace

from reader.analysis.model import Analysis
from reader.errors import BylineError
from reader.sources.article import Article
from reader.sources.corpus import CorpusItem, load_spec

WINDOW_PER_JOB = 4
"""Articles in flight per worker process: enough to keep each busy, few enough to bound memory."""


@dataclass(frozen=True, slots=True)
class BatchSettings:
    """What every article of a run is analysed with.

    ``model`` is the spaCy pipeline (``None``: the configured default); ``use_cache`` reads and
    writes the analysis cache; ``check_language`` compares each article's detected language with
    the model's and, on a mismatch, uses an installed model for the article's language or returns
    a warning instead of a wrong analysis."""

    model: str | None = None
    use_cache: bool = True
    check_language: bool = True
    #: Processes that parse one long document (:func:`reader.analysis.pipeline.analyze`'s ``jobs``):
    #: 1 where whole articles already keep the cores busy (a pool, Dask); ``None`` (every core for a
    #: long document) when a run analyses one article at a time (``run_items`` with ``jobs=1``).
    document_jobs: int | None = 1


@dataclass(slots=True)
class BatchResult:
    """One article's outcome: ``analysis``, or ``error`` (it could not be read or analysed), or
    ``warning`` (deliberately not analysed: its language). ``language`` is the detected language
    (ISO 639-1) or ``None`` when the text was too short to tell."""

    index: int
    source: str
    analysis: Analysis | None = None
    error: str | None = None
    warning: str | None = None
    language: str | None = None


def analyse_item(item: CorpusItem, settings: BatchSettings) -> BatchResult:
    """Analyse one corpus item; never raises for a bad article (only for ``KeyboardInterrupt``).

    A :class:`BylineError` keeps its one-line message; any other exception (a fault in the
    analysis) becomes ``internal error: TYPE: message`` for that article, and the run goes on."""
    if item.error is not None:
        return BatchResult(item.index, item.source, error=item.error)
    try:
        article = item.article if item.article is not None else load_spec(item.spec or item.source)
        return _analyse(item.index, article, settings)
    except BylineError as error:
        return BatchResult(item.index, item.source, error=str(error))
    except Exception as error:
        return BatchResult(item.index, item.source, error=f"internal error: {type(error).__name__}: {error}")


def _analyse(index: int, article: Article, settings: BatchSettings) -> BatchResult:
    from reader.analysis.language import detect_language, installed_model_for, model_language
    from reader.analysis.nlp import resolve_model_name
    from reader.analysis.pipeline import analyze

    model = resolve_model_name(settings.model)
    language = detect_language(article.text[article.body_start:]) if settings.check_language else None
    expected = model_language(model)
    if language and expected and language != expected:
        other = installed_model_for(language)
        if other is None:
            warning = (f"{article.source}: the text is in {language!r}, the model {model!r} reads "
                       f"{expected!r}; not analysed (install a {language} model, or pass --any-language)")
            return BatchResult(index, article.source, warning=warning, language=language)
        model = other
    analysis = analyze(article, model=model, use_cache=settings.use_cache, jobs=settings.document_jobs)
    return BatchResult(index, article.source, analysis=analysis, language=language)


def numbered(articles: Iterable[Article | str]) -> Iterator[CorpusItem]:
    """Articles (or paths/specs to load) as corpus items numbered from 0."""
    for index, article in enumerate(articles):
        if isinstance(article, Article):
            yield CorpusItem(index, article.source, article=article)
        else:
            yield CorpusItem(index, str(article), spec=str(article))


def analyse_articles(articles: Iterable[Article | str], *, model: str | None = None, jobs: int = 1,
                     use_cache: bool = True, check_language: bool = True) -> Iterator[BatchResult]:
    """Analyse ``articles`` (``Article`` objects, or paths to load) with ``jobs`` processes.

    Yields one :class:`BatchResult` per article in completion order (see the module docstring).
    Raises :class:`BylineError` only when the run itself cannot go on (``jobs < 1``, a worker
    process killed, e.g. by the out-of-memory killer)."""
    settings = BatchSettings(model=model, use_cache=use_cache, check_language=check_language)
    yield from run_items(numbered(articles), settings, jobs)


def run_items(items: Iterable[CorpusItem], settings: BatchSettings, jobs: int = 1) -> Iterator[BatchResult]:
    """:func:`analyse_item` over ``items``, in this process (``jobs == 1``) or a pool of ``jobs``."""
    if jobs < 1:
        raise BylineError("--jobs must be at least 1")
    if jobs == 1:
        # One article at a time: a long one may use every core for its own parse.
        one_at_a_time = replace(settings, document_jobs=None)
        yield from (analyse_item(item, one_at_a_time) for item in items)
        return
    yield from _in_processes(items, settings, jobs)


def _in_processes(items: Iterable[CorpusItem], settings: BatchSettings, jobs: int) -> Iterator[BatchResult]:
    # fork: a worker starts in milliseconds with the modules already imported (spaCy is not: the
    # parent never loads a model), then loads the model on its first article and keeps it.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    window = jobs * WINDOW_PER_JOB
    pool = ProcessPoolExecutor(jobs, mp_context=context)
    try:
        pending: set[Future[BatchResult]] = set()
        for item in items:
            if item.error is not None:  # nothing to analyse: no need to ship it to a worker
                yield BatchResult(item.index, item.source, error=item.error)
                continue
            pending.add(pool.submit(analyse_item, item, settings))
            if len(pending) >= window:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                yield from _results(done)
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            yield from _results(done)
    except BaseException:
        # Interrupted (Ctrl-C, a closed pipe, a dead worker): do not wait for the articles in flight.
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _results(done: Iterable[Future[BatchResult]]) -> Iterator[BatchResult]:
    for future in done:
        try:
            yield future.result()
        except BrokenProcessPool:
            raise BylineError(
                "a worker process died (out of memory?); rerun with --resume to go on where it stopped"
            ) from None
