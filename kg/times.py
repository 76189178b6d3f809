"""Times: Korean temporal expressions, normalised against the article's date."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Timex:
    """A time expression: its span, ISO value at its precision, and role."""

    text: str
    start: int
    end: int
    value: str | None
    precision: str | None
    role: str = "point"
    local_time: bool = False


PATTERN = re.compile(
    r"(?P<abs>(?P<y>\d{4})년\s*(?:(?P<m>\d{1,2})월\s*(?:(?P<d>\d{1,2})일)?)?)"
    r"|(?P<dot>(?P<dy>\d{4})[.\-/](?P<dm>\d{1,2})[.\-/](?P<dd>\d{1,2}))"
    r"|(?P<rel>(?P<rw>지난해|작년|올해|올|내년|지난달|이달|내달|다음\s*달|지난)\s*"
    r"(?:(?P<rm>\d{1,2})월\s*)?(?:(?P<rd>\d{1,2})일)?)"
    r"|(?<!\d)(?P<md>(?P<mm>\d{1,2})월\s*(?P<mdd>\d{1,2})일)"
    r"|(?<![\d.])(?P<day>(?P<dday>\d{1,2})일)(?![\d가-힣])"
)
ROLE = re.compile(r"\s*(?:\((?:현지|미국)\s*시[간각]\)\s*)?(부터|이후|이래|까지)")
YEAR_OFFSET = {"지난해": -1, "작년": -1, "올해": 0, "올": 0, "내년": 1}
MONTH_OFFSET = {"지난달": -1, "이달": 0, "내달": 1}


def find_times(text: str, *, published: dt.date | None) -> tuple[Timex, ...]:
    """Every temporal expression in `text`, resolved against `published` where relative."""
    found = []
    for m in PATTERN.finditer(text):
        value, precision = resolve(m, published)
        if m.group("rel") and value is None and published is not None:
            continue
        role_match = ROLE.match(text, m.end())
        role = "point"
        if role_match:
            role = "end" if role_match.group(1) == "까지" else "start"
        local = bool(re.match(r"\s*\((?:현지|미국)\s*시[간각]\)", text[m.end() :]))
        found.append(Timex(m.group(0).strip(), m.start(), m.end(), value, precision, role, local))
    return tuple(found)


def resolve(m: re.Match, published: dt.date | None) -> tuple[str | None, str | None]:
    """The ISO value and precision of one match."""
    if m.group("abs"):
        return iso(int(m.group("y")), m.group("m"), m.group("d"))
    if m.group("dot"):
        return iso(int(m.group("dy")), m.group("dm"), m.group("dd"))
    if published is None:
        return None, None
    if m.group("rel"):
        word = re.sub(r"\s", "", m.group("rw"))
        month, day = m.group("rm"), m.group("rd")
        if word in YEAR_OFFSET:
            return iso(published.year + YEAR_OFFSET[word], month, day)
        if word in {"지난달", "이달", "내달", "다음달"}:
            if month:
                return None, None
            shift = MONTH_OFFSET.get(word, 1)
            index = published.year * 12 + published.month - 1 + shift
            return iso(index // 12, str(index % 12 + 1), day)
        if month:
            year = published.year if int(month) <= published.month else published.year - 1
            return iso(year, month, day)
        if day:
            return past_day(published, int(day))
        return None, None
    if m.group("md"):
        return iso(published.year, m.group("mm"), m.group("mdd"))
    return past_day(published, int(m.group("dday")))


def past_day(published: dt.date, day: int) -> tuple[str | None, str | None]:
    """Day `day` of this month when it is not after `published`, else of last month."""
    if day <= published.day:
        return iso(published.year, str(published.month), str(day))
    index = published.year * 12 + published.month - 2
    return iso(index // 12, str(index % 12 + 1), str(day))


def iso(year: int, month: str | None, day: str | None) -> tuple[str | None, str | None]:
    """An ISO string at the precision given, or None for an impossible date."""
    if not month:
        return f"{year:04d}", "year"
    m = int(month)
    if not 1 <= m <= 12:
        return None, None
    if not day:
        return f"{year:04d}-{m:02d}", "month"
    d = int(day)
    if not 1 <= d <= calendar.monthrange(year, m)[1]:
        return None, None
    return f"{year:04d}-{m:02d}-{d:02d}", "day"


def earliest_day(value: str) -> dt.date:
    """The first day a value covers: 2025-01 → 2025-01-01."""
    parts = [int(x) for x in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def latest_day(value: str) -> dt.date:
    """The last day a value covers: 2024-06 → 2024-06-30."""
    parts = [int(x) for x in value.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)
