"""A build's files written as its statements come: OUT/statements.jsonl line by line, then
OUT/graph.ttl (or graph.nt) and OUT/graph.html, each replaced atomically.

Turtle needs the whole graph in memory (rdflib sorts it into canonical, byte-stable
Turtle). N-Triples is streamed too: each article's triples are written as it is read and
only the entity triples seen so far are remembered, so memory stays flat however big the
archive; its lines are in input order, not sorted, and no graph.html is drawn from it.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import Counter
from collections.abc import Iterable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from kg.documents import Problem
from kg.export import serialize, statement_record, write_atomic
from kg.graph import add_document, add_statement, new_graph
from kg.pipeline import Extracted
from kg.relations import Statement
from kg.viewer import render_html
from kg.vocab import KGR

GRAPH_FORMATS = ("ttl", "nt")
OWN_NODES = (f"<{KGR}stmt-", f"<{KGR}doc-")


@dataclass(frozen=True)
class Written:
    """What a build wrote: counts, the problems met, the files, the graph when in memory."""

    articles: int
    entities: int
    relations: Counter
    problems: tuple[Problem, ...]
    files: tuple[str, ...]
    graph: Graph | None = field(default=None, compare=False)

    @property
    def statements(self) -> int:
        return sum(self.relations.values())


def write_build(
    items: Iterable[Extracted | Problem],
    outdir: Path | None,
    *,
    graph_format: str = "ttl",
    html: bool = True,
) -> Written:
    """Write a build's statements as they come, then its graph (and HTML view).

    Without outdir nothing is written: the graph is only returned (for `kg build --into`).
    """
    if outdir is None:
        return collect(items)
    outdir.mkdir(parents=True, exist_ok=True)
    graph = new_graph() if graph_format == "ttl" else None
    problems: list[Problem] = []
    entities: set[str] = set()
    relations: Counter = Counter()
    articles = 0
    seen: set[str] = set()
    with ExitStack() as stack:
        jsonl = stack.enter_context(Spool(outdir / "statements.jsonl"))
        triples = None if graph is not None else stack.enter_context(Spool(outdir / "graph.nt"))
        for item in items:
            if isinstance(item, Problem):
                problems.append(item)
                continue
            articles += 1
            target = graph if graph is not None else new_graph()
            add_document(target, item.document)
            for statement in item.statements:
                jsonl.write(statement_line(statement))
                add_statement(target, statement)
                entities |= {statement.subject.id, statement.object.id}
                relations[statement.predicate] += 1
            if triples is not None:
                for line in sorted(target.serialize(format="nt").splitlines(keepends=True)):
                    shared = not line.startswith(OWN_NODES)
                    if shared and line in seen:
                        continue
                    if shared:
                        seen.add(line)
                    triples.write(line)
    files = ["graph.nt" if graph is None else "graph.ttl", "statements.jsonl"]
    if graph is not None:
        write_atomic(outdir / "graph.ttl", serialize(graph))
        if html:
            write_atomic(outdir / "graph.html", render_html(graph, title="kg"))
            files.append("graph.html")
    return Written(articles, len(entities), relations, tuple(problems), tuple(files), graph)


def collect(items: Iterable[Extracted | Problem]) -> Written:
    """The graph and counts of a build, in memory."""
    graph = new_graph()
    problems: list[Problem] = []
    entities: set[str] = set()
    relations: Counter = Counter()
    articles = 0
    for item in items:
        if isinstance(item, Problem):
            problems.append(item)
            continue
        articles += 1
        add_document(graph, item.document)
        for statement in item.statements:
            add_statement(graph, statement)
            entities |= {statement.subject.id, statement.object.id}
            relations[statement.predicate] += 1
    return Written(articles, len(entities), relations, tuple(problems), (), graph)


def statement_line(statement: Statement) -> str:
    """One line of statements.jsonl."""
    return json.dumps(statement_record(statement), ensure_ascii=False) + "\n"


class Spool:
    """A file written through a temporary beside it and renamed into place on success."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __enter__(self):
        fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.")
        self.file = os.fdopen(fd, "w", encoding="utf-8")
        return self.file

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.file.flush()
            os.fsync(self.file.fileno())
        self.file.close()
        if kind is None:
            os.replace(self.tmp, self.path)
        else:
            Path(self.tmp).unlink(missing_ok=True)
