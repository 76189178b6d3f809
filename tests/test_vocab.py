"""kg/vocab.py's KG terms and ontology/kg.ttl agree, and every term is documented in en and ko."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS

from kg.vocab import KG, ontology_file

ONTOLOGY = Graph().parse(ontology_file("kg.ttl"))
NAMESPACE = str(KG._NS)


def python_terms() -> set[str]:
    return {name for name in KG.__annotations__ if not name.startswith("_")}


def ontology_terms() -> set[str]:
    return {
        str(s)[len(NAMESPACE) :]
        for s in set(ONTOLOGY.subjects())
        if isinstance(s, URIRef) and str(s).startswith(NAMESPACE)
    }


def test_python_and_ontology_name_the_same_terms():
    assert python_terms() == ontology_terms()


def test_a_misspelt_term_fails():
    with pytest.raises(AttributeError):
        KG.fundz  # noqa: B018


@pytest.mark.parametrize("term", sorted(python_terms()))
@pytest.mark.parametrize("prop", [RDFS.label, RDFS.comment])
def test_every_term_has_a_label_and_comment_in_english_and_korean(term, prop):
    languages = {x.language for x in ONTOLOGY.objects(KG[term], prop)}
    assert {"en", "ko"} <= languages


def test_shapes_parse_and_name_only_ontology_terms():
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    used = {
        str(t)[len(NAMESPACE) :]
        for triple in shapes
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(NAMESPACE)
    }
    assert used <= ontology_terms()
