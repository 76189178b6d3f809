"""Robustness end to end: bad articles never stop a build, outputs survive, the CLI says why."""

from __future__ import annotations

import datetime as dt
import os

import pytest
from click.testing import CliRunner
from rdflib import Graph

import kg.pipeline
from kg.cli import main
from kg.documents import Document, Meta, make_document
from kg.pipeline import build, extract

DAY = dt.date(2025, 3, 4)
PARTNERS = "삼성전자는 올해 3월 엔비디아와 인공지능 반도체 개발에 협력하기로 했다고 밝혔다."
BLOCKS = "미국 상무부는 화웨이에 대한 반도체 수출을 차단했다."


@pytest.fixture
def run(monkeypatch, resources):
    """Invoke the kg command with the session's Kiwi instead of building a new one."""
    monkeypatch.setattr("kg.cli.load_resources", lambda **_: resources)

    def invoke(*args: str):
        return CliRunner().invoke(main, [str(a) for a in args])

    return invoke


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(PARTNERS, encoding="utf-8")
    (folder / "b.txt").write_text(BLOCKS, encoding="utf-8")
    return folder


def document(text: str) -> Document:
    items = list(make_document("t", text, Meta(published=DAY), where="t"))
    return next(i for i in items if isinstance(i, Document))


def test_the_same_article_under_two_names_gives_one_set_of_statements(tmp_path, resources):
    (tmp_path / "one.txt").write_text(PARTNERS, encoding="utf-8")
    once = build([tmp_path], published=DAY, resources=resources)
    (tmp_path / "two.txt").write_text(PARTNERS, encoding="utf-8")
    twice = build([tmp_path], published=DAY, resources=resources)
    assert len(once.statements) == 1
    assert twice.statements == once.statements
    assert [d.id for d in twice.documents] == ["one.txt"]
    assert [str(p) for p in twice.problems] == ["two.txt: same text as one.txt; skipped"]


def test_one_article_that_breaks_extraction_is_skipped_and_named(articles, resources, monkeypatch):
    def fragile(doc, res):
        if doc.id == "a.txt":
            raise RuntimeError("boom")
        return extract(doc, res)

    monkeypatch.setattr(kg.pipeline, "extract", fragile)
    result = build([articles], published=DAY, resources=resources)
    assert [d.id for d in result.documents] == ["b.txt"]
    assert [s.predicate for s in result.statements] == ["blocks"]
    assert [str(p) for p in result.problems] == [
        "a.txt: extraction failed (RuntimeError: boom); skipped"
    ]


def test_an_article_that_breaks_reading_is_skipped_and_named(articles, resources, monkeypatch):
    def fragile(text):
        if "화웨이" in text:
            raise ValueError("bad markup")
        return text

    monkeypatch.setattr("kg.documents.strip_markup", fragile)
    result = build([articles], published=DAY, resources=resources)
    assert [d.id for d in result.documents] == ["a.txt"]
    assert [str(p) for p in result.problems] == [
        f"{articles / 'b.txt'}: could not be read (ValueError: bad markup); skipped"
    ]


PATHOLOGICAL = {
    "no Korean": "The board approved the merger on Tuesday, a spokesperson said. " * 40,
    "10,000 sentences": "값이 올랐다. " * 10_000,
    "a 20,000-character sentence": "삼성전자와 " * 4_000 + "협력했다.",
    "20,000 characters without a space": "가" * 20_000,
    "control characters": "삼성전자는\x00 엔비디아와\x07 \x1b[31m협력했다.\x7f\x9b",
    "mixed scripts": "삼성전자는 中國 Россия العربية 🤖 엔비디아와 협력했다.",
    "only punctuation": "?!.…" * 500,
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_gives_statements_with_offsets_inside_the_text(name, resources):
    doc = document(PATHOLOGICAL[name])
    for statement in extract(doc, resources):
        for evidence in statement.evidence:
            assert 0 <= evidence.start < evidence.end <= len(doc.text)
            assert evidence.sentence == doc.text[evidence.start : evidence.end]


def test_a_build_that_fails_while_rendering_keeps_the_previous_outputs(
    run, articles, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    assert run("build", articles, "-o", out, "--published", DAY).exit_code == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    (articles / "c.txt").write_text(
        "구글은 오픈AI와 검색 시장에서 경쟁하고 있다.", encoding="utf-8"
    )

    def broken(graph, out, *, title):
        raise RuntimeError("renderer crashed")

    monkeypatch.setattr("kg.cli.write_html", broken)
    result = run("build", articles, "-o", out, "--published", DAY)
    assert result.exit_code == 1
    assert "Error: unexpected RuntimeError: renderer crashed" in result.output
    assert "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert len(Graph().parse(out / "graph.ttl")) > 0


def test_a_write_that_fails_leaves_the_old_file_and_no_temporary(
    run, articles, tmp_path, monkeypatch
):
    out = tmp_path / "out"
    run("build", articles, "-o", out, "--published", DAY)
    before = (out / "graph.ttl").read_bytes()

    def full_disk(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    result = run("build", articles, "-o", out, "--published", "2025-03-05")
    assert result.exit_code == 1
    assert "No space left on device" in result.output
    assert (out / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "statements.jsonl"]


def test_build_succeeds_with_exit_0(run, articles, tmp_path):
    result = run("build", articles, "-o", tmp_path / "out", "--published", DAY)
    assert result.exit_code == 0, result.output
    assert "warnings   0 (0 inputs skipped)" in result.output


def test_build_with_skipped_inputs_exits_1_after_writing_the_rest(run, articles, tmp_path):
    (articles / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (articles / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    result = run("build", articles, "-o", out, "--published", DAY)
    assert result.exit_code == 1
    assert f"warning: {articles / 'empty.txt'}: no article text; skipped" in result.output
    assert f"warning: {articles / 'logo.png'}: not an article file (.png file)" in result.output
    assert "articles   2" in result.output
    assert "warnings   2 (2 inputs skipped)" in result.output
    assert len(Graph().parse(out / "graph.ttl")) > 0


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["build", "{tmp}/nowhere", "-o", "{tmp}/out"], 1, "Error: {tmp}/nowhere: no such file"),
        (["build", "-o", "{tmp}/out"], 2, "Error: Missing argument 'INPUTS...'"),
        (
            ["build", "{tmp}", "-o", "{tmp}/out", "--published", "2025-02-30"],
            2,
            "'2025-02-30' is not a date in the form YYYY-MM-DD",
        ),
        (
            ["build", "{tmp}", "-o", "{tmp}/out", "--manifest", "{tmp}/m.csv"],
            1,
            "Error: {tmp}/m.csv: no such manifest file",
        ),
        (["query", "{tmp}/none.ttl", "ASK {}"], 1, "Error: {tmp}/none.ttl: no such graph file"),
        (["query", "{tmp}/g.ttl", "none.rq"], 1, "Error: none.rq: no such query file"),
        (
            ["query", "{tmp}/g.ttl", "SELECT ?s WHERE { ?s kg:funds"],
            1,
            "Error: SPARQL syntax error at line 1, column ",
        ),
        (["query", "{tmp}/bad.ttl", "ASK {}"], 1, "Error: {tmp}/bad.ttl: not a readable RDF file"),
        (["export", "{tmp}/g.ttl", "--format", "xml"], 2, "Invalid value for '--format'"),
        (["query", "{tmp}/g.ttl", "ASK {}", "--format", "yaml"], 2, "Invalid value for '--format'"),
        (["frobnicate"], 2, "No such command 'frobnicate'"),
    ],
)
def test_user_mistakes_get_one_line_and_an_exit_code(run, tmp_path, args, code, message):
    (tmp_path / "g.ttl").write_text("<http://a> <http://b> <http://c> .\n", encoding="utf-8")
    (tmp_path / "bad.ttl").write_text("not turtle <<\n", encoding="utf-8")
    result = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.exit_code == code
    errors = [line for line in result.output.splitlines() if line.startswith("Error")]
    assert len(errors) == 1
    assert message.replace("{tmp}", str(tmp_path)) in errors[0]
    assert "Traceback" not in result.output


def test_debug_shows_the_traceback(run, tmp_path):
    result = run("--debug", "query", tmp_path / "none.ttl", "ASK {}")
    assert result.exit_code == 1
    assert type(result.exception).__name__ == "InputError"
