"""The kg command: a thin click layer over the library.

Each command parses its options, calls one library function and prints the result. A
KgError becomes "Error: …" and exit code 1; usage mistakes exit 2 (click's rules).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
from collections import Counter
from dataclasses import asdict
from pathlib import Path

import click

from kg.documents import Document, read_articles
from kg.errors import KgError
from kg.explain import explain as explain_document
from kg.export import RDF_FORMATS, serialize, statements_jsonl, write_atomic
from kg.mentions import entities_in
from kg.pipeline import build as build_articles
from kg.pipeline import load_resources
from kg.query import FORMATS, format_table, load_graph, run_query
from kg.relations import RELATIONS
from kg.times import find_times
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
@click.argument("text", required=False)
@click.option(
    "--file",
    "file",
    type=click.Path(path_type=Path),
    help="A file of one text a line instead of TEXT.",
)
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An extra gazetteer CSV; repeatable.",
)
@user_errors
def entities(text: str | None, file: Path | None, gazetteers: tuple[Path, ...]) -> None:
    """Print the actors named in TEXT as JSON, one mention a line.

    Each object has the surface text, its character span, the entity id, its Korean and
    English labels, its type and its grammatical role. With --file, each line of the file is
    one text and each object also carries its 1-based `line`; the analyser loads once.

    Example: kg entities '챗GPT 개발사 오픈AI는 마이크로소프트(MS)와 손잡았다'
    """
    if (text is None) == (file is None):
        raise click.UsageError("give either TEXT or --file FILE")
    resources = load_resources(gazetteer_files=gazetteers)
    if file is None:
        lines = [(None, text)]
    elif not file.is_file():
        raise KgError(f"{file}: no such file")
    else:
        lines = enumerate(file.read_text(encoding="utf-8").splitlines(), start=1)
    for number, line in lines:
        for found in entities_in(line, gazetteer=resources.gazetteer, kiwi=resources.kiwi):
            record = found if number is None else {"line": number, **found}
            click.echo(json.dumps(record, ensure_ascii=False))


@main.command()
@click.argument("text", required=False)
@click.option(
    "--published",
    callback=parse_day,
    metavar="YYYY-MM-DD",
    help="The article's date, which relative expressions are read against.",
)
@click.option(
    "--file",
    "file",
    type=click.Path(path_type=Path),
    help="A TSV file of published<TAB>text lines instead of TEXT.",
)
@user_errors
def timex(text: str | None, published: dt.date | None, file: Path | None) -> None:
    """Print the time expressions in TEXT as JSON, one object a line.

    Each object has the surface text, its character span, the value (ISO at the precision
    the text gave, or null) and its role (point, start or end). With --file, each line of
    the file is `published<TAB>text` and each object also carries its 1-based `line`.

    Example: kg timex '오픈AI는 내달 9일부터 차단한다' --published 2024-06-28
    """
    if (text is None) == (file is None):
        raise click.UsageError("give either TEXT or --file FILE")
    if file is None:
        for found in find_times(text, published=published):
            click.echo(json.dumps(asdict(found), ensure_ascii=False))
        return
    for line, day, body in read_timex_lines(file):
        for found in find_times(body, published=day):
            click.echo(json.dumps({"line": line, **asdict(found)}, ensure_ascii=False))


def read_timex_lines(path: Path):
    """(line, date, text) from a published<TAB>text file; a bad line is a warning."""
    if not path.is_file():
        raise KgError(f"{path}: no such file")
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        day, tab, body = raw.partition("\t")
        try:
            published = dt.date.fromisoformat(day.strip()) if day.strip() else None
        except ValueError:
            published = None
        if not tab or (day.strip() and published is None):
            click.echo(f"warning: {path}:{number}: expected YYYY-MM-DD<TAB>text; skipped", err=True)
            continue
        yield number, published, body


@main.command()
@click.argument("article", type=click.Path(path_type=Path))
@click.option(
    "--published",
    callback=parse_day,
    metavar="YYYY-MM-DD",
    help="The article's date, when it has none of its own.",
)
@click.option("--cues-only", is_flag=True, help="Show only sentences with a relation cue.")
@user_errors
def explain(article: Path, published: dt.date | None, cues_only: bool) -> None:
    """Show how kg reads ARTICLE, sentence by sentence.

    For each sentence: its morphemes, the actors with their roles, each relation cue, and
    the statements made or the reason none was. This is how to debug a miss.

    Example: kg explain examples/articles/01_openai_china_api.txt --cues-only
    """
    resources = load_resources()
    documents = [
        d for d in read_articles([article], published=published) if isinstance(d, Document)
    ]
    if not documents:
        raise KgError(f"{article}: no readable article")
    for document in documents:
        click.echo(explain_document(document, resources, only_cues=cues_only))


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
