"""Network: a kg graph as a networkx MultiDiGraph of actors, one edge per statement.

Nodes are actors (IRIs shortened to kgr:…) with their Korean label and type. Each edge
is one statement, keyed by its IRI, carrying the relation, its time (valid_from,
valid_until, precision, time_text), modality, confidence, the report date and the article.
Symmetric relations keep their stored direction and have symmetric=True. Negated
statements are left out unless asked for. Attributes that are unknown are absent rather
than None, so the graph writes straight to GraphML and GEXF for Gephi.
"""

from __future__ import annotations

import networkx as nx
from rdflib import Graph

from kg.query import run_query
from kg.relations import SYMMETRIC

NODES = """
SELECT ?node ?type ?label ?en WHERE {
  ?node a ?type ; skos:prefLabel ?label .
  FILTER(?type NOT IN (kg:Statement, kg:Article) && lang(?label) = "ko")
  OPTIONAL { ?node skos:prefLabel ?en FILTER(lang(?en) = "en") }
} ORDER BY ?node
"""
EDGES = """
SELECT ?statement ?subject ?relation ?object ?valid_from ?valid_until ?precision ?time_text
       ?modality ?confidence ?reported ?article WHERE {
  ?statement a kg:Statement ; rdf:subject ?subject ; rdf:predicate ?relation ;
             rdf:object ?object ; kg:modality ?modality ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?statement kg:confidence ?confidence }
  OPTIONAL { ?statement kg:validFrom ?valid_from }
  OPTIONAL { ?statement kg:validUntil ?valid_until }
  OPTIONAL { ?statement kg:timePrecision ?precision }
  OPTIONAL { ?statement kg:timeText ?time_text }
  OPTIONAL { ?article dcterms:issued ?reported }
} ORDER BY ?statement
"""


def to_networkx(graph: Graph, *, negated: bool = False) -> nx.MultiDiGraph:
    """The actors and their statements as a networkx multi-digraph."""
    network = nx.MultiDiGraph()
    for node, kind, label, english in run_query(graph, NODES).rows:
        attributes = {"label": label, "type": str(kind).removeprefix("kg:")}
        if english is not None:
            attributes["label_en"] = english
        network.add_node(node, **attributes)
    edges = run_query(graph, EDGES)
    for record in edges.records():
        if record["modality"] == "kg:Negated" and not negated:
            continue
        relation = str(record["relation"]).removeprefix("kg:")
        attributes = {
            key: short(value)
            for key, value in record.items()
            if value is not None and key not in ("statement", "subject", "object", "relation")
        }
        network.add_edge(
            record["subject"],
            record["object"],
            key=record["statement"],
            relation=relation,
            symmetric=relation in SYMMETRIC,
            **attributes,
        )
    return network


def short(value: object) -> object:
    """kg:Day → Day, kg:Asserted → Asserted; other values as they are."""
    return value.removeprefix("kg:") if isinstance(value, str) else value
