"""Stores: a graph file loaded into Oxigraph (the default) or rdflib's in-memory store.

Both give an rdflib Graph, so every other part of kg (queries, viewer, exports, networkx)
works on either. With the Oxigraph store (through oxrdflib) parsing and SPARQL run in
Oxigraph's Rust engine: on a million triples it loads about ten times faster and answers
date queries about a hundred times faster than the in-memory store (benchmarks/sparql.py).
pyshacl and rdflib's serializers want the in-memory store, so kg copies into one for them.

With Oxigraph, kg reaches past rdflib to the pyoxigraph store underneath (oxigraph_graph):
files load straight into it, and kg.query reads answers from it without making rdflib terms,
which on a million triples costs more than the query itself. Oxigraph loads leniently: it
refuses broken syntax but skips IRI validation, a third of its loading time.

Oxigraph gives plain literals their RDF 1.1 datatype xsd:string, which rdflib treats as a
different term from the plain literal it writes; in_memory drops it again, so a graph round
trip through Oxigraph serialises byte for byte as before and merges without duplicates.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph
from oxrdflib import OxigraphStore
from rdflib import BNode, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import XSD
from rdflib.plugins.stores.memory import Memory

from kg.errors import InputError
from kg.graph import new_graph

STORES = ("oxigraph", "memory")
OXIGRAPH_FORMATS = {
    ".ttl": pyoxigraph.RdfFormat.TURTLE,
    ".nt": pyoxigraph.RdfFormat.N_TRIPLES,
    ".nq": pyoxigraph.RdfFormat.N_QUADS,
    ".trig": pyoxigraph.RdfFormat.TRIG,
    ".rdf": pyoxigraph.RdfFormat.RDF_XML,
}


@dataclass(frozen=True)
class OxigraphGraph:
    """Where an rdflib graph keeps its triples in Oxigraph: the store and the graph's name."""

    store: pyoxigraph.Store
    name: pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.DefaultGraph


def empty_graph(*, store: str = "oxigraph") -> Graph:
    """An empty graph in the chosen store, with kg's prefixes bound."""
    if store not in STORES:
        raise InputError(f"unknown store {store!r}; choose one of {', '.join(STORES)}")
    if store == "memory":
        return new_graph()
    graph = Graph(store=OxigraphStore(store=pyoxigraph.Store()))
    for prefix, namespace in new_graph().namespaces():
        graph.bind(prefix, namespace)
    return graph


def load_graph(path: Path | str, *, store: str = "oxigraph") -> Graph:
    """A graph from an RDF file (Turtle, N-Triples, TriG, JSON-LD…); the suffix gives the format."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such graph file")
    graph = empty_graph(store=store)
    native = oxigraph_graph(graph)
    native_format = OXIGRAPH_FORMATS.get(path.suffix.lower())
    try:
        if native is None or native_format is None:
            graph.parse(path)
        else:
            native.store.load(
                path=path,
                format=native_format,
                base_iri=path.absolute().as_uri(),
                to_graph=native.name,
                lenient=True,
            )
    except Exception as e:
        raise InputError(f"{path}: not a readable RDF file ({e})") from e
    return graph


def oxigraph_graph(graph: Graph) -> OxigraphGraph | None:
    """The graph's place in the Oxigraph store holding it; None for any other store."""
    if not isinstance(graph.store, OxigraphStore) or graph.default_union:
        return None
    identifier = graph.identifier
    if identifier == DATASET_DEFAULT_GRAPH_ID:
        name = pyoxigraph.DefaultGraph()
    elif isinstance(identifier, BNode):
        name = pyoxigraph.BlankNode(str(identifier))
    else:
        name = pyoxigraph.NamedNode(str(identifier))
    return OxigraphGraph(graph.store._inner, name)  # oxrdflib has no public accessor


def in_memory(graph: Graph) -> Graph:
    """The graph in rdflib's in-memory store: itself if it is there, else a copy."""
    if isinstance(graph.store, Memory):
        return graph
    return merge(graph)


def merge(*graphs: Graph) -> Graph:
    """The union of graphs in memory. IRIs are deterministic, so merging twice adds nothing."""
    union = new_graph()
    for graph in graphs:
        union.addN((s, p, plain_string(o), union) for s, p, o in graph)
    return union


def plain_string(term: object) -> object:
    """An xsd:string literal as the plain literal rdflib writes; any other term unchanged."""
    if isinstance(term, Literal) and term.datatype == XSD.string:
        return Literal(str(term))
    return term
