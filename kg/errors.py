"""The one exception family kg raises for problems a user can fix.

    KgError                 anything the user can act on; the CLI prints it and exits 1
    ├── InputError          an input file, record or option value is unusable
    └── QueryError          a SPARQL query does not parse or cannot run

The library never prints or exits; the CLI turns a KgError into "Error: ..." in one place.
"""

from __future__ import annotations


class KgError(Exception):
    """A problem the user can fix; the message says what to do next."""


class InputError(KgError):
    """An input file, record or option value is unusable."""


class QueryError(KgError):
    """A SPARQL query does not parse or cannot run."""
