"""The graph: statements and articles as RDF following ontology/kg.ttl.

Every relation is written twice, as in Wikidata: a direct edge (kgr:openai kg:blocks
kgr:china) for simple queries and pictures, and a kg:Statement node carrying its time,
modality, confidence, evidence and source article. Negated statements get a node but no
direct edge. IRIs are minted from stable keys, so the same input gives the same graph.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from decimal import Decimal
from functools import cache

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS
from rdflib.term import Node

from kg.documents import Document
from kg.gazetteer import Entity
from kg.relations import SYMMETRIC, Statement
from kg.times import earliest_day, latest_day
from kg.vocab import KG, KGR, PREFIXES, SCHEMA

PRECISION = {
    "day": KG.Day,
    "week": KG.Week,
    "month": KG.Month,
    "quarter": KG.Quarter,
    "half": KG.Half,
    "year": KG.Year,
}
MODALITY = {
    "asserted": KG.Asserted,
    "planned": KG.Planned,
    "hedged": KG.Hedged,
    "negated": KG.Negated,
}
LATIN = re.compile(r"^[\x00-\x7f]+$")
DOC_SUFFIX = re.compile(r"\.(txt|md|html?)$", re.I)
Triple = tuple[Node, URIRef, Node]


def new_graph() -> Graph:
    """An empty graph with kg's prefixes bound."""
    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def build_graph(statements: Iterable[Statement], documents: Iterable[Document]) -> Graph:
    """The RDF graph of the given statements and the articles they come from."""
    graph = new_graph()
    for document in documents:
        add_document(graph, document)
    for statement in statements:
        add_statement(graph, statement)
    return graph


def entity_iri(entity: Entity) -> URIRef:
    """The IRI of an entity."""
    return KGR[entity.id]


def document_iri(doc_id: str) -> URIRef:
    """The IRI of an article, from its id without the file suffix."""
    return KGR["doc-" + re.sub(r"[^\w.-]", "_", DOC_SUFFIX.sub("", doc_id))]


def statement_iri(statement: Statement) -> URIRef:
    """A statement's IRI: a hash of what makes it one fact."""
    digest = hashlib.sha1(repr(statement.key).encode("utf-8")).hexdigest()[:12]
    return KGR[f"stmt-{digest}"]


def add_document(graph: Graph, document: Document) -> None:
    """An article node with its identifier, date, outlet, title and address."""
    for triple in document_triples(document):
        graph.add(triple)


def add_statement(graph: Graph, statement: Statement) -> None:
    """A statement node, its entities, and its direct edge unless it is negated."""
    for triple in statement_triples(statement):
        graph.add(triple)


def document_triples(document: Document) -> list[Triple]:
    """The triples of an article node: its identifier, date, outlet, title and address."""
    node = document_iri(document.id)
    triples = [(node, RDF.type, KG.Article), (node, DCTERMS.identifier, Literal(document.id))]
    if document.published:
        triples.append((node, DCTERMS.issued, Literal(document.published, datatype=XSD.date)))
    if document.source:
        triples.append((node, DCTERMS.source, Literal(document.source)))
    if document.title:
        triples.append((node, DCTERMS.title, Literal(document.title, lang="ko")))
    if document.url:
        triples.append((node, SCHEMA.url, URIRef(document.url)))
    return triples


@cache
def entity_triples(entity: Entity) -> tuple[Triple, ...]:
    """The triples of an entity node: its type and labels (made once per entity: a build
    repeats the same few hundred actors in every article)."""
    node = entity_iri(entity)
    triples = [
        (node, RDF.type, KG[entity.type]),
        (node, SKOS.prefLabel, Literal(entity.ko, lang="ko")),
    ]
    if entity.en:
        triples.append((node, SKOS.prefLabel, Literal(entity.en, lang="en")))
    for alias in entity.aliases:
        lang = "en" if LATIN.match(alias) else "ko"
        if alias not in (entity.ko, entity.en):
            triples.append((node, SKOS.altLabel, Literal(alias, lang=lang)))
    return tuple(triples)


def statement_triples(statement: Statement) -> list[Triple]:
    """The triples of a statement: its entities, its direct edge unless it is negated, and
    its statement node."""
    triples = [*entity_triples(statement.subject), *entity_triples(statement.object)]
    subject, obj = entity_iri(statement.subject), entity_iri(statement.object)
    if statement.predicate in SYMMETRIC and str(obj) < str(subject):
        subject, obj = obj, subject
    predicate = KG[statement.predicate]
    if statement.modality != "negated":
        triples.append((subject, predicate, obj))
    node = statement_iri(statement)
    confidence = Decimal(str(statement.confidence)).normalize()
    triples += [
        (node, RDF.type, KG.Statement),
        (node, RDF.subject, subject),
        (node, RDF.predicate, predicate),
        (node, RDF.object, obj),
        (node, KG.modality, MODALITY[statement.modality]),
        (node, KG.confidence, Literal(confidence, datatype=XSD.decimal)),
        (node, PROV.wasDerivedFrom, document_iri(statement.doc)),
    ]
    if statement.speaker is not None:
        triples += entity_triples(statement.speaker)
        triples.append((node, KG.speaker, entity_iri(statement.speaker)))
    for evidence in statement.evidence:
        triples.append((node, KG.evidence, Literal(evidence.sentence, lang="ko")))
        triples.append((node, KG.cue, Literal(evidence.cue)))
    time = statement.time
    if time is not None and time.value is not None and time.precision in PRECISION:
        if time.role == "end":
            end = Literal(latest_day(time.value), datatype=XSD.date)
            triples.append((node, KG.validUntil, end))
        else:
            start = Literal(earliest_day(time.value), datatype=XSD.date)
            triples.append((node, KG.validFrom, start))
        triples.append((node, KG.timePrecision, PRECISION[time.precision]))
        triples.append((node, KG.timeText, Literal(time.text)))
    return triples
