"""Query: SPARQL over a kg graph, with kg's prefixes predeclared, as a table of rows."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from pyparsing import ParseException
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import InputError, QueryError
from kg.vocab import KG, KGR, SCHEMA

PREFIXES = {
    "kg": str(KG._NS),
    "kgr": str(KGR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
}
FORMATS = ("table", "csv", "json")


@dataclass(frozen=True)
class Table:
    """A query's answer: column names and rows of plain values (None where unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]


def load_graph(path: Path) -> Graph:
    """A graph from an RDF file; the format follows the file's suffix."""
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    graph = Graph()
    try:
        graph.parse(path)
    except Exception as e:
        raise InputError(f"{path}: not a readable RDF file ({e})") from e
    return graph


def run_query(graph: Graph, query: str) -> Table:
    """Run a SPARQL SELECT or ASK query; kg's prefixes need not be declared."""
    try:
        result = graph.query(query, initNs=PREFIXES)
    except ParseException as e:
        raise QueryError(f"SPARQL syntax error at line {e.lineno}, column {e.col}: {e.msg}") from e
    except Exception as e:
        raise QueryError(f"the query failed: {e}") from e
    if result.type == "ASK":
        return Table(("ask",), ((str(bool(result.askAnswer)).lower(),),))
    if result.type != "SELECT":
        raise QueryError("only SELECT and ASK queries are supported")
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(plain(value) for value in row) for row in result)
    return Table(columns, rows)


def plain(term: object) -> str | None:
    """A term as text: IRIs shortened with kg's prefixes, literals as their value."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if term.startswith(namespace):
                return f"{prefix}:{term[len(namespace) :]}"
        return str(term)
    if isinstance(term, Literal):
        return str(term)
    return str(term)


def format_table(table: Table, *, format: str = "table") -> str:
    """The answer as an aligned text table, CSV or JSON."""
    if format == "json":
        records = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(["" if v is None else v for v in row] for row in table.rows)
        return out.getvalue()
    if format != "table":
        raise InputError(f"unknown output format {format!r}; choose one of {', '.join(FORMATS)}")
    cells = [list(table.columns)] + [["" if v is None else v for v in row] for row in table.rows]
    widths = [max(display_width(r[i]) for r in cells) for i in range(len(table.columns))]
    lines = []
    for n, row in enumerate(cells):
        lines.append("  ".join(pad(v, w) for v, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    lines.append(f"({len(table.rows)} row{'s' if len(table.rows) != 1 else ''})")
    return "\n".join(lines) + "\n"


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: Hangul and CJK take two."""
    return sum(
        2 if "\u1100" <= c <= "\uffdc" and not "\ud7b0" <= c <= "\uf8ff" else 1 for c in text
    )


def pad(text: str, width: int) -> str:
    """Text padded with spaces to a display width."""
    return text + " " * (width - display_width(text))
