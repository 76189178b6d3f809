"""Golden files: a small corpus must give exactly the stored Turtle and statements.

After an intended change of output, regenerate them with
    KG_UPDATE_GOLDEN=1 pytest tests/test_golden.py
and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.export import serialize, statements_jsonl
from kg.pipeline import build

GOLDEN = Path(__file__).parent / "golden"


def test_golden_outputs(resources):
    result = build([GOLDEN / "articles.jsonl"], resources=resources)
    turtle = serialize(result.graph())
    statements = statements_jsonl(result.statements)
    if os.environ.get("KG_UPDATE_GOLDEN"):
        (GOLDEN / "graph.ttl").write_text(turtle, encoding="utf-8")
        (GOLDEN / "statements.jsonl").write_text(statements, encoding="utf-8")
    expected = Graph().parse(GOLDEN / "graph.ttl")
    actual = Graph().parse(data=turtle, format="turtle")
    if not isomorphic(expected, actual):
        _, only_expected, only_actual = graph_diff(to_isomorphic(expected), to_isomorphic(actual))
        missing = "\n".join(sorted(t.n3() for t in only_expected))
        extra = "\n".join(sorted(t.n3() for t in only_actual))
        raise AssertionError(f"graph differs\nmissing:\n{missing}\nextra:\n{extra}")
    assert (GOLDEN / "graph.ttl").read_text(encoding="utf-8") == turtle
    assert (GOLDEN / "statements.jsonl").read_text(encoding="utf-8") == statements


def test_build_is_byte_identical(resources):
    first = serialize(build([GOLDEN / "articles.jsonl"], resources=resources).graph())
    second = serialize(build([GOLDEN / "articles.jsonl"], resources=resources).graph())
    assert first == second
