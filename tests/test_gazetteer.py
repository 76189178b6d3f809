"""Gazetteer: the bundled data loads, every row is typed, names are unique to one entity."""

from __future__ import annotations

from collections import defaultdict

import pytest

from kg.errors import InputError
from kg.gazetteer import ENTITY_TYPES, load_gazetteer, name_key, read_entities


def test_bundled_gazetteer_is_large_typed_and_unambiguous():
    gazetteer = load_gazetteer()
    assert len(gazetteer.entities) >= 500
    assert {e.type for e in gazetteer.entities.values()} == set(ENTITY_TYPES)
    owners = defaultdict(set)
    for entity in gazetteer.entities.values():
        for label in entity.labels:
            owners[name_key(label)].add(entity.id)
    assert [k for k, ids in owners.items() if len(ids) > 1] == []


def test_press_spellings_link_to_one_entity():
    gazetteer = load_gazetteer()
    pairs = {
        "앤트로픽": "anthropic",
        "오픈 AI": "openai",
        "MS": "microsoft",
        "CXMT": "cxmt",
        "양쯔메모리": "ymtc",
        "SKT": "skt",
        "퓨리오사": "furiosa",
        "美": "us",
    }
    assert {name: gazetteer.lookup(name).id for name in pairs} == pairs


def test_user_file_adds_entities(tmp_path):
    extra = tmp_path / "more.csv"
    extra.write_text("id,type,ko,en,aliases,wikidata\nnova,Company,노바랩스,Nova Labs,노바,\n")
    assert load_gazetteer([extra]).lookup("노바").id == "nova"


def test_bad_row_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("id,type,ko,en,aliases,wikidata\nx,Thing,엑스,,,\n")
    with pytest.raises(InputError, match=r"bad.csv:2:"):
        read_entities(bad)
