"""Outputs: the graph as Turtle and other RDF formats, GraphML and GEXF for Gephi, statements
as CSV for spreadsheets, and extracted statements as JSON Lines.

Every file is written atomically (a temporary file beside it, then a rename), so an
interrupted build leaves the previous outputs whole.
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

import networkx as nx
from rdflib import RDF, Dataset, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.errors import InputError
from kg.network import to_networkx
from kg.query import plain
from kg.relations import Statement
from kg.store import in_memory
from kg.times import iso_value
from kg.turtle import nt_line, write_turtle
from kg.vocab import KG

RDF_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}
EXPORT_FORMATS = (*RDF_FORMATS, "graphml", "gexf", "csv")
CSV_COLUMNS = (
    "statement",
    "subject",
    "subject_label",
    "relation",
    "object",
    "object_label",
    "valid_from",
    "valid_until",
    "precision",
    "time_text",
    "modality",
    "confidence",
    "cue",
    "evidence",
    "article",
    "reported",
    "outlet",
)


def serialize(graph: Graph, *, format: str = "ttl") -> str:
    """The graph as text in one of RDF_FORMATS; Turtle and N-Triples are sorted and
    byte-stable."""
    if format not in RDF_FORMATS:
        raise InputError(f"unknown format {format!r}; choose one of {', '.join(RDF_FORMATS)}")
    graph = in_memory(graph)
    if format in ("ttl", "nt"):
        lines = sorted({nt_line(triple) for triple in graph})
        if format == "nt":
            return "".join(lines)
        out = io.StringIO()
        write_turtle(lines, out)
        return out.getvalue()
    if format == "trig":
        dataset = Dataset()
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace)
        dataset.default_graph += graph
        return dataset.serialize(format="trig")
    return graph.serialize(format=RDF_FORMATS[format])


def export_graph(graph: Graph, *, format: str = "ttl") -> str:
    """The graph in any of EXPORT_FORMATS: RDF, GraphML or GEXF (networkx), statements CSV."""
    if format == "graphml":
        return "\n".join(nx.generate_graphml(to_networkx(graph))) + "\n"
    if format == "gexf":
        return "\n".join(nx.generate_gexf(to_networkx(graph))) + "\n"
    if format == "csv":
        return statements_csv(graph)
    if format not in RDF_FORMATS:
        raise InputError(f"unknown format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    return serialize(graph, format=format)


def statements_csv(graph: Graph) -> str:
    """Every statement of a graph as one CSV row (CSV_COLUMNS), evidence sentences joined."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for node in sorted(graph.subjects(RDF.type, KG.Statement)):
        subject = graph.value(node, RDF.subject)
        obj = graph.value(node, RDF.object)
        article = graph.value(node, PROV.wasDerivedFrom)
        values = {
            "statement": node,
            "subject": subject,
            "subject_label": korean_label(graph, subject),
            "relation": graph.value(node, RDF.predicate),
            "object": obj,
            "object_label": korean_label(graph, obj),
            "valid_from": graph.value(node, KG.validFrom),
            "valid_until": graph.value(node, KG.validUntil),
            "precision": graph.value(node, KG.timePrecision),
            "time_text": graph.value(node, KG.timeText),
            "modality": graph.value(node, KG.modality),
            "confidence": graph.value(node, KG.confidence),
            "cue": " ".join(sorted(set(map(str, graph.objects(node, KG.cue))))),
            "evidence": " ".join(sorted(map(str, graph.objects(node, KG.evidence)))),
            "article": article,
            "reported": graph.value(article, DCTERMS.issued) if article else None,
            "outlet": graph.value(article, DCTERMS.source) if article else None,
        }
        writer.writerow("" if values[c] is None else plain(values[c]) for c in CSV_COLUMNS)
    return out.getvalue()


def korean_label(graph: Graph, node: object) -> Literal | None:
    """An entity's Korean preferred label."""
    labels = (x for x in graph.objects(node, SKOS.prefLabel) if x.language == "ko")
    return next(labels, None)


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


def open_temporary(folder: Path, name: str) -> tuple[TextIO, str]:
    """A new hidden temporary file beside `folder/name`, with the permissions an ordinary
    new file gets (mkstemp's own are owner-only), and its path."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(tmp, 0o666 & ~mask)
    return os.fdopen(fd, "w", encoding="utf-8"), tmp


def write_atomic(path: Path, text: str) -> None:
    """Write text to path through a temporary file and a rename."""
    file, tmp = open_temporary(path.parent, path.name)
    try:
        with file as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
