"""The pipeline: the one module that knows the order of the stages.

    documents → analysis → mentions → times → relations → graph

`build` runs it over files and folders; `extract` runs it over one Document.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from kiwipiepy import Kiwi
from rdflib import Graph

from kg.analysis import Sentence, analyse, load_analyser
from kg.documents import Document, Problem, read_articles
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.graph import build_graph
from kg.mentions import Mention, find_mentions, resolve_mentions
from kg.relations import (
    Group,
    Lexicon,
    Reading,
    Statement,
    last_group,
    load_lexicon,
    merge_statements,
    next_topic,
    read_sentence,
)
from kg.times import Timex, find_times, guess_published

TRUSTED_GUESS = 0.6
CARRY = 2
LEAD = 4

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Resources:
    """What every stage shares: the gazetteer, the analyser built from it, the cues."""

    gazetteer: Gazetteer
    kiwi: Kiwi
    lexicon: Lexicon


@dataclass(frozen=True)
class Build:
    """What a build made: the articles read, the statements found, the inputs skipped."""

    documents: tuple[Document, ...]
    statements: tuple[Statement, ...]
    problems: tuple[Problem, ...]

    def graph(self) -> Graph:
        """The RDF graph of this build."""
        return build_graph(self.statements, self.documents)


def load_resources(*, gazetteer_files: Iterable[Path] = ()) -> Resources:
    """Load the gazetteer (plus the user's files), the analyser and the cue lexicon."""
    gazetteer = load_gazetteer(gazetteer_files)
    return Resources(gazetteer=gazetteer, kiwi=load_analyser(gazetteer), lexicon=load_lexicon())


def build(
    paths: Iterable[Path | str],
    *,
    manifest: Path | str | None = None,
    published: dt.date | None = None,
    resources: Resources | None = None,
) -> Build:
    """Read articles from files and folders and extract their statements.

    An article that cannot be read or analysed becomes a Problem naming it; the rest goes on.
    """
    resources = resources or load_resources()
    documents: list[Document] = []
    statements: list[Statement] = []
    problems: list[Problem] = []
    seen: dict[str, str] = {}
    paths = [Path(p) for p in paths]
    manifest = Path(manifest) if manifest is not None else None
    for item in read_articles(paths, manifest=manifest, published=published):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        if item.digest in seen:
            problems.append(
                Problem(item.id, None, f"same text as {seen[item.digest]}; skipped", skipped=True)
            )
            continue
        try:
            if item.published is None:
                item, problem = date_from_text(item)
                problems.append(problem)
            found = extract(item, resources)
        except Exception as e:
            log.debug("extracting %s failed", item.id, exc_info=True)
            message = f"extraction failed ({type(e).__name__}: {e}); skipped"
            problems.append(Problem(item.id, None, message, skipped=True))
            continue
        seen[item.digest] = item.id
        documents.append(item)
        statements.extend(found)
    return Build(tuple(documents), tuple(statements), tuple(problems))


def date_from_text(document: Document) -> tuple[Document, Problem]:
    """The document dated from its own stamps when it can be, and a warning either way."""
    guess = guess_published(document.text)
    if guess is None or guess.confidence < TRUSTED_GUESS:
        return document, Problem(
            document.id, None, "no publication date; relative times stay unresolved"
        )
    message = (
        f"no publication date given; using {guess.date} from its {guess.source} "
        f"(confidence {guess.confidence:.2f})"
    )
    return replace(document, published=guess.date), Problem(document.id, None, message)


def extract(document: Document, resources: Resources) -> tuple[Statement, ...]:
    """The statements one article makes, one per fact with all its evidence."""
    found = [s for reading in explain_readings(document, resources) for s in reading[2]]
    return merge_statements(found)


def explain_readings(
    document: Document, resources: Resources
) -> Iterator[tuple[Sentence, tuple[Mention, ...], tuple[Statement, ...], tuple[Reading, ...]]]:
    """Per sentence: its mentions, statements and the reading of each cue.

    A sentence that leaves its subject out takes the subject of the sentences before it
    (next_topic), for at most CARRY sentences. A sentence with no time of its own that
    continues an event the article has dated takes that event's time (read_sentence), and
    the headline, which tells the lead's event before it is dated, takes the time the lead
    gives the same relation.
    """
    sentences = analyse(document.text, document.body, resources.kiwi)
    times = find_times(body_only(document), published=document.published)
    found = resolve_mentions(
        sentences, [find_mentions(sentence, resources.gazetteer) for sentence in sentences]
    )
    topic: tuple[Mention, ...] = ()
    age = 0
    events: dict[str, tuple[Timex, bool]] = {}
    group: Group | None = None
    read = []
    for sentence, mentions in zip(sentences, found, strict=True):
        readings = read_sentence(
            sentence,
            mentions,
            times,
            doc=document.id,
            lexicon=resources.lexicon,
            topic=topic,
            events=events,
            group=group,
        )
        read.append((sentence, mentions, readings))
        events = {kind: (time, False) for kind, (time, _) in events.items()}
        events.update({r.kind: (r.time, True) for r in readings if r.time is not None})
        group = last_group(sentence, mentions, times, resources.lexicon) or group
        carried = next_topic(sentence, mentions, resources.lexicon, ())
        if carried:
            topic, age = carried, 0
        else:
            age += 1
            if age > CARRY:
                topic = ()
    lead = next((k for k, (s, _, _) in enumerate(read) if is_statement(s)), len(read))
    for k, (sentence, mentions, readings) in enumerate(read):
        if k < lead:
            readings = dated_headline(
                readings, [r for _, _, rs in read[lead : lead + LEAD] for r in rs]
            )
        statements = tuple(s for reading in readings for s in reading.statements)
        yield sentence, mentions, statements, readings


def is_statement(sentence: Sentence) -> bool:
    """Whether the sentence ends as a statement does (…했다), unlike a headline."""
    return any(t.tag == "EF" for t in sentence.tokens)


def dated_headline(readings: tuple[Reading, ...], lead: list[Reading]) -> tuple[Reading, ...]:
    """A headline's undated statements with the time the lead gives the same relation."""
    out = []
    for reading in readings:
        time = next((r.time for r in lead if r.kind == reading.kind and r.time), None)
        if time is not None and reading.time is None:
            reading = replace(
                reading,
                time=time,
                statements=tuple(replace(s, time=time) for s in reading.statements),
            )
        out.append(reading)
    return tuple(out)


def body_only(document: Document) -> str:
    """The document text with everything outside its body blanked, offsets unchanged."""
    chars = [c if c == "\n" else " " for c in document.text]
    for start, end in document.body:
        chars[start:end] = document.text[start:end]
    return "".join(chars)
