"""Exporting highlights: Markdown, W3C Web Annotation JSON, YAML, and ``byline export``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import KURSK

from reader.analysis.model import Actor, Analysis, Span, Statement
from reader.cli import main
from reader.errors import BylineError
from reader.export import (
    build_export,
    default_export_path,
    markdown_escape,
    paragraph_number,
    paragraph_starts,
    render,
    to_annotations,
    write_export,
)
from reader.notes import NoteStore
from reader.sources import load_article
from reader.sources.article import Article

USHAKOV_DIRECT = "“At this stage, we will not talk. Entering into a negotiation process now would be completely inappropriate,”"  # noqa: E501
USHAKOV_INDIRECT = "emphasized that the current situation is not conducive to diplomatic talks"
ZELENSKY_DIRECT = (
    "“The operation is designed to push Russia toward negotiations on terms that are fair to Ukraine,”"
)
SYRSKYI_DIRECT = "“We are seeing new successes in the area,”"


def span(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def hand_analysis(text: str, source: str) -> Analysis:
    """The sample article's analysis as the contract describes it, built by hand."""

    def quote(needle: str, kind: str, speaker: str, actor: str, cue: str) -> Statement:
        start, end = span(text, needle)
        cue_start = text.index(cue, start - 40 if kind == "reported" else end)
        return Statement(
            start,
            end,
            needle,
            kind,  # type: ignore[arg-type]
            parts=[Span(start, end, needle)],
            speaker=speaker,
            cue=Span(cue_start, cue_start + len(cue), cue),
            actor=actor,
        )

    quotes = [
        quote(USHAKOV_INDIRECT, "reported", "Yuri Ushakov", "yuri-ushakov", "emphasized"),
        quote(USHAKOV_DIRECT, "direct", "Ushakov", "yuri-ushakov", "stated"),
        quote(ZELENSKY_DIRECT, "direct", "Zelensky", "volodymyr-zelensky", "said"),
        quote(SYRSKYI_DIRECT, "direct", "Syrskyi", "oleksandr-syrskyi", "reported"),
    ]
    actors = [
        Actor(
            "yuri-ushakov",
            "Yuri Ushakov",
            "person",
            roles=["Kremlin adviser"],
            statements=[0, 1],
            mention_spans=[Span(*span(text, "Yuri Ushakov"), "Yuri Ushakov")],
        ),
        Actor(
            "volodymyr-zelensky",
            "Volodymyr Zelensky",
            "person",
            roles=["Ukrainian President"],
            statements=[2],
        ),
        Actor("oleksandr-syrskyi", "Oleksandr Syrskyi", "person", roles=["senior commander"], statements=[3]),
        Actor("kremlin", "Kremlin", "organisation"),
    ]
    return Analysis(text=text, source=source, statements=quotes, actors=actors)


@pytest.fixture
def kursk(tmp_path: Path) -> Path:
    copy = tmp_path / "kursk.txt"
    shutil.copyfile(KURSK, copy)
    return copy


def test_paragraph_numbers_are_the_readers_paragraphs() -> None:
    # Short lines in a blank-line block are not hard-wrapped prose: each is a paragraph, as the
    # reader shows them (the export used to number "one" and "two" as one paragraph).
    lines = "one\ntwo\n\nthree"
    assert [paragraph_number(paragraph_starts(lines), lines.index(w)) for w in ("one", "two", "three")] == [
        1,
        2,
        3,
    ]
    flat = "one\ntwo\nthree\n"
    assert [paragraph_number(paragraph_starts(flat), flat.index(w)) for w in ("one", "two", "three")] == [
        1,
        2,
        3,
    ]
    wrapped = (
        "The harbour board delayed its vote on Tuesday after a long\n"
        "and sometimes heated debate in the council chamber.\n\n"
        "Residents were divided over the plan, which would close the\n"
        "old bridge for two years.\n"
    )
    assert [
        paragraph_number(paragraph_starts(wrapped), wrapped.index(w)) for w in ("The", "and", "Res", "old")
    ] == [
        1,
        1,
        2,
        2,
    ]


def test_markdown_escape_keeps_article_text_literal() -> None:
    assert markdown_escape("a *b* [c](d) <e> `f`") == r"a \*b\* \[c\](d) \<e\> \`f\`"
    assert markdown_escape("# not a heading\n- not a list") == "\\# not a heading\n\\- not a list"


def make_document(kursk: Path, *, all_quotes: bool = False):
    article = load_article(kursk)
    store = NoteStore.open(article)
    direct = store.add(*span(article.text, USHAKOV_DIRECT))
    store.set_note(direct.id, "Flat refusal. Compare with *Zelensky*.")
    sentence = "The Ukrainian offensive has been planned in complete secrecy"
    store.add(*span(article.text, sentence))
    analysis = hand_analysis(article.text, article.source)
    return article, store, build_export(article, analysis, store.highlights, all_quotes=all_quotes)


def test_markdown_has_metadata_highlights_notes_and_actors(kursk: Path) -> None:
    article, _, document = make_document(kursk)
    article.published = "2024-08-19"
    text = render(document, "md")
    assert text.startswith("---\ntitle: kursk.txt\n")
    assert "\n---\n\n# kursk.txt\n" in text
    assert f"- **Source:** `{kursk}`" in text and "- **Published:** 2024-08-19" in text
    assert (
        "### ¶5 · Yuri Ushakov, Kremlin adviser (direct quote) · says\n\n"
        "> “At this stage, we will not talk." in text
    )
    assert "\n\nFlat refusal. Compare with *Zelensky*.\n" in text  # the note is the reader's own Markdown
    assert "### ¶7\n\n> The Ukrainian offensive has been planned in complete secrecy\n" in text
    actors = text[text.index("## Actors and positions") :]
    assert "### Yuri Ushakov\n\n*Kremlin adviser* · person" in actors
    assert f"- ¶5, reported speech, says: {USHAKOV_INDIRECT}" in actors
    assert "### Oleksandr Syrskyi" in actors and "Also mentioned: Kremlin (organisation)" in actors
    # the highlights come in text order and before the actors
    assert text.index("¶5 · Yuri") < text.index("### ¶7") < text.index("## Actors and positions")
    # without --all-quotes, un-highlighted quotes are not listed as highlights
    assert "detected, not highlighted" not in text


def test_all_quotes_adds_every_detected_quote_once(kursk: Path) -> None:
    _, _, document = make_document(kursk, all_quotes=True)
    text = render(document, "md")
    highlights = text[text.index("## Highlights") : text.index("## Actors and positions")]
    assert highlights.count("“At this stage") == 1  # highlighted already: not repeated
    assert (
        "### ¶9 · Volodymyr Zelensky, Ukrainian President (direct quote) · says · detected, not highlighted"
        in highlights
    )
    assert (
        "### ¶12 · Oleksandr Syrskyi, senior commander (direct quote) · says · detected, not highlighted"
        in highlights
    )
    assert "Yuri Ushakov, Kremlin adviser (reported speech) · says · detected, not highlighted" in highlights


def test_json_is_a_web_annotation_collection_that_parses_back(kursk: Path) -> None:
    article, store, document = make_document(kursk)
    data = json.loads(render(document, "json"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == 2
    meta = data["byline"]["article"]
    assert meta["source"] == str(kursk) and meta["uri"] == kursk.resolve().as_uri()
    assert meta["content_hash"] == f"sha256:{store.hash}"
    items = data["first"]["items"]
    assert [item["type"] for item in items] == ["Annotation", "Annotation"]
    first = items[0]
    highlight = store.highlights[0]
    assert first["id"] == f"urn:uuid:{highlight.id}"
    assert first["motivation"] == "commenting"
    assert first["body"] == {
        "type": "TextualBody",
        "value": "Flat refusal. Compare with *Zelensky*.",
        "format": "text/markdown",
        "purpose": "commenting",
    }
    assert first["created"] == highlight.created and first["modified"] == highlight.modified
    quote_selector, position_selector = first["target"]["selector"]
    assert quote_selector == {
        "type": "TextQuoteSelector",
        "exact": USHAKOV_DIRECT,
        "prefix": highlight.prefix,
        "suffix": highlight.suffix,
    }
    assert position_selector == {
        "type": "TextPositionSelector",
        "start": highlight.start,
        "end": highlight.end,
    }
    assert article.text[position_selector["start"] : position_selector["end"]] == quote_selector["exact"]
    assert first["byline"]["quote"]["speaker"] == "Yuri Ushakov"
    assert first["byline"]["paragraph"] == 5
    assert items[1]["motivation"] == "highlighting" and "body" not in items[1]
    ushakov = data["byline"]["actors"][0]
    assert ushakov["name"] == "Yuri Ushakov" and [s["kind"] for s in ushakov["statements"]] == [
        "reported",
        "direct",
    ]


def test_yaml_carries_the_same_data_as_json(kursk: Path) -> None:
    _, _, document = make_document(kursk, all_quotes=True)
    from_json = json.loads(render(document, "json"))
    from_yaml = yaml.safe_load(render(document, "yaml"))
    from_json.pop("generated")
    from_yaml.pop("generated")
    assert from_yaml == from_json
    detected = [i for i in from_yaml["first"]["items"] if i["byline"]["kind"] == "detected-quote"]
    assert {i["body"]["value"] for i in detected} == {
        "Yuri Ushakov",
        "Volodymyr Zelensky",
        "Oleksandr Syrskyi",
    }
    assert all(i["motivation"] == "identifying" for i in detected)


def test_orphans_are_exported_separately_without_a_position(kursk: Path) -> None:
    article = load_article(kursk)
    store = NoteStore.open(article)
    gone = store.add(*span(article.text, "with no clear path to peace in sight"))
    store.set_note(gone.id, "ending")
    kursk.write_text(
        article.text.replace("with no clear path to peace in sight", "and that is that"), "utf-8"
    )
    edited = load_article(kursk)
    store = NoteStore.open(edited)
    assert [h.id for h in store.orphans] == [gone.id]
    document = build_export(edited, hand_analysis(edited.text, edited.source), store.highlights)
    markdown = render(document, "md")
    orphaned = markdown[markdown.index("## Orphaned highlights") :]
    assert "> with no clear path to peace in sight" in orphaned and "ending" in orphaned
    item = to_annotations(document)["first"]["items"][0]
    assert item["byline"]["orphaned"] is True
    assert [s["type"] for s in item["target"]["selector"]] == ["TextQuoteSelector"]


def test_default_export_path_is_in_the_exports_folder_never_beside_the_article(tmp_path: Path) -> None:
    article = Article(text="x", source=str(tmp_path / "story.txt"))
    exports = tmp_path / "byline-home" / "exports"  # BYLINE_HOME (conftest)
    assert default_export_path(article) == exports / "story.notes.md"
    assert default_export_path(article, "json") == exports / "story.notes.json"


def test_writing_to_an_unwritable_path_is_one_line(tmp_path: Path) -> None:
    a_file = tmp_path / "file.txt"
    a_file.write_text("x", encoding="utf-8")
    for target in (tmp_path / "missing" / "out.md", a_file / "out.md", tmp_path):
        with pytest.raises(BylineError) as error:
            write_export("text", target)
        assert "\n" not in str(error.value) and str(target) in str(error.value)


# -- the command line ---------------------------------------------------------------------------------


@pytest.fixture
def hand_analysed(monkeypatch: pytest.MonkeyPatch) -> None:
    """``byline export`` with the hand-built analysis, so these tests do not need spaCy."""
    monkeypatch.setattr(
        "reader.commands.export.analyse_article",
        lambda article, model: hand_analysis(article.text, article.source),
    )


def test_cli_export_prints_markdown_to_stdout(
    kursk: Path, hand_analysed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    make_document(kursk)
    assert main(["export", str(kursk)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("---\ntitle: kursk.txt\n") and "\n# kursk.txt\n" in out and "Flat refusal." in out


def test_cli_export_writes_json_chosen_by_extension(
    kursk: Path, tmp_path: Path, hand_analysed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    make_document(kursk)
    out = tmp_path / "notes.json"
    assert main(["export", str(kursk), "-o", str(out), "--all-quotes"]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["total"] == 5  # two highlights + three quotes not highlighted
    assert "exported 2 highlights" in capsys.readouterr().err


def test_cli_export_yaml_to_stdout(
    kursk: Path, hand_analysed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    make_document(kursk)
    assert main(["export", str(kursk), "--format", "yaml"]) == 0
    assert yaml.safe_load(capsys.readouterr().out)["type"] == "AnnotationCollection"


def test_cli_export_to_an_unwritable_path_keeps_the_highlights(
    kursk: Path, tmp_path: Path, hand_analysed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    _, store, _ = make_document(kursk)
    before = store.file.read_text(encoding="utf-8")
    target = tmp_path / "no-such-dir" / "notes.md"
    assert main(["export", str(kursk), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("byline: ") and "does not exist" in err
    assert store.file.read_text(encoding="utf-8") == before
    assert len(NoteStore.open(load_article(kursk)).highlights) == 2


def test_cli_export_warns_about_orphans(
    kursk: Path, hand_analysed: None, capsys: pytest.CaptureFixture[str]
) -> None:
    article = load_article(kursk)
    NoteStore.open(article).add(*span(article.text, "no clear path to peace"))
    kursk.write_text(article.text.replace("no clear path to peace", "no path"), encoding="utf-8")
    assert main(["export", str(kursk)]) == 0
    captured = capsys.readouterr()
    assert "byline: warning: 1 highlight could not be found" in captured.err
    assert "## Orphaned highlights" in captured.out


def test_sample_article_all_quotes_markdown_has_the_three_quotes_with_speakers(
    nlp, capsys: pytest.CaptureFixture[str]
) -> None:
    """The real analysis, end to end through ``byline export --all-quotes``."""
    assert main(["export", str(KURSK), "--all-quotes"]) == 0
    text = capsys.readouterr().out
    highlights = text[text.index("## Highlights") : text.index("## Actors and positions")]
    expected = [
        ("Yuri Ushakov", USHAKOV_DIRECT),
        ("Volodymyr Zelensky", ZELENSKY_DIRECT),
        ("Oleksandr Syrskyi", SYRSKYI_DIRECT),
    ]
    positions = []
    for speaker, quote in expected:
        block = f"{speaker}, "
        heading_end = highlights.index(f"\n\n> {quote}")
        heading = highlights[highlights.rindex("### ", 0, heading_end) : heading_end]
        assert block in heading and "(direct quote)" in heading, heading
        positions.append(heading_end)
    assert positions == sorted(positions)
    actors = text[text.index("## Actors and positions") :]
    ushakov = actors[actors.index("### Yuri Ushakov") : actors.index("### Volodymyr Zelensky")]
    assert "reported speech, says:" in ushakov
    assert "the current situation is not conducive to diplomatic talks" in ushakov


def test_cli_export_without_an_analysis_still_exports_the_notes(
    kursk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_model(article: Article, model: str | None) -> Analysis:
        raise BylineError("spaCy model 'nope' is not installed")

    monkeypatch.setattr("reader.commands.export.analyse_article", no_model)
    make_document(kursk)
    assert main(["export", str(kursk), "--model", "nope"]) == 0
    captured = capsys.readouterr()
    assert "warning: no analysis (spaCy model 'nope' is not installed)" in captured.err
    assert "Flat refusal." in captured.out and "## Actors and positions" not in captured.out
    assert main(["export", str(kursk), "--all-quotes", "--model", "nope"]) == 2
    assert capsys.readouterr().err == "byline: spaCy model 'nope' is not installed\n"


def test_title_falls_back_to_the_file_name_the_url_or_stdin() -> None:
    def title(source: str, given: str | None = None) -> str:
        return build_export(Article(text="x", source=source, title=given), None, []).title

    assert title("/tmp/story.txt") == "story.txt"
    assert title("https://example.org/news/1") == "https://example.org/news/1"
    assert title("-") == "Article from standard input"
    assert title("/tmp/story.txt", "A headline") == "A headline"


def test_cli_export_uses_the_model_from_the_config(
    kursk: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.config import Config, save_config

    save_config(Config(model="my_model"))
    asked: list[str | None] = []

    def record(article: Article, model: str | None) -> Analysis:
        asked.append(model)
        return hand_analysis(article.text, article.source)

    monkeypatch.setattr("reader.commands.export.analyse_article", record)
    assert main(["export", str(kursk)]) == 0
    assert main(["export", str(kursk), "--model", "other"]) == 0
    assert asked == ["my_model", "other"]
