"""The viewer: a kg graph as one self-contained interactive HTML page.

The page needs no network: vis-network (shipped by pyvis) and our own script and style are
inlined. Node positions are computed here with networkx and physics is off, so even a
graph of thousands of edges is drawn at once. All data goes into the page as JSON in a
`<script type="application/json">` block with `<`, `>` and `&` escaped, and the page's
script builds the side panel with `textContent` only, so article text cannot inject markup.

Each edge of the picture is one (subject, relation, object) pair with the statements that
support it. A statement's time span for the date slider is its event time
(kg:validFrom .. kg:validUntil, either alone meaning that one day), or else its article's
dcterms:issued; a statement with neither is always shown.

The page is drawn from a `Network`: only the properties it shows, by node, and the edges
between IRIs. A build adds each article's triples to one as it goes, which takes a small
part of the memory of an rdflib graph of the same articles.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from importlib import resources

import networkx as nx
import numpy as np
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from kg.vocab import KG, SCHEMA

# relation -> (colour, directed); relations the ontology adds later are grey and directed
RELATIONS = {
    "blocks": ("#d62728", True),
    "funds": ("#2ca02c", True),
    "sanctionedBy": ("#9467bd", True),
    "partnersWith": ("#1f77b4", False),
    "competesWith": ("#ff7f0e", False),
}
OTHER_RELATION = ("#7f7f7f", True)
# entity type -> (colour, vis-network shape), in the order an entity with several types is
# drawn as the first one listed
ENTITY_TYPES = {
    "Company": ("#4e79a7", "dot"),
    "GovernmentBody": ("#e15759", "triangle"),
    "Organization": ("#59a14f", "square"),
    "Country": ("#f28e2b", "diamond"),
    "Person": ("#b07aa1", "star"),
    "Product": ("#76b7b2", "triangleDown"),
    "Other": ("#9c9c9c", "hexagon"),
}
KG_TYPES = [kind for kind in ENTITY_TYPES if kind != "Other"]
MODALITIES = {
    "Asserted": "solid",
    "Planned": "dashed",
    "Hedged": "dashed",
    "Negated": "dotted",
}
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SAFE_URL = re.compile(r"^https?://", re.I)
PLACEHOLDER = re.compile(r"\{\{(\w+)\}\}")
JSON_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
VIS_JS = "lib/vis-9.1.2/vis-network.min.js"
SMALL_GRAPH = 500  # nodes; from here on networkx's spring_layout needs scipy and is slow
# the properties the page shows, kept by node; other links between IRIs are kept as edges
SHOWN = frozenset(
    {
        RDF.type,
        RDF.subject,
        RDF.predicate,
        RDF.object,
        PROV.wasDerivedFrom,
        KG.validFrom,
        KG.validUntil,
        KG.timePrecision,
        KG.timeText,
        KG.modality,
        KG.confidence,
        KG.evidence,
        KG.cue,
        SKOS.prefLabel,
        SKOS.altLabel,
        RDFS.label,
        DCTERMS.identifier,
        DCTERMS.title,
        DCTERMS.source,
        DCTERMS.issued,
        SCHEMA.url,
    }
)
Values = dict[URIRef, list]


class Network:
    """What the page shows: each node's values of the SHOWN properties, and the links
    between IRIs by other properties (the direct edges). Fed triples, from a graph or an
    article at a time; equal IRIs are stored once."""

    def __init__(self, triples: Iterable[tuple[Node, Node, Node]] = ()) -> None:
        self.nodes: dict[Node, Values] = {}
        self.links: set[tuple[URIRef, URIRef, URIRef]] = set()
        self.iris: dict[URIRef, URIRef] = {}
        self.add(triples)

    def add(self, triples: Iterable[tuple[Node, Node, Node]]) -> None:
        """Add triples; one already there changes nothing."""
        iris = self.iris
        for subject, prop, value in triples:
            subject = iris.setdefault(subject, subject)
            if isinstance(value, URIRef):
                value = iris.setdefault(value, value)
            if prop in SHOWN:
                values = self.nodes.setdefault(subject, {}).setdefault(prop, [])
                if value not in values:
                    values.append(value)
            elif isinstance(subject, URIRef) and isinstance(value, URIRef):
                self.links.add((subject, iris.setdefault(prop, prop), value))

    def values(self, node: object, prop: URIRef) -> list:
        """The values of a node's property."""
        return self.nodes.get(node, {}).get(prop, [])


class NotebookHTML(str):
    """HTML that Jupyter shows inline (through `_repr_html_`) and that is still a str."""

    def _repr_html_(self) -> str:
        return str(self)


def render_html(graph: Graph | Network, *, title: str = "kg") -> str:
    """A self-contained HTML page (no network needed) exploring the graph."""
    data = graph_data(graph)
    parts = {
        "title": html.escape(title),
        "legend": _legend_html(data),
        "total_nodes": str(len(data["nodes"])),
        "total_edges": str(len(data["edges"])),
        "total_statements": str(len(data["statements"])),
        "css": _template("viewer.css"),
        "data": script_json(data),
        "vis_js": _inline_script(resources.files("pyvis").joinpath(VIS_JS).read_text("utf-8")),
        "app_js": _inline_script(_template("viewer.js")),
    }
    return PLACEHOLDER.sub(lambda m: parts[m.group(1)], _template("viewer.html"))


def notebook_html(graph: Graph, *, height: int = 600) -> NotebookHTML:
    """The page in a sandboxed iframe for Jupyter, VS Code and Colab notebooks.

    The page travels inside the iframe's `srcdoc`, so nothing is loaded from a file or a
    server, and the page's ids and script cannot clash with the notebook's.
    """
    page = html.escape(render_html(graph), quote=True)
    return NotebookHTML(
        f'<iframe srcdoc="{page}" style="width:100%;height:{int(height)}px;border:0" '
        'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
    )


def script_json(data: object) -> str:
    """JSON safe inside a <script> element: no `<`, `>` or `&` can end or open a tag."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.translate(JSON_ESCAPES)


def graph_data(graph: Graph | Network) -> dict:
    """Nodes, edges, statements and articles of the graph as JSON-ready lists."""
    network = graph if isinstance(graph, Network) else Network(graph)
    statements = _statements(network)
    relations = sorted({s["rel_iri"] for s in statements} | {KG[r] for r in RELATIONS})
    pairs: dict[tuple[str, URIRef, URIRef], list[dict]] = defaultdict(list)
    for statement in statements:
        pairs[statement["key"]].append(statement)
    for subject, prop, obj in network.links:
        if prop in relations:
            pairs.setdefault(_pair_key(_local(prop), subject, obj), [])
    entities = sorted({iri for _, s, o in pairs for iri in (s, o)} | set(_typed_entities(network)))
    index = {iri: i for i, iri in enumerate(entities)}
    degree: dict[URIRef, int] = defaultdict(int)
    for _, subject, obj in pairs:
        degree[subject] += 1
        degree[obj] += 1
    positions = _layout(len(entities), [(index[s], index[o]) for _, s, o in pairs])
    articles = sorted({s["article"] for s in statements if s["article"] is not None})
    article_index = {iri: i for i, iri in enumerate(articles)}
    edges, statement_rows = [], []
    parallel: dict[tuple[int, int], int] = defaultdict(int)
    for edge_id, key in enumerate(sorted(pairs)):
        name, subject, obj = key
        ends = (index[subject], index[obj])
        parallel[tuple(sorted(ends))] += 1
        ids = []
        for statement in sorted(pairs[key], key=lambda s: (s["start"] or "", s["iri"])):
            ids.append(len(statement_rows))
            statement_rows.append(_statement_row(statement, edge_id, article_index))
        edges.append(
            {
                "id": edge_id,
                "from": ends[0],
                "to": ends[1],
                "rel": name,
                "bend": parallel[tuple(sorted(ends))] - 1,
                "statements": ids,
            }
        )
    nodes = []
    for i, iri in enumerate(entities):
        ko, en, alt = _labels(network, iri)
        x, y = positions[i]
        nodes.append(
            {
                "id": i,
                "iri": str(iri),
                "ko": ko,
                "en": en,
                "alt": alt,
                "type": _entity_type(network, iri),
                "degree": degree[iri],
                "x": x,
                "y": y,
            }
        )
    return {
        "nodes": nodes,
        "edges": edges,
        "statements": statement_rows,
        "articles": [_article(network, iri) for iri in articles],
        "relations": [_relation(iri) for iri in relations],
        "types": [
            {"key": key, "color": color, "shape": shape}
            for key, (color, shape) in ENTITY_TYPES.items()
        ],
        "modalities": MODALITIES,
    }


def _statements(network: Network) -> list[dict]:
    """Every kg:Statement with a subject, a relation and an object, and its time span."""
    rows = []
    for node in sorted(n for n, v in network.nodes.items() if KG.Statement in v.get(RDF.type, ())):
        values = network.nodes[node]

        def first(prop: URIRef, values: Values = values) -> object:
            return min(values.get(prop, ()), default=None)

        subject, relation, obj = first(RDF.subject), first(RDF.predicate), first(RDF.object)
        if not all(isinstance(x, URIRef) for x in (subject, relation, obj)):
            continue
        article = first(PROV.wasDerivedFrom)
        valid_from = _date(first(KG.validFrom))
        valid_until = _date(first(KG.validUntil))
        reported = _date(max(network.values(article, DCTERMS.issued), default=None))
        rows.append(
            {
                "iri": str(node),
                "key": _pair_key(_local(relation), subject, obj),
                "rel_iri": relation,
                "article": article if isinstance(article, URIRef) else None,
                "valid_from": valid_from,
                "valid_until": valid_until,
                "start": valid_from or valid_until or reported,
                "end": valid_until or valid_from or reported,
                "precision": _local_or_none(first(KG.timePrecision)),
                "time_text": _text_or_none(first(KG.timeText)),
                "modality": _local_or_none(first(KG.modality)) or "Asserted",
                "confidence": _text_or_none(first(KG.confidence)),
                "evidence": sorted(str(x) for x in values.get(KG.evidence, ())),
                "cues": sorted({str(x) for x in values.get(KG.cue, ()) if str(x)}),
            }
        )
    return rows


def _statement_row(statement: dict, edge_id: int, article_index: dict[URIRef, int]) -> dict:
    """A statement as the page gets it."""
    row = {k: v for k, v in statement.items() if k not in ("key", "rel_iri", "article")}
    row["edge"] = edge_id
    row["dated_by"] = (
        "event"
        if statement["valid_from"] or statement["valid_until"]
        else "report"
        if statement["start"]
        else None
    )
    row["article"] = article_index.get(statement["article"])
    return row


def _pair_key(relation: str, subject: URIRef, obj: URIRef) -> tuple[str, URIRef, URIRef]:
    """The edge a statement belongs to; a symmetric relation in canonical order."""
    if not RELATIONS.get(relation, OTHER_RELATION)[1] and str(obj) < str(subject):
        subject, obj = obj, subject
    return relation, subject, obj


def _typed_entities(network: Network) -> list[URIRef]:
    """Entities typed with one of the kg entity classes, with or without relations."""
    kinds = {KG[kind] for kind in KG_TYPES}
    return [
        node
        for node, values in network.nodes.items()
        if isinstance(node, URIRef) and kinds.intersection(values.get(RDF.type, ()))
    ]


def _entity_type(network: Network, iri: URIRef) -> str:
    types = set(network.values(iri, RDF.type))
    return next((kind for kind in KG_TYPES if KG[kind] in types), "Other")


def _labels(network: Network, iri: URIRef) -> tuple[str, str | None, list[str]]:
    """The Korean label (or any label, or the IRI's last part), English label, aliases."""
    pref = sorted(network.values(iri, SKOS.prefLabel))
    rdfs = sorted(network.values(iri, RDFS.label))
    ko = _first(pref, "ko") or _first(pref, None) or _first(rdfs)
    en = _first(pref, "en")
    alt = sorted({str(x) for x in network.values(iri, SKOS.altLabel)} - {ko, en})
    return ko or _local(iri), en if en != ko else None, alt


def _first(literals: list, language: str | None = "") -> str | None:
    """The first literal in the given language; any literal when language is ''."""
    for literal in literals:
        if isinstance(literal, Literal) and language in ("", literal.language):
            return str(literal)
    return None


def _article(network: Network, iri: URIRef) -> dict:
    url = _value(network, iri, SCHEMA.url)
    return {
        "iri": str(iri),
        "identifier": _text_or_none(_value(network, iri, DCTERMS.identifier)),
        "title": _text_or_none(_value(network, iri, DCTERMS.title)),
        "source": _text_or_none(_value(network, iri, DCTERMS.source)),
        "issued": _date(_value(network, iri, DCTERMS.issued)),
        "url": str(url) if url is not None and SAFE_URL.match(str(url)) else None,
    }


def _relation(iri: URIRef) -> dict:
    name = _local(iri)
    color, directed = RELATIONS.get(name, OTHER_RELATION)
    return {"key": name, "iri": str(iri), "color": color, "directed": directed}


def _layout(count: int, edges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Integer positions from a seeded force layout, spread wider as the graph grows."""
    if count < SMALL_GRAPH:
        network = nx.Graph()
        network.add_nodes_from(range(count))
        network.add_edges_from(edges)
        layout = nx.spring_layout(network, seed=7)
        positions = np.array([layout[i] for i in range(count)]).reshape(-1, 2)
    else:
        positions = _force_layout(count, edges)
    scale = 200 * math.sqrt(max(count, 4))
    return [(round(float(x) * scale), round(float(y) * scale)) for x, y in positions]


def _force_layout(count: int, edges: list[tuple[int, int]], *, iterations: int = 50) -> np.ndarray:
    """Fruchterman-Reingold in float32 blocks of rows, scaled into [-1, 1].

    networkx's spring_layout needs scipy from 500 nodes on and took 12 s for 1,500 nodes
    here; this takes about 3 s and holds a few 2-million-cell arrays at a time.
    """
    positions = np.random.default_rng(7).random((count, 2), dtype=np.float32)
    ends = np.array(edges, dtype=np.intp).reshape(-1, 2)
    k2 = np.float32(1 / count)
    block = max(1, 2_000_000 // count)
    for step in np.linspace(0.1, 0.001, iterations, dtype=np.float32):
        push = np.empty_like(positions)
        x, y = positions[:, 0], positions[:, 1]
        for low in range(0, count, block):
            dx = x[low : low + block, None] - x[None, :]
            dy = y[low : low + block, None] - y[None, :]
            weight = k2 / np.maximum(dx * dx + dy * dy, np.float32(1e-6))
            push[low : low + block, 0] = (dx * weight).sum(axis=1)
            push[low : low + block, 1] = (dy * weight).sum(axis=1)
        span = positions[ends[:, 0]] - positions[ends[:, 1]]
        pull = span * np.sqrt((span**2).sum(axis=-1) / k2)[:, None]
        np.subtract.at(push, ends[:, 0], pull)
        np.add.at(push, ends[:, 1], pull)
        push -= positions - positions.mean(axis=0)  # gravity keeps loose actors near
        length = np.maximum(np.sqrt((push**2).sum(axis=-1)), 1e-9)[:, None]
        positions += push / length * np.minimum(length, step)
    positions -= positions.mean(axis=0)
    return positions / max(float(np.abs(positions).max()), 1e-9)


def _legend_html(data: dict) -> str:
    """Toggles that double as the legend: one per relation, entity type and modality."""
    relations = "".join(
        f'<label class="toggle"><input type="checkbox" checked data-relation="{_attr(r["key"])}">'
        f'<span class="line" style="border-top-color:{r["color"]}"></span>'
        f'<span class="arrow">{"→" if r["directed"] else "—"}</span> {html.escape(r["key"])}'
        "</label>"
        for r in data["relations"]
    )
    types = "".join(
        f'<label class="toggle"><input type="checkbox" checked data-type="{_attr(t["key"])}">'
        f'<span class="shape shape-{t["shape"]}" style="color:{t["color"]}"></span> {t["key"]}'
        "</label>"
        for t in data["types"]
    )
    modalities = "".join(
        f'<label class="toggle"><input type="checkbox" checked data-modality="{key}">'
        f'<span class="line line-{style}"></span> {key}</label>'
        for key, style in MODALITIES.items()
    )
    return (
        '<section id="legend"><h2>Relations</h2>'
        f'<div id="relation-toggles">{relations}</div>'
        f'<h2>Actors</h2><div id="type-toggles">{types}</div>'
        f'<h2>Modality</h2><div id="modality-toggles">{modalities}</div></section>'
    )


def _attr(text: str) -> str:
    return html.escape(text, quote=True)


def _template(name: str) -> str:
    return (resources.files("kg") / "templates" / name).read_text("utf-8")


def _inline_script(code: str) -> str:
    """Script text that cannot close its <script> element early."""
    return code.replace("</script", "<\\/script")


def _value(network: Network, node: object, prop: URIRef) -> object:
    """The smallest value of a property, so that a doubled value still renders the same."""
    return min(network.values(node, prop), default=None)


def _date(value: object) -> str | None:
    text = str(value)[:10] if value is not None else ""
    return text if DATE.match(text) else None


def _local(iri: object) -> str:
    text = str(iri)
    return re.split(r"[#/]", text)[-1] or text


def _local_or_none(value: object) -> str | None:
    return _local(value) if value is not None else None


def _text_or_none(value: object) -> str | None:
    return str(value) if value is not None else None
