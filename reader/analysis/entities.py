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
from operator import itemgetter

from reader.analysis.facts import NameMention
from reader.analysis.gazetteer import is_known_place
from reader.analysis.lexicon import WEAK_LABELS

_AGENT_LABELS = ("PERSON", "ORG", "GPE", "NORP")
_LEADING_ARTICLE = re.compile(r"^(?:the|The)\s+")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def name_key(text: str) -> str:
    """The form under which mentions of one name are grouped ("the Kremlin’s" -> "Kremlin")."""
    key = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", " ".join(text.split())))
    return key.strip(" .,;:")


_SURNAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "di", "del", "la", "le", "al", "bin", "ibn"}
)


def _looks_like_full_name(key: str) -> bool:
    words = key.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() or w.lower() in _SURNAME_PARTICLES for w in words)


def surname_in(full_name: str) -> str:
    """The part of a full name used alone later in an article ("Pieter van Wyk" -> "van Wyk")."""
    words = full_name.split()
    if len(words) >= 3 and words[-2].lower() in _SURNAME_PARTICLES:
        return " ".join(words[-2:])
    return words[-1]


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


def _vote(mentions: list[NameMention]) -> dict[str, float]:
    """Label -> summed weight (fractional: a weak label counts 0.4), keys in first-vote order."""
    votes: dict[str, float] = {}
    speaker = 0.0
    for mention in mentions:
        if mention.found_by == "ner":
            ner_weight = 0.4 if mention.label in WEAK_LABELS else 1.0
            votes[mention.label] = votes.get(mention.label, 0.0) + ner_weight
        for label, weight in mention.evidence.items():
            if label in ("MALE", "FEMALE"):
                continue
            if label == "SPEAKER":
                speaker += weight
            else:
                votes[label] = votes.get(label, 0.0) + weight
    if speaker:
        agents = [label for label in _AGENT_LABELS if votes.get(label, 0.0) > 0]
        best = max(agents, key=lambda label: votes[label]) if agents else "PERSON"
        votes[best] = votes.get(best, 0.0) + speaker
    return votes


def _top(votes: dict[str, float]) -> str:
    """The label with the most weight; on a tie the first one voted for (as ``Counter.most_common``)."""
    return max(votes.items(), key=itemgetter(1))[0]


def _has_person_evidence(mentions: list[NameMention]) -> bool:
    return any(m.evidence.get("PERSON", 0) > 0 or m.evidence.get("SPEAKER", 0) > 0 for m in mentions)


def _decide(key: str, mentions: list[NameMention], surname_of: dict[str, str]) -> str:
    votes = _vote(mentions)
    if key in surname_of:
        votes["PERSON"] = votes.get("PERSON", 0.0) + 2.0
    label = _top(votes) if votes else mentions[0].label
    doubtful_person = label == "PERSON" and " " not in key and not _has_person_evidence(mentions)
    doubtful_thing = label in WEAK_LABELS
    if ((doubtful_person and key not in surname_of) or doubtful_thing) and is_known_place(key):
        return "GPE"
    return label


def _find_more(text: str, clusters: dict[str, NameCluster], taken: list[tuple[int, int]]) -> None:
    """Add every other occurrence of a decided name that no mention covers yet."""
    findable = sorted(
        (alias for cluster in clusters.values() for alias in cluster.aliases if len(alias) >= 3),
        key=len,
        reverse=True,
    )
    if not findable:
        return
    owner = {alias: cluster for cluster in clusters.values() for alias in cluster.aliases}
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, findable)) + r")(?![\w-])")
    taken_sorted = sorted(taken)
    starts = [s for s, _ in taken_sorted]

    for match in pattern.finditer(text):
        start, end = match.span()
        i = bisect.bisect_right(starts, end)
        if any(s < end and start < e for s, e in taken_sorted[max(0, i - 8) : i]):
            continue
        cluster = owner[match.group()]
        cluster.mentions.append(NameMention(start, end, match.group(), cluster.label, found_by="document"))


def resolve_names(
    text: str, mentions: list[NameMention], candidates: Sequence[NameMention] = ()
) -> list[NameCluster]:
    """Group mentions into clusters with one label each, in order of first mention.

    ``candidates`` are lone proper nouns the model left unlabelled; one becomes a
    place when no labelled mention shares its name and GeoNames knows it.
    """
    by_key: dict[str, list[NameMention]] = defaultdict(list)
    for mention in mentions:
        key = name_key(mention.text)
        if key:
            by_key[key].append(mention)
    for candidate in candidates:
        key = name_key(candidate.text)
        if key and key not in by_key and is_known_place(key):
            candidate.evidence["GPE"] += 1
            by_key[key].append(candidate)

    # A full name is a person's when its mentions say so, or when its surname is used alone as a
    # person's elsewhere ("Imogen Fairbairn", tagged ORG, and later "Fairbairn said").
    top_label = {key: _top(_vote(group)) for key, group in by_key.items()}
    single_persons = {key for key, label in top_label.items() if " " not in key and label == "PERSON"}
    full_person_names = [
        key
        for key, label in top_label.items()
        if " " in key
        and (label == "PERSON" or (_looks_like_full_name(key) and surname_in(key) in single_persons))
    ]
    forced_person = set(full_person_names)
    surname_of: dict[str, str] = {}
    for full in full_person_names:
        surname = surname_in(full)
        if surname in by_key and surname != full:
            surname_of.setdefault(surname, full)

    clusters: dict[str, NameCluster] = {}
    for key, group in by_key.items():
        if key in surname_of:
            continue
        label = "PERSON" if key in forced_person else _decide(key, group, surname_of)
        clusters[key] = NameCluster(key=key, label=label, aliases=[key], mentions=list(group))
    for surname, full in surname_of.items():
        full_cluster = clusters[full]
        full_cluster.aliases.append(surname)
        full_cluster.mentions.extend(by_key[surname])
    for full in full_person_names:
        surname = surname_in(full)
        cluster = clusters.get(full)
        findable = surname not in clusters and surname[:1].isupper()
        if cluster is not None and cluster.label == "PERSON" and findable and surname not in cluster.aliases:
            cluster.aliases.append(surname)  # found in the text below, where the model missed it

    taken = [(m.start, m.end) for cluster in clusters.values() for m in cluster.mentions]
    _find_more(text, clusters, taken)
    for cluster in clusters.values():
        cluster.mentions.sort(key=lambda m: m.start)
        for mention in cluster.mentions:
            mention.label = cluster.label
    return sorted(clusters.values(), key=lambda c: c.mentions[0].start)
