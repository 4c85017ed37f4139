"""The analysis of the article Byline was started from, checked against what a careful reader sees."""

from __future__ import annotations

import json

import pytest

from reader.analysis import Analysis, analyze
from reader.paths import sample_article
from reader.sources import Article

KURSK = sample_article()


@pytest.fixture(scope="module")
def kursk(nlp) -> Analysis:
    text = KURSK.read_text(encoding="utf-8")
    return analyze(Article(text=text, source=str(KURSK)), nlp=nlp, use_cache=False)


def _actor(analysis: Analysis, name: str):
    matches = [a for a in analysis.actors if a.name == name]
    assert matches, f"no actor {name!r} in {[a.name for a in analysis.actors]}"
    return matches[0]


def test_exactly_three_direct_statements_with_speakers_and_cues(kursk: Analysis) -> None:
    direct = [q for q in kursk.statements if q.kind == "direct"]
    assert [(q.speaker, q.cue.text if q.cue else None) for q in direct] == [
        ("Yuri Ushakov", "stated"),
        ("Volodymyr Zelensky", "said"),
        ("Oleksandr Syrskyi", "reported"),
    ]
    assert direct[0].parts[0].text.startswith("At this stage, we will not talk.")
    assert direct[2].parts[0].text == "We are seeing new successes in the area"


def test_buffer_zone_is_not_a_statement(kursk: Analysis) -> None:
    assert not any(
        q.kind == "direct" and "buffer zone" in q.text and len(q.text) < 20 for q in kursk.statements
    )
    assert all(q.text.strip("“”") != "buffer zone" for q in kursk.statements)


@pytest.mark.parametrize(
    ("speaker", "content"),
    [
        ("Yuri Ushakov", "the current situation is not conducive to diplomatic talks"),
        ("Volodymyr Zelensky", "the operation is achieving its objectives"),
        ("Yuri Ushakov", "any future negotiations would depend on the evolving situation"),
        ("Volodymyr Zelensky", "the ongoing offensive is part of a broader strategy"),
        ("Oleksandr Syrskyi", "Ukrainian forces are making significant gains in the Kursk region"),
    ],
)
def test_reported_speech(kursk: Analysis, speaker: str, content: str) -> None:
    indirect = [q for q in kursk.statements if q.kind == "reported" and q.text.startswith(content)]
    assert indirect, f"no reported speech starting {content!r}"
    assert indirect[0].speaker == speaker


def test_pronoun_speakers_are_resolved_and_kept_as_mentions(kursk: Analysis) -> None:
    he_quotes = [q for q in kursk.statements if q.speaker_mention and q.speaker_mention.text == "He"]
    assert [q.speaker for q in he_quotes] == ["Yuri Ushakov", "Volodymyr Zelensky"]


def test_every_kursk_mention_is_a_place_and_kyiv_is_not_a_person(kursk: Analysis) -> None:
    kursk_mentions = [e for e in kursk.entities if e.text == "Kursk"]
    assert len(kursk_mentions) == kursk.text.count("Kursk")
    assert {e.label for e in kursk_mentions} == {"GPE"}
    kyiv = [e for e in kursk.entities if e.text == "Kyiv"]
    assert kyiv and all(e.label != "PERSON" for e in kyiv)


def test_surnames_link_to_full_names_and_syrskyi_is_found(kursk: Analysis) -> None:
    zelensky = _actor(kursk, "Volodymyr Zelensky")
    assert "Zelensky" in zelensky.aliases
    zelensky_entities = [e for e in kursk.entities if e.text == "Zelensky"]
    assert zelensky_entities and {e.actor for e in zelensky_entities} == {zelensky.id}
    syrskyi = _actor(kursk, "Oleksandr Syrskyi")
    assert syrskyi.kind == "person"
    assert any(e.text == "Syrskyi" and e.actor == syrskyi.id for e in kursk.entities)


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Yuri Ushakov", "Kremlin adviser"),
        ("Volodymyr Zelensky", "Ukrainian President"),
        ("Oleksandr Syrskyi", "senior commander"),
    ],
)
def test_roles(kursk: Analysis, name: str, role: str) -> None:
    assert role in _actor(kursk, name).roles


def test_positions_are_in_text_order_and_point_at_quotes(kursk: Analysis) -> None:
    for actor in kursk.actors:
        starts = [kursk.statements[i].start for i in actor.statements]
        assert starts == sorted(starts)
        assert all(kursk.statements[i].actor == actor.id for i in actor.statements)
    assert len(_actor(kursk, "Volodymyr Zelensky").statements) >= 3


def test_dates_are_normalised(kursk: Analysis) -> None:
    by_text = {d.text: d for d in kursk.dates}
    assert by_text["February 2022"].value == "2022-02"
    assert by_text["February 2022"].grain == "month"
    assert by_text["August 6"].grain == "day"
    # No publication date: Monday cannot be pinned down, so it is not guessed.
    assert by_text["Monday"].value is None and by_text["Monday"].grain == "relative"


def test_august_6_takes_the_year_of_the_publication_date(nlp) -> None:
    text = KURSK.read_text(encoding="utf-8")
    analysis = analyze(Article(text=text, source="k", published="2024-08-19"), nlp=nlp, use_cache=False)
    by_text = {d.text: d for d in analysis.dates}
    assert by_text["August 6"].value == "2024-08-06"
    assert by_text["Monday"].value == "2024-08-19"


def test_every_span_points_into_the_text(kursk: Analysis) -> None:
    text = kursk.text
    spans = [*kursk.entities, *kursk.statements, *kursk.dates]
    for quote in kursk.statements:
        spans += quote.parts + [s for s in (quote.speaker_mention, quote.cue) if s]
    for actor in kursk.actors:
        spans += actor.mention_spans
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start : span.end] == span.text


def test_json_round_trip(kursk: Analysis) -> None:
    data = json.loads(json.dumps(kursk.to_dict()))
    assert data["schema"] == "byline.analysis/2"
    assert Analysis.from_dict(data) == kursk
