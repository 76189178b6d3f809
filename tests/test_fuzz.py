"""Property-based tests over every stage: any input gives a result or a KgError, never a crash.

Texts mix Korean news fragments (names from the gazetteer, relation cues, dates) with
arbitrary Unicode, so the examples reach the relation rules as well as the edge cases.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.analysis import analyse
from kg.documents import Document, Meta, body_spans, clean_text, decode, make_document
from kg.errors import KgError
from kg.export import serialize
from kg.graph import build_graph
from kg.pipeline import extract
from kg.query import run_query
from kg.times import find_times

FRAGMENTS = [
    "삼성전자는 ",
    "엔비디아와 ",
    "협력했다. ",
    "미국 상무부는 ",
    "화웨이에 대한 수출을 ",
    "차단했다. ",
    "오픈AI에 ",
    "투자했다고 밝혔다. ",
    "2025년 3월 4일부터 ",
    "내달 9일까지 ",
    "지난해 ",
    "\n",
    "“",
    "”",
    "<p>",
    "&amp;",
    "홍길동 기자\n",
]
TEXT = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=20).map(
    "".join
)
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1)))
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def as_document(text: str, published: dt.date | None, doc_id: str = "fuzz") -> Document | None:
    items = list(make_document(doc_id, text, Meta(published=published), where=doc_id))
    return next((i for i in items if isinstance(i, Document)), None)


@FUZZ
@given(st.binary(max_size=300))
def test_decode_gives_text_or_none(raw):
    text, note = decode(raw)
    assert text is None or isinstance(text, str)
    assert isinstance(note, str)


@FUZZ
@given(TEXT)
def test_documents_are_clean_and_spans_inside_the_text(text):
    document = as_document(text, None)
    if document is None:
        return
    assert document.text == clean_text(document.text)
    document.text.encode("utf-8")
    assert document.body == body_spans(document.text)
    for start, end in document.body:
        assert 0 <= start < end <= len(document.text)
        assert document.text[start:end].strip() == document.text[start:end]


@FUZZ
@given(TEXT)
def test_analysis_offsets_are_inside_the_text(resources, text):
    document = as_document(text, None)
    if document is None:
        return
    for sentence in analyse(document.text, document.body, resources.kiwi):
        assert 0 <= sentence.start <= sentence.end <= len(document.text)
        for token in sentence.tokens:
            assert 0 <= token.start <= token.end <= len(document.text)


@FUZZ
@given(TEXT, DATES)
def test_times_are_inside_the_text(text, published):
    for timex in find_times(text, published=published):
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text


@FUZZ
@given(TEXT, DATES)
def test_statements_point_into_the_text(resources, text, published):
    document = as_document(text, published)
    if document is None:
        return
    for statement in extract(document, resources):
        for evidence in statement.evidence:
            assert 0 <= evidence.start < evidence.end <= len(document.text)


@FUZZ
@given(TEXT, DATES, st.text(max_size=20), st.text(max_size=20))
def test_turtle_out_parses_back_to_the_same_graph(resources, text, published, doc_id, source):
    document = as_document("삼성전자는 엔비디아와 협력했다.\n" + text, published, doc_id or "x")
    assert document is not None
    document = Document(**{**document.__dict__, "source": source, "title": source})
    graph = build_graph(extract(document, resources), [document])
    again = Graph().parse(data=serialize(graph), format="turtle")
    if not isomorphic(graph, again):
        _, only_before, only_after = graph_diff(to_isomorphic(graph), to_isomorphic(again))
        raise AssertionError(f"lost {list(only_before)}; gained {list(only_after)}")


@FUZZ
@given(st.one_of(st.text(max_size=60), st.sampled_from(["SELECT ?s WHERE { ?s ?p ?o }", "ASK {}"])))
def test_any_query_gives_a_table_or_a_query_error(query):
    graph = Graph()
    with contextlib.suppress(KgError):
        run_query(graph, query)
