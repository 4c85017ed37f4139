"""Personal names across naming traditions: titles, particles, short forms and readable ids.

News names people in many ways: family name first (``Bong Joon Ho`` ... ``Bong``), by the given
name (``Tamsin``, ``Guðrún``), by a mononym inside the full name (``Lula``), with particles
(``van den``, ``de la``, ``bin``, ``Abu``, ``Ní``) written capitalised when they start the short form
(``Van den Broek``), and with titles before the name (``Chairwoman``, ``Crown Prince``, ``Prof``).
This module holds the word lists and the small pure functions that decide these questions; it
knows nothing about spaCy.
"""

from __future__ import annotations

import re
import unicodedata

# Forms of address: they are dropped from names and never become roles ("Dr", "Prof", "Mr").
HONORIFIC_WORDS: frozenset[str] = frozenset(
    "mr mrs ms miss mx dr prof dame sir sheikh sheikha shaikh hon rev mme mlle herr frau".split()
)

# Words that modify a title and belong to the role ("Managing Director", "Acting Governor", "Former
# Interim Chief Executive", "Outgoing General Manager"): capitalised before a name they are part of
# the role, never of the name, whatever part of speech the parser gives them ("Managing" as a verb).
TITLE_MODIFIERS: frozenset[str] = frozenset(
    """
    deputy vice acting interim senior executive assistant associate chief general managing former
    outgoing incoming retiring founding principal joint majority minority floor
    """.split()
)

# Capitalised words that, right before a name, are a title or role and never part of the name
# ("Chairwoman Choi Eun-ji", "Crown Prince Nayef bin Turki", "Speaker Oh Dae-hyun").
TITLE_WORDS: frozenset[str] = HONORIFIC_WORDS | TITLE_MODIFIERS | frozenset(
    """
    president prime minister chancellor senator sen governor gov mayor general gen colonel col lieutenant
    lt sergeant sgt captain capt judge justice secretary ambassador king queen prince princess crown
    emir emira sultan pope rabbi imam bishop archbishop cardinal father lady lord commander adviser
    advisor spokesman spokeswoman spokesperson councillor councilor councilman councilwoman director
    chairman chairwoman chair chief ceo speaker commissioner professor deputy vice rep representative
    inspector detective superintendent constable coach dean provost president-elect premier mp mep msp td
    mla mpp executive officer financial operating managing attorney treasurer manager leader whip
    """.split()
)


# Lower-case words inside names, across traditions (Dutch, German, Romance, Arabic, Malay, Irish,
# Portuguese "e"): part of the name, never a name by themselves.
NAME_PARTICLES: frozenset[str] = frozenset(
    """
    van von de der den het ter ten te op da das do dos di del della dei degli des du la le lo e y zu
    af av al el bin binti binte bint ibn ben bat abu ap ní nic ó ua mac mc st
    """.split()
)

# Final words that make a name an organisation ("Toyama Motors", "Gulf Horizon Ports").
ORGANISATION_HEADS: frozenset[str] = frozenset(
    """
    airlines airline airways group inc inc. ltd ltd. plc llc llp corp corp. corporation company co co.
    ag gmbh sa s.a. nv bv spa holdings holding bank motors industries technologies technology systems
    partners ports authority union party ministry council agency association federation
    league institute university college foundation fund bureau commission service services telecom
    railways railway logistics capital securities insurance media studios club fc society trust
    organization organisation committee executive assembly parliament semicon electronics energy
    pharmaceuticals pharma shipping steel chemicals mining petroleum oil kazhagam
    congress front movement network press times post news broadcasting cooperative co-operative
    foods brands beverages research labs laboratories entertainment resources enterprises financial
    ventures investments solutions software aerospace automotive stores mills therapeutics biosciences
    healthcare hospital communications utilities airports transit rail trains buses hotels resorts
    brewery breweries publishing publishers pictures consulting associates advisers advisors
    """.split()
)

# Leading words of "X of Y" organisation names ("Bank of Thailand", "Ministry of Trade").
ORGANISATION_LEADS: frozenset[str] = frozenset(
    """
    bank ministry department university institute council union federation association office agency
    commission court board bureau port league academy college school society chamber
    """.split()
)

# Final words that make a name a place: administrative ("Lagos State", "Ōita Prefecture") or natural
# and built landmarks ("Third Mainland Bridge", "Downing Street").
PLACE_HEADS: dict[str, str] = {
    **{w: "GPE" for w in "city state prefecture province county district region oblast municipality".split()},
    **{
        w: "LOC"
        for w in (
            "river lake mountain mountains sea ocean gulf valley island islands bridge street"
            " road avenue square market stadium airport harbour harbor canal desert forest coast"
            " peninsula"
        ).split()
    },
}

# Final words that make a name a law or an award, never an actor ("Renters' Rights Bill", "Kessler Prize").
NON_ACTOR_HEADS: dict[str, str] = {
    **{w: "LAW" for w in "bill act treaty accord directive amendment statute".split()},
    **{w: "EVENT" for w in "prize award awards medal trophy".split()},
}

# Letters NFKD does not take apart into an ASCII letter and accents.
_ASCII_EXTRA = str.maketrans(
    {"ß": "ss", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
     "œ": "oe", "Œ": "Oe", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i", "ħ": "h", "Ħ": "H"}
)


def ascii_fold(text: str) -> str:
    """``text`` in ASCII letters, accents dropped: ``Inácio`` -> ``Inacio``, ``Þórður`` -> ``Thordur``."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_EXTRA))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.encode("ascii", "ignore").decode()


def slug(name: str) -> str:
    """A readable ASCII id for a name: ``Luiz Inácio Lula da Silva`` -> ``luiz-inacio-lula-da-silva``."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(name).lower()).strip("-")


def _words(name: str) -> list[str]:
    return [w.casefold() for w in name.split()]


def is_particle(word: str) -> bool:
    """Whether ``word`` is a name particle (``van``, ``bin``, ``al-`` stays with its name)."""
    return word.casefold().rstrip(".") in NAME_PARTICLES


def is_short_form(short: str, full: str) -> bool:
    """Whether ``short`` is how a text may refer again to the person ``full``.

    Any run of whole words of the full name will do, in any naming order: the family name of
    ``Bong Joon Ho`` (``Bong``), the given name (``Tamsin``), a mononym inside the name (``Lula``),
    a particle surname written capitalised (``Van den Broek``), a double surname's first part
    (``Gutiérrez``), a name and patronymic (``Anatoly Petrovich``). Particles alone are not names,
    and an ``al-`` prefix may change case (``Al-Sharqawi`` for ``al-Sharqawi``).
    """
    short_words, full_words = _words(short), _words(full)
    if not short_words or len(short_words) >= len(full_words):
        return False
    if all(is_particle(w) for w in short_words):
        return False
    n = len(short_words)
    return any(full_words[i : i + n] == short_words for i in range(len(full_words) - n + 1))


def looks_like_full_name(name: str) -> bool:
    """Two to six words, each capitalised or a particle, the last not a particle (``Ana Lucía de la
    Garza Villarreal``)."""
    words = name.split()
    if not 2 <= len(words) <= 6 or is_particle(words[-1]):
        return False
    return all(w[:1].isupper() or is_particle(w) or w[:2].lower() in ("al", "el") for w in words)


# "(D-N.C.)", "(R-Ohio)", "(I-Vt.)": a US party-state tag after a legislator's name.
PARTY_TAG = re.compile(r"\((?:D|R|I|Ind|Dem|Rep)\s*-\s*[A-Z][\w. ]{0,18}\)")


def party_tag_at(text: str, position: int) -> re.Match[str] | None:
    """The party-state tag whose brackets hold ``position`` in ``text`` ("Ore" in "(D-Ore.)"), or
    ``None``."""
    opening = text.rfind("(", max(0, position - 6), position + 1)
    tag = PARTY_TAG.match(text, opening) if opening >= 0 else None
    return tag if tag is not None and position < tag.end() else None


def shape_label(name: str) -> str | None:
    """The label a name's own words give it (``Toyama Motors`` ORG, ``Lagos State`` GPE, ``Third
    Mainland Bridge`` LOC, ``Renters' Rights Bill`` LAW, ``Kessler Prize`` EVENT), or ``None``."""
    words = _words(name)
    if len(words) < 2:
        return None
    last = words[-1].strip(".,")
    if last in NON_ACTOR_HEADS:
        return NON_ACTOR_HEADS[last]
    if last in ORGANISATION_HEADS:
        return "ORG"
    if last in PLACE_HEADS:
        return PLACE_HEADS[last]
    if any(words[i + 1] == "of" and words[i] in ORGANISATION_LEADS for i in range(len(words) - 2)):
        return "ORG"  # "Bank of Thailand", "Ardenshire Chamber of Commerce"
    return None


def is_title_word(word: str) -> bool:
    """Whether a capitalised word is a title or form of address ("Chairwoman", "Prof", "Rep.")."""
    return word[:1].isupper() and word.lower().rstrip(".") in TITLE_WORDS


def is_title_modifier(word: str) -> bool:
    """Whether ``word`` modifies a title ("Managing", "acting", "Former", "Vice"), in any case."""
    return word.casefold().rstrip(".") in TITLE_MODIFIERS


# Words that the model sometimes takes for names but that never name anyone.
NOT_NAMES: frozenset[str] = frozenset(
    "no-one noone nobody someone somebody everyone everybody anyone anybody none nothing q a".split()
)


def is_junk_name(key: str) -> bool:
    """Whether a would-be name is no name at all: ``No-one``, a lone letter (``Q`` of a Q&A), a number,
    a word without a capital (``naira``)."""
    letters = [ch for ch in key if ch.isalpha()]
    if len(letters) < 2 or key.casefold() in NOT_NAMES:
        return True
    return not any(ch.isupper() for ch in letters)  # "naira": a name has a capital somewhere


# Occupations written before a name, capitalised at a sentence's start ("Sculptor Szabó Levente"):
# a role, not a name part. Words that are also common surnames (Baker, Singer, Farmer) are left out.
OCCUPATION_WORDS: frozenset[str] = frozenset(
    """
    sculptor artist actor actress novelist author poet striker midfielder defender goalkeeper cyclist
    nurse physicist scientist economist lawyer activist journalist photographer filmmaker producer
    architect pianist violinist composer rapper footballer golfer swimmer skater champion veteran
    beekeeper fisherman trader dutchman dutchwoman frenchman frenchwoman englishman englishwoman irishman
    irishwoman scotsman scotswoman welshman welshwoman
    """.split()
)


def is_occupation(word: str) -> bool:
    """Whether ``word`` names an occupation or a nationality noun ("Dutchman"), never a name part."""
    return word.casefold() in OCCUPATION_WORDS
