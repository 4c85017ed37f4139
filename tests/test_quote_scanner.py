"""The direct-quotation scanner: marks, apostrophes, nesting, paragraphs, scare quotes, speed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import FrameType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import reader
from reader.analysis.quotes import Quotation, paragraph_spans, scan_quotations

READER_DIR = str(Path(reader.__file__).parent)


def found(text: str) -> list[str]:
    """Each quotation as the reader would see it: opening mark to closing mark."""
    return [text[q.start : q.end] for q in scan_quotations(text)]


def contents(quotation: Quotation) -> list[str]:
    return [part.text for part in quotation.parts]


def assert_offsets_hold(text: str, quotations: list[Quotation]) -> None:
    previous_end = 0
    for quotation in quotations:
        assert previous_end <= quotation.start < quotation.end <= len(text)
        assert quotation.parts, "a quotation always quotes something"
        for part in quotation.parts:
            assert quotation.start < part.start < part.end <= quotation.end
            assert text[part.start : part.end] == part.text
        previous_end = quotation.end


# --- the sample article -------------------------------------------------------------------------


def test_sample_article_has_three_statements_and_one_scare_quote(kursk_text: str) -> None:
    quotations = scan_quotations(kursk_text)
    assert_offsets_hold(kursk_text, quotations)
    statements = [q for q in quotations if not q.scare]
    assert [contents(q)[0] for q in statements] == [
        "At this stage, we will not talk. Entering into a negotiation process now would be "
        "completely inappropriate,",
        "The operation is designed to push Russia toward negotiations on terms that are fair to Ukraine,",
        "We are seeing new successes in the area,",
    ]
    assert all(q.closed for q in quotations)
    scare = [kursk_text[q.start : q.end] for q in quotations if q.scare]
    assert scare == ["“buffer zone”"]
    statement = statements[0]
    assert kursk_text[statement.start] == "“" and kursk_text[statement.end - 1] == "”"


# --- marks and styles ---------------------------------------------------------------------------


def test_curly_double_quotes_split_by_a_speech_tag_are_two_quotations() -> None:
    text = "“We will not retreat,” the general said, “not a single step.”"
    quotations = scan_quotations(text)
    assert found(text) == ["“We will not retreat,”", "“not a single step.”"]
    assert [contents(q) for q in quotations] == [["We will not retreat,"], ["not a single step."]]
    assert quotations[0].start == 0 and quotations[1].end == len(text)


def test_straight_double_quotes_take_their_role_from_context() -> None:
    text = 'Officials were blunt. "There is no deal," a spokesman said. "Not now, not ever."'
    assert found(text) == ['"There is no deal,"', '"Not now, not ever."']


def test_curly_single_quotes_with_apostrophes_inside() -> None:
    text = "‘We don’t negotiate while Russia’s army is on our soil,’ the minister told the BBC."
    quotations = scan_quotations(text)
    assert contents(quotations[0]) == ["We don’t negotiate while Russia’s army is on our soil,"]
    assert len(quotations) == 1


def test_straight_single_quotes_do_not_mistake_apostrophes() -> None:
    text = (
        "The union leader, who came of age in the '90s, was angry. "
        "'It's not the students' union that decides,' she said of the council's plan."
    )
    assert found(text) == ["'It's not the students' union that decides,'"]


def test_rock_n_roll_elisions_are_not_quotation_marks() -> None:
    text = "He grew up on rock 'n' roll and rock n' roll radio. 'Those were the days,' he said."
    assert found(text) == ["'Those were the days,'"]


def test_a_possessive_before_the_real_closing_mark() -> None:
    text = "'We met the farmers' leaders today,' the minister said."
    assert found(text) == ["'We met the farmers' leaders today,'"]


def test_two_apostrophe_and_backtick_styles() -> None:
    text = "''We will not talk,'' Ushakov said. ``Not at this stage,'' he added."
    quotations = scan_quotations(text)
    assert found(text) == ["''We will not talk,''", "``Not at this stage,''"]
    assert [contents(q) for q in quotations] == [["We will not talk,"], ["Not at this stage,"]]


def test_guillemets() -> None:
    text = "Le porte-parole a déclaré : « Nous ne négocierons pas », selon l'agence."
    quotations = scan_quotations(text)
    assert found(text) == ["« Nous ne négocierons pas »"]
    assert contents(quotations[0]) == ["Nous ne négocierons pas"]


def test_german_low_high_quotes_close_with_the_high_mark() -> None:
    text = "„Wir schaffen das“, sagte die Kanzlerin."
    assert found(text) == ["„Wir schaffen das“"]


def test_a_wrongly_curled_opening_mark_still_opens() -> None:
    text = "”We are ready,” the commander said."
    assert found(text) == ["”We are ready,”"]


def test_feet_and_inches_are_not_quotation_marks() -> None:
    text = 'The suspect is 5\'11" tall. "He ran towards the station," a witness said.'
    assert found(text) == ['"He ran towards the station,"']


@pytest.mark.parametrize("opening", ["...", "…", "—", "— "])
def test_a_quote_that_starts_with_an_ellipsis_or_dash(opening: str) -> None:
    text = f'Later he added: "{opening}and then we left," and walked out.'
    assert found(text) == [f'"{opening}and then we left,"']


def test_empty_quotation_marks_are_not_a_quotation() -> None:
    text = 'The sign read "" and then "Closed."'
    assert found(text) == ['"Closed."']


# --- nesting ------------------------------------------------------------------------------------


def test_a_nested_quote_is_part_of_the_outer_one() -> None:
    text = "“He said ‘no’ twice,” she said."
    quotations = scan_quotations(text)
    assert found(text) == ["“He said ‘no’ twice,”"]
    assert contents(quotations[0]) == ["He said ‘no’ twice,"]


def test_a_nested_quote_closing_right_before_the_outer_one() -> None:
    text = "“He told me, ‘Don’t go back,’” she said. \"He said, 'Stay,'\" her son added."
    assert found(text) == ["“He told me, ‘Don’t go back,’”", "\"He said, 'Stay,'\""]


def test_nested_straight_quotes() -> None:
    text = "\"The crowd chanted 'no more war' all night,\" a resident said."
    assert found(text) == ["\"The crowd chanted 'no more war' all night,\""]


# --- paragraphs ---------------------------------------------------------------------------------


def test_multi_paragraph_quote_is_one_quotation_with_one_part_per_paragraph() -> None:
    text = (
        "The president spoke for an hour.\n"
        "“We will rebuild every town.\n"
        "“We will bring every soldier home.\n"
        "“And we will never forget,” he said.\n"
        "Reporters left."
    )
    quotations = scan_quotations(text)
    assert len(quotations) == 1
    quotation = quotations[0]
    assert contents(quotation) == [
        "We will rebuild every town.",
        "We will bring every soldier home.",
        "And we will never forget,",
    ]
    assert quotation.closed and not quotation.scare
    assert text[quotation.start] == "“" and text[quotation.end - 1] == "”"
    assert text.index("“We will rebuild") == quotation.start


def test_multi_paragraph_quote_with_straight_marks_and_blank_lines() -> None:
    text = '"First point.\n\n"Second point," she said.'
    quotations = scan_quotations(text)
    assert [contents(q) for q in quotations] == [["First point.", "Second point,"]]
    assert_offsets_hold(text, quotations)


@pytest.mark.parametrize(
    ("opening", "closing"), [("'", "'"), ("‘", "’"), ("''", "''"), ("``", "''"), ("«", "»")]
)
def test_multi_paragraph_quote_in_other_styles(opening: str, closing: str) -> None:
    text = (
        f"{opening}We won't stop until the last village is free.\n"
        f"{opening}Never,{closing} the commander said. Officials declined to comment."
    )
    quotations = scan_quotations(text)
    assert [contents(q) for q in quotations] == [["We won't stop until the last village is free.", "Never,"]]
    assert quotations[0].closed


def test_unclosed_quote_ends_at_its_paragraph_and_the_rest_is_still_scanned() -> None:
    text = (
        "“We are not going anywhere, the mayor said.\n"
        "Later, the governor added: “Help is coming.”\n"
        "“Tomorrow,” he said."
    )
    quotations = scan_quotations(text)
    assert found(text) == ["“We are not going anywhere, the mayor said.", "“Help is coming.”", "“Tomorrow,”"]
    assert [q.closed for q in quotations] == [False, True, True]
    assert quotations[0].end == text.index("\n")


def test_an_unclosed_quote_at_the_end_of_the_text() -> None:
    text = "The statement ended: “We reserve the right to respond.  "
    quotations = scan_quotations(text)
    assert len(quotations) == 1
    assert not quotations[0].closed
    assert contents(quotations[0]) == ["We reserve the right to respond."]
    assert quotations[0].end == len(text.rstrip())


def test_a_lone_opening_mark_quotes_nothing() -> None:
    text = "The banner read “\nNothing else was written. “Yes,” she said."
    assert found(text) == ["“Yes,”"]


def test_a_stray_closing_mark_is_ignored() -> None:
    text = "The word” slipped in by mistake. “This is real,” he said."
    assert found(text) == ["“This is real,”"]


def test_an_odd_straight_mark_does_not_swallow_the_article() -> None:
    paragraphs = ['He said "this is odd.'] + [f'Paragraph {n} is "quoted {n}," he said.' for n in range(50)]
    text = "\n".join(paragraphs)
    quotations = scan_quotations(text)
    assert len(quotations) == 51
    assert quotations[0].end == len(paragraphs[0]) and not quotations[0].closed
    assert found(text)[-1] == '"quoted 49,"'


def test_paragraph_spans_skip_blank_lines_and_trim_whitespace() -> None:
    text = "  First.\r\n\r\n\nSecond line.  \n   \nThird"
    spans = paragraph_spans(text)
    assert [text[s:e] for s, e in spans] == ["First.", "Second line.", "Third"]


def test_paragraph_spans_of_an_empty_text() -> None:
    assert paragraph_spans("") == []
    assert paragraph_spans("\n \n") == []


# --- scare quotes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "scare"),
    [
        ("Moscow denounced the so-called “special military operation” critics.", True),
        ("Kyiv wants a “buffer zone” on Russian soil.", True),
        ("The Kremlin described the raid as “terrorism” on Tuesday.", True),
        ("Zelensky called the strike “barbaric” and vowed to respond.", True),
        ("Protesters carried copies of the novel “The Lord of the Rings” into the square.", True),
        ("The Kremlin dubbed it the “Kursk provocation,” a phrase repeated on state TV.", True),
        ("“We will not talk,” Ushakov said.", False),
        ("He said the talks were “not on the agenda for now” and left.", False),
        ("The adviser said “no” when asked.", False),
        ("Officials put it simply: “Never again”.", False),
        ("Ushakov added, “Not at this stage”.", False),
    ],
)
def test_scare_quotes(text: str, scare: bool) -> None:
    quotations = scan_quotations(text)
    assert len(quotations) == 1
    assert quotations[0].scare is scare


def test_a_short_quote_opening_a_paragraph_is_not_scare() -> None:
    text = "The minister left the room\n“Never again” he said."
    assert [q.scare for q in scan_quotations(text)] == [False]


def test_multi_paragraph_and_unclosed_quotes_are_never_scare() -> None:
    assert not scan_quotations("The “buffer zone")[0].scare
    assert not any(q.scare for q in scan_quotations("a “buffer\n“zone”"))


# --- robustness and speed -----------------------------------------------------------------------

_QUOTEY = st.text(alphabet=st.sampled_from(list("ab s,.\n'\"`“”‘’«»„‹›:-")), max_size=200)


@given(_QUOTEY)
@settings(max_examples=300, deadline=None)
def test_any_text_gives_ordered_non_overlapping_quotations_with_true_offsets(text: str) -> None:
    assert_offsets_hold(text, scan_quotations(text))


def _steps(function: Callable[[str], object], text: str) -> int:
    """How many lines of Byline's code run for ``function(text)``: a measure of work that a loaded
    machine cannot change, unlike a timing."""
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> Callable[..., object] | None:
        nonlocal count
        if event == "line":
            count += 1
        return trace if frame.f_code.co_filename.startswith(READER_DIR) else None

    sys.settrace(trace)
    try:
        function(text)
    finally:
        sys.settrace(None)
    return count


def test_scanning_work_grows_linearly_with_the_text(kursk_text: str) -> None:
    one, four = _steps(scan_quotations, kursk_text), _steps(scan_quotations, kursk_text * 4)
    assert 3 * one <= four <= 5 * one


@pytest.mark.parametrize("mark", ['"', "“a ", "it's 'a ", "'\n"])
def test_pathological_runs_of_marks_stay_linear(mark: str) -> None:
    # Quadratic scanning would do 16 times the work for 4 times the text; linear does about 4.
    small, large = _steps(scan_quotations, mark * 2_000), _steps(scan_quotations, mark * 8_000)
    assert large <= 5 * small
