"""Documents: articles read from files, JSONL or CSV, with dates and furniture marked.

A Document keeps the article's full text; `body` lists the character spans that are the
article proper, so furniture (bylines, copyright lines, related-news lists) is skipped by
analysis while every offset still points into `text`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import hashlib
import html
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

from kg.errors import InputError

ARTICLE_SUFFIXES = {".txt", ".md", ".html", ".htm"}
RECORD_SUFFIXES = {".jsonl", ".csv"}
MANIFEST_NAMES = {"manifest.csv", "manifest.jsonl"}
MAX_CHARS = 100_000
"""Characters of one article that are read; the longest news features run to about 20,000."""
MAX_LINE = 5_000
"""A longer line (a whole article on one line) is broken at sentence ends into paragraphs."""
HTML_BYTES = 16_000_000
"""Bytes of an HTML page that are read: scripts and styles can make a page large."""
BINARY_MAGIC = {
    b"%PDF-": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive or an Office document",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
}


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
        return hashlib.sha256(self.text.encode("utf-8", "replace")).hexdigest()[:16]


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
    """What a manifest says about one article file, and the manifest row that said it."""

    published: dt.date | None = None
    source: str = ""
    title: str = ""
    url: str = ""
    manifest: str = ""
    line: int | None = None


def read_articles(
    paths: Iterable[Path],
    *,
    manifest: Path | None = None,
    published: dt.date | None = None,
) -> Iterator[Document | Problem]:
    """Documents from files and folders, one at a time, with a Problem for each skip.

    A folder may hold its own manifest.csv (or manifest.jsonl), which also dates a file
    given on its own; `manifest` overrides it.
    `published` dates every article that has no date of its own. One bad file never stops
    the rest: whatever goes wrong while reading it becomes a Problem naming it.
    """
    paths = list(paths)
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
    metas: dict[str, Meta] = {}
    if manifest is not None:
        metas, problems = read_manifest(manifest)
        yield from problems
    read: set[str] = set()
    ids: dict[str, int] = {}
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and not hidden(p, path))
            local = [p for p in files if p.name in MANIFEST_NAMES]
            if manifest is None and local:
                found, problems = read_manifest(local[0])
                metas = {**found, **metas}
                yield from problems
            files = [p for p in files if p.name not in MANIFEST_NAMES]
        else:
            beside = [path.parent / name for name in sorted(MANIFEST_NAMES)]
            local = [p for p in beside if p.is_file() and p != path]
            if manifest is None and local and path.name not in metas:
                found, problems = read_manifest(local[0])
                metas = {**found, **metas}
                yield from problems
            files = [path]
        for file in files:
            if path.is_dir() and file.suffix.lower() not in ARTICLE_SUFFIXES | RECORD_SUFFIXES:
                kind = f"{file.suffix} file" if file.suffix else "file without a suffix"
                yield Problem(str(file), None, f"not an article file ({kind}); skipped", True)
                continue
            read.add(file.name)
            for item in read_safely(file, metas=metas, published=published):
                yield unique_id(item, ids) if isinstance(item, Document) else item
    yield from unknown_files(metas, read)


def hidden(path: Path, top: Path) -> bool:
    """Whether a file in a folder is hidden (.DS_Store, .git/…): those are not reported."""
    return any(part.startswith(".") for part in path.relative_to(top).parts)


def read_safely(
    path: Path, *, metas: dict[str, Meta], published: dt.date | None
) -> Iterator[Document | Problem]:
    """read_file, with anything unexpected turned into a Problem naming the file."""
    if not path.is_file():
        yield Problem(str(path), None, "not a regular file; skipped", skipped=True)
        return
    try:
        yield from read_file(path, metas=metas, published=published)
    except Exception as e:
        message = f"could not be read ({type(e).__name__}: {e}); skipped"
        yield Problem(str(path), None, message, skipped=True)


def unique_id(document: Document, ids: dict[str, int]) -> Document:
    """The document, renamed when an earlier one has its id (1.txt in two folders)."""
    count = ids.get(document.id, 0) + 1
    ids[document.id] = count
    if count == 1:
        return document
    renamed = f"{document.id}~{count}"
    ids[renamed] = 1
    return replace(document, id=renamed)


def unknown_files(metas: dict[str, Meta], read: set[str]) -> Iterator[Problem]:
    """A Problem for each manifest row naming a file that is neither read nor on disk."""
    for name, meta in metas.items():
        if name in read or (Path(meta.manifest).parent / name).exists():
            continue
        yield Problem(meta.manifest, meta.line, f"no such article file {name!r}; row ignored")


def read_file(
    path: Path, *, metas: dict[str, Meta], published: dt.date | None
) -> Iterator[Document | Problem]:
    """Documents from one file: an article, or a JSONL/CSV of articles."""
    suffix = path.suffix.lower()
    limit = HTML_BYTES if suffix in {".html", ".htm"} else MAX_CHARS * 4
    if suffix in RECORD_SUFFIXES:
        limit = -1
    try:
        size = path.stat().st_size
        with path.open("rb") as f:
            raw = f.read(limit)
    except OSError as e:
        yield Problem(str(path), None, f"cannot read ({e.strerror}); skipped", skipped=True)
        return
    kind = binary_kind(raw)
    if kind:
        yield Problem(str(path), None, f"not text ({kind}); skipped", skipped=True)
        return
    text, note = decode(raw, complete=len(raw) >= size)
    if text is None:
        message = "not text (binary, or an encoding other than UTF-8, CP949 or UTF-16); skipped"
        yield Problem(str(path), None, message, skipped=True)
        return
    if note:
        yield Problem(str(path), None, note)
    if len(raw) < size:
        yield Problem(str(path), None, f"{size:,} bytes; only the first {len(raw):,} are read")
    if suffix in RECORD_SUFFIXES:
        yield from records(path, text, published=published)
        return
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
        replace(meta, published=meta.published or published),
        where=str(path),
    )


def make_document(
    doc_id: str, text: str, meta: Meta, *, where: str, line: int | None = None
) -> Iterator[Document | Problem]:
    """A Document with clean text and its body marked, or a Problem when there is none."""
    if len(text) > MAX_CHARS:
        text = cut(text, MAX_CHARS)
        yield Problem(where, line, f"longer than {MAX_CHARS:,} characters; the rest is not read")
    text = break_long_lines(clean_text(text))
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


def binary_kind(raw: bytes) -> str:
    """What kind of binary file these bytes start like ('' when none that kg knows)."""
    for magic, kind in BINARY_MAGIC.items():
        if raw.startswith(magic):
            return kind
    return ""


def decode(raw: bytes, *, complete: bool = True) -> tuple[str | None, str]:
    """Text from bytes (None when they are not text), and a note of what had to be guessed.

    UTF-8 and UTF-16 with a byte-order mark are certain; UTF-16 without one is recognised
    by its zero bytes, then UTF-8 and CP949 (a superset of EUC-KR) are tried in turn, and a
    text that is nearly UTF-8 keeps its few bad bytes as U+FFFD. `complete` is False when
    `raw` was cut from a longer file, so a character split at the end is dropped.
    """
    if raw.startswith(codecs.BOM_UTF8):
        return looks_like_text(decoded(raw[3:], "utf-8", complete=complete)), ""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return looks_like_text(decoded(raw, "utf-16", complete=complete)), ""
    order = utf16_order(raw)
    if order:
        text = looks_like_text(decoded(raw, order, complete=complete, errors="replace"))
        return text, f"no byte-order mark; decoded as {order.upper()}"
    if b"\x00" in raw[:4096]:
        return None, ""
    for encoding, note in (("utf-8", ""), ("cp949", "not UTF-8; decoded as CP949 (EUC-KR)")):
        try:
            return looks_like_text(decoded(raw, encoding, complete=complete)), note
        except UnicodeDecodeError:
            continue
    text = decoded(raw, "utf-8", complete=complete, errors="replace")
    bad = text.count("\ufffd")
    if bad > len(text) // 100:
        return None, ""
    return looks_like_text(text), f"{bad} invalid UTF-8 byte sequences replaced by U+FFFD"


def decoded(raw: bytes, encoding: str, *, complete: bool, errors: str = "strict") -> str:
    """raw decoded; when not complete, a character cut off at the end is dropped."""
    return codecs.getincrementaldecoder(encoding)(errors).decode(raw, final=complete)


def utf16_order(raw: bytes) -> str:
    """'utf-16-le' or 'utf-16-be' when zero bytes sit only at odd or even offsets, else ''.

    ASCII characters (spaces, digits, punctuation) in UTF-16 have one zero byte; Hangul
    syllables have none, so a few zeros, all on one side, are the sign.
    """
    sample = raw[: 4096 & ~1]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > len(sample) // 40 and even == 0:
        return "utf-16-le"
    if even > len(sample) // 40 and odd == 0:
        return "utf-16-be"
    return ""


def looks_like_text(text: str) -> str | None:
    """text, or None when more than 5% of its start are control characters."""
    sample = text[:4096]
    controls = sum(1 for c in sample if c < " " and c not in "\t\n\r\x0c")
    return None if controls * 20 > len(sample) else text


LINE_BREAKS = "\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
CLEAN = str.maketrans(
    {
        **{chr(c): " " for c in [*range(32), *range(0x7F, 0xA0)] if chr(c) not in "\t\n"},
        **{c: "\n" for c in LINE_BREAKS},
        **{c: None for c in "\u200b\u2060\ufeff\u00ad"},
    }
)
UNCLEAN = re.compile("[" + re.escape("".join(map(chr, CLEAN))) + "]")
SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """NFC text with one kind of line break, control characters as spaces, no zero-widths.

    Lone surrogates (JSON can carry them) become U+FFFD, so the text always encodes.
    """
    if UNCLEAN.search(text):
        text = text.replace("\r\n", "\n").translate(CLEAN)
    return unicodedata.normalize("NFC", SURROGATE.sub("\ufffd", text))


def cut(text: str, limit: int) -> str:
    """The start of text, at most `limit` characters, ended at a line break or a space."""
    for sep in ("\n", " "):
        end = text.rfind(sep, limit // 2, limit)
        if end > 0:
            return text[:end]
    return text[:limit]


SENTENCE_BREAK = re.compile(r"(?<=[.!?。…\"'”’])\s+")


def break_long_lines(text: str) -> str:
    """text with every line longer than MAX_LINE broken at sentence ends (else spaces)."""
    if max(map(len, text.split("\n"))) <= MAX_LINE:
        return text
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > MAX_LINE:
            head = line[:MAX_LINE]
            ends = [m.end() for m in SENTENCE_BREAK.finditer(head)]
            end = ends[-1] if ends else head.rfind(" ") + 1 or MAX_LINE
            out.append(line[:end].rstrip())
            line = line[end:].lstrip()
        out.append(line)
    return "\n".join(out)


def read_manifest(path: Path) -> tuple[dict[str, Meta], list[Problem]]:
    """File name → Meta from a manifest CSV or JSONL; bad rows become Problems."""
    if not path.is_file():
        raise InputError(f"{path}: no such manifest file")
    text, note = decode(path.read_bytes())
    if text is None:
        raise InputError(f"{path}: the manifest is not a text file")
    metas: dict[str, Meta] = {}
    problems = [Problem(str(path), None, note)] if note else []
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
        key = Path(name).name
        if key in metas:
            message = f"{key!r} is also on line {metas[key].line}; this row wins"
            problems.append(Problem(str(path), line, message))
        metas[key] = Meta(
            published=date,
            source=str(row.get("source") or ""),
            title=str(row.get("title") or ""),
            url=str(row.get("url") or ""),
            manifest=str(path),
            line=line,
        )
    return metas, problems


def rows_of(path: Path, text: str, problems: list[Problem]) -> Iterator[tuple[int, dict]]:
    """(line, record) pairs from JSONL or CSV text; broken lines become Problems."""
    if path.suffix.lower() != ".jsonl":
        yield from csv_rows(path, text, problems)
        return
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
            problems.append(Problem(str(path), line, "not a JSON object; skipped", skipped=True))
            continue
        yield line, record


def csv_rows(path: Path, text: str, problems: list[Problem]) -> Iterator[tuple[int, dict]]:
    """(line, record) pairs from CSV text with a header row.

    A row that the csv module rejects, or a quoted row spanning lines that does not fit the
    header (a stray quote swallows the rows after it), is reported at its first line and
    reading starts again on the line after; a short row gets empty missing fields.
    """
    lines = text.splitlines(keepends=True)
    header = [name.strip().lower() for name in next(csv.reader(lines[:1]), [])]
    index = 1
    while index < len(lines):
        reader = csv.reader(lines[index:], strict=True)
        base, done = index, 0
        try:
            for fields in reader:
                line, spanned, done = base + done + 1, reader.line_num - done, reader.line_num
                if not fields:
                    continue
                if len(fields) > len(header) or (spanned > 1 and len(fields) != len(header)):
                    message = f"{len(fields)} fields where the header has {len(header)}; skipped"
                    problems.append(Problem(str(path), line, message, skipped=True))
                    if spanned > 1:
                        index = line
                        break
                    continue
                if len(fields) < len(header):
                    message = f"{len(fields)} of {len(header)} fields; the missing ones are empty"
                    problems.append(Problem(str(path), line, message))
                yield (
                    line,
                    dict(zip(header, fields + [""] * (len(header) - len(fields)), strict=True)),
                )
            else:
                return
        except csv.Error as e:
            line = base + done + 1
            problems.append(Problem(str(path), line, f"not valid CSV ({e}); skipped", skipped=True))
            index = line


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
COMMENT = re.compile(r"<!--.{0,5000}?-->", re.S)
MD_IMAGE = re.compile(r"!\[[^\[\]\n]{0,500}\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,500}\])")
MD_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\([^()\n]{0,2000}\)")
MD_REFERENCE = re.compile(r"^ {0,3}\[[^\[\]\n]{1,500}\]:.*$", re.M)


def strip_markup(text: str) -> str:
    """Plain text with HTML entities decoded and ASCII-named tags removed.

    Only tags with ASCII names go, so `<저작권자 ©…>` stays for the copyright rule; block
    tags become line breaks so that the line filter sees paragraphs.
    """
    if "<" not in text and "&" not in text:
        return text
    return html.unescape(TAG.sub("", BLOCK_TAG.sub("\n", COMMENT.sub("", text))))


def markdown_to_text(text: str) -> str:
    """Markdown without images, link definitions and bold marks; links keep their text."""
    text = MD_REFERENCE.sub("", MD_IMAGE.sub("", text)).replace("**", "")
    return strip_markup(MD_LINK.sub(r"\1", text))


class _TextExtractor(HTMLParser):
    SKIP: ClassVar = {"script", "style", "noscript", "nav", "header", "footer", "aside", "head"}
    BLOCK: ClassVar = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "section", "title"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "body":
            self.skipping = 0
        elif tag in self.SKIP:
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
COPYRIGHT = re.compile(r"무단\s*전재|재배포\s*금지|copyright|ⓒ|©|저작권자|all rights reserved")
"""Searched in the lowercased line (faster than re.I over Hangul)."""
STAMP = re.compile(
    r"^\s*(입력|수정|등록|작성일|기사입력|승인|업데이트|최종수정|발행)\s*:?\s*\d{2,4}[.\-/년]"
)
LEADING_DATETIME = re.compile(r"^\s*\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?\s+\d{1,2}:\d{2}")
BYLINE = re.compile(r"^\s*[\[(]?[^\s\]]{0,12}\s*[가-힣]{2,4}\s*(기자|특파원|통신원)\s*[\])]?\s*$")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
SENTENCE_END = re.compile(r"[다요죠음함임][.!?\"'”’]*\s*$|[.!?]\s*$")


MIN_BODY_BEFORE_LIST = 2
PROSE = 60
TRAILING_DATE = re.compile(r"\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\.?\s*$")


def body_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Character spans of the lines that are the article proper, furniture left out.

    A line led by a date and time is a stamp near the top of a page, where it is skipped,
    and the start of a list of other headlines after the article, where reading stops
    (with the undated headline just before it). A related-news box (관련기사 and its
    headlines) is skipped; the article resumes at the next line of prose after it.
    """
    lines: list[tuple[int, int, str]] = []
    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        lines.append((offset, offset + len(line), line))
        offset += len(raw)
    kept: list[tuple[int, int]] = []
    boxed = False
    for i, (start, _, line) in enumerate(lines):
        stripped = line.strip()
        if RELATED_HEADER.match(stripped):
            boxed = True
            continue
        if boxed and not is_prose(stripped):
            continue
        boxed = False
        if LEADING_DATETIME.match(stripped):
            sentences = sum(bool(SENTENCE_END.search(text[a:b])) for a, b in kept)
            if sentences < MIN_BODY_BEFORE_LIST:
                continue
            if not SENTENCE_END.search(text[kept[-1][0] : kept[-1][1]]):
                kept.pop()
            break
        if is_furniture(stripped, first=i == 0):
            continue
        lead = len(line) - len(line.lstrip())
        kept.append((start + lead, start + lead + len(stripped)))
    return tuple(kept)


def is_prose(line: str) -> bool:
    """Whether a line after a related-news box is the article going on: a long line that is
    neither a bulleted headline nor one ending in its date."""
    return (
        len(line) >= PROSE
        and line[0].isalnum()
        and not TRAILING_DATE.search(line)
        and not LEADING_DATETIME.match(line)
    )


def is_furniture(line: str, *, first: bool) -> bool:
    """Whether one line is page furniture rather than article text."""
    if not line or line.startswith("#"):
        return True
    if len(line) < 200 and COPYRIGHT.search(line.lower()):
        return True
    if STAMP.match(line) or BYLINE.match(line):
        return True
    if len(line) < 60 and "@" in line and EMAIL.search(line):
        return True
    return not first and len(line) < 15 and not SENTENCE_END.search(line)
