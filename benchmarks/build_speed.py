"""Build throughput: `kg build` against bare kiwipiepy on the same synthetic corpus.

Prints, for one generated corpus: characters/s and articles/s of bare Kiwi tokenisation
(one thread) and of `kg build` with --jobs 1 and --jobs N, their ratio (the headline
figure), the peak resident memory of each build, and an incremental re-run after adding 1%
more articles (the same corpus plus 1% new, the same --jobs, the whole `kg build` process
timed) as a share of the clean build's time. Each build runs as its own `kg build` process,
so its peak memory (with its workers) is measured on its own; builds other than the re-run
pair run with --no-cache.

    python benchmarks/build_speed.py --articles 1000 --jobs 2
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def load_corpus_module():
    spec = importlib.util.spec_from_file_location("corpus", HERE / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_corpus(path: Path, count: int, seed: int) -> int:
    """Write `count` articles; their total characters."""
    corpus = load_corpus_module()
    chars = 0
    with open(path, "w", encoding="utf-8") as f:
        for record in corpus.generate(count, seed=seed):
            chars += len(record["text"])
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return chars


def bare_kiwi(path: Path) -> float:
    """Seconds for one Kiwi (default dictionary, as kg builds it) to tokenise every text in turn."""
    from kiwipiepy import Kiwi

    kiwi = Kiwi()
    with open(path, encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f]
    kiwi.tokenize(texts[0])
    start = time.perf_counter()
    for text in texts:
        kiwi.tokenize(text)
    return time.perf_counter() - start


def kg_build(path: Path, out: Path, *, jobs: int, cache: bool) -> tuple[float, float]:
    """Seconds and peak resident MB (the largest process of the build) of one `kg build`."""
    args = [sys.executable, "-m", "kg", "build", str(path), "-o", str(out), "--jobs", str(jobs)]
    args += ["--no-html", *(["--cache", str(out.parent / "cache")] if cache else ["--no-cache"])]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-"))
    try:
        corpus = work / "corpus.jsonl"
        n = args.articles
        chars = write_corpus(corpus, n, args.seed)
        print(f"corpus      {n} articles, {chars:,} characters; load {os.getloadavg()[0]:.2f}")

        def line(name: str, seconds: float, extra: str = "") -> None:
            rate = f"{n / seconds:8.1f} articles/s {chars / seconds:10,.0f} chars/s"
            print(f"{name:<26}{seconds:8.1f} s {rate}{extra}", flush=True)

        kiwi = bare_kiwi(corpus)
        line("bare kiwi (1 thread)", kiwi)
        one, peak = kg_build(corpus, work / "one", jobs=1, cache=False)
        line("kg build --jobs 1", one, f"  x{one / kiwi:.2f} kiwi, peak {peak:,.0f} MB")
        many, peak = kg_build(corpus, work / "many", jobs=args.jobs, cache=False)
        speedup = f"  x{one / many:.2f} jobs 1, peak {peak:,.0f} MB"
        line(f"kg build --jobs {args.jobs}", many, speedup)
        graphs = [(work / name / "graph.ttl").read_bytes() for name in ("one", "many")]
        same = graphs[0] == graphs[1]
        print(f"same graph.ttl for --jobs 1 and --jobs {args.jobs}: {same}")
        clean, _ = kg_build(corpus, work / "inc", jobs=args.jobs, cache=True)
        grown = work / "grown.jsonl"
        write_corpus(grown, n + max(1, n // 100), args.seed)
        again, _ = kg_build(grown, work / "inc", jobs=args.jobs, cache=True)
        print(f"clean build with cache    {clean:8.1f} s")
        print(f"re-run after +1% articles {again:8.1f} s  ({100 * again / clean:.1f}% of clean)")
        print(f"load average at the end   {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
