"""Exports: RDF formats that round-trip, GraphML and GEXF for Gephi, a statements CSV, merging."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.export import CSV_COLUMNS, export_graph, serialize, write_atomic
from kg.store import load_graph, merge

SAMPLE = Path(__file__).parent / "data" / "sample.ttl"
RDFLIB_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}


@pytest.fixture(scope="module")
def sample():
    return load_graph(SAMPLE, store="memory")


@pytest.mark.parametrize("format", sorted(RDFLIB_FORMATS))
def test_rdf_formats_round_trip(sample, format):
    text = export_graph(sample, format=format)
    back = Graph().parse(data=text, format=RDFLIB_FORMATS[format])
    assert isomorphic(back, sample)


@pytest.mark.parametrize("format", ["ttl", "nt", "trig"])
def test_oxigraph_and_memory_serialise_byte_for_byte_alike(format):
    oxigraph = serialize(load_graph(SAMPLE), format=format)
    memory = serialize(load_graph(SAMPLE, store="memory"), format=format)
    assert oxigraph == memory
    assert "^^xsd:string" not in oxigraph


def test_trig_has_no_blank_graph_name(sample):
    assert "_:" not in export_graph(sample, format="trig")


@pytest.mark.parametrize("format", ["graphml", "gexf"])
def test_graphml_and_gexf_read_back_in_networkx(sample, format):
    text = export_graph(sample, format=format)
    path_reader = nx.read_graphml if format == "graphml" else nx.read_gexf
    network = path_reader(io.BytesIO(text.encode("utf-8")))
    assert network.number_of_nodes() == 11
    assert network.number_of_edges() == 10
    labels = {data.get("label") for _, data in network.nodes(data=True)}
    assert {"오픈AI", "중국"} <= labels
    relations = sorted(d["relation"] for *_, d in network.edges(data=True))
    assert relations.count("partnersWith") == 3


def test_statements_csv(sample):
    rows = list(csv.DictReader(io.StringIO(export_graph(sample, format="csv"))))
    assert len(rows) == 11
    assert tuple(rows[0]) == CSV_COLUMNS
    samsung = next(r for r in rows if r["object"] == "kgr:samsung")
    assert samsung["subject_label"] == "오픈AI"
    assert samsung["relation"] == "kg:partnersWith"
    assert samsung["valid_from"] == "2025-03-05"
    assert samsung["precision"] == "kg:Day"
    assert samsung["reported"] == "2025-03-10"
    assert samsung["outlet"] == "가상일보"
    assert samsung["evidence"].count("다.") == 2
    negated = next(r for r in rows if r["modality"] == "kg:Negated")
    assert negated["object_label"] == "딥시크"


def test_unknown_format(sample):
    with pytest.raises(InputError, match="choose one of ttl, nt, jsonld, trig, graphml, gexf, csv"):
        export_graph(sample, format="xlsx")


def test_merging_is_idempotent_and_drops_oxigraph_string_types(sample):
    once = merge(sample, load_graph(SAMPLE))
    assert len(once) == len(sample)
    assert serialize(merge(once, sample)) == serialize(sample)


def test_written_files_get_ordinary_permissions(tmp_path):
    path = tmp_path / "out" / "graph.ttl"
    write_atomic(path, "hello")
    mask = os.umask(0)
    os.umask(mask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~mask
    assert [p.name for p in path.parent.iterdir()] == ["graph.ttl"]
