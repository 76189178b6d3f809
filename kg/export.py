"""Outputs: the graph as Turtle and other RDF formats, and statements as JSON Lines.

Every file is written atomically (a temporary file beside it, then a rename), so an
interrupted build leaves the previous outputs whole.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError
from kg.relations import Statement
from kg.times import iso_value

RDF_FORMATS = {"ttl": "longturtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}


def serialize(graph: Graph, *, format: str = "ttl") -> str:
    """The graph as text in one of RDF_FORMATS; Turtle is canonical and byte-stable."""
    if format not in RDF_FORMATS:
        raise InputError(f"unknown format {format!r}; choose one of {', '.join(RDF_FORMATS)}")
    if format == "nt":
        return "".join(sorted(graph.serialize(format="nt").splitlines(keepends=True)))
    return graph.serialize(format=RDF_FORMATS[format])


def statement_record(statement: Statement) -> dict:
    """One line of statements.jsonl (the contract read by ../shared/eval/score.py)."""
    time = statement.time
    first = statement.evidence[0]
    return {
        "doc": statement.doc,
        "subject": statement.subject.id,
        "subject_labels": list(statement.subject.labels),
        "predicate": statement.predicate,
        "object": statement.object.id,
        "object_labels": list(statement.object.labels),
        "time": iso_value(time.value) if time and time.value else None,
        "time_precision": time.precision if time else None,
        "time_text": time.text if time else None,
        "time_role": time.role if time else None,
        "modality": statement.modality,
        "confidence": statement.confidence,
        "speaker": statement.speaker.ko if statement.speaker else None,
        "cue": first.cue,
        "sentence": first.sentence,
        "start": first.start,
        "end": first.end,
        "evidence": [e.sentence for e in statement.evidence],
    }


def statements_jsonl(statements: Iterable[Statement]) -> str:
    """Statements as JSON Lines, one a line."""
    return "".join(json.dumps(statement_record(s), ensure_ascii=False) + "\n" for s in statements)


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file and a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
