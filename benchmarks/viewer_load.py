"""How fast a 5,000-edge graph renders in Python and becomes interactive in headless Chromium.

    PYTHONPATH=. python benchmarks/viewer_load.py [--edges 5000] [--nodes 1500]

Prints the render time, the page size and the load-to-interactive time: from navigation
start to the first drawn frame of the network (the page sets `body[data-ready]` then), and
the time one relation toggle takes to hide its edges. Needs chromium and playwright.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import sync_playwright
from rdflib import RDF, XSD, Graph, Literal
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.viewer import render_html
from kg.vocab import KG, KGR

TYPES = ["Company", "Company", "Organization", "GovernmentBody", "Country", "Person", "Product"]
RELATIONS = ["blocks", "funds", "partnersWith", "competesWith", "sanctionedBy"]
MODALITIES = ["Asserted"] * 6 + ["Planned", "Hedged", "Negated"]
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def synthetic_graph(*, edges: int, nodes: int, seed: int = 1) -> Graph:
    """A kg graph with the given number of distinct relation pairs, hubs included."""
    rng = random.Random(seed)
    graph = Graph()
    actors = [KGR[f"actor-{i}"] for i in range(nodes)]
    for i, actor in enumerate(actors):
        graph.add((actor, RDF.type, KG[rng.choice(TYPES)]))
        graph.add((actor, SKOS.prefLabel, Literal(f"기업{i}", lang="ko")))
        graph.add((actor, SKOS.prefLabel, Literal(f"Actor {i}", lang="en")))
    docs = [KGR[f"doc-{i}"] for i in range(edges // 5)]
    for i, doc in enumerate(docs):
        issued = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
        graph.add((doc, RDF.type, KG.Article))
        graph.add((doc, DCTERMS.issued, Literal(issued.isoformat(), datatype=XSD.date)))
        graph.add((doc, DCTERMS.title, Literal(f"기사 {i}", lang="ko")))
    weights = [1 / (i + 1) ** 0.8 for i in range(nodes)]
    pairs: set[tuple[int, int, str]] = set()
    while len(pairs) < edges:
        a, b = rng.choices(range(nodes), weights=weights, k=2)
        if a != b:
            pairs.add((a, b, rng.choice(RELATIONS)))
    for n, (a, b, relation) in enumerate(sorted(pairs)):
        for k in range(rng.choice([1, 1, 2])):
            node = KGR[f"stmt-{n}-{k}"]
            modality = rng.choice(MODALITIES)
            graph.add((node, RDF.type, KG.Statement))
            graph.add((node, RDF.subject, actors[a]))
            graph.add((node, RDF.predicate, KG[relation]))
            graph.add((node, RDF.object, actors[b]))
            graph.add((node, KG.modality, KG[modality]))
            graph.add(
                (node, KG.evidence, Literal(f"기업{a}이 기업{b}와 관련해 발표했다.", lang="ko"))
            )
            graph.add((node, PROV.wasDerivedFrom, rng.choice(docs)))
            if rng.random() < 0.6:
                day = date(2019, 1, 1) + timedelta(days=rng.randrange(6 * 365))
                graph.add((node, KG.validFrom, Literal(day.isoformat(), datatype=XSD.date)))
            if modality != "Negated":
                graph.add((actors[a], KG[relation], actors[b]))
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--nodes", type=int, default=1500)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    options = parser.parse_args()
    graph = synthetic_graph(edges=options.edges, nodes=options.nodes)
    started = time.perf_counter()
    page_html = render_html(graph, title="benchmark")
    render_seconds = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        path.write_text(page_html, encoding="utf-8")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=options.chromium, args=ARGS)
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready='1']", timeout=60000)
            ready_ms = page.evaluate("window.kgReadyAt")
            toggle_ms = page.evaluate(
                "(() => { const t = performance.now();"
                " const box = document.querySelector('input[data-relation=\"funds\"]');"
                " box.click(); return performance.now() - t; })()"
            )
            edges_shown = page.inner_text("#count-edges")
            browser.close()
    print(f"graph: {options.nodes} actors, {options.edges} edges, {len(graph)} triples")
    print(f"render_html: {render_seconds:.2f} s, page {len(page_html) / 1e6:.1f} MB")
    print(f"load-to-interactive in headless Chromium: {ready_ms / 1000:.2f} s")
    print(f"hiding one relation type: {toggle_ms:.0f} ms ({edges_shown} edges left)")


if __name__ == "__main__":
    main()
