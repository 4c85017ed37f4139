"""Section heads in capitals ("THE STATE OF PLAY:", "SPOTTED:") open the paragraphs of a newsletter
item; they are no transcript's speaker labels (the blind set attribution_positions5 had each
paragraph of a Playbook-style item read as a direct quote of a speaker called "The whip problem").
A transcript's labels recur or name someone: Q and A, a role, a surname the article writes."""

from __future__ import annotations

from reader.analysis.layouts import transcript_turns


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _labels(text: str) -> list[str]:
    return [t.event.speaker.text for t in transcript_turns(text, _paragraphs(text)) if t.event.speaker]


def test_newsletter_section_heads_are_no_turns() -> None:
    text = (
        "Good Wednesday morning.\n"
        "THE STATE OF PLAY: Speaker Harold Vance plans to bring a stopgap bill to the floor.\n"
        "THE WHIP PROBLEM: Vance can lose only three Republicans.\n"
        "DEMS DIG IN: Minority Leader Tessa Rourke said Democrats would not supply a vote.\n"
        "CAMPAIGN CORNER: A memo warns members in swing districts.\n"
        "SPOTTED: Whitlock and Rourke sharing a table on Tuesday night."
    )
    assert _labels(text) == []


def test_a_transcript_with_one_turn_per_named_speaker_is_still_one() -> None:
    text = (
        "David Okonkwo and Margaret Lindqvist took questions.\n"
        "MODERATOR: Why did you vote no?\n"
        "OKONKWO: Because the plan gave the neighbors nothing.\n"
        "LINDQVIST: That is what people say when they want nothing built.\n"
        "UNIDENTIFIED SPEAKER: Answer the question!"
    )
    assert _labels(text) == ["MODERATOR", "OKONKWO", "LINDQVIST", "UNIDENTIFIED SPEAKER"]


def test_recurring_labels_are_turns_whatever_they_say() -> None:
    text = "SOLBERG: We will vote no.\nINTERVIEWER: Why?\nSOLBERG: Because the bill is too big."
    assert _labels(text) == ["SOLBERG", "INTERVIEWER", "SOLBERG"]


def test_a_section_head_beside_a_transcript_is_left_out() -> None:
    text = "Q: Will you run again?\nA: Not this year.\nEDITOR'S NOTE: This interview has been condensed."
    assert _labels(text) == ["Q", "A"]


def test_a_section_head_is_no_part_of_the_sentence_after_it(nlp) -> None:
    """ "DEMS DIG IN: Minority Leader Tessa Rourke said ...": the parser took "DIG" for the subject of
    "said", and the model tagged "WHIP" in "THE WHIP COUNT:" as an organisation."""
    from position_checks import analyse

    text = (
        "Shutdown nears\n\n"
        "DEMS DIG IN: Minority Leader Tessa Rourke said Tuesday that Democrats would not supply a vote.\n\n"
        "THE WHIP COUNT: Republicans believe they have the votes."
    )
    analysis = analyse(text, nlp)
    credited = {s.text: analysis.actor(s.actor).name for s in analysis.statements}  # type: ignore[union-attr]
    assert credited == {
        "Democrats would not supply a vote": "Tessa Rourke",
        "they have the votes": "Republicans",
    }
    assert {a.name for a in analysis.actors} == {"Tessa Rourke", "Republicans"}


def test_without_section_head_keeps_offsets() -> None:
    from reader.analysis.layouts import without_section_head

    piece = "WHITE HOUSE WATCH: The president would sign it."
    blanked = without_section_head(piece)
    assert len(blanked) == len(piece) and blanked.lstrip() == "The president would sign it."
    assert without_section_head("OKONKWO: We voted no.") == "OKONKWO: We voted no."


def test_a_what_they_are_saying_list_credits_each_line(nlp) -> None:
    """A newsletter's list: a dash, a lawmaker with a party tag, ", in a statement:" and a quote. The
    blind set positions5 credited Pierce's quote to the senator on the line before."""
    from position_checks import analyse

    text = (
        "Shutdown nears\n\nWHAT THEY'RE SAYING:\n"
        '— Sen. Kevin Marsh (R-S.C.) tweeted: "A two-month punt is not a plan."\n'
        '— Rep. Yolanda Pierce (D-N.Y.), in a statement: "Every day of a shutdown costs this country."\n'
        '— Alex Moreno, Daily Ledger: "The deal is dead."'
    )
    analysis = analyse(text, nlp)
    credited = [(s.text, analysis.actor(s.actor).name) for s in analysis.statements]  # type: ignore[union-attr]
    assert credited == [
        ('"A two-month punt is not a plan."', "Kevin Marsh"),
        ('"Every day of a shutdown costs this country."', "Yolanda Pierce"),
        ('"The deal is dead."', "Alex Moreno"),
    ]
