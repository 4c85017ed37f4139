"""One module owns paragraphs and sentences: layouts, the sentence rule, and everyone using them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.analysis.dates import normalise_dates
from reader.analysis.quotes import scan_quotations
from reader.export import build_export
from reader.sources import load_article
from reader.sources.article import Article
from reader.sources.structure import (
    detect_structure,
    ends_with_sentence_end,
    has_sentence_end,
    sentence_span,
    sentence_spans,
    sentence_starts,
    without_line_breaks,
)
from reader.tui.layout import wrap_text

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"

# The hard-wrapped example of issue 11 (also /work/shared/checks/wrapped.txt).
WRAPPED = (
    "Harbour vote delayed\n"
    "\n"
    'The harbour board delayed its vote on Tuesday. "We need more time to\n'
    'study the costs before we commit the town to this," said board chair\n'
    "Marta Lindqvist. She added that a decision would come in May.\n"
    "\n"
    'Residents were divided. "It is the right call," said shop owner Tomas\n'
    "Reiner, who has run a cafe on the quay for twenty years.\n"
)


def texts(text: str, spans: object) -> list[str]:
    return [text[start:end] for start, end in spans]  # type: ignore[attr-defined]


# -- layouts ---------------------------------------------------------------------------------------


def test_one_paragraph_per_line() -> None:
    text = "Kremlin rules out talks\nBy Jane Doe\nThe Kremlin said on Monday it would not talk.\n"
    structure = detect_structure(text)
    assert structure.layout == "lines"
    assert texts(text, structure.paragraphs) == [
        "Kremlin rules out talks",
        "By Jane Doe",
        "The Kremlin said on Monday it would not talk.",
    ]


def test_one_paragraph_per_line_with_a_blank_line_under_the_headline() -> None:
    long_line = "The council voted on Tuesday to build the bridge, ending a debate " * 3
    text = f"Bridge vote\n\n{long_line.strip()}\nSecond paragraph.\nThird one.\n"
    structure = detect_structure(text)
    assert structure.layout == "lines"
    assert texts(text, structure.paragraphs) == [
        "Bridge vote",
        long_line.strip(),
        "Second paragraph.",
        "Third one.",
    ]


def test_blank_line_blocks_of_one_line_each() -> None:
    text = "  First.\r\n\r\n\nSecond line.  \n   \nThird"
    structure = detect_structure(text)
    assert structure.layout == "blocks"
    assert texts(text, structure.paragraphs) == ["First.", "Second line.", "Third"]


def test_hard_wrapped_lines_inside_blank_line_blocks() -> None:
    structure = detect_structure(WRAPPED)
    assert structure.layout == "wrapped"
    assert texts(WRAPPED, structure.paragraphs) == [
        "Harbour vote delayed",
        WRAPPED[WRAPPED.index("The harbour") : WRAPPED.index("May.") + 4],
        WRAPPED[WRAPPED.index("Residents") : WRAPPED.index("years.") + 6],
    ]


def test_a_short_line_inside_a_wrapped_block_is_a_real_break() -> None:
    text = (
        "Harbour vote delayed\n"
        "By Jane Doe\n"
        "\n"
        "The harbour board delayed its vote on Tuesday after a long and\n"
        "heated debate about the costs of the new bridge across the bay.\n"
    )
    structure = detect_structure(text)
    assert structure.layout == "wrapped"
    assert texts(text, structure.paragraphs) == [
        "Harbour vote delayed",
        "By Jane Doe",
        text[text.index("The harbour") : text.index("bay.") + 4],
    ]


def test_empty_texts_have_no_paragraphs() -> None:
    assert detect_structure("").paragraphs == ()
    assert detect_structure("\n \n").paragraphs == ()
    assert sentence_span("", 0) == (0, 0)


def test_the_article_records_its_structure_and_keeps_its_text(tmp_path: Path) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    article = load_article(path)
    assert article.text == WRAPPED
    assert article.structure.layout == "wrapped"
    assert len(article.structure.paragraphs) == 3
    assert article.structure.number_of(WRAPPED.index("Marta")) == 2
    assert article.structure.number_of(WRAPPED.index("Reiner")) == 3


def test_without_line_breaks_keeps_offsets() -> None:
    flat = without_line_breaks(WRAPPED, 22, 200)
    assert len(flat) == 178 and "\n" not in flat
    assert flat.replace(" ", "") == WRAPPED[22:200].replace("\n", "").replace(" ", "")


# -- sentences -------------------------------------------------------------------------------------


def test_the_scanner_and_the_h_key_agree_on_sentence_ends() -> None:
    text = 'Lind spoke.\n\n"We met Prof. Lind today and she agreed to help us. Then we went home.\n'
    [quotation] = scan_quotations(text)
    assert [text[p.start : p.end] for p in quotation.parts] == [
        "We met Prof. Lind today and she agreed to help us."
    ]
    start, end = sentence_span(text, text.index("Lind today"))
    assert text[start:end] == '"We met Prof. Lind today and she agreed to help us.'
    assert end == quotation.parts[0].end


@pytest.mark.parametrize(
    ("probe", "sentence"),
    [
        ("Smith", "Gen. J. Smith of the U.S. Army said so."),
        ("Brown", "Then Mr. Brown left!"),
        ("asked", "“Really?” he asked."),
        ("approx", "It cost approx. 40 million."),
        ("Last", "Last"),
    ],
)
def test_one_sentence_rule_with_one_abbreviation_list(probe: str, sentence: str) -> None:
    text = (
        "Gen. J. Smith of the U.S. Army said so. Then Mr. Brown left! “Really?” he asked. "
        "It cost approx. 40 million. Last"
    )
    assert [text[s:e] for s, e in sentence_spans(text, 0, len(text))] == [
        "Gen. J. Smith of the U.S. Army said so.",
        "Then Mr. Brown left!",
        "“Really?” he asked.",
        "It cost approx. 40 million.",
        "Last",
    ]
    start, end = sentence_span(text, text.index(probe))
    assert text[start:end] == sentence


def test_a_sentence_runs_over_a_hard_line_break() -> None:
    start, end = sentence_span(WRAPPED, WRAPPED.index("study"))
    assert WRAPPED[start:end] == (
        '"We need more time to\nstudy the costs before we commit the town to this," said board chair\n'
        "Marta Lindqvist."
    )
    assert sentence_starts(WRAPPED) == [
        0,
        WRAPPED.index("The harbour"),
        WRAPPED.index('"We need'),
        WRAPPED.index("She added"),
        WRAPPED.index("Residents"),
        WRAPPED.index('"It is'),
    ]


def test_sentence_end_checks_used_by_attribution() -> None:
    assert ends_with_sentence_end("he said so. ")
    assert not ends_with_sentence_end("according to Prof.")
    assert not ends_with_sentence_end("the U.S.")
    assert has_sentence_end(". Officials ")
    assert not has_sentence_end(", said Mr. ")


def test_dates_read_a_year_in_the_same_sentence_across_a_line_break() -> None:
    text = "The vote on August 6 was the second\nattempt in 2023 to settle the matter.\n\nNext.\n"
    day, year = text.index("August 6"), text.index("2023")
    dates = normalise_dates([(day, day + 8, "DATE"), (year, year + 4, "DATE")], text, None)
    assert [d.value for d in dates] == ["2023-08-06", "2023"]


# -- the reader ------------------------------------------------------------------------------------


def test_the_reader_flows_a_hard_wrapped_paragraph() -> None:
    layout = wrap_text(WRAPPED, 80)
    shown = [layout.line_text(i) for i in range(layout.line_count)]
    assert shown == [
        "Harbour vote delayed",
        "",
        'The harbour board delayed its vote on Tuesday. "We need more time to study the',
        'costs before we commit the town to this," said board chair Marta Lindqvist. She',
        "added that a decision would come in May.",
        "",
        'Residents were divided. "It is the right call," said shop owner Tomas Reiner,',
        "who has run a cafe on the quay for twenty years.",
    ]


# -- the analysis and the export -------------------------------------------------------------------


def test_a_hard_wrapped_article_gives_one_quote_by_marta_lindqvist(nlp, tmp_path: Path) -> None:
    from reader.analysis import analyze

    path = tmp_path / "wrapped.txt"
    path.write_text(WRAPPED, encoding="utf-8")
    analysis = analyze(load_article(path), nlp=nlp, use_cache=False)
    direct = [s for s in analysis.statements if s.kind == "direct"]
    assert [(s.text.replace("\n", " "), s.speaker) for s in direct] == [
        ('"We need more time to study the costs before we commit the town to this,"', "Marta Lindqvist"),
        ('"It is the right call,"', "Tomas Reiner"),
    ]
    assert sorted(actor.name for actor in analysis.actors) == ["Marta Lindqvist", "Tomas Reiner"]
    # Offsets are into the original text: a name across a line end keeps its newline in `text`.
    reiner = next(e for e in analysis.entities if e.text.startswith("Tomas"))
    assert reiner.text == "Tomas\nReiner" == WRAPPED[reiner.start : reiner.end]
    for statement in analysis.statements:
        for span in [*statement.parts, statement.speaker_mention, statement.cue]:
            if span is not None:
                assert WRAPPED[span.start : span.end] == span.text


def reader_paragraph(article: Article, offset: int) -> int:
    """The paragraph number the reader shows ``offset`` in: blank separator lines above it, plus one."""
    layout = wrap_text(article.text, 60, article.structure.paragraphs)
    return sum(layout.blank[: layout.line_of(offset)]) + 1


@pytest.mark.parametrize(
    ("sample", "quotes"),
    [
        (
            "drought-water-talks.txt",
            {
                "''We cannot ask our farmers": 5,
                # One statement in two parts: ``The numbers are clear,'' van Wyk told ... ``Everyone
                # has to take less.'' (a split quote with a sentence-final tag).
                "``The numbers are clear,''": 7,
            },
        ),
        (
            "harbour-bridge-vote.txt",
            {
                '"a turning point for the whole region"': 5,
                '"We listened to every objection,"': 6,
                '"I have sat on this council': 11,
                '"Every document was public': 14,
            },
        ),
        ("kremlin-rules-out-talks-kursk.txt", {"“At this stage, we will not talk": 5}),
    ],
)
def test_export_paragraph_numbers_are_the_readers(nlp, sample: str, quotes: dict[str, int]) -> None:
    from reader.analysis import analyze

    article = load_article(SAMPLES / sample)
    analysis = analyze(article, nlp=nlp, use_cache=False)
    document = build_export(article, analysis, [], all_quotes=True)
    numbers = {item.text: item.paragraph for item in document.items}
    for opening, paragraph in quotes.items():
        # A partial quote is exported as the reported statement it lies in ('the vote was "a turning
        # point ..."'), so the item holds the quote rather than starts with it.
        [(text, number)] = [(t, n) for t, n in numbers.items() if opening in t]
        assert number == paragraph, text
        assert reader_paragraph(article, article.text.index(text)) == paragraph


async def test_the_reader_pane_shows_a_hard_wrapped_paragraph_as_one(tmp_path: Path) -> None:
    from reader.analysis.model import Analysis
    from reader.tui.app import BylineApp
    from reader.tui.widgets.article_view import ArticleView

    article = Article(text=WRAPPED, source=str(tmp_path / "wrapped.txt"))
    app = BylineApp(article, analysis=Analysis(text=WRAPPED, source=article.source))
    async with app.run_test(size=(100, 30)) as pilot:
        view = app.reader.query_one(ArticleView)
        await pilot.wait_for_scheduled_animations()
        while not view.laid_out:
            await pilot.pause()
        layout = view.layout_text
        drawn = [view.render_line(y).text.strip() for y in range(layout.line_count)]
        assert drawn.count("") == 2  # one blank line between paragraphs, none after each source line
        assert any("more time to study the costs" in line for line in drawn)
        assert all("\n" not in line for line in drawn)


def test_a_few_overlong_lines_do_not_hide_a_hard_wrapped_layout() -> None:
    wrapped_block = (
        "The harbour board delayed its vote on Tuesday after a long and\n"
        "heated debate about the costs of the new bridge across the bay.\n"
    )
    overlong = "Figures: " + "an item, " * 14 + "and the last item of a table row that nobody wrapped.\n"
    text = "\n".join([wrapped_block] * 5 + [overlong] + [wrapped_block] * 4)
    structure = detect_structure(text)
    assert structure.layout == "wrapped"
    assert len(structure.paragraphs) == 10
    assert texts(text, structure.paragraphs)[5] == overlong.strip()


def test_long_lines_are_one_paragraph_each_even_in_blank_line_blocks() -> None:
    line = "The council voted on Tuesday to build the bridge, ending a debate that lasted twelve years. "
    text = f"Title\n\n{line * 2}\n{line * 2}\n\n{line * 3}\n"
    structure = detect_structure(text)
    assert structure.layout == "lines"
    assert len(structure.paragraphs) == 4


def test_list_items_of_similar_length_stay_apart() -> None:
    text = (
        "What the board decided\n\n"
        "• The vote on the bridge is delayed until the costs are studied.\n"
        "• The harbour master will report on the shipping lanes in May.\n"
        "• A public meeting is planned for the residents of the quay.\n"
    )
    structure = detect_structure(text)
    assert structure.layout == "lines"
    assert [text[s:e][:5] for s, e in structure.paragraphs] == ["What ", "• The", "• The", "• A p"]


async def test_h_takes_the_whole_sentence_across_a_hard_line_break(tmp_path: Path) -> None:
    from reader.analysis.model import Analysis
    from reader.tui.app import BylineApp

    article = Article(text=WRAPPED, source=str(tmp_path / "wrapped.txt"))
    app = BylineApp(article, analysis=Analysis(text=WRAPPED, source=article.source))
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.reader
        reader.search("study the costs")  # a match: h takes its sentence
        await pilot.pause()
        await pilot.press("h")
        await pilot.pause()
        assert [h.exact for h in reader.notes.store.highlights] == [
            '"We need more time to\nstudy the costs before we commit the town to this," said board chair\n'
            "Marta Lindqvist."
        ]
