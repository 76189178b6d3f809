"""Relations: dated statements of who blocks, funds, partners with, competes with or is
sanctioned by whom, read from cue words and the particle roles of the actors around them.

For each cue (ontology/cues.tsv) in a sentence the reader finds the event's agent and
patient. Korean puts arguments before the predicate, so:

    agent    the subject before the cue (이/가/은/는); the noun a relative clause modifies
             (제재를 받은 화웨이, 대주주인 MS); or the previous sentence's subject
    patient  the object, 에/에 대한 or 의 phrase before the cue (중국 개발자들의 접속을 차단)
    passive  받다/되다/오르다 after the cue swaps them: the subject is the patient, and the
             agent is the 로부터/에 의해/의 phrase (B는 A로부터 투자를 받았다 → A funds B)

The cue's direction then maps (agent, patient) to (subject, object): forward for blocks and
funds, reverse for sanctionedBy, and any order for the symmetric relations, whose partners
are the 와/과 phrases and coordinated subjects.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from kg.analysis import Sentence, Token
from kg.gazetteer import Entity
from kg.mentions import Mention
from kg.times import Timex
from kg.vocab import ontology_file

RELATIONS = ("blocks", "funds", "partnersWith", "competesWith", "sanctionedBy")
SYMMETRIC = {"partnersWith", "competesWith"}
MODALITIES = ("planned", "hedged", "negated")
CLAUSE_END = {"EF", "SF"}
REPORTING = ("따르면", "보도", "전했다", "외신")


@dataclass(frozen=True)
class Cue:
    """One line of the cue lexicon."""

    kind: str
    lemmas: tuple[str, ...]
    direction: str


@dataclass(frozen=True)
class Lexicon:
    """Relation cues and the passive and modality markers, from ontology/cues.tsv."""

    cues: tuple[Cue, ...]
    markers: dict[str, str]


@dataclass(frozen=True)
class Evidence:
    """A sentence that states a relation: its text, span in the article, and cue word."""

    sentence: str
    start: int
    end: int
    cue: str


@dataclass(frozen=True)
class Statement:
    """One extracted relation with its time, modality, confidence and evidence."""

    doc: str
    subject: Entity
    predicate: str
    object: Entity
    time: Timex | None
    modality: str
    confidence: float
    evidence: tuple[Evidence, ...]

    @property
    def key(self) -> tuple:
        """What makes two statements of one article the same fact."""
        subject, obj = self.subject.id, self.object.id
        if self.predicate in SYMMETRIC and obj < subject:
            subject, obj = obj, subject
        time = (self.time.value, self.time.role) if self.time else None
        return (self.doc, subject, self.predicate, obj, time, self.modality)


@cache
def load_lexicon(path: Path | None = None) -> Lexicon:
    """The cue lexicon; the bundled one unless a path is given."""
    path = path or ontology_file("cues.tsv")
    with open(path, encoding="utf-8") as f:
        rows = list(
            csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        )
    cues, markers = [], {}
    for row in rows:
        kind, lemmas = row["kind"].strip(), tuple(row["cue"].split())
        if kind in ("passive", *MODALITIES):
            markers[lemmas[0]] = kind
        else:
            cues.append(Cue(kind, lemmas, (row.get("direction") or "forward").strip()))
    cues.sort(key=lambda c: -len(c.lemmas))
    return Lexicon(cues=tuple(cues), markers=markers)


def extract_relations(
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    times: Iterable[Timex],
    *,
    doc: str,
    lexicon: Lexicon,
    topic: Mention | None = None,
) -> tuple[Statement, ...]:
    """Statements one sentence makes; `topic` is the subject carried from before."""
    actors = tuple(m for m in mentions if m.entity.type != "Product")
    if len(actors) + (topic is not None) < 2:
        return ()
    times = tuple(t for t in times if sentence.start <= t.start < sentence.end)
    found: list[Statement] = []
    used: set[int] = set()
    for index, cue in find_cues(sentence.tokens, lexicon):
        if index in used:
            continue
        used.update(range(index, index + len(cue.lemmas)))
        for subject, obj, score in arguments(sentence, actors, index, cue, lexicon, topic):
            if subject.entity.id == obj.entity.id:
                continue
            modality = modality_after(sentence.tokens, index, lexicon)
            found.append(
                Statement(
                    doc=doc,
                    subject=subject.entity,
                    predicate=cue.kind,
                    object=obj.entity,
                    time=time_for(sentence, times, sentence.tokens[index]),
                    modality=modality,
                    confidence=round(score, 2),
                    evidence=(
                        Evidence(
                            sentence.text, sentence.start, sentence.end, sentence.tokens[index].form
                        ),
                    ),
                )
            )
    return tuple(found)


def merge_statements(statements: Iterable[Statement]) -> tuple[Statement, ...]:
    """One statement per fact, with every sentence that states it as evidence."""
    merged: dict[tuple, Statement] = {}
    for statement in statements:
        seen = merged.get(statement.key)
        if seen is None:
            merged[statement.key] = statement
            continue
        spans = {(e.start, e.end) for e in seen.evidence}
        evidence = seen.evidence + tuple(
            e for e in statement.evidence if (e.start, e.end) not in spans
        )
        merged[statement.key] = replace(
            seen, evidence=evidence, confidence=max(seen.confidence, statement.confidence)
        )
    return tuple(merged.values())


def find_cues(tokens: tuple[Token, ...], lexicon: Lexicon) -> list[tuple[int, Cue]]:
    """(token index, cue) for every cue in the sentence, longest cue first at each place."""
    found = []
    for i, token in enumerate(tokens):
        for cue in lexicon.cues:
            if lemma_of(token) == cue.lemmas[0] and follows(tokens, i, cue.lemmas[1:]):
                found.append((i, cue))
                break
    return found


def lemma_of(token: Token) -> str:
    """The lexicon form of a token: the lemma for verbs, the form otherwise."""
    return token.lemma if token.tag.startswith(("VV", "VA")) else token.form


def follows(tokens: tuple[Token, ...], i: int, rest: tuple[str, ...]) -> bool:
    """Whether the remaining cue lemmas follow token i, particles allowed in between."""
    k = i
    for lemma in rest:
        k += 1
        while k < len(tokens) and tokens[k].tag.startswith("J"):
            k += 1
        if k >= len(tokens) or lemma_of(tokens[k]) != lemma:
            return False
    return True


def arguments(
    sentence: Sentence,
    actors: tuple[Mention, ...],
    index: int,
    cue: Cue,
    lexicon: Lexicon,
    topic: Mention | None,
) -> list[tuple[Mention, Mention, float]]:
    """(subject, object, confidence) pairs the cue at `index` relates."""
    tokens = sentence.tokens
    before = [m for m in actors if m.last < index]
    head = modified_head(tokens, actors, index)
    passive = is_passive(tokens, index, lexicon)
    score = 0.9
    if head is not None:
        main = head
    else:
        main = nearest(before, {"subject"}) or nearest(before, {"at"})
        if main is None and topic is not None:
            main, score = topic, 0.7
    if main is None:
        return []
    others = [m for m in before if m is not main]
    if cue.direction == "symmetric":
        partners = [m for m in others if m.role in {"with", "and"}]
        if not partners:
            near = nearest(others, {"object", "to", "of"})
            partners = [near] if near else []
        return [(main, p, score - 0.05 * (len(partners) > 1)) for p in partners]
    if passive:
        agent = nearest(others, {"from", "by", "of", "at"})
        patient = main
    else:
        agent, patient = main, nearest(others, {"object", "to", "of"})
    if agent is None or patient is None:
        return []
    agents, patients = conjuncts(agent, actors), conjuncts(patient, actors)
    pairs = [(a, p) for a in agents for p in patients]
    if cue.direction == "reverse":
        pairs = [(p, a) for a, p in pairs]
    return [(s, o, score) for s, o in pairs]


def nearest(mentions: list[Mention], roles: set[str]) -> Mention | None:
    """The last mention (closest before the cue) in one of the roles."""
    return next((m for m in reversed(mentions) if m.role in roles), None)


def conjuncts(mention: Mention, actors: tuple[Mention, ...]) -> list[Mention]:
    """The mention and those coordinated with it just before (A와 B, C가 …)."""
    group = [mention]
    if mention not in actors:
        return group
    position = actors.index(mention)
    for m in reversed(actors[:position]):
        if m.role != "and" or group[-1].first - m.last > 3:
            break
        group.append(m)
    return group


def modified_head(
    tokens: tuple[Token, ...], actors: tuple[Mention, ...], index: int
) -> Mention | None:
    """The actor right after a relative clause or apposition the cue ends.

    제재를 받은 화웨이, 대주주인 마이크로소프트, 유럽 경쟁사 미스트랄.
    """
    after = {m.first: m for m in actors}
    if index + 1 in after:
        return after[index + 1]
    for k in range(index + 1, min(index + 6, len(tokens))):
        tag = tokens[k].tag
        if tag in CLAUSE_END or tag.startswith("EC"):
            return None
        if tag == "ETM":
            return after.get(k + 1)
    return None


def is_passive(tokens: tuple[Token, ...], index: int, lexicon: Lexicon) -> bool:
    """Whether a passive marker follows the cue within its clause."""
    for token in tokens[index + 1 : index + 6]:
        if lexicon.markers.get(lemma_of(token)) == "passive" or token.form in {"되", "돼"}:
            return True
        if token.tag in CLAUSE_END or token.tag.startswith("EC"):
            return False
    return False


def modality_after(tokens: tuple[Token, ...], index: int, lexicon: Lexicon) -> str:
    """planned, hedged or negated by the markers that follow the cue; else asserted."""
    found = "asserted"
    for token in tokens[index + 1 : index + 12]:
        kind = lexicon.markers.get(lemma_of(token))
        if kind == "negated":
            return "negated"
        if kind in {"planned", "hedged"} and found == "asserted":
            found = kind
        if token.tag in CLAUSE_END:
            break
    return found


def time_for(sentence: Sentence, times: tuple[Timex, ...], cue: Token) -> Timex | None:
    """The time expression that governs the cue's clause: the closest one before it.

    A date that only says when a third party reported (…에 따르면, 보도했다) is skipped.
    """
    usable = [
        t
        for t in times
        if t.value is not None
        and not any(
            word in sentence.text[t.end - sentence.start : t.end - sentence.start + 14]
            for word in REPORTING
        )
    ]
    before = [t for t in usable if t.end <= cue.start]
    if before:
        return before[-1]
    return usable[0] if usable else None
