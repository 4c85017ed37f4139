"""Issue 15's export items: paragraph numbers, partial quotes once, balanced quotation marks, where
exports go and with what mode, exports never taken for articles, note-app Markdown, CSV."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
from pathlib import Path

import pytest
import yaml
from conftest import KURSK, SAMPLES
from textual.app import App
from textual.widgets import Input

from reader.analysis.model import Actor, Analysis, Span, Statement
from reader.cli import main
from reader.export import (
    build_export,
    default_export_path,
    fragment_encode,
    render,
    text_fragment_url,
    write_export,
)
from reader.export_csv import COLUMNS
from reader.notes import Highlight, NoteStore
from reader.paths import bundled_dir, exports_dir
from reader.sources import load_article
from reader.sources.article import Article
from reader.sources.corpus import walk
from reader.sources.discover import discover
from reader.tui.screens.export_dialog import ExportDialog

SAMPLE_NAMES = ["drought-water-talks.txt", "harbour-bridge-vote.txt", "kremlin-rules-out-talks-kursk.txt"]


def highlight_of(text: str, needle: str, tag: str = "green", note: str = "") -> Highlight:
    start = text.index(needle)
    highlight = Highlight.from_text(text, start, start + len(needle), note)
    highlight.tag = tag
    return highlight


# -- 1. paragraph numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "paragraphs", "needle", "number"),
    [
        ("drought-water-talks.txt", 10, "We cannot ask our farmers", 5),
        ("harbour-bridge-vote.txt", 15, "We listened to every objection", 6),
        ("kremlin-rules-out-talks-kursk.txt", 17, "At this stage", 5),
    ],
)
def test_every_paragraph_of_every_sample_is_numbered_as_the_reader_shows_it(
    name: str, paragraphs: int, needle: str, number: int
) -> None:
    article = load_article(SAMPLES / name)
    structure = article.structure
    assert len(structure.paragraphs) == paragraphs
    # One highlight at the start of every paragraph: the export numbers them 1..N, in order
    # (it used to number every statement ¶2 in two of the samples).
    highlights = [
        Highlight.from_text(article.text, start, min(end, start + 12)) for start, end in structure.paragraphs
    ]
    document = build_export(article, None, highlights)
    assert [item.paragraph for item in document.items] == list(range(1, paragraphs + 1))
    markdown = render(document, "md")
    assert [line.split()[1] for line in markdown.splitlines() if line.startswith("### ¶")] == [
        f"¶{n}" for n in range(1, paragraphs + 1)
    ]
    rows = list(csv.DictReader(io.StringIO(render(document, "csv"))))
    assert [row["Location"] for row in rows] == [str(n) for n in range(1, paragraphs + 1)]
    one = build_export(article, None, [highlight_of(article.text, needle)])
    assert one.items[0].paragraph == number
    assert f"### ¶{number}\n" in render(one, "md")


async def test_the_notes_tab_shows_the_paragraph_number_the_export_writes(tmp_path: Path) -> None:
    from tui_sample import sample_analysis, sample_article

    from reader.tui.app import BylineApp

    article = sample_article()
    app = BylineApp(article, analysis=sample_analysis(article))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "h")
        await pilot.pause()
        [highlight] = app.reader.notes.store.highlights
        label = str(app.reader.query_one("#notes-list").get_option_at_index(0).prompt)
        exported = build_export(article, None, [highlight]).items[0].paragraph
        assert exported == 5 and label.startswith("¶5  ")


# -- 2. partial quotes once, balanced quotation marks ------------------------------------------------

COX = (
    "Gun laws\n\n"
    "Cox says the NRA won't allow “law-abiding gun owners to be left defenceless” in the state. "
    "The vote is on Friday.\n"
)


def cox_analysis(text: str) -> Analysis:
    """A reported statement whose content runs into a partial quote (``within`` set by hand); the
    reported span stops before the closing mark, as an analysis may cut it."""
    content_start = text.index("the NRA")
    content_end = text.index("defenceless") + len("defenceless")
    quote_start = text.index("“")
    quote_end = text.index("”") + 1
    cue = Span(text.index("says"), text.index("says") + 4, "says")
    cox = Span(text.index("Cox"), text.index("Cox") + 3, "Cox")
    reported = Statement(content_start, content_end, text[content_start:content_end], "reported",
                         [Span(content_start, content_end, text[content_start:content_end])], "Cox", cox, cue,
                         "cox", frame="speech")
    direct = Statement(quote_start, quote_end, text[quote_start:quote_end], "direct",
                       [Span(quote_start + 1, quote_end - 1, text[quote_start + 1 : quote_end - 1])], "Cox",
                       cox, cue, "cox", frame="speech", within=0)
    actor = Actor("cox", "Chris Cox", "person", statements=[0, 1], mention_spans=[cox])
    return Analysis(text=text, source="cox.txt", statements=[reported, direct], actors=[actor])


def test_a_reported_statement_and_its_partial_quote_are_exported_once_with_balanced_marks() -> None:
    article = Article(text=COX, source="cox.txt")
    document = build_export(article, cox_analysis(COX), [], all_quotes=True)
    whole = "the NRA won't allow “law-abiding gun owners to be left defenceless”"
    assert [item.excerpt for item in document.items] == [whole]
    markdown = render(document, "md")
    assert markdown.count("law-abiding gun owners") == 2  # once as the item, once under the actor
    assert f"- ¶2, reported speech, says: {whole}" in markdown
    data = json.loads(render(document, "json"))
    assert data["total"] == 1
    [statement] = data["byline"]["actors"][0]["statements"]
    assert statement["excerpt"] == whole
    assert statement["partial_quotes"] == [
        {"start": COX.index("“"), "end": COX.index("”") + 1,
         "text": "“law-abiding gun owners to be left defenceless”"}
    ]
    rows = list(csv.DictReader(io.StringIO(render(document, "csv"))))
    assert [row["Highlight"] for row in rows] == [whole]


def test_a_partial_quote_whose_statement_is_not_exported_is_still_exported() -> None:
    article = Article(text=COX, source="cox.txt")
    analysis = cox_analysis(COX)
    highlight = highlight_of(COX, "“law-abiding gun owners to be left defenceless”")
    document = build_export(article, analysis, [highlight])
    assert [(item.excerpt, item.quote.kind if item.quote else None) for item in document.items] == [
        ("“law-abiding gun owners to be left defenceless”", "direct")
    ]


@pytest.mark.parametrize(
    ("needle", "excerpt"),
    [
        # starts right after the opening mark, ends mid-quote: the closing mark comes back after "…"
        ("At this stage, we will not talk.", "“At this stage, we will not talk.…”"),
        # starts mid-quote and runs past its end: the opening mark and "…" in front
        ("we will not talk. Entering into a negotiation process now would be completely inappropriate,” "
         "Ushakov", "“…we will not talk. Entering into a negotiation process now would be completely "
         "inappropriate,” Ushakov"),
        # inside on both sides
        ("negotiation process", "“…negotiation process…”"),
        # the whole quotation, marks and all: unchanged
        ("“We are seeing new successes in the area,”", "“We are seeing new successes in the area,”"),
        # no quotation at all: unchanged
        ("The Kremlin has firmly ruled out", "The Kremlin has firmly ruled out"),
    ],
)
def test_a_highlight_cutting_through_a_quotation_is_exported_with_balanced_marks(
    needle: str, excerpt: str
) -> None:
    article = load_article(KURSK)
    document = build_export(article, None, [highlight_of(article.text, needle)])
    assert document.items[0].excerpt == excerpt
    assert document.items[0].text == needle  # the stored words themselves are untouched
    assert f"> {excerpt}" in render(document, "md")
    [row] = list(csv.DictReader(io.StringIO(render(document, "csv"))))
    assert row["Highlight"] == excerpt


def test_straight_and_newspaper_quotation_marks_are_balanced_too() -> None:
    text = "He said \"we will build it now\" and ''never again'' today.\n"
    article = Article(text=text, source="x.txt")
    items = build_export(article, None, [highlight_of(text, "we will build"),
                                         highlight_of(text, "again'' today")]).items
    assert [item.excerpt for item in items] == ['"we will build…"', "''…again'' today"]


# -- 3. where exports go, standard output, file mode --------------------------------------------------


def test_the_default_export_path_is_never_in_the_package_or_beside_a_sample(byline_home: Path) -> None:
    sample = load_article(bundled_dir("sample_articles") / SAMPLE_NAMES[2])
    for fmt, suffix in [("md", ".md"), ("csv", ".csv"), ("html", ".html")]:
        path = default_export_path(sample, fmt)  # type: ignore[arg-type]
        assert path == byline_home / "exports" / f"kremlin-rules-out-talks-kursk.notes{suffix}"
        package = Path(__import__("reader").__file__).resolve().parent
        assert package not in path.parents and bundled_dir("sample_articles") not in path.parents
    assert default_export_path(Article(text="x", source="https://news.example/2024/08/kursk-talks.html")) == (
        byline_home / "exports" / "kursk-talks.notes.md"
    )
    assert default_export_path(Article(text="x", source="-")) == byline_home / "exports" / "article.notes.md"


def test_without_byline_home_exports_go_to_the_documents_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("BYLINE_HOME")
    assert exports_dir() == Path(platformdirs.user_documents_dir()) / "Byline"


def test_exported_files_get_the_usual_mode_and_the_store_stays_private(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        new = tmp_path / "new.notes.md"
        write_export("text\n", new)
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.notes.md"
        kept.write_text("old", encoding="utf-8")
        kept.chmod(0o640)
        write_export("new\n", kept, force=True)
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text(encoding="utf-8") == "new\n"
        # the default exports folder is made on first use, the file in it 0644 too
        default = exports_dir() / "first.notes.csv"
        write_export("a,b\n", default)
        assert stat.S_IMODE(default.stat().st_mode) == 0o644
        article = Article(text="Some words here.", source=str(tmp_path / "a.txt"))
        store = NoteStore.open(article)
        store.add(0, 4)
        assert stat.S_IMODE(store.file.stat().st_mode) == 0o600  # the notes store is the reader's own
    finally:
        os.umask(old)


def test_cli_dash_o_dash_is_standard_output_for_every_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    copy = tmp_path / "kursk.txt"
    shutil.copyfile(KURSK, copy)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("reader.commands.export.analyse_article", lambda article, model: None)
    NoteStore.open(load_article(copy)).add(*_span(load_article(copy).text, "At this stage"))
    starts = [("md", "---\n"), ("json", "{"), ("csv", "Highlight,Title,"), ("html", "<!DOCTYPE html>")]
    for fmt, start in starts:
        assert main(["export", str(copy), "--format", fmt, "-o", "-"]) == 0
        assert capsys.readouterr().out.startswith(start)
    assert not (tmp_path / "-").exists()


def _span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


class DialogHarness(App[None]):
    def __init__(self, dialog: ExportDialog) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[object] = []
        self.messages: list[str] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)

    def notify(self, message: str, **kwargs: object) -> None:  # type: ignore[override]
        self.messages.append(message)


async def test_the_export_dialog_does_not_write_a_file_named_dash(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = DialogHarness(ExportDialog(tmp_path / "a.notes.md"))
    async with app.run_test() as pilot:
        path_input = app.screen.query_one("#export-path", Input)
        path_input.value = ""
        path_input.focus()  # the format list has the focus when the dialog opens
        await pilot.pause()
        await pilot.press("minus", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog) and app.results == []
    assert any("standard output" in message for message in app.messages)
    assert not (tmp_path / "-").exists()


# -- 4. Byline's exports are never articles ------------------------------------------------------------


def test_byline_dir_and_analyze_dir_skip_every_export_format(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("A story.\n", encoding="utf-8")
    names = ["story.notes.md", "story.notes.json", "story.notes.yaml", "story.notes.yml", "story.notes.csv",
             "story.notes.html", "STORY.NOTES.HTML"]
    for name in names:
        (tmp_path / name).write_text("Highlight\nx\n", encoding="utf-8")
    (tmp_path / "corpus.csv").write_text("text\nA row.\n", encoding="utf-8")
    assert [p.name for p in discover(tmp_path)] == ["story.txt"]
    assert sorted(p.name for p in walk(tmp_path)) == ["corpus.csv", "story.txt"]


# -- 5. Markdown for note apps ---------------------------------------------------------------------------


def test_markdown_has_front_matter_a_note_app_reads(tmp_path: Path) -> None:
    copy = tmp_path / "harbour.txt"
    shutil.copyfile(SAMPLES / "harbour-bridge-vote.txt", copy)
    article = load_article(copy)
    highlights = [highlight_of(article.text, "We listened", "yellow"), highlight_of(article.text, "bridge")]
    text = render(build_export(article, None, highlights), "md")
    assert text.startswith("---\n")
    front = yaml.safe_load(text.split("---\n")[1])
    assert {key: front[key] for key in ("title", "source", "author", "published", "tags")} == {
        "title": "Council approves harbour bridge despite fishermen's protest",
        "source": copy.resolve().as_uri(),
        "author": "Maria Lopes",
        "published": "2025-03-14",
        "tags": ["byline", "highlight/green", "highlight/yellow"],
    }
    assert front["generator"].startswith("Byline ")


def test_a_web_article_links_each_passage_with_a_percent_encoded_text_fragment() -> None:
    text = "Title\n\nThe plan – drawn up in secret, & now public – was a push-back against critics.\n"
    article = Article(text=text, source="https://news.example/a/b?x=1", title="Title", author="A. Writer")
    short = highlight_of(text, "drawn up in secret, & now public")
    long = highlight_of(text, text.splitlines()[2])
    markdown = render(build_export(article, None, [short, long]), "md")
    assert (
        "[Open in the source](<https://news.example/a/b?x=1#:~:text=drawn%20up%20in%20secret%2C%20%26%20now%20public>)"
        in markdown
    )
    # a long passage: its first and last four words (textStart,textEnd)
    assert (
        "(<https://news.example/a/b?x=1#:~:text=The%20plan%20%E2%80%93%20drawn,a%20push%2Dback%20against%20critics.>)"
        in markdown
    )
    assert yaml.safe_load(markdown.split("---\n")[1])["source"] == "https://news.example/a/b?x=1"
    # a file has no web address: no link
    from_file = render(build_export(Article(text=text, source="x.txt"), None, [short]), "md")
    assert "Open in the source" not in from_file


def test_text_fragment_encoding_follows_the_spec() -> None:
    assert fragment_encode("a-b, c&d") == "a%2Db%2C%20c%26d"
    assert text_fragment_url("https://x.example/p#top", "two words") == "https://x.example/p#top:~:text=two%20words"


def test_json_notes_are_markdown_bodies_and_carry_the_tag() -> None:
    text = "One sentence here. Another one there.\n"
    article = Article(text=text, source="x.txt")
    document = build_export(article, None, [highlight_of(text, "One sentence", "pink", "*why*")])
    data = json.loads(render(document, "json"))
    [item] = data["first"]["items"]
    assert item["body"] == [
        {"type": "TextualBody", "value": "*why*", "format": "text/markdown", "purpose": "commenting"},
        {"type": "TextualBody", "value": "pink", "purpose": "tagging"},
    ]
    assert item["byline"]["tag"] == "pink"


# -- 6. CSV --------------------------------------------------------------------------------------------


def test_csv_has_readwise_columns_first_and_one_row_per_highlight(tmp_path: Path) -> None:
    copy = tmp_path / "harbour.txt"
    shutil.copyfile(SAMPLES / "harbour-bridge-vote.txt", copy)
    article = load_article(copy)
    note = highlight_of(article.text, "We listened to every objection,", "blue", "Flat refusal,\n\"quoted\"")
    note.created = "2024-08-20T09:15:00Z"
    document = build_export(article, None, [note])
    text = render(document, "csv")
    assert text.splitlines()[0] == (
        "Highlight,Title,Author,URL,Note,Location,Date,Tag,Paragraph,Start,End,Speaker,Role,Kind,Position,Orphaned"
    )
    assert tuple(text.splitlines()[0].split(",")) == COLUMNS
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row == {
        "Highlight": "\"We listened to every objection,\"",
        "Title": "Council approves harbour bridge despite fishermen's protest",
        "Author": "Maria Lopes",
        "URL": copy.resolve().as_uri(),
        "Note": "Flat refusal,\n\"quoted\"",
        "Location": "6",
        "Date": "2024-08-20 09:15:00",
        "Tag": "blue",
        "Paragraph": "6",
        "Start": str(note.start),
        "End": str(note.end),
        "Speaker": "",
        "Role": "",
        "Kind": "",
        "Position": "",
        "Orphaned": "",
    }


def test_csv_cells_never_run_as_spreadsheet_formulas() -> None:
    text = "=HYPERLINK(\"http://evil\") said the man. +1 more.\n"
    article = Article(text=text, source="x.txt")
    rows = list(csv.DictReader(io.StringIO(render(build_export(
        article, None, [highlight_of(text, "=HYPERLINK(\"http://evil\")", note="@SUM(A1)")]), "csv"))))
    assert rows[0]["Highlight"] == "'=HYPERLINK(\"http://evil\")" and rows[0]["Note"] == "'@SUM(A1)"


def test_cli_csv_with_all_quotes_has_a_row_per_statement(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_export import hand_analysis

    copy = tmp_path / "kursk.txt"
    shutil.copyfile(KURSK, copy)
    monkeypatch.setattr("reader.commands.export.analyse_article",
                        lambda article, model: hand_analysis(article.text, article.source))
    out = tmp_path / "out.notes.csv"
    assert main(["export", str(copy), "--all-quotes", "-o", str(out)]) == 0  # the format from the extension
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(row["Speaker"], row["Kind"], row["Location"]) for row in rows] == [
        ("Yuri Ushakov", "reported speech", "5"),
        ("Yuri Ushakov", "direct quote", "5"),
        ("Volodymyr Zelensky", "direct quote", "9"),
        ("Oleksandr Syrskyi", "direct quote", "12"),
    ]
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~_umask()


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


async def test_the_readers_export_dialog_writes_csv_and_an_html_page_in_the_readers_theme(
    byline_home: Path,
) -> None:
    from tui_sample import sample_analysis, sample_article

    from reader.tui.app import BylineApp

    article = sample_article()
    app = BylineApp(article, analysis=sample_analysis(article), theme="okabe-ito")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("right_square_bracket", "h", "t", "ctrl+e")  # a yellow highlight, then export
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        await pilot.click("#format-csv")
        await pilot.pause()
        path_input = app.screen.query_one("#export-path", Input)
        assert path_input.value == str(byline_home / "exports" / "kremlin-rules-out-talks-kursk.notes.csv")
        path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        rows = list(csv.DictReader(io.StringIO(Path(path_input.value).read_text(encoding="utf-8"))))
        got = [(row["Location"], row["Tag"], row["Speaker"]) for row in rows]
        assert got == [("5", "yellow", "Yuri Ushakov")]
        await pilot.press("ctrl+e")
        await pilot.pause()
        await pilot.click("#format-html")
        await pilot.pause()
        html_input = app.screen.query_one("#export-path", Input)
        html_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        page = Path(html_input.value).read_text(encoding="utf-8")
        assert html_input.value.endswith("kremlin-rules-out-talks-kursk.notes.html")
        assert "theme okabe-ito" in page
        assert "background-color:#f0e442" in page  # okabe-ito's highlight.yellow


def test_the_statement_index_finds_what_a_scan_finds() -> None:
    import random

    from reader.export import StatementIndex, matching_quote

    generator = random.Random(5)
    text = "x" * 400
    statements = []
    for _ in range(60):
        start = generator.randrange(0, 390)
        end = min(400, start + generator.randrange(1, 80))
        kind = generator.choice(["direct", "reported"])
        statements.append(Statement(start, end, text[start:end], kind))  # type: ignore[arg-type]
    analysis = Analysis(text=text, source="x.txt", statements=statements)
    index = StatementIndex(statements)
    for _ in range(300):
        start = generator.randrange(0, 399)
        end = min(400, start + generator.randrange(1, 120))
        assert matching_quote(analysis, start, end, index) is matching_quote(analysis, start, end)
