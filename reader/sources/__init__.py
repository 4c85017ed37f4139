"""Turn files (and later stdin, HTML, URLs) into an :class:`Article`."""

from reader.sources.article import Article
from reader.sources.loader import load_article

__all__ = ["Article", "load_article"]
