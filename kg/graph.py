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

from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS

from kg.documents import Document
from kg.gazetteer import Entity
from kg.relations import SYMMETRIC, Statement
from kg.times import earliest_day, latest_day
from kg.vocab import KG, KGR, SCHEMA

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


def new_graph() -> Graph:
    """An empty graph with kg's prefixes bound."""
    graph = Graph()
    graph.bind("kg", KG._NS)
    graph.bind("kgr", KGR)
    graph.bind("skos", SKOS)
    graph.bind("prov", PROV)
    graph.bind("dcterms", DCTERMS)
    graph.bind("schema", SCHEMA)
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
    node = document_iri(document.id)
    graph.add((node, RDF.type, KG.Article))
    graph.add((node, DCTERMS.identifier, Literal(document.id)))
    if document.published:
        graph.add((node, DCTERMS.issued, Literal(document.published, datatype=XSD.date)))
    if document.source:
        graph.add((node, DCTERMS.source, Literal(document.source)))
    if document.title:
        graph.add((node, DCTERMS.title, Literal(document.title, lang="ko")))
    if document.url:
        graph.add((node, SCHEMA.url, URIRef(document.url)))


def add_entity(graph: Graph, entity: Entity) -> URIRef:
    """An entity node with its type and labels."""
    node = entity_iri(entity)
    graph.add((node, RDF.type, KG[entity.type]))
    graph.add((node, SKOS.prefLabel, Literal(entity.ko, lang="ko")))
    if entity.en:
        graph.add((node, SKOS.prefLabel, Literal(entity.en, lang="en")))
    for alias in entity.aliases:
        lang = "en" if LATIN.match(alias) else "ko"
        if alias not in (entity.ko, entity.en):
            graph.add((node, SKOS.altLabel, Literal(alias, lang=lang)))
    return node


def add_statement(graph: Graph, statement: Statement) -> None:
    """A statement node, and its direct edge unless it is negated."""
    subject = add_entity(graph, statement.subject)
    obj = add_entity(graph, statement.object)
    if statement.predicate in SYMMETRIC and str(obj) < str(subject):
        subject, obj = obj, subject
    predicate = KG[statement.predicate]
    if statement.modality != "negated":
        graph.add((subject, predicate, obj))
    node = statement_iri(statement)
    graph.add((node, RDF.type, KG.Statement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, obj))
    graph.add((node, KG.modality, MODALITY[statement.modality]))
    confidence = Decimal(str(statement.confidence)).normalize()
    graph.add((node, KG.confidence, Literal(confidence, datatype=XSD.decimal)))
    graph.add((node, PROV.wasDerivedFrom, document_iri(statement.doc)))
    if statement.speaker is not None:
        graph.add((node, KG.speaker, add_entity(graph, statement.speaker)))
    for evidence in statement.evidence:
        graph.add((node, KG.evidence, Literal(evidence.sentence, lang="ko")))
        graph.add((node, KG.cue, Literal(evidence.cue)))
    time = statement.time
    if time is not None and time.value is not None and time.precision in PRECISION:
        if time.role == "end":
            graph.add((node, KG.validUntil, Literal(latest_day(time.value), datatype=XSD.date)))
        else:
            graph.add((node, KG.validFrom, Literal(earliest_day(time.value), datatype=XSD.date)))
        graph.add((node, KG.timePrecision, PRECISION[time.precision]))
        graph.add((node, KG.timeText, Literal(time.text)))
