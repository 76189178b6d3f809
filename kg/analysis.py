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


@dataclass(frozen=True, slots=True)
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
    """Sentences paragraph by paragraph; Kiwi analyses all paragraphs in one batch call.

    The sentences and their quoted stretches are those of Kiwi's `split_into_sents`, read
    straight from the tokens' sentence positions in one pass.
    """
    blocks = [text[start:end] for start, end in spans]
    for paragraph, ((offset, _), tokens) in enumerate(
        zip(spans, kiwi.tokenize(blocks), strict=True)
    ):
        block = blocks[paragraph]
        for group in _by_sentence(tokens):
            start, end = group[0].start, group[-1].end
            yield Sentence(
                text=block[start:end],
                start=offset + start,
                end=offset + end,
                tokens=tuple(
                    Token(
                        t.form,
                        t.tag,
                        offset + t.start,
                        offset + t.end,
                        t.lemma,
                        value.get("entity") if isinstance(value := t.user_value, dict) else None,
                    )
                    for t in group
                ),
                quotes=tuple((offset + s, offset + e) for s, e in _quotes(group)),
                paragraph=paragraph,
            )


def _by_sentence(tokens: list) -> Iterator[list]:
    """Kiwi's tokens of one text, grouped by sentence as `split_into_sents` groups them."""
    group: list = []
    position = None
    for token in tokens:
        if token.sent_position != position and group:
            yield group
            group = []
        position = token.sent_position
        group.append(token)
    if group:
        yield group


def _quotes(tokens: list) -> list[tuple[int, int]]:
    """The sentences embedded in a sentence, as `split_into_sents` reports them: a stretch
    still open at the sentence end is not one."""
    quotes = []
    last = 0
    start = last_end = 0
    for token in tokens:
        position = token.sub_sent_position
        if position != last:
            if last:
                quotes.append((start, last_end))
            start = token.start
        last = position
        last_end = token.end
    return quotes
