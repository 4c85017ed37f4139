"""Loading articles from files: formats, headers, encodings, size limits and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import BylineError
from reader.sources import DEFAULT_MAX_BYTES, article_source_map, discover, load_article
from reader.sources.header import looks_like_headline, parse_date, parse_header
from reader.sources.raw import describe_binary

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
NEWS_PAGE = FIXTURES / "news-page.html"
BOILERPLATE = (
    "Advertisement",
    "SuperLoans",
    "CloudBrew",
    "Sponsored",
    "Subscribe",
    "Comments (3)",
    "peacenow42",
    "Unbelievable that nobody saw this coming",
    "Join the discussion",
    "Most read",
    "Celebrity chef",
    "All rights reserved",
    "Share on social media",
    "The Daily Ledger",
)


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


# --- plain text -----------------------------------------------------------------------------------


def test_sample_article_is_read_unchanged(kursk_text: str) -> None:
    from conftest import KURSK

    article = load_article(KURSK)
    assert article.text == kursk_text
    assert article.title is None  # its first line is a sentence, not a headline
    assert article.encoding == "utf-8"
    assert article.metadata["format"] == "text"
    assert article.source == str(KURSK)


def test_text_header_becomes_metadata_and_offsets_map_back(tmp_path: Path) -> None:
    source = (
        "\r\nKremlin rules out talks over Kursk incursion\r\n"
        "By Jane Doe and John Roe\r\n"
        "Published: August 19, 2024 10:32 GMT\r\n\r\n"
        "The Kremlin said “no talks”.\r\nUshakov stated it on Monday.\r\n"
    )
    article = load_article(write(tmp_path, "story.txt", source))
    assert article.title == "Kremlin rules out talks over Kursk incursion"
    assert article.author == "Jane Doe and John Roe"
    assert article.published == "2024-08-19"
    assert article.metadata["header"] == {"published_text": "August 19, 2024 10:32 GMT"}
    # The text is the file's (line ends aside); the body starts after the header lines.
    assert article.text == source.replace("\r\n", "\n")
    body = "The Kremlin said “no talks”.\nUshakov stated it on Monday.\n"
    assert article.text[article.body_start :] == body
    source_map = article_source_map(article)
    assert source_map is not None
    for word in ("Kremlin", "“no talks”", "Ushakov", "Monday"):
        start = article.text.index(word)
        begin, end = source_map.span_to_source(start, start + len(word))
        assert source[begin:end] == word


def test_text_field_lines_in_any_order(tmp_path: Path) -> None:
    source = "Title: A quiet week\nAuthor: Desk staff\nDate: 2024-08-06\nSource: Wire\n\nBody text here.\n"
    article = load_article(write(tmp_path, "a.txt", source))
    assert (article.title, article.author, article.published) == ("A quiet week", "Desk staff", "2024-08-06")
    assert article.metadata["header"]["source"] == "Wire"
    assert article.text == source
    assert article.text[article.body_start :] == "Body text here.\n"


def test_a_single_headline_like_line_is_the_body_not_a_title(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "short.txt", "Breaking: talks are off\n"))
    assert article.title is None
    assert article.text == "Breaking: talks are off\n"
    assert article.body_start == 0


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Kremlin rules out talks over Kursk incursion", True),
        ("Will there be talks?", True),
        ("The Kremlin said on Monday that talks were off.", False),
        ("“We will not talk,” he said.”", False),
        ("Said Ushakov:", False),
        ("2024", False),
        ("word " * 25, False),
    ],
)
def test_headline_rule(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_byline_needs_a_capitalised_name_and_no_sentence() -> None:
    assert parse_header("By Maria Kovalenko, Reuters\nText.\n").author == "Maria Kovalenko, Reuters"
    assert parse_header("By the end of the week, talks had stalled.\nText.\n").author is None
    assert parse_header("By Monday the troops had advanced.\nMore.\n").body_start == 0


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-08-19", "2024-08-19"),
        ("August 19, 2024 10:32 GMT", "2024-08-19"),
        ("19 Aug 2024", "2024-08-19"),
        ("Mon 19 August 2024, updated 11:00", "2024-08-19"),
        ("Monday", None),
        ("last week", None),
    ],
)
def test_published_dates_are_normalised(value: str, expected: str | None) -> None:
    assert parse_date(value) == expected


# --- encodings ------------------------------------------------------------------------------------

WESTERN = "Café crème: “Señor Müller”, naïve — 5 €.\nZürich’s Straße.\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (WESTERN.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + WESTERN.encode("utf-8"), "utf-8"),
        (WESTERN.encode("utf-16"), "utf-16"),
        (b"\xfe\xff" + WESTERN.encode("utf-16-be"), "utf-16"),
        (WESTERN.encode("utf-16-le"), "utf-16"),  # no byte-order mark
        (WESTERN.encode("utf-16-be"), "utf-16"),
        (WESTERN.encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_are_detected(tmp_path: Path, data: bytes, encoding: str) -> None:
    article = load_article(write(tmp_path, "enc.txt", data))
    assert article.text == WESTERN
    assert article.encoding == encoding


def test_utf8_bom_is_recorded_but_not_shown(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + WESTERN.encode("utf-8")))
    assert not article.text.startswith("\ufeff")
    assert article.metadata["bom"] is True


def test_latin1_text_is_read(tmp_path: Path) -> None:
    text = "Zürich, São Paulo and Malmö: the mayor’s office said it was ready.\n".replace("’", "'")
    article = load_article(write(tmp_path, "latin.txt", text.encode("latin-1")))
    assert article.text == text
    assert article.encoding in ("cp1252", "latin-1")


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    body = "<p>" + "Москва заявила, что переговоры невозможны. " * 8 + "</p>"
    page = f'<html><head><meta charset="windows-1251"><title>Москва</title></head><body><article>{body}' \
           f"</article></body></html>"
    article = load_article(write(tmp_path, "ru.html", page.encode("cp1251")))
    assert article.encoding == "cp1251"
    assert "переговоры невозможны" in article.text


# --- HTML -----------------------------------------------------------------------------------------


def test_saved_news_page_yields_title_date_author_and_body_only() -> None:
    article = load_article(NEWS_PAGE)
    assert article.metadata["format"] == "html"
    assert article.title == "Kremlin rules out talks as Ukraine presses Kursk push"
    assert article.published == "2024-08-19"
    assert article.author == "Maria Kovalenko"
    paragraphs = article.text.split("\n")
    assert len(paragraphs) == 5
    assert paragraphs[0].startswith("The Kremlin has firmly ruled out negotiations")
    assert "“At this stage, we will not talk." in paragraphs[1]
    assert paragraphs[-1].endswith("gaining ground for months.")
    for junk in BOILERPLATE:
        assert junk not in article.text, junk


def test_the_same_page_loads_the_same_every_time() -> None:
    # trafilatura can drop paragraphs it has seen before in the process (deduplication for crawls):
    # a reader opens the same page again and again, so that must stay off.
    texts = {load_article(NEWS_PAGE).text for _ in range(8)}  # deduplication struck at the 7th
    assert len(texts) == 1 and "Yuri Ushakov stated" in texts.pop()


def test_html_is_recognised_by_content_without_a_suffix(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "saved-page", NEWS_PAGE.read_bytes()))
    assert article.metadata["format"] == "html"
    assert article.title == "Kremlin rules out talks as Ukraine presses Kursk push"


def test_htm_suffix_is_html(tmp_path: Path) -> None:
    article = load_article(write(tmp_path, "page.HTM", NEWS_PAGE.read_bytes()))
    assert article.published == "2024-08-19"


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
        "<html><body><script>var x = 1;</script></body></html>",
        "<html><head><title>Site</title></head><body><header><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/world'>World news</a></li></ul></nav></header><div class='ad'>Buy now, pay later"
        "</div><footer>(c) 2024 Site. All rights reserved.</footer></body></html>",
    ],
)
def test_html_without_an_article_is_a_one_line_error(tmp_path: Path, page: str) -> None:
    with pytest.raises(BylineError, match="no article text found"):
        load_article(write(tmp_path, "empty.html", page))


# --- bad input ------------------------------------------------------------------------------------


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(BylineError, match="no such file"):
        load_article(tmp_path / "nope.txt")


def test_folder_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(BylineError, match="is a folder"):
        load_article(tmp_path)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", "Some text.\n")
    path.chmod(0)
    real_open = Path.open

    def deny(self: Path, *args: object, **kwargs: object):  # root ignores mode bits: deny like the OS would
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(BylineError, match="permission denied"):
        load_article(path)


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "a ZIP archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
        (b"some text\x00\x01\x02 with nul bytes", "binary data"),
    ],
)
def test_binary_files_are_named(tmp_path: Path, data: bytes, what: str) -> None:
    with pytest.raises(BylineError, match=f"looks like {what}"):
        load_article(write(tmp_path, "article.txt", data))


def test_describe_binary_leaves_text_alone() -> None:
    assert describe_binary("Plain words, “quotes” and tabs\t.\n".encode()) is None
    assert describe_binary(b"MZ Ahmed said hello.") is None
    assert describe_binary(WESTERN.encode("utf-16")) is None


@pytest.mark.parametrize(("data", "message"), [(b"", "is empty"), (b"  \n\t\r\n  ", "only whitespace")])
def test_empty_files(tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(BylineError, match=message):
        load_article(write(tmp_path, "blank.txt", data))


def test_markdown_with_only_a_title_has_nothing_to_read(tmp_path: Path) -> None:
    with pytest.raises(BylineError, match="has a title but no article text"):
        load_article(write(tmp_path, "t.md", "# Just a title\n\n![photo](p.jpg)\n"))


def test_size_limit_by_parameter_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "big.txt", "word " * 300)
    with pytest.raises(BylineError, match=r"too large \(1.46 KiB\); the limit is 1000 bytes"):
        load_article(path, max_bytes=1000)
    monkeypatch.setenv("BYLINE_MAX_BYTES", "1000")
    with pytest.raises(BylineError, match="set BYLINE_MAX_BYTES to raise it"):
        load_article(path)
    monkeypatch.setenv("BYLINE_MAX_BYTES", "2000")
    assert load_article(path).text.startswith("word word")
    monkeypatch.setenv("BYLINE_MAX_BYTES", "lots")
    with pytest.raises(BylineError, match="not a whole number"):
        load_article(path)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


# --- discover -------------------------------------------------------------------------------------


def test_discover_lists_articles_sorted(tmp_path: Path) -> None:
    for name in ("b.md", "A.txt", "c.HTML", "d.htm", "notes.pdf", ".hidden.txt", "e.markdown"):
        write(tmp_path, name, "Text.\n")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "inner.txt", "Text.\n")
    (tmp_path / "folder.txt").mkdir()
    assert [p.name for p in discover(tmp_path)] == ["A.txt", "b.md", "c.HTML", "d.htm", "e.markdown"]


def test_discover_errors(tmp_path: Path) -> None:
    with pytest.raises(BylineError, match="no such folder"):
        discover(tmp_path / "missing")
    with pytest.raises(BylineError, match="not a folder"):
        discover(write(tmp_path, "a.txt", "x"))
    (tmp_path / "empty").mkdir()
    assert discover(tmp_path / "empty") == []
