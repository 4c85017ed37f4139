"""Make named entities consistent across one article.

The model labels each mention on its own, and on news it errs: "Kursk" as a
PRODUCT, a lone "Kyiv" as a PERSON, "Syrskyi" not at all. A reader expects one
name to mean one thing in one article, so every mention of a name votes, with
the context evidence gathered by the parse, and the winning label is applied to
all of them. Surnames join their full names ("Zelensky" -> "Volodymyr
Zelensky"), and a decided name is then found wherever else it occurs in the
text, including places the model missed.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from reader.analysis.coreference import first_name_pronoun
from reader.analysis.facts import NameMention
from reader.analysis.gazetteer import is_known_place
from reader.analysis.lexicon import WEAK_LABELS
from reader.analysis.names import (
    ORGANISATION_HEADS,
    is_junk_name,
    is_particle,
    is_short_form,
    looks_like_full_name,
    party_tag_at,
    shape_label,
)

_AGENT_LABELS = ("PERSON", "ORG", "GPE", "NORP")
# What a known first name ("Marta" in "Marta Reis") weighs against the model's label (1 per mention).
_FIRST_NAME_VOTE = 1.5
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def name_key(text: str) -> str:
    """The form under which mentions of one name are grouped ("the Kremlin’s" -> "Kremlin"); a place
    whose name has its article keeps it ("The Hague", "The Gambia")."""
    whole = _POSSESSIVE.sub("", " ".join(text.split())).strip(" .,;:")
    if whole[:4] == "The " and is_known_place(whole):
        return whole
    key = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", " ".join(text.split())))
    return key.strip(" .,;:")


@dataclass(slots=True)
class NameCluster:
    """All the names in an article that refer to one thing."""

    key: str
    label: str
    aliases: list[str] = field(default_factory=list)
    mentions: list[NameMention] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.key


def _vote(mentions: list[NameMention], key: str = "") -> dict[str, float]:
    """Each mention's model label and context evidence, plus what the name's own words say
    ("Toyama Motors" is an organisation, "Lagos State" a place), as label weights."""
    votes: dict[str, float] = defaultdict(float)
    speaker = 0.0
    for mention in mentions:
        if mention.found_by == "ner":
            votes[mention.label] += 0.4 if mention.label in WEAK_LABELS else 1.0
        for label, weight in mention.evidence.items():
            if label in ("MALE", "FEMALE"):
                continue
            if label == "SPEAKER":
                speaker += weight
            else:
                votes[label] += weight
    shape = shape_label(key) if key else None
    if shape is not None:
        votes[shape] += 3.0
    elif key and first_name_pronoun(key) is not None and not is_known_place(key):
        # "Rafael Nunes", "Marta Reis's": a strongly gendered first name before a surname names a
        # person, whatever the model said (it tags such names ORG or GPE in unfamiliar company).
        votes["PERSON"] += _FIRST_NAME_VOTE
    if speaker:
        agents = [label for label in _AGENT_LABELS if votes.get(label, 0) > 0]
        best = max(agents, key=lambda label: votes.get(label, 0)) if agents else "PERSON"
        votes[best] += speaker
    return votes


def _top(votes: dict[str, float]) -> str | None:
    """The label with the most weight (the first such in vote order), or ``None`` with no votes."""
    return max(votes, key=lambda label: votes[label]) if votes else None


def _has_person_evidence(mentions: list[NameMention]) -> bool:
    return any(m.evidence.get("PERSON", 0) > 0 or m.evidence.get("SPEAKER", 0) > 0 for m in mentions)


def _org_only_by_model(mentions: list[NameMention]) -> bool:
    """Whether nothing but the model's own label says this name is an organisation."""
    return not any(m.evidence.get("ORG", 0) > 0 or m.evidence.get("SPEAKER", 0) > 0 for m in mentions)


def _decide(key: str, mentions: list[NameMention]) -> str:
    votes = _vote(mentions, key)
    label = _top(votes) or mentions[0].label
    if shape_label(key) is not None:
        return label
    doubtful_person = label == "PERSON" and " " not in key and not _has_person_evidence(mentions)
    doubtful_thing = label in WEAK_LABELS or (label == "ORG" and _org_only_by_model(mentions))
    if (doubtful_person or doubtful_thing) and is_known_place(key):
        return "GPE"
    return label


_SENTENCE_OPENING = re.compile(r"(?:^|[.!?]['\"”’]?\s+|\n\s*)$")


_COPULA_AFTER = re.compile(r"\s+(?:was|is|were|are|has|had|have|remains?|remained|stood|stands)\b")


def _lone_sentence_opener(text: str, key: str, mentions: list[NameMention]) -> bool:
    """A capitalised common word the model took for a person ("Turnout was 45 percent"): one word,
    mentioned once, at the start of a sentence and followed by a copula, with nothing around it
    saying it names anyone (no title, no speech, no first name, not a place)."""
    if " " in key or len(mentions) != 1 or shape_label(key) is not None:
        return False
    mention = mentions[0]
    if mention.label != "PERSON" or mention.found_by != "ner" or any(mention.evidence.values()):
        return False
    if is_known_place(key) or re.search(r"(?<![\w-])" + re.escape(key) + r"(?![\w-])", text[mention.end :]):
        return False
    opens = _SENTENCE_OPENING.search(text[max(0, mention.start - 4) : mention.start])
    return bool(opens and _COPULA_AFTER.match(text, mention.end))


def _place_in_context(mentions: list[NameMention]) -> bool:
    return any(m.evidence.get("GPE", 0) > 0 or m.evidence.get("LOC", 0) > 0 for m in mentions)


def _person_names(by_key: dict[str, list[NameMention]], top: dict[str, str]) -> list[str]:
    """Multi-word names that are people: voted PERSON, or shaped like a full name and used again in
    part ("Tamsin Goll" ... "Tamsin is a real expert", whatever label the model gave either)."""
    persons = []
    for key, label in top.items():
        if " " not in key:
            continue
        if (label == "PERSON" and shape_label(key) is None) or (
            looks_like_full_name(key)
            and label not in ("GPE", "LOC", "NORP")
            and shape_label(key) is None
            and not is_known_place(key)
            and any(is_short_form(other, key) and shape_label(other) is None for other in by_key)
        ):
            persons.append(key)
    return persons


def _short_form_owners(
    by_key: dict[str, list[NameMention]], top: dict[str, str], roots: list[str]
) -> dict[str, list[str]]:
    """For each name that is a short form of one or more full person names, those full names."""
    owners: dict[str, list[str]] = {}
    for key, group in by_key.items():
        if key in roots or shape_label(key) is not None:
            continue
        fulls = [full for full in roots if is_short_form(key, full)]
        if not fulls:
            continue
        if top[key] != "PERSON" and is_known_place(key) and _place_in_context(group):
            continue  # "Jordan Hale ... flights to Jordan": the country, not Hale
        owners[key] = fulls
    return owners


def _same_name_reordered(roots: list[str], by_key: dict[str, list[NameMention]]) -> dict[str, str]:
    """Full names that are another's words in another order (family name first, then given name
    first), each mapped to the one the text uses first."""
    first_form: dict[tuple[str, ...], str] = {}
    reordered: dict[str, str] = {}
    for key in sorted(roots, key=lambda k: min(m.start for m in by_key[k])):
        words = tuple(sorted(key.casefold().split()))
        if words in first_form:
            reordered[key] = first_form[words]
        else:
            first_form[words] = key
    return reordered


def _owner_at(fulls: list[str], first_seen: dict[str, int], position: int) -> str:
    """Of several people a short form may stand for, the one named most recently before it."""
    before = [full for full in fulls if first_seen[full] <= position]
    return max(before, key=lambda full: first_seen[full]) if before else fulls[0]


# Capitalised words that start sentences as ordinary words: a short form spelled like one is only
# looked for where it cannot be a sentence's first word.
_COMMON_WORDS = frozenset("sun may will long young park rose hope grace king bell hall new little".split())
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s+|[\r\n]\s*|[\"“‘]\s*)$")


_NAME_FOLLOWS = re.compile(r",\s|\s+(?:said|says|told|added|insisted|argued|wrote|replied)\b")


def _short_forms(full: str) -> list[str]:
    """Forms of a person's full name that the text may use alone and the model may have missed:
    each name word ("Tsang", "Guðrún"), title-cased after an all-caps first mention ("REIS" ->
    "Reis"), and particle surnames as written and capitalised ("van den Broek", "Van den Broek",
    "Al-Sharqawi")."""
    words = full.split()
    forms: list[str] = []
    for i, word in enumerate(words):
        if not is_particle(word) and len(word) >= 3:
            forms.append(word)
            if word[:1].islower():
                forms.append(word[:1].upper() + word[1:])
            if word.isupper():
                forms.append(word.title())  # "JOANA REIS, 34," then "Reis"
        if 0 < i < len(words) - 1 and is_particle(word):
            tail = " ".join(words[i:])
            forms += [tail, tail[:1].upper() + tail[1:]]
    return [form for form in dict.fromkeys(forms) if form != full]


def _find_more(
    text: str,
    clusters: dict[str, NameCluster],
    taken: list[tuple[int, int]],
    guesses: dict[str, NameCluster],
) -> None:
    """Add every other occurrence of a decided name that no mention covers yet.

    ``guesses`` are short forms of people's names ("Goll" for "Tamsin Goll"): one becomes an
    alias only where the text uses it on its own."""
    owner = {
        alias: cluster
        for cluster in clusters.values()
        for alias in cluster.aliases
        if len(alias) >= 3 or _ACRONYM.fullmatch(alias)
    }
    for form, cluster in guesses.items():
        owner.setdefault(form, cluster)
    if not owner:
        return
    findable = sorted(owner, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, findable)) + r")(?![\w-])")
    taken_sorted = sorted(taken)
    starts = [s for s, _ in taken_sorted]

    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_right(starts, end)
        if any(s < end and start < e for s, e in taken_sorted[max(0, i - 8) : i]):
            continue
        form = match.group()
        if (
            form.lower() in _COMMON_WORDS
            and _SENTENCE_START.search(text[max(0, start - 3) : start])
            and not _NAME_FOLLOWS.match(text, end)
        ):
            continue  # "Sun rose", but "Sun, who turned 22," and "Sun said" are the person
        cluster = owner[form]
        cluster.mentions.append(NameMention(start, end, form, cluster.label, found_by="document"))
        if form not in cluster.aliases:
            cluster.aliases.append(form)


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,7}")
_INITIAL_SKIP = frozenset("of and for the de du la le del des di da do dos das on in at to".split())


def _initials_match(acronym: str, name: str) -> bool:
    """Whether ``acronym`` spells the initials of ``name`` (``IMF``, ``BOT`` for "Bank of Thailand",
    ``PSOE`` for "Spanish Socialist Workers' Party" in Spanish order is not caught: the text links it)."""
    words = re.findall(r"[\w']+", name)
    every = "".join(w[0] for w in words).upper()
    significant = "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIP).upper()
    return acronym.replace("&", "") in (every, significant)


def _link_acronyms(text: str, clusters: dict[str, NameCluster]) -> None:
    """An acronym joins the organisation it abbreviates: the text links them ("the North American
    Soccer League (NASL)") or it spells the name's initials ("IMF"). A linked acronym the model never
    tagged becomes an alias, found wherever the text uses it."""
    for key, cluster in list(clusters.items()):
        if cluster.label != "ORG" or " " not in key:
            continue
        linked = re.search(re.escape(key) + r"['’]?s?\s*\(\s*([A-Z][A-Za-z&]{1,9})\s*\)", text)
        acronyms = [linked.group(1)] if linked else []
        acronyms += [other for other in clusters if _ACRONYM.fullmatch(other) and _initials_match(other, key)]
        for acronym in dict.fromkeys(acronyms):
            found = clusters.pop(acronym, None)
            if found is cluster:
                clusters[acronym] = found
                continue
            if acronym not in cluster.aliases:
                cluster.aliases.append(acronym)
            if found is not None:
                cluster.mentions.extend(found.mentions)


def organisation_short_form(name: str) -> str | None:
    """The name an organisation goes by once introduced: its name without the trailing words that
    say what kind of organisation it is ("Lumora Bank" -> "Lumora", "Gulf Horizon Ports Authority"
    -> "Gulf Horizon"), or ``None`` when nothing would be left or the rest is a lone particle."""
    words = name.split()
    while len(words) > 1 and words[-1].casefold().strip(".,") in ORGANISATION_HEADS:
        words.pop()
    short = " ".join(words)
    if short == name or is_particle(short) or is_junk_name(short):
        return None
    return short if short[:1].isupper() else None


def _join_organisation_short_forms(
    clusters: dict[str, NameCluster], guesses: dict[str, NameCluster], people: list[str]
) -> None:
    """A short form of an organisation named earlier ("Lumora Bank ... Lumora said") is that
    organisation, whatever label the model gave it (it often takes a lone "Lumora" for a person),
    unless the short form is part of a person's full name of the article. A short form that is a
    known place joins only where the text does not use it as a place ("Toyama Motors ... Toyama
    said", but "Japan Airlines ... flights to Japan")."""
    for key, cluster in list(clusters.items()):
        if cluster.label != "ORG" or " " not in key:
            continue
        short = organisation_short_form(key)
        if short is None or short in people or any(is_short_form(short, person) for person in people):
            continue  # "Gulf Horizon" read as a person's full name stays theirs: the text decides
        found = clusters.get(short)
        if found is None:
            if not is_known_place(short):
                guesses.setdefault(short, cluster)
            continue
        used_as_place = is_known_place(short) and _place_in_context(found.mentions)
        if found.label in ("GPE", "LOC", "NORP") or used_as_place:
            continue
        if found is cluster or found.mentions[0].start < cluster.mentions[0].start:
            continue  # "Lumora ... Lumora Bank": the text did not introduce it as the bank first
        del clusters[short]
        cluster.aliases.append(short)
        cluster.mentions.extend(found.mentions)


def _in_party_tag(text: str, mention: NameMention) -> bool:
    """Whether ``mention`` lies inside a party-and-state tag ("Ore" in "(D-Ore.)"): an abbreviation
    of a state there is no actor of the story."""
    tag = party_tag_at(text, mention.start)
    return tag is not None and tag.end() >= mention.end


def resolve_names(
    text: str, mentions: list[NameMention], candidates: Sequence[NameMention] = ()
) -> list[NameCluster]:
    """Group mentions into clusters with one label each, in order of first mention.

    ``candidates`` are lone proper nouns the model left unlabelled; one becomes a
    place when no labelled mention shares its name and GeoNames knows it. A short
    form of a person's full name (``Bong``, ``Tamsin``, ``Lula``, ``Van den Broek``)
    joins that person's cluster, whatever label the model gave it.
    """
    by_key: dict[str, list[NameMention]] = defaultdict(list)
    for mention in mentions:
        key = name_key(mention.text)
        if key and not is_junk_name(key) and not _in_party_tag(text, mention):
            by_key[key].append(mention)
    for key in [key for key, group in by_key.items() if _lone_sentence_opener(text, key, group)]:
        del by_key[key]
    for candidate in candidates:
        key = name_key(candidate.text)
        if key and key not in by_key and is_known_place(key) and not _in_party_tag(text, candidate):
            candidate.evidence["GPE"] += 1
            by_key[key].append(candidate)

    top = {key: _top(_vote(group, key)) or group[0].label for key, group in by_key.items()}
    persons = _person_names(by_key, top)
    # "Gulf Horizon Ports Authority ... Gulf Horizon said": a two-word short form of an organisation
    # named before it is the organisation, not a person's full name.
    first_start = {key: min(m.start for m in group) for key, group in by_key.items()}
    organisation_shorts = {
        short: key
        for key, label in top.items()
        if label == "ORG" and (short := organisation_short_form(key)) is not None
    }
    persons = [
        key for key in persons
        if key not in organisation_shorts or first_start[organisation_shorts[key]] > first_start[key]
    ]
    roots = [full for full in persons if not any(is_short_form(full, other) for other in persons)]
    reordered = _same_name_reordered(roots, by_key)
    roots = [full for full in roots if full not in reordered]
    owners = _short_form_owners(by_key, top, roots)

    clusters: dict[str, NameCluster] = {}
    for key, group in by_key.items():
        if key in owners:
            continue
        label = "PERSON" if key in roots else _decide(key, group)
        clusters[key] = NameCluster(key=key, label=label, aliases=[key], mentions=list(group))
    first_seen = {key: min(m.start for m in by_key[key]) for key in roots}
    for later, first in reordered.items():
        # "Szabó Levente, who signs his work abroad as Levente Szabó": one person.
        cluster = clusters.pop(later)
        clusters[first].aliases.append(later)
        clusters[first].mentions.extend(cluster.mentions)
    for short, fulls in owners.items():
        for mention in by_key[short]:
            cluster = clusters[_owner_at(fulls, first_seen, mention.start)]
            if short not in cluster.aliases:
                cluster.aliases.append(short)
            cluster.mentions.append(mention)
    _link_acronyms(text, clusters)
    guesses: dict[str, NameCluster] = {}
    _join_organisation_short_forms(clusters, guesses, roots)
    for full in roots:
        for form in _short_forms(full):
            if form not in clusters and form not in owners:
                guesses.setdefault(form, clusters[full])

    taken = [(m.start, m.end) for cluster in clusters.values() for m in cluster.mentions]
    _find_more(text, clusters, taken, guesses)
    for cluster in clusters.values():
        cluster.mentions.sort(key=lambda m: m.start)
        for mention in cluster.mentions:
            mention.label = cluster.label
    return sorted(clusters.values(), key=lambda c: c.mentions[0].start)
