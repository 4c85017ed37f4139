"""Property-based tests of loading: any bytes give an Article or one BylineError, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import BylineError
from reader.sources import article_source_map, load_article

SUFFIXES = st.sampled_from([".txt", ".md", ".html", ""])
MARKUP = st.sampled_from("\r\n\t #*_[]()<>&;“”\x00")
TEXTY = st.text(alphabet=st.characters(codec="utf-8") | MARKUP, max_size=300)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1"])


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    text = draw(TEXTY)
    encoding = draw(ENCODINGS)
    return text.encode(encoding, errors="replace")


FILE_BYTES = st.one_of(st.binary(max_size=400), encoded_text())


def load_bytes(data: bytes, suffix: str):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        return load_article(path)


@settings(max_examples=150, deadline=None)
@given(data=FILE_BYTES, suffix=SUFFIXES)
def test_any_bytes_load_or_fail_with_one_line(data: bytes, suffix: str) -> None:
    try:
        article = load_bytes(data, suffix)
    except BylineError as error:
        assert str(error) and "\n" not in str(error)
        return
    assert article.text.strip()
    assert "\r" not in article.text or article.metadata["format"] == "html"


@settings(max_examples=150, deadline=None)
@given(text=TEXTY.filter(lambda t: t.strip()), suffix=st.sampled_from([".txt", ".md"]))
def test_shown_text_maps_back_to_the_source(text: str, suffix: str) -> None:
    try:
        article = load_bytes(text.encode("utf-8"), suffix)
    except BylineError:
        return  # binary-looking (NUL bytes) or nothing readable: covered above
    source_map = article_source_map(article)
    assert source_map is not None
    previous = 0
    for index, char in enumerate(article.text):
        position = source_map.to_source(index)
        assert previous <= position <= len(text)
        previous = position
        if source_map.is_mapped(index) and not char.isspace():
            assert text[position] == char, (index, char, position)
