"""Mentions: the actors a sentence names, linked to entities, with their grammatical role.

Korean marks a noun's role with the particle after it, so each mention takes its role from
the first particle that follows it (skipping 측, 등, 들 and titles such as 대표):

    subject   이/가, 은/는/도 (JKS, JX)         object  을/를 (JKO)
    with      와/과/하고/랑 (JKB comitative)     and     와/과, commas (JC, coordination)
    from      로부터/에게서                       to      에/에게/에 대한
    by        에 의해                             of      의 (JKG)
    at        에서                                other   anything else
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.analysis import Sentence, Token
from kg.gazetteer import Entity, Gazetteer, name_key

NOUN_TAGS = {"NNP", "NNG", "SL", "SN", "SH"}
SKIP_AFTER = {"측", "등", "들", "쪽", "사", "정부", "당국"}
TITLES = {"대표", "회장", "CEO", "사장", "최고경영자", "의장", "창업자", "부회장", "총리", "대통령"}
GROUP_NOUNS = {"개발자", "기업", "업체", "기업들", "업계", "사용자", "이용자", "반도체", "회사"}
COMMON_LATIN = {
    "AI",
    "API",
    "CEO",
    "CTO",
    "GPU",
    "CPU",
    "NPU",
    "LLM",
    "IT",
    "OS",
    "VPN",
    "PC",
    "SW",
    "HW",
    "MOU",
    "IPO",
    "M&A",
    "R&D",
    "SNS",
    "AGI",
    "GPT",
    "TV",
    "EV",
    "UI",
    "AP",
    "HBM",
    "DRAM",
    "PR",
    "CFO",
    "COO",
    "VC",
    "NAND",
    "ETF",
    "GDP",
    "PER",
    "LNG",
    "B2B",
    "B2C",
    "Q",
}
GOVERNMENT_SUFFIXES = ("부", "청", "처", "위원회", "국", "원")
COMPANY_SUFFIXES = ("전자", "그룹", "은행", "증권", "테크", "텔레콤", "반도체", "자동차", "홀딩스")


@dataclass(frozen=True)
class Mention:
    """An entity named in a sentence: where, as what, and in which role."""

    entity: Entity
    text: str
    start: int
    end: int
    role: str
    first: int
    last: int
    group: str = ""


def find_mentions(sentence: Sentence, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Every actor mention in the sentence, in order, each with its role."""
    tokens = sentence.tokens
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = match_entity(tokens, i, gazetteer)
        if found is None:
            i += 1
            continue
        entity, last = found
        group = ""
        if entity.type == "Country" and last + 1 < len(tokens):
            nxt = tokens[last + 1]
            if nxt.tag == "NNG" and nxt.form in GROUP_NOUNS:
                last += 1
                group = nxt.form
        start, end = tokens[i].start, tokens[last].end
        text = sentence.text[start - sentence.start : end - sentence.start]
        mentions.append(
            Mention(
                entity=entity,
                text=text,
                start=start,
                end=end,
                role=role_after(tokens, last),
                first=i,
                last=last,
                group=group,
            )
        )
        i = last + 1
    return tuple(mentions)


def match_entity(
    tokens: tuple[Token, ...], i: int, gazetteer: Gazetteer
) -> tuple[Entity, int] | None:
    """The entity starting at token i and the index of its last token, if any."""
    token = tokens[i]
    if token.entity:
        return gazetteer.entities[token.entity], i
    if token.form == "미" and token.tag in {"NNP", "NNG", "MM", "XPN"} and i + 1 < len(tokens):
        nxt = tokens[i + 1]
        if nxt.start > token.end and nxt.tag in NOUN_TAGS:
            return gazetteer.entities["us"], i
    if token.tag not in {"NNP", "SL"} or is_common(token):
        return None
    last = i
    while last + 1 < len(tokens) and tokens[last + 1].tag in {"NNP", "SL", "SN"}:
        if tokens[last + 1].entity or tokens[last + 1].start > tokens[last].end + 1:
            break
        last += 1
    name = "".join(
        t.form if k == i or t.start == tokens[k - 1].end else " " + t.form
        for k, t in enumerate(tokens[i : last + 1], start=i)
    )
    known = gazetteer.lookup(name)
    if known:
        return known, last
    if not looks_like_name(name):
        return None
    return new_entity(name, tokens, last), last


def is_common(token: Token) -> bool:
    """Latin abbreviations and similar tokens that name no actor."""
    return token.tag == "SL" and (token.form.upper() in COMMON_LATIN or len(token.form) < 2)


def looks_like_name(name: str) -> bool:
    """Whether an unknown proper-noun sequence can be an actor's name."""
    key = name_key(name)
    return len(key) >= 2 and not key.isdigit() and name.upper() not in COMMON_LATIN


def new_entity(name: str, tokens: tuple[Token, ...], last: int) -> Entity:
    """An entity for a name the gazetteer does not know, typed from its form and context."""
    after = tokens[last + 1].form if last + 1 < len(tokens) else ""
    if after in TITLES:
        kind = "Person"
    elif name.endswith(GOVERNMENT_SUFFIXES) and re.search(r"[가-힣]$", name):
        kind = "GovernmentBody"
    elif name.endswith(COMPANY_SUFFIXES) or after in {"사", "社"}:
        kind = "Company"
    else:
        kind = "Organization"
    return Entity(id=slug(name), type=kind, ko=name)


def slug(name: str) -> str:
    """A stable IRI-safe id for a new entity's name."""
    return "x-" + name_key(name)


def role_after(tokens: tuple[Token, ...], last: int) -> str:
    """The role the particles after a mention give it."""
    k = last + 1
    while k < len(tokens) and (
        tokens[k].form in SKIP_AFTER or tokens[k].form in TITLES or tokens[k].tag == "XSN"
    ):
        k += 1
    if k >= len(tokens):
        return "other"
    token = tokens[k]
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    if token.tag == "JKS" or (token.tag == "JX" and token.form in {"은", "는", "도"}):
        return "subject"
    if token.tag == "JKO":
        return "object"
    if token.tag == "JKG":
        return "of"
    if token.tag == "JC" or token.form == "," or token.tag == "SP":
        return "and"
    if token.tag == "JKB":
        form = token.form
        if form in {"와", "과", "하고", "랑", "이랑"}:
            return "with"
        if form in {"로부터", "으로부터", "에게서", "한테서"}:
            return "from"
        if form == "에서":
            return "at"
        if form in {"에", "에게", "한테", "께"}:
            if nxt is not None and nxt.lemma == "의하다":
                return "by"
            return "to"
        if form in {"로", "으로"}:
            return "as"
    return "other"
