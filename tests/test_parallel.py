"""Parallel builds: any number of worker processes gives the output of one."""

from __future__ import annotations

from concurrent.futures import Future

import pytest

from kg.export import serialize, statements_jsonl
from kg.parallel import InProcess, in_order
from kg.pipeline import BATCH, build


@pytest.fixture(scope="module")
def articles(tmp_path_factory, corpus):
    path = tmp_path_factory.mktemp("parallel") / "articles.jsonl"
    corpus(path, 2 * BATCH + 9)
    return path


def test_two_jobs_give_the_output_of_one(articles, resources):
    one = build([articles], resources=resources, jobs=1)
    two = build([articles], resources=resources, jobs=2)
    assert len(one.statements) > 2 * BATCH
    assert two.documents == one.documents
    assert statements_jsonl(two.statements) == statements_jsonl(one.statements)
    assert serialize(two.graph()) == serialize(one.graph())


def test_cli_jobs_writes_the_same_files(articles, tmp_path):
    from click.testing import CliRunner

    from kg.cli import main

    for jobs in ("1", "2"):
        args = ["build", str(articles), "-o", str(tmp_path / jobs), "--jobs", jobs]
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 0, result.output
    for name in ("graph.ttl", "statements.jsonl", "graph.html"):
        assert (tmp_path / "1" / name).read_bytes() == (tmp_path / "2" / name).read_bytes()


def test_in_order_keeps_input_order_and_skips_known_items():
    worked: list[list[int]] = []

    def work(batch: list[int]) -> list[int]:
        worked.append(batch)
        return [n * 10 for n in batch]

    out = in_order(
        range(7),
        work=work,
        known=lambda n: -n if n in (2, 3) else None,
        executor=InProcess,
        batch=2,
        window=1,
    )
    assert list(out) == [(0, 0), (1, 10), (2, -2), (3, -3), (4, 40), (5, 50), (6, 60)]
    assert worked == [[0, 1], [4, 5], [6]]


def test_in_order_starts_no_executor_when_everything_is_known():
    def executor():
        raise AssertionError("no executor needed")

    out = in_order([1, 2], work=list, known=lambda n: n, executor=executor, batch=4, window=2)
    assert list(out) == [(1, 1), (2, 2)]


def test_in_process_futures_are_done():
    future = InProcess().submit(sum, [1, 2])
    assert isinstance(future, Future) and future.result() == 3
