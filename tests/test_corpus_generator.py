"""Tests for benchmarks/corpus.py, the synthetic Korean news corpus generator."""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

CORPUS_PY = Path(__file__).resolve().parents[1] / "benchmarks" / "corpus.py"
FIELDS = {"id", "title", "published", "source", "url", "text"}


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_corpus", CORPUS_PY)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def sample(corpus: ModuleType) -> list[dict[str, str]]:
    return list(corpus.generate(120, seed=7))


def test_same_seed_gives_same_corpus(corpus: ModuleType) -> None:
    assert list(corpus.generate(15, seed=3)) == list(corpus.generate(15, seed=3))


def test_other_seed_gives_other_corpus(corpus: ModuleType) -> None:
    first = [r["text"] for r in corpus.generate(5, seed=3)]
    second = [r["text"] for r in corpus.generate(5, seed=4)]
    assert not set(first) & set(second)


def test_a_bigger_corpus_starts_with_the_smaller_one(corpus: ModuleType) -> None:
    assert list(corpus.generate(20, seed=5))[:12] == list(corpus.generate(12, seed=5))


def test_worker_processes_give_the_same_corpus(corpus: ModuleType) -> None:
    n = corpus._CHUNK * 2 + 17
    assert list(corpus.generate(n, seed=9, jobs=2)) == list(corpus.generate(n, seed=9))


def test_generate_is_lazy(corpus: ModuleType) -> None:
    stream = corpus.generate(10**9, seed=1)
    assert set(next(stream)) == FIELDS


def test_yields_n_records_with_all_fields(sample: list[dict[str, str]]) -> None:
    assert len(sample) == 120
    for record in sample:
        assert set(record) == FIELDS
        assert all(isinstance(value, str) and value for value in record.values())
    assert len({r["id"] for r in sample}) == 120
    assert len({r["url"] for r in sample}) == 120


def test_dates_are_plausible_iso_days(sample: list[dict[str, str]]) -> None:
    days = [date.fromisoformat(r["published"]) for r in sample]
    assert all(date(2023, 1, 1) <= day <= date(2025, 12, 31) for day in days)
    assert len(set(days)) > 60


def test_texts_are_korean_news_of_varied_length(sample: list[dict[str, str]]) -> None:
    lengths = [len(r["text"]) for r in sample]
    assert min(lengths) >= 700
    assert max(lengths) <= 4500
    assert max(lengths) - min(lengths) > 1000
    for record in sample:
        text = record["text"]
        hangul = len(re.findall(r"[가-힣]", text))
        assert hangul > 0.5 * len(re.findall(r"\S", text))


def test_furniture_lines_appear_in_some_articles_not_all(
    sample: list[dict[str, str]],
) -> None:
    texts = [r["text"] for r in sample]
    for pattern in (
        r" 기자",
        r"입력 \d{4}\.\d\d\.\d\d \d\d:\d\d",
        r"무단 ?전재",
        r"관련기사",
        r"[a-z]+@[a-z0-9]+\.example",
        r"/(뉴스1|연합뉴스|뉴시스|로이터=뉴스1|AP=연합뉴스|AFP=뉴스1)",
        r"&quot;|&middot;|&nbsp;|<br>|</div>|</p>",
    ):
        hits = sum(1 for text in texts if re.search(pattern, text))
        assert hits > 0, pattern
        if pattern != r" 기자":
            assert hits < len(texts), pattern


def test_all_five_relations_and_modalities_occur(sample: list[dict[str, str]]) -> None:
    text = "\n".join(r["text"] for r in sample)
    for cue in ("차단", "투자를 유치", "손잡", "업무협약(MOU)", "경쟁", "제재", "수출 통제"):
        assert cue in text, cue
    for modality in ("할 계획이다", "할 예정이다", "전망이다", "않기로 했다"):
        assert modality in text, modality


def test_date_expressions_are_varied(sample: list[dict[str, str]]) -> None:
    text = "\n".join(r["text"] for r in sample)
    for pattern in (
        r"\d{4}년 \d{1,2}월 \d{1,2}일",
        r"지난 \d{1,2}일",
        r"지난해 \d{1,2}월",
        r"올해 \d분기",
        r"\(현지시간\)",
    ):
        assert re.search(pattern, text), pattern


def test_particles_follow_the_final_consonant(corpus: ModuleType) -> None:
    attach = corpus._attach
    assert attach("구글", "가") == "구글이"
    assert attach("노바AI", "가") == "노바AI가"
    assert attach("엔비디아", "를") == "엔비디아를"
    assert attach("삼성전자", "와") == "삼성전자와"
    assert attach("미국", "로") == "미국으로"
    assert attach("1200억 달러", "로") == "1200억 달러로"
    assert attach("IBM", "는") == "IBM은"
    assert attach("유럽연합(EU)", "가") == "유럽연합(EU)이"


def test_fictional_company_names_are_distinct(corpus: ModuleType) -> None:
    names = [corpus._fictional_name(k) for k in range(5000)]
    assert len(set(names)) == 5000
    assert all(re.fullmatch(r"[가-힣A-Z]+", name) for name in names)


def test_negative_count_is_rejected(corpus: ModuleType) -> None:
    with pytest.raises(ValueError, match="0 or more"):
        list(corpus.generate(-1, seed=1))


def test_write_jsonl_round_trips(corpus: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    count, chars = corpus.write_jsonl(corpus.generate(8, seed=2), path)
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert count == 8
    assert records == list(corpus.generate(8, seed=2))
    assert chars == sum(len(r["text"]) for r in records)


def test_write_dir_manifest_matches_files(corpus: ModuleType, tmp_path: Path) -> None:
    records = list(corpus.generate(12, seed=2))
    count, _ = corpus.write_dir(iter(records), tmp_path / "out")
    folder = tmp_path / "out"
    with (folder / "manifest.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert count == 12
    assert list(rows[0]) == ["file", "published", "source", "title", "url"]
    assert sorted(row["file"] for row in rows) == sorted(p.name for p in folder.glob("*.txt"))
    for row, record in zip(rows, records, strict=True):
        assert row["file"] == record["id"] + ".txt"
        assert (folder / row["file"]).read_text(encoding="utf-8") == record["text"]
        assert (row["published"], row["source"], row["title"], row["url"]) == (
            record["published"],
            record["source"],
            record["title"],
            record["url"],
        )


def test_command_line_writes_both_formats(corpus: ModuleType, tmp_path: Path) -> None:
    corpus.main(["--articles", "6", "--seed", "1", "-o", str(tmp_path / "c.jsonl")])
    assert len((tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()) == 6
    corpus.main(["--articles", "4", "--seed", "1", "--format", "dir", "-o", str(tmp_path / "d")])
    assert len(list((tmp_path / "d").glob("*.txt"))) == 4
