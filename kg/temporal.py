"""Temporal questions as ready-made SPARQL: relations as of a date, between two dates,
reported by a date, and one actor's timeline.

A statement's start is its kg:validFrom or, when the text gave no time, the date its
article was issued (when it was reported); its end is kg:validUntil when known. Dates are
xsd:date at the earliest day of what the text gave for a start and the latest for an end,
so a month- or year-precision statement counts from the first day of its month or year.
Negated statements are not relations; they appear only in timelines, marked kg:Negated.

The query's cost in Oxigraph is one index lookup per statement for each of its ten triple
patterns (about 1 s on a million triples); filtering dates first, a UNION instead of
COALESCE or another pattern order measured no faster, as Oxigraph reorders them itself.
Counting needs only the five patterns that carry dates and modality (count_statements,
about half the time).
"""

from __future__ import annotations

import datetime as dt

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS, XSD

from kg.errors import InputError
from kg.query import PREFIXES, Table, run_query

STATEMENT_PATTERN = """\
  ?statement a kg:Statement ; rdf:subject ?subject ; rdf:predicate ?relation ;
             rdf:object ?object ; kg:modality ?modality ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?statement kg:validFrom ?from }
  OPTIONAL { ?statement kg:validUntil ?until }
  OPTIONAL { ?statement kg:timePrecision ?precision }
  OPTIONAL { ?article dcterms:issued ?reported }"""
DATE_PATTERN = """\
  ?statement prov:wasDerivedFrom ?article .
  OPTIONAL { ?statement kg:validFrom ?from }
  OPTIONAL { ?statement kg:validUntil ?until }
  OPTIONAL { ?article dcterms:issued ?reported }"""


def date_literal(day: dt.date) -> str:
    """A date as a SPARQL xsd:date literal."""
    return Literal(day, datatype=XSD.date).n3()


def statements_query(
    *,
    as_of: dt.date | None = None,
    between: tuple[dt.date, dt.date] | None = None,
    reported_before: dt.date | None = None,
) -> str:
    """SPARQL for the relations matching every filter given, in date order.

    as_of: in effect on that day (started on or before it, not ended before it).
    between: started or ended within the two days, both included.
    reported_before: reported in an article issued on or before that day.
    """
    conditions = date_conditions(as_of=as_of, between=between, reported_before=reported_before)
    conditions = "\n".join(["  FILTER(?modality != kg:Negated)", conditions]).rstrip()
    return (
        "SELECT ?subject ?relation ?object ?from ?until ?precision ?modality ?reported ?article\n"
        f"WHERE {{\n{STATEMENT_PATTERN}\n  BIND(COALESCE(?from, ?reported) AS ?start)\n"
        f"{conditions}\n}}\n"
        "ORDER BY ?start ?subject ?relation ?object ?statement\n"
    )


def count_query(
    *,
    as_of: dt.date | None = None,
    between: tuple[dt.date, dt.date] | None = None,
    reported_before: dt.date | None = None,
) -> str:
    """SPARQL counting the relations statements_query lists, from their dates alone."""
    conditions = date_conditions(as_of=as_of, between=between, reported_before=reported_before)
    return (
        "SELECT (COUNT(*) AS ?relations)\n"
        f"WHERE {{\n{DATE_PATTERN}\n  BIND(COALESCE(?from, ?reported) AS ?start)\n"
        f"{conditions}\n  MINUS {{ ?statement kg:modality kg:Negated }}\n}}\n"
    )


def date_conditions(
    *,
    as_of: dt.date | None,
    between: tuple[dt.date, dt.date] | None,
    reported_before: dt.date | None,
) -> str:
    """The FILTER lines of the date questions, over ?start, ?until and ?reported."""
    filters: list[str] = []
    if as_of is not None:
        day = date_literal(as_of)
        filters.append(f"?start <= {day} && (!BOUND(?until) || ?until >= {day})")
    if between is not None:
        if between[0] > between[1]:
            raise InputError(f"between {between[0]} and {between[1]}: the first date is later")
        first, last = (date_literal(d) for d in between)
        filters.append(
            f"(?start >= {first} && ?start <= {last})"
            f" || (BOUND(?until) && ?until >= {first} && ?until <= {last})"
        )
    if reported_before is not None:
        filters.append(f"?reported <= {date_literal(reported_before)}")
    return "\n".join(f"  FILTER({f})" for f in filters)


def select_statements(
    graph: Graph,
    *,
    as_of: dt.date | None = None,
    between: tuple[dt.date, dt.date] | None = None,
    reported_before: dt.date | None = None,
) -> Table:
    """The relations of graph matching every filter given (see statements_query)."""
    query = statements_query(as_of=as_of, between=between, reported_before=reported_before)
    return run_query(graph, query)


def count_statements(
    graph: Graph,
    *,
    as_of: dt.date | None = None,
    between: tuple[dt.date, dt.date] | None = None,
    reported_before: dt.date | None = None,
) -> int:
    """How many relations of graph match every filter given (see statements_query)."""
    query = count_query(as_of=as_of, between=between, reported_before=reported_before)
    return int(run_query(graph, query).rows[0][0])


def find_entity(graph: Graph, name: str) -> URIRef:
    """An actor's IRI from its IRI, kgr: name or any of its labels (오픈AI, OpenAI, openai)."""
    if name.startswith("kgr:"):
        candidates = [URIRef(PREFIXES["kgr"] + name[4:])]
    elif name.startswith(("http://", "https://")):
        candidates = [URIRef(name)]
    else:
        candidates = [URIRef(PREFIXES["kgr"] + name)]
        for prop in (SKOS.prefLabel, SKOS.altLabel):
            for node, _, label in graph.triples((None, prop, None)):
                if str(label).casefold() == name.casefold():
                    candidates.append(node)
    for node in candidates:
        if (node, SKOS.prefLabel, None) in graph:
            return node
    raise InputError(f"no actor named {name!r} in the graph; give a label such as 오픈AI or an id")


def timeline_query(entity: URIRef) -> str:
    """SPARQL for every statement about one actor, in date order, with its source."""
    return (
        "SELECT ?date ?precision ?subject ?relation ?object ?modality ?timeText"
        " ?reported ?outlet ?article\n"
        f"WHERE {{\n  VALUES ?actor {{ {entity.n3()} }}\n"
        "  { ?statement rdf:subject ?actor } UNION { ?statement rdf:object ?actor }\n"
        f"{STATEMENT_PATTERN}\n"
        "  OPTIONAL { ?statement kg:timeText ?timeText }\n"
        "  OPTIONAL { ?article dcterms:source ?outlet }\n"
        "  BIND(COALESCE(?from, ?until, ?reported) AS ?date)\n"
        "}\nORDER BY ?date ?subject ?relation ?object ?statement\n"
    )


def timeline(graph: Graph, name: str) -> Table:
    """One actor's relations in date order, with the article each comes from."""
    return run_query(graph, timeline_query(find_entity(graph, name)))
