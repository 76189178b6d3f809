"""A build's files written as statements come: Turtle and HTML without the whole rdflib graph
give what the in-memory graph gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from kg.export import serialize
from kg.pipeline import Extracted, build
from kg.viewer import render_html, write_html
from kg.writer import write_build

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def built(resources):
    return build([GOLDEN / "articles.jsonl"], resources=resources)


def items(built) -> list[Extracted]:
    return [
        Extracted(d, tuple(s for s in built.statements if s.doc == d.id)) for d in built.documents
    ]


def test_turtle_and_html_are_those_of_the_whole_graph(tmp_path, built):
    written = write_build(items(built), tmp_path, render=write_html)
    graph = built.graph()
    assert (tmp_path / "graph.ttl").read_text(encoding="utf-8") == serialize(graph)
    assert (tmp_path / "graph.html").read_text(encoding="utf-8") == render_html(graph, title="kg")
    assert written.files == ("graph.ttl", "statements.jsonl", "graph.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(written.files)


def test_turtle_is_the_same_whatever_the_order_of_the_articles(tmp_path, built):
    write_build(items(built), tmp_path / "a", render=None)
    write_build(items(built)[::-1], tmp_path / "b", render=None)
    first, second = ((tmp_path / x / "graph.ttl").read_bytes() for x in "ab")
    assert first == second
    assert not (tmp_path / "a" / "graph.html").exists()


def test_n_triples_hold_the_same_triples(tmp_path, built):
    write_build(items(built), tmp_path, graph_format="nt", render=write_html)
    graph = Graph().parse(tmp_path / "graph.nt", format="nt")
    assert set(graph) == set(built.graph())
    assert not (tmp_path / "graph.html").exists()


def test_the_graph_is_kept_without_a_folder_and_read_back_with_one(tmp_path, built):
    kept = write_build(items(built), None)
    assert kept.files and set(kept.graph) == set(built.graph())
    written = write_build(items(built), tmp_path)
    assert written.kept is None and set(written.graph) == set(built.graph())


def test_html_is_the_same_when_the_viewer_spills_to_disk(tmp_path, built, monkeypatch):
    monkeypatch.setattr("kg.viewer.LINES_IN_MEMORY", 2)
    write_build(items(built), tmp_path, render=write_html)
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    assert page == render_html(built.graph(), title="kg")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["graph.ttl", "statements.jsonl", "graph.html"]
    )


def test_a_failed_build_leaves_no_temporaries(tmp_path, built, monkeypatch):
    monkeypatch.setattr("kg.viewer.LINES_IN_MEMORY", 2)

    def failing():
        yield from items(built)
        raise RuntimeError("읽기 실패")

    with pytest.raises(RuntimeError):
        write_build(failing(), tmp_path, render=write_html)
    assert list(tmp_path.iterdir()) == []
