"""The dataset commands: query options, timeline, validate, export, stats, build --into."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.cli import main

SAMPLE = Path(__file__).parent / "data" / "sample.ttl"
ARTICLES = {
    "a.txt": "카카오는 지난 3일 오픈AI와 전략적 제휴를 맺었다. "
    "마이크로소프트는 오픈AI에 대규모 투자를 이어가고 있다.\n",
    "b.txt": "미국 상무부는 즈푸AI에 대한 제재를 발표했다. "
    "딥시크는 오픈AI와 치열하게 경쟁하고 있다.\n",
}


def run(*args: str):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_query_as_of(store):
    result = run("query", SAMPLE, "--as-of", "2024-07-09", "--format", "csv", "--store", store)
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "subject,relation,object,from,until,precision,modality,reported,article"
    assert (
        "kgr:openai,kg:blocks,kgr:china,2024-07-09,,kg:Day,kg:Planned,2024-06-28,kgr:doc-a" in lines
    )
    assert len(lines) == 5


@pytest.mark.parametrize("store", ["oxigraph", "memory"])
def test_query_as_of_count(store):
    result = run("query", SAMPLE, "--as-of", "2024-07-09", "--count", "--store", store)
    assert (result.exit_code, result.output) == (0, "4\n")
    alone = run("query", SAMPLE, "--count")
    assert alone.exit_code == 2


def test_query_between_and_reported_before():
    result = run("query", SAMPLE, "--between", "2025-02-01", "2025-02-28", "--format", "json")
    assert [r["subject"] for r in json.loads(result.output)] == ["kgr:kakao"]
    result = run("query", SAMPLE, "--reported-before", "2024-06-28", "--format", "json")
    assert len(json.loads(result.output)) == 4


def test_query_markdown():
    result = run("query", SAMPLE, "SELECT ?c WHERE { ?c a kg:Country }", "--format", "markdown")
    assert result.output == "| c |\n|---|\n| kgr:china |\n"


def test_query_usage_errors():
    assert run("query", SAMPLE).exit_code == 2
    both = run("query", SAMPLE, "SELECT * WHERE { ?s ?p ?o }", "--as-of", "2025-01-01")
    assert both.exit_code == 2
    assert "not both" in both.output
    bad = run("query", SAMPLE, "--between", "2025-01-01", "2025-02-30")
    assert bad.exit_code == 2
    assert "'2025-02-30' is not a date" in bad.output


def test_query_syntax_error_exits_1():
    result = run("query", SAMPLE, "SELECT ?s WHERE {\n ?s kg:funds }")
    assert result.exit_code == 1
    assert result.output.startswith("Error: SPARQL syntax error at line 2, column")


def test_timeline():
    result = run("timeline", SAMPLE, "즈푸AI", "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("date,precision,subject,relation,object,modality")
    assert lines[1].startswith("2025-01-01,kg:Month,kgr:zhipu,kg:sanctionedBy,kgr:us-commerce")
    assert lines[2].startswith("2025-01-20,,kgr:china,kg:funds,kgr:zhipu")
    missing = run("timeline", SAMPLE, "없는회사")
    assert missing.exit_code == 1
    assert "no actor named '없는회사'" in missing.output


def test_validate(tmp_path):
    good = run("validate", SAMPLE)
    assert good.exit_code == 0
    assert good.output == f"{SAMPLE} conforms (179 triples)\n"
    broken = tmp_path / "broken.ttl"
    text = SAMPLE.read_text(encoding="utf-8").replace("kg:modality kg:Planned ;", "")
    broken.write_text(text, encoding="utf-8")
    result = run("validate", broken)
    assert result.exit_code == 1
    assert "Violation: kgr:stmt-00000000000a kg:modality: kg:modality must be" in result.output
    assert "does not conform: 2 violations" in result.output


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "csv", "nt", "jsonld", "trig", "ttl"])
def test_export_formats(tmp_path, fmt):
    out = tmp_path / f"graph.{fmt}"
    result = run("export", SAMPLE, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 1000


def test_stats():
    result = run("stats", SAMPLE, "--top", "2", "--format", "json")
    stats = json.loads(result.output)
    assert {"type": "kg:Statement", "count": 11} in stats["types"]
    assert stats["years"] == [{"year": 2024, "statements": 4}, {"year": 2025, "statements": 7}]
    assert [a["label"] for a in stats["actors"]] == ["오픈AI", "중국"]
    table = run("stats", SAMPLE)
    assert table.output.startswith("types\ntype ")


def test_build_into_adds_without_duplicates(tmp_path):
    for name, text in ARTICLES.items():
        folder = tmp_path / name.removesuffix(".txt")
        folder.mkdir()
        (folder / name).write_text(text, encoding="utf-8")
    into = tmp_path / "graph.ttl"
    first = run("build", tmp_path / "a", "--into", into, "--published", "2025-03-10")
    assert first.exit_code == 0, first.output
    before = into.read_text(encoding="utf-8")
    again = run("build", tmp_path / "a", "--into", into, "--published", "2025-03-10")
    assert "added 0 triples" in again.output
    assert into.read_text(encoding="utf-8") == before
    run("build", tmp_path / "b", "--into", into, "--published", "2025-03-10")
    together = run(
        "build", tmp_path / "a", tmp_path / "b", "-o", tmp_path / "all", "--published", "2025-03-10"
    )
    assert together.exit_code == 0
    merged = Graph().parse(into)
    assert isomorphic(merged, Graph().parse(tmp_path / "all" / "graph.ttl"))
    assert len(merged) > len(Graph().parse(data=before))


def test_build_needs_somewhere_to_write(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "x.ttl")
    result = run("build", tmp_path)
    assert result.exit_code == 2
    assert "give -o/--out, --into or both" in result.output
