"""to_networkx: actors as nodes, one edge per statement with relation and time."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kg.network import to_networkx
from kg.store import load_graph

SAMPLE = Path(__file__).parent / "data" / "sample.ttl"


@pytest.fixture(scope="module", params=["oxigraph", "memory"])
def network(request):
    return to_networkx(load_graph(SAMPLE, store=request.param))


def test_nodes_are_actors_with_labels_and_types(network):
    assert isinstance(network, nx.MultiDiGraph)
    assert network.number_of_nodes() == 11
    assert network.nodes["kgr:openai"] == {
        "label": "오픈AI",
        "label_en": "OpenAI",
        "type": "Company",
    }
    assert network.nodes["kgr:us-bis"]["type"] == "GovernmentBody"


def test_edges_carry_relation_time_and_source(network):
    edges = network.get_edge_data("kgr:openai", "kgr:china")
    assert list(edges) == ["kgr:stmt-00000000000a"]
    edge = edges["kgr:stmt-00000000000a"]
    assert edge["relation"] == "blocks"
    assert edge["valid_from"] == "2024-07-09"
    assert edge["precision"] == "Day"
    assert edge["modality"] == "Planned"
    assert edge["confidence"] == 0.82
    assert edge["reported"] == "2024-06-28"
    assert edge["article"] == "kgr:doc-a"
    assert edge["symmetric"] is False
    assert "valid_until" not in edge


def test_parallel_statements_are_separate_edges(network):
    relations = sorted(
        d["relation"] for d in network.get_edge_data("kgr:microsoft", "kgr:openai").values()
    )
    assert relations == ["competesWith", "funds", "partnersWith"]
    assert all(
        d["symmetric"] == (d["relation"] != "funds")
        for d in network.get_edge_data("kgr:microsoft", "kgr:openai").values()
    )


def test_negated_statements_only_on_request():
    graph = load_graph(SAMPLE)
    assert not to_networkx(graph).has_edge("kgr:kakao", "kgr:deepseek")
    with_negated = to_networkx(graph, negated=True)
    [edge] = with_negated.get_edge_data("kgr:kakao", "kgr:deepseek").values()
    assert edge["modality"] == "Negated"


def test_centrality_finds_the_hub(network):
    centrality = nx.degree_centrality(network)
    assert max(centrality, key=centrality.get) == "kgr:openai"
