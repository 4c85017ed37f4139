"""Actors on real-world copy (issue 14): one person one actor, titles apart from names, junk never an
actor, labels from document and world evidence. Each example of the issue, with its exact value."""

from __future__ import annotations

import pytest

from reader.analysis import Analysis, analyze
from reader.analysis.model import Actor
from reader.analysis.names import ascii_fold, is_short_form, slug
from reader.sources.article import Article


def run(nlp, text: str, published: str = "2024-03-14") -> Analysis:
    return analyze(Article(text=text, source="t", published=published), nlp=nlp, use_cache=False)


def actor(analysis: Analysis, name: str) -> Actor:
    found = [a for a in analysis.actors if a.name == name]
    assert len(found) == 1, [(a.name, a.kind, a.aliases) for a in analysis.actors]
    return found[0]


def names(analysis: Analysis) -> set[str]:
    return {a.name for a in analysis.actors}


def labels(analysis: Analysis, text: str) -> set[str]:
    return {e.label for e in analysis.entities if e.text == text}


# --- One person, one actor ---------------------------------------------------------------------


def test_family_name_first_director(nlp) -> None:
    analysis = run(nlp, "Director Bong Joon Ho presented the film in Cannes. Bong said it was finished.")
    bong = actor(analysis, "Bong Joon Ho")
    assert (bong.kind, bong.aliases, bong.roles) == ("person", ["Bong"], ["Director"])
    assert "Bong" not in names(analysis) and "Ho" not in bong.aliases
    assert [s.speaker for s in analysis.statements] == ["Bong Joon Ho"]


def test_family_name_first_hyphenated_given_name(nlp) -> None:
    analysis = run(nlp, "Park Ji-won arrived in Seoul. Park said he was tired.")
    park = actor(analysis, "Park Ji-won")
    assert park.aliases == ["Park"]
    assert "Park" not in names(analysis)


def test_mononym_inside_the_full_name_and_ascii_id(nlp) -> None:
    analysis = run(nlp, "Luiz Inácio Lula da Silva spoke on Monday. Lula said the plan would work.")
    lula = actor(analysis, "Luiz Inácio Lula da Silva")
    assert (lula.id, lula.aliases) == ("luiz-inacio-lula-da-silva", ["Lula"])
    assert [s.actor for s in analysis.statements] == ["luiz-inacio-lula-da-silva"]


def test_a_first_name_used_later_joins_and_is_never_a_place(nlp) -> None:
    analysis = run(nlp, 'Tamsin Goll studies eels. "Tamsin is a real expert," said councillor Arjun Bhatt.')
    goll = actor(analysis, "Tamsin Goll")
    assert (goll.kind, goll.aliases) == ("person", ["Tamsin"])
    assert "Tamsin" not in names(analysis)
    assert labels(analysis, "Tamsin") == {"PERSON"}


def test_particles_hyphens_initials_and_capitalised_first_mentions(nlp) -> None:
    analysis = run(
        nlp,
        "Pieter van Wyk met Ana de Souza and Sean O'Brien in Ghent. Van Wyk said the talks went well. "
        "De Souza agreed, and O'Brien said nothing. Anna Lewis-Hart, a lawyer, and J. K. Rowling attended. "
        "Lewis-Hart said Rowling was late. ROSA MENDES, 41, said she was tired. Mendes left early.",
    )
    expected = {
        "Pieter van Wyk": ["Van Wyk"],
        "Ana de Souza": ["De Souza"],
        "Sean O'Brien": ["O'Brien"],
        "Anna Lewis-Hart": ["Lewis-Hart"],
        "J. K. Rowling": ["Rowling"],
        "ROSA MENDES": ["Mendes"],
    }
    for name, aliases in expected.items():
        person = actor(analysis, name)
        assert (person.kind, person.aliases) == ("person", aliases)
    assert names(analysis) == set(expected) | {"Ghent"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Luiz Inácio Lula da Silva", "luiz-inacio-lula-da-silva"),
        ("Bjarni Þórðarson", "bjarni-thordarson"),
        ("Nguyễn Thị Lan", "nguyen-thi-lan"),
        ("Ōtsuka Haruna", "otsuka-haruna"),
        ("Seán MacGiolla Phádraig", "sean-macgiolla-phadraig"),
        ("Łukasz Øster", "lukasz-oster"),
    ],
)
def test_actor_ids_are_readable_ascii_slugs(name: str, expected: str) -> None:
    assert slug(name) == expected
    assert ascii_fold(name).isascii()


@pytest.mark.parametrize(
    ("short", "full", "expected"),
    [
        ("Bong", "Bong Joon Ho", True),
        ("Lula", "Luiz Inácio Lula da Silva", True),
        ("Van den Broek", "Pieter van den Broek", True),
        ("Abu Zeid", "Mahmoud Abu Zeid", True),
        ("Anatoly Petrovich", "Anatoly Petrovich Sukhanov", True),
        ("da Silva", "Luiz Inácio Lula da Silva", True),
        ("van den", "Pieter van den Broek", False),  # particles alone are no name
        ("Joon Bong", "Bong Joon Ho", False),
        ("Bong Joon Ho", "Bong Joon Ho", False),
    ],
)
def test_short_forms(short: str, full: str, expected: bool) -> None:
    assert is_short_form(short, full) is expected


# --- Titles and roles apart from names ---------------------------------------------------------


def test_party_and_title_before_a_name(nlp) -> None:
    analysis = run(nlp, "Labour MP Corinne Ashdale said she would vote against the bill.")
    ashdale = actor(analysis, "Corinne Ashdale")
    assert (ashdale.kind, ashdale.roles) == ("person", ["Labour MP"])
    assert [s.speaker for s in analysis.statements] == ["Corinne Ashdale"]


def test_a_long_portfolio_role(nlp) -> None:
    analysis = run(
        nlp, "Former minister for Women and Equalities Nicola Farrant said the party had lost touch."
    )
    farrant = actor(analysis, "Nicola Farrant")
    assert (farrant.kind, farrant.roles) == ("person", ["Former minister for Women and Equalities"])
    assert "Women and Equalities" not in names(analysis)


def test_prof_is_an_honorific_and_his_quotes_are_his(nlp) -> None:
    analysis = run(nlp, "Prof Marcus Iwu, the vice-chancellor, said fees would rise.")
    iwu = actor(analysis, "Marcus Iwu")
    assert (iwu.kind, iwu.roles) == ("person", ["vice-chancellor"])
    assert [s.speaker for s in analysis.statements] == ["Marcus Iwu"]


def test_titles_go_to_roles_and_honorifics_nowhere(nlp) -> None:
    analysis = run(
        nlp,
        "Dr Amira Haddad, Commissioner Joseph Ekwueme and Crown Prince Nayef bin Turki met Chairwoman "
        "Choi Eun-ji. Mr Ekwueme said the talks were useful.",
    )
    assert actor(analysis, "Amira Haddad").roles == []
    assert actor(analysis, "Joseph Ekwueme").roles == ["Commissioner"]
    assert actor(analysis, "Nayef bin Turki").roles == ["Crown Prince"]
    assert actor(analysis, "Choi Eun-ji").roles == ["Chairwoman"]
    assert not any(
        name.startswith(("Dr ", "Crown", "Chairwoman", "Commissioner")) for name in names(analysis)
    )


def test_roles_from_appositions_and_descriptions(nlp) -> None:
    analysis = run(
        nlp,
        "Rui Pacheco, energy spokesman for the Social Democratic Party, said the ferry licence should go. "
        "Mary Brennan, general secretary of the Transport Union, said fares would rise. "
        "Schools minister Damian Hale said the plan was sound.",
    )
    assert actor(analysis, "Rui Pacheco").roles == ["energy spokesman for the Social Democratic Party"]
    assert actor(analysis, "Mary Brennan").roles == ["general secretary of the Transport Union"]
    assert actor(analysis, "Damian Hale").roles == ["Schools minister"]


def test_an_acronym_joins_the_name_the_text_links_it_to(nlp) -> None:
    analysis = run(
        nlp, "The North American Soccer League (NASL) was founded in 1968. NASL said it would return."
    )
    league = actor(analysis, "North American Soccer League")
    assert (league.kind, league.aliases) == ("organisation", ["NASL"])
    assert "NASL" not in names(analysis)
    assert [s.speaker for s in analysis.statements] == ["North American Soccer League"]


# --- No junk actors -----------------------------------------------------------------------------


def test_no_junk_actors(nlp) -> None:
    analysis = run(
        nlp, "Turnout was 45 percent, officials said. No-one said anything.\nQ: Will you resign?\nA: No."
    )
    assert names(analysis) == {"Officials"}


# --- Labels with document and world evidence ----------------------------------------------------


def test_places_the_model_mislabels(nlp) -> None:
    analysis = run(
        nlp,
        "Ferries stopped between Faro and the Algarve's islands on Monday. Farmers in the Algarve region "
        "said the drought was severe. Barges were stuck on the Danube.",
    )
    assert labels(analysis, "Faro") == {"GPE"}
    assert labels(analysis, "Algarve") == {"LOC"}
    assert labels(analysis, "Danube") == {"LOC"}
    assert {actor(analysis, name).kind for name in ("Faro", "Algarve", "Danube")} == {"place"}


@pytest.mark.parametrize(
    "name", ["Kestrel Airlines", "Vantor Group", "Brisk Inc", "Northgate Bank", "Okada Motors"]
)
def test_organisation_suffixes(nlp, name: str) -> None:
    analysis = run(nlp, f"{name} cut 200 jobs on Monday, and {name} said more cuts would follow.")
    assert actor(analysis, name).kind == "organisation"
    assert labels(analysis, name) == {"ORG"}


def test_organisation_appositions_and_the_company(nlp) -> None:
    analysis = run(
        nlp,
        "Ferry operator Transmar said it would respond. The streaming service Netflix said prices would "
        "rise. Kestrel Airlines cut 400 jobs on Monday. The company said demand had fallen.",
    )
    assert labels(analysis, "Transmar") == {"ORG"}
    assert labels(analysis, "Netflix") == {"ORG"}
    assert [s.speaker for s in analysis.statements] == ["Transmar", "Netflix", "Kestrel Airlines"]


def test_a_first_person_quote_marks_its_speaker_a_person(nlp) -> None:
    analysis = run(nlp, '"I have lost the trust of my colleagues," said Haldane.')
    haldane = actor(analysis, "Haldane")
    assert haldane.kind == "person"
    assert labels(analysis, "Haldane") == {"PERSON"}


def test_bullets_and_guillemets_are_never_inside_a_name(nlp) -> None:
    analysis = run(
        nlp,
        "- Bengt Larsson said the plan was sound.\n» Maria Lopes said she agreed.\n• Ruth Okafor said no.",
    )
    assert names(analysis) == {"Bengt Larsson", "Maria Lopes", "Ruth Okafor"}
    assert all(e.text[:1].isalpha() for e in analysis.entities)


@pytest.mark.parametrize(
    ("text", "name", "alias"),
    [
        # The model splits a name at its particles; the parts are joined again.
        (
            "Finance Minister Pieter van den Broek spoke. Van den Broek said spending would rise.",
            "Pieter van den Broek",
            "Van den Broek",
        ),
        (
            "Maria do Carmo Sousa e Castro, mayor of Faro, spoke. Sousa e Castro said hotels were full.",
            "Maria do Carmo Sousa e Castro",
            "Sousa e Castro",
        ),
        (
            "Amsterdam mayor Femke ter Horst spoke on Monday. Ter Horst said the port was consulted.",
            "Femke ter Horst",
            "Ter Horst",
        ),
    ],
)
def test_names_split_at_their_particles_are_one_actor(nlp, text: str, name: str, alias: str) -> None:
    analysis = run(nlp, text)
    person = actor(analysis, name)
    assert person.kind == "person" and alias in person.aliases
    assert not any(other.kind == "person" and other is not person for other in analysis.actors)


def test_both_name_orders_are_one_person(nlp) -> None:
    analysis = run(
        nlp,
        "Sculptor Szabó Levente, who signs his work abroad as Levente Szabó, unveiled a bronze in Budapest. "
        "Szabó said the piece took years.",
    )
    szabo = actor(analysis, "Szabó Levente")
    assert (szabo.aliases, szabo.roles) == (["Levente Szabó", "Szabó"], ["Sculptor"])
    assert [a.name for a in analysis.actors if a.kind == "person"] == ["Szabó Levente"]


def test_a_surname_that_is_also_a_word_at_a_sentence_start(nlp) -> None:
    analysis = run(
        nlp,
        "Olympic champion Sun Mingyu of China won in Doha on Sunday. Sun, who turned 22 last month, "
        "will play on Wednesday.",
    )
    sun = actor(analysis, "Sun Mingyu")
    assert (sun.kind, sun.aliases, sun.roles) == ("person", ["Sun"], ["Olympic champion"])


def test_a_place_keeps_its_article_and_a_lower_case_word_is_no_name(nlp) -> None:
    analysis = run(
        nlp,
        "Finance ministers met in The Hague on Tuesday. Traders in Ghent said the naira had fallen sharply.",
    )
    assert actor(analysis, "The Hague").kind == "place"
    assert actor(analysis, "Ghent").kind == "place"  # GeoNames calls it Gent
    assert "naira" not in names(analysis) and "Hague" not in names(analysis)


def test_people_the_model_did_not_tag(nlp) -> None:
    analysis = run(
        nlp,
        "Sutarno, head of the fisheries office in Makassar, uses only one name. "
        "Fine Gael TD Aoife Ní Bhriain said a vote would take place on Thursday.",
    )
    sutarno = actor(analysis, "Sutarno")
    assert (sutarno.kind, sutarno.roles) == ("person", ["head of the fisheries office"])
    bhriain = actor(analysis, "Aoife Ní Bhriain")
    assert (bhriain.kind, bhriain.roles) == ("person", ["Fine Gael TD"])


def test_bills_and_prizes_are_not_actors(nlp) -> None:
    analysis = run(
        nlp,
        "Labour MP Corinne Ashdale will table an amendment to the Renters' Rights Bill when the Commons "
        "votes on Friday. Dr Leila Tabatabaei won the Kessler Prize on Thursday.",
    )
    assert "Renters' Rights Bill" not in names(analysis) and "Kessler Prize" not in names(analysis)
    assert actor(analysis, "Leila Tabatabaei").kind == "person"


def test_a_lone_name_opening_a_sentence_is_still_a_name(nlp) -> None:
    analysis = run(nlp, "Putin met Xi in Beijing. Turnout was 45 percent, officials said.")
    assert {"Putin", "Xi"} <= names(analysis)
    assert "Turnout" not in names(analysis)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Lumora Bank Chief Executive Joana Reis said on Monday the bank would cut jobs.", "Joana Reis",
         "Chief Executive"),
        ("Chief Operating Officer Tomas Berglund said the plant would close.", "Tomas Berglund",
         "Chief Operating Officer"),
        ("Managing Director Ines Haller said the fund was closed.", "Ines Haller", "Director"),
    ],
)
def test_a_corporate_title_before_a_name_is_a_role_not_part_of_the_name(nlp, text: str, name: str,
                                                                         role: str) -> None:
    """Newcomer: 'Chief Executive Joana Reis' became the actor 'Executive Joana Reis', role 'Chief'."""
    analysis = run(nlp, text)
    person = actor(analysis, name)
    assert any(r.endswith(role) for r in person.roles)
    assert not any(n.startswith(("Executive", "Operating", "Officer", "Director")) for n in names(analysis))
