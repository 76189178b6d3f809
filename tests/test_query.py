"""SPARQL over both stores, output formats, syntax errors, and the date questions."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from kg.errors import InputError, KgError, QueryError
from kg.export import serialize
from kg.pipeline import build
from kg.query import Table, format_table, run_query
from kg.store import load_graph
from kg.temporal import count_statements, find_entity, select_statements, timeline

SAMPLE = Path(__file__).parent / "data" / "sample.ttl"
STORES = ("oxigraph", "memory")


@pytest.fixture(scope="module", params=STORES)
def graph(request):
    return load_graph(SAMPLE, store=request.param)


@pytest.fixture(scope="module")
def both():
    return [load_graph(SAMPLE, store=store) for store in STORES]


def triples(table: Table) -> list[tuple]:
    return [row[:3] for row in table.rows]


def test_prefixes_are_predeclared(graph):
    table = run_query(graph, "SELECT ?who WHERE { ?who kg:funds kgr:zhipu }")
    assert table == Table(("who",), (("kgr:china",),))


def test_values_are_plain_python(graph):
    table = run_query(
        graph,
        "SELECT ?c ?d (COUNT(*) AS ?n) WHERE { kgr:stmt-00000000000a kg:confidence ?c ;"
        " kg:validFrom ?d } GROUP BY ?c ?d",
    )
    assert table.rows == ((0.82, "2024-07-09", 1),)
    assert run_query(graph, "ASK { kgr:openai kg:blocks kgr:china }").rows == ((True,),)


QUERIES = [
    "SELECT ?s ?o WHERE { ?s kg:partnersWith|^kg:partnersWith ?o } ORDER BY ?s ?o",
    "SELECT ?p (COUNT(?st) AS ?n) WHERE { ?st rdf:predicate ?p } GROUP BY ?p ORDER BY ?p",
    "SELECT ?l WHERE { ?e a kg:Company ; skos:prefLabel ?l FILTER(lang(?l) = 'ko') } ORDER BY ?l",
    "SELECT ?st ?c WHERE { ?st kg:confidence ?c FILTER(?c >= 0.85) } ORDER BY ?st",
    "SELECT ?st ?until (BOUND(?until) AS ?b) (?c * 2 AS ?d) (LANG(?e) AS ?l) ?e WHERE {"
    " ?st kg:confidence ?c ; kg:evidence ?e OPTIONAL { ?st kg:validUntil ?until } }"
    " ORDER BY ?st ?e",
]


@pytest.mark.parametrize("query", QUERIES)
def test_both_stores_give_the_same_answers(both, query):
    oxigraph, memory = (run_query(g, query) for g in both)
    assert oxigraph == memory
    assert oxigraph.rows


def test_symmetric_relations_are_stored_once_and_found_either_way(graph):
    stored = run_query(graph, "SELECT ?s WHERE { ?s kg:partnersWith kgr:openai } ORDER BY ?s")
    assert stored.rows == (("kgr:kakao",), ("kgr:microsoft",))
    either = run_query(
        graph, "SELECT ?o WHERE { kgr:openai kg:partnersWith|^kg:partnersWith ?o } ORDER BY ?o"
    )
    assert either.rows == (("kgr:kakao",), ("kgr:microsoft",), ("kgr:samsung",))


@pytest.mark.parametrize(
    "query",
    ["SELECT ?s WHERE {\n  ?s kg:funds ?o .\n  FILTER(?s > ) }", "SELEC ?s WHERE { ?s ?p ?o }"],
)
def test_syntax_errors_say_where(graph, query):
    with pytest.raises(QueryError, match=r"SPARQL syntax error at line \d+, column \d+: "):
        run_query(graph, query)


def test_syntax_error_points_at_the_line(both):
    with pytest.raises(QueryError, match="at line 3, column"):
        run_query(both[0], "SELECT ?s WHERE {\n  ?s kg:funds ?o .\n  FILTER(?s > ) }")


def test_construct_is_refused(graph):
    with pytest.raises(QueryError, match="only SELECT and ASK"):
        run_query(graph, "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")


def test_missing_and_broken_graph_files(tmp_path):
    with pytest.raises(InputError, match="no such graph file"):
        load_graph(tmp_path / "none.ttl")
    broken = tmp_path / "broken.ttl"
    broken.write_text("kgr:a kg:b", encoding="utf-8")
    for store in STORES:
        with pytest.raises(InputError, match="not a readable RDF file"):
            load_graph(broken, store=store)
    with pytest.raises(InputError, match="unknown store"):
        load_graph(SAMPLE, store="postgres")


TABLE = Table(("who", "n", "note"), (("kgr:openai", 2, None), ("kgr:오픈|AI", 1, "a,b")))


def test_formats():
    assert format_table(TABLE, format="csv") == 'who,n,note\nkgr:openai,2,\nkgr:오픈|AI,1,"a,b"\n'
    assert json.loads(format_table(TABLE, format="json")) == [
        {"who": "kgr:openai", "n": 2, "note": None},
        {"who": "kgr:오픈|AI", "n": 1, "note": "a,b"},
    ]
    assert format_table(TABLE, format="markdown").splitlines() == [
        "| who | n | note |",
        "|---|---|---|",
        "| kgr:openai | 2 |  |",
        "| kgr:오픈\\|AI | 1 | a,b |",
    ]
    lines = format_table(TABLE).splitlines()
    assert lines[0] == "who          n  note"
    assert lines[3] == "kgr:오픈|AI  1  a,b"
    assert lines[-1] == "(2 rows)"
    with pytest.raises(KgError, match="unknown output format"):
        format_table(TABLE, format="xml")


def test_dataframe():
    pandas = pytest.importorskip("pandas")
    frame = TABLE.dataframe()
    assert isinstance(frame, pandas.DataFrame)
    assert list(frame.columns) == ["who", "n", "note"]
    assert frame["n"].sum() == 3


# Dates in tests/data/sample.ttl, by statement (subject relation object):
#   openai blocks china          from 2024-07-09 (day)          reported 2024-06-28
#   microsoft funds openai       no time                        reported 2024-06-28
#   microsoft partnersWith openai no time                       reported 2024-06-28
#   huawei sanctionedBy us-bis   until 2024-12-31 (year 2024)   reported 2024-06-28
#   zhipu sanctionedBy us-commerce from 2025-01-01 (month 2025-01) reported 2025-01-20
#   china funds zhipu            no time                        reported 2025-01-20
#   kakao partnersWith openai    from 2025-02-01 (month 2025-02) reported 2025-01-20
#   china blocks nvidia          until 2025-06-30 (month 2025-06) reported 2025-01-20
#   microsoft competesWith openai from 2025-01-01 (year 2025)   reported 2025-03-10
#   openai partnersWith samsung  from 2025-03-05 (day)          reported 2025-03-10
#   kakao blocks deepseek        negated                        reported 2025-03-10
OLD = [
    ("kgr:microsoft", "kg:funds", "kgr:openai"),
    ("kgr:microsoft", "kg:partnersWith", "kgr:openai"),
    ("kgr:huawei", "kg:sanctionedBy", "kgr:us-bis"),
]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-06-27", []),
        ("2024-07-08", OLD),
        ("2024-07-09", [*OLD, ("kgr:openai", "kg:blocks", "kgr:china")]),
        ("2024-12-31", [*OLD, ("kgr:openai", "kg:blocks", "kgr:china")]),
        (
            "2025-01-01",
            [
                *OLD[:2],
                ("kgr:openai", "kg:blocks", "kgr:china"),
                ("kgr:microsoft", "kg:competesWith", "kgr:openai"),
                ("kgr:zhipu", "kg:sanctionedBy", "kgr:us-commerce"),
            ],
        ),
        (
            "2025-06-30",
            [
                *OLD[:2],
                ("kgr:openai", "kg:blocks", "kgr:china"),
                ("kgr:microsoft", "kg:competesWith", "kgr:openai"),
                ("kgr:zhipu", "kg:sanctionedBy", "kgr:us-commerce"),
                ("kgr:china", "kg:blocks", "kgr:nvidia"),
                ("kgr:china", "kg:funds", "kgr:zhipu"),
                ("kgr:kakao", "kg:partnersWith", "kgr:openai"),
                ("kgr:openai", "kg:partnersWith", "kgr:samsung"),
            ],
        ),
    ],
)
def test_as_of_with_day_month_and_year_precision(graph, day, expected):
    table = select_statements(graph, as_of=dt.date.fromisoformat(day))
    assert sorted(triples(table)) == sorted(expected)


def test_rows_come_in_start_date_order(graph):
    table = select_statements(graph, as_of=dt.date(2025, 6, 30))
    starts = [row[3] or row[7] for row in table.rows]
    assert starts == sorted(starts)


def test_month_end_is_its_last_day(graph):
    after = select_statements(graph, as_of=dt.date(2025, 7, 1))
    assert ("kgr:china", "kg:blocks", "kgr:nvidia") not in triples(after)


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2025-02-01", "2025-02-28", [("kgr:kakao", "kg:partnersWith", "kgr:openai")]),
        (
            "2024-12-01",
            "2025-01-01",
            [
                ("kgr:huawei", "kg:sanctionedBy", "kgr:us-bis"),
                ("kgr:microsoft", "kg:competesWith", "kgr:openai"),
                ("kgr:zhipu", "kg:sanctionedBy", "kgr:us-commerce"),
            ],
        ),
        (
            "2025-06-01",
            "2025-06-30",
            [("kgr:china", "kg:blocks", "kgr:nvidia")],
        ),
        ("2023-01-01", "2023-12-31", []),
    ],
)
def test_between(graph, first, last, expected):
    days = (dt.date.fromisoformat(first), dt.date.fromisoformat(last))
    assert sorted(triples(select_statements(graph, between=days))) == sorted(expected)


@pytest.mark.parametrize(
    "dates",
    [
        {"as_of": dt.date(2025, 1, 31)},
        {"as_of": dt.date(2025, 6, 30)},
        {"between": (dt.date(2024, 12, 1), dt.date(2025, 1, 1))},
        {"reported_before": dt.date(2024, 12, 31), "as_of": dt.date(2025, 1, 1)},
    ],
)
def test_count_agrees_with_the_listed_relations(graph, dates):
    assert count_statements(graph, **dates) == len(select_statements(graph, **dates).rows)


def test_between_wants_dates_in_order(graph):
    with pytest.raises(InputError, match="the first date is later"):
        select_statements(graph, between=(dt.date(2025, 2, 1), dt.date(2025, 1, 1)))


def test_reported_before_and_combined_filters(graph):
    reported = select_statements(graph, reported_before=dt.date(2025, 1, 20))
    assert len(reported.rows) == 8
    assert all(row[7] <= "2025-01-20" for row in reported.rows)
    both = select_statements(
        graph, reported_before=dt.date(2024, 12, 31), as_of=dt.date(2025, 1, 1)
    )
    assert sorted(triples(both)) == sorted([*OLD[:2], ("kgr:openai", "kg:blocks", "kgr:china")])


def test_timeline_in_date_order_with_sources(graph):
    table = timeline(graph, "카카오")
    assert [(r[0], r[3], r[5]) for r in table.rows] == [
        ("2025-02-01", "kg:partnersWith", "kg:Planned"),
        ("2025-03-10", "kg:blocks", "kg:Negated"),
    ]
    assert table.records()[0]["outlet"] == "가상경제"
    assert table.records()[0]["article"] == "kgr:doc-b"


@pytest.mark.parametrize("name", ["오픈AI", "OpenAI", "openai", "오픈 AI", "kgr:openai"])
def test_find_entity_by_label_or_id(graph, name):
    assert str(find_entity(graph, name)).endswith("/openai")


def test_unknown_entity(graph):
    with pytest.raises(InputError, match="no actor named '알파'"):
        timeline(graph, "알파")


EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_QUERIES = sorted((EXAMPLES / "queries").glob("*.rq"))
UPDATE = bool(os.environ.get("KG_UPDATE_GOLDEN"))


def test_examples_build_the_golden_graph(resources):
    """examples/graph.ttl is what examples/articles give; KG_UPDATE_GOLDEN=1 rewrites it."""
    result = build([EXAMPLES / "articles"], resources=resources)
    turtle = serialize(result.graph())
    if UPDATE:
        (EXAMPLES / "graph.ttl").write_text(turtle, encoding="utf-8")
    assert turtle == (EXAMPLES / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize("store", STORES)
@pytest.mark.parametrize("query", EXAMPLE_QUERIES, ids=lambda p: p.stem)
def test_example_queries_give_their_expected_results(query, store):
    """Each examples/queries/X.rq gives X.csv on examples/graph.ttl, in either store."""
    graph = load_graph(EXAMPLES / "graph.ttl", store=store)
    actual = format_table(run_query(graph, query.read_text(encoding="utf-8")), format="csv")
    expected = query.with_suffix(".csv")
    if UPDATE and store == "oxigraph":
        expected.write_text(actual, encoding="utf-8")
    assert actual == expected.read_text(encoding="utf-8")
    assert actual.count("\n") > 1


def test_example_date_range_query_agrees_with_between():
    graph = load_graph(EXAMPLES / "graph.ttl")
    by_query = run_query(graph, (EXAMPLES / "queries" / "date_range.rq").read_text("utf-8"))
    by_option = select_statements(graph, between=(dt.date(2025, 1, 1), dt.date(2025, 1, 31)))
    assert [r[2:5] for r in by_query.rows] == [r[:3] for r in by_option.rows]
