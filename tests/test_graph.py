"""The RDF model: direct edges, statement nodes, dates, modality and canonical order."""

from __future__ import annotations

import datetime as dt

from rdflib import RDF, XSD, Literal

from kg.documents import Document
from kg.gazetteer import Entity
from kg.graph import build_graph, statement_iri
from kg.relations import Evidence, Statement
from kg.times import Timex
from kg.vocab import KG, KGR

OPENAI = Entity("openai", "Company", "오픈AI", "OpenAI")
KAKAO = Entity("kakao", "Company", "카카오", "Kakao")
CHINA = Entity("china", "Country", "중국", "China")
DOC = Document(id="a.txt", text="…", published=dt.date(2025, 2, 4), source="테스트일보")


def statement(subject, predicate, obj, *, time=None, modality="asserted") -> Statement:
    return Statement(
        doc="a.txt",
        subject=subject,
        predicate=predicate,
        object=obj,
        time=time,
        modality=modality,
        confidence=0.8,
        evidence=(Evidence("문장.", 0, 3, "차단"),),
    )


def test_direct_edge_and_statement_node():
    s = statement(
        OPENAI, "blocks", CHINA, time=Timex("내달 9일", 0, 5, "2024-07-09", "day", "point")
    )
    graph = build_graph([s], [DOC])
    assert (KGR.openai, KG.blocks, KGR.china) in graph
    node = statement_iri(s)
    assert graph.value(node, RDF.subject) == KGR.openai
    assert graph.value(node, KG.validFrom) == Literal(dt.date(2024, 7, 9), datatype=XSD.date)
    assert graph.value(node, KG.timePrecision) == KG.Day
    assert graph.value(KGR["doc-a"], RDF.type) == KG.Article


def test_month_end_is_the_last_day_of_the_month():
    s = statement(OPENAI, "blocks", CHINA, time=Timex("6월까지", 0, 5, "2024-06", "month", "end"))
    graph = build_graph([s], [DOC])
    node = statement_iri(s)
    assert graph.value(node, KG.validUntil) == Literal(dt.date(2024, 6, 30), datatype=XSD.date)
    assert graph.value(node, KG.validFrom) is None
    assert graph.value(node, KG.timePrecision) == KG.Month


def test_negated_statement_has_no_direct_edge():
    s = statement(OPENAI, "partnersWith", KAKAO, modality="negated")
    graph = build_graph([s], [DOC])
    assert (None, KG.partnersWith, None) not in graph
    assert graph.value(statement_iri(s), KG.modality) == KG.Negated


def test_symmetric_relation_stored_once_in_canonical_order():
    graph = build_graph(
        [statement(OPENAI, "partnersWith", KAKAO), statement(KAKAO, "partnersWith", OPENAI)],
        [DOC],
    )
    assert list(graph.triples((None, KG.partnersWith, None))) == [
        (KGR.kakao, KG.partnersWith, KGR.openai)
    ]
    assert len(list(graph.subjects(RDF.type, KG.Statement))) == 1


def test_statement_iri_is_stable():
    a = statement(OPENAI, "blocks", CHINA)
    b = statement(OPENAI, "blocks", CHINA)
    assert statement_iri(a) == statement_iri(b)
    assert statement_iri(a) != statement_iri(statement(CHINA, "blocks", OPENAI))
