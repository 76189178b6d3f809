"""SHACL validation: built graphs conform, and each kind of breakage is reported clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from rdflib import RDF, Literal
from rdflib.namespace import DCTERMS, SKOS, XSD

from kg.pipeline import build
from kg.store import load_graph
from kg.validation import validate
from kg.vocab import KG, KGR

SAMPLE = Path(__file__).parent / "data" / "sample.ttl"
ARTICLES = {
    "a.txt": "카카오는 지난 3일 오픈AI와 전략적 제휴를 맺었다. "
    "마이크로소프트는 오픈AI에 대규모 투자를 이어가고 있다.\n",
    "b.txt": "미국 상무부는 즈푸AI에 대한 제재를 발표했다. "
    "딥시크는 오픈AI와 치열하게 경쟁하고 있다.\n",
}


def test_a_built_graph_conforms(tmp_path, resources):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = build([tmp_path], published=dt.date(2025, 3, 10), resources=resources)
    assert result.statements
    report = validate(result.graph())
    assert report.conforms, "\n".join(map(str, report.violations))


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_the_sample_conforms_in_either_store(store):
    report = validate(load_graph(SAMPLE, store=store))
    assert report.conforms
    assert report.violations == ()


STMT = KGR["stmt-00000000000a"]


def no_modality(g):
    g.remove((STMT, KG.modality, None))


def year_literal(g):
    g.set((STMT, KG.validFrom, Literal("2024", datatype=XSD.gYear)))


def dated_without_precision(g):
    g.remove((STMT, KG.timePrecision, None))


def ends_before_it_starts(g):
    g.add((STMT, KG.validUntil, Literal("2024-01-01", datatype=XSD.date)))


def missing_edge(g):
    g.remove((KGR.openai, KG.blocks, KGR.china))


def reversed_symmetric(g):
    s = KGR["stmt-000000000010"]
    g.set((s, RDF.subject, KGR.openai))
    g.set((s, RDF.object, KGR.kakao))
    g.add((KGR.openai, KG.partnersWith, KGR.kakao))


def unknown_relation(g):
    g.set((STMT, RDF.predicate, KG.Day))


def untyped_actor(g):
    g.remove((KGR.china, RDF.type, None))


def no_korean_label(g):
    g.remove((KGR.china, SKOS.prefLabel, Literal("중국", lang="ko")))


def confidence_above_one(g):
    g.set((STMT, KG.confidence, Literal("1.5", datatype=XSD.decimal)))


def article_date_as_text(g):
    g.set((KGR["doc-a"], DCTERMS.issued, Literal("2024년 6월 28일")))


BREAKAGES = [
    (no_modality, "kgr:stmt-00000000000a", "kg:modality must be exactly one"),
    (year_literal, "kgr:stmt-00000000000a", "kg:validFrom must be one xsd:date"),
    (dated_without_precision, "kgr:stmt-00000000000a", "a dated statement needs kg:timePrecision"),
    (ends_before_it_starts, "kgr:stmt-00000000000a", "not after kg:validUntil"),
    (missing_edge, "kgr:stmt-00000000000a", "its direct edge (subject predicate object)"),
    (reversed_symmetric, "kgr:stmt-000000000010", "subject IRI before object IRI"),
    (unknown_relation, "kgr:stmt-00000000000a", "rdf:predicate must be one of"),
    (untyped_actor, "kgr:stmt-00000000000a", "rdf:object must be exactly one actor"),
    (no_korean_label, "kgr:china", "exactly one Korean skos:prefLabel"),
    (confidence_above_one, "kgr:stmt-00000000000a", "from 0 to 1"),
    (article_date_as_text, "kgr:doc-a", "dcterms:issued must be one xsd:date"),
]


@pytest.mark.parametrize(("breakage", "node", "message"), BREAKAGES)
def test_a_broken_graph_does_not_conform(breakage, node, message):
    graph = load_graph(SAMPLE, store="memory")
    breakage(graph)
    report = validate(graph)
    assert not report.conforms
    found = [str(v) for v in report.violations if v.node == node and message in v.message]
    assert found, "\n".join(map(str, report.violations))
    assert found[0].startswith(f"Violation: {node}")


def test_an_article_without_a_date_is_only_a_warning():
    graph = load_graph(SAMPLE, store="memory")
    graph.remove((KGR["doc-c"], DCTERMS.issued, None))
    report = validate(graph)
    assert report.conforms
    assert [(v.severity, v.node) for v in report.violations] == [("Warning", "kgr:doc-c")]
