"""Validation: a graph checked against ontology/shapes.ttl (SHACL, with pyshacl).

The result lists each problem with the node it is about, the property, the offending
value and a message that says what the model expects.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.query import plain
from kg.store import in_memory
from kg.vocab import ontology_file


@dataclass(frozen=True)
class Violation:
    """One problem: its severity, the node, the property and value concerned, the message."""

    severity: str
    node: str
    path: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = " ".join(p for p in (self.node, self.path) if p)
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity}: {where}: {self.message}{value}"


@dataclass(frozen=True)
class Validation:
    """Whether a graph conforms (warnings allowed), and every problem found, in node order."""

    conforms: bool
    violations: tuple[Violation, ...]


@cache
def load_shapes() -> tuple[Graph, Graph]:
    """The SHACL shapes and the ontology (for the class hierarchy), parsed once."""
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    ontology = Graph().parse(ontology_file("kg.ttl"))
    return shapes, ontology


def validate(graph: Graph) -> Validation:
    """Check a graph against kg's shapes (a graph in Oxigraph is copied into memory first)."""
    from pyshacl import validate as shacl_validate

    shapes, ontology = load_shapes()
    _, report, _ = shacl_validate(
        in_memory(graph), shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True
    )
    violations = sorted(
        {violation(report, result) for result in report.subjects(RDF.type, SH.ValidationResult)},
        key=lambda v: (v.node, v.path or "", v.message, v.value or ""),
    )
    conforms = not any(v.severity == "Violation" for v in violations)
    return Validation(conforms, tuple(violations))


def violation(report: Graph, result: URIRef) -> Violation:
    """One validation result of a pyshacl report."""
    severity = report.value(result, SH.resultSeverity)
    path = report.value(result, SH.resultPath)
    node = report.value(result, SH.focusNode)
    value = report.value(result, SH.value)
    message = report.value(result, SH.resultMessage)
    return Violation(
        severity=str(severity).rsplit("#", 1)[-1],
        node=str(plain(node)),
        path=str(plain(path)) if isinstance(path, URIRef) else None,
        value=str(plain(value)) if value is not None and value != node else None,
        message=str(message) if message is not None else "does not conform",
    )
