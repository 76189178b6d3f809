"""The kg command: a thin click layer over the library.

Each command parses its options, calls one library function and prints the result. A
KgError becomes "Error: …" and exit code 1; usage mistakes exit 2 (click's rules).
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections import Counter
from pathlib import Path

import click

from kg.errors import KgError
from kg.export import RDF_FORMATS, serialize, statements_jsonl, write_atomic
from kg.pipeline import build as build_articles
from kg.pipeline import load_resources
from kg.query import FORMATS, format_table, load_graph, run_query
from kg.relations import RELATIONS
from kg.viewer import render_html


def user_errors(command):
    """Turn an error into click's one-line exit 1; `kg --debug` shows the traceback instead."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as e:
            if click.get_current_context().find_root().params.get("debug"):
                raise
            message = str(e) if isinstance(e, KgError) else f"unexpected {type(e).__name__}: {e}"
            hint = "" if isinstance(e, KgError) else " (kg --debug … shows the traceback)"
            raise click.ClickException(" ".join(message.split()) + hint) from e

    return wrapper


def parse_day(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    """A --published style option as a date."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD") from None


@click.group()
@click.version_option(package_name="kg")
@click.option("--debug", is_flag=True, help="Show tracebacks, and log why articles failed.")
def main(debug: bool) -> None:
    """kg: a temporal knowledge graph from Korean news."""
    if debug:
        logging.basicConfig(level=logging.DEBUG, format="%(name)s: %(message)s")


@main.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "outdir",
    required=True,
    type=click.Path(path_type=Path),
    help="Folder for graph.ttl, statements.jsonl and graph.html.",
)
@click.option(
    "--manifest",
    type=click.Path(path_type=Path),
    help="CSV or JSONL giving each file's published date, source, title and url.",
)
@click.option(
    "--published",
    callback=parse_day,
    metavar="YYYY-MM-DD",
    help="Publication date for every article without one of its own.",
)
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An extra gazetteer CSV (id,type,ko,en,aliases,wikidata); repeatable.",
)
@user_errors
def build(
    inputs: tuple[Path, ...],
    outdir: Path,
    manifest: Path | None,
    published: dt.date | None,
    gazetteers: tuple[Path, ...],
) -> None:
    """Build the graph of INPUTS (files or folders of .txt/.md/.html, JSONL or CSV).

    Writes OUT/graph.ttl, OUT/statements.jsonl and OUT/graph.html. Exits 1 when some inputs
    had to be skipped (the rest is still built).

    Example: kg build examples/articles -o out
    """
    resources = load_resources(gazetteer_files=gazetteers)
    result = build_articles(inputs, manifest=manifest, published=published, resources=resources)
    graph = result.graph()
    outputs = {
        "graph.ttl": serialize(graph),
        "statements.jsonl": statements_jsonl(result.statements),
        "graph.html": render_html(graph, title="kg"),
    }
    for name, text in outputs.items():
        write_atomic(outdir / name, text)
    for problem in result.problems:
        click.echo(f"warning: {problem}", err=True)
    entities = {s.subject.id for s in result.statements} | {s.object.id for s in result.statements}
    counts = Counter(s.predicate for s in result.statements)
    click.echo(f"articles   {len(result.documents)}")
    click.echo(f"entities   {len(entities)}")
    click.echo(f"statements {len(result.statements)}")
    for relation in RELATIONS:
        click.echo(f"  {relation:<13}{counts[relation]}")
    skipped = sum(p.skipped for p in result.problems)
    click.echo(f"warnings   {len(result.problems)} ({skipped} inputs skipped)")
    click.echo(f"wrote {outdir}/graph.ttl, statements.jsonl, graph.html")
    if skipped:
        raise SystemExit(1)


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.argument("query")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@user_errors
def query(graph_file: Path, query: str, fmt: str) -> None:
    """Run a SPARQL QUERY (inline text or a .rq file) over GRAPH_FILE.

    The prefixes kg, kgr, rdf, rdfs, xsd, skos, prov, dcterms and schema are predeclared.

    Example: kg query out/graph.ttl 'SELECT ?s ?o WHERE { ?s kg:funds ?o }'
    """
    if query.endswith(".rq"):
        if not Path(query).is_file():
            raise KgError(f"{query}: no such query file")
        query = Path(query).read_text(encoding="utf-8")
    click.echo(format_table(run_query(load_graph(graph_file), query), format=fmt), nl=False)


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.option(
    "-o", "--out", required=True, type=click.Path(path_type=Path), help="The HTML file to write."
)
@user_errors
def render(graph_file: Path, out: Path) -> None:
    """Render GRAPH_FILE as an interactive HTML page that opens offline.

    Example: kg render out/graph.ttl -o graph.html
    """
    write_atomic(out, render_html(load_graph(graph_file), title=graph_file.stem))
    click.echo(f"wrote {out}")


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.option(
    "--format", "fmt", type=click.Choice(sorted(RDF_FORMATS)), default="ttl", show_default=True
)
@click.option(
    "-o", "--out", type=click.Path(path_type=Path), help="File to write (default: stdout)."
)
@user_errors
def export(graph_file: Path, fmt: str, out: Path | None) -> None:
    """Convert GRAPH_FILE to another RDF format.

    Example: kg export out/graph.ttl --format nt -o graph.nt
    """
    text = serialize(load_graph(graph_file), format=fmt)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomic(out, text)
