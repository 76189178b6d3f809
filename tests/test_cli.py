"""The kg command, through click's CliRunner: success and error paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main

ARTICLE = "오픈AI는 지난 25일 중국의 API 접속을 차단했다.\n마이크로소프트는 오픈AI에 투자했다.\n"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("cli")
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(
        main, ["build", str(root / "a.txt"), "--published", "2024-06-28", "-o", str(root / "out")]
    )
    assert result.exit_code == 0, result.output
    return root / "out"


def test_build_writes_three_outputs_and_a_summary(built):
    assert Graph().parse(built / "graph.ttl")
    lines = (built / "statements.jsonl").read_text(encoding="utf-8").splitlines()
    predicates = sorted(json.loads(line)["predicate"] for line in lines)
    assert predicates == ["blocks", "funds"]
    assert "vis" in (built / "graph.html").read_text(encoding="utf-8")


def test_build_summary_counts(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "articles   1" in result.output
    assert "blocks       1" in result.output
    assert "no publication date" in result.output


def test_build_missing_input_is_a_clean_error(tmp_path):
    result = CliRunner().invoke(main, ["build", str(tmp_path / "nope.txt"), "-o", str(tmp_path)])
    assert result.exit_code == 1
    assert "Error:" in result.output and "nope.txt" in result.output
    assert "Traceback" not in result.output


def test_build_bad_published_date_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(
        main, ["build", str(tmp_path), "--published", "2025-02-30", "-o", str(tmp_path)]
    )
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.output


def test_query_inline_and_csv(built):
    query = "SELECT ?s ?o WHERE { ?s kg:funds ?o }"
    result = CliRunner().invoke(main, ["query", str(built / "graph.ttl"), query])
    assert result.exit_code == 0
    assert "kgr:microsoft" in result.output and "(1 row)" in result.output
    csv = CliRunner().invoke(main, ["query", str(built / "graph.ttl"), query, "--format", "csv"])
    assert csv.output.splitlines() == ["s,o", "kgr:microsoft,kgr:openai"]


def test_query_from_rq_file(built, tmp_path):
    rq = tmp_path / "q.rq"
    rq.write_text("SELECT ?s WHERE { ?s kg:blocks kgr:china }", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["query", str(built / "graph.ttl"), str(rq), "--format", "json"]
    )
    assert json.loads(result.output) == [{"s": "kgr:openai"}]


def test_query_syntax_error_names_position(built):
    result = CliRunner().invoke(main, ["query", str(built / "graph.ttl"), "SELEC ?s WHERE {"])
    assert result.exit_code == 1
    assert "Error:" in result.output and "line" in result.output


def test_render_writes_html(built, tmp_path):
    out = tmp_path / "g.html"
    result = CliRunner().invoke(main, ["render", str(built / "graph.ttl"), "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").lstrip().lower().startswith("<")


def test_export_ntriples_sorted(built):
    result = CliRunner().invoke(main, ["export", str(built / "graph.ttl"), "--format", "nt"])
    lines = result.output.splitlines()
    assert lines == sorted(lines) and len(lines) > 10


def test_timex_inline():
    result = CliRunner().invoke(
        main, ["timex", "내달 9일부터 차단한다", "--published", "2024-12-10"]
    )
    assert result.exit_code == 0
    found = json.loads(result.output)
    assert (found["text"], found["value"], found["role"]) == ("내달 9일부터", "2025-01-09", "start")


def test_timex_file_reports_lines_and_skips_bad_ones(tmp_path):
    tsv = tmp_path / "t.tsv"
    tsv.write_text(
        "2024-06-28\t지난 25일 발표\nno tab here\n2025-02-04\t지난해 8월\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["timex", "--file", str(tsv)])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(r["line"], r["value"]) for r in rows] == [(1, "2024-06-25"), (3, "2024-08")]
    assert f"{tsv}:2:" in result.stderr


def test_timex_needs_text_or_file():
    result = CliRunner().invoke(main, ["timex"])
    assert result.exit_code == 2


def test_entities_inline():
    result = CliRunner().invoke(main, ["entities", "마이크로소프트(MS)는 오픈AI에 투자했다."])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["id"], r["role"]) for r in rows] == [("microsoft", "subject"), ("openai", "to")]
    assert rows[0]["alias"] == "MS" and rows[0]["type"] == "Company"


def test_entities_file_carries_line_numbers(tmp_path):
    texts = tmp_path / "t.txt"
    texts.write_text("구글은 성장했다.\n\n카카오는 오픈AI와 손잡았다.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["entities", "--file", str(texts)])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert [(r["line"], r["id"]) for r in rows] == [(1, "google"), (3, "kakao"), (3, "openai")]


def test_explain_shows_cues_and_decisions(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("카카오는 오픈AI와 제휴를 맺었다.\n날씨가 맑았다.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(article), "--cues-only"])
    assert result.exit_code == 0
    assert "cue '제휴' (partnersWith)" in result.output
    assert "→ 카카오 partnersWith 오픈AI" in result.output
    assert "날씨" not in result.output
