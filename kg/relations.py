"""Relations: dated statements of who blocks, funds, partners with, competes with or is
sanctioned by whom, read from cue words and the particle roles of the actors around them.

For each cue (ontology/cues.tsv) in a sentence the reader finds the event's agent and
patient. Korean puts arguments before the predicate, so:

    agent    the noun a relative clause or apposition ends in (제재를 받은 화웨이, 대주주인 MS,
             경쟁사 미스트랄); else the nearest subject before the cue (이/가/은/는), unless a
             closer common-noun subject (구매가 금지된) owns the clause; else the subject
             carried from the previous sentences (이 회사는, or a dropped subject)
    patient  the object, 에/에 대한 or 의 phrase before the cue (중국 개발자들의 접속을 차단);
             an actor in the cue's own noun phrase (메타의 스케일AI 투자: 메타 funds 스케일AI)
    passive  받다/되다/오르다 after the cue swaps them: the subject is the patient, and the
             agent is the 로부터/에 의해/의 phrase (B는 A로부터 투자를 받았다 → A funds B)

The cue's direction then maps (agent, patient) to (subject, object): forward for blocks and
funds, reverse for sanctionedBy, and any order for the symmetric relations, whose partners
are the 와/과 phrases and coordinated subjects. A cue inside a quotation takes its actors
from the quotation and keeps whoever said it as the speaker; a cue outside takes none from
it. News outlets and sources (…에 따르면) report relations and are never their actors.
`read_sentence` returns, per cue, the statements made or the reason none was: `kg explain`
prints it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from functools import cache, cached_property
from pathlib import Path

from kg.analysis import Sentence, Token
from kg.gazetteer import Entity, name_key
from kg.mentions import CLOSING_QUOTES, Mention, particle_after, role_after
from kg.times import Timex
from kg.vocab import ontology_file

RELATIONS = ("blocks", "funds", "partnersWith", "competesWith", "sanctionedBy")
SYMMETRIC = {"partnersWith", "competesWith"}
MODALITIES = ("planned", "hedged", "negated")
MARKERS = (
    "passive",
    *MODALITIES,
    "reporting",
    "forecast",
    "source",
    "anaphor",
    "listing",
    "joining",
    "continuing",
    "access",
    "aligning",
)
REPORTING = ("따르면", "보도", "전했다", "외신", "인용")
NOMINAL = {"NNG", "NNP", "NNB", "NR", "SL", "SN", "SH", "XSN", "XPN", "MM", "SP"}
QUOTE_ENDINGS = {"다고", "라고", "냐고", "자고", "며", "면서", "고", "다며", "라며", "다면서"}
COPULA_OR_AS = {"VCP", "JKB"}
CONNECTIVES = {"한편", "가운데", "반면"}
STACKED_CLAUSES = 2
TITLE_MARKS = {"‘": "’", "「": "」", "『": "』", "《": "》", "〈": "〉"}
BODIES = {"부처", "당국", "기관", "측"}
ORDER_ENDINGS = {"라고", "으라고", "도록", "게"}
LIST_GAP = 8
PASSIVE_SUFFIXES = {"되", "돼", "받", "당"}
ALSO = {"역시", "또한"}
PATIENTS = {"object", "to", "of"}
EVENTS = {"event", "paid"}
COUNTED_TAGS = {"NNG", "NNB", "SN", "NR", "XSN", "XPN", "MM"}
COUNTED_PHRASE = 6
TOPICS = {"은", "는", "도"}


@dataclass(frozen=True)
class Cue:
    """One relation cue of the lexicon."""

    kind: str
    lemmas: tuple[str, ...]
    direction: str
    frame: str = "event"
    agents: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Relation cues, the markers around them and news-outlet names, from ontology/cues.tsv."""

    cues: tuple[Cue, ...]
    markers: dict[str, str]
    media: tuple[str, ...] = ()

    def is_media(self, entity: Entity) -> bool:
        """Whether the entity is a news outlet: its name is a media word, or, for an entity
        that is not a company, ends in a Korean one (…통신, …타임스; ZTE, alias 중싱통신, is a
        maker); Latin names must match whole (FT is not Microsoft)."""
        known = self.media_verdicts.get(entity)
        if known is None:
            keys = [name_key(label) for label in entity.labels]
            suffixes = entity.type != "Company"
            known = self.media_verdicts[entity] = any(
                key == word or (suffixes and not latin and key.endswith(word))
                for key in keys
                for word, latin in self.media_keys
            )
        return known

    @cached_property
    def media_verdicts(self) -> dict[Entity, bool]:
        """is_media's answers so far, by entity: a build asks about the same few many times."""
        return {}

    def __getstate__(self) -> dict:
        """The fields alone, without the cached indexes, so a pickled lexicon (the build
        cache's version key) is the same before and after it is used."""
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @cached_property
    def media_keys(self) -> tuple[tuple[str, bool], ...]:
        """Each media word as a name key, and whether it is written in Latin letters."""
        return tuple((name_key(word), word.isascii()) for word in self.media)

    @cached_property
    def starts(self) -> dict[str, tuple[int, ...]]:
        """Which cues (by position) a token can start: by its lemma, by its form as the
        first piece of a one-lemma cue that kiwipiepy split (블랙 of 블랙리스트), or as a
        cue of several nouns written as one word (수출통제)."""
        index: dict[str, list[int]] = {}
        for n, cue in enumerate(self.cues):
            word = cue.lemmas[0]
            keys = {word}
            if len(cue.lemmas) == 1:
                keys.update(word[:k] for k in range(1, len(word)))
            else:
                keys.add("".join(cue.lemmas))
            for key in keys:
                index.setdefault(key, []).append(n)
        return {key: tuple(found) for key, found in index.items()}


@dataclass(frozen=True)
class Evidence:
    """A sentence that states a relation: its text, span in the article, and cue word."""

    sentence: str
    start: int
    end: int
    cue: str


@dataclass(frozen=True)
class Statement:
    """One extracted relation with its time, modality, confidence and evidence.

    `speaker` is whoever the sentence quotes or reports as saying it (…라고 밝혔다).
    """

    doc: str
    subject: Entity
    predicate: str
    object: Entity
    time: Timex | None
    modality: str
    confidence: float
    evidence: tuple[Evidence, ...]
    speaker: Entity | None = None

    @property
    def key(self) -> tuple:
        """What makes two statements of one article the same fact."""
        subject, obj = self.subject.id, self.object.id
        if self.predicate in SYMMETRIC and obj < subject:
            subject, obj = obj, subject
        time = (self.time.value, self.time.role) if self.time else None
        return (self.doc, subject, self.predicate, obj, time, self.modality)


@dataclass(frozen=True)
class Reading:
    """What the reader made of one cue: the statements, or why it made none."""

    cue: str
    kind: str
    start: int
    statements: tuple[Statement, ...]
    notes: tuple[str, ...]
    time: Timex | None = None
    agent: Mention | None = None
    sides: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Group:
    """A list of actors told in one sentence (A, B, C 등 3개사가 세운), and that sentence's
    time, which 이들 기업 / 두 회사 in a later sentence stand for."""

    actors: tuple[Mention, ...]
    time: Timex | None = None


@dataclass(frozen=True)
class Roles:
    """The arguments found for one cue, and how (which decides the confidence)."""

    pairs: tuple[tuple[Mention, Mention], ...]
    how: str
    notes: tuple[str, ...] = ()


Events = dict[tuple[str, str], tuple[Timex, bool]]


@cache
def load_lexicon(path: Path | None = None) -> Lexicon:
    """The cue lexicon; the bundled one unless a path is given."""
    path = path or ontology_file("cues.tsv")
    with open(path, encoding="utf-8") as f:
        rows = list(
            csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        )
    cues, markers, media = [], {}, []
    for row in rows:
        kind, lemmas = row["kind"].strip(), tuple((row["cue"] or "").split())
        if not lemmas:
            continue
        if kind == "media":
            media.append(" ".join(lemmas))
        elif kind in MARKERS:
            markers[" ".join(lemmas)] = kind
        else:
            cues.append(
                Cue(
                    kind,
                    lemmas,
                    (row.get("direction") or "forward").strip(),
                    (row.get("frame") or "event").strip() or "event",
                    frozenset((row.get("agents") or "").split()),
                )
            )
    cues.sort(key=lambda c: (-len(c.lemmas), -len(c.lemmas[0])))
    return Lexicon(cues=tuple(cues), markers=markers, media=tuple(media))


def read_sentence(
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    times: Iterable[Timex],
    *,
    doc: str,
    lexicon: Lexicon,
    topic: tuple[Mention, ...] = (),
    events: Events | None = None,
    group: Group | None = None,
    agents: dict[str, Mention] | None = None,
) -> tuple[Reading, ...]:
    """Per cue in the sentence: the statements it makes, or the reason it makes none.

    `events` holds the times of the events the article has dated (dated_events): a sentence
    with no time of its own continues one (continued). `group` is the
    last list of actors told before, which 이들 기업 / 두 회사 / 양사 stand for. `agents`
    holds, per relation whose cues name their agents' types, the agent the article last
    gave it (the state that keeps a sanctions list): a later sentence that puts actors on
    that list or under it without naming who did (A, B 등이 제재 대상에 올랐다) means it."""
    tokens = sentence.tokens
    times = tuple(t for t in times if sentence.start <= t.start < sentence.end)
    sources = {m for m in mentions if is_source(tokens, m, lexicon)}
    actors = tuple(
        m
        for m in mentions
        if m.entity.type != "Product" and not lexicon.is_media(m.entity) and m not in sources
    )
    actors = settle_roles(tokens, actors, lexicon)
    topic = tuple(m for m in topic if not lexicon.is_media(m.entity))
    readings = []
    taken: set[int] = set()
    for first, last, cue in find_cues(tokens, lexicon, mentions):
        if first in taken:
            continue
        taken.update(range(first, last + 1))
        readings.append(
            read_cue(
                sentence,
                actors,
                mentions,
                times,
                first,
                last,
                cue,
                doc,
                lexicon,
                topic,
                events,
                group,
                (agents or {}).get(cue.kind),
            )
        )
    return tuple(readings)


def read_cue(
    sentence: Sentence,
    actors: tuple[Mention, ...],
    mentions: tuple[Mention, ...],
    times: tuple[Timex, ...],
    first: int,
    last: int,
    cue: Cue,
    doc: str,
    lexicon: Lexicon,
    topic: tuple[Mention, ...],
    events: Events | None = None,
    group: Group | None = None,
    remembered: Mention | None = None,
) -> Reading:
    """The statements of the cue at tokens first..last; `remembered` is the agent the
    article last gave the cue's relation."""
    tokens = sentence.tokens
    cue_word = sentence.text[
        tokens[first].start - sentence.start : tokens[last].end - sentence.start
    ]
    quote = quote_of(sentence, tokens[first])
    scope = tuple(
        m for m in actors if within(m, quote) or not any(within(m, q) for q in sentence.quotes)
    )
    speaker = speaker_of(sentence, mentions, first, last, quote, lexicon)
    if quote:
        topic = (speaker,) if speaker is not None and speaker in actors else ()
    bound = next(k for k, t in enumerate(tokens) if t.start >= quote[0]) if quote else 0
    grouped = group is not None and group_subject(tokens, first, bound, lexicon)
    carried = topic
    if grouped:
        topic = group.actors
    if not cue.agents:
        remembered = None
    roles = arguments(tokens, scope, first, last, cue, lexicon, topic, bound, carried, remembered)
    if grouped:
        roles = spread_group(roles, group.actors, cue)
    elif not roles.pairs and group_patient(tokens, first, bound, lexicon):
        roles = group_roles(tokens, scope, first, bound, cue, lexicon, topic, group) or roles
    banned = settle_roles(tokens, tuple(m for m in mentions if m.entity.type == "Product"), lexicon)
    if not roles.pairs and cue.kind == "blocks" and banned:
        with_products = tuple(sorted(scope + banned, key=lambda m: m.first))
        retry = arguments(tokens, with_products, first, last, cue, lexicon, topic, bound)
        roles = retry if retry.pairs else roles
    modality = modality_after(tokens, last, lexicon)
    if modality == "asserted" and forecast_after(tokens, last, lexicon):
        modality = "hedged"
    notes = list(roles.notes)
    statements = []

    if speaker is not None and lexicon.is_media(speaker.entity) and roles.pairs:
        opening = min(m.start for pair in roles.pairs for m in pair)
        times = tuple(t for t in times if t.start >= opening)
    time = time_for(sentence, times, tokens[first], quote)
    state = cue.frame == "relational" and roles.how != "joined"
    if time is None and not state:
        time = continued(events or {}, cue.kind, roles.pairs, continues(tokens, first, lexicon))
    if time is None and grouped and roles.pairs:
        time = group.time
    evidence = (Evidence(sentence.text, sentence.start, sentence.end, cue_word),)
    for agent, patient in roles.pairs:
        subject, obj = (patient, agent) if cue.direction == "reverse" else (agent, patient)
        if subject.entity.id == obj.entity.id:
            notes.append(f"{subject.text}: the same actor on both sides")
            continue
        if cue.agents and agent.entity.type not in cue.agents:
            notes.append(f"{agent.text} ({agent.entity.type}) cannot be its agent")
            continue
        statements.append(
            Statement(
                doc=doc,
                subject=subject.entity,
                predicate=cue.kind,
                object=obj.entity,
                time=time,
                modality=modality,
                confidence=confidence(roles, agent, patient, first, modality, quote),
                evidence=evidence,
                speaker=speaker.entity if speaker is not None else None,
            )
        )
    made = {frozenset((s.subject.id, s.object.id)) for s in statements}
    sides = next((p for p in roles.pairs if frozenset(m.entity.id for m in p) in made), ())
    agent = next((a for a, _ in roles.pairs if a.entity.type in cue.agents), None)
    if agent is None and cue.agents and not roles.pairs:
        main = subject_of(tokens, scope, first, lexicon, (), bound)[0]
        agent = main if main is not None and main.entity.type in cue.agents else None
    return Reading(
        cue_word, cue.kind, tokens[first].start, tuple(statements), tuple(notes), time, agent, sides
    )


def group_subject(tokens: tuple[Token, ...], first: int, bound: int, lexicon: Lexicon) -> bool:
    """Whether the cue's subject is 이들 기업, 두 회사 or 양사: the actors listed before."""
    for k in range(first - 1, bound - 1, -1):
        token = tokens[k]
        if token.tag in {"EF", "SF"}:
            return False
        if token.tag == "JKS" or (token.tag == "JX" and token.form in TOPICS):
            return names_group(tokens, k, lexicon)
    return False


def group_patient(tokens: tuple[Token, ...], first: int, bound: int, lexicon: Lexicon) -> bool:
    """Whether the cue's patient is 두 회사 / 이들 기업 (두 회사의 장비 승인을 금지했다)."""
    for k in range(first - 1, bound - 1, -1):
        token = tokens[k]
        if token.tag in {"EF", "SF", "JKS"} or (token.tag == "JX" and token.form in TOPICS):
            return False
        patient = token.tag in {"JKG", "JKO"} or token.form in {"에", "에게"}
        if patient and names_group(tokens, k, lexicon):
            return True
    return False


def group_roles(
    tokens: tuple[Token, ...],
    scope: tuple[Mention, ...],
    first: int,
    bound: int,
    cue: Cue,
    lexicon: Lexicon,
    topic: tuple[Mention, ...],
    group: Group | None,
) -> Roles | None:
    """The pairs of a cue whose patient is 두 회사 / 이들 기업: the two actors the sentence
    named before it (A가 B를 쓰면서 두 회사의 협력이), else the last list told. A symmetric
    cue pairs the members; another takes the clause's subject as the agent of each."""
    named = list({m.entity.id: m for m in scope if m.last < first}.values())
    members = named[-2:] if len(named) >= 2 else list(group.actors if group else ())
    if cue.direction == "symmetric":
        found = tuple((a, b) for i, a in enumerate(members) for b in members[i + 1 :])
        return Roles(found, "anaphor", ()) if found else None
    main = subject_of(tokens, scope, first, lexicon, topic, bound)[0]
    patients = [m for m in members if main is not None and m.entity.id != main.entity.id]
    return Roles(tuple((main, m) for m in patients), "anaphor", ()) if patients else None


def names_group(tokens: tuple[Token, ...], particle: int, lexicon: Lexicon) -> bool:
    """Whether the noun before the particle is 이들 기업, 두 회사 or 양사."""
    noun = particle - 1
    if noun < 1 or lexicon.markers.get(tokens[noun].form) != "anaphor":
        return False
    det = tokens[noun - 1]
    if det.tag == "XSN" and det.form == "들":
        return noun > 1 and tokens[noun - 2].tag == "NP"
    return det.tag == "MM" and det.form in {"두", "양"}


def spread_group(roles: Roles, group: tuple[Mention, ...], cue: Cue) -> Roles:
    """The group's statements: each member where its first stands (이들 기업은 각각 출자했다),
    or each pair of members for a symmetric cue with no other side (두 회사는 협력한다)."""
    lead = group[0]
    if not roles.pairs and cue.direction == "symmetric":
        found = tuple((a, b) for i, a in enumerate(group) for b in group[i + 1 :])
        return Roles(found, "anaphor", ())
    found: list[tuple[Mention, Mention]] = []
    for agent, patient in roles.pairs:
        agents = group if agent is lead else (agent,)
        patients = group if patient is lead else (patient,)
        found += [(a, p) for a in agents for p in patients if (a, p) not in found]
    return replace(roles, pairs=tuple(found))


def last_group(
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    times: Iterable[Timex],
    lexicon: Lexicon,
    readings: tuple[Reading, ...] = (),
) -> Group | None:
    """The last list of two or more actors the sentence names outside quotations (A, B, C
    등 8개사가 …) with the sentence's time, which 이들 기업 may stand for next; else the two
    sides of the sentence's last statement (A가 B에 투자했다 → 양사는 …)."""
    actors = tuple(
        m
        for m in mentions
        if m.entity.type != "Product"
        and not lexicon.is_media(m.entity)
        and quote_of(sentence, sentence.tokens[m.first]) is None
    )
    actors = settle_roles(sentence.tokens, actors, lexicon)
    for m in reversed(actors):
        members = conjuncts(m, actors, sentence.tokens)
        if len({x.entity.id for x in members}) > 1:
            told = tuple(t for t in times if sentence.start <= t.start < sentence.end)
            time = time_for(sentence, told, sentence.tokens[members[-1].first], None)
            return Group(tuple(reversed(members)), time)
    last = next((r for r in reversed(readings) if r.sides), None)
    return Group(last.sides, last.time) if last is not None else None


def dated_events(events: Events, readings: Iterable[Reading]) -> Events:
    """The events dated so far once a sentence's readings are added: per relation and per
    actor of its statements, per relation alone (actor ""), and per actor whatever the
    relation (relation ""), the last time and whether this sentence gave it."""
    out = {key: (time, False) for key, (time, _) in events.items()}
    for reading in readings:
        if reading.time is None:
            continue
        out[(reading.kind, "")] = (reading.time, True)
        for statement in reading.statements:
            for entity in (statement.subject, statement.object):
                out[(reading.kind, entity.id)] = (reading.time, True)
                out[("", entity.id)] = (reading.time, True)
    return out


def continued(
    events: Events, kind: str, pairs: tuple[tuple[Mention, Mention], ...], said: bool
) -> Timex | None:
    """The time of the dated event a cue with no time of its own goes on with: the last one
    of its relation and one of its actors, else of its relation. It counts when the sentence
    just before dated it, or when this one says it goes on (`said`: 이번, 이날, 해당); said so,
    the last event of the same actors in another relation counts too (이번 협력, after A's
    investment in B)."""
    ids = [m.entity.id for pair in pairs for m in pair]
    keys = [(kind, i) for i in ids] + [(kind, "")] + ([("", i) for i in ids] if said else [])
    for key in keys:
        if key in events and (events[key][1] or said):
            return events[key][0]
    return None


def continues(tokens: tuple[Token, ...], first: int, lexicon: Lexicon) -> bool:
    """Whether the clause says it continues an event already told (이번 투자, 이날, 해당 계약)."""
    return any(lexicon.markers.get(t.form) == "continuing" for t in tokens[:first])


def confidence(
    roles: Roles,
    agent: Mention,
    patient: Mention,
    cue: int,
    modality: str,
    quote: tuple[int, int] | None,
) -> float:
    """How sure the reading is, from how the actors were found and how far they lie."""
    base = {
        "subject": 0.9,
        "head": 0.88,
        "genitive": 0.85,
        "relational": 0.85,
        "joined": 0.8,
        "anaphor": 0.75,
        "topic": 0.65,
        "remembered": 0.6,
    }[roles.how]
    told = (patient,) if roles.how == "remembered" else (agent, patient)
    distance = max(cue - min(m.last for m in told), 0)
    score = base - 0.01 * max(distance - 8, 0)
    score -= 0.05 * (len(roles.pairs) > 1)
    score -= 0.1 * (modality == "hedged")
    score -= 0.05 * (quote is not None)
    return round(min(max(score, 0.3), 0.95), 2)


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
            seen,
            evidence=evidence,
            confidence=max(seen.confidence, statement.confidence),
            speaker=seen.speaker or statement.speaker,
        )
    return tuple(merged.values())


def next_topic(
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    lexicon: Lexicon,
    previous: tuple[Mention, ...],
) -> tuple[Mention, ...]:
    """The subject a following sentence may leave out: this sentence's first actor subject
    outside quotations, with the actors coordinated with it; else the previous one. A
    sentence whose topic is a phrase (이번 투자 라운드에는 A가 참여했다) keeps the previous."""
    tokens = sentence.tokens
    for m in mentions:
        if (
            m.role == "subject"
            and m.entity.type != "Product"
            and not lexicon.is_media(m.entity)
            and quote_of(sentence, tokens[m.first]) is None
        ):
            framed = any(
                t.tag == "JX" and t.form in {"는", "은"} and tokens[k - 1].tag == "JKB"
                for k, t in enumerate(tokens[: m.first])
                if k > 0
            )
            return previous if framed else tuple(conjuncts(m, mentions, tokens))
    return previous


def find_cues(
    tokens: tuple[Token, ...], lexicon: Lexicon, mentions: tuple[Mention, ...] = ()
) -> list[tuple[int, int, Cue]]:
    """(first token, last token, cue) for every cue, the longest cue first at each place."""
    named = {k for m in mentions for k in range(m.first, m.last + 1)}
    found = []
    for i, token in enumerate(tokens):
        if i in named or token.entity:
            continue
        starts = lexicon.starts
        numbers = (*starts.get(lemma_of(token), ()), *starts.get(token.form, ()))
        for n in sorted(set(numbers)) if numbers else ():
            cue = lexicon.cues[n]
            last = match_cue(tokens, i, cue)
            if last is not None:
                found.append((i, last, cue))
                break
    return found


def match_cue(tokens: tuple[Token, ...], i: int, cue: Cue) -> int | None:
    """The last token of `cue` if it starts at token i (수출통제 in one token matches 수출 통제)."""
    if len(cue.lemmas) > 1 and tokens[i].form == "".join(cue.lemmas):
        return i
    if lemma_of(tokens[i]) != cue.lemmas[0]:
        return compound(tokens, i, cue.lemmas[0]) if len(cue.lemmas) == 1 else None
    k = i
    for lemma in cue.lemmas[1:]:
        k += 1
        while k < len(tokens) and (tokens[k].tag.startswith("J") or ordered(tokens, k)):
            k += 1
        if k >= len(tokens) or lemma_of(tokens[k]) != lemma:
            return None
    return k


def ordered(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether token k links an action to the verb ordering it (철회하라고 명령)."""
    token = tokens[k]
    if token.tag == "XSV":
        return k + 1 < len(tokens) and tokens[k + 1].form in ORDER_ENDINGS
    return token.form in ORDER_ENDINGS and k > 0 and tokens[k - 1].tag == "XSV"


def compound(tokens: tuple[Token, ...], i: int, word: str) -> int | None:
    """The last token of a noun kiwipiepy split in pieces (블랙 + 리스트 = 블랙리스트; 얼라이언
    + 스, read as a verb)."""
    text = ""
    for k in range(i, min(i + 4, len(tokens))):
        token = tokens[k]
        if k == i and token.tag not in {"NNG", "NNP", "SL"}:
            return None
        if k > i and token.start != tokens[k - 1].end:
            return None
        text += token.form
        if text == word:
            return k
        if not word.startswith(text):
            return None
    return None


def lemma_of(token: Token) -> str:
    """The lexicon form of a token: the lemma for verbs, the form otherwise."""
    return token.lemma if token.tag.startswith(("VV", "VA", "VX")) else token.form


def particle_index(tokens: tuple[Token, ...], mention: Mention) -> int:
    """The token that gives a mention its role (after 측, 등, titles)."""
    return particle_after(tokens, mention.last)


def is_source(tokens: tuple[Token, ...], mention: Mention, lexicon: Lexicon) -> bool:
    """Whether the mention is where the news came from (X에 따르면, X 보도에 의하면)."""
    k = particle_index(tokens, mention)
    return any(lexicon.markers.get(lemma_of(token)) == "source" for token in tokens[k : k + 3])


def quote_of(sentence: Sentence, token: Token) -> tuple[int, int] | None:
    """The quotation span the token lies in, if any."""
    return next((q for q in sentence.quotes if q[0] <= token.start < q[1]), None)


def within(mention: Mention, span: tuple[int, int] | None) -> bool:
    """Whether the mention lies in the span."""
    return span is not None and span[0] <= mention.start < span[1]


def speaker_of(
    sentence: Sentence,
    mentions: tuple[Mention, ...],
    first: int,
    last: int,
    quote: tuple[int, int] | None,
    lexicon: Lexicon,
) -> Mention | None:
    """Who says the cue's clause: the subject of the reporting verb that takes it as its
    complement ("…"라고 밝혔다, …했다고 말했다), or the source of 'X에 따르면'.

    That is the nearest subject before the quotation (or before the cue), or the subject
    after the quotation ("…"라고 X가 말했다); a common noun there (해당 매체는) means the
    speaker is not an actor kg knows, so there is none.
    """
    tokens = sentence.tokens
    for m in mentions:
        if is_source(tokens, m, lexicon) and m.last < first:
            return m
    if quote is None and not reported(tokens, last, lexicon):
        return None
    by_particle = {particle_index(tokens, m): m for m in mentions if m.role == "subject"}
    if quote is None:
        k = next((k for k, t in enumerate(tokens[:first]) if is_subject_particle(t)), None)
        return by_particle.get(k) if k is not None else None
    start = next(k for k, t in enumerate(tokens) if t.start >= quote[0])
    for k in range(start - 1, -1, -1):
        if tokens[k].tag == "JKS" or (tokens[k].tag == "JX" and tokens[k].form in {"은", "는"}):
            return by_particle.get(k)
    after = [m for m in mentions if m.role == "subject" and quote and m.start >= quote[1]]
    return after[0] if after else None


def is_subject_particle(token: Token) -> bool:
    """이/가 or the topic 은/는."""
    return token.tag == "JKS" or (token.tag == "JX" and token.form in {"은", "는"})


def reported(tokens: tuple[Token, ...], last: int, lexicon: Lexicon) -> bool:
    """Whether the cue's clause is the complement of a verb of saying (…다고 밝혔다)."""
    for k in range(last + 1, len(tokens)):
        token = tokens[k]
        if token.tag == "JKQ" or (token.tag == "EC" and token.form in QUOTE_ENDINGS):
            return any(
                lexicon.markers.get(lemma_of(t)) in {"reporting", "forecast"}
                for t in tokens[k + 1 : k + 4]
            )
        if token.tag in {"EF", "SF"}:
            return False
    return False


def forecast_after(tokens: tuple[Token, ...], last: int, lexicon: Lexicon) -> bool:
    """Whether the cue's clause is what a third party forecasts (…할 것으로 전망했다)."""
    for k in range(last + 1, len(tokens)):
        token = tokens[k]
        if lexicon.markers.get(lemma_of(token)) == "forecast":
            return True
        if token.tag in {"EF", "SF"} or ends_relative_clause(tokens, k, lexicon):
            return False
    return False


def ends_relative_clause(tokens: tuple[Token, ...], k: int, lexicon: Lexicon) -> bool:
    """Whether token k ends a relative clause whose head is a noun that says nothing of its
    modality (제재를 받은 화웨이가), unlike 할 계획, 할 수 있다, 할 것으로."""
    if tokens[k].tag != "ETM" or k + 1 >= len(tokens):
        return False
    head = tokens[k + 1]
    return head.tag != "NNB" and lexicon.markers.get(lemma_of(head)) is None


def arguments(
    tokens: tuple[Token, ...],
    actors: tuple[Mention, ...],
    first: int,
    last: int,
    cue: Cue,
    lexicon: Lexicon,
    topic: tuple[Mention, ...],
    bound: int = 0,
    carried: tuple[Mention, ...] = (),
    remembered: Mention | None = None,
) -> Roles:
    """The (agent, patient) pairs the cue relates, and how they were found; `bound` is
    where the cue's quotation starts (its subject is inside it or is the speaker),
    `carried` the subject told before, the patient an event cue leaves out (A, B 등이 투자한
    이력이 있다, after a sentence about the company), and `remembered` the agent the article
    last gave the relation, for a list or passive that names none."""
    before = [m for m in actors if m.last < first]
    head = modified_head(tokens, actors, last)
    genitive, inner = attached(tokens, before, first)
    passive = cue.direction == "received" or is_passive(tokens, last, lexicon)
    main, how, note = subject_of(tokens, actors, first, lexicon, topic, bound)
    notes = (note,) if note else ()
    if cue.frame == "paid" and not paid(tokens, first):
        return Roles((), how, (*notes, f"{cue.lemmas[0]} of no sum of money: not funding"))
    if cue.frame == "list":
        targets = list_targets(tokens, actors, last, lexicon)
        lister = genitive or main or qualifier(tokens, before, first, cue)
        if lister is not None and cue.agents and lister.entity.type not in cue.agents:
            lister = None
        if targets and lister is None and remembered is not None:
            lister, how = remembered, "remembered"
        if targets and lister is None:
            return Roles((), how, (*notes, "listed, but by whom? no subject or 의 phrase"))
        if targets:
            how = "genitive" if genitive is not None else how
            return Roles(tuple((lister, t) for t in targets), how, notes)
    if cue.frame == "order" and main is not None and not passive:
        others = [m for m in before if m is not main and m not in topic]
        addressee = nearest(others, {"to"}) or inner or genitive
        if addressee is not None:
            return Roles(pairs(main, addressee, actors, tokens), how, notes)
    joined = participants(tokens, actors, last, lexicon) if cue.direction != "reverse" else []
    other = genitive or main
    if joined and cue.direction == "symmetric":
        if other is None and topic and topic[0] not in joined:
            return Roles(tuple((topic[0], p) for p in joined), "topic", notes)
        if other is None or other in joined:
            found = tuple((a, b) for i, a in enumerate(joined) for b in joined[i + 1 :])
        else:
            found = tuple((other, p) for p in joined)
        if found:
            return Roles(found, "joined", notes)
    elif joined and other is not None and other not in joined:
        return Roles(tuple((p, other) for p in joined), "joined", notes)
    if head is not None:
        local = [
            m for m in before if m.role == "subject" and tokens_between_clause(tokens, m, first)
        ]
        if cue.frame in EVENTS and not passive and local and cue.direction != "symmetric":
            return Roles(pairs(local[-1], head, actors, tokens), "head", notes)
        main, how = head, "head"
    made = last + 1 < len(tokens) and tokens[last + 1].tag == "JKO"
    if cue.frame == "relational" and cue.direction == "symmetric" and made and main is not None:
        partner = nearest([m for m in before if m.first > main.last], {"with"})
        if partner is not None:
            return Roles(pairs(main, partner, actors, tokens), how, notes)
    if cue.frame == "relational":
        clause = last + 1 < len(tokens) and tokens[last + 1].tag == "VCP"
        holder = (
            genitive
            or (whose(tokens, actors, first, lexicon, topic, bound, head) if clause else None)
            or qualifier(tokens, before, first, replace(cue, agents=frozenset()))
        )
        return relational(tokens, actors, first, last, cue, holder, head, main, notes)
    if cue.direction == "symmetric" and passive:
        by = nearest([m for m in before if m is not main], {"from", "by"})
        if main is None or by is None:
            return Roles((), how, (*notes, "a passive with no 로부터/에 의해 side (견제를 받았다)"))
        return Roles(pairs(main, by, actors, tokens), how, notes)
    if cue.direction == "symmetric":
        return symmetric(tokens, actors, before, first, main, how, genitive, notes)
    forward = cue.direction == "forward" and not passive
    if forward and genitive is not None and main is not None and how == "subject" and not inner:
        return Roles(pairs(main, genitive, actors, tokens), "subject", notes)
    if genitive is not None:
        patient = inner or main
        agent = genitive
        if inner is None and (how not in {"subject", "head"} or aligns(tokens, last, lexicon)):
            patient = None
        if patient is None:
            return Roles((), "genitive", (*notes, f"{genitive.text}의 {cue.lemmas[0]}: no patient"))
        return Roles(pairs(agent, patient, actors, tokens), "genitive", notes)
    if main is None:
        return Roles((), how, (*notes, "no agent: no subject and nothing carried"))
    others = [m for m in before if m is not main and m not in topic]
    if passive:
        agent = nearest(others, {"from", "by", "of"}) or nearest(others, {"at"})
        if agent is None and remembered is not None:
            return Roles(pairs(remembered, main, actors, tokens), "remembered", notes)
        if agent is None:
            return Roles((), how, (*notes, "passive without a 로부터/에 의해/의 agent"))
        sources = [m for m in others if m.role in {"from", "by"} and m is not agent]
        found = pairs(agent, main, actors, tokens)
        for m in sources if agent.role != "of" else []:
            found += tuple(p for p in pairs(m, main, actors, tokens) if p not in found)
        return Roles(found, how, notes)
    kin = [m for m in others if m.role != "with" or not with_of(tokens, m, first)]
    patient = nearest([m if m in kin else replace(m, role="of") for m in others], PATIENTS)
    patient = patient or compound_patient(tokens, others, first)
    agents = {m.entity.id for m in conjuncts(main, actors, tokens)} | {main.entity.id}
    if patient is None and how in {"subject", "anaphor"} and bare_verb(tokens, main, last):
        patient = carried[0] if carried and carried[0].entity.id not in agents else None
        how = "topic" if patient is not None else how
    patient = patient or reason_subject(tokens, others, main, first)
    patient = patient or accessing(tokens, others, first, lexicon)
    if patient is None:
        return Roles((), how, (*notes, "no patient: no 을/를, 에 or 의 actor before the cue"))
    return Roles(pairs(main, patient, actors, tokens), how, notes)


def list_targets(
    tokens: tuple[Token, ...], actors: tuple[Mention, ...], last: int, lexicon: Lexicon
) -> list[Mention]:
    """The actors a list cue puts on its list when they follow it: 명단에 A, B 등을
    추가했다 / 명단에는 A와 B가 올랐다 — those between the cue and the listing verb."""
    verb = None
    for k in range(last + 1, len(tokens)):
        if tokens[k].tag in {"EF", "SF"}:
            return []
        if lexicon.markers.get(lemma_of(tokens[k])) == "listing":
            verb = k
            break
    if verb is None:
        return []
    inside = [
        m
        for m in actors
        if m.first > last
        and m.last < verb
        and (
            m.role in {"object", "subject", "and"}
            or (m.role == "other" and bare_before(tokens, m, verb))
        )
    ]
    return conjuncts(inside[-1], actors, tokens) if inside else []


def participants(
    tokens: tuple[Token, ...], actors: tuple[Mention, ...], last: int, lexicon: Lexicon
) -> list[Mention]:
    """Who joins the cue's event or role when they follow it: 투자 라운드에는 A, B 등이
    참여했다; 전략적 투자자로는 A와 B가 이름을 올렸다 — the subjects between the cue, with
    its 에/로 particle, and the joining verb."""
    k = last + 1
    while k < len(tokens) and k <= last + 2 and tokens[k].tag in {"NNG", "NNB"}:
        k += 1
    if k >= len(tokens) or tokens[k].form not in {"에", "에는", "로", "으로", "로는", "으로는"}:
        return []
    verb = None
    for j in range(k + 1, len(tokens)):
        if tokens[j].tag in {"EF", "SF"} or tokens[j].tag.startswith("EC"):
            return []
        if lexicon.markers.get(lemma_of(tokens[j])) in {"joining", "listing"}:
            verb = j
            break
    if verb is None:
        return []
    inside = [
        m
        for m in actors
        if k < m.first
        and m.last < verb
        and (m.role == "subject" or (m.role == "other" and bare_before(tokens, m, verb)))
    ]
    return conjuncts(inside[-1], actors, tokens) if inside else []


def bare_before(tokens: tuple[Token, ...], mention: Mention, verb: int) -> bool:
    """Whether a mention with no particle ends the list right before the verb (A·B 등
    추가, A 등 3곳을 추가, A 같은 기업도 올랐다), rather than qualifying a noun (중국 기업)."""
    k = particle_index(tokens, mention)
    return k == verb or (
        k < len(tokens) and (tokens[k].tag in {"SN", "NR"} or tokens[k].lemma == "같다")
    )


def qualifier(
    tokens: tuple[Token, ...], before: list[Mention], first: int, cue: Cue
) -> Mention | None:
    """A state or agency naming whose list it is without 의 (EU 대러 제재 목록에)."""
    for m in reversed(before):
        between = tokens[particle_index(tokens, m) : first]
        if m.role == "other" and all(t.tag in NOMINAL for t in between):
            return m if not cue.agents or m.entity.type in cue.agents else None
    return None


def reason_subject(
    tokens: tuple[Token, ...], others: list[Mention], main: Mention, first: int
) -> Mention | None:
    """The subject of a reason clause when the object is left out (BIS는 즈푸AI가 군을
    돕는다는 이유로 블랙리스트에 올렸다: 즈푸AI)."""
    for m in reversed(others):
        k = particle_index(tokens, m)
        if m.first > main.last and m.role == "subject" and tokens[k].tag == "JKS":
            rest = tokens[k + 1 : first]
            if any(t.form == "이유" for t in rest) and any(t.tag == "ETM" for t in rest):
                return m
    return None


def with_of(tokens: tuple[Token, ...], mention: Mention, first: int) -> bool:
    """Whether the mention is X와의 opening the cue's noun phrase (스케일AI와의 사업 관계를
    끊었다: X is what is cut)."""
    k = particle_index(tokens, mention)
    return (
        k + 1 < len(tokens)
        and tokens[k + 1].tag == "JKG"
        and first - (k + 2) <= 2
        and all(t.tag in NOMINAL for t in tokens[k + 2 : first])
    )


def bare_verb(tokens: tuple[Token, ...], main: Mention, last: int) -> bool:
    """Whether the cue is a verb with no object but an amount (A, B 등이 투자했다, 각각
    10억엔을 출자했다), so its patient is the one the text is about, not a thing it names
    (투자 계획을, 경로를 막겠다)."""
    verb = tokens[last].tag.startswith("VV") or (
        last + 1 < len(tokens) and tokens[last + 1].tag == "XSV"
    )
    span = range(main.last + 1, last)
    return verb and not any(tokens[k].tag == "JKO" and not amount(tokens, k - 1) for k in span)


def paid(tokens: tuple[Token, ...], first: int) -> bool:
    """Whether a sum of money is the object of the cue's clause (9000억 엔을 추가 지원)."""
    for k in range(first - 1, max(first - 6, 0) - 1, -1):
        if tokens[k].tag in {"EF", "SF", "EC", "ETM"}:
            return False
        if tokens[k].tag == "JKO":
            return k > 0 and amount(tokens, k - 1)
    return False


def amount(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether token k ends a sum of money or a count (10억엔, 200억 원(약 1억 달러), 3곳)."""
    if tokens[k].tag == "SSC":
        k = next((j - 1 for j in range(k - 1, max(k - 10, 0), -1) if tokens[j].tag == "SSO"), k)
    if tokens[k].tag in {"SN", "NR"}:
        return True
    return tokens[k].tag in {"NNB", "NNG"} and k > 0 and tokens[k - 1].tag in {"SN", "NR"}


def accessing(
    tokens: tuple[Token, ...], others: list[Mention], first: int, lexicon: Lexicon
) -> Mention | None:
    """The place users reach a service from, when the cue stops that use (중국에서 API에
    접근하는 것을 제한했다: the patient is 중국), marked by an access word between them."""
    place = nearest(others, {"at"})
    if place is None or place.entity.type != "Country":
        return None
    return (
        place
        if any(lexicon.markers.get(lemma_of(t)) == "access" for t in tokens[place.last + 1 : first])
        else None
    )


def compound_patient(
    tokens: tuple[Token, ...], others: list[Mention], first: int
) -> Mention | None:
    """An actor that is the first word of the cue's noun phrase (아이폰 사용 금지, 틱톡 금지);
    not a state, which may as well be the agent (미국 제재 = sanctions by or on the US)."""
    if not others or others[-1].entity.type in {"Country", "GovernmentBody"}:
        return None
    m = others[-1]
    between = tokens[m.last + 1 : first]
    if m.role == "other" and len(between) <= 1 and all(t.tag == "NNG" for t in between):
        return m
    return None


def relational(
    tokens: tuple[Token, ...],
    actors: tuple[Mention, ...],
    first: int,
    last: int,
    cue: Cue,
    holder: Mention | None,
    head: Mention | None,
    main: Mention | None,
    notes: tuple[str, ...],
) -> Roles:
    """B의 대주주인 A, A는 B의 경쟁사다, 경쟁사 A: the named side is the agent; the holder
    (whose 경쟁사) is the 의 phrase, else the clause's subject or the carried topic."""
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    if head is not None:
        other = head
    elif nxt is not None and (nxt.tag == "VCP" or nxt.form in {"로", "으로"}):
        other = main
    else:
        other = None
    if other is None:
        return Roles((), "relational", (*notes, f"{cue.lemmas[0]}: no named other side"))
    if holder is None or holder in conjuncts(other, actors, tokens):
        return Roles((), "relational", (*notes, f"{cue.lemmas[0]}: whose? no 의 phrase"))
    return Roles(pairs(other, holder, actors, tokens), "relational", notes)


def whose(
    tokens: tuple[Token, ...],
    actors: tuple[Mention, ...],
    first: int,
    lexicon: Lexicon,
    topic: tuple[Mention, ...],
    bound: int,
    head: Mention | None,
) -> Mention | None:
    """Whose partner or rival the head of a relative clause (경쟁사인 구글) is when no 의
    phrase says it (오픈AI가 앞선 가운데 경쟁사인 구글이 …): the subject before the cue,
    else the carried topic."""
    if head is None:
        return None
    subject, _, _ = subject_of(tokens, actors, first, lexicon, topic, bound)
    return subject if subject is not None and subject.entity.id != head.entity.id else None


def symmetric(
    tokens: tuple[Token, ...],
    actors: tuple[Mention, ...],
    before: list[Mention],
    first: int,
    main: Mention | None,
    how: str,
    genitive: Mention | None,
    notes: tuple[str, ...],
) -> Roles:
    """Partners: the 와/과 phrase nearest the cue with those listed with it, else the actors
    coordinated with the subject (A와 B는 협력), else the 의 or object phrase; A와 B의
    경쟁 pairs the two of the 의 phrase, as A, B, C의 합작법인 does whatever the subject; an
    actor bare before the cue is the other side
    (A와 B는 미국 동맹이다)."""
    owners = conjuncts(genitive, actors, tokens) if genitive is not None else []
    right_before = genitive is not None and particle_index(tokens, genitive) + 1 == first
    if len(owners) > 1 and (main is None or main in owners or how != "subject" or right_before):
        found = tuple((a, b) for i, a in enumerate(owners) for b in owners[i + 1 :])
        return Roles(found, "genitive", notes)
    later = [m for m in before if main is not None and m.first > main.last]
    with_ = nearest(later, {"with", "and"}) or nearest(
        [m for m in before if m is not main], {"with"}
    )
    if with_ is not None and with_.role == "and" and with_noun(tokens, with_, actors):
        with_ = None
    partners: list[Mention] = conjuncts(with_, actors, tokens) if with_ else []
    group = conjuncts(main, actors, tokens) if main is not None else []
    bare = before[-1] if before and before[-1].last + 1 == first else None
    if bare is not None and bare.role == "other" and bare not in group:
        partners = [bare]
    if main is not None and not partners:
        partners = group[1:]
        if partners:
            return Roles(tuple((main, p) for p in partners), how, notes)
    if not partners and genitive is not None:
        partners = [genitive]
    if not partners:
        obj = (
            nearest([m for m in before if m is not main], {"object"})
            or governed(tokens, before, first)
            or joined_clause(tokens, before, main, first)
        )
        partners = conjuncts(obj, actors, tokens) if obj else []
    if main is None and genitive is not None and with_ is not None:
        main = genitive
    if main is None or not partners:
        return Roles((), how, (*notes, "a symmetric cue needs two sides"))
    sides = group or [main]
    found = tuple((a, p) for a in sides for p in partners if p not in sides)
    return Roles(found, how, notes)


def with_noun(tokens: tuple[Token, ...], mention: Mention, actors: tuple[Mention, ...]) -> bool:
    """Whether the actor is listed with a common noun, so it only qualifies it (중국·외국
    기업과 협력: firms in and out of China, not China)."""
    k = mention.last + 1
    if k + 1 >= len(tokens) or tokens[k].tag not in {"SP", "SW"}:
        return False
    starts = {m.first for m in actors}
    return tokens[k + 1].tag == "NNG" and k + 1 not in starts


def joined_clause(
    tokens: tuple[Token, ...], before: list[Mention], main: Mention | None, first: int
) -> Mention | None:
    """The company a clause joined by 고 to the cue's names with 에 (A는 B에 투자하고
    파트너십을 체결했다: B is the partner), when the two clauses share the subject."""
    to = nearest([m for m in before if m is not main], {"to"})
    if main is None or to is None or to.entity.type in {"Country", "GovernmentBody"}:
        return None
    joints = [
        k for k in range(to.last + 1, first) if tokens[k].form == "고" and tokens[k].tag == "EC"
    ]
    return to if len(joints) == 1 and to.first > main.last else None


def governed(tokens: tuple[Token, ...], before: list[Mention], first: int) -> Mention | None:
    """The 에 phrase right before a cue that governs it (알리페이에 맞서, 중국에 대항해), not
    the place of a compound noun it qualifies (일본에 합작법인을 세운다)."""
    if not before or before[-1].role != "to":
        return None
    if first + 1 < len(tokens) and tokens[first + 1].tag == "NNG":
        return None
    return before[-1] if particle_index(tokens, before[-1]) + 1 == first else None


def pairs(
    agent: Mention, patient: Mention, actors: tuple[Mention, ...], tokens: tuple[Token, ...]
) -> tuple:
    """Every (agent, patient) pair once coordination is spread out (A와 B가 C, D에 투자)."""
    return tuple(
        (a, p) for a in conjuncts(agent, actors, tokens) for p in conjuncts(patient, actors, tokens)
    )


def subject_of(
    tokens: tuple[Token, ...],
    actors: tuple[Mention, ...],
    first: int,
    lexicon: Lexicon,
    topic: tuple[Mention, ...],
    bound: int = 0,
) -> tuple[Mention | None, str, str]:
    """The cue's subject, how it was found, and a note when it was not.

    Walking back from the cue: the first subject particle decides. An actor there is the
    subject; 이 회사는 / 양사는 stand for the carried topic; a common noun with 이/가
    (구매가 금지된) owns the clause, so no actor further back is its subject; and a
    sentence with its own common-noun topic (이번 지원은) does not take the carried one.
    An actor with 이/가 whose clause closed before the cue (…러시아가 지원했다는 이유로
    … 제재했다) is its subject only when no actor topic (은/는) stands further back, and
    of several such the outermost (A가 B가 인수한 C와의 관계를 끊었다: A). An actor before
    a noun for its offices (중국 정부 부처가, 미국 당국은) is the subject itself.
    """
    by_particle = {particle_index(tokens, m): m for m in actors}
    own = ""
    embedded = None
    for k in range(first - 1, bound - 1, -1):
        token = tokens[k]
        if token.tag in {"EF", "SF"}:
            break
        also = token.form in ALSO and k in by_particle
        if not (also or token.tag == "JKS" or (token.tag == "JX" and token.form in TOPICS)):
            continue
        if k in by_particle and by_particle[k].role == "subject":
            closed = any(t.tag == "ETM" for t in tokens[k + 1 : first])
            if token.tag == "JKS" and closed:
                embedded = by_particle[k]
                continue
            return by_particle[k], "subject", ""
        if embedded is not None:
            return embedded, "subject", ""
        if is_anaphor(tokens, k, lexicon) and topic:
            return topic[0], "anaphor", ""
        noun = k - 1
        while noun >= 0 and tokens[noun].tag == "XSN":
            noun -= 1
        if noun > 0 and tokens[noun].tag == "SSC" and tokens[noun].form in CLOSING_QUOTES:
            own = own or tokens[noun - 1].form
            continue
        if noun < 0 or not tokens[noun].tag.startswith("N"):
            continue
        body = next((m for m in actors if m.last + 1 == noun), None)
        if tokens[noun].form in BODIES and body is not None:
            return body, "subject", ""
        counted = counted_list(tokens, actors, noun)
        if counted is not None:
            return counted, "subject", ""
        if tokens[noun].tag == "NP":
            continue
        if token.tag == "JKS":
            return None, "subject", f"the subject is {tokens[noun].form}, not an actor"
        own = own or tokens[noun].form
    if embedded is not None:
        return embedded, "subject", ""
    if own:
        return None, "subject", f"the topic is {own}, not an actor"
    headline = headline_subject(tokens, actors, first)
    if headline is not None:
        return headline, "subject", ""
    if topic:
        return topic[0], "topic", ""
    return None, "subject", ""


def counted_list(
    tokens: tuple[Token, ...], actors: tuple[Mention, ...], noun: int
) -> Mention | None:
    """The last actor of a list that a counted or 등 noun phrase sums up (A, B 등 13개사가;
    북한 고위관리 2명도; A·B 등 제3국 기관도): its members are the subject."""
    counted = False
    k = noun
    while k >= 0 and noun - k < COUNTED_PHRASE and tokens[k].tag in COUNTED_TAGS:
        counted = counted or tokens[k].tag == "SN" or tokens[k].form == "등"
        k -= 1
    last = next((m for m in actors if m.last == k), None)
    return last if counted and last is not None and last.role in {"other", "and"} else None


def headline_subject(
    tokens: tuple[Token, ...], actors: tuple[Mention, ...], first: int
) -> Mention | None:
    """A headline's subject: an actor opening a sentence with no final ending, followed by a
    comma (엔비디아, 인텔에 투자)."""
    if any(t.tag == "EF" for t in tokens):
        return None
    opening = [m for m in actors if m.last < first and m.first <= 3]
    if not opening:
        return None
    m = opening[0]
    k = m.last + 1
    if (
        k < len(tokens)
        and tokens[k].form == ","
        and all(t.tag in {"SS", "SSO", "SSC", "SL", "NNG"} for t in tokens[: m.first])
    ):
        return m
    return None


def is_anaphor(tokens: tuple[Token, ...], particle: int, lexicon: Lexicon) -> bool:
    """이 회사는, 해당 업체는, 양사는: a noun standing for the last subject."""
    k = particle - 1
    while k >= 0 and tokens[k].tag == "XSN":
        k -= 1
    if k < 0 or lexicon.markers.get(tokens[k].form) != "anaphor":
        return False
    if k > 1 and tokens[k - 1].form == "들" and tokens[k - 2].tag == "NP":
        return True
    return k > 0 and tokens[k - 1].tag == "MM"


def tokens_between_clause(tokens: tuple[Token, ...], mention: Mention, first: int) -> bool:
    """Whether a 이/가 subject sits in the same clause as the cue (a relative clause's own
    subject: 엔비디아가 투자한 xAI), with no clause boundary in between."""
    k = particle_index(tokens, mention)
    if k >= len(tokens) or tokens[k].tag != "JKS":
        return False
    return not any(
        t.tag in {"EF", "SF", "ETM"} or t.tag.startswith("EC") for t in tokens[k + 1 : first]
    )


def attached(
    tokens: tuple[Token, ...], before: list[Mention], first: int
) -> tuple[Mention | None, Mention | None]:
    """The 의 phrase of the cue's own noun phrase, and an actor between it and the cue.

    메타의 스케일AI 투자 → (메타, 스케일AI); 미국의 제재 → (미국, None); 중국 개발자들의
    접속을 차단 has no such phrase (접속을 ends the noun phrase first).
    """
    inner = None
    for m in reversed(before):
        k = particle_index(tokens, m)
        if not all(t.tag in NOMINAL for t in tokens[k + 1 : first]):
            return None, None
        if m.role == "of":
            return m, inner
        if m.role != "other" or inner is not None:
            return None, None
        inner = m
    return None, None


def nearest(mentions: list[Mention], roles: set[str]) -> Mention | None:
    """The last mention (closest before the cue) in one of the roles."""
    return next((m for m in reversed(mentions) if m.role in roles), None)


def conjuncts(
    mention: Mention, actors: Iterable[Mention], tokens: tuple[Token, ...]
) -> list[Mention]:
    """The mention and those listed with it just before (A와 B, C가 …; ▲A(5억원) ▲B 등):
    actors marked 와/과 or by a comma, with nothing but descriptors (통신장비 업체 C, 중국
    국영 반도체 회사 D: the country qualifies the descriptor), parenthesised asides and
    bullets between them."""
    actors = tuple(actors)
    group = [mention]
    if mention not in actors:
        return group
    position = actors.index(mention)
    for m in reversed(actors[:position]):
        gap = tokens[m.last + 1 : group[-1].first]
        if m.role == "other" and m.entity.type == "Country" and listed(gap):
            continue
        if m.role not in {"and", "with"} or not listed(gap):
            break
        if m.role == "with" and len(gap) > 2:
            break
        group.append(m)
    return group


def listed(gap: tuple[Token, ...]) -> bool:
    """Whether the tokens between two actors only separate items of a list."""
    if len(gap) > LIST_GAP:
        return False
    return all(
        t.tag in NOMINAL | {"SSO", "SSC", "SW", "SO", "JC"}
        or (t.tag == "JKB" and t.form in {"와", "과", "하고", "랑", "이랑"})
        for t in gap
    )


def head_object(tokens: tuple[Token, ...], k: int, lexicon: Lexicon) -> bool:
    """Whether tokens from k are one or two common nouns taking 을/를 (딥시크 접속을 막았다:
    the actor is the patient through the noun it qualifies), none of them a cue (미국 제재를
    우회한: the sanctions are the US's)."""
    cues = {c.lemmas[0] for c in lexicon.cues if len(c.lemmas) == 1}
    for j in range(k, min(k + 3, len(tokens))):
        if tokens[j].tag == "JKO":
            return j > k
        if tokens[j].tag != "NNG" or tokens[j].form in cues:
            return False
    return False


def settle_roles(
    tokens: tuple[Token, ...], actors: tuple[Mention, ...], lexicon: Lexicon
) -> tuple[Mention, ...]:
    """Roles a parenthesised aside or a bullet hides: in ▲A(5억원) ▲B(3억원) 등으로부터, A is
    listed with B and B takes the particle after its parenthesis; A 역시 is a subject; A 접속을
    makes A the patient; A, B 등 선두업체들을 gives the list the noun phrase's particle."""
    settled = []
    for m in actors:
        k = m.last + 1
        if m.role != "other" and k < len(tokens) and tokens[k].tag == "SSO":
            close = next(
                (j for j in range(k + 1, min(k + 10, len(tokens))) if tokens[j].tag == "SSC"),
                None,
            )
            if close is not None and role_after(tokens, close) == m.role:
                m = replace(m, last=close)
        elif m.role == "other" and k < len(tokens) and tokens[k].tag == "SSO":
            close = next(
                (j for j in range(k + 1, min(k + 10, len(tokens))) if tokens[j].tag == "SSC"),
                None,
            )
            if close is not None:
                role = role_after(tokens, close)
                if role == "other" and close + 1 < len(tokens) and tokens[close + 1].tag == "SW":
                    role = "and"
                m = replace(m, role=role, last=close)
        elif m.role == "other" and k < len(tokens) and tokens[k].tag == "SW":
            m = replace(m, role="and")
        elif m.role == "other" and k < len(tokens) and tokens[k].form in ALSO:
            m = replace(m, role="subject")
        elif m.role == "other" and head_object(tokens, k, lexicon):
            m = replace(m, role="object")
        elif m.role == "other" and (end := summed(tokens, k)) is not None:
            m = replace(m, role=role_after(tokens, end))
        end = including(tokens, particle_index(tokens, m))
        if m.role == "object" and end is not None:
            m = replace(m, role="and", last=end)
        settled.append(m)
    return tuple(settled)


def including(tokens: tuple[Token, ...], particle: int) -> int | None:
    """The last token of 을 비롯해 / 를 비롯한 after an actor, which lists it with the noun
    phrase that follows (A를 비롯해 중국 기업 31곳을 …), or None."""
    if particle + 2 >= len(tokens) or tokens[particle].tag != "JKO":
        return None
    verb, ending = tokens[particle + 1], tokens[particle + 2]
    if verb.lemma == "비롯하다" and ending.tag in {"EC", "ETM"}:
        return particle + 2
    return None


def aligns(tokens: tuple[Token, ...], last: int, lexicon: Lexicon) -> bool:
    """Whether the cue's noun phrase is what the subject falls in with (미국의 수출통제 조치에
    맞춰, 제재에 동참해): the subject joins the measure, it is not its target."""
    k = last + 1
    while k < len(tokens) and k <= last + 2 and tokens[k].tag == "NNG":
        k += 1
    return (
        k + 1 < len(tokens)
        and tokens[k].form == "에"
        and lexicon.markers.get(lemma_of(tokens[k + 1])) == "aligning"
    )


def summed(tokens: tuple[Token, ...], k: int) -> int | None:
    """The last token of a noun phrase after 등 or a count that sums up a list ending at
    token k - 1 (A와 B 등 글로벌 선두업체들을, A와 B 기업 13곳을: the list takes its particle),
    or None."""
    if k >= len(tokens) or (tokens[k].form != "등" and tokens[k].tag != "SN"):
        return None
    j = k + 1
    while j < len(tokens) and j - k <= COUNTED_PHRASE and tokens[j].tag in COUNTED_TAGS | {"SL"}:
        j += 1
    return j - 1 if k + 1 < j < len(tokens) and tokens[j].tag.startswith("J") else None


def modified_head(
    tokens: tuple[Token, ...], actors: tuple[Mention, ...], last: int
) -> Mention | None:
    """The actor a relative clause or apposition ending in the cue describes.

    제재를 받은 화웨이, 대주주인 마이크로소프트, 경쟁자로 평가받는 미 AI 스타트업 앤스로픽,
    유럽 경쟁사 미스트랄: the last actor of the noun phrase after the cue. Clauses may be
    stacked (제재를 받은 기술 독립을 선언한 화웨이): when the first noun phrase names no
    actor, the next clause's is tried. A clause that ends in a connective noun (협력하는
    한편, 투자한 반면) describes no one.
    """
    if last + 1 < len(tokens) and tokens[last + 1].tag in {"NNP", "SL"}:
        start = last + 1
    else:
        start = clause_end(tokens, last)
    inside: list[Mention] = []
    for _ in range(STACKED_CLAUSES):
        if start is None or start >= len(tokens) or tokens[start].form in CONNECTIVES:
            return None
        end = start
        while end < len(tokens) and tokens[end].tag in NOMINAL:
            if tokens[end].form == "," and not any(m.first == start for m in actors):
                break
            end += 1
        inside = [m for m in actors if start <= m.first < end]
        if inside:
            break
        start = clause_end(tokens, end - 1)
    if not inside:
        return None
    head = inside[-1]
    for m in actors:
        if m.first > head.last and head.role == "and" and listed(tokens[head.last + 1 : m.first]):
            head = m
    return head


def clause_end(tokens: tuple[Token, ...], last: int) -> int | None:
    """The token after the adnominal ending (ETM) that closes the clause running on from
    token `last`, or None when the clause ends some other way first."""
    for k in range(last + 1, min(last + 8, len(tokens))):
        tag = tokens[k].tag
        if tag in {"EF", "SF", "JKS", "JX"}:
            return None
        if tag.startswith("EC") and not (
            k + 1 < len(tokens) and tokens[k + 1].tag.startswith("VX")
        ):
            return None
        if tag == "ETM":
            return k + 1
    return None


def is_passive(tokens: tuple[Token, ...], last: int, lexicon: Lexicon) -> bool:
    """Whether a passive marker follows the cue within its clause."""
    for k in range(last + 1, min(last + 9, len(tokens))):
        token = tokens[k]
        if lexicon.markers.get(lemma_of(token)) == "passive" or token.form in PASSIVE_SUFFIXES:
            return True
        if token.tag in {"EF", "SF", "ETM"} or token.tag.startswith("EC"):
            return False
    return False


def modality_after(tokens: tuple[Token, ...], last: int, lexicon: Lexicon) -> str:
    """planned, hedged or negated by the markers that follow the cue; else asserted.

    The scan stays in the cue's clause: a connective ending ends it unless an auxiliary
    verb follows (하지 않다, 할 수 있다). Once the cue's noun phrase has become the
    argument of another verb (차단 조치의 배경은 밝혀지지 않았다), a negating verb there
    negates that verb, not the cue; negating nouns (철회, 무산) still count.
    """
    found = "asserted"
    argument = False
    for k in range(last + 1, min(last + 14, len(tokens))):
        token = tokens[k]
        kind = lexicon.markers.get(lemma_of(token))
        if token.tag in {"JKS", "JX", "JKG"}:
            argument = True
        if kind == "negated" and argument and token.tag.startswith(("VX", "VA", "VV")):
            kind = None
        if kind == "negated" or token.form == "중단":
            return "negated"
        if token.tag == "ETN" and k + 1 < len(tokens) and tokens[k + 1].form == "로":
            kind = "planned"
        if kind in {"planned", "hedged"} and found == "asserted":
            found = kind
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if token.tag in {"EF", "SF"} or ends_relative_clause(tokens, k, lexicon):
            break
        if token.tag.startswith("EC") and not (nxt is not None and nxt.tag.startswith("VX")):
            break
    return found


def titled_time(sentence: Sentence, time: Timex, cue: Token) -> bool:
    """Whether the time lies in a title (‘…’, 「…」, 《…》) that closes before the cue."""
    start, end = time.start - sentence.start, time.end - sentence.start
    opening = max(sentence.text.rfind(mark, 0, start + 1) for mark in TITLE_MARKS)
    if opening < 0 or any(c in sentence.text[opening:start] for c in TITLE_MARKS.values()):
        return False
    closing = sentence.text.find(TITLE_MARKS[sentence.text[opening]], end)
    return 0 <= closing < cue.start - sentence.start


def time_for(
    sentence: Sentence,
    times: tuple[Timex, ...],
    cue: Token,
    quote: tuple[int, int] | None,
) -> Timex | None:
    """The time expression that governs the cue's clause: the closest one before it, else
    the first after it. A date that only says when a third party reported (…에 따르면,
    보도했다) is skipped, and so is one inside a title the cue is not in (‘2033년 전망’
    보고서)."""
    usable = [
        t
        for t in times
        if t.value is not None
        and not any(
            word in sentence.text[t.end - sentence.start : t.end - sentence.start + 16]
            for word in REPORTING
        )
        and not titled_time(sentence, t, cue)
    ]
    before = [t for t in usable if t.end <= cue.start]
    if quote is not None:
        inside = [t for t in before if quote[0] <= t.start < quote[1]]
        before = inside or before
    if before:
        return before[-1]
    return usable[0] if usable else None
