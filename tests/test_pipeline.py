"""The pipeline end to end on small Korean texts written for the tests."""

from __future__ import annotations

import datetime as dt

from kg.documents import Document, body_spans
from kg.pipeline import build, extract


def document(text: str, published: dt.date | None = dt.date(2024, 6, 28)) -> Document:
    return Document(id="t.txt", text=text, published=published, body=body_spans(text))


def test_extract_relations_with_time(resources):
    statements = extract(
        document("오픈AI는 내달 9일부터 중국의 접속을 차단할 계획이다."), resources
    )
    assert len(statements) == 1
    s = statements[0]
    assert (s.subject.id, s.predicate, s.object.id) == ("openai", "blocks", "china")
    assert s.time.value == "2024-07-09" and s.time.role == "start"
    assert s.modality == "planned"


def test_furniture_is_not_read(resources):
    text = "카카오는 오픈AI와 제휴를 맺었다.\n관련기사\n구글은 메타와 제휴를 맺었다."
    statements = extract(document(text), resources)
    assert {(s.subject.id, s.object.id) for s in statements} == {("kakao", "openai")}


def test_same_fact_twice_is_one_statement_with_two_evidences(resources):
    text = "마이크로소프트는 오픈AI에 투자했다.\n마이크로소프트는 오픈AI에 투자했다고 밝혔다."
    statements = extract(document(text), resources)
    assert len(statements) == 1
    assert len(statements[0].evidence) == 2


def test_same_article_under_two_names_is_read_once(tmp_path, resources):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("구글은 앤스로픽에 투자했다.", encoding="utf-8")
    result = build([tmp_path], published=dt.date(2025, 1, 1), resources=resources)
    assert len(result.documents) == 1 and len(result.statements) == 1
    assert any("same text as a.txt" in str(p) for p in result.problems)


def test_undated_article_keeps_relative_times_unresolved(tmp_path, resources):
    (tmp_path / "a.txt").write_text("오픈AI는 지난 25일 중국의 접속을 차단했다.", encoding="utf-8")
    result = build([tmp_path], resources=resources)
    assert result.statements[0].time is None or result.statements[0].time.value is None
    assert any("no publication date" in str(p) for p in result.problems)


def test_seeds_build(shared, resources):
    result = build(
        [shared / "seeds"], manifest=shared / "seeds" / "manifest.csv", resources=resources
    )
    assert len(result.documents) == 5
    assert len(result.statements) > 5
