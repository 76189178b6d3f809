"""The build cache: each article's statements, and the lines they give the build's files,
kept under a hash of the article and of everything that reads it, so a re-run analyses only
new or changed articles and writes the others without making their triples again.

One SQLite file, statements.sqlite, in the folder given (`kg build` uses default_folder()
unless told `--cache DIR` or `--no-cache`). A record's key hashes the whole Document (text,
id, dates, source) with a version key made from the gazetteer, the cue lexicon, kiwipiepy's
version and kg's own source, so changing any of them misses the cache instead of giving
stale statements. Opening the cache drops the records of every other version, so the file
holds one version's articles, not every version's ever built.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import sqlite3
import zlib
from dataclasses import fields, is_dataclass
from pathlib import Path

import kiwipiepy

from kg.documents import Document
from kg.errors import KgError
from kg.gazetteer import Entity, Gazetteer
from kg.relations import Lexicon, Statement
from kg.writer import Lines

COMMIT_EVERY = 500
WAIT_SECONDS = 60


def default_folder() -> Path:
    """Where `kg build` keeps its cache: $XDG_CACHE_HOME/kg, else ~/.cache/kg."""
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "kg"


def version_key(gazetteer: Gazetteer, lexicon: Lexicon) -> str:
    """A hash of what decides an article's statements, besides the article itself."""
    digest = hashlib.sha256()
    digest.update(repr(canonical((gazetteer, lexicon, kiwipiepy.__version__))).encode("utf-8"))
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


def canonical(value: object) -> object:
    """The value as nested tuples with sets sorted, so its repr is the same in every process
    (a pickled frozenset of strings follows the process's random string hashing)."""
    if is_dataclass(value):
        return (type(value).__name__, *(canonical(getattr(value, f.name)) for f in fields(value)))
    if isinstance(value, dict):
        return tuple((canonical(k), canonical(v)) for k, v in value.items())
    if isinstance(value, set | frozenset):
        return tuple(sorted((canonical(v) for v in value), key=repr))
    if isinstance(value, list | tuple):
        return tuple(canonical(v) for v in value)
    return value


class Cache:
    """Statements and lines per article on disk (the lines compressed: a fifth of their
    size); `get` returns None for an article not seen, and `put` after a `get` that found
    the article writes nothing."""

    def __init__(
        self, folder: Path, *, version: str, known: dict[str, Entity] | None = None
    ) -> None:
        self.version = version
        self.known = known or {}
        try:
            folder.mkdir(parents=True, exist_ok=True)
            self.connection = sqlite3.connect(folder / "statements.sqlite", timeout=WAIT_SECONDS)
            self.connection.executescript(
                """
                DROP TABLE IF EXISTS records;
                DROP TABLE IF EXISTS articles;
                CREATE TABLE IF NOT EXISTS extracted (
                    key TEXT PRIMARY KEY, version TEXT NOT NULL, statements BLOB NOT NULL,
                    lines BLOB NOT NULL
                ) WITHOUT ROWID;
                """
            )
            self.connection.execute("DELETE FROM extracted WHERE version != ?", (version,))
            self.connection.commit()
        except (OSError, sqlite3.Error) as error:
            raise KgError(
                f"{folder}: cannot keep the build cache there ({error}); "
                "give --cache DIR or --no-cache"
            ) from error
        self.unsaved = 0
        self.found: set[str] = set()

    def key(self, document: Document) -> str:
        """The record key of an article under this cache's version."""
        values = tuple(getattr(document, f.name) for f in fields(document))
        return hashlib.sha256(pickle.dumps((self.version, values))).hexdigest()

    def get(self, document: Document) -> tuple[tuple[Statement, ...], Lines] | None:
        """The statements and lines cached for this article, or None."""
        key = self.key(document)
        row = self.connection.execute(
            "SELECT statements, lines FROM extracted WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        self.found.add(key)
        return self.loads(row[0]), pickle.loads(zlib.decompress(row[1]))

    def put(self, document: Document, statements: tuple[Statement, ...], lines: Lines) -> None:
        """Remember an article's statements and lines."""
        key = self.key(document)
        if key in self.found:
            self.found.discard(key)
            return
        self.connection.execute(
            "INSERT OR REPLACE INTO extracted VALUES (?, ?, ?, ?)",
            (key, self.version, self.dumps(statements), zlib.compress(pickle.dumps(lines), 1)),
        )
        self.unsaved += 1
        if self.unsaved >= COMMIT_EVERY:
            self.connection.commit()
            self.unsaved = 0

    def dumps(self, statements: tuple[Statement, ...]) -> bytes:
        """Statements pickled with each known entity (the gazetteer's, which the version
        key covers) as its id: smaller, and under half the time to load."""
        out = io.BytesIO()
        pickler = pickle.Pickler(out)
        pickler.persistent_id = self.entity_id
        pickler.dump(statements)
        return out.getvalue()

    def entity_id(self, value: object) -> str | None:
        if isinstance(value, Entity) and self.known.get(value.id) == value:
            return value.id
        return None

    def loads(self, data: bytes) -> tuple[Statement, ...]:
        """Statements as `dumps` pickled them."""
        unpickler = pickle.Unpickler(io.BytesIO(data))
        unpickler.persistent_load = self.known.__getitem__
        return unpickler.load()

    def close(self) -> None:
        """Save what is left and close the file."""
        self.connection.commit()
        self.connection.close()
