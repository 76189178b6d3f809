"""Parallel extraction: work on batches of documents spread over processes or a cluster, with
the results handed back in input order, so any number of workers gives the output of one.

An executor is anything with `submit(fn, *args) -> future` whose future has `result()`:
`InProcess` (no parallelism), a `ProcessPoolExecutor` or a Dask `Client`. At most `window`
batches are in flight, so memory stays flat however long the input is.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class InProcess:
    """An executor that runs each task at once in this process."""

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        future.set_result(fn(*args))
        return future


def process_pool(jobs: int, *, initializer: Callable[..., None], initargs: tuple) -> Any:
    """A pool of `jobs` fresh processes, each set up once by `initializer`.

    Spawned, not forked: a process forked from one holding a Kiwi hangs building its own
    (Kiwi's thread pool does not survive the fork). A script that builds with jobs > 1
    therefore needs the usual `if __name__ == "__main__":` guard.
    """
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=initializer,
        initargs=initargs,
    )


def in_order(
    items: Iterable[T],
    *,
    work: Callable[[list[T]], list[R]],
    known: Callable[[T], R | None],
    executor: Callable[[], Any],
    batch: int,
    window: int,
) -> Iterator[tuple[T, R]]:
    """(item, result) for every item in input order; `known` results skip the work.

    Items without a known result go to `work` in batches of up to `batch`; the executor is
    made on first need, so a run whose every result is known starts no worker.
    """
    pending: deque[tuple[list[T], Any]] = deque()
    waiting: list[T] = []
    started: list[Any] = []

    def submit() -> None:
        if not started:
            started.append(executor())
        pending.append((list(waiting), started[0].submit(work, list(waiting))))
        waiting.clear()

    try:
        for item in items:
            result = known(item)
            if result is None:
                waiting.append(item)
                if len(waiting) >= batch:
                    submit()
            else:
                if waiting:
                    submit()
                done: Future = Future()
                done.set_result([result])
                pending.append(([item], done))
            while len(pending) > window:
                yield from drain(pending.popleft())
        if waiting:
            submit()
        while pending:
            yield from drain(pending.popleft())
    finally:
        for made in started:
            if isinstance(made, ProcessPoolExecutor):
                made.shutdown(cancel_futures=True)
            elif hasattr(made, "close"):
                made.close()


def drain(entry: tuple[list[T], Any]) -> Iterator[tuple[T, R]]:
    """The (item, result) pairs of one finished batch."""
    items, future = entry
    yield from zip(items, future.result(), strict=True)
