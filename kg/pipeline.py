"""The pipeline: the one module that knows the order of the stages.

    documents → analysis → mentions → times → relations → graph

`build` runs it over files and folders; `extract` runs it over one Document.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from kiwipiepy import Kiwi
from rdflib import Graph

from kg.analysis import analyse, load_analyser
from kg.documents import Document, Problem, read_articles
from kg.gazetteer import Gazetteer, load_gazetteer
from kg.graph import build_graph
from kg.mentions import Mention, find_mentions
from kg.relations import Lexicon, Statement, extract_relations, load_lexicon, merge_statements
from kg.times import find_times

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


def extract(document: Document, resources: Resources) -> tuple[Statement, ...]:
    """The statements one article makes, one per fact with all its evidence."""
    sentences = analyse(document.text, document.body, resources.kiwi)
    times = find_times(body_only(document), published=document.published)
    found: list[Statement] = []
    topic: Mention | None = None
    for sentence in sentences:
        mentions = find_mentions(sentence, resources.gazetteer)
        found.extend(
            extract_relations(
                sentence,
                mentions,
                times,
                doc=document.id,
                lexicon=resources.lexicon,
                topic=topic,
            )
        )
        subjects = [m for m in mentions if m.role == "subject" and m.entity.type != "Product"]
        topic = subjects[0] if subjects else topic
    return merge_statements(found)


def body_only(document: Document) -> str:
    """The document text with everything outside its body blanked, offsets unchanged."""
    chars = [c if c == "\n" else " " for c in document.text]
    for start, end in document.body:
        chars[start:end] = document.text[start:end]
    return "".join(chars)
