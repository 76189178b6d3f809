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


def load_analyser(gazetteer: Gazetteer, *, threads: int | None = None) -> Kiwi:
    """A Kiwi that reads every gazetteer name as one proper noun tagged with its entity id,
    tokenising with `threads` threads (Kiwi's default: one per core).

    A name joining Hangul and Latin (즈푸AI) is registered in its spaced form (즈푸 AI), which
    Kiwi then matches with or without the space. One-syllable Hangul aliases (미, 중) are
    left to the mention rules: as user words they would swallow ordinary morphemes.
    """
    kiwi = Kiwi(num_workers=threads)
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
    straight from the tokens' sentence positions in the one pass that converts the tokens.
    """
    blocks = [text[start:end] for start, end in spans]
    for paragraph, ((offset, _), tokens) in enumerate(
        zip(spans, kiwi.tokenize(blocks), strict=True)
    ):
        block = blocks[paragraph]
        group: list[Token] = []
        quotes: list[tuple[int, int]] = []
        position = None
        inner = inner_start = inner_end = 0
        for t in tokens:
            if t.sent_position != position:
                if group:
                    yield _sentence(block, offset, group, quotes, paragraph)
                    group, quotes, inner = [], [], 0
                position = t.sent_position
            start, end = t.start, t.end
            sub = t.sub_sent_position
            # an embedded sentence begins or ends here; one still open when the sentence
            # ends is no quote (as in `split_into_sents`)
            if sub != inner:
                if inner:
                    quotes.append((inner_start, inner_end))
                inner_start = offset + start
            inner = sub
            inner_end = offset + end
            value = t.user_value
            entity = value.get("entity") if isinstance(value, dict) else None
            group.append(Token(t.form, t.tag, offset + start, offset + end, t.lemma, entity))
        if group:
            yield _sentence(block, offset, group, quotes, paragraph)


def _sentence(
    block: str,
    offset: int,
    tokens: list[Token],
    quotes: list[tuple[int, int]],
    paragraph: int,
) -> Sentence:
    """One sentence of the paragraph at `offset`, its tokens and quoted stretches found."""
    start, end = tokens[0].start, tokens[-1].end
    return Sentence(
        text=block[start - offset : end - offset],
        start=start,
        end=end,
        tokens=tuple(tokens),
        quotes=tuple(quotes),
        paragraph=paragraph,
    )
