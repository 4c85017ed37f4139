"""Correcting the analysis in the reader through the real keys: =, R, +, u (reader_corrections.py)."""

from __future__ import annotations

from textual.widgets import Input, OptionList
from tui_sample import record_notifications, sample_analysis, sample_article, wait_until

from reader.analysis.model import Analysis
from reader.corrections import Anchor, Correction
from reader.notes import NoteStore
from reader.sources.article import Article
from reader.tui.app import BylineApp
from reader.tui.screens.picker import Picker

SIZE = (120, 40)


def make_app(article: Article | None = None, analysis: Analysis | None = None) -> BylineApp:
    article = article or sample_article()
    return BylineApp(article, analysis=analysis or sample_analysis(article))


async def type_text(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press(*("space" if ch == " " else ch for ch in text))


def options(app: BylineApp) -> list[str]:
    option_list = app.screen.query_one("#picker-list", OptionList)
    return [str(option_list.get_option_at_index(i).prompt) for i in range(option_list.option_count)]


async def choose(pilot, app: BylineApp, label_start: str) -> None:  # type: ignore[no-untyped-def]
    """In an open picker, move down to the entry whose label starts with ``label_start`` and take it."""
    await wait_until(pilot, lambda: isinstance(app.screen, Picker), what="the picker")
    await pilot.pause()
    labels = options(app)
    index = next(i for i, label in enumerate(labels) if label.startswith(label_start))
    for _ in range(index):
        await pilot.press("down")
    await pilot.press("enter")
    await pilot.pause()


async def test_change_the_speaker_of_the_current_quote_to_an_existing_actor_then_undo() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await pilot.press("right_square_bracket")  # the first direct quote: Ushakov's
        first = reader.state.current_quote
        assert first is not None and first.speaker == "Yuri Ushakov"
        await pilot.press("equals_sign")
        await choose(pilot, app, "Change the speaker")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "zelen")
        await pilot.pause()
        assert options(app)[0].startswith("Volodymyr Zelensky")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, Picker)
        corrected = next(s for s in reader.analysis.statements if s.start == first.start)
        assert (corrected.speaker, corrected.actor, corrected.corrected) == (
            "Volodymyr Zelensky",
            "zelensky",
            "speaker",
        )
        index = reader.analysis.statements.index(corrected)
        assert index in reader.analysis.actor("zelensky").statements
        assert index not in reader.analysis.actor("ushakov").statements
        # the raw analysis is untouched; the store has the correction
        assert reader.raw_analysis.statements[index].speaker == "Yuri Ushakov"
        [stored] = reader.notes.store.corrections
        assert (stored.kind, stored.speaker, stored.anchor.exact) == (
            "speaker",
            "Volodymyr Zelensky",
            first.text,
        )
        assert "✎ speaker corrected" in reader.filters
        assert reader.location.startswith("Quote 1/3 · Volodymyr Zelensky, Ukrainian President · stated")
        assert "✎ 1 correction" in reader.filters
        await pilot.press("u")
        await pilot.pause()
        assert reader.analysis.statements[index].speaker == "Yuri Ushakov"
        assert reader.analysis.statements[index].corrected is None
        assert reader.notes.store.corrections == []
        assert reader.location.startswith("Quote 1/3 · Yuri Ushakov, Kremlin adviser · stated")


async def focus_actor(pilot, app: BylineApp, actor_id: str) -> None:  # type: ignore[no-untyped-def]
    """``a`` focuses the actors panel; ``down`` until the cursor is on ``actor_id``."""
    await pilot.press("a")
    await pilot.pause()
    panel = app.reader.actors_panel
    for _ in range(20):
        node = panel.cursor_node
        if (
            node is not None
            and getattr(node.data, "actor_id", None) == actor_id
            and node.parent is panel.root
        ):
            return
        await pilot.press("down")
        await pilot.pause()
    raise AssertionError(f"no actor {actor_id} in the panel")


async def test_change_the_speaker_to_a_new_name_makes_a_new_actor() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await pilot.press("right_square_bracket", "right_square_bracket")  # Zelensky's direct quote
        quote = reader.state.current_quote
        assert quote is not None and quote.speaker == "Volodymyr Zelensky"
        await pilot.press("equals_sign")
        await choose(pilot, app, "Change the speaker")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "Andriy Yermak")
        await pilot.pause()
        assert options(app) == ["New: Andriy Yermak"]
        await pilot.press("enter")
        await pilot.pause()
        analysis = reader.analysis
        corrected = next(s for s in analysis.statements if s.start == quote.start)
        actor = analysis.actor("andriy-yermak")
        assert (corrected.speaker, actor.name, actor.kind, actor.corrected) == (
            "Andriy Yermak",
            "Andriy Yermak",
            "person",
            "added",
        )
        assert actor.statements == [analysis.statements.index(corrected)]
        labels = [str(node.label) for node in reader.actors_panel.root.children]
        assert any(label.endswith("Andriy Yermak · person · says 1 ✎ added") for label in labels)


async def test_not_a_statement_removes_the_current_quote_and_u_brings_it_back() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        count = len(reader.analysis.statements)
        await pilot.press("right_square_bracket")
        quote = reader.state.current_quote
        await pilot.press("equals_sign")
        await choose(pilot, app, "Not a statement")
        assert len(reader.analysis.statements) == count - 1
        assert quote.text not in [s.text for s in reader.analysis.statements]
        assert reader.analysis.actor("ushakov").statements == [0]
        assert "✎ 1 correction" in reader.filters
        await pilot.press("u")
        await pilot.pause()
        assert len(reader.analysis.statements) == count
        assert reader.notes.store.corrections == []
        await pilot.press("u")
        await pilot.pause()
        assert reader.notes.store.corrections == []


async def test_add_a_missed_statement_from_a_selection_with_its_speaker_and_frame() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        text = reader.article.text
        await pilot.press("d", "shift+down")  # the first date, then its sentence selected
        await pilot.pause()
        selected = reader.article_view.selected_span()
        assert selected is not None and "August 6" in text[selected[0] : selected[1]]
        await pilot.press("equals_sign")
        await choose(pilot, app, "Add the selection as a statement")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "kreml")
        await pilot.pause()
        assert options(app)[0].startswith("Kremlin")
        await pilot.press("enter")
        await choose(pilot, app, "reported · wants")
        added = [s for s in reader.analysis.statements if s.corrected == "added"]
        assert len(added) == 1
        statement = added[0]
        assert (statement.kind, statement.frame, statement.speaker, statement.actor) == (
            "reported",
            "intention",
            "Kremlin",
            "kremlin",
        )
        assert text[statement.start : statement.end] == statement.text
        assert selected[0] <= statement.start and statement.end <= selected[1]
        index = reader.analysis.statements.index(statement)
        assert index in reader.analysis.actor("kremlin").statements
        [stored] = reader.notes.store.corrections
        assert (stored.kind, stored.statement_kind, stored.frame) == (
            "add_statement",
            "reported",
            "intention",
        )
        await pilot.press("u")
        await pilot.pause()
        assert not any(s.corrected for s in reader.analysis.statements)
        assert reader.notes.store.corrections == []


async def test_plus_in_the_actors_panel_merges_an_actor_into_another_chosen_by_typing() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await focus_actor(pilot, app, "kursk")
        await pilot.press("plus")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "krem")
        await pilot.pause()
        assert options(app) == ["Kremlin · organisation", "Yuri Ushakov, Kremlin adviser · person"]
        await pilot.press("enter")
        await pilot.pause()
        names = [a.name for a in reader.analysis.actors]
        assert "Kursk" not in names
        kremlin = reader.analysis.actor("kremlin")
        assert "Kursk" in kremlin.aliases and kremlin.corrected == "merged Kursk"
        labels = [str(node.label) for node in reader.actors_panel.root.children]
        assert any("Kremlin" in label and label.endswith("✎ merged Kursk") for label in labels)
        [stored] = reader.notes.store.corrections
        assert (stored.kind, stored.actor, stored.value) == ("merge_actors", "Kursk", "Kremlin")
        await pilot.press("u")
        await pilot.pause()
        assert "Kursk" in [a.name for a in reader.analysis.actors]


async def test_capital_r_renames_the_actor_under_the_cursor() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await focus_actor(pilot, app, "syrskyi")
        await pilot.press("R")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        assert app.screen.query_one("#picker-input", Input).value == "Oleksandr Syrskyi"
        await pilot.press("ctrl+u")
        await type_text(pilot, "Gen. Oleksandr Syrskyi")
        await pilot.press("enter")
        await pilot.pause()
        actor = reader.analysis.actor("syrskyi")
        assert (actor.name, actor.corrected) == ("Gen. Oleksandr Syrskyi", "renamed from Oleksandr Syrskyi")
        assert all(
            reader.analysis.statements[i].speaker == "Gen. Oleksandr Syrskyi" for i in actor.statements
        )
        await pilot.press("u")
        await pilot.pause()
        actor = reader.analysis.actor("syrskyi")
        assert (actor.name, actor.corrected) == ("Oleksandr Syrskyi", None)


async def test_relabel_the_current_entity() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await pilot.press("e")  # the first entity: Kremlin (ORG)
        entity = reader.analysis.entities[reader.state.entity_index]
        assert (entity.text, entity.label) == ("Kremlin", "ORG")
        await pilot.press("equals_sign")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        assert options(app)[0] == "Relabel “Kremlin” (now ORG)…"
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "gpe")
        await pilot.pause()
        assert options(app) == ["GPE · country, city, state"]
        await pilot.press("enter")
        await pilot.pause()
        kremlin = [e for e in reader.analysis.entities if e.text == "Kremlin"]
        assert {e.label for e in kremlin} == {"GPE"} and kremlin[0].corrected == "label (was ORG)"
        assert reader.analysis.actor("kremlin").kind == "place"
        assert reader.decorations.layers  # redrawn with the new label's style
        runs = reader.decorations.runs_for(entity.start, entity.end)
        assert any(run.key == "entity.GPE" for run in runs)
        await pilot.press("u")
        await pilot.pause()
        assert {e.label for e in reader.analysis.entities if e.text == "Kremlin"} == {"ORG"}
        assert reader.analysis.actor("kremlin").kind == "organisation"


async def test_set_and_remove_a_role_from_the_menu_in_the_actors_panel() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await focus_actor(pilot, app, "syrskyi")
        await pilot.press("equals_sign")
        await choose(pilot, app, "Set Oleksandr Syrskyi's role")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "commander-in-chief")
        await pilot.press("enter")
        await pilot.pause()
        assert reader.analysis.actor("syrskyi").roles == ["commander-in-chief", "senior commander"]
        await focus_actor(pilot, app, "syrskyi")
        await pilot.press("equals_sign")
        await choose(pilot, app, "Remove a role of Oleksandr Syrskyi")
        await choose(pilot, app, "senior commander")
        assert reader.analysis.actor("syrskyi").roles == ["commander-in-chief"]
        assert [c.kind for c in reader.notes.store.corrections] == ["set_role", "remove_role"]
        await pilot.press("u", "u")
        await pilot.pause()
        assert reader.analysis.actor("syrskyi").roles == ["senior commander"]
        assert reader.notes.store.corrections == []


async def test_u_is_one_undo_stack_for_highlight_removals_and_corrections() -> None:
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await pilot.press("right_square_bracket", "h", "x")
        assert reader.notes.store.highlights == []
        await pilot.press("equals_sign")
        await choose(pilot, app, "Not a statement")
        assert len(reader.notes.store.corrections) == 1
        await pilot.press("u")  # the correction first: it came last
        await pilot.pause()
        assert reader.notes.store.corrections == [] and reader.notes.store.highlights == []
        await pilot.press("u")  # then the highlight
        await pilot.pause()
        assert len(reader.notes.store.highlights) == 1
        await pilot.press("u")
        await pilot.pause()
        assert seen[-1] == "Nothing to undo"


async def test_corrections_are_applied_when_the_article_is_opened_again_and_orphans_are_reported() -> None:
    article = sample_article()
    store = NoteStore.open(article)

    store.add_correction(Correction.new("merge_actors", actor="Kursk", value="Kremlin"))
    store.add_correction(
        Correction.new("speaker", anchor=Anchor(0, 20, "words not in the article", "", ""), speaker="Someone")
    )
    app = make_app(article)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        reader = app.reader
        assert "Kursk" not in [a.name for a in reader.analysis.actors]
        assert any("1 correction of the analysis could not be applied (orphaned, kept)" in s for s in seen)
        assert "✎ 2 corrections (1 orphaned)" in reader.filters
        assert len(reader.notes.store.corrections) == 2


async def test_the_menu_says_what_to_do_when_there_is_nothing_to_correct() -> None:
    app = make_app()
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("equals_sign")
        await pilot.pause()
        assert not isinstance(app.screen, Picker)
        assert seen[-1].startswith("Nothing to correct here")
        await pilot.press("right_square_bracket", "equals_sign")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, Picker)
        assert app.reader.notes.store.corrections == []


def test_actor_label_marks_a_corrected_actor() -> None:
    from rich.style import Style

    from reader.tui.widgets.actors_panel import actor_label

    actor = sample_analysis().actors[0]
    actor.corrected = "renamed from Ushakov"
    assert str(actor_label(actor, lambda _key: Style.null())).endswith("✎ renamed from Ushakov")


async def test_the_menu_on_a_statement_in_the_actors_panel_offers_its_speaker() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await focus_actor(pilot, app, "syrskyi")
        await pilot.press("right", "down")  # the actor's statements, the first of them
        await pilot.pause()
        node = reader.actors_panel.cursor_node
        assert node is not None and getattr(node.data, "quote_index", None) is not None
        statement = reader.analysis.statements[node.data.quote_index]
        await pilot.press("equals_sign")
        await choose(pilot, app, "Change the speaker (now: Oleksandr Syrskyi)")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "Yuri")
        await pilot.press("enter")
        await pilot.pause()
        fixed = next(s for s in reader.analysis.statements if s.start == statement.start)
        assert (fixed.speaker, fixed.corrected) == ("Yuri Ushakov", "speaker")


async def test_the_readers_export_shows_the_corrections(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from reader.tui.screens.export_dialog import ExportRequest

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        reader = app.reader
        await focus_actor(pilot, app, "kursk")
        await pilot.press("plus")
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await type_text(pilot, "Kremlin")
        await pilot.press("enter")
        await pilot.pause()
        target = tmp_path / "notes.md"
        reader.export_notes(ExportRequest("md", target))
        exported = target.read_text(encoding="utf-8")
        assert "## Corrections of the analysis\n\n- Kursk merged into Kremlin\n" in exported


async def test_the_picker_shows_article_text_inert() -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        poisoned = "Evil\x1b]2;pwned\x07 [b]Name[/b]\u202e"
        app.push_screen(Picker(f"Merge {poisoned} into…", [(poisoned, poisoned)], allow_new=True))
        await wait_until(pilot, lambda: isinstance(app.screen, Picker))
        await pilot.pause()
        [label] = options(app)
        assert "\x1b" not in label and "\x07" not in label and "\u202e" not in label
        assert "[b]Name[/b]" in label and "␛" in label
        title = str(app.screen.query_one("#picker-title").render())
        assert "\x1b" not in title and "[b]Name[/b]" in title
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, Picker)
