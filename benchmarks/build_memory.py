"""Memory of a build's outputs as the archive grows, apart from the analyser.

Extracts a small generated corpus once, then replays its statements under new article ids
to N articles through kg.writer.write_build, and prints the peak resident memory the
writing added, for N-Triples or Turtle (both streamed; Turtle sorted on disk at the end),
with --html also the viewer's network and graph.html: at every tenth of the articles (the
slope per article) and at the end (with the final Turtle and HTML). Kiwi itself adds a
constant (about 550 MB per process that analyses).

    python benchmarks/build_memory.py --articles 100000 --graph-format ttl
"""

from __future__ import annotations

import argparse
import dataclasses
import importlib.util
import json
import resource
import tempfile
import time
from pathlib import Path

from kg.pipeline import Extracted, build
from kg.viewer import write_html
from kg.writer import write_build

HERE = Path(__file__).resolve().parent


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--graph-format", choices=("nt", "ttl"), default="ttl")
    parser.add_argument("--html", action="store_true", help="draw graph.html too")
    args = parser.parse_args()
    spec = importlib.util.spec_from_file_location("corpus", HERE / "corpus.py")
    corpus = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(corpus)
    work = Path(tempfile.mkdtemp(prefix="kg-mem-"))
    sample = work / "sample.jsonl"
    with open(sample, "w", encoding="utf-8") as f:
        for record in corpus.generate(args.sample, seed=1):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    result = build([sample])
    pairs = [(d, tuple(s for s in result.statements if s.doc == d.id)) for d in result.documents]

    base = peak_mb()
    step = max(1, args.articles // 10)

    def replay():
        for i in range(args.articles):
            if i and i % step == 0:
                print(
                    f"  after {i:>7} articles: peak {peak_mb() - base:7,.0f} MB over base",
                    flush=True,
                )
            document, statements = pairs[i % len(pairs)]
            name = f"{document.id}-{i}"
            yield Extracted(
                dataclasses.replace(document, id=name),
                tuple(dataclasses.replace(s, doc=name) for s in statements),
            )

    start = time.perf_counter()
    render = write_html if args.html else None
    written = write_build(replay(), work / "out", graph_format=args.graph_format, render=render)
    seconds = time.perf_counter() - start
    size = sum(p.stat().st_size for p in (work / "out").iterdir()) / 2**20
    print(
        f"{args.articles} articles, {written.statements} statements, --graph-format "
        f"{args.graph_format}{' --html' if args.html else ''}: {seconds:.1f} s, "
        f"peak {peak_mb():,.0f} MB "
        f"(analyser and sample {base:,.0f} MB; writing added {peak_mb() - base:,.0f} MB), "
        f"outputs {size:,.0f} MB in {work / 'out'}"
    )


if __name__ == "__main__":
    main()
