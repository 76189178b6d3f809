"""The RDF vocabulary kg writes, and where the ontology files it ships are.

ontology/kg.ttl is the source of truth; KG lists its terms so that a misspelt term fails
loudly (`_fail = True`), and tests/test_vocab.py checks the two agree.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rdflib import RDF, XSD, Namespace, URIRef
from rdflib.namespace import DCTERMS, PROV, SKOS, DefinedNamespace

KGR = Namespace("https://w3id.org/kgnews/resource/")
SCHEMA = Namespace("https://schema.org/")


class KG(DefinedNamespace):
    """Terms of the kg ontology (ontology/kg.ttl)."""

    _NS = Namespace("https://w3id.org/kgnews/ontology#")
    _fail = True

    Statement: URIRef
    Article: URIRef
    Actor: URIRef
    Organization: URIRef
    Company: URIRef
    GovernmentBody: URIRef
    Country: URIRef
    Person: URIRef
    Product: URIRef

    blocks: URIRef
    funds: URIRef
    partnersWith: URIRef
    competesWith: URIRef
    sanctionedBy: URIRef

    validFrom: URIRef
    validUntil: URIRef
    timePrecision: URIRef
    timeText: URIRef
    modality: URIRef
    confidence: URIRef
    evidence: URIRef
    cue: URIRef
    speaker: URIRef

    Precision: URIRef
    Day: URIRef
    Week: URIRef
    Month: URIRef
    Quarter: URIRef
    Half: URIRef
    Year: URIRef

    Modality: URIRef
    Asserted: URIRef
    Planned: URIRef
    Hedged: URIRef
    Negated: URIRef


PREFIXES = {
    "dcterms": str(DCTERMS),
    "kg": str(KG._NS),
    "kgr": str(KGR),
    "prov": str(PROV),
    "rdf": str(RDF),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "xsd": str(XSD),
}
"""The prefixes of kg's graph files (graph.ttl and every export)."""


def ontology_file(name: str) -> Path:
    """A file shipped in ontology/, installed or in a source checkout."""
    try:
        path = resources.files("kg.ontology") / name
        if path.is_file():
            return Path(str(path))
    except ModuleNotFoundError:
        pass
    return Path(__file__).resolve().parent.parent / "ontology" / name
