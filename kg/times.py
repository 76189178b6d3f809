"""Temporal expressions in Korean news, normalised against the article's date.

`find_times` produces one `Timex` per expression in an article body: its surface text and
span, an ISO value at the precision the text gave ("2025-01-27", "2025-01", "2025-Q1",
"2025-H1", "2025-W26", "2025"), and its role (point, start or end). `guess_published`
produces the article's own date from the stamps in its text.

Recognition and calendar arithmetic come from korean-datetime (pinned in pyproject.toml);
this module adds what news needs on top of it:

- Surface text: a Timex spans the date, a clock qualifier right after it and a role word
  right after that, so "지난 25일(현지시간)" and "내달 9일부터" are one Timex each; the
  qualifier sets `local_time`, the role word sets `role`.
- An open date ("25일", "12월 5일", "3월") is placed by the tense of its clause: a future
  marker (예정, 계획, …기로) before the next date or the sentence end, or a present-tense
  final verb (접수한다), places it on or after the reference day; a past final verb
  (발표했다) on or before it; otherwise the nearer of the two. A quarter or half without a
  year ("1분기", "상반기") is the reference year.
- A part word after a year (올해 말, 2023년 초) joins the surface text; the value keeps the
  year's precision, so latest_day("2024") still ends "올해 말까지" on 31 December.
- A date that does not exist (지난달 31일 in March) is not a date: no Timex.
- 이날, 같은 날, 당시, 전날, 이튿날 take the last day-precision value earlier in the text.
- A line ending in its own date (a photo caption "…2025.2.4/뉴스1", "…= 2025.2.4 연합뉴스")
  is the reference for the relative expressions in that line.
- Without a published date, relative expressions are recognised with value None.
- Vague words (최근, 현재, 향후) are recognised with value None.

The time words (qualifiers, role words, anaphors, tense markers, stamp labels) are data:
ontology/time_words.tsv.
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from re import _constants as sre
from re import _parser as sre_parser

from korean_datetime import (
    Ambiguity,
    Cycle,
    Grain,
    Kind,
    ParseOptions,
    TemporalExpression,
    TemporalParser,
)
from korean_datetime.core.scanner import Scanner, Split, Token, TokenRule
from korean_datetime.core.types import to_datetime
from korean_datetime.temporal.frame import (
    Frame,
    apply_corrections,
    build_frames,
    link_alternatives,
    link_day_shifts,
)
from korean_datetime.temporal.postprocess import postprocess
from korean_datetime.temporal.ranges import merge_ranges

from kg.errors import InputError
from kg.vocab import ontology_file

__all__ = [
    "PublishedGuess",
    "Timex",
    "earliest_day",
    "find_times",
    "guess_published",
    "latest_day",
]

WORDS_PATH = ontology_file("time_words.tsv")


@dataclass(frozen=True)
class Timex:
    """One temporal expression: where it is, what date it means and at what precision."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    role: str
    local_time: bool = False


@dataclass(frozen=True)
class PublishedGuess:
    """The article's date as read from its own text, with where it came from."""

    date: datetime.date
    source: str
    confidence: float


@dataclass(frozen=True)
class _Lexicon:
    qualifiers: frozenset[str]
    roles: dict[str, str]
    anaphors: dict[str, int]
    then: frozenset[str]
    vague: frozenset[str]
    blockers: tuple[str, ...]
    parts: tuple[str, ...]
    future: tuple[str, ...]
    stamps: dict[str, float]


@cache
def _lexicon() -> _Lexicon:
    rows: dict[str, list[tuple[str, str]]] = {}
    for line in WORDS_PATH.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, word, value = [*line.split("\t"), ""][:3]
        rows.setdefault(kind, []).append((word, value))
    return _Lexicon(
        qualifiers=frozenset(w.replace(" ", "") for w, _ in rows["qualifier"]),
        roles={w: v for w, v in rows["role"]},
        anaphors={w: int(v) for w, v in rows["anaphor"]},
        then=frozenset(w for w, _ in rows.get("then", ())),
        vague=frozenset(w for w, _ in rows["vague"]),
        blockers=tuple(w for w, _ in rows["blocker"]),
        parts=tuple(sorted((w for w, _ in rows["part"]), key=len, reverse=True)),
        future=tuple(w for w, _ in rows["future"]),
        stamps={w: float(v) for w, v in rows["stamp"]},
    )


@cache
def _parser(cycle: Cycle) -> TemporalParser:
    return TemporalParser(ParseOptions(cycle=cycle, vague=True))


def _parse_all(cycle: Cycle, line: str, ref: datetime.date) -> list[TemporalExpression]:
    """TemporalParser.parse_all of `line` against `ref`, from the line's shared frames.

    The library's parse_all scans the line and assembles its frames on every call, though
    neither depends on the cycle or the reference day; here each line's frames are made
    once (_frames) and only resolving is done per cycle and day. The steps are those of
    parse_all for these options (the ambiguous hour is not read from context).
    """
    parser = _parser(cycle)
    reference = to_datetime(ref, parser.options.timezone)
    resolved = [
        (frame, result)
        for frame in _frames(line)
        if (result := parser._resolve(frame, line, reference))
    ]
    return merge_ranges(
        resolved, line, lambda frame, now, cycle: parser._resolve(frame, line, now, cycle)
    )


@lru_cache(maxsize=256)
def _frames(line: str) -> tuple[Frame, ...]:
    """The frames korean-datetime assembles from a line's tokens, before resolving."""
    tokens = postprocess(_shared_scan(_parser(Cycle.NEAREST)._scanner).scan(line), line)
    frames = apply_corrections(build_frames(tokens, line), line)
    return tuple(link_day_shifts(link_alternatives(frames, line), line))


@cache
def _shared_scan(scanner: Scanner) -> _Scan:
    return _Scan(scanner)


class _Scan:
    """korean-datetime's scanner, trying each rule only where it can start.

    The library tries its sixty rules (regular expressions) at every position of a line,
    and almost no position starts any of them. Each rule's possible first characters are
    read from its pattern, so this scan jumps from one possible start to the next and tries
    there only the rules that can match; the tokens are the library's own. Scanning does not
    depend on the cycle, so the four cycle parsers (and the second probe date) share one scan
    of each line (_frames). The helpers used are private; korean-datetime is pinned to the
    version this was written for.
    """

    def __init__(self, scanner: Scanner) -> None:
        self._scanner = scanner
        starts = [_first_chars(rule.pattern) for rule in scanner.rules]
        self._firsts = [_one_of(atoms) for atoms in starts]
        self._start = _one_of(frozenset().union(*starts))
        attachable = frozenset().union(
            *(atoms for rule, atoms in zip(scanner.rules, starts, strict=True) if rule.attachable)
        )
        # a start inside a Hangul word (after a Hangul syllable) can only begin an
        # attachable rule; anywhere else any rule may begin
        free = f"(?:(?<![가-힣])|(?=[^가-힣]))(?:{self._start.pattern})"
        self._jump = re.compile(free + (f"|{_one_of(attachable).pattern}" if attachable else ""))
        self._by_char: dict[str, tuple[TokenRule, ...]] = {}

    def scan(self, text: str) -> list[Token]:
        scanner = self._scanner
        tokens: list[Token] = []
        pos, last_end = 0, 0
        while True:
            if pos == last_end and self._start.match(text, pos):
                at = pos  # right after a token nothing is attached: any rule may begin
            elif match := self._jump.search(text, pos):
                at = match.start()
            else:
                return tokens
            best = self._best_match(text, at, not scanner._left_ok(text, at, last_end))
            if best is None:
                pos = at + 1
                continue
            tokens.extend(best)
            pos = last_end = best[-1].end

    def _best_match(self, text: str, pos: int, attached: bool) -> Sequence[Token] | None:
        """Scanner._best_match over the rules that can start with the character at `pos`."""
        scanner = self._scanner
        best: Sequence[Token] | None = None
        best_end = pos
        for rule in self._rules_for(text[pos]):
            if attached and not rule.attachable:
                continue
            match = rule.pattern.match(text, pos)
            if match is None or match.end() <= best_end:
                continue
            if rule.right_boundary and not scanner._right_ok(text, match.end()):
                continue
            value = rule.build(match)
            if value is None:
                continue
            best = value if isinstance(value, Split) else (scanner._token(rule, match, value),)
            best_end = match.end()
        return best

    def _rules_for(self, char: str) -> tuple[TokenRule, ...]:
        rules = self._by_char.get(char)
        if rules is None:
            rules = self._by_char[char] = tuple(
                rule
                for rule, first in zip(self._scanner.rules, self._firsts, strict=True)
                if first.match(char)
            )
        return rules


def _first_chars(pattern: re.Pattern[str]) -> frozenset[str]:
    """One-character patterns, one of which the first character of any non-empty match of
    `pattern` matches."""
    atoms, _ = _sequence_first(sre_parser.parse(pattern.pattern, pattern.flags), pattern.flags)
    return atoms


def _one_of(atoms: frozenset[str]) -> re.Pattern[str]:
    """One pattern for one-character patterns, the plain character sets merged into one."""
    plain = sorted(atom for atom in atoms if atom.startswith("[") and not atom.startswith("[^"))
    merged = ["[" + "".join(atom[1:-1] for atom in plain) + "]"] if plain else []
    return re.compile("|".join(merged + sorted(atoms.difference(plain))))


_ANY_CHAR = "(?s:.)"


def _sequence_first(items: Iterable, flags: int) -> tuple[frozenset[str], bool]:
    """One-character patterns the first character of a non-empty match of a parsed sequence
    must match, and whether what follows the sequence may supply that character instead
    (the sequence can match empty without looking at it)."""
    atoms: set[str] = set()
    for op, av in items:
        first, open_ = _item_first(op, av, flags)
        atoms |= first
        if not open_:
            return frozenset(atoms), False
    return frozenset(atoms), True


def _item_first(op: object, av: object, flags: int) -> tuple[frozenset[str], bool]:
    if op is sre.LITERAL:
        return frozenset({_folded("[" + re.escape(chr(av)) + "]", flags)}), False
    if op is sre.NOT_LITERAL:
        return frozenset({_folded("[^" + re.escape(chr(av)) + "]", flags)}), False
    if op is sre.IN:
        return frozenset({_folded(_char_set(av), flags)}), False
    if op is sre.BRANCH:
        branches = [_sequence_first(branch, flags) for branch in av[1]]
        atoms = frozenset().union(*(atoms for atoms, _ in branches))
        return atoms, any(open_ for _, open_ in branches)
    if op is sre.SUBPATTERN:
        _, add, remove, items = av
        return _sequence_first(items, (flags | add) & ~remove)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, _, items = av
        atoms, open_ = _sequence_first(items, flags)
        return atoms, open_ or low == 0
    if op is sre.ATOMIC_GROUP:
        return _sequence_first(av, flags)
    if op is sre.ASSERT and av[0] == 1:
        atoms, open_ = _sequence_first(av[1], flags)
        if not open_:
            return atoms, False  # a lookahead that must see one of these characters
    if op in (sre.ASSERT, sre.ASSERT_NOT, sre.AT):
        return frozenset(), True  # zero width: what follows starts the match
    return frozenset({_ANY_CHAR}), False


_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d",
    sre.CATEGORY_NOT_DIGIT: r"\D",
    sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S",
    sre.CATEGORY_WORD: r"\w",
    sre.CATEGORY_NOT_WORD: r"\W",
}


def _char_set(items: list) -> str:
    """A parsed character set as a pattern; any character when it holds something unknown."""
    parts = []
    for op, av in items:
        if op is sre.NEGATE:
            parts.append("^")
        elif op is sre.LITERAL:
            parts.append(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.append(re.escape(chr(av[0])) + "-" + re.escape(chr(av[1])))
        elif op is sre.CATEGORY and av in _CATEGORIES:
            parts.append(_CATEGORIES[av])
        else:
            return _ANY_CHAR
    return "[" + "".join(parts) + "]"


def _folded(atom: str, flags: int) -> str:
    return f"(?i:{atom})" if flags & re.IGNORECASE else atom


# Two far-apart reference days: an expression that resolves the same against both is absolute.
_PROBE_A = datetime.date(2001, 7, 15)
_PROBE_B = datetime.date(2013, 2, 15)

_HANGUL = re.compile(r"[가-힣]")
_QUALIFIER = re.compile(r" ?\(\s*([^()\n]{2,15}?)\s*\)")
_RANGE_SEP = re.compile(r"부터|[~∼〜]")
_SENTENCE_END = re.compile(r"다(?=[.\"'”’」』]|\s*$)|[.?!](?=\s|$)")
_CAPTION = re.compile(
    r"(?:^|[\s=.,])(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?\s*(?:/\s*[\w가-힣 ]{1,12}|[가-힣]{2,6})?"
    r"(?:\s*[ⓒ©][^\n]{0,60})?\s*[)\]]?\s*$"
)
_MONTH_DAY = re.compile(
    r"(?<![가-힣\d])(?:지난\s?달|이번\s?달|다음\s?달|이달|내달|\d{1,2}월)\s?\d{1,2}일(?![가-힣])"
)
_OPEN_DAY = re.compile(r"(?:지난|오는)?\s?\d{1,2}일")
_WORD_CHAR = re.compile(r"[A-Za-z0-9_\-/]")
_BARE_YEAR = re.compile(r"\d{2}년")
_ANAPHOR_NEXT = frozenset("은는이가도에의부까로과와만")
_BATCHIM_SS = 20
_BATCHIM_N = 4


def find_times(text: str, *, published: datetime.date | None) -> tuple[Timex, ...]:
    """All temporal expressions in `text` (a whole article body, many sentences), in order.

    이날/같은 날 take the last day mentioned before them, or the article's own date when
    none was; 당시 takes the last time mentioned, whatever its precision (2015년 … 당시 →
    2015). In a photo caption only its first time counts: what follows it describes the
    photo (사진은 지난해 4월 …) and its closing stamp is when the photo ran.
    """
    found: list[Timex] = []
    last_day: datetime.date | None = None
    last_time: Timex | None = None
    offset = 0
    for line in text.splitlines(keepends=True):
        caption = _caption_date(line)
        anchor = caption or published
        told = False
        for item in _line_times(line, anchor):
            if isinstance(item, Timex):
                timex = item
            elif line[item[0] : item[1]] in _lexicon().then and last_time is not None:
                start, end, _, role, local = item
                timex = replace(
                    last_time,
                    text=line[start:end],
                    start=start,
                    end=end,
                    role=role,
                    local_time=local,
                )
            else:
                start, end, shift, role, local = item
                base = last_day or anchor
                value = None if base is None else base + datetime.timedelta(days=shift)
                timex = Timex(
                    text=line[start:end],
                    start=start,
                    end=end,
                    value=None if value is None else value.isoformat(),
                    precision=None if value is None else "day",
                    role=role,
                    local_time=local,
                )
            if timex.value is not None and not told:
                last_time = timex
                if timex.precision == "day":
                    last_day = datetime.date.fromisoformat(timex.value)
                    told = caption is not None
            found.append(
                Timex(
                    text=timex.text,
                    start=timex.start + offset,
                    end=timex.end + offset,
                    value=timex.value,
                    precision=timex.precision,
                    role=timex.role,
                    local_time=timex.local_time,
                )
            )
        offset += len(line)
    return tuple(found)


def _caption_date(line: str) -> datetime.date | None:
    match = _CAPTION.search(line.rstrip())
    if match is None or not line[: match.start()].strip():
        return None
    return _safe_date(*(int(g) for g in match.groups()))


def _safe_date(year: int, month: int, day: int) -> datetime.date | None:
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


_Anaphor = tuple[int, int, int, str, bool]


def _line_times(line: str, anchor: datetime.date | None) -> list[Timex | _Anaphor]:
    """Timexes of one line, in line offsets; anaphors come back unresolved, in order."""
    ref = anchor or _PROBE_A
    base = _parse_all(Cycle.NEAREST, line, ref)
    by_cycle = _Readings(line, ref)
    probe = _Readings(line, _PROBE_B)
    items: list[Timex | _Anaphor] = []
    taken: list[tuple[int, int]] = []
    for index, result in enumerate(base):
        if not _is_date(line, result):
            continue
        next_start = base[index + 1].span[0] if index + 1 < len(base) else len(line)
        chosen = _choose(line, result, by_cycle, next_start)
        relative = anchor is None and _moves(result, probe.get(Cycle.NEAREST, result.span))
        items.extend(_timexes(line, chosen, ref, relative=relative))
        taken.append(result.span)
    for match in _MONTH_DAY.finditer(line):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            stop, role, local = _trail(line, match.end())
            items.append(
                Timex(line[match.start() : stop], match.start(), stop, None, None, role, local)
            )
            taken.append(match.span())
    lex = _lexicon()
    for match in _anaphor_pattern().finditer(line):
        start, end = match.span(1)
        after = line[end : end + 1]
        if _HANGUL.match(after) and after not in _ANAPHOR_NEXT:
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        stop, role, local = _trail(line, end)
        items.append((start, stop, lex.anaphors[match.group(1)], role, local))
    return sorted(items, key=lambda item: item.start if isinstance(item, Timex) else item[0])


@cache
def _anaphor_pattern() -> re.Pattern[str]:
    words = sorted(_lexicon().anaphors, key=len, reverse=True)
    return re.compile(r"(?<![가-힣])(" + "|".join(map(re.escape, words)) + ")")


def _is_date(line: str, result: TemporalExpression) -> bool:
    start, end = result.span
    if result.kind is Kind.TIME or (start > 0 and line[start - 1].isdigit()):
        return False
    if result.is_range and not _RANGE_SEP.search(result.text):
        return False
    if _WORD_CHAR.match(line[start - 1 : start] if start else "") or _WORD_CHAR.match(
        line[end : end + 1].replace("/", "")
    ):
        return False  # inside a code, a URL or a model name: 9-6 in a file name
    bare_year = Ambiguity.TWO_DIGIT_YEAR in result.ambiguities and _BARE_YEAR.match(result.text)
    if bare_year and not (start and line[start - 1] in "'’‘"):
        return False  # 10년 is ten years, '25년 is 2025
    rest = line[end:]
    for word in _lexicon().blockers:
        if rest.startswith(word) or (len(word) > 1 and rest.startswith(" " + word)):
            return False
    return True


def _moves(result: TemporalExpression, other: TemporalExpression | None) -> bool:
    return other is None or (other.start, other.end) != (result.start, result.end)


class _Readings:
    """A line's expressions by span as each cycle's parser reads them against one reference
    day, each cycle parsed only when first asked for."""

    def __init__(self, line: str, ref: datetime.date) -> None:
        self._line = line
        self._ref = ref
        self._by_cycle: dict[Cycle, dict[tuple[int, int], TemporalExpression]] = {}

    def get(self, cycle: Cycle, span: tuple[int, int]) -> TemporalExpression | None:
        if cycle not in self._by_cycle:
            results = _parse_all(cycle, self._line, self._ref)
            self._by_cycle[cycle] = {r.span: r for r in results}
        return self._by_cycle[cycle].get(span)


def _choose(
    line: str, result: TemporalExpression, by_cycle: _Readings, next_start: int
) -> TemporalExpression:
    past = by_cycle.get(Cycle.PAST, result.span)
    future = by_cycle.get(Cycle.FUTURE, result.span)
    if past is None or future is None or (past.start, past.end) == (future.start, future.end):
        return result
    if result.grain in (Grain.QUARTER, Grain.HALF_YEAR):
        current = by_cycle.get(Cycle.CURRENT, result.span)
        return result if current is None else current
    tense = _tense(line, result.span[1], next_start)
    if tense == "past":
        return past
    if tense == "future" or (tense is None and _trail(line, result.span[1])[1] == "end"):
        return future  # a deadline (…까지) in a clause of unclear tense lies ahead
    return result


def _tense(line: str, end: int, next_start: int) -> str | None:
    """ "past", "future" or None (unclear) for the clause that follows a date."""
    match = _SENTENCE_END.search(line, end)
    sentence_end = match.start() if match else len(line)
    if any(word in line[end : min(next_start, sentence_end)] for word in _lexicon().future):
        return "future"
    if match is None or match.group() != "다" or match.start() == 0:
        return None
    syllable = line[match.start() - 1]
    if not _HANGUL.match(syllable) or syllable in "있없":
        return None
    batchim = (ord(syllable) - 0xAC00) % 28
    if syllable == "겠" or batchim == _BATCHIM_N:
        return "future"
    return "past" if batchim == _BATCHIM_SS else None


def _months(moment: datetime.datetime, ref: datetime.date) -> int:
    return (moment.year - ref.year) * 12 + moment.month - ref.month


def _timexes(
    line: str, result: TemporalExpression, ref: datetime.date, *, relative: bool
) -> list[Timex]:
    start, end = result.span
    if start > 0 and line[start - 1] in "'’‘" and line[start].isdigit():
        start -= 1
    stop, role, local = _trail(line, end)
    vague = result.kind is Kind.VAGUE or result.text in _lexicon().vague
    if not result.is_range:
        grain = result.grain
        if grain is Grain.DAY and result.end - result.start > datetime.timedelta(days=7):
            grain = Grain.MONTH  # 지난달 말, 이달 초: a part of a month is kept at month precision
        value, precision = (None, None) if vague or relative else _iso(result.start, grain)
        if _OPEN_DAY.fullmatch(result.text) and abs(_months(result.start, ref)) > 1:
            value, precision = None, None  # 지난 31일 on 3 May: April has no 31st
        return [Timex(line[start:stop], start, stop, value, precision, role, local)]
    sep = _RANGE_SEP.search(line, start, end)
    assert sep is not None  # _is_date keeps only ranges with a separator
    first_end = sep.end() if sep.group() == "부터" else sep.start()
    second = sep.end() + len(line[sep.end() : end]) - len(line[sep.end() : end].lstrip())
    first_grain = _grain(line[start:first_end], result.grain)
    second_grain = _grain(line[second:end], result.grain)
    last = result.end - datetime.timedelta(microseconds=1)
    first_value = (None, None) if relative else _iso(result.start, first_grain)
    second_value = (None, None) if relative else _iso(last, second_grain)
    return [
        Timex(line[start:first_end], start, first_end, *first_value, "start"),
        Timex(line[second:stop], second, stop, *second_value, "end", local),
    ]


def _trail(line: str, end: int) -> tuple[int, str, bool]:
    """Where a Timex ends once a qualifier and role word after `end` are taken in."""
    lex = _lexicon()
    local = False
    for word in lex.parts if line[:end].endswith(("년", "해", "달", "월", "기")) else ():
        after = end + (line[end : end + 1] == " ") + len(word)
        if line[after - len(word) : after] == word and (
            not _HANGUL.match(line[after : after + 1])
            or any(line.startswith(role, after) for role in lex.roles)
        ):
            end = after
            break
    qualifier = _QUALIFIER.match(line, end)
    if qualifier and qualifier.group(1).replace(" ", "") in lex.qualifiers:
        end, local = qualifier.end(), True
    for word, role in lex.roles.items():
        if line.startswith(word, end) or line.startswith(" " + word, end):
            return end + len(word) + (line[end] == " "), role, local
    for word, role in lex.roles.items():
        if line[:end].endswith(word):
            return end, role, local
    return end, "point", local


def _grain(part: str, default: Grain) -> Grain:
    results = _parse_all(Cycle.NEAREST, part, _PROBE_A)
    return results[0].grain if results else default


def _iso(moment: datetime.datetime, grain: Grain) -> tuple[str, str]:
    day = moment.date()
    if grain is Grain.YEAR:
        return f"{day.year:04d}", "year"
    if grain is Grain.HALF_YEAR:
        return f"{day.year:04d}-H{1 if day.month < 7 else 2}", "half"
    if grain is Grain.QUARTER:
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}", "quarter"
    if grain is Grain.MONTH:
        return f"{day.year:04d}-{day.month:02d}", "month"
    if grain is Grain.WEEK:
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}", "week"
    return day.isoformat(), "day"


_VALUE = re.compile(r"(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])|W(\d{2})))?")


def _bounds(value: str) -> tuple[datetime.date, datetime.date]:
    match = _VALUE.fullmatch(value)
    if match is None:
        raise InputError(
            f"{value!r} is not a time value; use YYYY, YYYY-MM, YYYY-MM-DD, "
            "YYYY-Qn, YYYY-Hn or YYYY-Www"
        )
    year = int(match[1])
    if match[3]:
        day = _safe_date(year, int(match[2]), int(match[3]))
        if day is None:
            raise InputError(f"{value!r} is not a calendar date")
        return day, day
    if match[2] or match[4] or match[5]:
        if match[2]:
            first, months = int(match[2]), 1
        elif match[4]:
            first, months = (int(match[4]) - 1) * 3 + 1, 3
        else:
            first, months = (int(match[5]) - 1) * 6 + 1, 6
        if not 1 <= first <= 12:
            raise InputError(f"{value!r} has no month {first}")
        last = first + months - 1
        return datetime.date(year, first, 1), datetime.date(
            year, last, calendar.monthrange(year, last)[1]
        )
    if match[6]:
        monday = datetime.date.fromisocalendar(year, int(match[6]), 1)
        return monday, monday + datetime.timedelta(days=6)
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


def iso_value(value: str) -> str:
    """The value as YYYY-MM-DD, YYYY-MM or YYYY: the finest of these that contains it.

    Quarters, halves and weeks (2025-Q1, 2025-H2, 2024-W25) have no such form of their
    own; statements.jsonl gives them as the month or year they lie in.
    """
    first, last = earliest_day(value), latest_day(value)
    if first == last:
        return first.isoformat()
    if (first.year, first.month) == (last.year, last.month):
        return first.isoformat()[:7]
    return f"{first.year:04d}" if first.year == last.year else value


def earliest_day(value: str) -> datetime.date:
    """The first day a time value covers: "2025-01" -> 2025-01-01, "2025-Q2" -> 2025-04-01."""
    return _bounds(value)[0]


def latest_day(value: str) -> datetime.date:
    """The last day a time value covers: "2024-06" -> 2024-06-30, "2024" -> 2024-12-31."""
    return _bounds(value)[1]


_FULL_DATE = r"(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})일?"
_CLOCK = r"(?:\s*,?\s*(?:오전|오후|AM|PM)?\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_PURE_STAMP = re.compile(
    r"[\s|:·\[\]()]*" + _FULL_DATE + _CLOCK + r"[\s|:·\[\]()]*(?:기사원문)?\s*"
)
_DATED_LINE = re.compile(
    r"^\W*\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}.*[가-힣]|[가-힣].*\d{4}[.\-/]\d{1,2}[.\-/]\d{1,2}\W*$"
)
_IMAGE_URL = re.compile(r"\S+?\.(?:jpe?g|png|gif|webp)\b", re.IGNORECASE)
_PATH_DATES = (
    re.compile(r"/(20\d{2})(\d{2})/(\d{2})/"),
    re.compile(r"/(20\d{2})/(\d{2})/(\d{2})/"),
    re.compile(r"/(20\d{2})(\d{2})(\d{2})\d{6}"),
)
_BYLINE = re.compile(r"기자|특파원|[\w.]+@[\w.]+")
_CAPTION_CREDIT = re.compile(
    r"(?:=\s*" + _FULL_DATE + r")|(?:" + _FULL_DATE + r"\s*/\s*[\w가-힣]+)"
)
_TOP_LINES = 12
_BYLINE_MAX = 80


def guess_published(text: str) -> PublishedGuess | None:
    """The article's own date from stamps in its text; None when unsure.

    Reads, most trusted first: labelled stamps (입력, 등록, 수정 …), a line that is only a
    date near the top (dateline), a short byline line with a date, dates in image paths,
    and a dated photo credit. Lines that pair a date with a headline (related-news lists,
    other articles) are never read, and a stamp without a year (작성일 05-10) only confirms a
    date found elsewhere.
    """
    lex = _lexicon()
    labels = "|".join(sorted(map(re.escape, lex.stamps), key=len, reverse=True))
    labelled = re.compile(r"(?<![가-힣])(" + labels + r")\s*[:：]?\s*" + _FULL_DATE)
    yearless = re.compile(r"(?<![가-힣])(" + labels + r")\s*[:：]?\s*(\d{2})[.\-/](\d{2})(?!\d)")
    guesses: list[PublishedGuess] = []
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for match in labelled.finditer(text):
        day = _safe_date(int(match[2]), int(match[3]), int(match[4]))
        if day:
            guesses.append(PublishedGuess(day, f"{match[1]} stamp", lex.stamps[match[1]]))
    for index, line in enumerate(lines[:_TOP_LINES]):
        stamp = _PURE_STAMP.fullmatch(line)
        near = lines[max(0, index - 1) : index + 2]
        if stamp and not any(_DATED_LINE.search(other) for other in near):
            day = _safe_date(int(stamp[1]), int(stamp[2]), int(stamp[3]))
            if day:
                guesses.append(PublishedGuess(day, "dateline", 0.75))
    for line in lines:
        date_match = re.search(_FULL_DATE, line)
        if date_match and len(line) <= _BYLINE_MAX and _BYLINE.search(line):
            day = _safe_date(int(date_match[1]), int(date_match[2]), int(date_match[3]))
            if day:
                guesses.append(PublishedGuess(day, "byline", 0.8))
    paths = Counter(
        day
        for url in _IMAGE_URL.findall(text)
        if "banner" not in url.lower()
        for pattern in _PATH_DATES
        for match in pattern.finditer(url)
        if (day := _safe_date(int(match[1]), int(match[2]), int(match[3])))
    )
    if paths:
        day, count = paths.most_common(1)[0]
        guesses.append(PublishedGuess(day, "image path", 0.7 if count > 1 else 0.6))
    for match in _CAPTION_CREDIT.finditer(text):
        groups = [int(g) for g in match.groups() if g]
        day = _safe_date(*groups[:3])
        if day:
            guesses.append(PublishedGuess(day, "caption", 0.5))
    if not guesses:
        return None
    best = max(guesses, key=lambda guess: guess.confidence)
    for match in yearless.finditer(text):
        if (best.date.month, best.date.day) == (int(match[2]), int(match[3])):
            source = f"{best.source} + {match[1]} stamp"
            return PublishedGuess(best.date, source, max(best.confidence, 0.85))
    return best
