"""SPARQL at scale: Oxigraph (direct and through oxrdflib) against rdflib's in-memory store.

Generates a graph following kg's model (entities, articles, direct edges and statement nodes
with dates, modality, confidence, evidence and provenance), loads it, and times an as-of-date
COUNT and a filtered GROUP BY. With --graph, times the queries of examples/queries on a graph
file instead. Prints seconds; not a test.

    python benchmarks/sparql.py --triples 1000000 --rdflib-triples 100000
    python benchmarks/sparql.py --graph out/graph.ttl
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from functools import partial
from pathlib import Path

import pyoxigraph

from kg.query import PREFIXES, run_query
from kg.store import load_graph
from kg.temporal import statements_query

KG = PREFIXES["kg"]
KGR = PREFIXES["kgr"]
RDF = PREFIXES["rdf"]
XSD = PREFIXES["xsd"]
RELATIONS = ("blocks", "funds", "partnersWith", "competesWith", "sanctionedBy")
TYPES = ("Company", "Organization", "GovernmentBody", "Country", "Person", "Product")
MODALITIES = ("Asserted", "Asserted", "Asserted", "Planned", "Hedged", "Negated")
PRECISIONS = ("Day", "Month", "Year")

AS_OF_COUNT = (
    statements_query(as_of=dt.date(2024, 6, 30))
    .replace(
        "SELECT ?subject ?relation ?object ?from ?until ?precision ?modality ?reported ?article",
        "SELECT (COUNT(*) AS ?n)",
    )
    .split("ORDER BY")[0]
)
GROUP_BY = """
SELECT ?relation (COUNT(?statement) AS ?n) (AVG(?confidence) AS ?mean) WHERE {
  ?statement a kg:Statement ; rdf:predicate ?relation ; kg:confidence ?confidence ;
             kg:modality kg:Asserted ; prov:wasDerivedFrom/dcterms:issued ?reported .
  FILTER(?confidence >= 0.8 && YEAR(?reported) = 2025)
} GROUP BY ?relation ORDER BY ?relation
"""
QUERIES = {"as-of COUNT": AS_OF_COUNT, "filtered GROUP BY": GROUP_BY}


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


def timed(action):
    """The result of action() and the seconds it took."""
    start = time.perf_counter()
    result = action()
    return result, time.perf_counter() - start


def pyoxigraph_count(store: pyoxigraph.Store, query: str) -> int:
    """Rows of a query run straight on pyoxigraph, with kg's prefixes."""
    return sum(1 for _ in store.query(query, prefixes=PREFIXES))


def bench_generated(triples: int, rdflib_triples: int) -> None:
    """Load and query generated graphs in the three set-ups; print a table."""
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.nt"
        n, seconds = timed(lambda: generate(big, triples))
        print(f"generated {n} triples in {seconds:.1f} s")
        store, load = timed(lambda: pyoxigraph_store(big))
        report("pyoxigraph", n, load, time_queries(partial(pyoxigraph_count, store)))
        del store
        graph, load = timed(lambda: load_graph(big, store="oxigraph"))
        report("oxrdflib", n, load, time_queries(partial(run_query, graph)))
        del graph
        small = Path(tmp) / "small.nt"
        m = generate(small, rdflib_triples)
        for store_name in ("oxigraph", "memory"):
            graph, load = timed(partial(load_graph, small, store=store_name))
            name = "oxrdflib" if store_name == "oxigraph" else "rdflib memory"
            report(name, m, load, time_queries(partial(run_query, graph)))


def time_queries(run) -> dict:
    """Each benchmark query's result and seconds."""
    return {name: timed(partial(run, query)) for name, query in QUERIES.items()}


def pyoxigraph_store(path: Path) -> pyoxigraph.Store:
    """An in-memory pyoxigraph store with an N-Triples file loaded."""
    store = pyoxigraph.Store()
    store.bulk_load(path=str(path), format=pyoxigraph.RdfFormat.N_TRIPLES)
    return store


def report(name: str, triples: int, load: float, queries: dict) -> None:
    """One line of results."""
    times = "  ".join(f"{k} {t:.3f} s ({answer_size(r)})" for k, (r, t) in queries.items())
    print(f"{name:<14} {triples:>9} triples  load {load:.2f} s  {times}", flush=True)


def answer_size(result: object) -> str:
    """A short description of a result, to check both set-ups agree."""
    if isinstance(result, int):
        return f"{result} rows"
    return f"{len(result.rows)} rows: {result.rows[0] if result.rows else ''}"


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
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--rdflib-triples", type=int, default=100_000)
    parser.add_argument("--graph", type=Path, help="time examples/queries on this graph instead")
    args = parser.parse_args()
    if args.graph:
        bench_file(args.graph)
    else:
        bench_generated(args.triples, args.rdflib_triples)


if __name__ == "__main__":
    main()
