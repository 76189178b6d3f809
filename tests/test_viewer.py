"""The HTML viewer, without a browser: escaping, self-containment, determinism, legend."""

from __future__ import annotations

import itertools
import json
import re

from rdflib import RDF, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.viewer import graph_data, notebook_html, render_html, script_json

KG = Namespace("https://w3id.org/kgnews/ontology#")
KGR = Namespace("https://w3id.org/kgnews/resource/")
SCHEMA = Namespace("https://schema.org/")
HOSTILE_TITLE = "</script><script>alert('title')</script>"
HOSTILE_EVIDENCE = '오픈AI가 <img src=x onerror="alert(1)"> 중국 접속을 차단했다 & </script>'


def entity(graph: Graph, slug: str, kind: str, ko: str, en: str | None = None) -> URIRef:
    node = KGR[slug]
    graph.add((node, RDF.type, KG[kind]))
    graph.add((node, SKOS.prefLabel, Literal(ko, lang="ko")))
    if en:
        graph.add((node, SKOS.prefLabel, Literal(en, lang="en")))
    return node


def article(graph: Graph, slug: str, issued: str, title: str, url: str | None = None) -> URIRef:
    node = KGR[f"doc-{slug}"]
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, DCTERMS.identifier, Literal(f"{slug}.txt")))
    graph.add((node, DCTERMS.issued, Literal(issued, datatype=XSD.date)))
    graph.add((node, DCTERMS.source, Literal("가상일보")))
    graph.add((node, DCTERMS.title, Literal(title, lang="ko")))
    if url:
        graph.add((node, SCHEMA.url, URIRef(url)))
    return node


def statement(
    graph: Graph,
    name: str,
    subject: URIRef,
    relation: str,
    obj: URIRef,
    doc: URIRef,
    *,
    evidence: str,
    cue: str,
    modality: str = "Asserted",
    valid_from: str | None = None,
    valid_until: str | None = None,
) -> URIRef:
    node = KGR[f"stmt-{name}"]
    if modality != "Negated":
        graph.add((subject, KG[relation], obj))
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, KG[relation]))
    graph.add((node, RDF.object, obj))
    graph.add((node, KG.modality, KG[modality]))
    graph.add((node, KG.confidence, Literal("0.8", datatype=XSD.decimal)))
    graph.add((node, KG.evidence, Literal(evidence, lang="ko")))
    graph.add((node, KG.cue, Literal(cue)))
    graph.add((node, PROV.wasDerivedFrom, doc))
    if valid_from:
        graph.add((node, KG.validFrom, Literal(valid_from, datatype=XSD.date)))
        graph.add((node, KG.timePrecision, KG.Day))
        graph.add((node, KG.timeText, Literal("그날부터")))
    if valid_until:
        graph.add((node, KG.validUntil, Literal(valid_until, datatype=XSD.date)))
    return node


def sample_graph() -> Graph:
    """Five actors, four relation pairs, five statements, one with hostile text."""
    graph = Graph()
    openai = entity(graph, "openai", "Company", "오픈AI", "OpenAI")
    china = entity(graph, "china", "Country", "중국", "China")
    ms = entity(graph, "microsoft", "Company", "마이크로소프트", "Microsoft")
    commerce = entity(graph, "us-commerce", "GovernmentBody", "미국 상무부")
    huawei = entity(graph, "huawei", "Company", "화웨이", "Huawei")
    first = article(graph, "a1", "2024-06-28", HOSTILE_TITLE, "https://news.example/a1?x=1&y=2")
    second = article(graph, "a2", "2023-01-20", "투자 소식", "javascript:alert(2)")
    statement(
        graph,
        "s1",
        openai,
        "blocks",
        china,
        first,
        evidence=HOSTILE_EVIDENCE,
        cue="차단",
        modality="Planned",
        valid_from="2024-07-09",
    )
    statement(
        graph,
        "s2",
        ms,
        "funds",
        openai,
        second,
        evidence="마이크로소프트는 오픈AI에 100억 달러를 투자했다.",
        cue="투자",
    )
    statement(
        graph,
        "s3",
        openai,
        "partnersWith",
        ms,
        second,
        evidence="두 회사는 협력을 이어가기로 했다.",
        cue="협력",
        valid_from="2023-03-01",
    )
    statement(
        graph,
        "s4",
        huawei,
        "sanctionedBy",
        commerce,
        first,
        evidence="화웨이는 미국 상무부의 제재를 받았다.",
        cue="제재",
        valid_from="2019-05-16",
        valid_until="2019-12-31",
    )
    statement(
        graph,
        "s5",
        ms,
        "funds",
        openai,
        first,
        evidence="추가 투자 가능성도 거론된다.",
        cue="투자",
        modality="Hedged",
        valid_from="2024-09-01",
    )
    return graph


def embedded_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert match
    return json.loads(match.group(1))


def test_hostile_text_is_escaped_in_the_data_block() -> None:
    page = render_html(sample_graph(), title="<b>제목</b>")
    block = re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block and ">" not in block and "&" not in block
    assert "\\u003c/script\\u003e\\u003cscript\\u003e" in block
    data = embedded_data(page)
    assert data["articles"][0]["title"] == HOSTILE_TITLE
    assert HOSTILE_EVIDENCE in [e for s in data["statements"] for e in s["evidence"]]


def test_no_article_text_reaches_the_markup() -> None:
    page = render_html(sample_graph(), title="<b>제목</b>")
    markup = re.sub(r"<script[^>]*>.*?</script>", "", page, flags=re.S)
    assert "onerror" not in markup and "alert" not in markup and "<img" not in markup
    assert page.count("</script>") == 3
    assert "<title>&lt;b&gt;제목&lt;/b&gt;</title>" in page
    assert "<b>제목" not in page


def test_script_json_cannot_close_a_script_element() -> None:
    text = script_json({"t": "</script><!-- & -->"})
    assert text == '{"t":"\\u003c/script\\u003e\\u003c!-- \\u0026 --\\u003e"}'
    assert json.loads(text) == {"t": "</script><!-- & -->"}


def test_only_http_links_survive() -> None:
    articles = graph_data(sample_graph())["articles"]
    assert [a["url"] for a in articles] == ["https://news.example/a1?x=1&y=2", None]


def test_page_loads_nothing_from_the_network() -> None:
    page = render_html(sample_graph())
    assert not re.search(r"<(script|link|img|iframe)[^>]*(src|href)\s*=", page, re.I)
    assert "cdn" not in page.lower().replace("cdnjs", "")
    assert "bootstrap" not in page.lower()
    assert "vis.Network" in page and "vis-network" in page


def test_same_graph_gives_same_bytes() -> None:
    first = render_html(sample_graph(), title="같은 그래프")
    shuffled = Graph()
    for triple in sorted(sample_graph(), reverse=True):
        shuffled.add(triple)
    assert render_html(shuffled, title="같은 그래프") == first


def test_legend_lists_relations_types_and_modalities() -> None:
    page = render_html(sample_graph())
    legend = re.search(r'<section id="legend">.*?</section>', page, re.S).group(0)
    for relation in ("blocks", "funds", "partnersWith", "competesWith", "sanctionedBy"):
        assert f'data-relation="{relation}"' in legend
    for kind in ("Company", "Country", "GovernmentBody", "Person", "Product", "Organization"):
        assert f'data-type="{kind}"' in legend
    for modality in ("Asserted", "Planned", "Hedged", "Negated"):
        assert f'data-modality="{modality}"' in legend
    assert "→ blocks" in re.sub(r"</span>\s*", "", legend.replace("<", " <"))


def test_counts_and_edges_follow_the_graph() -> None:
    data = graph_data(sample_graph())
    assert len(data["nodes"]) == 5
    assert len(data["statements"]) == 5
    by_rel = sorted((e["rel"], len(e["statements"])) for e in data["edges"])
    assert by_rel == [("blocks", 1), ("funds", 2), ("partnersWith", 1), ("sanctionedBy", 1)]
    labels = {n["ko"]: n["en"] for n in data["nodes"]}
    assert labels["오픈AI"] == "OpenAI" and labels["미국 상무부"] is None
    page = render_html(sample_graph())
    assert '<span id="total-nodes">5</span>' in page
    assert '<span id="total-edges">4</span>' in page


def test_statement_times_fall_back_to_the_report_date() -> None:
    rows = {s["iri"].rsplit("-", 1)[-1]: s for s in graph_data(sample_graph())["statements"]}
    assert (rows["s1"]["start"], rows["s1"]["dated_by"]) == ("2024-07-09", "event")
    assert (rows["s2"]["start"], rows["s2"]["end"], rows["s2"]["dated_by"]) == (
        "2023-01-20",
        "2023-01-20",
        "report",
    )
    assert (rows["s4"]["start"], rows["s4"]["end"]) == ("2019-05-16", "2019-12-31")


def test_symmetric_statements_share_one_edge_whatever_their_order() -> None:
    graph = sample_graph()
    doc = KGR["doc-a2"]
    statement(
        graph,
        "s6",
        KGR["openai"],
        "partnersWith",
        KGR["microsoft"],
        doc,
        evidence="협력 관계를 확대한다.",
        cue="협력",
    )
    graph.add((KGR["stmt-s6"], RDF.subject, KGR["microsoft"]))
    graph.remove((KGR["stmt-s6"], RDF.subject, KGR["openai"]))
    graph.remove((KGR["stmt-s6"], RDF.object, KGR["microsoft"]))
    graph.add((KGR["stmt-s6"], RDF.object, KGR["openai"]))
    partners = [e for e in graph_data(graph)["edges"] if e["rel"] == "partnersWith"]
    assert len(partners) == 1 and len(partners[0]["statements"]) == 2


def test_notebook_html_is_an_iframe_carrying_the_page() -> None:
    view = notebook_html(sample_graph(), height=420)
    assert isinstance(view, str)
    assert view._repr_html_() == str(view)
    assert view.startswith("<iframe srcdoc=") and "height:420px" in view
    assert "<script" not in view
    assert "&lt;script type=&quot;application/json&quot;" in view


def test_large_graphs_get_a_spread_deterministic_layout() -> None:
    graph = Graph()
    actors = [entity(graph, f"a{i}", "Company", f"회사{i}") for i in range(600)]
    for left, right in itertools.pairwise(actors):
        graph.add((left, KG.funds, right))
    first = graph_data(graph)["nodes"]
    assert first == graph_data(graph)["nodes"]
    assert len({(n["x"], n["y"]) for n in first}) == 600
    assert max(abs(n["x"]) for n in first) > 1000
