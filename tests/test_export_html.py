"""The HTML export (issue 16, "Share an annotated article"): one self-contained page of the article
with the reader's layers, theme colours, actors panel and margin notes; outside text escaped.

Checked structurally here (parsed with lxml, a Byline dependency), and in a real browser
(headless Chromium) when one is installed."""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest
from lxml import html as lxml_html
from tui_sample import sample_analysis, sample_article

from reader.analysis.model import Actor, Analysis, Entity, Span, Statement
from reader.cli import main
from reader.export import build_export, render
from reader.export_html import html_text
from reader.notes import Highlight, NoteStore
from reader.sources import load_article
from reader.sources.article import Article
from reader.themes import load_theme


def highlight_of(text: str, needle: str, tag: str = "green", note: str = "") -> Highlight:
    start = text.index(needle)
    highlight = Highlight.from_text(text, start, start + len(needle), note)
    highlight.tag = tag
    return highlight


def sample_page(theme: str = "default") -> tuple[Article, list[Highlight], str]:
    article = sample_article()
    text = article.text
    highlights = [
        highlight_of(text, "At this stage, we will not talk.", "yellow", "Flat refusal.\nSee <b>below</b>."),
        highlight_of(text, "The Ukrainian offensive has been planned in complete secrecy", "pink"),
        highlight_of(text, "Kursk region on August 6", "green"),
    ]
    document = build_export(article, sample_analysis(article), highlights)
    return article, highlights, render(document, "html", theme=load_theme(theme))


def class_css(page: str) -> dict[str, dict[str, str]]:
    """``.sN{a:b;c:d}`` rules of the page's style sheet, as {class: {property: value}}."""
    rules: dict[str, dict[str, str]] = {}
    for name, body in re.findall(r"\.(s\d+)\{([^}]*)\}", page):
        rules[name] = dict(item.split(":", 1) for item in body.split(";") if item)
    return rules


def check_self_contained(tree: lxml_html.HtmlElement) -> None:
    """No script, no event handler, nothing fetched: every link stays in the page."""
    assert tree.xpath("//script") == [] and tree.xpath("//iframe|//object|//embed|//img|//link") == []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), (element.tag, name)
            if name in ("href", "src", "action", "formaction", "srcset", "poster"):
                assert value.startswith("#"), (element.tag, name, value)
    css = "".join(tree.xpath("//style/text()"))
    assert "url(" not in css and "@import" not in css


def check_spans(tree: lxml_html.HtmlElement, text: str) -> list[lxml_html.HtmlElement]:
    """Every styled stretch shows exactly text[start:end]; returns them."""
    spans = tree.xpath("//main//span[@data-start]")
    assert spans
    for span in spans:
        start, end = int(span.get("data-start")), int(span.get("data-end"))
        assert span.text_content() == html_text(text[start:end]), (start, end)
    return spans


def check_highlights(spans: list[lxml_html.HtmlElement], text: str, highlights: list[Highlight],
                     paragraphs: tuple[tuple[int, int], ...]) -> None:
    """Each highlight's pieces cover exactly its characters inside paragraphs."""
    for highlight in highlights:
        covered = {
            offset
            for span in spans
            if highlight.id in (span.get("data-highlight") or "").split()
            for offset in range(int(span.get("data-start")), int(span.get("data-end")))
        }
        expected = {
            offset for offset in range(highlight.start, highlight.end)
            if any(start <= offset < end for start, end in paragraphs)
        }
        assert covered == expected, highlight.exact


def test_the_page_shows_the_article_with_the_readers_layers_and_theme_colours() -> None:
    article, highlights, page = sample_page()
    tree = lxml_html.document_fromstring(page)
    check_self_contained(tree)
    spans = check_spans(tree, article.text)
    check_highlights(spans, article.text, highlights, article.structure.paragraphs)
    theme = load_theme("default")
    rules = class_css(page)

    def css_of(span: lxml_html.HtmlElement) -> dict[str, str]:
        return rules[span.get("class")]

    by_layers = {span.get("data-layers"): span for span in spans}
    # an entity alone: its label's colour
    person = next(s for s in spans if s.get("data-layers") == "entity.PERSON")
    assert css_of(person)["color"] == theme.style("entity.PERSON").color.get_truecolor().hex
    # a yellow highlight over a direct quote: the highlight's colours, as the reader composes them
    yellow = next(s for s in spans if s.get("data-layers") == "quote.direct highlight.yellow")
    assert css_of(yellow) == {"color": "#16181d", "background-color": "#f0e06a"}
    # the speaker and cue of a statement
    assert css_of(by_layers["speaker"]) == {"color": "#8cc8ff", "font-weight": "bold"}
    assert css_of(by_layers["cue"]) == {"color": "#c4a7e7", "font-style": "italic"}
    # a reported statement
    assert css_of(by_layers["quote.indirect"]) == {"color": "#b9c7e0", "font-style": "italic"}
    # the note marker on the last character of the noted highlight
    [marker] = [s for s in spans if s.get("data-layers", "").endswith("note.marker")]
    assert int(marker.get("data-end")) == highlights[0].end and css_of(marker)["color"] == "#ff9e64"
    # the page itself in the theme's background and text colours
    assert ":root{--bg:#16181D;--fg:#d8dee9;" in page


def test_the_margin_holds_the_notes_beside_their_paragraph_and_the_panel_the_actors() -> None:
    _, highlights, page = sample_page()
    tree = lxml_html.document_fromstring(page)
    notes = tree.xpath("//div[@class='margin']/div[@class='note']")
    assert [(n.get("data-tag"), n.getparent().getparent().xpath("./p")[0].get("id")) for n in notes] == [
        ("green", "p3"), ("yellow", "p5"), ("pink", "p7")
    ]
    yellow = notes[1]
    assert yellow.xpath(".//blockquote")[0].text_content() == "“At this stage, we will not talk.…”"
    assert yellow.xpath(".//div[@class='note-text']")[0].text_content() == "Flat refusal.\nSee <b>below</b>."
    who = yellow.xpath(".//div[@class='who']")[0].text_content()
    assert who == "Yuri Ushakov, Kremlin adviser · direct quote"
    assert yellow.xpath(".//a")[0].get("href") == f"#h-{highlights[0].id}"
    assert tree.xpath(f"//a[@id='h-{highlights[0].id}']")  # the target is in the text
    panel = tree.xpath("//aside[@class='actors']")[0]
    assert [h.text_content() for h in panel.xpath(".//h3")] == [
        "Yuri Ushakov", "Volodymyr Zelensky", "Oleksandr Syrskyi"
    ]
    first = panel.xpath(".//section[1]//li")
    assert [li.text_content() for li in first] == [
        "¶5 reported speech · says the current situation is not conducive to diplomatic talks",
        "¶5 direct quote · says “At this stage, we will not talk. Entering into a negotiation process now "
        "would be completely inappropriate,”",
    ]
    for link in panel.xpath(".//li/a"):
        assert tree.xpath(f"//a[@id='{link.get('href')[1:]}']")
    assert "Also mentioned: Kursk, Kremlin" in panel.text_content()


HOSTILE_TEXT = (
    "<script>alert('title')</script> headline\n\n"
    "The minister said \"</style><script>alert(1)</script>\" to reporters.\n"
    "A caption: \" onmouseover=\"alert(2)\" x=\" and '><img src=x onerror=alert(3)> & more.\n"
    "Control \x1b[31m and \x00 NUL.\n"
)


def test_hostile_article_text_notes_and_names_stay_text() -> None:
    text = HOSTILE_TEXT
    article = Article(text=text, source="evil\"><script>.txt", title="</title><script>alert(4)</script>",
                      author="<b onclick=x>me</b>")
    quote_start = text.index('"</style>')
    quote_end = text.index('" to reporters') + 1
    minister = Span(text.index("minister"), text.index("minister") + 8, "minister")
    said = Span(text.index("said"), text.index("said") + 4, "said")
    statement = Statement(quote_start, quote_end, text[quote_start:quote_end], "direct",
                          [Span(quote_start + 1, quote_end - 1, text[quote_start + 1 : quote_end - 1])],
                          "<i>Evil</i>", minister, said, "evil")
    caption = text.index("onmouseover")
    analysis = Analysis(
        text=text, source=article.source, statements=[statement],
        entities=[Entity(caption, caption + 11, "onmouseover", 'X" onclick="alert(5)')],
        actors=[Actor("evil", "<i>Evil</i>\" onclick=\"y", "person", statements=[0],
                      mention_spans=[minister])],
    )
    highlights = [
        highlight_of(text, "<img src=x onerror=alert(3)>", "pink", "</div><script>alert(6)</script>"),
        highlight_of(text, "\x1b[31m and \x00 NUL"),
    ]
    page = render(build_export(article, analysis, highlights), "html", theme=load_theme("default"))
    assert "<script" not in page.lower()
    assert "<img" not in page
    assert page.count("</style>") == 1  # the page's own: the article's one is escaped
    tree = lxml_html.document_fromstring(page)
    check_self_contained(tree)
    check_highlights(check_spans(tree, text), text, highlights, article.structure.paragraphs)
    assert tree.xpath("//title")[0].text_content() == "</title><script>alert(4)</script>"
    assert "<script>alert('title')</script> headline" in tree.xpath("//main")[0].text_content()
    assert tree.xpath("//div[@class='note-text']")[0].text_content() == "</div><script>alert(6)</script>"
    assert tree.xpath("//aside//h3")[0].text_content() == "<i>Evil</i>\" onclick=\"y"
    entity = tree.xpath("//span[contains(@data-layers, 'onclick')]")[0]
    assert entity.get("data-layers") == 'entity.X" onclick="alert(5)' and entity.get("onclick") is None
    assert "\x00" not in page and "\x1b" not in page  # shown as U+FFFD
    assert html_text("a\x00b\x1bc\td\ne") == "a\ufffdb\ufffdc\td\ne"


def test_byline_export_format_html_writes_one_page_in_the_chosen_theme(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "kursk.txt"
    shutil.copyfile(sample_article().source, copy)
    article = load_article(copy)
    store = NoteStore.open(article)
    start = article.text.index("At this stage")
    store.set_tag(store.add(start, start + 13).id, "blue")
    monkeypatch.setattr("reader.commands.export.analyse_article",
                        lambda article, model: sample_analysis(article))
    out = tmp_path / "kursk.notes.html"
    assert main(["export", str(copy), "--format", "html", "--theme", "light", "-o", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert ":root{--bg:#FBFAF6;" in page and "theme light" in page
    tree = lxml_html.document_fromstring(page)
    [piece] = tree.xpath("//span[@data-highlight]")
    assert piece.text_content() == "At this stage"
    assert class_css(page)[piece.get("class")]["background-color"] == "#b6d4fe"  # light's highlight.blue
    assert main(["export", str(copy), "--format", "html", "--tag", "green", "-o", "-"]) == 0
    assert "data-highlight" not in capsys.readouterr().out


# -- a real browser ------------------------------------------------------------------------------------

BROWSERS = ("chromium", "chromium-browser", "chromium-headless-shell", "headless_shell", "google-chrome",
            "google-chrome-stable", "chrome")


def find_browser() -> str | None:
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    for path in ("/usr/lib/chromium/chromium", "/usr/lib/chromium/headless_shell"):
        if Path(path).exists():
            return path
    return None


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and rows of RGB pixels (alpha dropped) of an 8-bit non-interlaced PNG, as
    Chromium writes its screenshots."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks += body
        position += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour_type in (2, 6)
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(chunks)
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        for x in range(stride):
            left = line[x - channels] if x >= channels else 0
            up = previous[x]
            up_left = previous[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + left) & 0xFF
            elif kind == 2:
                line[x] = (line[x] + up) & 0xFF
            elif kind == 3:
                line[x] = (line[x] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - up_left
                distances = (abs(estimate - left), abs(estimate - up), abs(estimate - up_left))
                predictor = (left, up, up_left)[distances.index(min(distances))]
                line[x] = (line[x] + predictor) & 0xFF
        rows.append(bytes(line) if channels == 3 else bytes(b for i, b in enumerate(line) if i % 4 != 3))
        previous = line
    return width, height, rows


def test_a_real_browser_renders_the_page_without_errors_and_the_highlights_where_the_offsets_say(
    tmp_path: Path,
) -> None:
    browser = find_browser()
    if browser is None:
        pytest.skip(f"no Chromium or Chrome binary found (looked for {', '.join(BROWSERS)}): "
                    "install the system's chromium (Debian: chromium or chromium-headless-shell) to run it")
    article, highlights, page = sample_page()
    file = tmp_path / "page.html"
    file.write_text(page, encoding="utf-8")
    common = [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-extensions",
              "--no-first-run", "--enable-logging=stderr", "--v=0", f"--user-data-dir={tmp_path / 'profile'}"]
    shot = tmp_path / "page.png"
    rendered = subprocess.run([*common, "--window-size=1400,1600", f"--screenshot={shot}", file.as_uri()],
                              capture_output=True, text=True, timeout=120, check=False)
    assert shot.exists() and shot.stat().st_size > 1000, rendered.stderr[-2000:]
    console = [line for line in rendered.stderr.splitlines() if "CONSOLE" in line or "Refused to" in line]
    assert console == [], console
    dumped = subprocess.run([*common, "--dump-dom", file.as_uri()], capture_output=True, text=True,
                            timeout=120, check=False)
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    assert [line for line in dumped.stderr.splitlines() if "CONSOLE" in line or "Refused to" in line] == []
    tree = lxml_html.document_fromstring(dumped.stdout)  # the DOM as the browser built it
    check_self_contained(tree)
    spans = check_spans(tree, article.text)
    check_highlights(spans, article.text, highlights, article.structure.paragraphs)
    # the highlights' theme backgrounds are on screen
    _, _, rows = png_pixels(shot.read_bytes())
    pixels = {row[x : x + 3] for row in rows for x in range(0, len(row), 3)}
    for colour in ("f0e06a", "f5a3c7", "9ece6a"):  # default theme: highlight.yellow, .pink, .green
        assert bytes.fromhex(colour) in pixels, colour
