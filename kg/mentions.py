"""Mentions: the actors a sentence names, linked to entities, with their grammatical role.

A name is the longest run of noun tokens the gazetteer knows (미국 상무부 산업안보국 before
상무부), a one-syllable country short form in its contexts (미·중, 미 상무부), or an unknown
proper noun with enough evidence to be an actor: a head word (…그룹, …은행, …부), a
descriptor before it (스타트업 노바랩스), a title after it (김철수 대표 → a person), or a
parenthesised alias. The words these rules need are data: ontology/entity_words.tsv.

Korean marks a noun's role with the particle after it, so each mention takes its role from
the first particle that follows it (skipping 측, 등, 들, group nouns and titles such as 대표):

    subject   이/가, 은/는/도 (JKS, JX)         object  을/를 (JKO)
    with      와/과/하고/랑 (JKB comitative)     and     와/과, commas (JC, coordination)
    from      로부터/에게서                       to      에/에게/에 대한
    by        에 의해                             of      의 (JKG)
    at        에서                                other   anything else

`resolve_mentions` links later short mentions within one article (상무부 after 중국 상무부,
이 회사) and `entities_in` lists the mentions of a text for `kg entities`.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Reversible, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from kiwipiepy import Kiwi

from kg.analysis import Sentence, Token, analyse
from kg.gazetteer import Entity, Gazetteer, kiwi_people, name_key
from kg.vocab import ontology_file

NAME_TAGS = {"NNP", "NNG", "SL", "SN", "SH"}
PROPER_TAGS = {"NNP", "SL", "SH"}
MATCHED_TAGS = {"NNP", "NNG", "SL", "SH"}
RUN_TAGS = {"NNP", "SL"}
BREAK_TAGS = {"SF", "SP", "SSO", "SSC", "SE", "SW"}
HANGUL_NAME = re.compile(r"[가-힣]{2,}")
QUOTES = {"'", '"', "‘", "“", "「", "『", "《", "〈"}
CLOSING_QUOTES = {"'", '"', "’", "”", "」", "』", "》", "〉"}
PARTICLE_ROLES = {
    "": "other",
    **dict.fromkeys(["이", "가", "은", "는", "도", "측은", "측이"], "subject"),
    **dict.fromkeys(["을", "를"], "object"),
    "의": "of",
    **dict.fromkeys(["와", "과", "하고", "랑"], "with"),
    **dict.fromkeys(["로부터", "으로부터", "에게서"], "from"),
    "에서": "at",
    **dict.fromkeys(["에", "에게", "에는", "에도", "에게는"], "to"),
    **dict.fromkeys(["로", "으로"], "as"),
}
FUNCTION_WORDS = {"of", "for", "the", "and", "to", "in", "on", "with"}
PERSON_NAME = re.compile(r"[가-힣]{2,4}|[가-힣]+( [가-힣]+)+")


@dataclass(frozen=True)
class Words:
    """The word lists of ontology/entity_words.tsv, by kind."""

    common: frozenset[str]
    titles: frozenset[str]
    unit_titles: tuple[str, ...]
    heads: dict[str, str]
    descriptors: dict[str, str]
    groups: frozenset[str]
    bodies: frozenset[str]
    suffixes: frozenset[str]
    short: dict[str, str]
    places: frozenset[str]
    place_suffixes: tuple[str, ...]
    endings: dict[str, str]
    anaphors: dict[str, str]
    things: tuple[str, ...]


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
    alias: str = ""


@cache
def load_words() -> Words:
    """The mention rules' word lists, read once."""
    kinds: dict[str, dict[str, str]] = {}
    with open(ontology_file("entity_words.tsv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t"):
            if row and not row[0].startswith("#"):
                kinds.setdefault(row[1], {})[row[0]] = row[2] if len(row) > 2 else ""
    return Words(
        common=frozenset(w.upper() for w in kinds["common"]),
        titles=frozenset(kinds["title"]),
        unit_titles=tuple(t for t in kinds["title"] if len(t) >= 2 and HANGUL_NAME.fullmatch(t)),
        heads=kinds["head"],
        descriptors=kinds["descriptor"],
        groups=frozenset(kinds["group"]),
        bodies=frozenset(kinds["body"]),
        suffixes=frozenset(kinds["suffix"]),
        short=kinds["short"],
        places=frozenset(kinds["place"]),
        place_suffixes=tuple(kinds["place_suffix"]),
        endings=kinds["ending"],
        anaphors=kinds["anaphor"],
        things=tuple(kinds["thing"]),
    )


def find_mentions(sentence: Sentence, gazetteer: Gazetteer) -> tuple[Mention, ...]:
    """Every actor and product mention in the sentence, in order, each with its role."""
    words = load_words()
    tokens = sentence.tokens
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if (
            token.tag not in MATCHED_TAGS
            and not token.entity
            and token.form not in words.short
            and "·" not in token.form
        ):
            i += 1  # no matcher below takes a token like this one
            continue
        parts = split_short_forms(sentence, i, gazetteer, words)
        if parts:
            mentions.extend(parts)
            i += 1
            continue
        found = match_known(sentence, i, gazetteer) or match_short(sentence, i, gazetteer, words)
        found = found or match_unknown(sentence, i, gazetteer, words)
        found = found or match_compound(sentence, i, gazetteer, words)
        if found is None:
            i += 1
            continue
        entity, last = found
        mention, i = complete(sentence, i, last, entity, gazetteer, words)
        mentions.append(mention)
    mentions = coordinated(sentence, mentions, gazetteer, words)
    return tuple(person_titles(mentions, tokens, words))


def coordinated(
    sentence: Sentence, mentions: list[Mention], gazetteer: Gazetteer, words: Words
) -> list[Mention]:
    """Unknown proper nouns listed with a company (A, B와 엔비디아 등) as companies too.

    A name joined by 와/과, 및, a comma or a middle dot to a company or organisation mention
    takes its type; the list is followed link by link, so A gets it through B.
    """
    tokens = sentence.tokens
    out = sorted(mentions, key=lambda m: m.first)
    starts = [i for i, token in enumerate(tokens) if token.tag in RUN_TAGS]
    grown = True
    while grown:
        grown = False
        covered = {k for m in out for k in range(m.first, m.last + 1)}
        for i in starts:
            run = name_run(sentence, i, covered, words)
            if run is None:
                continue
            last, name = run
            kind = listed_with(tokens, i, last, out)
            if not kind:
                continue
            entity = Entity(id=slug(name), type=kind, ko=name)
            mention, _ = complete(sentence, i, last, entity, gazetteer, words)
            out = sorted([*out, mention], key=lambda m: m.first)
            grown = True
            break
    return out


def name_run(sentence: Sentence, i: int, covered: set[int], words: Words) -> tuple[int, str] | None:
    """A whole word of proper-noun tokens starting at token i that no mention covers."""
    tokens = sentence.tokens
    if i in covered or tokens[i].tag not in RUN_TAGS or is_common(tokens[i].form, words):
        return None
    if i and tokens[i - 1].end == tokens[i].start and tokens[i - 1].tag not in BREAK_TAGS:
        return None
    last = i
    while (
        adjacent(tokens, last, gap=1)
        and last + 1 not in covered
        and tokens[last + 1].tag in {"NNP", "SL", "SN"}
        and not is_common(tokens[last + 1].form, words)
    ):
        last += 1
    name = span_text(sentence, i, last)
    if not is_name_like(name, words) or is_place(name, words) or glued_noun_after(tokens, last):
        return None
    return last, name


def listed_with(tokens: tuple[Token, ...], first: int, last: int, mentions: list[Mention]) -> str:
    """The type of a company or organisation mention coordinated with tokens first..last."""
    kinds = {"Company", "Organization"}
    for m in mentions:
        if m.entity.type not in kinds:
            continue
        if m.first in {last + 2, last + 3} and all(
            is_coordinator(t) for t in tokens[last + 1 : m.first]
        ):
            return m.entity.type
        if m.last in {first - 2, first - 3} and all(
            is_coordinator(t) for t in tokens[m.last + 1 : first]
        ):
            return m.entity.type
    return ""


def is_coordinator(token: Token) -> bool:
    """와/과, 및, a comma or a middle dot between the items of a list."""
    return token.tag == "JC" or token.form in {",", "·", "및", "、"}


def complete(
    sentence: Sentence, i: int, last: int, entity: Entity, gazetteer: Gazetteer, words: Words
) -> tuple[Mention, int]:
    """The mention of `entity` at tokens i..last with its body/group noun, alias and role."""
    tokens = sentence.tokens
    group = ""
    if entity.type == "Country" and adjacent(tokens, last, gap=1):
        nxt = tokens[last + 1]
        if nxt.form in words.bodies:
            last += 1
        elif nxt.form in words.groups:
            last += 1
            group = nxt.form
    alias = ""
    resume = last + 1
    inner = parenthesis(tokens, last)
    if inner is not None:
        a, b = inner
        text = span_text(sentence, a, b)
        known = gazetteer.lookup(text)
        if known is None and entity.id.startswith("x-") and is_name_like(text, words):
            alias = text
            entity = replace(entity, en=text if text.isascii() else "", aliases=(text,))
            resume = b + 2
        elif known is not None and (known.id == entity.id or entity.id.startswith("x-")):
            alias = text if known.id == entity.id else span_text(sentence, i, last)
            entity = known
            resume = b + 2
        elif known is None and is_name_like(text, words):
            alias = text
            resume = b + 2
    start, end = tokens[i].start, tokens[last].end
    if tokens[last].tag == "SL" and tokens[last].form.endswith("."):
        end -= 1
    mention = Mention(
        entity=entity,
        text=sentence.text[start - sentence.start : end - sentence.start],
        start=start,
        end=end,
        role=role_after(tokens, resume - 1),
        first=i,
        last=last,
        group=group,
        alias=alias,
    )
    return mention, resume


def adjacent(tokens: tuple[Token, ...], k: int, *, gap: int = 0) -> bool:
    """Whether token k+1 exists and starts at most `gap` characters after token k."""
    return k + 1 < len(tokens) and tokens[k + 1].start - tokens[k].end <= gap


def span_text(sentence: Sentence, a: int, b: int) -> str:
    """The sentence text from token a to token b inclusive."""
    tokens = sentence.tokens
    return sentence.text[tokens[a].start - sentence.start : tokens[b].end - sentence.start]


def match_known(sentence: Sentence, i: int, gazetteer: Gazetteer) -> tuple[Entity, int] | None:
    """The longest gazetteer name starting at token i, and its last token."""
    tokens = sentence.tokens
    if tokens[i].tag not in PROPER_TAGS and not tokens[i].entity:
        return None
    if glued_to_noun(tokens, i):
        return None
    best = None
    if tokens[i].entity:
        best = gazetteer.entities[tokens[i].entity], i
    if best is not None and best[0].type == "GovernmentBody" and glued_title(tokens, i):
        return None
    j = i
    while j - i < 6:
        if j > i and (tokens[j].tag not in NAME_TAGS and not tokens[j].entity):
            break
        known = gazetteer.lookup(span_text(sentence, i, j))
        if known is not None:
            best = known, j
        if not adjacent(tokens, j, gap=1):
            break
        j += 1
    return best


def glued_title(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether token k is glued to a following 장, as in 외교부장 (a minister, not the body)."""
    return adjacent(tokens, k) and tokens[k + 1].form == "장"


def glued_noun_after(tokens: tuple[Token, ...], k: int) -> bool:
    """Whether token k runs on, without a space, into another noun (전자+공학과)."""
    return adjacent(tokens, k) and tokens[k + 1].tag in {"NNG", "NNP"}


def glued_to_noun(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether token i continues a noun written without a space (디지털+산업부)."""
    return (
        i > 0
        and tokens[i - 1].end == tokens[i].start
        and tokens[i - 1].tag in {"NNG", "NNP"}
        and not tokens[i - 1].entity
    )


def match_compound(
    sentence: Sentence, i: int, gazetteer: Gazetteer, words: Words
) -> tuple[Entity, int] | None:
    """A noun word the gazetteer lacks: a prefix glued to a known name (디지털산업부), or
    a Korean name introduced with a Latin one in parentheses (미래로봇(Mirae Robotics))."""
    tokens = sentence.tokens
    if tokens[i].tag not in {"NNG", "NNP"} or glued_to_noun(tokens, i):
        return None
    last = i
    while adjacent(tokens, last) and tokens[last + 1].tag in {"NNG", "NNP"}:
        last += 1
    known = gazetteer.lookup(tokens[last].form) if last > i else None
    if known is not None and known.type in {"Country", "Product", "Person"}:
        known = None
    inner = parenthesis(tokens, last)
    if known is None and inner is None:
        return None  # neither a known name at the end nor an alias after it
    name = span_text(sentence, i, last)
    if (
        is_common(tokens[i].form, words)
        or not HANGUL_NAME.fullmatch(name)
        or not is_name_like(name, words)
    ):
        return None
    if known is not None:
        return Entity(id=slug(name), type=known.type, ko=name), last
    alias = span_text(sentence, *inner)
    if (
        latin_name(alias, words)
        and not alias.isupper()
        and not quoted(tokens, i)
        and not is_place(name, words)
    ):
        return Entity(id=slug(name), type="Organization", ko=name), last
    return None


def latin_name(text: str, words: Words) -> bool:
    """Whether a parenthesised text is a capitalised Latin name (Mirae Robotics)."""
    return text.isascii() and text[:1].isupper() and is_name_like(text, words)


def quoted(tokens: tuple[Token, ...], i: int) -> bool:
    """Whether token i opens a quotation ('코멧', “노바”): quoted names are titles and products."""
    return i > 0 and tokens[i - 1].form in QUOTES and tokens[i - 1].end == tokens[i].start


def match_short(
    sentence: Sentence, i: int, gazetteer: Gazetteer, words: Words
) -> tuple[Entity, int] | None:
    """미 or 중 standing for a country before a noun (미 상무부, 미 AI 스타트업, 中 정부)."""
    tokens = sentence.tokens
    token = tokens[i]
    entity_id = words.short.get(token.form)
    if entity_id not in {"us", "china"} or not adjacent(tokens, i, gap=1):
        return None
    nxt = tokens[i + 1]
    if nxt.start == token.end and not token.form.isascii() and token.tag != "SH":
        return None
    if nxt.tag not in NAME_TAGS and not nxt.entity:
        return None
    prev = tokens[i - 1] if i else None
    if token.form == "중" and prev is not None and (prev.tag[:1] in {"N", "M", "V", "X"}):
        return None
    return gazetteer.entities[entity_id], i


def split_short_forms(
    sentence: Sentence, i: int, gazetteer: Gazetteer, words: Words
) -> list[Mention]:
    """Countries joined by a middle dot (미·중, 한·미·일), one mention each."""
    tokens = sentence.tokens
    token = tokens[i]
    if token.form in words.short and (
        (adjacent(tokens, i) and tokens[i + 1].form == "·")
        or (i and tokens[i - 1].form == "·" and tokens[i - 1].start == token.start - 1)
    ):
        parts = [(token.form, token.start)]
    elif "·" in token.form and all(p in words.short for p in token.form.split("·")):
        parts, offset = [], token.start
        for part in token.form.split("·"):
            parts.append((part, offset))
            offset += len(part) + 1
    else:
        return []
    if not all(p in words.short for p, _ in parts):
        return []
    k = i
    while k + 2 < len(tokens) and tokens[k + 1].form == "·" and tokens[k + 2].form in words.short:
        k += 2
    role = role_after(tokens, k)
    return [
        Mention(
            entity=gazetteer.entities[words.short[form]],
            text=form,
            start=start,
            end=start + len(form),
            role=role,
            first=i,
            last=i,
        )
        for form, start in parts
    ]


def match_unknown(
    sentence: Sentence, i: int, gazetteer: Gazetteer, words: Words
) -> tuple[Entity, int] | None:
    """A proper noun the gazetteer lacks, when the context shows it names an actor."""
    tokens = sentence.tokens
    if tokens[i].tag not in {"NNP", "SL"} or is_common(tokens[i].form, words):
        return None
    last = i
    while adjacent(tokens, last, gap=1):
        nxt = tokens[last + 1]
        if nxt.entity or nxt.tag not in {"NNP", "SL", "SN"} or is_common(nxt.form, words):
            break
        last += 1
    kind = ""
    if (
        last > i
        and tokens[i].end < tokens[i + 1].start
        and titled(tokens, last, words)
        and PERSON_NAME.fullmatch(tokens[i].form)
    ):
        return Entity(id=slug(tokens[i].form), type="Person", ko=tokens[i].form), i
    if adjacent(tokens, last, gap=1) and is_head(tokens, last + 1, words):
        last += 1
        kind = words.heads[tokens[last].form]
    name = span_text(sentence, i, last)
    if not is_name_like(name, words) or is_place(name, words) or glued_noun_after(tokens, last):
        return None
    kind = kind or type_from_context(sentence, i, last, name, gazetteer, words)
    if not kind:
        return None
    return Entity(id=slug(name), type=kind, ko=name), last


def is_head(tokens: tuple[Token, ...], k: int, words: Words) -> bool:
    """Whether token k is a head word ending a name: not when a noun runs on from it
    (서강대 전자공학과) nor, for a Latin head such as AI, when a noun follows (유럽 AI 기업)."""
    if tokens[k].form not in words.heads or glued_noun_after(tokens, k):
        return False
    return not (
        tokens[k].form.isascii()
        and adjacent(tokens, k, gap=1)
        and tokens[k + 1].tag in {"NNG", "NNP"}
    )


def titled(tokens: tuple[Token, ...], last: int, words: Words) -> bool:
    """Whether a job title (대표, CEO) follows token `last`."""
    return last + 1 < len(tokens) and tokens[last + 1].form in words.titles


def type_from_context(
    sentence: Sentence, i: int, last: int, name: str, gazetteer: Gazetteer, words: Words
) -> str:
    """The type the words around an unknown name give it, or "" when they give none."""
    tokens = sentence.tokens
    for head, kind in words.heads.items():
        if len(head) < len(name) and name.endswith(head) and HANGUL_NAME.fullmatch(head):
            return kind
    if len(name) >= 3 and HANGUL_NAME.fullmatch(name) and name[-1] in words.endings:
        return words.endings[name[-1]]
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is not None and after.form in words.titles:
        return "Person" if PERSON_NAME.fullmatch(name) and len(name) != 2 else "Company"
    if after is not None and (after.form in {"사", "社"} or after.form in words.suffixes - {"등"}):
        return "Company"
    following = match_known(sentence, last + 1, gazetteer) if after is not None else None
    if following is not None:
        _, end = following
        if end + 1 < len(tokens) and tokens[end + 1].form in words.titles:
            return "Person"
    inner = parenthesis(tokens, last)
    if (
        inner is not None
        and not name.isascii()
        and latin_name(span_text(sentence, *inner), words)
        and not quoted(tokens, i)
    ):
        return "Organization"
    before = tokens[i - 1] if i else None
    if before is not None and before.form in words.descriptors and before.end < tokens[i].start:
        return words.descriptors[before.form]
    if " " in tokens[i].form and tokens[i].form in kiwi_people():
        return "Person"
    return ""


def parenthesis(tokens: tuple[Token, ...], last: int) -> tuple[int, int] | None:
    """The tokens inside a parenthesis right after token `last`, if it holds only a name."""
    k = last + 1
    if k >= len(tokens) or tokens[k].form != "(" or tokens[k].start != tokens[last].end:
        return None
    close = k + 1
    while close < len(tokens) and close - k <= 6 and tokens[close].form != ")":
        if tokens[close].tag not in NAME_TAGS | {"SO", "SW"} and not tokens[close].entity:
            return None
        close += 1
    if close >= len(tokens) or tokens[close].form != ")" or close == k + 1:
        return None
    return k + 1, close - 1


def is_common(form: str, words: Words) -> bool:
    """Latin abbreviations, nouns, titles and descriptors that name no actor, and single
    Latin letters."""
    return (
        form.upper() in words.common
        or form in words.titles
        or form in words.descriptors
        or (form.isascii() and len(form) < 2)
    )


def is_name_like(name: str, words: Words) -> bool:
    """Whether an unknown run of proper-noun tokens can be an actor's name."""
    key = name_key(name)
    if len(key) < 2 or key.isdigit() or is_common(name, words):
        return False
    if name.isascii() and (any(c.isdigit() for c in name) or FUNCTION_WORDS & set(name.split())):
        return False
    last = name.split()[-1]
    return not (HANGUL_NAME.match(last) and last.endswith(words.things))


def is_place(name: str, words: Words) -> bool:
    """Place names (서울, 서울 중구, 판교 …호텔) that are where things happen, not who acts."""
    parts = name.split()
    if parts[0] in words.places:
        return True
    return any(
        HANGUL_NAME.fullmatch(p) and p.endswith(words.place_suffixes) and len(p) <= 4 for p in parts
    )


def slug(name: str) -> str:
    """A stable IRI-safe id for a new entity's name."""
    return "x-" + name_key(name)


def person_titles(
    mentions: list[Mention], tokens: tuple[Token, ...], words: Words
) -> list[Mention]:
    """In "샘 올트먼 오픈AI CEO는", the person takes the title's role and the company "of"."""
    out = list(mentions)
    for k in range(len(out) - 1):
        person, org = out[k], out[k + 1]
        if (
            person.entity.type == "Person"
            and org.entity.type != "Person"
            and org.first == person.last + 1
            and org.last + 1 < len(tokens)
            and tokens[org.last + 1].form in words.titles
        ):
            out[k] = replace(person, role=org.role)
            out[k + 1] = replace(org, role="of")
    return out


def particle_after(tokens: tuple[Token, ...], last: int) -> int:
    """The token that gives the mention ending at token `last` its role (after 측, 등,
    titles, the closing mark of a quoted name: ‘ARX’은, and a unit with its head's title:
    삼성전자 MX사업부장이 — the officer speaks and acts for the organisation)."""
    words = load_words()
    k = last + 1
    while k < len(tokens) and (
        (tokens[k].form in CLOSING_QUOTES and k == last + 1)
        or tokens[k].form in words.suffixes
        or tokens[k].form in words.titles
        or tokens[k].form in words.bodies
        or tokens[k].tag == "XSN"
    ):
        k += 1
    for unit in range(k, min(k + 3, len(tokens))):
        form = tokens[unit].form
        if tokens[unit].tag not in {"SL", "NNG"}:
            break
        if (unit > k and form in words.titles) or is_unit_title(form, words):
            return unit + 1
    return k


def is_unit_title(form: str, words: Words) -> bool:
    """Whether a noun is a unit's head title (사업부장, 연구소장): it ends in a title."""
    return len(form) > 2 and form.endswith(words.unit_titles)


def role_after(tokens: tuple[Token, ...], last: int) -> str:
    """The role the particles after a mention give it."""
    k = particle_after(tokens, last)
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


def resolve_mentions(
    sentences: Sequence[Sentence], mentions: Sequence[tuple[Mention, ...]]
) -> tuple[tuple[Mention, ...], ...]:
    """Link later short mentions in one article to the entity named in full before.

    상무부 after 중국 상무부 is the Chinese ministry; an unknown name equal to an alias given
    earlier in parentheses is that entity; 이 회사 / 해당 업체 is the one company named in the
    sentence before, when there is exactly one.
    """
    words = load_words()
    names: dict[str, Entity] = {}  # new names seen, in order of first mention, the latest entity
    latest: dict[Entity, None] = {}  # seen, each entity once, in order of its last mention
    out: list[tuple[Mention, ...]] = []
    previous: tuple[Mention, ...] = ()
    for sentence, found in zip(sentences, mentions, strict=True):
        linked = [relink(m, latest) for m in found]
        linked.extend(anaphors(sentence, previous, linked, words))
        linked.extend(repeated(sentence, linked, names))
        linked.sort(key=lambda m: m.start)
        for m in linked:
            if m.entity.id.startswith("x-"):
                names[m.entity.ko] = m.entity
            latest.pop(m.entity, None)
            latest[m.entity] = None
        out.append(tuple(linked))
        previous = tuple(linked)
    return tuple(out)


def repeated(sentence: Sentence, current: list[Mention], names: dict[str, Entity]) -> list[Mention]:
    """Bare repeats of new names found earlier in the article (노바랩스는 after 스타트업
    노바랩스가): once the evidence typed a name, later sentences need none.

    Kiwi may cut an unknown word differently each time (하늘로보가 / 하늘+로+보+는), so
    repeats are found in the text: a whole word starting with the name, the rest a particle.
    """
    tokens = sentence.tokens
    taken = {k for m in current for k in range(m.start, m.end)}
    found = []
    for name, entity in names.items():
        if name not in sentence.text:
            continue
        for hit in re.finditer(re.escape(name), sentence.text):
            start, end = sentence.start + hit.start(), sentence.start + hit.end()
            before = sentence.text[hit.start() - 1] if hit.start() else " "
            rest = re.match(r"[가-힣]*", sentence.text[hit.end() :]).group()
            if before.isalnum() or taken & set(range(start, end)) or rest not in PARTICLE_ROLES:
                continue
            inside = [k for k, t in enumerate(tokens) if t.start < end and t.end > start]
            if not inside:
                continue
            found.append(
                Mention(
                    entity=entity,
                    text=name,
                    start=start,
                    end=end,
                    role=PARTICLE_ROLES[rest],
                    first=inside[0],
                    last=inside[-1],
                )
            )
            taken.update(range(start, end))
    return found


def relink(mention: Mention, seen: Reversible[Entity]) -> Mention:
    """The mention pointed at an earlier entity whose full name it shortens, if any; `seen`
    holds the entities named before, the latest last."""
    key = name_key(mention.text)
    for entity in reversed(seen):
        if entity.id == mention.entity.id:
            return mention
        if mention.entity.id.startswith("x-") and key in label_keys(entity):
            return replace(mention, entity=entity)
        full = name_key(entity.ko)
        if (
            entity.type == mention.entity.type
            and len(key) < len(full)
            and full.endswith(key)
            and len(name_key(mention.entity.ko)) > len(key)
        ):
            return replace(mention, entity=entity)
    return mention


@lru_cache(maxsize=1 << 12)
def label_keys(entity: Entity) -> frozenset[str]:
    """The name keys of all the entity's labels."""
    return frozenset(name_key(label) for label in entity.labels)


def anaphors(
    sentence: Sentence, previous: tuple[Mention, ...], current: list[Mention], words: Words
) -> list[Mention]:
    """Mentions for 이 회사 / 해당 업체 / 같은 기업 pointing at the one company just named."""
    tokens = sentence.tokens
    found = []
    for k in range(len(tokens) - 1):
        det, noun = tokens[k], tokens[k + 1]
        if det.form not in {"이", "해당", "같은", "동"} or noun.form not in words.anaphors:
            continue
        if det.form == "이" and det.tag != "MM":
            continue
        kind = words.anaphors[noun.form]
        if any(m.last < k and m.entity.type == kind for m in current):
            continue
        before = previous
        candidates = {m.entity.id: m.entity for m in before if m.entity.type == kind}
        if len(candidates) != 1:
            continue
        (entity,) = candidates.values()
        start, end = det.start, noun.end
        found.append(
            Mention(
                entity=entity,
                text=sentence.text[start - sentence.start : end - sentence.start],
                start=start,
                end=end,
                role=role_after(tokens, k + 1),
                first=k,
                last=k + 1,
            )
        )
    return found


def entities_in(text: str, *, gazetteer: Gazetteer, kiwi: Kiwi) -> list[dict]:
    """The mentions of one text for `kg entities`: surface, span, entity id, labels, type."""
    sentences = analyse(text, [(0, len(text))], kiwi)
    found = resolve_mentions(sentences, [find_mentions(s, gazetteer) for s in sentences])
    return [
        {
            "text": m.text,
            "start": m.start,
            "end": m.end,
            "id": m.entity.id,
            "ko": m.entity.ko,
            "en": m.entity.en,
            "type": m.entity.type,
            "role": m.role,
            **({"group": m.group} if m.group else {}),
            **({"alias": m.alias} if m.alias else {}),
        }
        for mentions in found
        for m in mentions
    ]
