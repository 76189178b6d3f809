"""The build cache: a re-run analyses only new or changed articles, and builds the same graph."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import kg.pipeline
from kg.cache import Cache, version_key
from kg.documents import Document
from kg.errors import KgError
from kg.export import serialize, statements_jsonl
from kg.pipeline import build
from kg.writer import article_lines

ARTICLES = [
    ("c1", "2025-01-10", "네이버는 지난 8일 업스테이지에 대규모 투자를 단행했다."),
    ("c2", "2025-01-11", "카카오와 구글은 클라우드 분야에서 전략적 제휴를 맺었다."),
    ("c3", "2025-01-12", "미국 상무부는 즈푸AI를 수출 통제 명단에 올렸다."),
]
NEW = ("c4", "2025-01-13", "삼성전자는 오픈AI와 반도체 공급을 위한 제휴를 맺었다.")


def write(path, articles) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for id_, day, text in articles:
            f.write(json.dumps({"id": id_, "published": day, "text": text}, ensure_ascii=False))
            f.write("\n")


@pytest.fixture
def analysed(monkeypatch):
    """The ids of the articles the pipeline actually analyses."""
    seen: list[str] = []
    extract = kg.pipeline.extract

    def counting(document, resources):
        seen.append(document.id)
        return extract(document, resources)

    monkeypatch.setattr(kg.pipeline, "extract", counting)
    return seen


def test_rerun_on_a_grown_archive_analyses_only_the_new_article(tmp_path, resources, analysed):
    path, cache = tmp_path / "a.jsonl", tmp_path / "cache"
    write(path, ARTICLES)
    build([path], resources=resources, cache=cache)
    assert analysed == ["c1", "c2", "c3"]
    write(path, [*ARTICLES, NEW])
    analysed.clear()
    cached = build([path], resources=resources, cache=cache)
    assert analysed == ["c4"]
    clean = build([path], resources=resources)
    assert statements_jsonl(cached.statements) == statements_jsonl(clean.statements)
    assert serialize(cached.graph()) == serialize(clean.graph())
    assert len(clean.statements) >= 3


def test_a_changed_article_is_analysed_again(tmp_path, resources, analysed):
    path, cache = tmp_path / "a.jsonl", tmp_path / "cache"
    write(path, ARTICLES)
    build([path], resources=resources, cache=cache)
    changed = [ARTICLES[0], (ARTICLES[1][0], "2025-02-01", ARTICLES[1][2]), ARTICLES[2]]
    write(path, changed)
    analysed.clear()
    build([path], resources=resources, cache=cache)
    assert analysed == ["c2"]


def test_a_new_gazetteer_or_lexicon_misses_the_cache(tmp_path, resources):
    cache = Cache(tmp_path, version=version_key(resources.gazetteer, resources.lexicon))
    document = Document(id="d", text="네이버는 투자했다.")
    cache.put(document, (), article_lines(document, ()))
    assert cache.get(document) == ((), article_lines(document, ()))
    assert cache.get(replace(document, text="네이버는 제휴했다.")) is None
    cache.close()
    entities = dict(list(resources.gazetteer.entities.items())[1:])
    fewer = replace(resources.gazetteer, entities=entities)
    other = Cache(tmp_path, version=version_key(fewer, resources.lexicon))
    assert other.get(document) is None
    other.close()


def test_the_version_key_is_the_same_in_every_process():
    script = (
        "from kg.cache import version_key; from kg.gazetteer import load_gazetteer; "
        "from kg.relations import load_lexicon; "
        "print(version_key(load_gazetteer(()), load_lexicon()))"
    )
    keys = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(keys) == 1


def test_a_found_article_is_not_written_again_and_other_versions_are_dropped(tmp_path):
    document = Document(id="d", text="네이버는 투자했다.")
    lines = article_lines(document, ())
    cache = Cache(tmp_path, version="one")
    cache.put(document, (), lines)
    assert cache.get(document) == ((), lines)
    cache.connection.execute("UPDATE extracted SET statements = ?", (b"kept",))
    cache.put(document, (), lines)
    kept = cache.connection.execute("SELECT statements FROM extracted").fetchall()
    assert kept == [(b"kept",)]
    cache.close()
    Cache(tmp_path, version="two").close()
    assert Cache(tmp_path, version="one").get(document) is None


def test_cli_build_caches_by_default_and_not_with_no_cache(tmp_path, analysed):
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path / "a.jsonl"
    write(path, ARTICLES)
    args = ["build", str(path), "-o", str(tmp_path / "out")]
    assert CliRunner().invoke(main, args).exit_code == 0
    write(path, [*ARTICLES, NEW])
    analysed.clear()
    assert CliRunner().invoke(main, args).exit_code == 0
    assert analysed == ["c4"]
    assert (Path(os.environ["XDG_CACHE_HOME"]) / "kg" / "statements.sqlite").is_file()
    names = ("graph.ttl", "statements.jsonl", "graph.html")
    cached = [(tmp_path / "out" / name).read_bytes() for name in names]
    analysed.clear()
    assert CliRunner().invoke(main, [*args, "--no-cache"]).exit_code == 0
    assert analysed == ["c1", "c2", "c3", "c4"]
    assert [(tmp_path / "out" / name).read_bytes() for name in names] == cached
    both = CliRunner().invoke(main, [*args, "--no-cache", "--cache", str(tmp_path / "c")])
    assert both.exit_code == 2


def test_cli_build_with_a_cache_folder(tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    path = tmp_path / "a.jsonl"
    write(path, ARTICLES)
    out = tmp_path / "out"
    args = ["build", str(path), "-o", str(out), "--cache", str(tmp_path / "cache")]
    first = CliRunner().invoke(main, args)
    assert first.exit_code == 0, first.output
    assert (tmp_path / "cache" / "statements.sqlite").is_file()
    turtle = (out / "graph.ttl").read_bytes()
    again = CliRunner().invoke(main, args)
    assert again.output == first.output
    assert (out / "graph.ttl").read_bytes() == turtle


def test_a_cache_folder_that_cannot_be_made_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(KgError, match="cannot keep the build cache"):
        Cache(blocker / "cache", version="v")


def test_statements_keep_their_entities_known_or_not(tmp_path, resources):
    text = ARTICLES[0][2]
    document = Document("d", text, published=dt.date(2025, 1, 10), body=((0, len(text)),))
    statements = kg.pipeline.extract(document, resources)
    assert statements
    known = statements[0].subject
    renamed = replace(known, ko="다른 이름")
    odd = (replace(statements[0], subject=renamed), *statements)
    cache = Cache(tmp_path, version="v", known=resources.gazetteer.entities)
    cache.put(document, odd, article_lines(document, odd))
    found, _ = cache.get(document)
    assert found == odd
    assert found[1].subject is resources.gazetteer.entities[known.id]
    assert found[0].subject.ko == "다른 이름"
    cache.close()
