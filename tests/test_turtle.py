"""Streamed Turtle: the same triples as rdflib's Turtle, tricky literals and names intact,
sorted on disk in runs, byte-stable whatever order the triples come in."""

from __future__ import annotations

import io
from decimal import Decimal

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

from kg.export import serialize
from kg.graph import new_graph
from kg.turtle import BREAK, SortedLines, block_line, nt_line, short, subject_of, write_turtle
from kg.vocab import KG, KGR


def tricky_graph() -> Graph:
    graph = new_graph()
    node = KGR["stmt-0a1b2c"]
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, KG.evidence, Literal('그는 "차단"이라고\n말했다 \\ 끝\r', lang="ko")))
    graph.add((node, KG.evidence, Literal("줄\u2028나눔과\x85다음 줄\t탭", lang="ko")))
    graph.add((node, KG.cue, Literal("")))
    graph.add((node, KG.cue, Literal('^^<http://www.w3.org/2001/XMLSchema#date>"')))
    graph.add((node, KG.confidence, Literal(Decimal("0.8"), datatype=XSD.decimal)))
    graph.add((node, KG.validFrom, Literal("2025-03-04", datatype=XSD.date)))
    graph.add((node, KG.timeText, Literal("2025년 3월 4일부터")))
    for local in ("doc-끝.", "doc-a.b", "9lives", "doc-é", "x-삼성 전자", "doc-a%20b"):
        graph.add((node, KG.speaker, URIRef(KGR + local.replace(" ", "_"))))
    graph.add((KGR.samsung, SKOS.prefLabel, Literal("삼성전자", lang="ko")))
    graph.add((KGR.samsung, SKOS.prefLabel, Literal("Samsung", lang="en")))
    graph.add((KGR.samsung, RDF.type, KG.Company))
    graph.add((KGR.samsung, KG.partnersWith, KGR.nvidia))
    graph.add((KGR.samsung, URIRef("http://example.org/other#p"), Literal("x", lang="ko-KR")))
    return graph


def test_turtle_parses_to_the_same_triples_as_rdflibs():
    graph = tricky_graph()
    ours = Graph().parse(data=serialize(graph), format="turtle")
    theirs = Graph().parse(data=graph.serialize(format="longturtle"), format="turtle")
    assert set(ours) == set(theirs) == set(graph)
    assert isomorphic(ours, theirs)


def test_a_subject_is_written_once_type_first_with_shared_predicates():
    text = serialize(tricky_graph())
    assert text.count("\nkgr:samsung\n") == 1
    assert "kgr:samsung\n    a kg:Company ;\n" in text
    assert "    kg:partnersWith kgr:nvidia ;\n.\n" in text
    assert '    skos:prefLabel\n        "Samsung"@en ,\n        "삼성전자"@ko ;\n' in text
    assert '"0.8"^^xsd:decimal' in text and '"2025-03-04"^^xsd:date' in text


def test_only_plainly_valid_local_names_are_shortened():
    assert short(f"<{KGR}doc-a.b>") == "kgr:doc-a.b"
    assert short(f"<{KGR}x-삼성>") == "kgr:x-삼성"
    assert short(f"<{KGR}doc-끝.>") == f"<{KGR}doc-끝.>"
    assert short(f"<{KGR}doc-é>") == f"<{KGR}doc-é>"
    assert short("<http://example.org/other#p>") == "<http://example.org/other#p>"


def test_runs_on_disk_merge_sorted_and_without_repeats(tmp_path):
    lines = [nt_line(t) for t in tricky_graph()]
    runs = SortedLines(tmp_path, chunk=3)
    for line in reversed(lines + lines[:4]):
        runs.add(line)
    assert len(runs.runs) > 2
    merged = list(runs.merged())
    runs.close()
    assert merged == sorted(set(lines))
    assert list(tmp_path.iterdir()) == []


def turtle_through_runs(lines: list[str], folder, *, chunk: int) -> str:
    """Turtle written from lines sorted in on-disk runs of `chunk`, as the build does."""
    runs = SortedLines(folder, chunk=chunk)
    for line in lines:
        runs.add(line)
    out = io.StringIO()
    write_turtle(runs.merged(), out)
    runs.close()
    return out.getvalue()


def test_same_bytes_whatever_the_order_of_the_triples(tmp_path):
    lines = [nt_line(t) for t in tricky_graph()]
    texts = [turtle_through_runs(order, tmp_path, chunk=4) for order in (lines, lines[::-1])]
    assert texts[0] == texts[1] == serialize(tricky_graph())


def test_a_block_line_sorts_and_writes_as_its_subjects_lines_would(tmp_path):
    graph = tricky_graph()
    graph.add((KGR["stmt-0a1b2c0"], RDF.type, KG.Statement))
    lines = sorted({nt_line(t) for t in graph})
    node = f"<{KGR}stmt-0a1b2c>"
    block = block_line([line for line in lines if subject_of(line) == node])
    assert block is not None and block.count("\n") == 1
    mixed = [line for line in lines if subject_of(line) != node] + [block]
    assert turtle_through_runs(mixed, tmp_path, chunk=3) == serialize(graph)


def test_text_holding_the_break_character_stays_as_lines():
    line = nt_line((KGR["stmt-1"], KG.cue, Literal(f"a{BREAK}b")))
    assert block_line([line]) is None
