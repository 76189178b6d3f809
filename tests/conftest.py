"""Shared fixtures: one analyser per test session (building a Kiwi takes seconds)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.pipeline import Resources, load_resources

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def resources() -> Resources:
    """The gazetteer, analyser and cue lexicon, loaded once."""
    return load_resources()


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory, monkeypatch) -> None:
    """Each test's `kg build` caches in a folder of its own, not in ~/.cache/kg."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))


@pytest.fixture
def shared() -> Path:
    """../shared beside the checkout (seeds and evaluation data); skip when absent."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared is not present")
    return SHARED


SENTENCES = (
    "{a}는 {d}일 {b}에 대규모 투자를 단행했다.",
    "{a}와 {b}는 인공지능 분야에서 전략적 제휴를 맺었다.",
    "{b}는 지난 {d}일 {a}의 접속을 차단했다.",
    "미국 상무부는 {a}를 수출 통제 명단에 올렸다.",
)
ACTORS = ("오픈AI", "마이크로소프트", "카카오", "네이버", "삼성전자", "구글")


def write_corpus(path, count: int) -> None:
    """`count` short articles written for this test, each a little different."""
    with open(path, "w", encoding="utf-8") as f:
        for i in range(count):
            a, b = ACTORS[i % len(ACTORS)], ACTORS[(i * 5 + 1) % len(ACTORS)]
            text = "\n".join(
                s.format(a=a, b=b, d=1 + (i + k) % 27) for k, s in enumerate(SENTENCES)
            )
            record = {"id": f"p{i:03d}", "published": f"2025-03-{1 + i % 28:02d}", "text": text}
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


@pytest.fixture(scope="session")
def corpus():
    """A function writing `count` short Korean articles (JSONL) for build tests."""
    return write_corpus
