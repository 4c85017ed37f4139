"""Turn files, standard input, web pages and URLs into an :class:`Article`.

``load_article`` is the one entry point for a single article and ``discover``
lists the articles in a folder; everything else in this package serves them.
"""

from reader.sources.article import Article
from reader.sources.discover import ARTICLE_SUFFIXES, discover
from reader.sources.loader import article_source_map, load_article
from reader.sources.offsets import SourceMap
from reader.sources.raw import DEFAULT_MAX_BYTES

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "Article",
    "SourceMap",
    "article_source_map",
    "discover",
    "load_article",
]
