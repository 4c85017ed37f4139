"""Sources named by a description: a record after ``according to``, and "the company" or "the lender".

Found on the blind set ``attribution_positions3`` (first run): "according to court documents", "According
to the docket", "according to the county hospital system" and "according to an internal memo seen by
<a news agency>" were all credited to the last person or organisation the text had named. Each case is
an invented passage whose earlier sentences name a person and an organisation who must NOT be credited.
"""

from __future__ import annotations

import pytest

from reader.analysis import Analysis, analyze
from reader.sources import Article

LEAD = "Judge Ada Lindgren heard the case against Kestrel Logistics on Monday. "


def _analyse(text: str) -> Analysis:
    return analyze(Article(text=text, source="test"))


def _only_reported(analysis: Analysis, content: str) -> tuple[str | None, str | None]:
    """(speaker, kind of the speaker's actor) of the one reported statement whose text is ``content``."""
    found = [s for s in analysis.statements if s.kind == "reported" and s.text == content]
    assert len(found) == 1, [s.text for s in analysis.statements]
    speaker = found[0].speaker
    kinds = {actor.kind for actor in analysis.actors if actor.name == speaker}
    return speaker, kinds.pop() if len(kinds) == 1 else None


# (text after LEAD, content, expected speaker, expected actor kind)
RECORD_CASES: dict[str, tuple[str, str, str, str]] = {
    "plural documents": (
        "Two workers were hospitalized, according to court documents.",
        "Two workers were hospitalized", "Court documents", "document",
    ),
    "definite record": (
        "According to the docket, a trial is scheduled for April.",
        "a trial is scheduled for April", "Docket", "document",
    ),
    "indefinite memo seen by a reporter": (
        "The ministry plans a campaign, according to an internal memo seen by Halden Newswire.",
        "The ministry plans a campaign", "Internal memo", "document",
    ),
    "documents obtained by a newspaper": (
        "Prices rose twice, according to documents obtained by the Courier.",
        "Prices rose twice", "Documents", "document",
    ),
    "possessed register": (
        "The boat has been advertised since January, according to the harbour's sales register.",
        "The boat has been advertised since January", "The harbour's sales register", "document",
    ),
    "institution described, not named": (
        "Doctors treated 37 people, according to the county hospital system.",
        "Doctors treated 37 people", "County hospital system", "organisation",
    ),
}


@pytest.mark.parametrize("case", sorted(RECORD_CASES))
def test_a_record_after_according_to_is_its_own_source(case: str) -> None:
    text, content, speaker, kind = RECORD_CASES[case]
    assert _only_reported(_analyse(LEAD + text), content) == (speaker, kind)


def test_according_to_the_statement_still_stands_for_its_issuer() -> None:
    """A statement, release or post is somebody's: "according to the statement" is the last named
    organisation's (the other side of the rule above)."""
    analysis = _analyse("Acme Corp said profits rose. According to the statement, the plant will close.")
    assert _only_reported(analysis, "the plant will close") == ("Acme Corp", "organisation")


def test_a_document_speaking_for_itself_is_a_document_actor() -> None:
    """"The complaint says ...": the complaint is a document, not a person."""
    analysis = _analyse(LEAD + "The complaint says that supervisors disabled the cooling fans.")
    assert _only_reported(analysis, "supervisors disabled the cooling fans") == ("Complaint", "document")


def test_a_news_agency_named_after_seen_by_is_no_speaker() -> None:
    text = "The ministry plans a campaign, according to an internal memo seen by Halden Newswire."
    analysis = _analyse(LEAD + text)
    assert all(s.speaker != "Halden Newswire" for s in analysis.statements)


# "the company", "the lender": which organisation a generic description stands for. Found on the blind
# set attribution_positions3: "The company said it was cooperating" went to the regulator named in the
# sentence before, and "The Eastmere club said" to the other club.
ORGANISATION_CASES: dict[str, tuple[str, str, str]] = {
    "a company is never a public body": (
        "Shares of Corvane Systems fell on Tuesday after Corvane Systems cut its forecast. The Securities"
        " and Exchange Commission has opened an inquiry into its accounts. The company said it was"
        " cooperating fully.",
        "it was cooperating fully", "Corvane Systems",
    ),
    "the story's company, not a rival named once": (
        "Halvard Motors reported record sales on Monday, and Halvard Motors shares rose 4 percent. Its rival"
        " Brenn Autos said last week that demand was soft. The company said that prices would rise in March.",
        "prices would rise in March", "Halvard Motors",
    ),
    "a nationality word still means the story's company": (
        "Volkswagen cut its forecast on Tuesday, and Volkswagen shares fell. The German carmaker said"
        " demand in China was weak.",
        "demand in China was weak", "Volkswagen",
    ),
    "the description's own name word": (
        "Officials at Northfield Bank met Harwell Insurance on Monday. Harwell Insurance rejected the offer."
        " The Northfield lender said in a statement that talks would continue.",
        "talks would continue", "Northfield Bank",
    ),
}


@pytest.mark.parametrize("case", sorted(ORGANISATION_CASES))
def test_a_generic_organisation_description_finds_its_organisation(case: str) -> None:
    text, content, speaker = ORGANISATION_CASES[case]
    assert _only_reported(_analyse(text), content) == (speaker, "organisation")


def test_a_person_described_by_an_organisation_stays_a_person() -> None:
    """"An Orrin executive" works at Orrin Technologies; the name word does not make her the company."""
    text = "Orrin Technologies rejected the bid. An Orrin executive said the company was in no hurry."
    analysis = _analyse(text)
    assert _only_reported(analysis, "the company was in no hurry") == ("Orrin executive", "person")


def test_a_campaign_is_not_its_spokesman() -> None:
    """A role is found by the word it is ("spokesman"), never by a word that modifies it ("campaign")."""
    analysis = _analyse(
        'Senator Maria Hale faces Dale Prentiss in November. A Prentiss campaign spokesman, Troy Aldana, said'
        ' the senator was "running scared." The Hale campaign wants to hold four debates.'
    )
    assert _only_reported(analysis, "hold four debates") == ("Hale campaign", "organisation")


@pytest.mark.parametrize(
    ("text", "content", "speaker"),
    [
        ("A Prentiss campaign spokesman, Troy Aldana, spoke on Monday. The spokesman said that the senator"
         " would debate twice.", "the senator would debate twice", "Troy Aldana"),
        ("Secretary of State Rhea Talbot flew to Oslo. The secretary said that talks would resume in May.",
         "talks would resume in May", "Rhea Talbot"),
    ],
    ids=["spokesman", "secretary of state"],
)
def test_the_role_word_still_refers_back(text: str, content: str, speaker: str) -> None:
    assert _only_reported(_analyse(text), content) == (speaker, "person")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ('Lawyers for Kestrel had argued in court that the company "exceeded every applicable standard."',
         "Lawyers for Kestrel"),
        ("A spokeswoman for the Ravensholm ministry also said that the talks were over.",
         "Spokeswoman for the Ravensholm ministry"),
    ],
    ids=["auxiliary", "adverb"],
)
def test_whom_a_described_source_works_for_stops_before_the_verb_group(text: str, speaker: str) -> None:
    """Found on attribution_positions3: the actor was called "Lawyers for Kestrel had"."""
    assert {s.speaker for s in _analyse(text).statements} == {speaker}


@pytest.mark.parametrize(
    ("text", "content", "speaker", "frame"),
    [
        ("A majority of Republicans believe the economy is getting worse.",
         "the economy is getting worse", "Majority of Republicans", "belief"),
        ("In the survey, 55 percent of all voters say she does not have the integrity to serve.",
         "she does not have the integrity to serve", "55 percent of all voters", "speech"),
    ],
    ids=["majority", "percent"],
)
def test_a_share_of_a_group_holds_a_position(text: str, content: str, speaker: str, frame: str) -> None:
    """A counted share of people ("a majority of Republicans") holds what a weak cue says they believe."""
    found = [s for s in _analyse(text).statements if s.text == content]
    assert [(s.speaker, s.frame) for s in found] == [(speaker, frame)]



def test_a_description_naming_its_own_body_is_never_another_organisation() -> None:
    """ "The Hale campaign" names a campaign of its own (Hale is a person): it is never the organisation
    the passage names most (found on attribution_positions3, where it went to a memorial hall)."""
    analysis = _analyse(
        "Senator Maria Hale spoke at the Veterans Memorial Hall in Dubuque. A Prentiss campaign spokesman,"
        ' Troy Aldana, said the senator was "running scared." The Hale campaign wants to hold four debates.'
    )
    assert _only_reported(analysis, "hold four debates") == ("Hale campaign", "organisation")
