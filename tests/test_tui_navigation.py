"""The reader's jumps as pure functions of (state, analysis): no Textual, exact expected values.

One small hand-made analysis: three direct quotes and one reported statement, stored out of text
order (the walk must sort them), two actors, two entities and one date.
"""

from __future__ import annotations

from dataclasses import replace

from reader.analysis.model import Actor, Analysis, DateMention, Entity, Span, Statement
from reader.tui import navigation
from reader.tui.highlights import Focus, Layer
from reader.tui.note_targets import grow_selection, highlight_target, trim_span, visible_sentence
from reader.tui.state import Jump, Notice, ReaderState, focus_of
from reader.tui.status import default_location, progress_text, status_filters

TEXT = (
    'Ann Lee said: "We will build it." Bob Cole said the plan was late. "It is not," Lee said. '
    'Cole warned: "Costs rise." The vote is on 3 May.'
)


def _statement(start: int, end: int, kind: str, speaker: str, actor: str, cue: tuple[int, int]) -> Statement:
    return Statement(start, end, TEXT[start:end], kind, speaker=speaker, actor=actor,  # type: ignore[arg-type]
                     cue=Span(cue[0], cue[1], TEXT[cue[0]:cue[1]]))


def analysis() -> Analysis:
    statements = [
        _statement(103, 116, "direct", "Bob Cole", "bob-cole", (95, 101)),  # "Costs rise."
        _statement(14, 33, "direct", "Ann Lee", "ann-lee", (8, 12)),  # "We will build it."
        _statement(48, 65, "reported", "Bob Cole", "bob-cole", (43, 47)),  # the plan was late
        _statement(67, 79, "direct", "Ann Lee", "ann-lee", (84, 88)),  # "It is not,"
    ]
    actors = [
        Actor("ann-lee", "Ann Lee", "person", roles=["mayor"], statements=[1, 3],
              mention_spans=[Span(0, 7, "Ann Lee"), Span(80, 83, "Lee")]),
        Actor("bob-cole", "Bob Cole", "person", statements=[2, 0],
              mention_spans=[Span(34, 42, "Bob Cole"), Span(90, 94, "Cole")]),
        Actor("quiet", "Quiet Person", "person"),
    ]
    entities = [Entity(0, 7, "Ann Lee", "PERSON", "ann-lee"),
                Entity(34, 42, "Bob Cole", "PERSON", "bob-cole")]
    dates = [DateMention(132, 137, "3 May", "--05-03", "day")]
    return Analysis(text=TEXT, source="test", entities=entities, statements=statements, dates=dates,
                    actors=actors)


def test_the_text_offsets_used_below() -> None:
    assert TEXT[14:33] == '"We will build it."'
    assert TEXT[48:65] == "the plan was late"
    assert TEXT[67:79] == '"It is not,"'
    assert TEXT[103:116] == '"Costs rise."'
    assert TEXT[95:101] == "warned" and TEXT[132:137] == "3 May"


# -- quotes ---------------------------------------------------------------------------------------


def test_quote_order_sorts_by_text_and_filters_reported() -> None:
    statements = analysis().statements
    assert navigation.quote_order(statements, include_reported=False) == [1, 3, 0]
    assert navigation.quote_order(statements, include_reported=True) == [1, 2, 3, 0]


def test_first_quote_is_the_first_at_or_after_the_top_of_the_pane() -> None:
    data = analysis()
    jump = navigation.navigate_quote(ReaderState(), data, 1, top=40)
    assert jump.offset == 67
    assert jump.notice is None
    assert jump.state.quote_index == 1
    assert jump.state.current_quote is data.statements[3]
    assert jump.state.jump_offset == 67
    assert jump.state.location == "Quote 2/3 · Ann Lee, mayor · said"


def test_previous_quote_from_the_top_is_the_last_before_it() -> None:
    jump = navigation.navigate_quote(ReaderState(), analysis(), -1, top=40)
    assert (jump.offset, jump.state.quote_index, jump.notice) == (14, 0, None)
    assert jump.state.location == "Quote 1/3 · Ann Lee, mayor · said"


def test_next_and_previous_quote_walk_from_the_current_one() -> None:
    data = analysis()
    state = ReaderState()
    offsets = []
    for _ in range(3):
        jump = navigation.navigate_quote(state, data, 1, top=0)
        state = jump.state
        offsets.append(jump.offset)
    assert offsets == [14, 67, 103]
    assert state.location == "Quote 3/3 · Bob Cole · warned"
    back = navigation.navigate_quote(state, data, -1, top=0)
    assert (back.offset, back.state.quote_index) == (67, 1)


def test_quotes_wrap_around_with_a_notice_both_ways() -> None:
    data = analysis()
    last = replace(ReaderState(), quote_index=2, target="quote")
    forward = navigation.navigate_quote(last, data, 1, top=0)
    assert (forward.offset, forward.state.quote_index) == (14, 0)
    assert forward.notice == Notice("Wrapped to the first quote")
    first = replace(ReaderState(), quote_index=0)
    backward = navigation.navigate_quote(first, data, -1, top=0)
    assert (backward.offset, backward.state.quote_index) == (103, 2)
    assert backward.notice == Notice("Wrapped to the last quote")
    # Before any quote, "[" from the very top wraps to the last one as well.
    assert navigation.navigate_quote(ReaderState(), data, -1, top=0).offset == 103


def test_no_quotes_is_a_warning_and_changes_nothing() -> None:
    empty = Analysis(text=TEXT, source="test")
    state = ReaderState(location="before")
    jump = navigation.navigate_quote(state, empty, 1, top=0)
    assert jump == Jump(state, None, Notice("No quotes in this article", "warning"))


def test_partial_analysis_walks_quotes_without_speakers() -> None:
    jump = navigation.navigate_quote(ReaderState(), analysis(), 1, top=0, speakers_known=False)
    assert jump.state.location == "Quote 1/3 · speakers still being analysed"


def test_reported_filter_adds_reported_statements_and_goes_on_from_the_current_quote() -> None:
    """Newcomer: on Quote 3/3, ``r`` then ``]`` went back to an earlier statement (it restarted from
    the top of the pane); now it goes on from the quote the reader is on."""
    data = analysis()
    on_second = navigation.navigate_quote(ReaderState(), data, 1, top=40).state
    assert on_second.location == "Quote 2/3 · Ann Lee, mayor · said"  # "Cuts now." at 67
    toggled = navigation.toggle_reported(on_second, data)
    assert toggled.offset is None
    assert toggled.state.include_reported
    assert toggled.state.quote_index == 2 and toggled.state.current_quote is on_second.current_quote
    assert toggled.state.location == "] and [ now step through quotes and reported speech"
    forward = navigation.navigate_quote(toggled.state, data, 1, top=40)
    assert (forward.offset, forward.state.location) == (103, "Statement 4/4 · Bob Cole · warned")
    backward = navigation.navigate_quote(toggled.state, data, -1, top=40)
    assert (backward.offset, backward.state.location) == (48, "Statement 2/4 (reported) · Bob Cole · said")
    on_reported = backward.state
    back = navigation.toggle_reported(on_reported, data).state
    assert back.location == "] and [ now step through direct quotes only"
    assert back.quote_index is None and back.jump_offset == 48  # the reported one is not walked now
    after = navigation.navigate_quote(back, data, 1, top=0)
    assert (after.offset, after.state.location) == (67, "Quote 2/3 · Ann Lee, mayor · said")


def test_reported_filter_without_a_current_quote_starts_from_the_reading_position() -> None:
    toggled = navigation.toggle_reported(ReaderState(), analysis())
    state = toggled.state
    assert (state.quote_index, state.current_quote, state.target) == (None, None, None)


def test_final_analysis_keeps_the_current_quote_by_its_start() -> None:
    data = analysis()
    partial = Analysis(text=TEXT, source="test", statements=[Statement(67, 79, TEXT[67:79], "direct")])
    state = navigation.navigate_quote(ReaderState(), partial, 1, top=40, speakers_known=False).state
    assert state.quote_index == 0
    kept = navigation.keep_current_quote(state, data)
    assert kept.quote_index == 1
    assert kept.current_quote is data.statements[3]
    gone = navigation.keep_current_quote(replace(state, current_quote=Statement(5, 9, "x", "direct")), data)
    assert (gone.quote_index, gone.current_quote) == (None, None)
    assert navigation.keep_current_quote(ReaderState(), data) == ReaderState()


# -- an actor's statements ------------------------------------------------------------------------


def test_choosing_an_actor_marks_it_and_shows_its_layer() -> None:
    hidden = ReaderState(hidden_layers=frozenset({Layer.ACTOR, Layer.DATES}), statement_index=1)
    jump = navigation.choose_actor(hidden, analysis(), "bob-cole")
    assert jump.state.actor_id == "bob-cole"
    assert jump.state.statement_index is None
    assert jump.state.hidden_layers == frozenset({Layer.DATES})
    assert jump.state.location == "Bob Cole: 2 mentions, 2 statements marked · } walks them"
    assert jump.offset is None
    assert navigation.choose_actor(hidden, analysis(), "nobody") == Jump(hidden)


def test_actor_statements_walk_in_text_order_and_wrap() -> None:
    data = analysis()
    state = navigation.choose_actor(ReaderState(), data, "bob-cole").state
    first = navigation.navigate_statement(state, data, 1, top=0)
    assert (first.offset, first.state.statement_index, first.notice) == (48, 0, None)
    assert first.state.location == "Bob Cole · statement 1/2 (reported) · said"
    # A reported statement is not one of the quotes ] walks (direct only): ] starts afresh.
    assert first.state.quote_index is None
    second = navigation.navigate_statement(first.state, data, 1, top=0)
    assert (second.offset, second.state.statement_index) == (103, 1)
    assert second.state.location == "Bob Cole · statement 2/2 (quote) · warned"
    # ] and [ carry on from a statement that is one of their quotes.
    assert second.state.quote_index == 2
    assert second.state.current_quote is data.statements[0]
    wrapped = navigation.navigate_statement(second.state, data, 1, top=0)
    assert (wrapped.offset, wrapped.state.statement_index) == (48, 0)
    assert wrapped.notice == Notice("Wrapped to Bob Cole's first statement")
    back = navigation.navigate_statement(first.state, data, -1, top=0)
    assert back.notice == Notice("Wrapped to Bob Cole's last statement")
    assert back.offset == 103


def test_actor_statements_start_at_the_top_of_the_pane() -> None:
    data = analysis()
    state = navigation.choose_actor(ReaderState(), data, "ann-lee").state
    assert navigation.navigate_statement(state, data, 1, top=40).offset == 67
    assert navigation.navigate_statement(state, data, -1, top=40).offset == 14


def test_statement_keys_without_an_actor_or_statements_warn() -> None:
    data = analysis()
    assert navigation.navigate_statement(ReaderState(), data, 1, top=0) == Jump(
        ReaderState(), None, Notice("Select an actor in the side panel first (a)", "warning")
    )
    quiet = ReaderState(actor_id="quiet")
    assert navigation.navigate_statement(quiet, data, 1, top=0).notice == Notice(
        "Quiet Person has no statements in this article", "warning"
    )


def test_a_statement_chosen_in_the_panel() -> None:
    data = analysis()
    ann = data.actor("ann-lee")
    assert ann is not None
    jump = navigation.show_statement(ReaderState(), data, ann, 1)
    assert jump.offset == 67
    assert (jump.state.statement_index, jump.state.quote_index, jump.state.jump_offset) == (1, 1, 67)
    assert jump.state.location == "Ann Lee, mayor · statement 2/2 (quote) · said"


# -- entities, dates, search, layers --------------------------------------------------------------


def test_entities_step_and_wrap() -> None:
    data = analysis()
    first = navigation.navigate_entity(ReaderState(), data, 1, top=10)
    assert (first.offset, first.state.entity_index, first.notice) == (34, 1, None)
    assert first.state.location == "Entity 2/2 · Bob Cole · person"
    wrapped = navigation.navigate_entity(first.state, data, 1, top=10)
    assert (wrapped.offset, wrapped.state.entity_index) == (0, 0)
    assert wrapped.notice == Notice("Wrapped around the entities")
    none = navigation.navigate_entity(ReaderState(), Analysis(text=TEXT, source="t"), 1, top=0)
    assert none == Jump(ReaderState(), None, Notice("No entities found in this article", "warning"))


def test_dates_step_with_their_value_and_wrap() -> None:
    data = analysis()
    first = navigation.navigate_date(ReaderState(), data, 1, top=0)
    assert (first.offset, first.state.date_index, first.notice) == (132, 0, None)
    assert first.state.location == "Date 1/1 · 3 May → 3 May (year not stated) · --05-03"
    again = navigation.navigate_date(first.state, data, 1, top=0)
    assert again.notice == Notice("Wrapped around the dates")
    vague = replace(data, dates=[DateMention(121, 125, "vote", None, "relative")])
    assert navigation.navigate_date(ReaderState(), vague, 1, 0).state.location == (
        "Date 1/1 · vote → not pinned to a date"
    )
    none = navigation.navigate_date(ReaderState(), Analysis(text=TEXT, source="t"), -1, top=0)
    assert none.notice == Notice("No dates found in this article", "warning")


def test_search_finds_case_insensitively_from_the_top_of_the_pane() -> None:
    assert navigation.find_matches(TEXT, "SAID") == ((8, 12), (43, 47), (84, 88))
    assert navigation.find_matches(TEXT, "") == ()
    jump = navigation.search(ReaderState(), TEXT, "  said ", top=40)
    assert jump.state.search_term == "said"
    assert jump.state.matches == ((8, 12), (43, 47), (84, 88))
    assert (jump.offset, jump.state.match_index, jump.state.jump_offset) == (43, 1, 43)
    assert jump.state.location == "Match 2/3 for 'said'"
    last = navigation.navigate_match(jump.state, 1, top=0)
    assert (last.offset, last.state.location) == (84, "Match 3/3 for 'said'")
    wrapped = navigation.navigate_match(last.state, 1, top=0)
    assert (wrapped.offset, wrapped.notice) == (8, Notice("Search wrapped around"))


def test_search_without_matches_or_term() -> None:
    old = navigation.search(ReaderState(), TEXT, "said", top=0).state
    missing = navigation.search(old, TEXT, "Kursk", top=0)
    assert missing.offset is None
    assert (missing.state.matches, missing.state.match_index) == ((), None)
    assert missing.state.location == "No matches for 'Kursk'"
    assert missing.notice == Notice("No matches for 'Kursk'", "warning")
    cleared = navigation.search(old, TEXT, "   ", top=0)
    assert cleared == Jump(replace(old, search_term="", matches=(), match_index=None, location=""))
    assert navigation.navigate_match(ReaderState(), 1, top=0).notice == Notice(
        "Nothing to find yet: press / to search", "warning"
    )


def test_layer_toggles_hide_and_show() -> None:
    hidden = navigation.toggle_layer(ReaderState(), Layer.DATES)
    assert hidden.state.hidden_layers == frozenset({Layer.DATES})
    assert hidden.state.enabled_layers == {Layer.ENTITIES, Layer.QUOTES, Layer.ACTOR}
    assert hidden.notice == Notice("Dates hidden", timeout=2)
    shown = navigation.toggle_layer(hidden.state, Layer.DATES)
    assert shown.state == ReaderState()
    assert shown.notice == Notice("Dates shown", timeout=2)


def test_describe_speaker() -> None:
    data = analysis()
    assert navigation.describe_speaker(data.statements[1], data.actor("ann-lee")) == "Ann Lee, mayor"
    assert navigation.describe_speaker(data.statements[0], None) == "Bob Cole"
    assert navigation.describe_speaker(Statement(0, 1, "x", "direct"), None) == "unknown speaker"


# -- what is drawn as current, and the status line ------------------------------------------------


def test_focus_follows_the_state_and_needs_the_final_analysis() -> None:
    data = analysis()
    state = ReaderState(current_quote=data.statements[3], entity_index=1, date_index=0,
                        matches=((8, 12), (43, 47)), match_index=1)
    # Only the kind of target stepped to last is drawn as current: older ones would be stale markers.
    assert focus_of(state, data) == Focus(data.statements[3])
    assert focus_of(replace(state, marked="entity"), data) == Focus(data.statements[3], entity=(34, 42))
    assert focus_of(replace(state, marked="date"), data) == Focus(data.statements[3], date=(132, 137))
    assert focus_of(replace(state, marked="search"), data) == Focus(data.statements[3], search=(43, 47))
    assert focus_of(replace(state, marked="search"), None) == Focus()


def test_each_step_marks_its_own_kind_of_target() -> None:
    data = analysis()
    state = navigation.navigate_entity(ReaderState(), data, 1, top=0).state
    assert state.marked == "entity"
    state = navigation.navigate_date(state, data, 1, top=0).state
    assert (state.marked, focus_of(state, data).entity) == ("date", None)
    state = navigation.search(state, data.text, "said", top=0).state
    assert (state.marked, focus_of(state, data).date) == ("search", None)
    state = navigation.navigate_quote(state, data, 1, top=0).state
    assert (state.marked, focus_of(state, data).search) == ("quote", None)


def test_status_line_parts() -> None:
    data = analysis()
    assert default_location(None) == "Reading"
    assert default_location(data) == "3 quotes, 1 reported statement, 3 actors · ] next quote · ? help"
    state = ReaderState(hidden_layers=frozenset({Layer.DATES, Layer.ENTITIES}), include_reported=True,
                        actor_id="ann-lee", search_term="said", matches=((8, 12), (43, 47)))
    assert status_filters(state, data, encoding="utf-8", analysis_error=None, progress="") == (
        "hidden: entities, dates · quotes+reported · actor: Ann Lee · search: 'said' (2)"
    )
    assert status_filters(ReaderState(), None, encoding="cp1252", analysis_error=None, progress="40%") == (
        "encoding: cp1252 · analysing… 40%"
    )
    assert status_filters(ReaderState(), None, encoding="UTF_8", analysis_error="boom", progress="") == (
        "analysis failed"
    )
    assert (progress_text(0, 0), progress_text(1, 3)) == ("loading the language model", "33%")


# -- what the highlight keys act on ---------------------------------------------------------------


def _no_sentence() -> tuple[int, int]:
    raise AssertionError("the sentence on screen is not needed here")


def test_highlight_target_prefers_selection_then_statement_then_sentence() -> None:
    data = analysis()
    pick = {"current_quote": None, "statements": data.statements, "sentence_on_screen": _no_sentence}
    assert highlight_target(TEXT, selection=(33, 43), focus_offset=None, **pick) == (34, 42)  # trimmed
    assert highlight_target(TEXT, selection=(33, 34), focus_offset=None, **pick) is None
    # A statement reached from the panel starts at the focus; the reported one has no marks.
    assert highlight_target(TEXT, selection=None, focus_offset=48, **pick) == (48, 65)
    # The current quote, when the focus is inside it.
    inside = {**pick, "current_quote": data.statements[1]}
    assert highlight_target(TEXT, selection=None, focus_offset=20, **inside) == (14, 33)
    # Otherwise the sentence around the focus (an entity, a date, a match).
    assert highlight_target(TEXT, selection=None, focus_offset=132, **pick) == (117, 138)
    on_screen = {**pick, "sentence_on_screen": lambda: (34, 66)}
    assert highlight_target(TEXT, selection=None, focus_offset=None, **on_screen) == (34, 66)


def test_selection_helpers() -> None:
    assert trim_span(TEXT, (33, 43)) == (34, 42)
    assert grow_selection(TEXT, (0, 33)) == (0, 66)
    assert grow_selection(TEXT, (117, 138)) is None
    # The sentence through the top line, unless the next one starts on screen.
    assert visible_sentence(TEXT, 40, lambda offset: False) == (34, 66)
    assert visible_sentence(TEXT, 40, lambda offset: True) == (67, 89)
