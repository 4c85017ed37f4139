"""Issue 17 §1-§2: outside text never drives the terminal and is never read as markup.

Property tests feed arbitrary text (every C0/C1 control, ESC sequences, bidi overrides, zero-width
and tag characters, markup brackets) through every output path and assert that no raw character a
terminal acts on comes out; example tests pin the exact visible stand-ins.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from tui_sample import sample_article

from reader.analysis.model import Actor, Analysis, Span, Statement
from reader.cli import main
from reader.commands.analyze import render_text
from reader.export import build_export, markdown_escape, render
from reader.notes import Highlight
from reader.safe_text import has_unsafe, json_dumps_inert, terminal_safe
from reader.safe_yaml import dump_yaml_inert
from reader.sources import load_article
from reader.sources.article import Article
from reader.tui.app import BylineApp
from reader.tui.inert_filter import InertTextFilter
from reader.tui.widgets.actors_panel import actor_label, statement_label
from reader.tui.widgets.article_header import header_parts
from reader.tui.widgets.note_editor import NoteEditor
from reader.tui.widgets.notes_panel import note_label

# What the attack round sent: window title, clipboard, clear screen, fill screen, 8-bit CSI.
TITLE = "\x1b]2;pwned\x07"
CLIPBOARD = "\x1b]52;c;cm0gLXJmIH4=\x07"
CLEAR = "\x1b[2J"
FILL = "\x1b#8"
CSI8 = "\x9b2J"
BIDI = "\u202etxt.exe"
ZERO_WIDTH = "ad\u200bmin"
ATTACK = f"{TITLE}{CLIPBOARD}{CLEAR}{FILL}{CSI8} {BIDI} {ZERO_WIDTH} [/nope]zz [b]bold[/b]"

DANGEROUS = st.sampled_from(
    [chr(c) for c in range(0x20)] + [chr(c) for c in range(0x7F, 0xA0)]
    + list("\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2060"
           "\u2066\u2067\u2068\u2069\ufeff\U000e0041")
    + [TITLE, CLIPBOARD, CLEAR, FILL, "[/x]", "[b]", "[", "]", "\\"]
)
OUTSIDE_TEXT = st.lists(st.one_of(DANGEROUS, st.text(max_size=6)), max_size=12).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RAW_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


# -- the sanitiser ------------------------------------------------------------------------------


def test_escape_sequences_are_shown_visibly() -> None:
    assert terminal_safe(TITLE) == "␛]2;pwned␇"
    assert terminal_safe(CLIPBOARD) == "␛]52;c;cm0gLXJmIH4=␇"
    assert terminal_safe(CLEAR) == "␛[2J"
    assert terminal_safe(FILL) == "␛#8"
    assert terminal_safe(CSI8) == "\\x9b2J"
    assert terminal_safe("a\rb\x7f") == "a␍b␡"


def test_bidi_and_zero_width_are_shown_where_they_disguise() -> None:
    assert terminal_safe(BIDI) == "\\u202etxt.exe"
    assert terminal_safe(ZERO_WIDTH) == "ad\\u200bmin"
    assert terminal_safe("a\u2066b\u2069") == "a\\u2066b\\u2069"
    assert terminal_safe("x\U000e0041") == "x\\U000e0041"
    # A joiner between two non-ASCII characters shapes a script or an emoji: it stays.
    assert terminal_safe("می\u200cخواهم") == "می\u200cخواهم"
    assert terminal_safe("👩\u200d💻") == "👩\u200d💻"
    assert terminal_safe("pay\u200dpal") == "pay\\u200dpal"


def test_newlines_and_tabs_stay_only_in_multiline_text() -> None:
    assert terminal_safe("a\n\tb") == "a␊␉b"
    assert terminal_safe("a\n\tb", multiline=True) == "a\n\tb"
    plain = "Plain text, “quoted”, Zürich — Київ."
    assert terminal_safe(plain) is plain


@FAST
@given(OUTSIDE_TEXT)
def test_terminal_safe_leaves_nothing_raw(text: str) -> None:
    for multiline in (False, True):
        safe = terminal_safe(text, multiline=multiline)
        assert not has_unsafe(safe, multiline=multiline)
        assert RAW_TERMINAL.search(safe.replace("\n", "").replace("\t", "")) is None
        assert terminal_safe(safe, multiline=multiline) == safe  # idempotent: nothing left to show


@FAST
@given(OUTSIDE_TEXT)
def test_json_stays_exact_and_inert(text: str) -> None:
    dumped = json_dumps_inert({"text": text, "list": [text]}, indent=2)
    assert json.loads(dumped) == {"text": text, "list": [text]}
    assert not has_unsafe(dumped, multiline=True)


@FAST
@given(OUTSIDE_TEXT.filter(lambda t: not re.search("[\ud800-\udfff]", t)))
def test_yaml_stays_exact_and_inert(text: str) -> None:
    dumped = dump_yaml_inert({"text": text, "n": [text]})
    assert yaml.safe_load(dumped) == {"text": text, "n": [text]}
    assert not has_unsafe(dumped, multiline=True)


@FAST
@given(st.lists(st.tuples(OUTSIDE_TEXT, st.booleans()), max_size=6))
def test_the_reader_line_filter_drops_controls_and_keeps_widths(parts: list[tuple[str, bool]]) -> None:
    segments = [Segment(text, Style(bold=bold)) for text, bold in parts]
    filtered = InertTextFilter().apply(segments, None)  # type: ignore[arg-type]
    assert sum(s.cell_length for s in filtered) == sum(s.cell_length for s in segments)
    for segment in filtered:
        assert RAW_TERMINAL.search(segment.text) is None


# -- every output path --------------------------------------------------------------------------


def poisoned_analysis(bad: str) -> Analysis:
    text = f"{bad} said “{bad} words”.\n"
    quote_start = text.index("“")
    quote_end = text.index("”") + 1
    statement = Statement(
        quote_start, quote_end, text[quote_start:quote_end], "direct",
        parts=[Span(quote_start + 1, quote_end - 1, text[quote_start + 1 : quote_end - 1])],
        speaker=bad, cue=Span(len(bad) + 1, len(bad) + 5, "said"), actor="a1",
    )
    actor = Actor("a1", bad, "person", roles=[bad], affiliation=bad, statements=[0],
                  mention_spans=[Span(0, len(bad), bad)])
    return Analysis(text=text, source=f"{bad}.txt", title=bad, author=bad, statements=[statement],
                    actors=[actor])


@settings(max_examples=60, deadline=None)
@given(OUTSIDE_TEXT)
def test_text_format_is_inert(bad: str) -> None:
    assert not has_unsafe(render_text(poisoned_analysis(bad)), multiline=True)


@settings(max_examples=60, deadline=None)
@given(OUTSIDE_TEXT)
def test_widget_labels_are_inert(bad: str) -> None:
    analysis = poisoned_analysis(bad)
    article = Article(analysis.text, source=f"/tmp/{bad}", title=bad, author=bad, published=bad)
    lookup = lambda _key: Style.null()  # noqa: E731
    strings = [*header_parts(article), actor_label(analysis.actors[0], lookup).plain,
               statement_label(analysis.statements[0], lookup).plain]
    highlight = Highlight.from_text(analysis.text, 0, len(analysis.text), note=f"{bad}\n{bad}")
    strings.append(note_label(highlight, 1, lookup).plain.replace("\n", " "))
    for string in strings:
        assert not has_unsafe(string), repr(string)


@settings(max_examples=40, deadline=None)
@given(OUTSIDE_TEXT)
def test_markdown_export_to_a_terminal_is_inert(bad: str) -> None:
    analysis = poisoned_analysis(bad)
    article = Article(analysis.text, source=f"{bad}.txt", title=bad, author=bad)
    highlight = Highlight.from_text(analysis.text, 0, len(analysis.text), note=bad)
    document = build_export(article, analysis, [highlight], all_quotes=True)
    assert not has_unsafe(terminal_safe(render(document, "md"), multiline=True), multiline=True)
    for fmt in ("json", "yaml"):
        assert not has_unsafe(render(document, fmt), multiline=True)


def test_markdown_export_to_a_file_keeps_the_text_and_escapes_markdown() -> None:
    assert markdown_escape("*a* [l](x) <b>") == "\\*a\\* \\[l\\](x) \\<b\\>"
    analysis = poisoned_analysis(TITLE + "*x*")
    article = Article(analysis.text, source="a.txt", title=TITLE + "*x*")
    markdown = render(build_export(article, analysis, []), "md")
    assert "# \x1b\\]2;pwned\x07\\*x\\*\n" in markdown  # the exact text, Markdown escaped


@pytest.fixture()
def poisoned_file(tmp_path: Path) -> Path:
    path = tmp_path / "story.txt"
    path.write_text(f"Title {TITLE}{CLEAR}\n\nThe minister said “we will {CLIPBOARD}{BIDI} fight”.\n",
                    encoding="utf-8")
    return path


def test_analyze_text_and_json_outputs(poisoned_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(poisoned_file), "--format", "text"]) == 0
    out = capsys.readouterr().out
    assert "␛]2;pwned␇" in out and "\x1b" not in out and not has_unsafe(out, multiline=True)
    assert main(["analyze", str(poisoned_file), "--format", "json"]) == 0
    out = capsys.readouterr().out
    assert json.loads(out)["text"] == poisoned_file.read_text(encoding="utf-8")  # exact
    assert not has_unsafe(out, multiline=True)
    assert main(["analyze", str(poisoned_file), "--format", "yaml"]) == 0
    out = capsys.readouterr().out
    assert yaml.safe_load(out)["text"] == poisoned_file.read_text(encoding="utf-8")
    assert not has_unsafe(out, multiline=True)


def test_markdown_export_on_a_terminal(poisoned_file: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["export", str(poisoned_file)]) == 0
    out = capsys.readouterr().out
    assert "Title ␛\\]2;pwned␇␛\\[2J" in out and not has_unsafe(out, multiline=True)


def test_messages_with_file_and_theme_names_are_inert(tmp_path: Path, byline_home: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / f"no{TITLE}such.txt")]) == 2
    err = capsys.readouterr().err
    assert "no␛]2;pwned␇such.txt: no such file" in err and "\x1b" not in err
    themes = byline_home / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "evil.yaml").write_text('name: "evil\\e[2J\\e]2;x\\a"\nextends: default\n', encoding="utf-8")
    assert main(["themes"]) == 0
    out = capsys.readouterr().out
    assert "evil␛[2J␛]2;x␇" in out and not has_unsafe(out, multiline=True)
    assert main(["themes", "--show", str(themes / "evil.yaml")]) == 0
    assert not has_unsafe(capsys.readouterr().out, multiline=True)


# -- the reader: what reaches the terminal ------------------------------------------------------


def screen_output(app: BylineApp) -> tuple[list[str], str]:
    """Every drawn segment's text on the current screen, and the bytes sent to the terminal."""
    update = app.screen._compositor.render_full_update()
    texts = [segment.text for strip in update.strips for segment in strip]
    return texts, update.render_segments(Console(force_terminal=True, color_system="truecolor"))


def assert_inert(app: BylineApp) -> None:
    texts, sent = screen_output(app)
    for text in texts:
        assert RAW_TERMINAL.search(text) is None, repr(text)
    assert "\x1b]" not in sent and "\x1b#" not in sent and "\x9b" not in sent  # no OSC, no DEC, no C1
    assert RAW_TERMINAL.search(re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", sent).replace("\r\n", "")) is None


@pytest.fixture()
def poisoned_reader(tmp_path: Path) -> BylineApp:
    path = tmp_path / f"story{CLEAR}.txt"
    path.write_text(f"Title {ATTACK}\nBy Jane Doe\n\nThe minister said “we will fight”.\n",
                    encoding="utf-8")
    article = load_article(path)
    article.author = ATTACK
    analysis = poisoned_analysis(ATTACK)
    analysis.text, analysis.source = article.text, article.source
    start = article.text.index("“")
    end = article.text.index("”") + 1
    analysis.statements[0] = Statement(start, end, article.text[start:end], "direct",
                                       parts=[Span(start + 1, end - 1, article.text[start + 1 : end - 1])],
                                       speaker=ATTACK, actor="a1")
    analysis.actors[0].mention_spans = []
    return BylineApp(article, analysis=analysis)


async def test_reader_widgets_show_outside_text_inert(poisoned_reader: BylineApp) -> None:
    app = poisoned_reader
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await pilot.pause()
        header = str(app.screen.query_one("ArticleHeader").render())
        assert "␛]2;pwned␇" in header and "\\u202etxt.exe" in header
        assert_inert(app)
        app.notify(ATTACK, title=ATTACK)  # markup brackets and escapes in a notification
        await pilot.press("a", "enter")  # select the poisoned actor: status line and notifications
        await pilot.pause()
        assert_inert(app)
        app.push_screen(NoteEditor(ATTACK, where=ATTACK))
        await pilot.pause()
        assert_inert(app)


async def test_search_without_a_match_for_markup_does_not_crash() -> None:
    app = BylineApp(sample_article())
    notes: list[str] = []
    original = app.notify

    def record(message: str, **kwargs: object) -> None:
        notes.append(message)
        original(message, **kwargs)  # type: ignore[arg-type]

    app.notify = record  # type: ignore[method-assign]
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.press("slash", *"[/nope]zz", "enter")
        await pilot.pause()
        assert "No matches for '[/nope]zz'" in notes
        await pilot.pause(0.1)
        assert_inert(app)
    assert app.return_code in (None, 0)


async def test_theme_named_with_markup_does_not_crash(byline_home: Path) -> None:
    themes = byline_home / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "x.yaml").write_text('name: "[/x]"\nextends: default\n', encoding="utf-8")
    app = BylineApp(sample_article(), theme="[/x]")
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("T")
        await pilot.pause()
        assert_inert(app)
    app2 = BylineApp(sample_article(), theme="[/nope]")
    async with app2.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        assert_inert(app2)


async def test_the_library_shows_poisoned_names_and_titles_inert(tmp_path: Path) -> None:
    folder = tmp_path / f"news{TITLE}"
    folder.mkdir()
    (folder / f"a{CLEAR}.txt").write_text(f"Title {ATTACK}\n\nThe minister said “no”.\n", encoding="utf-8")
    (folder / f"b{BIDI}.md").write_text(f"# {CLIPBOARD} [/x]\n\nWords here.\n", encoding="utf-8")
    from reader.sources import discover

    app = BylineApp(None, library=discover(folder), folder=folder)
    async with app.run_test(size=(160, 30), notifications=True) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if all(entry.article is not None for entry in app.screen.entries):  # type: ignore[attr-defined]
                break
        assert_inert(app)
        texts, _sent = screen_output(app)
        assert "␛[2J" in "".join(texts)  # the file name's ESC is shown, not run
