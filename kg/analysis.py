"""Analysis: sentences and morphemes from kiwipiepy, the one place kg talks to Kiwi.

Kiwi is slow to load (2-3 s) and its `tokenize` returns different types depending on its
arguments, so kg builds one Kiwi per process with `load_analyser` and passes it around.
Known names from the gazetteer are user words, so 오픈AI or 미국 상무부 come out as one
proper noun carrying the entity id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kiwipiepy import Kiwi

from kg.gazetteer import Gazetteer

SCRIPT_BOUNDARY = re.compile(r"(?<=[가-힣])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=[가-힣])")
HANGUL = re.compile(r"[가-힣]")


@dataclass(frozen=True)
class Token:
    """One morpheme: its form, part-of-speech tag and span in the document text."""

    form: str
    tag: str
    start: int
    end: int
    lemma: str
    entity: str | None = None


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document, with its morphemes and quoted stretches."""

    text: str
    start: int
    end: int
    tokens: tuple[Token, ...]
    quotes: tuple[tuple[int, int], ...] = ()
    paragraph: int = 0


def load_analyser(gazetteer: Gazetteer) -> Kiwi:
    """A Kiwi that reads every gazetteer name as one proper noun tagged with its entity id.

    A name joining Hangul and Latin (즈푸AI) is registered in its spaced form (즈푸 AI), which
    Kiwi then matches with or without the space. One-syllable Hangul aliases (미, 중) are
    left to the mention rules: as user words they would swallow ordinary morphemes.
    """
    kiwi = Kiwi()
    seen: set[str] = set()
    for entity in gazetteer.entities.values():
        for label in entity.labels:
            form = SCRIPT_BOUNDARY.sub(" ", label)
            if form in seen or (len(form) == 1 and HANGUL.match(form)):
                continue
            seen.add(form)
            kiwi.add_user_word(form, "NNP", 0, user_value={"entity": entity.id})
    return kiwi


def analyse(text: str, spans: Iterable[tuple[int, int]], kiwi: Kiwi) -> tuple[Sentence, ...]:
    """Sentences of the given spans of `text` (one span a paragraph), offsets into `text`."""
    return tuple(sentences(text, tuple(spans), kiwi))


def sentences(text: str, spans: tuple[tuple[int, int], ...], kiwi: Kiwi) -> Iterator[Sentence]:
    """Sentences paragraph by paragraph; Kiwi analyses all paragraphs in one batch call."""
    blocks = [text[start:end] for start, end in spans]
    results = kiwi.split_into_sents(blocks, return_tokens=True, return_sub_sents=True)
    for paragraph, ((offset, _), found) in enumerate(zip(spans, results, strict=True)):
        for sent in found:
            yield Sentence(
                text=sent.text,
                start=offset + sent.start,
                end=offset + sent.end,
                tokens=tuple(to_token(t, offset) for t in sent.tokens),
                quotes=tuple((offset + s.start, offset + s.end) for s in sent.subs or ()),
                paragraph=paragraph,
            )


def to_token(token, offset: int) -> Token:
    """Our Token from Kiwi's, shifted into document offsets."""
    value = token.user_value
    return Token(
        form=token.form,
        tag=token.tag,
        start=offset + token.start,
        end=offset + token.start + token.len,
        lemma=token.lemma,
        entity=value.get("entity") if isinstance(value, dict) else None,
    )
