"""Documents: articles read from files, JSONL or CSV, with dates and furniture marked.

A Document keeps the article's full text; `body` lists the character spans that are the
article proper, so furniture (bylines, copyright lines, related-news lists) is skipped by
analysis while every offset still points into `text`.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from kg.errors import InputError

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
MANIFEST_NAMES = {"manifest.csv", "manifest.jsonl"}


@dataclass(frozen=True)
class Document:
    """One article: its text, where it came from, and when it was published."""

    id: str
    text: str
    published: dt.date | None = None
    source: str = ""
    title: str = ""
    url: str = ""
    body: tuple[tuple[int, int], ...] = ()

    @property
    def digest(self) -> str:
        """A short content hash: the same text under two names is the same article."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Problem:
    """An input that was skipped or needed a guess, with its file and line."""

    path: str
    line: int | None
    message: str
    skipped: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class Meta:
    """What a manifest says about one article file."""

    published: dt.date | None = None
    source: str = ""
    title: str = ""
    url: str = ""


def read_articles(
    paths: Iterable[Path],
    *,
    manifest: Path | None = None,
    published: dt.date | None = None,
) -> Iterator[Document | Problem]:
    """Documents from files and folders, one at a time, with a Problem for each skip.

    A folder may hold its own manifest.csv (or manifest.jsonl); `manifest` overrides it.
    `published` dates every article that has no date of its own.
    """
    metas: dict[str, Meta] = {}
    if manifest is not None:
        metas, problems = read_manifest(manifest)
        yield from problems
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            local = [p for p in files if p.name in MANIFEST_NAMES]
            if manifest is None and local:
                found, problems = read_manifest(local[0])
                metas = {**found, **metas}
                yield from problems
            files = [p for p in files if p.name not in MANIFEST_NAMES]
            for file in files:
                if file.suffix.lower() in ARTICLE_SUFFIXES | RECORD_SUFFIXES:
                    yield from read_file(file, metas=metas, published=published)
        else:
            yield from read_file(path, metas=metas, published=published)


def read_file(
    path: Path, *, metas: dict[str, Meta], published: dt.date | None
) -> Iterator[Document | Problem]:
    """Documents from one file: an article, or a JSONL/CSV of articles."""
    suffix = path.suffix.lower()
    try:
        raw = path.read_bytes()
    except OSError as e:
        yield Problem(str(path), None, f"cannot read ({e.strerror}); skipped", skipped=True)
        return
    text, guessed = decode(raw)
    if text is None:
        yield Problem(
            str(path), None, "not text (binary or unknown encoding); skipped", skipped=True
        )
        return
    if guessed:
        yield Problem(str(path), None, f"not UTF-8; decoded as {guessed}")
    if suffix in RECORD_SUFFIXES:
        yield from records(path, text, published=published)
    else:
        if suffix in {".html", ".htm"}:
            text = html_to_text(text)
        elif suffix == ".md":
            text = markdown_to_text(text)
        else:
            text = strip_markup(text)
        meta = metas.get(path.name, Meta())
        yield from make_document(
            path.name,
            text,
            Meta(meta.published or published, meta.source, meta.title, meta.url),
            where=str(path),
        )


def make_document(
    doc_id: str, text: str, meta: Meta, *, where: str, line: int | None = None
) -> Iterator[Document | Problem]:
    """A Document with its body marked, or a Problem when there is nothing to read."""
    body = body_spans(text)
    if not body:
        yield Problem(where, line, "no article text; skipped", skipped=True)
        return
    yield Document(
        id=doc_id,
        text=text,
        published=meta.published,
        source=meta.source,
        title=meta.title,
        url=meta.url,
        body=body,
    )


def decode(raw: bytes) -> tuple[str | None, str]:
    """Text from bytes, and the encoding's name when it had to be guessed."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), ""
    if b"\x00" in raw[:4096]:
        return None, ""
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp949"), "CP949"
    except UnicodeDecodeError:
        return None, ""


def read_manifest(path: Path) -> tuple[dict[str, Meta], list[Problem]]:
    """File name → Meta from a manifest CSV or JSONL; bad rows become Problems."""
    if not path.is_file():
        raise InputError(f"{path}: no such manifest file")
    text, _ = decode(path.read_bytes())
    if text is None:
        raise InputError(f"{path}: the manifest is not a text file")
    metas: dict[str, Meta] = {}
    problems: list[Problem] = []
    for line, row in rows_of(path, text, problems):
        name = str(row.get("file") or row.get("id") or "").strip()
        if not name:
            problems.append(
                Problem(str(path), line, "no file name in this row; skipped", skipped=True)
            )
            continue
        date, problem = parse_date(row.get("published"), where=str(path), line=line)
        if problem:
            problems.append(problem)
        metas[Path(name).name] = Meta(
            published=date,
            source=str(row.get("source") or ""),
            title=str(row.get("title") or ""),
            url=str(row.get("url") or ""),
        )
    return metas, problems


def rows_of(path: Path, text: str, problems: list[Problem]) -> Iterator[tuple[int, dict]]:
    """(line, record) pairs from JSONL or CSV text; broken lines become Problems."""
    if path.suffix.lower() == ".jsonl":
        for line, raw in enumerate(text.splitlines(), start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except json.JSONDecodeError as e:
                problems.append(
                    Problem(str(path), line, f"not valid JSON ({e.msg}); skipped", skipped=True)
                )
                continue
            if not isinstance(record, dict):
                problems.append(
                    Problem(str(path), line, "not a JSON object; skipped", skipped=True)
                )
                continue
            yield line, record
    else:
        reader = csv.DictReader(text.splitlines())
        for row in reader:
            if None in row:
                problems.append(
                    Problem(
                        str(path),
                        reader.line_num,
                        "more fields than columns; skipped",
                        skipped=True,
                    )
                )
                continue
            yield reader.line_num, row


def records(path: Path, text: str, *, published: dt.date | None) -> Iterator[Document | Problem]:
    """Documents from article records with fields id, title, published, source, url, text."""
    problems: list[Problem] = []
    for line, row in rows_of(path, text, problems):
        yield from problems
        problems.clear()
        body = row.get("text")
        if not isinstance(body, str):
            yield Problem(str(path), line, "no 'text' field; skipped", skipped=True)
            continue
        date, problem = parse_date(row.get("published"), where=str(path), line=line)
        if problem:
            yield problem
        doc_id = str(row.get("id") or f"{path.name}:{line}")
        meta = Meta(
            published=date or published,
            source=str(row.get("source") or ""),
            title=str(row.get("title") or ""),
            url=str(row.get("url") or ""),
        )
        yield from make_document(doc_id, strip_markup(body), meta, where=str(path), line=line)
    yield from problems


def parse_date(
    value: object, *, where: str, line: int | None
) -> tuple[dt.date | None, Problem | None]:
    """A YYYY-MM-DD date from a record field; a Problem when it is there but invalid."""
    if value in (None, ""):
        return None, None
    try:
        return dt.date.fromisoformat(str(value).strip()[:10]), None
    except ValueError:
        return None, Problem(where, line, f"invalid date {value!r}; expected YYYY-MM-DD")


TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|figure|figcaption|blockquote)"
    r"(?:\s[^<>]*)?/?>",
    re.I,
)
MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")


def strip_markup(text: str) -> str:
    """Plain text with HTML entities decoded and ASCII-named tags removed.

    Only tags with ASCII names go, so `<저작권자 ©…>` stays for the copyright rule; block
    tags become line breaks so that the line filter sees paragraphs.
    """
    if "<" not in text and "&" not in text:
        return text
    return html.unescape(TAG.sub("", BLOCK_TAG.sub("\n", text)))


def markdown_to_text(text: str) -> str:
    """Markdown without image links; links keep their text."""
    return strip_markup(MD_LINK.sub(r"\1", MD_IMAGE.sub("", text)))


class _TextExtractor(HTMLParser):
    SKIP: ClassVar = {"script", "style", "noscript", "nav", "header", "footer", "aside", "head"}
    BLOCK: ClassVar = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skipping:
            self.skipping -= 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(page: str) -> str:
    """The visible text of an HTML page, one block a line."""
    parser = _TextExtractor()
    parser.feed(page)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


RELATED_HEADER = re.compile(
    r"^\s*[\[<【]?\s*(관련\s*기사|관련\s*자료|관련\s*뉴스|많이\s*본\s*(뉴스|기사)|인기\s*기사|추천\s*기사|"
    r"주요\s*뉴스|최신\s*뉴스|오늘의\s*주요|실시간\s*인기|이\s*시각\s*(주요|인기)|"
    r"함께\s*보면\s*좋은|다른\s*기사|섹션\s*주요)"
)
COPYRIGHT = re.compile(
    r"무단\s*전재|재배포\s*금지|copyright|ⓒ|©|저작권자|all rights reserved", re.I
)
STAMP = re.compile(
    r"^\s*(입력|수정|등록|작성일|기사입력|승인|업데이트|최종수정|발행)\s*:?\s*\d{2,4}[.\-/년]"
)
LEADING_DATETIME = re.compile(r"^\s*\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?\s+\d{1,2}:\d{2}")
BYLINE = re.compile(r"^\s*[\[(]?[^\s\]]{0,12}\s*[가-힣]{2,4}\s*(기자|특파원|통신원)\s*[\])]?\s*$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
SENTENCE_END = re.compile(r"[다요죠음함임][.!?\"'”’]*\s*$|[.!?]\s*$")


def body_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the lines that are the article proper, furniture left out."""
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        lines.append((offset, offset + len(line), line))
        offset += len(raw)
    kept: list[tuple[int, int]] = []
    for i, (start, _, line) in enumerate(lines):
        stripped = line.strip()
        if RELATED_HEADER.match(stripped):
            break
        if LEADING_DATETIME.match(stripped):
            if kept and not SENTENCE_END.search(text[kept[-1][0] : kept[-1][1]]):
                kept.pop()
            break
        if is_furniture(stripped, first=i == 0):
            continue
        lead = len(line) - len(line.lstrip())
        kept.append((start + lead, start + lead + len(stripped)))
    return tuple(kept)


def is_furniture(line: str, *, first: bool) -> bool:
    """Whether one line is page furniture rather than article text."""
    if not line or line.startswith("#"):
        return True
    if COPYRIGHT.search(line) and len(line) < 200:
        return True
    if STAMP.match(line) or BYLINE.match(line):
        return True
    if EMAIL.search(line) and len(line) < 60:
        return True
    return not first and len(line) < 15 and not SENTENCE_END.search(line)
