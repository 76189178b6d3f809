"""The pipeline: the one module that knows the order of the stages.

    documents → analysis → mentions → times → relations → graph

`build` runs it over files and folders; `extract` runs it over one Document.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import chain, islice
from pathlib import Path

from kiwipiepy import Kiwi
from rdflib import Graph

from kg.analysis import Sentence, analyse, load_analyser
from kg.cache import Cache, version_key
from kg.documents import Document, Problem, read_articles
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.graph import build_graph
from kg.mentions import Mention, find_mentions, resolve_mentions
from kg.parallel import InProcess, in_order, process_pool
from kg.relations import (
    Events,
    Group,
    Lexicon,
    Reading,
    Statement,
    dated_events,
    last_group,
    load_lexicon,
    merge_statements,
    next_topic,
    read_sentence,
)
from kg.times import find_times, guess_published
from kg.writer import Lines, article_lines

TRUSTED_GUESS = 0.6
CARRY = 2
BATCH = 16
WINDOW = 4
LEAD = 4
NOT_NEWLINE = re.compile(r"[^\n]")

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


@dataclass(frozen=True)
class Extracted:
    """One article read, the statements it makes, and the lines they give the build's files
    (made beside the statements, in the worker; kg.writer makes them when they are not)."""

    document: Document
    statements: tuple[Statement, ...]
    lines: Lines | None = None


def build(
    paths: Iterable[Path | str],
    *,
    manifest: Path | str | None = None,
    published: dt.date | None = None,
    resources: Resources | None = None,
    gazetteer_files: Iterable[Path] = (),
    jobs: int = 1,
    cache: Path | None = None,
    cluster: str | None = None,
) -> Build:
    """Read articles from files and folders and extract their statements.

    The options are those of `stream`; the whole result is kept in memory. An article that
    cannot be read or analysed becomes a Problem naming it; the rest goes on.
    """
    documents: list[Document] = []
    statements: list[Statement] = []
    problems: list[Problem] = []
    for item in stream(
        paths,
        manifest=manifest,
        published=published,
        resources=resources,
        gazetteer_files=gazetteer_files,
        jobs=jobs,
        cache=cache,
        cluster=cluster,
    ):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            documents.append(item.document)
            statements.extend(item.statements)
    return Build(tuple(documents), tuple(statements), tuple(problems))


def stream(
    paths: Iterable[Path | str],
    *,
    manifest: Path | str | None = None,
    published: dt.date | None = None,
    resources: Resources | None = None,
    gazetteer_files: Iterable[Path] = (),
    jobs: int = 1,
    cache: Path | None = None,
    cluster: str | None = None,
) -> Iterator[Extracted | Problem]:
    """Each article's statements (and each skipped input) in input order, one at a time.

    `jobs` worker processes each load their own analyser; `cluster` (a Dask scheduler
    address) runs the extraction there instead; an input too small to give each worker a
    batch is read in this process. `cache` is a folder of statements kept per
    article (kg.cache): articles found there are not analysed again. Whatever runs it, the
    output is that of one process.
    """
    gazetteer = resources.gazetteer if resources else load_gazetteer(gazetteer_files)
    lexicon = resources.lexicon if resources else load_lexicon()
    store = None
    if cache:
        version = version_key(gazetteer, lexicon)
        store = Cache(Path(cache), version=version, known=gazetteer.entities)
    problems: list[Problem] = []
    documents = unique_documents(
        [Path(p) for p in paths],
        manifest=Path(manifest) if manifest is not None else None,
        published=published,
        problems=problems,
    )

    cores = jobs
    head = list(islice(documents, BATCH * jobs))
    if len(head) < BATCH * jobs:
        jobs = 1
    documents = chain(head, documents)

    def executor():
        if cluster is not None:
            from kg.cluster import connect

            return connect(cluster, gazetteer=gazetteer, lexicon=lexicon)
        if jobs > 1:
            return process_pool(jobs, initializer=start_worker, initargs=(gazetteer, lexicon, 1))
        start_worker(gazetteer, lexicon, cores, kiwi=resources.kiwi if resources else None)
        return InProcess()

    try:
        for document, found in in_order(
            documents,
            work=extract_batch,
            known=store.get if store else lambda document: None,
            executor=executor,
            batch=BATCH,
            window=WINDOW * max(jobs, 1),
        ):
            yield from problems
            problems.clear()
            if isinstance(found, Problem):
                yield found
                continue
            statements, lines = found
            if store is not None:
                store.put(document, statements, lines)
            yield Extracted(document, statements, lines)
        yield from problems
    finally:
        if store is not None:
            store.close()


def unique_documents(
    paths: list[Path],
    *,
    manifest: Path | None,
    published: dt.date | None,
    problems: list[Problem],
) -> Iterator[Document]:
    """The documents to extract, each text once and dated; problems are added to the list."""
    seen: dict[str, str] = {}
    for item in read_articles(paths, manifest=manifest, published=published):
        if isinstance(item, Problem):
            problems.append(item)
            continue
        if item.digest in seen:
            problems.append(
                Problem(item.id, None, f"same text as {seen[item.digest]}; skipped", skipped=True)
            )
            continue
        seen[item.digest] = item.id
        if item.published is None:
            item, problem = date_from_text(item)
            problems.append(problem)
        yield item


WORKER: dict[str, Resources] = {}


def start_worker(
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    threads: int | None = None,
    *,
    kiwi: Kiwi | None = None,
) -> None:
    """Set up this process to extract: its own analyser, loaded once, with `threads`
    tokenising threads (one in each of N worker processes, so --jobs N uses N cores)."""
    WORKER["resources"] = Resources(
        gazetteer=gazetteer,
        kiwi=kiwi or load_analyser(gazetteer, threads=threads),
        lexicon=lexicon,
    )


def extract_batch(
    documents: list[Document],
) -> list[tuple[tuple[Statement, ...], Lines] | Problem]:
    """The statements of each document and their lines, in a process set up by
    start_worker; a document whose analysis fails gives a Problem instead."""
    return [extract_or_problem(document, WORKER["resources"]) for document in documents]


def extract_or_problem(
    document: Document, resources: Resources
) -> tuple[tuple[Statement, ...], Lines] | Problem:
    """The document's statements and their lines, or the Problem of why there are none."""
    try:
        statements = extract(document, resources)
        return statements, article_lines(document, statements)
    except Exception as e:
        log.debug("extracting %s failed", document.id, exc_info=True)
        message = f"extraction failed ({type(e).__name__}: {e}); skipped"
        return Problem(document.id, None, message, skipped=True)


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
    events: Events = {}
    group: Group | None = None
    agents: dict[str, Mention] = {}
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
            agents=agents,
        )
        agents.update({r.kind: r.agent for r in readings if r.agent is not None})
        read.append((sentence, mentions, readings))
        events = dated_events(events, readings)
        group = last_group(sentence, mentions, times, resources.lexicon, readings) or group
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
    text = document.text
    blank = NOT_NEWLINE.sub(" ", text)
    pieces = []
    done = 0
    for start, end in sorted(document.body):
        start = max(start, done)
        if start < end:
            pieces += [blank[done:start], text[start:end]]
            done = end
    pieces.append(blank[done:])
    return "".join(pieces)
