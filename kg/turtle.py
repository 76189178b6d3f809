"""Turtle written from N-Triples lines, in memory bounded however large the graph.

Each triple becomes one N-Triples line (`nt_line`). `SortedLines` keeps the lines in sorted
runs on disk, at most `chunk` lines in memory, and merges the runs into one sorted stream
without repeats. Sorted lines come grouped by subject, so `write_turtle` writes each subject
once with `;` between its predicates and `,` between a predicate's objects: canonical,
byte-stable Turtle whatever order the triples came in. Every N-Triples term is a Turtle term
as it stands; IRIs under kg's prefixes are shortened where the short form is plainly valid.

A subject whose every triple is known at once (a statement node, made by one article) can
travel as one `block_line`: its Turtle block already written, on one line that sorts where
the subject's own lines would, so the final sort and write handle one line, not ten.
"""

from __future__ import annotations

import heapq
import re
import tempfile
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import TextIO

from rdflib import RDF, Literal

from kg.graph import Triple
from kg.vocab import PREFIXES

ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
# a local name any Turtle parser reads: letters, digits, _ and Hangul, with - and . inside
LOCAL_NAME = re.compile(r"[\w가-힣](?:[\w.가-힣-]*[\w가-힣-])?", re.ASCII)
TYPE = f"<{RDF.type}>"
CHUNK = 100_000
FIRST = itemgetter(0)
BREAK = "\x1f"
"""Stands for a line break inside a block_line (a block whose text holds it stays as lines)."""


@lru_cache(maxsize=1 << 16)
def nt_line(triple: Triple) -> str:
    """A triple as one N-Triples line (the last 65,536 remembered: entity lines repeat)."""
    subject, predicate, obj = triple
    return f"{subject.n3()} {predicate.n3()} {nt_term(obj)} .\n"


def nt_term(term: object) -> str:
    """An RDF term in N-Triples: a literal's quotes, backslashes and line breaks escaped."""
    if not isinstance(term, Literal):
        return term.n3()
    text = '"' + str(term).translate(ESCAPES) + '"'
    if term.language:
        return f"{text}@{term.language}"
    if term.datatype:
        return f"{text}^^<{term.datatype}>"
    return text


class SortedLines:
    """Lines sorted on disk in runs of at most `chunk` lines, merged without repeats."""

    def __init__(self, folder: Path, *, chunk: int = CHUNK) -> None:
        self.folder = Path(tempfile.mkdtemp(dir=folder, prefix=".sort."))
        self.chunk = chunk
        self.lines: list[str] = []
        self.runs: list[Path] = []

    def add(self, line: str) -> None:
        self.lines.append(line)
        if len(self.lines) >= self.chunk:
            self.spill()

    def spill(self) -> None:
        """Write the lines in memory as one sorted run."""
        run = self.folder / f"{len(self.runs)}.nt"
        with open(run, "w", encoding="utf-8", newline="\n") as f:
            f.writelines(sorted(self.lines))
        self.runs.append(run)
        self.lines = []

    def merged(self) -> Iterator[str]:
        """Every line added, in sorted order, each once."""
        files = [open(run, encoding="utf-8", newline="\n") for run in self.runs]  # noqa: SIM115
        try:
            last = None
            for line in heapq.merge(*files, sorted(self.lines)):
                if line != last:
                    yield line
                last = line
        finally:
            for file in files:
                file.close()

    def close(self) -> None:
        """Delete the runs."""
        for run in self.runs:
            run.unlink(missing_ok=True)
        self.folder.rmdir()


def write_turtle(lines: Iterable[str], out: TextIO) -> None:
    """Turtle from sorted, distinct N-Triples lines and block_lines: kg's prefixes, then
    one block per subject."""
    out.writelines(f"PREFIX {name}: <{iri}>\n" for name, iri in PREFIXES.items())
    for subject, group in groupby(lines, key=subject_of):
        pairs = []
        for line in group:
            if line.startswith(BREAK, len(subject) + 1):
                out.write(line[len(subject) + 2 : -1].replace(BREAK, "\n"))
            else:
                pairs.append(predicate_object(line, subject))
        if pairs:
            out.write(turtle_block(subject, pairs))


def subject_of(line: str) -> str:
    """The subject term of an N-Triples line or a block_line."""
    return line[: line.index(" ")]


def predicate_object(line: str, subject: str) -> list[str]:
    """The predicate and object terms of an N-Triples line of `subject`."""
    return line[len(subject) + 1 : -3].split(" ", 1)


def block_line(lines: list[str]) -> str | None:
    """One subject's sorted N-Triples lines (all it has) as a single line holding its
    Turtle block, which sorts where the lines would; None if the block cannot be kept on
    one line."""
    subject = subject_of(lines[0])
    block = turtle_block(subject, [predicate_object(line, subject) for line in lines])
    if BREAK in block:
        return None
    return subject + " " + BREAK + block.replace("\n", BREAK) + "\n"


def turtle_block(subject: str, pairs: list[list[str]]) -> str:
    """One subject's predicates and objects (sorted N-Triples terms) as a Turtle block, its
    rdf:type first."""
    pairs.sort(key=lambda pair: pair[0] != TYPE)
    parts = [f"\n{short(subject)}\n"]
    for predicate, objects in groupby(pairs, key=FIRST):
        verb = "a" if predicate == TYPE else short(predicate)
        values = [short_term(o) for _, o in objects]
        if len(values) == 1:
            parts.append(f"    {verb} {values[0]} ;\n")
        else:
            parts.append(f"    {verb}\n        " + " ,\n        ".join(values) + " ;\n")
    parts.append(".\n")
    return "".join(parts)


def short_term(term: str) -> str:
    """An N-Triples object as Turtle: IRIs and literal datatypes shortened."""
    if term.startswith("<"):
        return short(term)
    if term.startswith('"') and term.endswith(">"):
        quoted, _, datatype = term.rpartition("^^")
        return f"{quoted}^^{short(datatype)}"
    return term


@lru_cache(maxsize=1 << 16)
def short(iri: str) -> str:
    """`<iri>` as prefix:name when under one of PREFIXES and plainly valid, else as is (the
    last 65,536 remembered: predicates and entities repeat)."""
    if not iri.startswith("<"):
        return iri
    text = iri[1:-1]
    for name, namespace in PREFIXES.items():
        if text.startswith(namespace) and LOCAL_NAME.fullmatch(text[len(namespace) :]):
            return f"{name}:{text[len(namespace) :]}"
    return iri
