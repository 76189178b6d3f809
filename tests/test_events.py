"""Events: a cue that continues an event of an earlier sentence takes its missing side from
it (participants added in the next sentence, lists, 투자자로는, 양사, headlines), and only
when the sentence signals the continuation."""

from __future__ import annotations

import datetime as dt

from kg.documents import Document
from kg.explain import explain
from kg.pipeline import extract


def document(text: str, date: str = "2025-03-20") -> Document:
    return Document(
        id="t", text=text, published=dt.date.fromisoformat(date), body=((0, len(text)),)
    )


def triples(statements, predicate: str | None = None) -> set[tuple[str, str, str]]:
    return {
        (s.subject.ko, s.predicate, s.object.ko)
        for s in statements
        if predicate is None or s.predicate == predicate
    }


def test_participants_of_the_next_sentence_fund_the_company_that_raised(resources):
    text = (
        "인공지능 스타트업 노바랩스는 지난 3일 1억 달러 규모의 시리즈 B 투자를 유치했다. "
        "이번 투자에는 삼성전자, 네이버, 소프트뱅크 등이 참여했다."
    )
    found = extract(document(text), resources)
    funds = [s for s in found if s.predicate == "funds"]
    assert {(s.subject.ko, s.object.ko) for s in funds} == {
        ("삼성전자", "노바랩스"),
        ("네이버", "노바랩스"),
        ("소프트뱅크", "노바랩스"),
    }
    for s in funds:
        assert s.time is not None and s.time.value == "2025-03-03"
        assert s.confidence < 0.8
        assert len(s.evidence) == 2


def test_a_list_added_to_a_named_list_is_sanctioned_by_who_made_it_on_its_date(resources):
    text = (
        "미국 상무부는 12일 수출 통제 명단에 중국 기업 여러 곳을 추가했다. "
        "명단에는 화웨이, 중국 최대 파운드리 업체 SMIC, 인터넷 기업 텐센트 등이 새로 추가됐다."
    )
    found = extract(document(text), resources)
    sanctioned = {s.subject.ko for s in found if s.predicate == "sanctionedBy"}
    assert sanctioned == {"화웨이", "SMIC", "텐센트"}
    assert {s.object.ko for s in found if s.predicate == "sanctionedBy"} == {"미국 상무부"}
    assert {s.time.value for s in found if s.time} == {"2025-03-12"}


def test_investors_named_by_a_relational_noun_fund_the_round(resources):
    text = (
        "xAI는 이번 라운드에서 60억 달러 규모의 투자를 받았다. "
        "전략적 투자자로는 엔비디아와 AMD가 이름을 올렸다."
    )
    found = extract(document(text), resources)
    assert triples(found, "funds") == {("엔비디아", "funds", "xAI"), ("AMD", "funds", "xAI")}


def test_taking_part_alone_continues_the_sentence_before(resources):
    text = (
        "인공지능 스타트업 노바랩스는 지난 3일 시리즈 A 투자를 유치했다. "
        "네이버와 카카오가 참여했다."
    )
    found = extract(document(text), resources)
    assert triples(found, "funds") == {
        ("네이버", "funds", "노바랩스"),
        ("카카오", "funds", "노바랩스"),
    }


def test_the_pair_of_the_last_symmetric_event_is_what_yangsa_names(resources):
    text = (
        "네이버는 국내 검색 시장에서 카카오와 경쟁하고 있다. "
        "그러나 양사는 최근 클라우드 분야에서 협력하기로 했다."
    )
    found = extract(document(text), resources)
    assert {frozenset((s, o)) for s, p, o in triples(found, "partnersWith")} == {
        frozenset(("네이버", "카카오"))
    }


def test_two_companies_name_the_pair(resources):
    text = (
        "삼성전자는 지난 5일 네이버와 전략적 제휴를 맺었다. "
        "두 회사는 앞으로 AI 반도체를 공동 개발할 예정이다."
    )
    found = extract(document(text), resources)
    planned = [s for s in found if s.predicate == "partnersWith" and s.modality == "planned"]
    assert {frozenset((s.subject.ko, s.object.ko)) for s in planned} == {
        frozenset(("삼성전자", "네이버"))
    }
    assert planned[0].time is not None and planned[0].time.value == "2025-03-05"


def test_a_headline_lists_whom_it_adds(resources):
    text = "美상무부, 수출 통제 명단에 화웨이·SMIC 등 추가\n\n관련 내용은 아래와 같다."
    found = extract(document(text), resources)
    assert triples(found, "sanctionedBy") == {
        ("화웨이", "sanctionedBy", "미국 상무부"),
        ("SMIC", "sanctionedBy", "미국 상무부"),
    }


def test_a_new_event_of_the_kind_does_not_inherit_the_old_participants(resources):
    text = (
        "인공지능 스타트업 노바랩스는 지난달 시리즈 A 투자를 유치했다. "
        "한편 로봇 스타트업 하늘로보는 이달 시리즈 B 투자를 유치했다. "
        "이번 투자에는 삼성전자가 참여했다."
    )
    found = extract(document(text), resources)
    assert not any(s.object.ko == "노바랩스" for s in found if s.predicate == "funds")


def test_a_new_half_read_event_replaces_the_old_one(resources):
    text = (
        "인공지능 스타트업 노바랩스는 지난달 시리즈 A 투자를 유치했다. "
        "한편 카카오는 이달 해외 펀드로부터 대규모 투자를 유치했다. "
        "이번 투자에는 네이버도 참여했다."
    )
    found = extract(document(text), resources)
    assert triples(found, "funds") == {("네이버", "funds", "카카오")}


def test_a_continuation_too_far_away_completes_nothing(resources):
    text = (
        "인공지능 스타트업 노바랩스는 지난 3일 시리즈 B 투자를 유치했다. "
        "회사는 올해 매출 목표를 두 배로 높였다. "
        "신규 채용도 크게 늘릴 방침이다. "
        "연구소는 판교에 새로 문을 연다. "
        "해외 지사 설립도 검토하고 있다. "
        "이번 투자에는 삼성전자가 참여했다."
    )
    assert triples(extract(document(text), resources), "funds") == set()


def test_joiners_do_not_fund_a_company_that_invested_itself(resources):
    text = "엔비디아는 올해 AI 분야 투자를 크게 늘렸다. 이번 투자에는 AMD도 참여했다."
    assert triples(extract(document(text), resources), "funds") == set()


def test_without_a_signal_a_later_cue_starts_its_own_event(resources):
    text = (
        "미국 상무부는 12일 수출 통제 명단에 중국 기업 여러 곳을 추가했다. "
        "화웨이는 수출 통제에 강하게 반발했다."
    )
    found = extract(document(text), resources)
    assert triples(found, "sanctionedBy") == set()


def test_explain_says_where_a_completion_came_from(resources):
    text = (
        "인공지능 스타트업 노바랩스는 지난 3일 시리즈 B 투자를 유치했다. "
        "이번 투자에는 삼성전자가 참여했다."
    )
    out = explain(document(text), resources)
    assert "→ 삼성전자 funds 노바랩스" in out
    assert "completed from the funds event of 1 sentence(s) before" in out


def test_another_company_on_the_same_list_the_same_day(resources):
    text = (
        "미국 상무부는 15일 중국 AI 기업 여러 곳을 거래 제한 명단에 올렸다. "
        "같은 날 반도체 업체 SMIC도 해당 명단에 올랐다."
    )
    found = extract(document(text), resources)
    assert ("SMIC", "sanctionedBy", "미국 상무부") in triples(found, "sanctionedBy")
    smic = next(s for s in found if s.subject.ko == "SMIC")
    assert smic.time is not None and smic.time.value == "2025-03-15"


def test_a_headline_names_whom_it_adds_before_the_list_word(resources):
    text = "美 상무부, 中 반도체 업체 SMIC 수출통제 명단에 추가\n\n관련 내용은 아래와 같다."
    found = extract(document(text), resources)
    assert triples(found, "sanctionedBy") == {("SMIC", "sanctionedBy", "미국 상무부")}


def test_a_newcomer_joins_both_partners_of_an_alliance(resources):
    text = (
        "삼성전자와 네이버는 지난 5일 AI 반도체 동맹을 결성했다. 이번 동맹에는 카카오도 합류했다."
    )
    pairs = {frozenset((s, o)) for s, _, o in triples(extract(document(text), resources))}
    assert frozenset(("카카오", "삼성전자")) in pairs
    assert frozenset(("카카오", "네이버")) in pairs


def test_an_outsider_commenting_on_an_alliance_does_not_join_it(resources):
    text = (
        "삼성전자와 네이버는 지난 5일 AI 반도체 동맹을 결성했다. "
        "이번 동맹에 대해 카카오는 우려를 나타냈다."
    )
    pairs = {frozenset((s, o)) for s, _, o in triples(extract(document(text), resources))}
    assert not any("카카오" in pair for pair in pairs)


def test_companies_taken_off_the_list_are_not_sanctioned(resources):
    text = (
        "미국 상무부는 12일 수출 통제 명단에 중국 기업 여러 곳을 추가했다. "
        "다만 이번 명단에서 텐센트와 SMIC는 제외됐다."
    )
    found = extract(document(text), resources)
    assert not any(
        s.predicate == "sanctionedBy" and s.modality != "negated" and s.subject.ko == "텐센트"
        for s in found
    )


def test_what_lies_between_the_pair(resources):
    text = (
        "네이버는 지난해 카카오와 AI 연구 협력을 시작했다. "
        "그러나 최근 양사 간 경쟁이 다시 치열해지고 있다."
    )
    found = extract(document(text), resources)
    assert {frozenset((s, o)) for s, _, o in triples(found, "competesWith")} == {
        frozenset(("네이버", "카카오"))
    }


def test_a_newcomer_acts_beside_the_agent_of_a_directed_event(resources):
    text = "엔비디아는 지난 2일 xAI에 20억 달러를 투자했다. 이번 투자에는 AMD도 참여했다."
    found = extract(document(text), resources)
    assert triples(found, "funds") == {("엔비디아", "funds", "xAI"), ("AMD", "funds", "xAI")}


def test_a_country_joining_a_sanction_sanctions_its_target(resources):
    text = "미국은 지난 3일 화웨이를 제재했다. 이번 제재에는 영국도 곧바로 동참했다."
    found = extract(document(text), resources)
    assert ("화웨이", "sanctionedBy", "영국") in triples(found, "sanctionedBy")


def test_taking_part_in_something_else_does_not_join_a_complete_event(resources):
    text = "엔비디아는 지난 2일 xAI에 20억 달러를 투자했다. 인텔도 새 표준 연합에 참여했다."
    assert triples(extract(document(text), resources), "funds") == {("엔비디아", "funds", "xAI")}
