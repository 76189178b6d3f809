"""Events: statements completed across sentences, where Korean news states an event in one
sentence and names its participants in the next, the cue noun repeated and one side left out.

    노바랩스는 시리즈 B 투자를 유치했다. 이번 투자에는 A, B 등이 참여했다.
        → A funds 노바랩스, B funds 노바랩스
    미 상무부는 12일 명단에 기업들을 추가했다. 명단에는 C, D 등이 추가됐다.
        → C sanctionedBy 미 상무부, D sanctionedBy 미 상무부, both dated the 12th
    노바랩스는 투자를 받았다. 전략적 투자자로는 E와 F가 이름을 올렸다.  → E, F funds 노바랩스
    네이버는 카카오와 제휴했다. 양사는 AI 모델을 공동 개발한다.  → 네이버 partnersWith 카카오
    美상무부, 명단에 C·D 등 추가 (a headline: the list after the cue fills the missing side)

`follow` is called once per sentence, in order. It keeps the latest event of each relation
kind: its agents and patients as a statement or a half-read cue (`Reading.half`) left them,
its time, modality and sentence. A later cue of the same kind that made no statement, in a
sentence that continues the event (이번/해당 + the cue noun; a 에는/로는 topic on the cue noun;
참여, 가세, 합류, 추가, 이름을 올리다), gives the event's missing side the actors the sentence
lists; 참여/가세/합류 alone continue an event of the sentence just before. Those who take part
(참여, 가세) or are named by a relational noun (투자자로는) join the agents, so they complete
only an event whose agent is missing. An event older than REACH sentences is forgotten, and
a cue of the kind that neither continues it nor makes statements ends it (a new half-read
event replaces it), so a different event never inherits its participants. Completed
statements are less sure than direct ones and take the event's time when their own sentence
gives none. The words are data: ontology/events.tsv.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from kg.analysis import Sentence, Token
from kg.gazetteer import Entity
from kg.mentions import Mention
from kg.relations import (
    NOMINAL,
    SYMMETRIC,
    Evidence,
    Lexicon,
    Reading,
    Statement,
    is_source,
    is_subject_particle,
    modality_after,
    time_for,
)
from kg.times import Timex
from kg.vocab import ontology_file

REACH = 3
CONFIDENCE = 0.65
LIST_TAGS = NOMINAL | {"JC", "SSO", "SSC", "SS", "SW", "SO"}


@dataclass(frozen=True)
class Words:
    """The words of ontology/events.tsv, by kind."""

    determiners: frozenset[str]
    joins: frozenset[str]
    listed: frozenset[str]
    removed: frozenset[str]
    pairs: frozenset[str]
    pair_heads: frozenset[str]


@dataclass(frozen=True)
class Event:
    """What the article has said of one relation kind so far: the sides it named (a side
    left out is empty), when, how sure, and in which sentence it was last spoken of."""

    kind: str
    agents: tuple[Entity, ...]
    patients: tuple[Entity, ...]
    time: Timex | None
    modality: str
    sentence: int
    evidence: Evidence


@dataclass(frozen=True)
class Memory:
    """The latest event of each relation kind, and the last symmetric pair (양사, 두 회사)."""

    events: tuple[Event, ...] = ()
    pair: Event | None = None


@cache
def load_event_words() -> Words:
    """The continuation words, read once."""
    kinds: dict[str, set[str]] = {}
    with open(ontology_file("events.tsv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and not row[0].startswith("#"):
                kinds.setdefault(row[1], set()).add(row[0])
    return Words(
        determiners=frozenset(kinds["determiner"]),
        joins=frozenset(kinds["join"]),
        listed=frozenset(kinds["listed"]),
        removed=frozenset(kinds["removed"]),
        pairs=frozenset(kinds["pair"]),
        pair_heads=frozenset(kinds["pair-head"]),
    )


def follow(
    memory: Memory,
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    readings: tuple[Reading, ...],
    times: tuple[Timex, ...],
    *,
    index: int,
    doc: str,
    lexicon: Lexicon,
) -> tuple[tuple[Reading, ...], Memory]:
    """The sentence's readings with the cues that continue an earlier event completed, and
    the memory for the next sentence; `index` is the sentence's place in the article."""
    words = load_event_words()
    tokens = sentence.tokens
    times = tuple(t for t in times if sentence.start <= t.start < sentence.end)
    actors = tuple(
        m
        for m in mentions
        if m.entity.type != "Product"
        and not lexicon.is_media(m.entity)
        and not is_source(tokens, m, lexicon)
    )
    live = {e.kind: e for e in memory.events if index - e.sentence <= REACH}
    pair = memory.pair if memory.pair and index - memory.pair.sentence <= REACH else None
    out: list[Reading] = []
    completed: set[str] = set()
    for reading in readings:
        first, last = cue_tokens(tokens, reading)
        context = Context(sentence, tokens, actors, times, first, last, index, doc, lexicon)
        if reading.statements:
            out.append(reading)
            live[reading.kind] = stated(reading, context)
            if reading.kind in SYMMETRIC and len(reading.statements) == 1:
                pair = live[reading.kind]
            continue
        if reading.kind in completed:
            out.append(reading)
            continue
        event = live.get(reading.kind)
        done = None
        if reading.kind in SYMMETRIC and pair is not None and pair_subject(tokens, first, words):
            done = complete_pair(reading, pair, context)
            pair = replace(pair, sentence=index)
        elif event is not None and open_side(event) and continues(tokens, first, last, words):
            done, live[reading.kind] = continued(reading, event, context, words)
        elif event is not None and joins_known(event, tokens, words):
            done = with_newcomers(reading, event, context)
            live[reading.kind] = replace(event, sentence=index)
        elif stating(readings, reading.kind):
            pass
        elif (half := from_half(reading, context)) is not None:
            done = complete(reading, half, listed_after(half, context, words), context)
            live[reading.kind] = half
        else:
            live.pop(reading.kind, None)
        out.append(done or reading)
        if done is not None:
            completed.add(reading.kind)
    k = next((k for k, t in enumerate(tokens) if t.form in words.joins or named(tokens, k)), None)
    if k is not None:
        context = Context(sentence, tokens, actors, times, k, k, index, doc, lexicon)
        kinds = {r.kind for r in readings}
        for event in list(live.values()):
            if event.sentence == index - 1 and event.kind not in kinds and not event.agents:
                done = taking_part_alone(event, context)
                if done is not None:
                    out.append(done)
                    live[event.kind] = replace(event, sentence=index)
    return tuple(out), Memory(tuple(live.values()), pair)


def taking_part_alone(event: Event, context: Context) -> Reading | None:
    """A sentence with no cue of the event's kind whose verb says who took part (B와 C가
    참여했다): a reading of that verb, completing the event of the sentence before."""
    sentence, token = context.sentence, context.tokens[context.first]
    word = sentence.text[token.start - sentence.start : token.end - sentence.start]
    empty = Reading(word, event.kind, token.start, (), ())
    return complete(empty, event, taking_part(event, context), context)


@dataclass(frozen=True)
class Context:
    """The sentence a cue is read in, and where the cue lies in it."""

    sentence: Sentence
    tokens: tuple[Token, ...]
    actors: tuple[Mention, ...]
    times: tuple[Timex, ...]
    first: int
    last: int
    index: int
    doc: str
    lexicon: Lexicon


def cue_tokens(tokens: tuple[Token, ...], reading: Reading) -> tuple[int, int]:
    """The first and last token of the reading's cue word."""
    end = reading.start + len(reading.cue)
    first = next(k for k, t in enumerate(tokens) if t.start >= reading.start)
    last = max((k for k, t in enumerate(tokens) if t.end <= end), default=first)
    return first, max(first, last)


def direction(kind: str, lexicon: Lexicon) -> str:
    """forward, reverse or symmetric: how the kind's cues map (agent, patient) to
    (subject, object)."""
    return next(c.direction for c in lexicon.cues if c.kind == kind)


def evidence_of(context: Context, cue: str) -> Evidence:
    """The sentence as evidence for a cue."""
    sentence = context.sentence
    return Evidence(sentence.text, sentence.start, sentence.end, cue)


def stated(reading: Reading, context: Context) -> Event:
    """The event a cue's statements establish."""
    first = reading.statements[0]
    reverse = direction(reading.kind, context.lexicon) == "reverse"
    subjects = unique(s.subject for s in reading.statements)
    objects = unique(s.object for s in reading.statements)
    agents, patients = (objects, subjects) if reverse else (subjects, objects)
    return Event(
        reading.kind,
        agents,
        patients,
        first.time,
        first.modality,
        context.index,
        first.evidence[0],
    )


def from_half(reading: Reading, context: Context) -> Event | None:
    """The event a cue that found only one side establishes, with that side's list."""
    agent, patient = reading.half
    if (agent is None) == (patient is None):
        return None
    agents = tuple(m.entity for m in members(agent, context)) if agent else ()
    patients = tuple(m.entity for m in members(patient, context)) if patient else ()
    return Event(
        reading.kind,
        agents,
        patients,
        time_for(context.sentence, context.times, context.tokens[context.first], None),
        modality_after(context.tokens, context.last, context.lexicon),
        context.index,
        evidence_of(context, reading.cue),
    )


def continued(
    reading: Reading, event: Event, context: Context, words: Words
) -> tuple[Reading | None, Event]:
    """A cue that continues the event: the reading completed, and the event as it now is.

    An actor the cue found itself keeps its side: on the missing side it completes the
    event, on the known side it restates it; anywhere else it starts another event.
    """
    half = from_half(reading, context)
    if half is None:
        side = side_of(reading, context, words)
        done = None
        if side in {"missing", side_missing(event)}:
            done = complete(reading, event, taking_part(event, context), context)
        return done, replace(event, sentence=context.index)
    fillers = half.agents if side_missing(event) == "agent" else half.patients
    if fillers:
        done = complete(reading, event, [], context, fillers=fillers)
        return done, replace(event, sentence=context.index)
    known = {e.id for e in event.agents + event.patients}
    if {e.id for e in half.agents + half.patients} <= known:
        return None, restated(event, half, context.index)
    return complete(reading, half, listed_after(half, context, words), context), half


def restated(event: Event, again: Event, index: int) -> Event:
    """The event spoken of again in sentence `index`; a restatement that names the same
    side and gives a time dates it (미 국방부는 6일 명단에 기업들을 추가했다 after a headline)."""
    if (
        again.time is not None
        and event.time is None
        and (again.agents, again.patients) == (event.agents, event.patients)
    ):
        return replace(event, sentence=index, time=again.time)
    return replace(event, sentence=index)


def joins_known(event: Event, tokens: tuple[Token, ...], words: Words) -> bool:
    """Whether the sentence has someone join (참여, 합류) an event whose two sides are known."""
    return bool(event.agents and event.patients) and any(t.form in words.joins for t in tokens)


def with_newcomers(reading: Reading, event: Event, context: Context) -> Reading | None:
    """The reading completed with those who join an event whose two sides are known: they
    partner with both sides of a symmetric one (A와 B가 동맹을 맺었다. 이번 동맹에는 C도
    합류했다) and act beside the agents of a directed one (A는 B에 투자했다. 이번 투자에는
    C도 참여했다 → C funds B)."""
    participants = taking_part(event, context)
    if event.kind in SYMMETRIC:
        base = replace(event, agents=unique(event.agents + event.patients), patients=())
    else:
        base = replace(event, agents=())
    return complete(reading, base, participants, context)


def open_side(event: Event) -> bool:
    """Whether exactly one side of the event is known."""
    return bool(event.agents) != bool(event.patients)


def side_missing(event: Event) -> str:
    """agent or patient: the side of the event no sentence has named yet."""
    return "patient" if event.agents else "agent"


def stating(readings: tuple[Reading, ...], kind: str) -> bool:
    """Whether another cue of the kind in the sentence made statements: the sentence's
    event is that one, and a half-read cue beside it starts none."""
    return any(r.kind == kind and r.statements for r in readings)


def side_of(reading: Reading, context: Context, words: Words) -> str:
    """Which side a continuing sentence's actors take: those who take part (참여, 가세) or
    are named by a relational noun (투자자로는 A가) are agents; others fill the missing side
    (명단에는 A가 추가됐다)."""
    tokens = context.tokens
    if any(t.form in words.joins for t in tokens):
        return "agent"
    word = tokens[context.first].form
    relational = any(
        c.kind == reading.kind and c.frame == "relational" and c.lemmas[0] == word
        for c in context.lexicon.cues
    )
    return "agent" if relational else "missing"


def complete(
    reading: Reading,
    event: Event,
    participants: list[Mention],
    context: Context,
    *,
    fillers: tuple[Entity, ...] = (),
) -> Reading | None:
    """The reading with statements that give the event's missing side the participants
    (or the `fillers` given)."""
    known = {e.id for e in event.agents + event.patients}
    fillers = fillers or unique(m.entity for m in participants if m.entity.id not in known)
    if not fillers:
        return None
    agents, patients = (event.agents, fillers) if event.agents else (fillers, event.patients)
    reverse = direction(event.kind, context.lexicon) == "reverse"
    own = time_for(context.sentence, context.times, context.tokens[context.first], None)
    modality = modality_after(context.tokens, context.last, context.lexicon)
    if modality == "asserted":
        modality = event.modality
    if any(t.form in load_event_words().removed for t in context.tokens[context.last + 1 :]):
        modality = "negated"
    distance = context.index - event.sentence
    score = round(CONFIDENCE - 0.05 * max(distance - 1, 0) - 0.05 * (len(fillers) > 1), 2)
    evidence = (evidence_of(context, reading.cue),)
    if event.sentence != context.index:
        evidence += (event.evidence,)
    statements = tuple(
        Statement(
            doc=context.doc,
            subject=patient if reverse else agent,
            predicate=event.kind,
            object=agent if reverse else patient,
            time=own or event.time,
            modality=modality,
            confidence=score,
            evidence=evidence,
        )
        for agent in agents
        for patient in patients
        if agent.id != patient.id
    )
    if not statements:
        return None
    where = "this sentence" if distance == 0 else f"{distance} sentence(s) before"
    note = f"completed from the {event.kind} event of {where}"
    return replace(reading, statements=statements, notes=(*reading.notes, note))


def complete_pair(reading: Reading, pair: Event, context: Context) -> Reading | None:
    """The reading of a symmetric cue whose subject is 양사/두 회사: the last pair."""
    if len(pair.agents) != 1 or len(pair.patients) != 1:
        return None
    event = replace(pair, kind=reading.kind, patients=())
    return complete(reading, event, [], context, fillers=pair.patients)


def continues(tokens: tuple[Token, ...], first: int, last: int, words: Words) -> bool:
    """Whether the cue speaks of an event already told: 이번/해당/같은 + the cue noun, a
    에는/로는 topic on it (명단에는, 투자자로는), or a verb of taking part in the sentence."""
    before = tokens[first - 1].form if first > 0 else ""
    if first > 1 and tokens[first - 1].tag == "ETM":
        before = tokens[first - 2].form + tokens[first - 1].form
    if before in words.determiners and tokens[first - 1].tag != "VCP":
        return True
    after = tokens[last + 1 : last + 3]
    if len(after) == 2 and after[0].tag == "JKB" and after[1].tag == "JX":
        return True
    joining = words.joins | words.listed
    return any(t.form in joining or named(tokens, k) for k, t in enumerate(tokens))


def named(tokens: tuple[Token, ...], k: int) -> bool:
    """이름을 올리다: to be named among the participants."""
    return (
        tokens[k].form == "이름"
        and k + 2 < len(tokens)
        and any(t.lemma == "올리다" for t in tokens[k + 1 : k + 3])
    )


def pair_subject(tokens: tuple[Token, ...], first: int, words: Words) -> bool:
    """Whether the cue's clause has the pair as its subject (양사는, 두 회사가) or says
    what is between them (양사 간 경쟁)."""
    for k in range(first - 1, -1, -1):
        token = tokens[k]
        if token.tag in {"EF", "SF"}:
            return False
        after = tokens[k + 1] if k + 1 < first else None
        if after is None or not (is_subject_particle(after) or after.form in {"간", "사이"}):
            continue
        det = tokens[k - 1] if k > 0 else None
        if token.form in words.pairs or (
            det is not None
            and det.form in {"양", "두"}
            and det.tag == "MM"
            and token.form in words.pair_heads
        ):
            return True
    return False


def taking_part(event: Event, context: Context) -> list[Mention]:
    """The actors a continuing sentence adds to the event: the list its first new subject
    ends (이번 투자에는 A, B 등이 참여했다), else the list after the cue."""
    known = {e.id for e in event.agents + event.patients}
    for m in context.actors:
        if m.role == "subject" and m.entity.id not in known:
            return members(m, context)
    after = [m for m in context.actors if m.first > context.last and m.entity.id not in known]
    return forward(after[0], context) if after and after[0].role in {"and", "object"} else []


def listed_after(event: Event, context: Context, words: Words) -> list[Mention]:
    """In a headline without a verb ending, the list the cue adds: after the cue when a verb
    noun of taking part follows the list (美상무부, 명단에 A·B 등 추가), or just before the
    cue when one follows the cue (美상무부, 중국 A 수출통제 명단에 추가)."""
    tokens = context.tokens
    if any(t.tag == "EF" for t in tokens):
        return []
    known = {e.id for e in event.agents + event.patients}
    joining = words.joins | words.listed
    after = [m for m in context.actors if m.first > context.last and m.entity.id not in known]
    if after:
        group = forward(after[0], context)
        tail = tokens[group[-1].last + 1 : group[-1].last + 4]
        return group if any(t.form in joining for t in tail) else []
    before = [m for m in context.actors if m.last < context.first]
    tail = tokens[context.last + 1 : context.last + 4]
    if not before or before[-1].entity.id in known or not any(t.form in joining for t in tail):
        return []
    between = tokens[before[-1].last + 1 : context.first]
    return members(before[-1], context) if all(t.tag in NOMINAL for t in between) else []


def members(mention: Mention, context: Context) -> list[Mention]:
    """The list a mention ends (A, B, 장비 업체 C 등이): the actors before it marked as
    coordinated, with only nouns, commas and brackets between them."""
    actors = context.actors
    if mention not in actors:
        return [mention]
    group = [mention]
    edge = mention
    for m in reversed(actors[: actors.index(mention)]):
        if not joined(m, edge, context.tokens):
            break
        edge = m
        if m.role in {"and", "with"}:
            group.append(m)
        elif m.role != "other":
            break
    return group[::-1]


def forward(mention: Mention, context: Context) -> list[Mention]:
    """The list a mention opens (A·B 등): it and the coordinated actors after it."""
    actors = context.actors
    group = [mention]
    for m in actors[actors.index(mention) + 1 :]:
        if group[-1].role not in {"and", "with"} or not joined(group[-1], m, context.tokens):
            break
        group.append(m)
    return group


def joined(left: Mention, right: Mention, tokens: tuple[Token, ...]) -> bool:
    """Whether only list material (nouns, 와/과, commas, brackets) separates two mentions."""
    gap = tokens[left.last + 1 : right.first]
    return len(gap) <= 12 and all(
        t.tag in LIST_TAGS or (t.tag == "JKB" and t.form in {"와", "과"}) for t in gap
    )


def unique(entities: Iterable[Entity]) -> tuple[Entity, ...]:
    """The entities in order, each once."""
    seen: dict[str, Entity] = {}
    for entity in entities:
        seen.setdefault(entity.id, entity)
    return tuple(seen.values())
