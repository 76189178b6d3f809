"""kg: a temporal knowledge-graph builder for Korean news.

>>> import kg
>>> result = kg.build(["examples/articles"])          # doctest: +SKIP
>>> graph = result.graph()
>>> kg.run_query(graph, "SELECT ?s ?o WHERE { ?s kg:funds ?o }")
"""

from __future__ import annotations

from kg.documents import Document, Problem, read_articles
from kg.errors import InputError, KgError, QueryError
from kg.explain import explain
from kg.export import serialize, statement_record, statements_jsonl
from kg.gazetteer import Entity, Gazetteer, load_gazetteer
from kg.pipeline import Build, Resources, build, extract, load_resources
from kg.query import Table, format_table, load_graph, run_query
from kg.relations import Statement
from kg.times import Timex, find_times
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
    "Table",
    "Timex",
    "build",
    "explain",
    "extract",
    "find_times",
    "format_table",
    "load_gazetteer",
    "load_graph",
    "load_resources",
    "read_articles",
    "render_html",
    "run_query",
    "serialize",
    "statement_record",
    "statements_jsonl",
]
