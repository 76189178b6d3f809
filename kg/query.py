"""Query: SPARQL over a kg graph, with kg's prefixes predeclared, as a table of rows."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from typing import Any

from pyparsing import ParseException
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from kg.errors import KgError, QueryError
from kg.vocab import KG, KGR, SCHEMA

PREFIXES = {
    "kg": str(KG._NS),
    "kgr": str(KGR),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "schema": str(SCHEMA),
}
FORMATS = ("table", "csv", "json", "markdown")
NUMBERS = {
    str(XSD.integer): int,
    str(XSD.int): int,
    str(XSD.long): int,
    str(XSD.decimal): float,
    str(XSD.double): float,
    str(XSD.float): float,
}
OXIGRAPH_ERROR = re.compile(r"error at (\d+):(\d+): (.*)", re.S)

Value = str | int | float | bool | None


@dataclass(frozen=True)
class Table:
    """A query's answer: column names and rows of plain values (None where unbound).

    IRIs are shortened with kg's prefixes (kgr:openai); numbers and booleans are Python
    numbers and booleans; everything else, dates included, is text (2025-01-31).
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]

    def records(self) -> list[dict[str, Value]]:
        """The rows as dictionaries from column name to value."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]

    def dataframe(self) -> Any:
        """The rows as a pandas DataFrame (pandas is optional: pip install pandas)."""
        try:
            import pandas
        except ImportError:
            raise KgError("Table.dataframe needs pandas: pip install pandas") from None
        return pandas.DataFrame(list(self.rows), columns=list(self.columns))


def run_query(graph: Graph, query: str) -> Table:
    """Run a SPARQL SELECT or ASK query; kg's prefixes need not be declared."""
    try:
        result = graph.query(query, initNs=PREFIXES)
    except ParseException as e:
        raise QueryError(syntax_error(e.lineno, e.col, e.msg)) from e
    except SyntaxError as e:
        found = OXIGRAPH_ERROR.match(str(e))
        if found is None:
            raise QueryError(f"SPARQL syntax error: {e}") from e
        line, column, message = found.groups()
        raise QueryError(syntax_error(int(line), int(column), message)) from e
    except Exception as e:
        raise QueryError(f"the query failed: {e}") from e
    if result.type == "ASK":
        return Table(("ask",), ((bool(result.askAnswer),),))
    if result.type != "SELECT":
        raise QueryError("only SELECT and ASK queries are supported")
    columns = tuple(str(v) for v in result.vars)
    rows = tuple(tuple(plain(value) for value in row) for row in result)
    return Table(columns, rows)


def syntax_error(line: int, column: int, message: str) -> str:
    """A syntax error message that points at the place, shortened to its first line."""
    first = message.strip().splitlines()[0] if message.strip() else "unexpected text"
    if len(first) > 160:
        first = first[:157] + "..."
    return f"SPARQL syntax error at line {line}, column {column}: {first}"


def plain(term: object) -> Value:
    """A term as a plain value: IRIs shortened with kg's prefixes, literals as their value."""
    if term is None:
        return None
    if isinstance(term, URIRef):
        for prefix, namespace in PREFIXES.items():
            if term.startswith(namespace):
                return f"{prefix}:{term[len(namespace) :]}"
        return str(term)
    if isinstance(term, Literal):
        datatype = str(term.datatype) if term.datatype else None
        if datatype == str(XSD.boolean):
            return term.toPython() is True
        if datatype in NUMBERS:
            try:
                return NUMBERS[datatype](term)
            except ValueError:
                return str(term)
        return str(term)
    return str(term)


def cell(value: Value) -> str:
    """A value as it appears in a table cell."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


def format_table(table: Table, *, format: str = "table") -> str:
    """The answer as an aligned text table, CSV, JSON or a Markdown table."""
    if format not in FORMATS:
        raise KgError(f"unknown output format {format!r}; choose one of {', '.join(FORMATS)}")
    if format == "json":
        return json.dumps(table.records(), ensure_ascii=False, indent=2) + "\n"
    cells = [[cell(v) for v in row] for row in table.rows]
    if format == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(table.columns)
        writer.writerows(cells)
        return out.getvalue()
    if format == "markdown":
        lines = ["| " + " | ".join(table.columns) + " |", "|" + "---|" * len(table.columns)]
        for row in cells:
            escaped = (c.replace("|", "\\|").replace("\n", " ") for c in row)
            lines.append("| " + " | ".join(escaped) + " |")
        return "\n".join(lines) + "\n"
    cells = [list(table.columns), *cells]
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
