"""kg: a temporal knowledge-graph builder for Korean news.

>>> import kg
>>> result = kg.build(["examples/articles"])          # doctest: +SKIP
>>> graph = result.graph()
>>> kg.run_query(graph, "SELECT ?s ?o WHERE { ?s kg:funds ?o }")
>>> graph = kg.load_graph("out/graph.ttl")             # Oxigraph; store="memory" for rdflib
>>> kg.select_statements(graph, as_of=datetime.date(2025, 1, 31)).dataframe()
>>> kg.timeline(graph, "오픈AI")
>>> network = kg.to_networkx(graph)                     # MultiDiGraph, one edge per statement
>>> kg.validate(graph).conforms
>>> kg.show(graph)                                      # the viewer inline in Jupyter
"""

from __future__ import annotations

from kg.documents import Document, Problem, read_articles
from kg.errors import InputError, KgError, QueryError
from kg.explain import explain
from kg.export import export_graph, serialize, statement_record, statements_jsonl
from kg.gazetteer import Entity, Gazetteer, load_gazetteer
from kg.jupyter import show
from kg.network import to_networkx
from kg.pipeline import Build, Resources, build, extract, load_resources
from kg.query import Table, format_table, run_query
from kg.relations import Statement
from kg.stats import Stats, graph_stats
from kg.store import load_graph, merge
from kg.temporal import select_statements, timeline
from kg.times import Timex, find_times
from kg.validation import Validation, Violation, validate
from kg.viewer import render_html

__all__ = [
    "Build",
    "Document",
    "Entity",
    "Gazetteer",
    "InputError",
    "KgError",
    "Problem",
    "QueryError",
    "Resources",
    "Statement",
    "Stats",
    "Table",
    "Timex",
    "Validation",
    "Violation",
    "build",
    "explain",
    "export_graph",
    "extract",
    "find_times",
    "format_table",
    "graph_stats",
    "load_gazetteer",
    "load_graph",
    "load_resources",
    "merge",
    "read_articles",
    "render_html",
    "run_query",
    "select_statements",
    "serialize",
    "show",
    "statement_record",
    "statements_jsonl",
    "timeline",
    "to_networkx",
    "validate",
]
