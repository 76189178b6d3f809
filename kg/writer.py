"""A build's files written as its statements come: OUT/statements.jsonl line by line, then
OUT/graph.ttl (or graph.nt) and OUT/graph.html.

Every file goes to a temporary beside it first, and all are renamed into place only when
all are whole, so a build that fails at any point leaves the previous outputs as they were.
Each article's triples become N-Triples lines where it is analysed (`article_lines`, kept
in the cache beside its statements), and only the entity triples seen so far are
remembered, so memory stays flat however big the archive. N-Triples lines are written at
once, in input order. Turtle lines, each statement node's block already made, go to sorted
runs on disk (kg.turtle) and are merged into canonical, byte-stable Turtle at the end.
graph.html is streamed from a kg.viewer.Network, which keeps its statements and articles in
sorted runs on disk, not from an rdflib graph; none is drawn beside N-Triples.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from rdflib import Graph

from kg.documents import Document, Problem
from kg.export import open_temporary, statement_record
from kg.graph import Triple, document_triples, new_graph, statement_triples
from kg.relations import Statement
from kg.turtle import SortedLines, block_line, nt_line, subject_of, write_turtle
from kg.viewer import Network
from kg.vocab import KGR

if TYPE_CHECKING:
    from kg.pipeline import Extracted

GRAPH_FORMATS = ("ttl", "nt")
STATEMENT_NODE = f"<{KGR}stmt-"
OWN_NODES = (STATEMENT_NODE, f"<{KGR}doc-")


@dataclass(frozen=True)
class Lines:
    """One article as the build writes it: its statements.jsonl lines, its graph.ttl lines
    (distinct N-Triples lines, each statement node's as one kg.turtle block_line, sorted),
    and the entities and relations of its statements (for the build's counts). Made where
    the article is analysed and kept in the cache, so a re-run writes a cached article
    without making its triples again."""

    jsonl: str
    turtle: tuple[str, ...]
    entities: frozenset[str]
    relations: tuple[str, ...]


def article_lines(document: Document, statements: tuple[Statement, ...]) -> Lines:
    """The lines an article adds to the build's files."""
    lines = sorted({nt_line(t) for t in article_triples(document, statements)})
    turtle: list[str] = []
    for subject, group in groupby(lines, key=subject_of):
        own = list(group)
        block = block_line(own) if subject.startswith(STATEMENT_NODE) else None
        turtle += [block] if block else own
    return Lines(
        jsonl="".join(statement_line(statement) for statement in statements),
        turtle=tuple(turtle),
        entities=frozenset(e for s in statements for e in (s.subject.id, s.object.id)),
        relations=tuple(statement.predicate for statement in statements),
    )


def article_triples(document: Document, statements: tuple[Statement, ...]) -> list[Triple]:
    """The triples of an article and of its statements."""
    triples = document_triples(document)
    for statement in statements:
        triples += statement_triples(statement)
    return triples


@dataclass(frozen=True)
class Written:
    """What a build wrote: counts, the problems met, the files and where they are."""

    articles: int
    entities: int
    relations: Counter
    problems: tuple[Problem, ...]
    files: tuple[str, ...]
    folder: Path | None = None
    kept: Graph | None = field(default=None, compare=False)

    @property
    def statements(self) -> int:
        """How many statements the build made."""
        return sum(self.relations.values())

    @property
    def graph(self) -> Graph | None:
        """The build's graph (for `kg build --into`): in memory when nothing was written,
        else read back from graph.ttl; None beside N-Triples."""
        if self.kept is not None or self.folder is None or "graph.ttl" not in self.files:
            return self.kept
        return new_graph().parse(self.folder / "graph.ttl", format="turtle")


def write_build(
    items: Iterable[Extracted | Problem],
    outdir: Path | None,
    *,
    graph_format: str = "ttl",
    render: Callable[..., None] | None = None,
) -> Written:
    """Write a build's statements as they come, then its graph and, given `render` (a page
    writer such as kg.viewer.write_html, called with the Network, the open file and a
    title) and Turtle, its HTML view.
    Without outdir nothing is written and the graph is kept in memory and returned (for
    `kg build --into`)."""
    turtle = outdir is not None and graph_format == "ttl"
    graph = new_graph() if outdir is None else None
    network = None
    sorter = None
    problems: list[Problem] = []
    entities: set[str] = set()
    relations: Counter = Counter()
    articles = 0
    seen: set[str] = set()
    files = Files(outdir)
    try:
        jsonl = files.open("statements.jsonl")
        nt = files.open("graph.nt") if outdir is not None and graph_format == "nt" else None
        sorter = SortedLines(outdir) if turtle else None
        network = Network(folder=outdir) if turtle and render is not None else None
        emit = nt.write if nt is not None else sorter.add if sorter is not None else None
        for item in items:
            if isinstance(item, Problem):
                problems.append(item)
                continue
            articles += 1
            lines = item.lines or article_lines(item.document, item.statements)
            jsonl.write(lines.jsonl)
            entities |= lines.entities
            relations.update(lines.relations)
            triples: list[Triple] = []
            if graph is not None or network is not None or nt is not None:
                triples = article_triples(item.document, item.statements)
                if graph is not None:
                    graph += triples
                if network is not None:
                    network.add(triples)
            if emit is None:
                continue
            out = lines.turtle if nt is None else sorted({nt_line(t) for t in triples})
            for line in out:
                shared = not line.startswith(OWN_NODES)
                if shared and line in seen:
                    continue
                if shared:
                    seen.add(line)
                emit(line)
        if sorter is not None:
            write_turtle(sorter.merged(), files.open("graph.ttl"))
        if network is not None:
            render(network, files.open("graph.html"), title="kg")
        files.commit()
    finally:
        files.discard()
        if sorter is not None:
            sorter.close()
        if network is not None:
            network.close()
    names = ("graph.nt" if graph_format == "nt" else "graph.ttl", "statements.jsonl")
    if turtle and render is not None:
        names += ("graph.html",)
    return Written(articles, len(entities), relations, tuple(problems), names, outdir, graph)


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
