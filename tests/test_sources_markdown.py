"""Markdown articles: what is shown, and that every shown offset maps back to the Markdown source."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.sources import article_source_map, load_article
from reader.sources.markdown import render_markdown
from reader.sources.offsets import SourceMap, normalise_newlines

STORY = """---
title: Kremlin rules out talks
date: 2024-08-19
author: [Maria Kovalenko, Ivan Petrov]
---
# Kremlin rules out talks as Ukraine presses *Kursk* push

The **Kremlin** has [ruled out](https://news.example/a?id=7 "a (title)") talks, a senior adviser to
President Vladimir Putin said on Monday &amp; again on `Tuesday`.

> “At this stage, we will not talk,” Yuri Ushakov stated.

## What Kyiv says

- Volodymyr Zelensky said the operation was *meeting its goals*.
- Oleksandr Syrskyi reported an advance of ![map](map.png) two kilometres.

1. First point
2. Second point with a [reference link][ref] and \\*escaped stars\\*

***

Closing line<br>with inline HTML.

[ref]: https://ref.example/
"""


LIST_MARKER = re.compile(r"^ *(?:•|\d+[.)]) ", re.MULTILINE)


def assert_words_map_back(shown: str, source: str, source_map: SourceMap) -> None:
    """Every word of the shown text is the same word at its mapped place in the source.

    List bullets and numbers are the only words Byline writes itself: they are not in the map.
    """
    markers = {index for marker in LIST_MARKER.finditer(shown) for index in range(*marker.span())}
    for match in re.finditer(r"[^\W_]+", shown):
        if match.start() in markers:
            assert not any(source_map.is_mapped(i) for i in range(match.start(), match.end()))
            continue
        begin, end = source_map.span_to_source(match.start(), match.end())
        assert source[begin:end] == match.group(), (match.group(), source[begin:end])


def test_markdown_is_shown_as_plain_text() -> None:
    rendered = render_markdown(STORY)
    assert rendered.title == "Kremlin rules out talks"  # front matter wins over the first heading
    assert rendered.published == "2024-08-19"
    assert rendered.author == "Maria Kovalenko, Ivan Petrov"
    lines = rendered.text.split("\n")
    assert lines[0] == (
        "The Kremlin has ruled out talks, a senior adviser to President Vladimir Putin said on Monday "
        "& again on Tuesday."
    )
    assert lines[1] == "“At this stage, we will not talk,” Yuri Ushakov stated."
    assert lines[2] == ""  # a section break before the second-level heading
    assert lines[3] == "What Kyiv says"
    assert lines[4] == "• Volodymyr Zelensky said the operation was meeting its goals."
    assert lines[5] == "• Oleksandr Syrskyi reported an advance of  two kilometres."
    assert lines[6] == "1. First point"
    assert lines[7] == "2. Second point with a reference link and *escaped stars*"
    assert lines[8:] == ["", "Closing line with inline HTML."]
    for syntax in ("**", "](", "https://", "map.png", "#", "`", "&amp;", "<br>", "ref.example"):
        assert syntax not in rendered.text


def test_first_heading_is_the_title_without_front_matter() -> None:
    rendered = render_markdown("Intro heading\n=============\n\nBody *text*.\n\n# Later heading\n\nMore.\n")
    assert rendered.title == "Intro heading"
    assert rendered.text == "Body text.\n\nLater heading\nMore."


def test_markdown_offsets_map_back_to_the_source() -> None:
    rendered = render_markdown(STORY)
    assert_words_map_back(rendered.text, STORY, rendered.source_map)
    start = rendered.text.index("Yuri Ushakov")
    begin, end = rendered.source_map.span_to_source(start, start + len("Yuri Ushakov"))
    assert STORY[begin:end] == "Yuri Ushakov"


def test_loaded_markdown_keeps_its_map_in_metadata(tmp_path: Path) -> None:
    source = "# Talks are off\n\nBy Maria Kovalenko\n\nPublished: 2024-08-19\n\nThe _Kremlin_ said no.\n"
    path = tmp_path / "story.md"
    path.write_text(source, encoding="utf-8")
    article = load_article(path)
    assert (article.title, article.author, article.published) == (
        "Talks are off", "Maria Kovalenko", "2024-08-19")
    assert article.text == "The Kremlin said no."
    assert article.metadata["format"] == "markdown"
    source_map = article_source_map(article)
    assert source_map is not None
    assert_words_map_back(article.text, source, source_map)


def test_crlf_markdown_maps_back(tmp_path: Path) -> None:
    source = "# Title\r\n\r\nFirst *para*\r\ncontinues.\r\n\r\n- item\r\n"
    path = tmp_path / "crlf.md"
    path.write_bytes(source.encode("utf-8"))
    article = load_article(path)
    assert article.text == "First para continues.\n• item"
    source_map = article_source_map(article)
    assert source_map is not None
    assert_words_map_back(article.text, source, source_map)


def test_newline_normalisation_map() -> None:
    source = "a\r\nb\rc\n"
    shown, source_map = normalise_newlines(source)
    assert shown == "a\nb\nc\n"
    assert [source_map.to_source(i) for i in range(len(shown))] == [0, 1, 3, 4, 5, 6]
    assert source_map.span_to_source(0, len(shown)) == (0, len(source))


# Markdown built from pieces that exercise every kind of syntax the renderer strips.
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzKURSéü’“”0123456789 ", min_size=1, max_size=20)
INLINE = st.one_of(
    WORDS,
    WORDS.map(lambda w: f"*{w.strip() or 'x'}*"),
    WORDS.map(lambda w: f"**{w.strip() or 'x'}**"),
    WORDS.map(lambda w: f"`{w.strip() or 'x'}`"),
    st.tuples(WORDS, WORDS).map(lambda p: f"[{p[0].strip() or 'x'}](http://{p[1].strip() or 'u'}.example/b)"),
    WORDS.map(lambda w: f"![{w}](img.png)"),
    st.just("&amp;"),
    st.just("\\*"),
    st.just("<b>"),
)
PARAGRAPH = st.lists(INLINE, min_size=1, max_size=6).map(" ".join)
BLOCK = st.one_of(
    PARAGRAPH,
    PARAGRAPH.map(lambda p: f"# {p}"),
    PARAGRAPH.map(lambda p: f"## {p}"),
    PARAGRAPH.map(lambda p: f"> {p}"),
    PARAGRAPH.map(lambda p: f"- {p}"),
    PARAGRAPH.map(lambda p: f"1. {p}"),
    PARAGRAPH.map(lambda p: f"{p}\n{p}"),
    st.just("```\ncode  block\n```"),
    st.just("---"),
)
SEPARATOR = st.sampled_from(["\n\n", "\r\n\r\n", "\n"])
DOCUMENT = st.tuples(st.lists(BLOCK, min_size=1, max_size=6), SEPARATOR).map(
    lambda blocks_and_separator: blocks_and_separator[1].join(blocks_and_separator[0])
)


@settings(max_examples=60, deadline=None)
@given(DOCUMENT)
def test_every_mapped_character_is_the_same_character_in_the_source(source: str) -> None:
    rendered = render_markdown(source)
    source_map = rendered.source_map
    previous = -1
    for index, char in enumerate(rendered.text):
        position = source_map.to_source(index)
        assert 0 <= position <= len(source)
        assert position >= previous  # the map never runs backwards
        previous = position
        if not char.isspace():
            assert source_map.is_mapped(index) or char in "•.)0123456789", char
        if not char.isspace() and source_map.is_mapped(index):
            assert source[position] == char
    assert_words_map_back(rendered.text, source, source_map)
