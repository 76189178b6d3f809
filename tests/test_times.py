from __future__ import annotations

import csv
import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from korean_datetime import ParseOptions, TemporalParser

from kg.errors import InputError
from kg.times import Timex, _shared_scan, earliest_day, find_times, guess_published, latest_day

CASES = Path(__file__).parent / "data" / "timex_cases.tsv"
D = datetime.date


def _cases() -> list[tuple[str, str, str, str, str]]:
    with CASES.open(encoding="utf-8") as handle:
        rows = csv.reader(
            (line for line in handle if not line.startswith("#")),
            delimiter="\t",
            quoting=csv.QUOTE_NONE,
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


def _check(published: str, text: str, surface: str, value: str, role: str) -> str | None:
    """None when the case passes, else what went wrong."""
    day = None if published == "-" else D.fromisoformat(published)
    found = find_times(text, published=day)
    if surface == "-":
        return None if not found else f"false hit {found}"
    match = [t for t in found if t.text == surface]
    if not match:
        return f"{surface!r} not found in {found}"
    got = match[0]
    expected = None if value == "-" else value
    if (got.value, got.role) != (expected, role):
        return f"got {got.value!r}/{got.role}, expected {expected!r}/{role}"
    return None


def test_case_table_accuracy() -> None:
    cases = _cases()
    assert len(cases) >= 150
    failures = [(case, why) for case in cases if (why := _check(*case)) is not None]
    accuracy = 1 - len(failures) / len(cases)
    print(f"\ntimex accuracy: {accuracy:.3f} ({len(cases) - len(failures)}/{len(cases)})")
    for case, why in failures:
        print("  FAIL", case[0], case[1], "->", why)
    assert accuracy >= 0.98, failures


@pytest.mark.parametrize(
    ("published", "text", "surface", "value"),
    [
        (D(2024, 12, 15), "내달 9일 시행된다.", "내달 9일", "2025-01-09"),
        (D(2025, 3, 15), "지난달 31일 끝났다.", "지난달 31일", None),
        (D(2025, 1, 1), "지난해 8월 제휴했다.", "지난해 8월", "2024-08"),
        (D(2025, 1, 1), "지난해 실적이 좋았다.", "지난해", "2024"),
        (D(2024, 1, 5), "지난 28일 발표했다.", "지난 28일", "2023-12-28"),
        (D(2024, 6, 28), "지난 25일(현지시간) 발표했다.", "지난 25일(현지시간)", "2024-06-25"),
        (D(2024, 6, 28), "올해 1분기 지출", "올해 1분기", "2024-Q1"),
    ],
)
def test_roll_overs_and_core_forms(
    published: datetime.date, text: str, surface: str, value: str | None
) -> None:
    (timex,) = find_times(text, published=published)
    assert (timex.text, timex.value) == (surface, value)


def test_spans_index_the_input_across_lines() -> None:
    text = "첫 줄이다.\n오픈AI는 지난 25일(현지시간) 발표했다.\n내달 9일부터 차단할 계획이다."
    found = find_times(text, published=D(2024, 6, 28))
    assert [t.text for t in found] == ["지난 25일(현지시간)", "내달 9일부터"]
    for timex in found:
        assert text[timex.start : timex.end] == timex.text


def test_qualifier_sets_local_time_and_keeps_role() -> None:
    (timex,) = find_times("이달 9일(미국시간)부터 적용됐다.", published=D(2024, 7, 11))
    assert timex == Timex("이달 9일(미국시간)부터", 0, 13, "2024-07-09", "day", "start", True)


def test_range_gives_a_start_and_an_end() -> None:
    found = find_times("2024년 7월부터 2025년 1월까지 진행한다.", published=D(2024, 6, 28))
    assert [(t.text, t.value, t.precision, t.role) for t in found] == [
        ("2024년 7월부터", "2024-07", "month", "start"),
        ("2025년 1월까지", "2025-01", "month", "end"),
    ]


def test_tense_places_an_open_day() -> None:
    past = find_times("회사는 25일 공개했다.", published=D(2024, 6, 10))
    coming = find_times("회사는 25일 공개할 예정이다.", published=D(2024, 6, 10))
    assert (past[0].value, coming[0].value) == ("2024-05-25", "2024-06-25")


def test_anaphors_inherit_the_last_day() -> None:
    text = "2024년 5월 3일 계약했다. 2024년 8월 발표가 있었다. 이날 주가가 올랐다. 전날 합의했다."
    found = find_times(text, published=D(2024, 9, 1))
    assert [(t.text, t.value) for t in found][-2:] == [
        ("이날", "2024-05-03"),
        ("전날", "2024-05-02"),
    ]


def test_caption_date_anchors_its_own_line_only() -> None:
    text = "지난 28일 협약을 맺었다.\n행사장 모습. 지난 28일 촬영 = 2025.3.1 연합뉴스"
    first, second, _stamp = find_times(text, published=D(2025, 3, 10))
    assert (first.value, second.value) == ("2025-02-28", "2025-02-28")
    assert find_times(text, published=D(2025, 4, 30))[0].value == "2025-04-28"


def test_after_a_caption_this_day_is_the_captions_first_day() -> None:
    text = (
        "[서울=연합] 정부가 16일 새 규제를 발표했다. 사진은 지난해 4월 3일 회의 모습. 2024.12.17\n"
        "정부는 이날 기업 세 곳을 명단에 올렸다."
    )
    found = find_times(text, published=D(2024, 12, 18))
    assert [(t.text, t.value) for t in found][-1] == ("이날", "2024-12-16")


def test_without_published_date_relative_values_are_none() -> None:
    found = find_times("2025년 2월 4일과 지난 25일, 올해 1분기", published=None)
    assert [(t.text, t.value) for t in found] == [
        ("2025년 2월 4일", "2025-02-04"),
        ("지난 25일", None),
        ("올해 1분기", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "14억달러(약 1조9000원) 이상의 투자를 받았다.",
        "3년 연속 성장했다.",
        "125일 동안 협상했다.",
        "처리할 수 있는 양이 늘었다.",
        "전년 동기 대비 20% 늘었다.",
        "같은 날씨가 이어졌다.",
    ],
)
def test_no_false_hits(text: str) -> None:
    assert find_times(text, published=D(2024, 6, 28)) == ()


def test_day_inside_a_number_does_not_match() -> None:
    assert [t.text for t in find_times("125일과 25일", published=D(2024, 6, 28))] == ["25일"]


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("2025-01-27", D(2025, 1, 27), D(2025, 1, 27)),
        ("2025-01", D(2025, 1, 1), D(2025, 1, 31)),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29)),
        ("2024", D(2024, 1, 1), D(2024, 12, 31)),
        ("2025-Q2", D(2025, 4, 1), D(2025, 6, 30)),
        ("2025-H2", D(2025, 7, 1), D(2025, 12, 31)),
        ("2024-W25", D(2024, 6, 17), D(2024, 6, 23)),
    ],
)
def test_earliest_and_latest_day(value: str, first: datetime.date, last: datetime.date) -> None:
    assert (earliest_day(value), latest_day(value)) == (first, last)


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "25년", ""])
def test_bad_values_raise_input_error(value: str) -> None:
    with pytest.raises(InputError):
        earliest_day(value)


def test_guess_published_reads_the_input_stamp() -> None:
    text = "제목 줄\n입력 2025.01.07 04:34\n수정 2025.01.08 05:43\n본문이 이어진다."
    guess = guess_published(text)
    assert guess is not None
    assert (guess.date, guess.source) == (D(2025, 1, 7), "입력 stamp")


def test_guess_published_reads_a_dateline_and_a_byline() -> None:
    dateline = guess_published("제목\n||2024.11.07\n본문은 6일 나온 발표를 다룬다.")
    byline = guess_published("본문이다.\n홍길동 기자 2024.03.10 15:14\n끝.")
    assert dateline is not None and (dateline.date, dateline.source) == (D(2024, 11, 7), "dateline")
    assert byline is not None and (byline.date, byline.source) == (D(2024, 3, 10), "byline")


def test_guess_published_reads_image_paths_and_a_yearless_stamp() -> None:
    text = (
        "제목 작성일 05-10 목록\n"
        "![사진](https://img.example.com/news/202505/10/photo1.jpg)\n"
        "![사진](https://img.example.com/news/202505/10/photo2.jpg)\n"
    )
    guess = guess_published(text)
    assert guess is not None
    assert (guess.date, guess.source) == (D(2025, 5, 10), "image path + 작성일 stamp")


def test_guess_published_ignores_related_news_lists_and_yearless_stamps() -> None:
    listing = (
        "본문 마지막 문장이다.\n"
        "다른 기사 제목 하나\n"
        "2025-01-27 15:38:06'다른 기사' 제목 둘\n"
        "2025-01-27 13:02:27다른 기사 제목 셋\n"
        "2025-01-27 09:43:02\n"
        "48117 다른 기사 제목 넷 랭크뉴스 2025.06.27\n"
    )
    assert guess_published(listing) is None
    assert guess_published("제목 작성일 05-10 목록\n본문이다.") is None
    assert guess_published("Copyright © 2025 어느 신문. 무단전재 금지.") is None


def test_then_takes_the_last_time_at_its_precision() -> None:
    text = (
        "2015년 두 회사가 처음 맞붙었다. 당시 시장은 작았다. "
        "2024년 3월 5일 협약했다. 당시 둘은 웃었다."
    )
    found = find_times(text, published=D(2026, 2, 2))
    assert [(t.text, t.value) for t in found if t.text == "당시"] == [
        ("당시", "2015"),
        ("당시", "2024-03-05"),
    ]


def test_a_caption_with_a_photo_credit_after_its_date_still_anchors_its_line() -> None:
    text = "두 대표가 4일 악수하고 있다. 2025.2.4/뉴스1 ⓒ News1 홍길동 기자 /사진=뉴스1"
    assert find_times(text, published=D(2025, 5, 10))[0].value == "2025-02-04"


_DATE_CHARS = "0123456789 .-/:~(),년월일주시분초반말지난오는내달이번올해전후뒤앞첫째금요AaPpMm"
_DATE_TEXT = st.text(
    alphabet=st.sampled_from(_DATE_CHARS + "다음날그저께하루사흘분기상하반기현재최근낮밤새벽"),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(text=_DATE_TEXT)
def test_scan_finds_the_tokens_of_the_library_scanner(text: str) -> None:
    library = TemporalParser(ParseOptions(vague=True))._scanner
    assert _shared_scan(library).scan(text) == library.scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "오픈AI는 2025년 3월 4일 오전 10시 30분(현지시간) 새 모델을 공개했다.",
        "지난달 말 발표된 계획은 내년 상반기까지 이어지며, 다음 주 월요일부터 시행된다.",
        "그는 이틀 뒤 다시 만났고 사흘 전에도 통화했다. 3~5일 사이, 24.3.15 기준",
        "최근 실적은 1분기보다 낮은 수준이며 밤 9시 이후 PM 2:30에 재개된다.",
    ],
)
def test_scan_matches_the_library_on_news_sentences(text: str) -> None:
    library = TemporalParser(ParseOptions(vague=True))._scanner
    assert library.scan(text)
    assert _shared_scan(library).scan(text) == library.scan(text)
