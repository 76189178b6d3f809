"""Loading graph files into both stores, and reaching the pyoxigraph store behind a graph."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from kg.query import run_query
from kg.store import empty_graph, in_memory, load_graph, oxigraph_graph

SAMPLE = Path(__file__).parent / "data" / "sample.ttl"


@pytest.mark.parametrize("suffix", [".ttl", ".nt", ".jsonld"])
def test_both_stores_load_the_same_triples(tmp_path, suffix):
    path = tmp_path / f"sample{suffix}"
    fmt = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}[suffix]
    path.write_text(Graph().parse(SAMPLE).serialize(format=fmt), encoding="utf-8")
    oxigraph = load_graph(path, store="oxigraph")
    memory = load_graph(path, store="memory")
    assert len(oxigraph) == len(memory) > 100
    assert isomorphic(in_memory(oxigraph), memory)


def test_relative_iris_resolve_against_the_file_in_both_stores(tmp_path):
    path = tmp_path / "relative.ttl"
    path.write_text("<a> <https://w3id.org/kgnews/ontology#funds> <b> .\n", encoding="utf-8")
    expected = URIRef((tmp_path / "a").as_uri())
    for store in ("oxigraph", "memory"):
        assert [s for s, _, _ in load_graph(path, store=store)] == [expected]


def test_oxigraph_graph_is_the_pyoxigraph_store_behind_a_graph():
    assert oxigraph_graph(empty_graph(store="memory")) is None
    graph = load_graph(SAMPLE)
    native = oxigraph_graph(graph)
    assert native is not None
    count = native.store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", default_graph=native.name
    )
    assert int(next(count)[0].value) == len(graph)
    assert isinstance(native.name, pyoxigraph.BlankNode)


def test_triples_added_through_rdflib_are_queried_natively():
    graph = empty_graph()
    graph.parse(SAMPLE)
    table = run_query(graph, "SELECT ?who WHERE { ?who kg:funds kgr:zhipu }")
    assert table.rows == (("kgr:china",),)
