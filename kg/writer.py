"""A build's files written as its statements come: OUT/statements.jsonl line by line, then
OUT/graph.ttl (or graph.nt) and OUT/graph.html.

Every file goes to a temporary beside it first, and all are renamed into place only when
all are whole, so a build that fails at any point leaves the previous outputs as they were.
Turtle needs the whole graph in memory (rdflib sorts it into canonical, byte-stable
Turtle). N-Triples is streamed: each article's triples are written as it is read and only
the entity triples seen so far are remembered, so memory stays flat however big the
archive; its lines are in input order, not sorted, and no graph.html is drawn from it.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from rdflib import Graph

from kg.documents import Problem
from kg.export import open_temporary, serialize, statement_record
from kg.graph import add_document, add_statement, new_graph
from kg.pipeline import Extracted
from kg.relations import Statement
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
        """How many statements the build made."""
        return sum(self.relations.values())


def write_build(
    items: Iterable[Extracted | Problem],
    outdir: Path | None,
    *,
    graph_format: str = "ttl",
    render: Callable[..., str] | None = None,
) -> Written:
    """Write a build's statements as they come, then its graph and, given `render`
    (kg.viewer.render_html), its HTML view. Without outdir nothing is written and the graph
    is only returned (for `kg build --into`)."""
    streamed = outdir is not None and graph_format == "nt"
    graph = None if streamed else new_graph()
    problems: list[Problem] = []
    entities: set[str] = set()
    relations: Counter = Counter()
    articles = 0
    seen: set[str] = set()
    files = Files(outdir)
    try:
        jsonl = files.open("statements.jsonl")
        triples = files.open("graph.nt") if streamed else None
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
        if graph is not None:
            files.open("graph.ttl").write(serialize(graph))
            if render is not None:
                files.open("graph.html").write(render(graph, title="kg"))
        files.commit()
    finally:
        files.discard()
    names = ("graph.nt" if streamed else "graph.ttl", "statements.jsonl")
    if graph is not None and render is not None:
        names += ("graph.html",)
    return Written(articles, len(entities), relations, tuple(problems), names, graph)


def statement_line(statement: Statement) -> str:
    """One line of statements.jsonl."""
    return json.dumps(statement_record(statement), ensure_ascii=False) + "\n"


class Files:
    """Output files as temporaries beside their targets, renamed together by `commit`.

    Without a folder, what is written is thrown away.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.open_files: dict[str, tuple[TextIO, str | None]] = {}

    def open(self, name: str) -> TextIO:
        if self.folder is None:
            file = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
            self.open_files[name] = (file, None)
            return file
        file, tmp = open_temporary(self.folder, name)
        self.open_files[name] = (file, tmp)
        return file

    def commit(self) -> None:
        """Flush every file to disk, then rename each into place."""
        for file, _ in self.open_files.values():
            file.flush()
            if self.folder is not None:
                os.fsync(file.fileno())
            file.close()
        for name, (_, tmp) in self.open_files.items():
            if tmp is not None:
                os.replace(tmp, self.folder / name)
        self.open_files.clear()

    def discard(self) -> None:
        """Close and delete whatever was not committed."""
        for file, tmp in self.open_files.values():
            file.close()
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
        self.open_files.clear()
