"""kg build on a Dask cluster: a local cluster of two workers gives the single-process graph."""

from __future__ import annotations

import pytest

from kg.export import serialize, statements_jsonl
from kg.pipeline import build

distributed = pytest.importorskip("distributed", reason="the `cluster` extra is not installed")


def test_two_dask_workers_give_the_graph_of_one_process(tmp_path, resources, corpus):
    path = tmp_path / "articles.jsonl"
    corpus(path, 40)
    one = build([path], resources=resources)
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as cluster:
        spread = build([path], resources=resources, cluster=cluster.scheduler_address)
    assert spread.documents == one.documents
    assert statements_jsonl(spread.statements) == statements_jsonl(one.statements)
    assert serialize(spread.graph()) == serialize(one.graph())


def test_no_scheduler_is_a_clear_error(tmp_path, resources, corpus):
    from kg.errors import KgError

    path = tmp_path / "articles.jsonl"
    corpus(path, 40)
    with pytest.raises(KgError, match=r"no Dask scheduler at tcp://127.0.0.1:1:"):
        build([path], resources=resources, cluster="tcp://127.0.0.1:1")
