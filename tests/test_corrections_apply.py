"""Applying a reader's corrections on top of an analysis (reader/corrections): each kind, index
consistency, actor identity by name, orphans, and corrections surviving a re-analysis."""

from __future__ import annotations

import copy
import dataclasses

from tui_sample import sample_analysis, sample_article, span

from reader.analysis.model import Actor, Analysis, Entity, Span, Statement
from reader.corrections import Anchor, Correction, apply_corrections
from reader.corrections.model import canonical

BONG_TEXT = (
    "Bong Joon Ho accepted the award in Cannes. "
    "“Cinema is one language,” Bong said. "
    "The festival director said the jury was unanimous."
)


def bong_analysis() -> Analysis:
    """Two actors for one man, as a weak analysis finds them: ``Bong Joon Ho`` and ``Bong``."""
    text = BONG_TEXT
    full, short = span(text, "Bong Joon Ho"), span(text, "Bong", after="language")
    quote_start = text.index("“")
    quote_end = text.index("”") + 1
    quote = Statement(
        quote_start,
        quote_end,
        text[quote_start:quote_end],
        "direct",
        [Span(quote_start + 1, quote_end - 2, text[quote_start + 1 : quote_end - 2])],
        "Bong",
        short,
        span(text, "said"),
        "bong",
        "tag",
        0.95,
        "speech",
        "say",
    )
    reported = span(text, "the jury was unanimous")
    claim = Statement(
        reported.start,
        reported.end,
        reported.text,
        "reported",
        [reported],
        None,
        None,
        span(text, "said", after="director"),
        None,
        None,
        None,
        "speech",
        "say",
    )
    return Analysis(
        text=text,
        source="bong.txt",
        entities=[
            Entity(full.start, full.end, full.text, "PERSON", "bong-joon-ho"),
            Entity(short.start, short.end, short.text, "PERSON", "bong"),
            Entity(*_at(span(text, "Cannes")), "PERSON", None),
        ],
        statements=[quote, claim],
        actors=[
            Actor("bong-joon-ho", "Bong Joon Ho", "person", [], ["director"], None, [full], []),
            Actor("bong", "Bong", "person", [], [], None, [short], [0]),
        ],
    )


def _at(where: Span) -> tuple[int, int, str]:
    return where.start, where.end, where.text


def anchor_of(analysis: Analysis, needle: str) -> Anchor:
    where = span(analysis.text, needle)
    return Anchor.from_text(analysis.text, where.start, where.end)


def consistent(analysis: Analysis) -> None:
    """Every index points where it should: actors own exactly their statements, in text order."""
    ids = {a.id for a in analysis.actors}
    for actor in analysis.actors:
        assert actor.statements == sorted(actor.statements)
        assert all(analysis.statements[i].actor == actor.id for i in actor.statements)
        assert all(analysis.statements[i].speaker == actor.name for i in actor.statements)
    owned = sorted(i for a in analysis.actors for i in a.statements)
    assert owned == [i for i, s in enumerate(analysis.statements) if s.actor is not None]
    assert all(s.actor in ids for s in analysis.statements if s.actor is not None)
    for statement in analysis.statements:
        if statement.within is not None:
            outer = analysis.statements[statement.within]
            assert outer.start <= statement.start and statement.end <= outer.end
    for s in analysis.statements:
        assert analysis.text[s.start : s.end] == s.text


def test_merge_bong_into_bong_joon_ho() -> None:
    analysis = bong_analysis()
    merged, report = apply_corrections(
        analysis, [Correction.new("merge_actors", actor="Bong", value="Bong Joon Ho")]
    )
    assert report.applied and not report.orphaned
    assert [a.name for a in merged.actors] == ["Bong Joon Ho"]
    [bong] = merged.actors
    assert (bong.id, bong.aliases, bong.statements, bong.mentions) == ("bong-joon-ho", ["Bong"], [0], 2)
    assert bong.corrected == "merged Bong"
    assert (merged.statements[0].speaker, merged.statements[0].actor) == ("Bong Joon Ho", "bong-joon-ho")
    assert [e.actor for e in merged.entities[:2]] == ["bong-joon-ho", "bong-joon-ho"]
    consistent(merged)
    # the analysis given is untouched
    assert [a.name for a in analysis.actors] == ["Bong Joon Ho", "Bong"]
    assert analysis.statements[0].speaker == "Bong"


def test_actors_are_found_by_canonical_name_and_alias_not_by_id() -> None:
    analysis = bong_analysis()
    # the ids change in a new analysis; the names are what the corrections hold
    for actor in analysis.actors:
        actor.id = actor.id + "-new"
    for statement in analysis.statements:
        statement.actor = statement.actor and statement.actor + "-new"
    merged, _ = apply_corrections(
        analysis, [Correction.new("merge_actors", actor="  bong ", value="BONG JOON HO")]
    )
    assert [a.name for a in merged.actors] == ["Bong Joon Ho"]
    renamed, _ = apply_corrections(
        merged, [Correction.new("rename_actor", actor="Bong", value="Director Bong")]
    )
    assert renamed.actors[0].name == "Director Bong"  # "Bong" is now an alias of the merged actor
    assert canonical(" Bong  JOON ho ") == "bong joon ho"


def test_rename_keeps_the_id_and_the_old_name_as_an_alias() -> None:
    renamed, _report = apply_corrections(
        bong_analysis(), [Correction.new("rename_actor", actor="Bong", value="Bong J.")]
    )
    actor = next(a for a in renamed.actors if a.id == "bong")
    assert (actor.name, actor.aliases, actor.corrected) == ("Bong J.", ["Bong"], "renamed from Bong")
    assert renamed.statements[0].speaker == "Bong J."
    # renaming to another actor's name makes them one
    one, _ = apply_corrections(
        bong_analysis(), [Correction.new("rename_actor", actor="Bong", value="Bong Joon Ho")]
    )
    assert [a.name for a in one.actors] == ["Bong Joon Ho"]
    consistent(one)


def test_change_speaker_to_an_existing_actor_a_new_name_or_none() -> None:
    analysis = bong_analysis()
    claim = anchor_of(analysis, "the jury was unanimous")
    existing, _ = apply_corrections(
        analysis, [Correction.new("speaker", anchor=claim, speaker="bong joon ho")]
    )
    assert (existing.statements[1].actor, existing.statements[1].speaker) == ("bong-joon-ho", "Bong Joon Ho")
    assert (
        existing.statements[1].corrected,
        existing.statements[1].how,
        existing.statements[1].confidence,
    ) == ("speaker", "corrected", 1.0)
    assert existing.actor("bong-joon-ho").statements == [1]
    consistent(existing)

    new, _ = apply_corrections(analysis, [Correction.new("speaker", anchor=claim, speaker="Thierry Frémaux")])
    actor = new.actor("thierry-fremaux")
    assert (actor.name, actor.kind, actor.statements, actor.corrected) == (
        "Thierry Frémaux",
        "person",
        [1],
        "added",
    )
    consistent(new)

    quote = anchor_of(analysis, "“Cinema is one language,”")
    nobody, _ = apply_corrections(analysis, [Correction.new("speaker", anchor=quote, speaker=None)])
    assert (nobody.statements[0].actor, nobody.statements[0].speaker) == (None, None)
    assert nobody.actor("bong").statements == []
    consistent(nobody)


def test_not_a_statement_removes_it_and_renumbers_every_index() -> None:
    analysis = sample_analysis()
    first = analysis.statements[0]  # Ushakov's reported statement
    correction = Correction.new(
        "not_statement", anchor=Anchor.from_text(analysis.text, first.start, first.end)
    )
    corrected, report = apply_corrections(analysis, [correction])
    assert report.applied == [correction]
    assert len(corrected.statements) == len(analysis.statements) - 1
    assert first.text not in [s.text for s in corrected.statements]
    assert corrected.actor("ushakov").statements == [0]
    assert corrected.actor("zelensky").statements == [1, 2]
    assert corrected.actor("syrskyi").statements == [3]
    consistent(corrected)


def test_within_follows_its_reported_statement_and_is_cleared_when_that_goes() -> None:
    text = 'Cox says the NRA won\'t allow "law-abiding gun owners to be punished" at all.'
    reported = span(text, 'the NRA won\'t allow "law-abiding gun owners to be punished" at all')
    inner = span(text, '"law-abiding gun owners to be punished"')
    tail = span(text, "at all")
    analysis = Analysis(
        text=text,
        source="x",
        statements=[
            Statement(
                reported.start, reported.end, reported.text, "reported", [reported], "Cox", None, None, "cox"
            ),
            Statement(
                inner.start, inner.end, inner.text, "direct", [inner], "Cox", None, None, "cox", within=0
            ),
        ],
        actors=[Actor("cox", "Cox", "person", statements=[0, 1])],
    )
    added, _ = apply_corrections(
        analysis,
        [
            Correction.new(
                "add_statement",
                anchor=Anchor.from_text(text, 0, 3),
                speaker="Cox",
                statement_kind="reported",
                frame="speech",
            ),
        ],
    )
    assert [s.within for s in added.statements] == [None, None, 1]
    assert added.actor("cox").statements == [0, 1, 2]
    consistent(added)
    removed, _ = apply_corrections(
        analysis,
        [
            Correction.new(
                "not_statement",
                anchor=Anchor.from_text(text, reported.start, reported.end),
                statement_kind="reported",
            ),
        ],
    )
    assert [(s.kind, s.within) for s in removed.statements] == [("direct", None)]
    assert removed.actor("cox").statements == [0]
    assert tail.text == "at all"


def test_add_a_missed_statement_with_its_speaker_kind_and_frame() -> None:
    analysis = sample_analysis()
    text = analysis.text
    where = span(text, "Kremlin has firmly ruled out")
    correction = Correction.new(
        "add_statement",
        anchor=Anchor.from_text(text, where.start, where.end),
        speaker="Kremlin",
        statement_kind="reported",
        frame="intention",
    )
    corrected, report = apply_corrections(analysis, [correction])
    assert report.applied == [correction]
    added = next(s for s in corrected.statements if s.corrected == "added")
    assert (added.text, added.kind, added.frame, added.speaker, added.actor) == (
        "Kremlin has firmly ruled out",
        "reported",
        "intention",
        "Kremlin",
        "kremlin",
    )
    assert corrected.statements.index(added) in corrected.actor("kremlin").statements
    assert [s.start for s in corrected.statements] == sorted(s.start for s in corrected.statements)
    consistent(corrected)


def test_a_direct_statement_added_gets_its_words_without_quotation_marks() -> None:
    analysis = bong_analysis()
    text = analysis.text
    where = span(text, "“Cinema is one language,”")
    base = dataclasses.replace(
        analysis,
        statements=[analysis.statements[1]],
        actors=[dataclasses.replace(a, statements=[]) for a in analysis.actors],
    )
    base.statements[0] = dataclasses.replace(base.statements[0])
    corrected, _ = apply_corrections(
        base,
        [
            Correction.new(
                "add_statement",
                anchor=Anchor.from_text(text, where.start, where.end),
                speaker="Bong",
                statement_kind="direct",
            )
        ],
    )
    added = corrected.statements[0]
    assert [p.text for p in added.parts] == ["Cinema is one language,"]
    assert (added.frame, added.actor, added.corrected) == ("speech", "bong", "added")


def test_relabel_an_entity_relabels_its_name_everywhere_and_the_actor_kind() -> None:
    analysis = sample_analysis()
    kursk = next(e for e in analysis.entities if e.text == "Kursk")
    correction = Correction.new(
        "relabel_entity", anchor=Anchor.from_text(analysis.text, kursk.start, kursk.end), value="LOC"
    )
    corrected, _ = apply_corrections(analysis, [correction])
    labels = {e.label for e in corrected.entities if e.text == "Kursk"}
    assert labels == {"LOC"}
    assert all(e.corrected == "label (was GPE)" for e in corrected.entities if e.text == "Kursk")
    assert all(e.corrected is None for e in corrected.entities if e.text != "Kursk")
    person, _ = apply_corrections(
        analysis,
        [
            Correction.new(
                "relabel_entity", anchor=Anchor.from_text(analysis.text, kursk.start, kursk.end), value="ORG"
            )
        ],
    )
    assert (person.actor("kursk").kind, person.actor("kursk").corrected) == ("organisation", "kind")


def test_set_and_remove_a_role() -> None:
    analysis = sample_analysis()
    roled, _ = apply_corrections(
        analysis, [Correction.new("set_role", actor="Zelensky", value="President of Ukraine")]
    )
    assert roled.actor("zelensky").roles == ["President of Ukraine", "Ukrainian President"]
    assert roled.actor("zelensky").corrected == "role"
    removed, report = apply_corrections(
        analysis, [Correction.new("remove_role", actor="Yuri Ushakov", value="kremlin ADVISER")]
    )
    assert removed.actor("ushakov").roles == []
    idle, report = apply_corrections(
        analysis, [Correction.new("remove_role", actor="Ushakov", value="pilot")]
    )
    assert report.idle and not report.applied and idle.actor("ushakov").corrected is None


def test_corrections_apply_in_order_each_to_what_the_earlier_left() -> None:
    corrections = [
        Correction.new("rename_actor", actor="Bong", value="Bong J."),
        Correction.new("merge_actors", actor="Bong J.", value="Bong Joon Ho"),
        Correction.new("set_role", actor="Bong J.", value="film director"),
    ]
    corrected, report = apply_corrections(bong_analysis(), corrections)
    assert len(report.applied) == 3
    [actor] = corrected.actors
    assert (actor.name, actor.aliases, actor.roles) == (
        "Bong Joon Ho",
        ["Bong J.", "Bong"],
        ["film director", "director"],
    )


def test_an_orphan_is_reported_with_its_reason_never_dropped() -> None:
    analysis = bong_analysis()
    gone = Correction.new(
        "speaker", anchor=Anchor(5, 30, "a sentence that is not in the text", "", ""), speaker="Bong"
    )
    no_actor = Correction.new("merge_actors", actor="Bong", value="Park Chan-wook")
    no_statement = Correction.new("speaker", anchor=anchor_of(analysis, "accepted the award"), speaker="Bong")
    fine = Correction.new("set_role", actor="Bong", value="auteur")
    corrected, report = apply_corrections(analysis, [gone, no_actor, no_statement, fine])
    assert [(c.id, why) for c, why in report.orphaned] == [
        (gone.id, "its text is no longer in the article"),
        (no_actor.id, "Park Chan-wook is not an actor any more"),
        (no_statement.id, "no statement is found there any more"),
    ]
    assert report.applied == [fine]
    assert report.summary() == "4 corrections (3 orphaned)"
    assert corrected.actor("bong").roles == ["auteur"]


def test_an_edited_text_finds_the_statement_again_by_its_words() -> None:
    analysis = sample_analysis()
    target = analysis.statements[2]  # Zelensky's reported statement
    correction = Correction.new(
        "speaker",
        anchor=Anchor.from_text(analysis.text, target.start, target.end),
        speaker="Oleksandr Syrskyi",
    )
    edited_article = sample_article()
    edited_article.text = "UPDATED: a correction was appended.\n\n" + edited_article.text
    edited = sample_analysis(edited_article)
    corrected, report = apply_corrections(edited, [correction])
    assert report.applied == [correction]
    moved = next(s for s in corrected.statements if s.text == target.text)
    assert moved.start == target.start + len("UPDATED: a correction was appended.\n\n")
    assert moved.speaker == "Oleksandr Syrskyi"
    consistent(corrected)


def test_no_corrections_gives_the_analysis_itself() -> None:
    analysis = sample_analysis()
    same, report = apply_corrections(analysis, [])
    assert same is analysis and report.count == 0


def test_the_analysis_given_is_never_changed() -> None:
    analysis = bong_analysis()
    before = copy.deepcopy(analysis)
    claim = anchor_of(analysis, "the jury was unanimous")
    quote = anchor_of(analysis, "“Cinema is one language,”")
    apply_corrections(
        analysis,
        [
            Correction.new("speaker", anchor=claim, speaker="Bong"),
            Correction.new("not_statement", anchor=quote),
            Correction.new(
                "add_statement",
                anchor=anchor_of(analysis, "accepted the award"),
                speaker="X",
                statement_kind="reported",
            ),
            Correction.new("relabel_entity", anchor=anchor_of(analysis, "Cannes"), value="GPE"),
            Correction.new("set_role", actor="Bong", value="auteur"),
            Correction.new("rename_actor", actor="Bong Joon Ho", value="Bong Joon-ho"),
            Correction.new("merge_actors", actor="Bong", value="Bong Joon-ho"),
        ],
    )
    assert analysis == before


def test_json_marks_only_what_was_corrected() -> None:
    corrected, _ = apply_corrections(
        bong_analysis(), [Correction.new("merge_actors", actor="Bong", value="Bong Joon Ho")]
    )
    data = corrected.to_dict()
    assert data["actors"][0]["corrected"] == "merged Bong"
    assert "corrected" not in data["statements"][0]
    assert Analysis.from_dict(data) == corrected


def test_corrections_survive_a_reanalysis_with_a_changed_rule(nlp, monkeypatch) -> None:
    """Made on one analysis, applied to the analysis of a changed rule: every reported statement
    loses its last word (the spans move) and pronoun attributions lose their speaker."""
    from reader.analysis import pipeline
    from reader.analysis.pipeline import analyze_with

    article = sample_article()
    before = analyze_with(nlp, article)
    text = before.text
    pronoun = next(s for s in before.statements if s.how == "pronoun" and s.speaker == "Yuri Ushakov")
    talks = next(s for s in before.statements if s.text == "engage in talks")
    corrections = [
        Correction.new(
            "speaker",
            anchor=Anchor.from_text(text, pronoun.start, pronoun.end),
            speaker="Volodymyr Zelensky",
            statement_kind="reported",
        ),
        Correction.new(
            "not_statement", anchor=Anchor.from_text(text, talks.start, talks.end), statement_kind="reported"
        ),
        Correction.new("merge_actors", actor="Moscow", value="Kremlin"),
    ]
    _first, first_report = apply_corrections(before, corrections)
    assert len(first_report.applied) == 3

    rule = pipeline.attribute

    def changed_rule(*args, **kwargs):  # type: ignore[no-untyped-def]
        attributions = rule(*args, **kwargs)
        for attribution in attributions:
            quote = attribution.quote
            if quote.kind == "reported":
                end = text.rfind(" ", quote.start, quote.end)
                if end > quote.start:
                    attribution.quote = dataclasses.replace(
                        quote,
                        end=end,
                        text=text[quote.start : end],
                        parts=[Span(quote.start, end, text[quote.start : end])],
                    )
            if attribution.how == "pronoun" or (
                attribution.event is not None and quote.start == pronoun.start
            ):
                attribution.event, attribution.how = None, None
        return attributions

    monkeypatch.setattr(pipeline, "attribute", changed_rule)
    after = analyze_with(nlp, article)
    moved = next(s for s in after.statements if s.start == pronoun.start)
    assert moved.end < pronoun.end and moved.speaker is None  # the rule did change it
    corrected, report = apply_corrections(after, corrections)
    assert len(report.applied) == 3 and not report.orphaned
    fixed = next(s for s in corrected.statements if s.start == pronoun.start)
    assert (fixed.end, fixed.speaker, fixed.corrected) == (moved.end, "Volodymyr Zelensky", "speaker")
    assert not any(s.text.startswith("engage in") for s in corrected.statements)
    assert "Moscow" not in [a.name for a in corrected.actors]
    assert "Moscow" in corrected.actors[[a.name for a in corrected.actors].index("Kremlin")].aliases
    consistent(corrected)
