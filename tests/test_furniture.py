"""Article furniture is metadata, not actors (issue 14): datelines, bylines, credit lines."""

from __future__ import annotations

import pytest

from reader.analysis import analyze
from reader.sources.article import Article
from reader.sources.header import find_furniture, parse_header
from reader.sources.loader import article_from_bytes
from reader.tui.widgets.article_header import dateline_text


def load(text: str) -> Article:
    return article_from_bytes(text.encode("utf-8"), source="t.txt", origin="t.txt", fmt="text")


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        (
            "KYIV, Ukraine (AP) — Energy Minister Oksana Hrytsenko said Wednesday that repairs would last.",
            {"dateline_place": "KYIV", "dateline_region": "Ukraine", "agency": "AP"},
        ),
        (
            "LISBON, March 5 (Meridian) - Rui Pacheco said on Tuesday that the licence should go.",
            {"dateline_place": "LISBON", "dateline_date": "March 5", "agency": "Meridian"},
        ),
        (
            "SEOUL, Jan. 8 (Yonhap) -- Chipmaker Daehan Semicon said Tuesday its profit rose.",
            {"dateline_place": "SEOUL", "dateline_date": "Jan. 8", "agency": "Yonhap"},
        ),
        (
            "WASHINGTON (AP) — The House will vote next week.",
            {"dateline_place": "WASHINGTON", "agency": "AP"},
        ),
        (
            "BEIJING — China's Ministry of Commerce said on Thursday it would act.",
            {"dateline_place": "BEIJING"},
        ),
    ],
)
def test_datelines_become_metadata(text: str, fields: dict[str, str]) -> None:
    furniture = find_furniture(text)
    assert furniture.fields == fields
    (span,) = furniture.spans
    assert span[0] == 0 and text[span[1] - 2 : span[1]] in ("— ", "- ")


def test_a_sentence_with_a_dash_is_no_dateline() -> None:
    assert find_furniture("The US - and Europe - disagreed.").fields == {}
    assert find_furniture("Rui Pacheco — the spokesman — said no.").fields == {}


def test_dateline_place_agency_are_never_actors_nor_inside_a_statement(nlp) -> None:
    article = load(
        "KYIV, Ukraine (AP) — Energy Minister Oksana Hrytsenko said Wednesday that repairs "
        "to damaged power plants would take until the end of March."
    )
    article.published = "2025-02-06"
    analysis = analyze(article, nlp=nlp, use_cache=False)
    assert analysis.metadata["dateline_place"] == "KYIV"
    assert analysis.metadata["agency"] == "AP"
    names = {actor.name for actor in analysis.actors}
    assert "KYIV" not in names and "AP" not in names and "Ukraine" not in names
    assert all(not s.text.startswith(("KYIV", "Ukraine", "(AP)")) for s in analysis.statements)
    assert [s.speaker for s in analysis.statements] == ["Oksana Hrytsenko"]
    assert dateline_text(analysis.metadata) == "KYIV, Ukraine (AP)"


def test_two_reporters_and_a_desk_line_then_published() -> None:
    text = (
        "By Amara Nwosu and Lucas Brandt\nBusiness Reporters\nPublished: 15 October 2024\n\n"
        "Kestrel Airlines will cut jobs.\n"
    )
    header = parse_header(text)
    assert header.author == "Amara Nwosu and Lucas Brandt"
    assert header.fields["desk"] == "Business Reporters"
    assert header.published == "2024-10-15"
    assert text[header.body_start :].startswith("Kestrel Airlines")


def test_name_comma_senior_reporter_is_a_byline() -> None:
    text = "Zhang Wei, Senior Reporter\n\nBEIJING — China's Ministry of Commerce said it would act.\n"
    article = load(text)
    assert article.author == "Zhang Wei"
    assert article.metadata["desk"] == "Senior Reporter"
    assert article.metadata["dateline_place"] == "BEIJING"
    assert article.title is None


def test_by_name_for_outlet() -> None:
    header = parse_header(
        "By Jane Okafor\nFor The Harbour Times\nPublished: 2 May 2024\n\nThe council met.\n"
    )
    assert (header.author, header.fields["outlet"], header.published) == (
        "Jane Okafor",
        "The Harbour Times",
        "2024-05-02",
    )


def test_credit_and_furniture_lines(nlp) -> None:
    text = (
        "By Amara Nwosu and Lucas Brandt\nBusiness Reporters\n\n"
        "Kestrel Airlines will cut 400 jobs at its Manchester base, the carrier said on Monday.\n\n"
        "Photo: AP\nRelated: Airlines face a hard winter\nOur Standards: The Trust Principles.\n"
        "Additional reporting by Tomás Ferreira\nReporting by Marta Leal; Editing by Hugh Brennan\n"
    )
    article = load(text)
    assert article.metadata["credits"] == (
        "Photo: AP; Related: Airlines face a hard winter; Our Standards: The Trust Principles.; "
        "Additional reporting by Tomás Ferreira; Reporting by Marta Leal; Editing by Hugh Brennan"
    )
    article.published = "2024-10-15"
    analysis = analyze(article, nlp=nlp, use_cache=False)
    assert analysis.author == "Amara Nwosu and Lucas Brandt"
    names = {actor.name for actor in analysis.actors}
    for furniture in (
        "Amara Nwosu",
        "Lucas Brandt",
        "Business Reporters",
        "AP",
        "Tomás Ferreira",
        "Marta Leal",
        "Hugh Brennan",
        "Trust Principles",
    ):
        assert furniture not in names
    assert "Kestrel Airlines" in names
