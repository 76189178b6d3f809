"""The gazetteer: known actors with their Korean and English labels, aliases and type.

The data lives in ontology/gazetteer.csv (columns id, type, ko, en, aliases, wikidata; aliases
separated by "|"). Users extend it with their own CSV files of the same columns. Country rows
were generated once from the CLDR names in Babel (Korean and English), then edited by hand.

Kiwi's model ships a Wikidata-derived dictionary of multi-word names (multi.dict); the names
it marks as humans (Q5) let the mention rules type an unknown "샘 올트먼"-style name a person.
"""

from __future__ import annotations

import csv
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import kiwipiepy_model

from kg.errors import InputError
from kg.vocab import ontology_file

ENTITY_TYPES = ("Company", "Organization", "GovernmentBody", "Country", "Person", "Product")
COLUMNS = ("id", "type", "ko", "en", "aliases", "wikidata")


@dataclass(frozen=True)
class Entity:
    """One real-world actor: a stable id, a type and every name it goes by."""

    id: str
    type: str
    ko: str
    en: str = ""
    aliases: tuple[str, ...] = ()
    wikidata: str = ""

    @property
    def labels(self) -> tuple[str, ...]:
        """Every name, canonical ones first, without repeats."""
        return tuple(dict.fromkeys(x for x in (self.ko, self.en, *self.aliases) if x))


@dataclass(frozen=True)
class Gazetteer:
    """Known entities by id, and an index from normalised name to entity id."""

    entities: dict[str, Entity]
    index: dict[str, str]

    def lookup(self, name: str) -> Entity | None:
        """The entity a surface name refers to, ignoring case, width and spacing."""
        entity_id = self.index.get(name_key(name))
        return self.entities[entity_id] if entity_id else None


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The form names are compared in: NFKC, lower case, no spaces or punctuation;
    remembered, as an article looks up the same few words many times."""
    text = unicodedata.normalize("NFKC", name).lower()
    return "".join(c for c in text if c.isalnum())


def load_gazetteer(extra: Iterable[Path] = ()) -> Gazetteer:
    """The bundled gazetteer merged with the user's files; a later file wins for an id. A
    label that normalises to one Latin letter (e& → e) is not looked up: it would match any
    letter (시리즈 E)."""
    entities: dict[str, Entity] = {}
    for path in (ontology_file("gazetteer.csv"), *extra):
        for entity in read_entities(path):
            entities[entity.id] = entity
    index: dict[str, str] = {}
    for entity in entities.values():
        for label in entity.labels:
            key = name_key(label)
            if len(key) > 1 or not key.isascii():
                index.setdefault(key, entity.id)
    return Gazetteer(entities=entities, index=index)


@cache
def kiwi_people() -> frozenset[str]:
    """Multi-word names that Kiwi's Wikidata dictionary marks as humans (Q5); read on first use."""
    path = Path(kiwipiepy_model.__file__).parent / "multi.dict"
    try:
        with open(path, encoding="utf-8") as f:
            return frozenset(line.split("\t", 1)[0] for line in f if line.endswith("# Q5\n"))
    except OSError:
        return frozenset()


def read_entities(path: Path) -> list[Entity]:
    """Entities from one gazetteer CSV file; a bad row names its file and line."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    except OSError as e:
        raise InputError(f"{path}: cannot read gazetteer ({e.strerror})") from e
    if rows and not {"id", "type", "ko"} <= set(rows[0]):
        raise InputError(f"{path}:1: a gazetteer needs the columns {', '.join(COLUMNS)}")
    entities = []
    for line, row in enumerate(rows, start=2):
        kind = (row.get("type") or "").strip()
        if kind not in ENTITY_TYPES or not (row.get("id") and row.get("ko")):
            raise InputError(
                f"{path}:{line}: a gazetteer row needs an id, a Korean label and a type "
                f"out of {', '.join(ENTITY_TYPES)}"
            )
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        entities.append(
            Entity(
                id=row["id"].strip(),
                type=kind,
                ko=row["ko"].strip(),
                en=(row.get("en") or "").strip(),
                aliases=aliases,
                wikidata=(row.get("wikidata") or "").strip(),
            )
        )
    return entities
