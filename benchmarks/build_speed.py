"""Build throughput: `kg build` against bare kiwipiepy on the same synthetic corpus.

Prints, for one generated corpus: characters/s and articles/s of bare Kiwi tokenisation
and of `kg build` with --jobs 1 and --jobs N, their ratio (the headline figure), the peak
resident memory of each build, and an incremental re-run after adding 1% more articles, as
a share of the clean build's time. Beside --jobs N it prints bare Kiwi split over N
processes at once, each tokenising 1/N of the articles: the speed-up the machine itself
gives Kiwi (cores sharing memory bandwidth and cache), the ceiling for kg's. Each build
runs as its own `kg build` process, so its peak memory (with its workers) is measured on its
own; builds other than the re-run pair run with --no-cache. The re-run adds 1% more
articles to the same corpus, with the same --jobs, the whole `kg build` process timed.
--quick stops after the --jobs 1 build; --incremental runs only the clean build with the
cache and the re-run (for large corpora, where the other builds would take long).

What is compared: two processes, timed the same way. The bare one loads the default Kiwi
model with one tokenising thread (`Kiwi(num_workers=1)`; kg adds its gazetteer's names as
user words to the same model, and `kg build --jobs 1` also gives Kiwi one thread, as each of
the N worker processes of --jobs N does) and tokenises each article's non-empty lines in one
batch call, as kg analyses an article's paragraphs: the same calls on both sides. Its time counts
interpreter start, loading Kiwi (about 3 s, most of it in the first call) and tokenising,
which is also printed alone. The kg one is the whole `kg build --no-html`: interpreter
start, imports, loading Kiwi, the gazetteer and the cue lexicon, reading the articles,
every stage, and writing statements.jsonl and graph.ttl; its fixed part is printed as a
build of one article. Wall-clock seconds make the headline ratio; CPU seconds (user +
system, every thread) are printed beside them, and their ratio depends neither on how many
threads either side used nor on other load on the machine.

    python benchmarks/build_speed.py --articles 1000 --jobs 2
    python benchmarks/build_speed.py --articles 300 --quick
    python benchmarks/build_speed.py --articles 10000 --jobs 2 --incremental
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


BARE = """
import json, sys, time
from kiwipiepy import Kiwi

kiwi = Kiwi(num_workers=1)
with open(sys.argv[1], encoding="utf-8") as f:
    texts = [[x for x in json.loads(line)["text"].splitlines() if x.strip()] for line in f]
start = time.perf_counter()
for lines in texts:
    for tokens in kiwi.tokenize(lines):
        len(tokens)
print(time.perf_counter() - start)
"""


def bare_kiwi(*paths: Path) -> tuple[float, float, float]:
    """Wall and CPU seconds of one process per path, run at once, each loading one Kiwi
    (default model, as kg builds it) and tokenising every text of its path in turn, each
    text's non-empty lines in one batch call as kg calls it; and the wall seconds of the
    longest tokenising alone."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    runs = [
        subprocess.Popen([sys.executable, "-c", BARE, str(path)], stdout=subprocess.PIPE, text=True)
        for path in paths
    ]
    tokenising = [float(run.communicate()[0]) for run in runs]
    seconds = time.perf_counter() - start
    if any(run.returncode for run in runs):
        raise SystemExit("bare kiwi failed")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, max(tokenising)


def split_corpus(path: Path, parts: int) -> list[Path]:
    """The corpus cut into `parts` files of consecutive articles, as even as can be."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    size = -(-len(lines) // parts)
    paths = []
    for k in range(parts):
        part = path.with_name(f"part{k}.jsonl")
        part.write_text("".join(lines[k * size : (k + 1) * size]), encoding="utf-8")
        paths.append(part)
    return paths


def kg_build(path: Path, out: Path, *, jobs: int, cache: bool) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (all its processes) and peak resident MB (the largest process
    of the build) of one `kg build`."""
    args = [sys.executable, "-m", "kg", "build", str(path), "-o", str(out), "--jobs", str(jobs)]
    args += ["--no-html", *(["--cache", str(out.parent / "cache")] if cache else ["--no-cache"])]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return seconds, cpu, after.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--quick", action="store_true", help="stop after the --jobs 1 build")
    parser.add_argument(
        "--incremental",
        action="store_true",
        help="only the clean build with the cache and the re-run",
    )
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

        if not args.incremental:
            fixed_builds(args, corpus, work, line)
        if not args.quick:
            incremental(args, corpus, work)
        print(f"load average at the end   {os.getloadavg()[0]:.2f}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def fixed_builds(args: argparse.Namespace, corpus: Path, work: Path, line) -> None:
    """Bare Kiwi, kg build --jobs 1, the one-article build, then bare Kiwi over --jobs
    processes and kg build --jobs N."""
    kiwi, kiwi_cpu, tokenising = bare_kiwi(corpus)
    line("bare kiwi", kiwi, f"  cpu {kiwi_cpu:.1f} s, {tokenising:.1f} s tokenising")
    one, cpu, peak = kg_build(corpus, work / "one", jobs=1, cache=False)
    ratios = f"x{one / kiwi:.2f} kiwi (cpu {cpu:.1f} s, x{cpu / kiwi_cpu:.2f})"
    line("kg build --jobs 1", one, f"  {ratios}, peak {peak:,.0f} MB")
    single = work / "single.jsonl"
    write_corpus(single, 1, args.seed)
    fixed, fixed_cpu, _ = kg_build(single, work / "single", jobs=1, cache=False)
    print(f"fixed cost (1 article)    {fixed:8.1f} s  cpu {fixed_cpu:.1f} s", flush=True)
    if args.quick:
        return
    split, _, _ = bare_kiwi(*split_corpus(corpus, args.jobs))
    line(f"bare kiwi, {args.jobs} processes", split, f"  x{kiwi / split:.2f} one process")
    many, _, peak = kg_build(corpus, work / "many", jobs=args.jobs, cache=False)
    line(f"kg build --jobs {args.jobs}", many, f"  x{one / many:.2f} jobs 1, peak {peak:,.0f} MB")
    graphs = [(work / name / "graph.ttl").read_bytes() for name in ("one", "many")]
    print(f"same graph.ttl for --jobs 1 and --jobs {args.jobs}: {graphs[0] == graphs[1]}")


def incremental(args: argparse.Namespace, corpus: Path, work: Path) -> None:
    """A clean build with the cache, then a re-run over the corpus grown by 1%."""
    clean, _, _ = kg_build(corpus, work / "inc", jobs=args.jobs, cache=True)
    print(f"clean build with cache    {clean:8.1f} s", flush=True)
    grown = work / "grown.jsonl"
    write_corpus(grown, args.articles + max(1, args.articles // 100), args.seed)
    again, _, _ = kg_build(grown, work / "inc", jobs=args.jobs, cache=True)
    print(f"re-run after +1% articles {again:8.1f} s  ({100 * again / clean:.1f}% of clean)")


if __name__ == "__main__":
    main()
