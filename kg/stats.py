"""Stats: what a graph holds, counted by type, relation and year, and its most connected actors.

A statement's year is that of its start, else its end, else its report date.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields

from rdflib import Graph

from kg.query import Table, format_table, run_query

TYPES = """
SELECT ?type (COUNT(DISTINCT ?node) AS ?count) WHERE { ?node a ?type }
GROUP BY ?type ORDER BY DESC(?count) ?type
"""
RELATIONS = """
SELECT ?relation (COUNT(?statement) AS ?statements)
       (SUM(IF(?modality = kg:Negated, 1, 0)) AS ?negated) WHERE {
  ?statement a kg:Statement ; rdf:predicate ?relation ; kg:modality ?modality .
} GROUP BY ?relation ORDER BY DESC(?statements) ?relation
"""
YEARS = """
SELECT ?year (COUNT(?statement) AS ?statements) WHERE {
  ?statement a kg:Statement .
  OPTIONAL { ?statement kg:validFrom ?from }
  OPTIONAL { ?statement kg:validUntil ?until }
  OPTIONAL { ?statement prov:wasDerivedFrom/dcterms:issued ?reported }
  BIND(YEAR(COALESCE(?from, ?until, ?reported)) AS ?year)
} GROUP BY ?year ORDER BY ?year
"""
ACTORS = """
SELECT ?actor ?label (COUNT(DISTINCT ?statement) AS ?statements)
       (COUNT(DISTINCT ?other) AS ?neighbours) WHERE {
  { ?statement rdf:subject ?actor ; rdf:object ?other }
  UNION { ?statement rdf:object ?actor ; rdf:subject ?other }
  ?statement a kg:Statement .
  OPTIONAL { ?actor skos:prefLabel ?label FILTER(lang(?label) = "ko") }
} GROUP BY ?actor ?label ORDER BY DESC(?statements) DESC(?neighbours) ?actor LIMIT %d
"""


@dataclass(frozen=True)
class Stats:
    """Counts of a graph, each as a table."""

    types: Table
    relations: Table
    years: Table
    actors: Table


def graph_stats(graph: Graph, *, top: int = 10) -> Stats:
    """Nodes by type, statements by relation and year, and the top actors by statements."""
    return Stats(
        types=run_query(graph, TYPES),
        relations=run_query(graph, RELATIONS),
        years=run_query(graph, YEARS),
        actors=run_query(graph, ACTORS % top),
    )


def format_stats(stats: Stats, *, format: str = "table") -> str:
    """All the tables under a heading each, or one JSON object of them."""
    if format == "json":
        records = {f.name: getattr(stats, f.name).records() for f in fields(stats)}
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    heading = "## {}\n\n" if format == "markdown" else "{}\n"
    return "\n".join(
        heading.format(f.name) + format_table(getattr(stats, f.name), format=format)
        for f in fields(stats)
    )
