"""The viewer: a kg graph as a self-contained HTML network (pyvis, vis-network inline)."""

from __future__ import annotations

import re

from pyvis.network import Network
from rdflib import RDF, Graph
from rdflib.namespace import SKOS

from kg.vocab import KG

EXTERNAL = re.compile(r"<(script|link)[^>]+(src|href)=\"https?://[^\"]+\"[^>]*>(</script>)?")


def render_html(graph: Graph, *, title: str = "kg") -> str:
    """A page showing actors as nodes and relations as edges, opening with no network."""
    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for node in sorted(set(graph.subjects(RDF.type, None))):
        kind = graph.value(node, RDF.type)
        if kind in (KG.Statement, KG.Article):
            continue
        label = next(
            (str(x) for x in graph.objects(node, SKOS.prefLabel) if x.language == "ko"),
            str(node),
        )
        net.add_node(str(node), label=label, title=f"{label} ({str(kind).split('#')[-1]})")
    for statement in sorted(graph.subjects(RDF.type, KG.Statement)):
        subject = graph.value(statement, RDF.subject)
        obj = graph.value(statement, RDF.object)
        predicate = str(graph.value(statement, RDF.predicate)).split("#")[-1]
        when = graph.value(statement, KG.validFrom) or graph.value(statement, KG.validUntil)
        evidence = graph.value(statement, KG.evidence)
        net.add_edge(
            str(subject), str(obj), label=predicate, title=f"{predicate} {when or ''}\n{evidence}"
        )
    return EXTERNAL.sub("", net.generate_html())
