"""SPARQL at scale: kg's Oxigraph store against rdflib's in-memory store, side by side.

Generates graphs following kg's model (entities, articles, direct edges and statement nodes
with dates, modality, confidence, evidence and provenance) at each size asked, loads each
with kg.load_graph in both stores and times an as-of-date COUNT, the as-of-date rows
(select_statements, what `kg query --as-of` prints) and a filtered GROUP BY. Each time is
the median of --repeat runs. rdflib's in-memory store takes minutes on a million triples,
so it runs only up to --memory-up-to triples. With --graph, times the queries of
examples/queries on a graph file instead. Prints seconds; not a test.

    python benchmarks/sparql.py --triples 100000 1000000
    python benchmarks/sparql.py --triples 1000000 --memory-up-to 1000000 --repeat 1
    python benchmarks/sparql.py --graph out/graph.ttl
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from functools import partial
from pathlib import Path

from kg.query import PREFIXES, run_query
from kg.store import STORES, load_graph
from kg.temporal import count_query, select_statements

KG = PREFIXES["kg"]
KGR = PREFIXES["kgr"]
RDF = PREFIXES["rdf"]
XSD = PREFIXES["xsd"]
RELATIONS = ("blocks", "funds", "partnersWith", "competesWith", "sanctionedBy")
TYPES = ("Company", "Organization", "GovernmentBody", "Country", "Person", "Product")
MODALITIES = ("Asserted", "Asserted", "Asserted", "Planned", "Hedged", "Negated")
PRECISIONS = ("Day", "Month", "Year")

AS_OF = dt.date(2024, 6, 30)
AS_OF_COUNT = count_query(as_of=AS_OF)
GROUP_BY = """
SELECT ?relation (COUNT(?statement) AS ?n) (AVG(?confidence) AS ?mean) WHERE {
  ?statement a kg:Statement ; rdf:predicate ?relation ; kg:confidence ?confidence ;
             kg:modality kg:Asserted ; prov:wasDerivedFrom/dcterms:issued ?reported .
  FILTER(?confidence >= 0.8 && YEAR(?reported) = 2025)
} GROUP BY ?relation ORDER BY ?relation
"""
QUERIES = {
    "as-of COUNT": partial(run_query, query=AS_OF_COUNT),
    "as-of rows": partial(select_statements, as_of=AS_OF),
    "GROUP BY": partial(run_query, query=GROUP_BY),
}


def generate(path: Path, triples: int, *, seed: int = 7) -> int:
    """Write about `triples` N-Triples following kg's model; returns the number written."""
    rng = random.Random(seed)
    entities = max(50, triples // 500)
    written = 0
    day0 = dt.date(2020, 1, 1)
    with path.open("w", encoding="utf-8") as out:

        def emit(s: str, p: str, o: str) -> None:
            nonlocal written
            out.write(f"{s} {p} {o} .\n")
            written += 1

        for i in range(entities):
            node = f"<{KGR}e{i}>"
            emit(node, f"<{RDF}type>", f"<{KG}{rng.choice(TYPES)}>")
            emit(node, f"<{PREFIXES['skos']}prefLabel>", f'"행위자{i}"@ko')
            emit(node, f"<{PREFIXES['skos']}prefLabel>", f'"Actor {i}"@en')
        article = 0
        while written < triples:
            doc = f"<{KGR}doc-{article}>"
            issued = day0 + dt.timedelta(days=rng.randrange(2000))
            emit(doc, f"<{RDF}type>", f"<{KG}Article>")
            emit(doc, f"<{PREFIXES['dcterms']}identifier>", f'"{article}.txt"')
            emit(doc, f"<{PREFIXES['dcterms']}issued>", f'"{issued}"^^<{XSD}date>')
            emit(doc, f"<{PREFIXES['dcterms']}source>", '"가상일보"')
            for k in range(5):
                write_statement(emit, rng, f"<{KGR}stmt-{article}-{k}>", doc, entities, issued)
            article += 1
    return written


def write_statement(emit, rng: random.Random, node: str, doc: str, entities: int, issued) -> None:
    """One statement node and, unless negated, its direct edge."""
    s, o = (f"<{KGR}e{rng.randrange(entities)}>" for _ in range(2))
    relation = f"<{KG}{rng.choice(RELATIONS)}>"
    modality = rng.choice(MODALITIES)
    if modality != "Negated":
        emit(s, relation, o)
    emit(node, f"<{RDF}type>", f"<{KG}Statement>")
    emit(node, f"<{RDF}subject>", s)
    emit(node, f"<{RDF}predicate>", relation)
    emit(node, f"<{RDF}object>", o)
    emit(node, f"<{KG}modality>", f"<{KG}{modality}>")
    emit(node, f"<{KG}confidence>", f'"{rng.randrange(50, 100) / 100}"^^<{XSD}decimal>')
    emit(node, f"<{KG}evidence>", '"어느 회사가 다른 회사와 손을 잡았다고 밝혔다."@ko')
    emit(node, f"<{PREFIXES['prov']}wasDerivedFrom>", doc)
    if rng.random() < 0.6:
        start = issued + dt.timedelta(days=rng.randrange(-400, 60))
        emit(node, f"<{KG}validFrom>", f'"{start}"^^<{XSD}date>')
        emit(node, f"<{KG}timePrecision>", f"<{KG}{rng.choice(PRECISIONS)}>")
        if rng.random() < 0.2:
            end = start + dt.timedelta(days=rng.randrange(30, 700))
            emit(node, f"<{KG}validUntil>", f'"{end}"^^<{XSD}date>')


def timed(action, *, repeat: int = 1):
    """The result of action() and the median seconds it took over `repeat` runs."""
    return measured(action, repeat=repeat)[:2]


def measured(action, *, repeat: int):
    """The result of action() and the median wall and processor seconds of `repeat` runs.

    Processor time is this process's alone: on a busy machine it shows what an idle one would.
    """
    wall, processor = [], []
    for _ in range(repeat):
        start, start_processor = time.perf_counter(), time.process_time()
        result = action()
        wall.append(time.perf_counter() - start)
        processor.append(time.process_time() - start_processor)
    return result, statistics.median(wall), statistics.median(processor)


def bench_generated(sizes: list[int], *, memory_up_to: int, repeat: int) -> None:
    """Load and query a generated graph of each size in both stores; print a table."""
    columns = ("load", *QUERIES)
    print("seconds, wall (processor), median of", repeat)
    print(f"{'store':<9} {'triples':>9} " + " ".join(f"{c:>16}" for c in columns))
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            path = Path(tmp) / f"{size}.nt"
            triples = generate(path, size)
            answers = {}
            for store in STORES:
                if store == "memory" and size > memory_up_to:
                    print(f"{store:<9} {triples:>9}  (skipped: more than --memory-up-to)")
                    continue
                graph, *load = measured(partial(load_graph, path, store=store), repeat=repeat)
                results = {
                    q: measured(partial(run, graph), repeat=repeat) for q, run in QUERIES.items()
                }
                answers[store] = {q: table for q, (table, *_) in results.items()}
                times = [load] + [seconds for _, *seconds in results.values()]
                cells = " ".join(f"{w:>7.3f} ({p:>6.3f})" for w, p in times)
                print(f"{store:<9} {triples:>9} {cells}", flush=True)
                del graph
            print(describe(answers))


def describe(answers: dict) -> str:
    """What the stores answered: the sizes of the answers and whether the stores agree."""
    first = next(iter(answers.values()))
    count = first["as-of COUNT"].rows[0][0]
    rows = len(first["as-of rows"].rows)
    groups = first["GROUP BY"].rows
    agree = "the stores agree" if all(a == first for a in answers.values()) else "THEY DISAGREE"
    if len(answers) == 1:
        agree = "one store"
    return f"  as-of count {count}, {rows} as-of rows, GROUP BY {groups[0]}…; {agree}"


def bench_file(path: Path) -> None:
    """Time every example query on a graph file in both stores of kg."""
    for store in ("oxigraph", "memory"):
        graph, load = timed(partial(load_graph, path, store=store))
        print(f"{store}: {len(graph)} triples, load {load:.3f} s")
        for query in sorted(Path(__file__).resolve().parents[1].glob("examples/queries/*.rq")):
            table, seconds = timed(partial(run_query, graph, query.read_text(encoding="utf-8")))
            print(f"  {query.stem:<22} {seconds * 1000:8.1f} ms  {len(table.rows)} rows")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--memory-up-to", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--graph", type=Path, help="time examples/queries on this graph instead")
    args = parser.parse_args()
    if args.graph:
        bench_file(args.graph)
    else:
        bench_generated(args.triples, memory_up_to=args.memory_up_to, repeat=args.repeat)


if __name__ == "__main__":
    main()
