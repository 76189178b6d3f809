"""Kill a large `kg build` with SIGKILL and check that the previous outputs survive.

Builds a small synthetic corpus into a folder, then starts a build of a large corpus into
the same folder, kills it with SIGKILL after --after seconds (while it is still extracting,
or with --rounds, at several moments up to the end of the build), and checks each time that
graph.ttl still parses to the same number of triples and every output is byte-identical to
the first build's (or, when the kill came after the writes, to a complete second build).
Prints one line per round and exits 1 if any round left a damaged output.

    python benchmarks/kill_build.py --articles 800 --after 20
    python benchmarks/kill_build.py --articles 200 --rounds 6
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("graph.ttl", "statements.jsonl", "graph.html")


def load_corpus():
    """benchmarks/corpus.py as a module (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("corpus", ROOT / "benchmarks" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def snapshot(out: Path) -> dict[str, str]:
    """sha256 of every file in out, hidden temporaries included."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:12] for p in sorted(out.iterdir())}


def kg_build(source: Path, out: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "kg", "build", str(source), "-o", str(out)]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=800, help="size of the large corpus")
    parser.add_argument("--after", type=float, default=20.0, help="seconds before SIGKILL")
    parser.add_argument("--rounds", type=int, default=1, help="kills spread over a full build")
    args = parser.parse_args()
    corpus = load_corpus()
    work = Path(tempfile.mkdtemp(prefix="kg_kill_"))
    small, large, out = work / "small.jsonl", work / "large.jsonl", work / "out"
    corpus.write_jsonl(corpus.generate(20, seed=1), small)
    corpus.write_jsonl(corpus.generate(args.articles, seed=2), large)

    started = time.perf_counter()
    assert kg_build(small, out).wait() in (0, 1)
    first = snapshot(out)
    triples = len(Graph().parse(out / "graph.ttl"))
    print(f"first build: 20 articles in {time.perf_counter() - started:.1f} s, {triples} triples")

    delays = [args.after]
    if args.rounds > 1:
        reference = work / "reference"
        started = time.perf_counter()
        assert kg_build(large, reference).wait() in (0, 1)
        full = time.perf_counter() - started
        second = snapshot(reference)
        print(f"full large build: {args.articles} articles in {full:.1f} s")
        delays = [full * (i + 1) / (args.rounds + 1) for i in range(args.rounds)]
        delays.append(full - 0.3)
    damaged = 0
    for delay in delays:
        process = kg_build(large, out)
        time.sleep(delay)
        alive = process.poll() is None
        if alive:
            process.send_signal(signal.SIGKILL)
        process.wait()
        now = snapshot(out)
        stray = sorted(set(now) - set(OUTPUTS))
        kept = {name: now.get(name) for name in OUTPUTS}
        count = len(Graph().parse(out / "graph.ttl"))
        old = kept == {name: first[name] for name in OUTPUTS}
        new = args.rounds > 1 and kept == {name: second[name] for name in OUTPUTS}
        verdict = "previous outputs intact" if old else "new outputs complete" if new else "MIXED"
        damaged += not (old or new)
        print(
            f"killed after {delay:5.1f} s ({'running' if alive else 'already finished'}): "
            f"{verdict}; graph.ttl parses, {count} triples; "
            f"stray temporaries: {', '.join(stray) or 'none'}"
        )
        for name in stray:
            (out / name).unlink()
        if not old and not new:
            break
    sys.exit(1 if damaged else 0)


if __name__ == "__main__":
    main()
