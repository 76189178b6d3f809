"""kg push: a real Oxigraph server (PyPI `oxigraph`) on 127.0.0.1 gets the graph and answers."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli import main
from kg.errors import KgError
from kg.push import push

GRAPH = """@prefix kg: <https://w3id.org/kgnews/ontology#> .
@prefix kgr: <https://w3id.org/kgnews/resource/> .
kgr:openai kg:blocks kgr:china .
kgr:naver kg:partnersWith kgr:samsung .
kgr:naver kg:funds kgr:upstage .
"""


@pytest.fixture
def server(tmp_path):
    """An Oxigraph server on a free local port, stopped after the test."""
    binary = shutil.which("oxigraph") or shutil.which("oxigraph", path=Path(sys.executable).parent)
    if binary is None:
        pytest.skip("the oxigraph server (pip install oxigraph) is not installed")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    process = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "db"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail("oxigraph server did not start")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def select(base: str, query: str) -> list[dict]:
    url = f"{base}/query?{urllib.parse.urlencode({'query': query})}"
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["results"]["bindings"]


def test_push_sends_every_triple_in_batches(server, tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    assert push(path, endpoint=f"{server}/store", batch=2) == 3
    rows = select(server, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }")
    got = {(r["s"]["value"], r["p"]["value"], r["o"]["value"]) for r in rows}
    expected = {(str(s), str(p), str(o)) for s, p, o in Graph().parse(data=GRAPH)}
    assert got == expected


def test_push_streams_ntriples_into_a_named_graph(server, tmp_path):
    path = tmp_path / "graph.nt"
    path.write_text(Graph().parse(data=GRAPH).serialize(format="nt"), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["push", str(path), "--endpoint", f"{server}/store", "--graph", "urn:kg:news"]
    )
    assert result.exit_code == 0, result.output
    assert result.output == f"pushed 3 triples to {server}/store\n"
    rows = select(server, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:kg:news> { ?s ?p ?o } }")
    assert rows[0]["n"]["value"] == "3"


def test_push_to_nothing_says_what_to_check(tmp_path):
    path = tmp_path / "graph.ttl"
    path.write_text(GRAPH, encoding="utf-8")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(KgError, match="is the SPARQL server running"):
        push(path, endpoint=f"http://127.0.0.1:{port}/store")
