"""The kg command: a thin click layer over the library.

Each command parses its options, calls one library function and prints the result. A
KgError becomes "Error: …" and exit code 1; usage mistakes exit 2 (click's rules).
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
from dataclasses import asdict
from pathlib import Path

import click

from kg.cache import default_folder as default_cache_folder
from kg.documents import Document, read_articles
from kg.errors import KgError
from kg.explain import explain as explain_document
from kg.export import EXPORT_FORMATS, export_graph, serialize, write_atomic
from kg.mentions import entities_in
from kg.pipeline import load_resources
from kg.pipeline import stream as stream_articles
from kg.push import push as push_graph
from kg.query import FORMATS, format_table, run_query
from kg.relations import RELATIONS
from kg.stats import format_stats, graph_stats
from kg.store import STORES, load_graph, merge
from kg.temporal import count_statements, select_statements
from kg.temporal import timeline as timeline_table
from kg.times import find_times
from kg.validation import validate as validate_graph
from kg.viewer import render_html, write_html
from kg.writer import GRAPH_FORMATS, write_build


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


gazetteer_option = click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(path_type=Path),
    help="An extra gazetteer CSV (id,type,ko,en,aliases,wikidata); repeatable.",
)


def published_option(description: str):
    """The --published option of the commands that read article text."""
    return click.option("--published", callback=parse_day, metavar="YYYY-MM-DD", help=description)


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
    type=click.Path(path_type=Path),
    help="Folder for graph.ttl, statements.jsonl and graph.html.",
)
@click.option(
    "--into",
    type=click.Path(path_type=Path),
    help="A Turtle graph to add the new articles to (created when missing).",
)
@click.option(
    "--manifest",
    type=click.Path(path_type=Path),
    help="CSV or JSONL giving each file's published date, source, title and url.",
)
@published_option("Publication date for every article without one of its own.")
@gazetteer_option
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="all cores",
    help="Cores to use: worker processes, each with its own one-thread analyser; the output "
    "is that of one.",
)
@click.option(
    "--cluster",
    metavar="ADDRESS",
    help="Run the extraction on the Dask cluster at ADDRESS (tcp://host:8786).",
)
@click.option(
    "--cache",
    type=click.Path(path_type=Path),
    metavar="DIR",
    help="Where to keep each article's statements [default: $XDG_CACHE_HOME/kg or ~/.cache/kg].",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Analyse every article again and keep nothing (by default a re-run analyses only "
    "new or changed articles).",
)
@click.option(
    "--graph-format",
    type=click.Choice(GRAPH_FORMATS),
    default="ttl",
    show_default=True,
    help="graph.ttl (sorted on disk, byte-stable) or graph.nt (in input order; no HTML).",
)
@click.option("--no-html", is_flag=True, help="Do not draw OUT/graph.html.")
@user_errors
def build(
    inputs: tuple[Path, ...],
    outdir: Path | None,
    into: Path | None,
    manifest: Path | None,
    published: dt.date | None,
    gazetteers: tuple[Path, ...],
    jobs: int,
    cluster: str | None,
    cache: Path | None,
    no_cache: bool,
    graph_format: str,
    no_html: bool,
) -> None:
    """Build the graph of INPUTS (files or folders of .txt/.md/.html, JSONL or CSV).

    Writes OUT/graph.ttl, OUT/statements.jsonl and OUT/graph.html, and with --into adds
    the new graph to an existing one: entities, statements and articles already there are
    not repeated, so building the same article twice changes nothing. Exits 1 when some
    inputs had to be skipped (the rest is still built).

    Example: kg build examples/articles -o out

    Example: kg build new-articles --into out/graph.ttl
    """
    if outdir is None and into is None:
        raise click.UsageError("give -o/--out, --into or both")
    if into is not None and graph_format != "ttl":
        raise click.UsageError("--into needs --graph-format ttl")
    if no_cache and cache is not None:
        raise click.UsageError("give --cache DIR or --no-cache, not both")
    items = stream_articles(
        inputs,
        manifest=manifest,
        published=published,
        gazetteer_files=gazetteers,
        jobs=jobs,
        cluster=cluster,
        cache=None if no_cache else cache or default_cache_folder(),
    )
    render = None if no_html else write_html
    result = write_build(items, outdir, graph_format=graph_format, render=render)
    for problem in result.problems:
        click.echo(f"warning: {problem}", err=True)
    click.echo(f"articles   {result.articles}")
    click.echo(f"entities   {result.entities}")
    click.echo(f"statements {result.statements}")
    for relation in RELATIONS:
        click.echo(f"  {relation:<13}{result.relations[relation]}")
    skipped = sum(p.skipped for p in result.problems)
    click.echo(f"warnings   {len(result.problems)} ({skipped} inputs skipped)")
    if outdir is not None:
        click.echo(f"wrote {outdir}/{', '.join(result.files)}")
    if into is not None:
        base = load_graph(into, store="memory") if into.exists() else merge()
        merged = merge(base, result.graph)
        write_atomic(into, serialize(merged))
        click.echo(f"added {len(merged) - len(base)} triples to {into} ({len(merged)} in all)")
    if skipped:
        raise SystemExit(1)


STORE_OPTION = click.option(
    "--store",
    type=click.Choice(STORES),
    default="oxigraph",
    show_default=True,
    help="Oxigraph (fast) or rdflib's in-memory store.",
)
FORMAT_OPTION = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True
)


@main.command()
@click.argument("text", required=False)
@click.option(
    "--file",
    "file",
    type=click.Path(path_type=Path),
    help="A file of one text a line instead of TEXT.",
)
@gazetteer_option
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
@published_option("The article's date, which relative expressions are read against.")
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
@published_option("The article's date, when it has none of its own.")
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
@click.argument("query", required=False)
@click.option(
    "--as-of",
    callback=parse_day,
    metavar="DATE",
    help="Relations in effect on DATE: started on or before it and not ended.",
)
@click.option(
    "--between",
    nargs=2,
    metavar="FIRST LAST",
    help="Relations that started or ended between two dates (both included).",
)
@click.option(
    "--reported-before",
    callback=parse_day,
    metavar="DATE",
    help="Relations reported in articles issued on or before DATE.",
)
@click.option("--count", is_flag=True, help="With date options: print how many relations match.")
@FORMAT_OPTION
@STORE_OPTION
@user_errors
def query(
    graph_file: Path,
    query: str | None,
    as_of: dt.date | None,
    between: tuple[str, str] | None,
    reported_before: dt.date | None,
    count: bool,
    fmt: str,
    store: str,
) -> None:
    """Run a SPARQL QUERY (inline text or a .rq file) over GRAPH_FILE, or ask a date question.

    The prefixes kg, kgr, rdf, rdfs, owl, xsd, skos, prov, dcterms and schema are
    predeclared. Without QUERY, --as-of, --between and --reported-before list the relations
    that match all of them. A relation the text gave no time counts from its report date.

    Example: kg query out/graph.ttl 'SELECT ?s ?o WHERE { ?s kg:funds ?o }'

    Example: kg query out/graph.ttl --as-of 2025-01-31 --format csv

    Example: kg query out/graph.ttl --as-of 2025-01-31 --count
    """
    days = tuple(parse_day(None, None, d) for d in between) if between else None
    dated = as_of is not None or days is not None or reported_before is not None
    if query is None and not dated:
        raise click.UsageError("give a QUERY, or one of --as-of, --between, --reported-before")
    if query is not None and dated:
        raise click.UsageError("give either a QUERY or date options, not both")
    if count and not dated:
        raise click.UsageError("--count goes with --as-of, --between or --reported-before")
    graph = load_graph(graph_file, store=store)
    if count:
        dates = {"as_of": as_of, "between": days, "reported_before": reported_before}
        click.echo(count_statements(graph, **dates))
        return
    if query is None:
        table = select_statements(graph, as_of=as_of, between=days, reported_before=reported_before)
    else:
        table = run_query(graph, read_query(query))
    click.echo(format_table(table, format=fmt), nl=False)


def read_query(query: str) -> str:
    """The query text: the argument itself, or the file it names when it ends in .rq."""
    if not query.endswith(".rq"):
        return query
    if not Path(query).is_file():
        raise KgError(f"{query}: no such query file")
    return Path(query).read_text(encoding="utf-8")


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.argument("entity")
@FORMAT_OPTION
@STORE_OPTION
@user_errors
def timeline(graph_file: Path, entity: str, fmt: str, store: str) -> None:
    """List ENTITY's relations in GRAPH_FILE in date order, with their sources.

    ENTITY is a label (오픈AI, OpenAI) or an id (openai, kgr:openai). The date is when the
    relation started, else when it ended, else when it was reported.

    Example: kg timeline out/graph.ttl 오픈AI
    """
    table = timeline_table(load_graph(graph_file, store=store), entity)
    click.echo(format_table(table, format=fmt), nl=False)


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
    "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="ttl", show_default=True
)
@click.option(
    "-o", "--out", type=click.Path(path_type=Path), help="File to write (default: stdout)."
)
@user_errors
def export(graph_file: Path, fmt: str, out: Path | None) -> None:
    """Convert GRAPH_FILE to another RDF format, GraphML or GEXF (Gephi), or a statements CSV.

    GraphML and GEXF have actors as nodes and one edge per statement with its relation and
    time; the CSV has one row per statement with labels, dates, evidence and source.

    Example: kg export out/graph.ttl --format gexf -o graph.gexf
    """
    text = export_graph(load_graph(graph_file, store="memory"), format=fmt)
    if out is None:
        click.echo(text, nl=False)
    else:
        write_atomic(out, text)


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@user_errors
def validate(graph_file: Path) -> None:
    """Check GRAPH_FILE against kg's SHACL shapes (ontology/shapes.ttl).

    Prints each problem with its node, property and value; exits 1 on any violation
    (warnings alone pass).

    Example: kg validate out/graph.ttl
    """
    graph = load_graph(graph_file, store="memory")
    result = validate_graph(graph)
    for problem in result.violations:
        click.echo(str(problem))
    errors = sum(v.severity == "Violation" for v in result.violations)
    if not result.conforms:
        raise KgError(f"{graph_file} does not conform: {errors} violations")
    click.echo(f"{graph_file} conforms ({len(graph)} triples)")


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.option("--top", default=10, show_default=True, help="How many actors to list.")
@FORMAT_OPTION
@STORE_OPTION
@user_errors
def stats(graph_file: Path, top: int, fmt: str, store: str) -> None:
    """Count GRAPH_FILE's nodes by type and statements by relation and year; list the most
    connected actors.

    Example: kg stats out/graph.ttl --top 5
    """
    result = graph_stats(load_graph(graph_file, store=store), top=top)
    click.echo(format_stats(result, format=fmt), nl=False)


@main.command()
@click.argument("graph_file", type=click.Path(path_type=Path))
@click.option(
    "--endpoint",
    required=True,
    metavar="URL",
    help="The server's SPARQL 1.1 Graph Store endpoint (Oxigraph: http://host:7878/store).",
)
@click.option("--graph", "target", metavar="IRI", help="A named graph to add to.")
@click.option("--batch", default=50_000, show_default=True, help="Triples per HTTP request.")
@user_errors
def push(graph_file: Path, endpoint: str, target: str | None, batch: int) -> None:
    """Add GRAPH_FILE's triples to a SPARQL server, in batches over the Graph Store Protocol.

    An .nt file is streamed, so it may be larger than memory.

    Example: kg push out/graph.ttl --endpoint http://localhost:7878/store
    """
    sent = push_graph(graph_file, endpoint=endpoint, graph=target, batch=batch)
    click.echo(f"pushed {sent} triples to {endpoint}")
