"""Synthetic Korean news corpora of any size, for kg's speed and scale benchmarks.

Produces article records {id, title, published, source, url, text} that look like scraped
Korean tech news: the five relations kg extracts, each in several syntactic forms and
modalities, a growing pool of actors, relative and absolute date expressions, filler about
markets, products and quotes, and page furniture (bylines, 입력 stamps, photo captions,
copyright lines, 관련기사 blocks, HTML entities, stray tags, e-mail addresses).

Every sentence template is written for this generator. Records carry no annotations: the
corpus measures throughput, not accuracy. Article i depends only on (seed, i), so a corpus
of n + k articles starts with the corpus of n articles (what an incremental build needs),
and worker processes (--jobs) give the same corpus as one. Output is streamed: memory does
not grow with the corpus.

    python benchmarks/corpus.py --articles 1000 --seed 1 -o /tmp/corpus.jsonl
    python benchmarks/corpus.py --articles 200 --seed 1 --format dir -o /tmp/corpus_dir

From Python (benchmarks/ is not a package; load this file with importlib):
`generate(n, seed=1)` yields the records one at a time; `write_jsonl` and `write_dir`
stream them to disk.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from datetime import date, timedelta
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["generate", "main", "write_dir", "write_jsonl"]

# ---------------------------------------------------------------------------------------------
# Korean particles: 가/이, 는/은, 를/을, 와/과, 로/으로, 다/이다 follow the final consonant.

_AFTER_CONSONANT = {"가": "이", "는": "은", "를": "을", "와": "과"}
_DIGIT_CODA = {"0": 21, "1": 8, "3": 16, "6": 1, "7": 8, "8": 8}
_LETTER_CODA = {"L": 8, "R": 8, "M": 16, "N": 4}


def _coda(word: str) -> int:
    """Final consonant index of a word as read aloud: 0 none, 8 ㄹ, anything else another."""
    if word.endswith(")") and "(" in word:
        word = word[: word.rindex("(")]
    last = word.rstrip()[-1]
    if "가" <= last <= "힣":
        return (ord(last) - 0xAC00) % 28
    return _DIGIT_CODA.get(last, 0) or _LETTER_CODA.get(last.upper(), 0)


def _attach(word: str, particle: str) -> str:
    coda = _coda(word)
    head = particle[0]
    if coda and head in _AFTER_CONSONANT:
        return word + _AFTER_CONSONANT[head] + particle[1:]
    if head == "로" and coda and coda != 8:
        return word + "으" + particle
    if head == "다" and coda:
        return word + "이" + particle
    return word + particle


class _Forms(dict):
    """A word with its particles, filled lazily: forms["가"] is "구글이", forms.name "구글"."""

    def __init__(self, name: str) -> None:
        super().__init__({"": name})
        self.name = name

    def __missing__(self, particle: str) -> str:
        value = self[particle] = _attach(self.name, particle)
        return value


@lru_cache(maxsize=8192)
def _forms(name: str) -> _Forms:
    return _Forms(name)


# ---------------------------------------------------------------------------------------------
# Actors, products and other vocabulary.


def _words(text: str) -> tuple[str, ...]:
    """Split on spaces; "_" stands for a space inside a name."""
    return tuple(word.replace("_", " ") for word in text.split())


_COMPANIES = _words(
    "오픈AI 엔비디아 구글 마이크로소프트 메타 애플 아마존 삼성전자 SK하이닉스 네이버 카카오 "
    "딥시크 화웨이 알리바바 바이두 텐센트 바이트댄스 앤트로픽 TSMC 인텔 AMD 퀄컴 xAI "
    "미스트랄AI 즈푸AI 문샷AI 퍼플렉시티 코히어 업스테이지 리벨리온 퓨리오사AI 스케일AI "
    "허깅페이스 오라클 IBM ARM ASML 브로드컴 마이크론 SMIC 샤오미 센스타임 아이플라이텍 "
    "캠브리콘 LG전자 LG_AI연구원 KT SK텔레콤 LG유플러스 소프트뱅크 라쿠텐 폭스콘 델 시스코 "
    "세일즈포스 어도비 팔란티어 코어위브 테슬라 MS 구글_딥마인드 아마존웹서비스(AWS) "
    "스태빌리티AI 미드저니 런웨이 캐릭터닷AI 쿠팡 배달의민족 크래프톤 엔씨소프트 "
    "한화에어로스페이스 현대자동차 기아 포스코홀딩스 삼성SDS LG_CNS 뤼튼테크놀로지스 "
    "트웰브랩스 마키나락스 하이퍼커넥트 몰로코 셀렉트스타 올거나이즈 솔트룩스 "
    "미니맥스 바이촨 스텝펀 유니트리 호라이즌로보틱스 텐스토렌트 세레브라스 그로크 "
    "삼바노바 사이버에이전트 사쿠라인터넷 프리퍼드네트웍스 AT&T 버라이즌 ARM홀딩스"
)
_GOVERNMENTS = (
    "미국 상무부",
    "미국 재무부",
    "미국 국무부",
    "미국 국방부",
    "백악관",
    "미국 연방거래위원회(FTC)",
    "미국 의회",
    "중국 정부",
    "중국 상무부",
    "중국 공업정보화부",
    "중국 국가인터넷정보판공실",
    "유럽연합(EU)",
    "EU 집행위원회",
    "일본 경제산업성",
    "과학기술정보통신부",
    "산업통상자원부",
    "개인정보보호위원회",
    "공정거래위원회",
    "영국 정부",
    "대만 경제부",
    "네덜란드 정부",
    "이탈리아 개인정보보호청",
    "인도 정부",
    "러시아 정부",
    "호주 정부",
    "캐나다 정부",
    "독일 연방카르텔청",
    "프랑스 정부",
)
_COUNTRIES = _words(
    "미국 중국 한국 일본 대만 러시아 이란 북한 인도 독일 프랑스 영국 네덜란드 이탈리아 "
    "캐나다 호주 싱가포르 베트남 사우디아라비아 아랍에미리트(UAE) 이스라엘 브라질 말레이시아 "
    "인도네시아 튀르키예 폴란드 스웨덴 멕시코"
)
_PRODUCTS = _words(
    "챗GPT GPT-4o GPT-5 소라 제미나이 클로드 라마 코파일럿 하이퍼클로바X 엑사원 딥시크-R1 "
    "큐웬 어니봇 그록 H100 H20 B200 블랙웰 가우디3 HBM3E 갤럭시_AI 애플_인텔리전스 틱톡 "
    "위챗 카카오톡 솔라 아톰 제타 뤼튼 퍼플렉시티 코멧 딥시크-V3 키미 GLM-4 미스트랄_라지 "
    "노트북LM 웨이모_원 옵티머스 에이닷 익시 카나나"
)
_FIELDS = (
    "생성형 AI",
    "AI 반도체",
    "클라우드",
    "자율주행",
    "휴머노이드 로봇",
    "데이터센터",
    "초거대 AI",
    "온디바이스 AI",
    "AI 에이전트",
    "검색 광고",
    "헬스케어 AI",
    "사이버보안",
    "양자컴퓨팅",
    "고대역폭메모리(HBM)",
    "파운드리",
    "스마트폰",
    "전기차 배터리",
    "핀테크",
    "소버린 AI",
    "오픈소스 모델",
    "멀티모달 AI",
    "AI 가속기",
    "엣지 컴퓨팅",
    "추론 칩",
    "AI 영상 생성",
)
_MEDIA = (
    "블룸버그통신",
    "로이터통신",
    "월스트리트저널(WSJ)",
    "파이낸셜타임스(FT)",
    "뉴욕타임스(NYT)",
    "닛케이아시아",
    "CNBC",
    "더인포메이션",
    "사우스차이나모닝포스트(SCMP)",
    "테크크런치",
    "더버지",
    "차이신",
)
_ROLES = (
    "대표",
    "최고경영자(CEO)",
    "부사장",
    "수석연구원",
    "애널리스트",
    "전무",
    "본부장",
    "최고기술책임자(CTO)",
    "센터장",
    "의장",
    "연구위원",
    "사업부장",
)
_OUTLETS = (
    ("연합뉴스", "yna"),
    ("뉴스1", "news1"),
    ("뉴시스", "newsis"),
    ("조선비즈", "chosunbiz"),
    ("한국경제", "hankyung"),
    ("매일경제", "mk"),
    ("머니투데이", "mt"),
    ("전자신문", "etnews"),
    ("디지털데일리", "ddaily"),
    ("디지털타임스", "dt"),
    ("지디넷코리아", "zdnet"),
    ("아이뉴스24", "inews24"),
    ("파이낸셜뉴스", "fnnews"),
    ("서울경제", "sedaily"),
    ("이데일리", "edaily"),
    ("헤럴드경제", "heraldcorp"),
    ("아시아경제", "asiae"),
    ("중앙일보", "joongang"),
    ("동아일보", "donga"),
    ("한겨레", "hani"),
    ("경향신문", "khan"),
    ("블로터", "bloter"),
    ("테크M", "techm"),
    ("AI타임스", "aitimes"),
)
_AGENCIES = ("뉴스1", "연합뉴스", "뉴시스", "로이터=뉴스1", "AP=연합뉴스", "AFP=뉴스1")
_CITIES = ("서울", "세종", "워싱턴", "베이징", "도쿄", "실리콘밸리", "뉴욕", "상하이", "런던")

_SURNAMES = (
    ("김", "kim"),
    ("이", "lee"),
    ("박", "park"),
    ("최", "choi"),
    ("정", "jung"),
    ("강", "kang"),
    ("조", "cho"),
    ("윤", "yoon"),
    ("장", "jang"),
    ("임", "lim"),
    ("한", "han"),
    ("오", "oh"),
    ("서", "seo"),
    ("신", "shin"),
    ("권", "kwon"),
    ("황", "hwang"),
    ("안", "ahn"),
    ("송", "song"),
    ("홍", "hong"),
    ("유", "yoo"),
)
_GIVEN = (
    ("지", "ji"),
    ("민", "min"),
    ("서", "seo"),
    ("현", "hyun"),
    ("준", "jun"),
    ("영", "young"),
    ("수", "su"),
    ("은", "eun"),
    ("하", "ha"),
    ("윤", "yun"),
    ("도", "do"),
    ("재", "jae"),
    ("혜", "hye"),
    ("진", "jin"),
    ("우", "woo"),
    ("연", "yeon"),
    ("성", "sung"),
    ("희", "hee"),
    ("태", "tae"),
    ("경", "kyung"),
)
_FOREIGN_FIRST = _words("존 에밀리 마이클 사라 데이비드 로라 제임스 안나 토마스 리웨이 왕팡 다나카")
_FOREIGN_LAST = _words("커닝햄 왓슨 베넷 하퍼 로웰 피셔 모건 장 천 사토 브룩스 게일")

# Fictional companies: head + tail, then head + middle + tail; the pool grows with the corpus.
_HEADS = _words(
    "한빛 노바 새론 누리 미르 아라 별빛 온새 다온 루미 제타 코어 퀀텀 하늘 바른 에이블 비전 "
    "네오 큐브 씨앗 오로라 라온 해든 마루 가온 나래 보람 스텔라 아이온 옵티 유니 인피 제니스 "
    "카이 테라 펄스 헬릭스 벡터 시냅스 모아 다솜 한결 여울 초록 은하 솔빛 이음 온누리 브릿지 "
    "에코 아크 로고스 메타넷 딥웨이브 그린 블루 레드 하이 에스 케이 엠 지니 포스 파인 세움"
)
_MIDS = _words(
    "엑스 원 큐 브레인 로직 웨이브 링크 마인드 젠 비트 넷 랩 스카이 코드 셀 "
    "스타 빔 포인트 플로우 그리드 "
)
_TAILS = _words(
    "테크 AI 랩스 로보틱스 반도체 클라우드 소프트 바이오 모빌리티 데이터 시스템즈 네트웍스 "
    "에이아이 인텔리전스 솔루션 디지털 칩스 이노베이션 벤처스 파트너스 캐피탈 인베스트먼트 "
    "홀딩스 시큐리티 게임즈"
)
_FICTIONAL_PAIRS = len(_HEADS) * len(_TAILS)
_FICTIONAL_TOTAL = _FICTIONAL_PAIRS + len(_HEADS) * len(_MIDS) * len(_TAILS)


def _fictional_name(k: int) -> str:
    k %= _FICTIONAL_TOTAL
    heads = len(_HEADS)
    if k < _FICTIONAL_PAIRS:
        return _HEADS[k % heads] + _TAILS[k // heads]
    k -= _FICTIONAL_PAIRS
    mids = len(_MIDS)
    return _HEADS[k % heads] + _MIDS[(k // heads) % mids] + _TAILS[k // (heads * mids)]


def _pool_size(index: int) -> int:
    """How many fictional companies article `index` may name: grows with the corpus."""
    return min(_FICTIONAL_TOTAL, 300 + index // 2)


# ---------------------------------------------------------------------------------------------
# Sentence templates. Slots: A, B companies (B differs from A), G government body, C country,
# P product, S news medium, R role, M money amount — these take particles written after a
# vowel ({A가} becomes 구글이 or 노바AI가); T a time expression with a trailing space or
# nothing, D a time expression, F field, Q percentage, N count, Y year, X person, K and J
# quotes, W a caption date, Z a photo agency, L a city, V the verb ending chosen from the
# template's endings (its modality).

_FORM_SLOTS = frozenset("ABGCPSRM")
_CONSONANT_FORMS = frozenset("이은을과으")
_SLOT = re.compile(r"\{([A-Z])([^{}]*)\}")

_HADA = (
    "했다",
    "했다",
    "했다고 밝혔다",
    "할 계획이다",
    "할 예정이다",
    "할 방침이다",
    "할 전망이다",
    "할 것으로 전망된다",
    "하기로 했다",
    "하지 않기로 했다",
    "한 것으로 알려졌다",
    "하겠다고 발표했다",
    "하고 있다",
)
_DOEDA = ("됐다", "됐다", "될 예정이다", "될 전망이다", "되지 않았다", "된 것으로 알려졌다")
_EOTDA = (
    "었다",
    "었다",
    "기로 했다",
    "을 계획이다",
    "을 예정이다",
    "지 않기로 했다",
    "은 것으로 알려졌다",
)
_ATDA = (
    "았다",
    "았다",
    "기로 했다",
    "을 계획이다",
    "을 방침이다",
    "지 않기로 했다",
    "은 것으로 알려졌다",
)


class _Template(NamedTuple):
    """A sentence pattern for %-formatting and where each of its %s comes from."""

    pattern: str
    slots: tuple[str, ...]  # slots to fill, each once
    refs: tuple[tuple[str, str | None], ...]  # per %s: slot and particle (None: plain)
    endings: tuple[str, ...]  # verb endings for {V}, one per modality
    leads: bool  # starts with its actor, so a context clause ("… 가운데") may go in front


def _compile(text: str, endings: tuple[str, ...] = ()) -> _Template:
    """Turn "{A가} ..." into "%s ..." with refs [("A", "가")], checking the particles."""
    slots: list[str] = []
    refs: list[tuple[str, str | None]] = []

    def field(match: re.Match[str]) -> str:
        slot, particle = match.groups()
        if slot not in slots and slot != "V":
            slots.append(slot)
        if slot not in _FORM_SLOTS:
            refs.append((slot, None))
        elif particle[:1] in _CONSONANT_FORMS:
            raise ValueError(f"write the particle after a vowel ({particle!r}) in: {text}")
        else:
            refs.append((slot, particle))
        return "%s"

    pattern = _SLOT.sub(field, text.replace("%", "%%"))
    if bool(endings) != (("V", None) in refs):
        raise ValueError(f"a template has {{V}} exactly when it has endings: {text}")
    leads = pattern.startswith("%s") and refs[0][0] in "ABGC" and refs[0][1] in ("가", "는", "와")
    return _Template(pattern, tuple(slots), tuple(refs), endings, leads)


def _templates(*entries: str | tuple[str, tuple[str, ...]]) -> tuple[_Template, ...]:
    return tuple(_compile(e) if isinstance(e, str) else _compile(*e) for e in entries)


_BLOCKS = _templates(
    ("{A가} {T}{B의} 서비스 접속을 차단{V}", _HADA),
    ("{A는} {T}{B에} 대한 서비스 제공을 중단{V}", _HADA),
    ("{G는} {T}공공기관 업무용 기기에서 {P의} 사용을 금지{V}", _HADA),
    ("{A는} {T}{C} 지역 이용자의 API 접근을 차단{V}", _HADA),
    ("{G는} {T}{B의} 앱을 자국 앱 마켓에서 퇴출{V}", _HADA),
    ("{A가} {B에} 대한 핵심 부품 공급을 제한{V}", _HADA),
    ("{A는} {T}{B의} 데이터 수집 크롤러를 막{V}", _ATDA),
    ("{G는} {T}{B의} 신규 서비스 출시를 가로막{V}", _ATDA),
    ("{A는} 보안 우려를 이유로 {B} 제품의 사내 사용을 금지{V}", _HADA),
    ("{G는} {B와의} 거래를 전면 중단{V}", _HADA),
    ("{A는} {T}{B} 측에 제공하던 클라우드 접근 권한을 회수{V}", _HADA),
    ("{B의} 접속이 {T}{A에} 의해 차단{V}", _DOEDA),
    ("{G는} 자국 내 {B} 서비스를 {T}봉쇄{V}", _HADA),
    ("{A는} {B} 계정에 대한 모델 접근을 제한{V}", _HADA),
    ("{G가} {T}{P} 앱의 신규 다운로드를 금지{V}", _HADA),
    ("{C}에서 {B의} 서비스가 {T}전면 중단{V}", _DOEDA),
)
_FUNDS = _templates(
    ("{A가} {T}{B에} {M를} 투자{V}", _HADA),
    ("{B는} {T}{A로부터} {M} 규모의 투자를 유치{V}", _HADA),
    ("{A는} {B의} 신규 투자 라운드를 주도{V}", _HADA),
    (
        "{A는} {B의} 최대 주주로 {V}",
        ("올라섰다", "올라설 예정이다", "올라설 전망이다", "올라서지 않기로 했다"),
    ),
    (
        "{B는} {A로부터} {M의} 자금을 지원{V}",
        ("받았다", "받기로 했다", "받을 예정이다", "받지 않기로 했다"),
    ),
    ("{A는} {T}{B에} 지분 투자를 단행{V}", _HADA),
    ("{A가} {B에} 추가로 {M를} 출자{V}", _HADA),
    ("{G는} {B에} {M} 규모의 보조금을 지급{V}", _HADA),
    ("{A는} {T}{B의} 지분 {Q}를 인수{V}", _HADA),
    ("{B의} 이번 투자 라운드에는 {A도} 참여{V}", _HADA),
    ("{A는} {B에} 대한 투자 규모를 {M로} 확대{V}", _HADA),
    ("{A는} {B의} 대주주{V}", ("다", "로 올라섰다", "가 될 전망이다", "가 아니다")),
    ("{B는} {T}{A} 주도로 {M} 규모의 펀딩을 마무리{V}", _HADA),
    ("{A는} {B} 지원을 위해 {M} 규모의 전용 펀드를 조성{V}", _HADA),
    ("{A의} 투자를 받은 {B는} 기업가치 {M를} 인정받았다", ()),
)
_PARTNERS = _templates(
    ("{A와} {B가} {T}{F} 분야에서 손잡{V}", _ATDA),
    ("{A는} {T}{B와} 전략적 제휴를 맺{V}", _EOTDA),
    ("{A는} {B와} {F} 협력을 위한 업무협약(MOU)을 체결{V}", _HADA),
    ("{A와} {B는} {T}{F} 분야 협력을 확대{V}", _HADA),
    ("{A는} {B와} 합작법인을 설립{V}", _HADA),
    ("{A와} {B가} 차세대 {F} 모델을 공동 개발{V}", _HADA),
    ("{A는} {B와의} 파트너십을 {T}강화{V}", _HADA),
    ("{A는} {B와} {F} 기술 동맹을 구축{V}", _HADA),
    ("{B는} {A의} 새 파트너로 {T}낙점{V}", _DOEDA),
    ("{A와} {B} 간 {F} 협력이 {T}본격화{V}", _DOEDA),
    (
        "{A는} {B와} 손을 잡고 {F} 시장 공략에 {V}",
        ("나섰다", "나서기로 했다", "나설 계획이다", "나설 예정이다", "나서지 않기로 했다"),
    ),
    ("{A는} {B와} 클라우드 인프라 협약을 맺{V}", _EOTDA),
    ("{G는} {C와} {F} 분야 협력 협정에 서명{V}", _HADA),
    (
        "{A는} {T}{B와} 손잡고 {P} 기반 서비스를 함께 선보이{V}",
        ("였다", "기로 했다", "일 예정이다"),
    ),
)
_COMPETES = _templates(
    ("{A는} {F} 시장에서 {B와} 치열하게 경쟁{V}", _HADA),
    (
        "{A는} {B의} 최대 경쟁사로 {V}",
        ("꼽힌다", "꼽혀 왔다", "꼽히지는 않는다", "떠올랐다", "부상할 전망이다"),
    ),
    ("{A는} {B에} 맞서 {T}{F} 신제품을 내놓{V}", _ATDA),
    (
        "{A와} {B는} {F} 주도권을 놓고 정면으로 맞붙{V}",
        ("었다", "을 전망이다", "을 것으로 보인다", "지 않을 전망이다"),
    ),
    ("{A는} {F} 분야에서 {B를} 견제{V}", _HADA),
    (
        "{B는} {F} 분야에서 {A의} 라이벌로 {V}",
        ("통한다", "통해 왔다", "부상했다", "부상할 전망이다"),
    ),
    ("{A와} {B의} {F} 경쟁이 {T}격화{V}", _DOEDA),
    (
        "{A는} 가격 인하로 {B와의} 점유율 경쟁에 불을 {V}",
        ("붙였다", "붙일 전망이다", "붙일 계획이다"),
    ),
    ("{A의} 신규 {P는} {B의} 주력 제품과 직접 경쟁{V}", _HADA),
    ("{A는} {B를} 따라잡기 위해 {M를} 투입{V}", _HADA),
    ("업계는 {A를} {B의} 강력한 대항마로 평가{V}", _HADA),
    (
        "{A는} {B와} {F} 인재 영입 경쟁을 {V}",
        ("벌이고 있다", "벌였다", "벌일 전망이다", "벌이지 않기로 했다"),
    ),
    ("{A는} {B와의} 경쟁에서 밀리지 않기 위해 {F} 조직을 재정비{V}", _HADA),
)
_SANCTIONS = _templates(
    (
        "{A가} {T}{C} 정부의 수출 통제 명단에 {V}",
        (
            "올랐다",
            "올랐다",
            "오를 예정이다",
            "오를 전망이다",
            "오르지 않았다",
            "오른 것으로 알려졌다",
        ),
    ),
    ("{G는} {T}{A를} 제재 대상에 추가{V}", _HADA),
    (
        "{C} 상무부는 {T}{A를} 거래제한 명단(entity list)에 {V}",
        ("올렸다", "올렸다", "올릴 예정이다", "올릴 방침이다", "올리지 않기로 했다"),
    ),
    (
        "{A는} {G의} 제재를 {V}",
        ("받고 있다", "받았다", "받을 전망이다", "받지 않았다", "받게 됐다"),
    ),
    ("{G는} {T}{A에} 대한 독자 제재를 단행{V}", _HADA),
    ("{A는} {C의} 블랙리스트에 포함{V}", _DOEDA),
    ("{G가} {T}{A를} 불신 기업 명단 대상으로 지정{V}", _HADA),
    ("{C} 정부는 {A에} 대해 첨단 반도체 수출 통제를 적용{V}", _HADA),
    ("{G는} {A의} 자산을 동결하고 거래를 금지하는 제재안을 {T}발표{V}", _HADA),
    ("{A는} {G가} 지정한 우려 거래자 명단에 {V}", ("올랐다", "오를 전망이다", "오르지 않았다")),
    ("{C} 재무부는 {A를} 특별지정제재대상(SDN) 명단에 추가{V}", _HADA),
    ("{A에} 대한 {G의} 제재가 {T}발효{V}", _DOEDA),
)
_RELATIONS = _BLOCKS + _FUNDS + _PARTNERS + _COMPETES + _SANCTIONS

_FILLERS = _templates(
    "{A의} {T}주가는 전 거래일보다 {Q} 오른 채 마감했다",
    "{A는} {T}{F} 신제품 {P를} 공개했다",
    "{F} 시장 규모는 {Y}년까지 {M에} 이를 것으로 추산된다",
    "{A의} 지난 분기 매출은 {M로} 전년 동기 대비 {Q} 증가했다",
    "시장조사업체들은 올해 {F} 분야 글로벌 지출이 {M를} 넘어설 것으로 본다",
    "{A는} 이번 행사에서 {P의} 성능을 직접 시연했다",
    "{P는} 출시 {N}일 만에 누적 이용자 100만 명을 돌파했다",
    "증권가에서는 {A의} 실적 개선 흐름이 하반기에도 이어질 것으로 내다봤다",
    "{A는} {T}본사에서 개발자 콘퍼런스를 열고 신규 기능을 소개했다",
    "업계에서는 {F} 수요가 당분간 공급을 웃돌 것으로 보고 있다",
    "{A는} 이와 별도로 {F} 전담 조직을 신설하고 인력 {N}명을 충원했다",
    "발표 직후 {A} 주가는 장중 한때 {Q}까지 밀렸다",
    "{P의} 월간 활성 이용자 수는 {N}만 명 수준으로 집계됐다",
    "{A는} {Y}년까지 {F} 인프라에 {M를} 쏟아붓겠다는 목표를 세웠다",
    "전문가들은 양질의 데이터 확보가 모델 성능을 좌우할 것이라고 입을 모았다",
    "{A} 측은 구체적인 계약 조건에 대해서는 말을 아꼈다",
    "{F} 분야의 전력 소비 문제도 새로운 과제로 떠오르고 있다",
    "{A는} 개인정보 처리 방침을 개정해 이용자 동의 절차를 강화했다",
    "{A의} 새 모델은 수학과 코딩 벤치마크에서 기존 대비 높은 점수를 기록했다",
    "{S는} 익명의 소식통을 인용해 관련 논의가 막바지 단계에 접어들었다고 전했다",
    "{C} 내 {F} 스타트업 수는 최근 {N}곳을 넘어선 것으로 파악됐다",
    "{A는} {P} 유료 구독 요금을 월 {N}달러로 책정했다",
    "이날 뉴욕증시에서 기술주 중심의 나스닥 지수는 {Q} 상승했다",
    "코스피는 외국인 순매수에 힘입어 {Q} 오른 채 거래를 마쳤다",
    "{A는} 최근 {N}개국에서 {P} 서비스를 정식 출시했다",
    "{A는} 자체 개발한 {F} 칩을 연내 양산한다는 목표다",
    "{X} {A} {R는} {T}기자간담회를 열고 중장기 사업 전략을 발표했다",
    "{A는} 올해 연구개발(R&D) 예산을 {Q} 늘렸다",
    "{A의} 시가총액은 {M를} 돌파하며 사상 최고치를 경신했다",
    "{F} 관련 규제 논의가 각국에서 속도를 내고 있다",
    "{A는} 내부 테스트를 거쳐 {P의} 기업용 버전을 선보일 예정이다",
    "이번 조치가 글로벌 공급망에 미칠 파장에 관심이 쏠린다",
    "{A} 임직원 수는 {N}명으로 1년 새 두 배 가까이 늘었다",
    "{C} 정부는 {T}{F} 산업 육성을 위한 종합 대책을 내놓았다",
    "{A는} 고객 데이터를 모델 학습에 사용하지 않는다고 강조했다",
    "{F} 인재를 붙잡기 위한 연봉 인상 바람도 거세다",
    "시장에서는 {A의} 기업공개(IPO) 시점이 {Y}년 이후가 될 것으로 관측한다",
    "{A는} {P에} 검색과 이미지 생성 기능을 추가했다",
    "{A는} 탄소 배출을 줄이기 위해 데이터센터 냉각 방식을 바꿨다",
    "{D} 기준 {P의} 누적 다운로드 수는 {N}만 건이다",
    "한국은행은 {T}통화정책방향 회의를 열고 기준금리를 동결했다",
    "원·달러 환율은 1,400원 선을 오르내리며 변동성을 키웠다",
    "{A는} 해외 매출 비중을 {Q}까지 끌어올리겠다는 구상이다",
    "개발자 생태계를 넓히기 위한 지원 프로그램도 함께 운영한다",
    "{A} 관계자는 구체적인 일정은 아직 확정되지 않았다고 밝혔다",
    "분석 기관들은 {F} 시장이 {Y}년까지 연평균 {Q} 성장할 것으로 예상했다",
    "{A는} {D} 정기 주주총회에서 신임 이사진을 선임했다",
    "{A는} 보안 취약점이 발견된 {P} 일부 기능을 임시로 비활성화했다",
    "이 같은 흐름은 중소 개발사들에게 적지 않은 부담이 될 전망이다",
    "{P는} 한국어 처리 능력을 대폭 개선한 것이 특징이다",
    "{A의} 영업이익은 {M로} 시장 예상치를 웃돌았다",
    "{C에서는} {F} 관련 법안이 {T}의회 문턱을 넘었다",
    "{S의} 보도에 따르면 {A는} 내부적으로 조직 개편을 검토 중이다",
    "{A는} {F} 모델 학습에 필요한 GPU {N}만 장을 확보했다",
    "{A는} 사용자 경험을 개선한 {P} 새 버전을 배포했다",
    "{X} {R는} {T}{S와의} 인터뷰에서 향후 로드맵을 공개했다",
    "{A의} 서비스 장애는 {T}약 {N}분 만에 복구됐다",
    "{F} 분야 특허 출원 건수는 최근 5년 새 {Q} 늘었다",
)
_QUOTES = _templates(
    '{X} {A} {R는} "{K}"고 말했다',
    '{A} 관계자는 "{K}"며 "{J}"고 덧붙였다',
    '{X} {R는} {T}{S와의} 인터뷰에서 "{K}"고 강조했다',
    '{A} 측은 "{K}"는 입장을 밝혔다',
    '업계 관계자는 "{K}"고 전했다',
    '"{K}" {X} {R의} 설명이다',
    '{X} {A} {R는} 자사 블로그를 통해 "{K}"고 적었다',
    '한 증권사 애널리스트는 "{K}"고 분석했다',
)
_QUOTE_TEXTS = (
    "고객이 체감할 수 있는 성능 개선에 집중하겠다",
    "AI 인프라 수요는 당분간 꺾이지 않을 것으로 본다",
    "규제 불확실성이 투자 심리를 위축시키고 있다",
    "데이터 주권 문제는 더 이상 미룰 수 없는 과제다",
    "가격 경쟁력만으로는 시장을 지키기 어렵다",
    "이번 결정은 장기적인 관점에서 내린 것이다",
    "아직 논의 초기 단계라 말하기 이르다",
    "안전성 검증을 마친 뒤에 순차적으로 공개할 것이다",
    "한국 시장은 우리에게 매우 중요한 전략 거점이다",
    "공급망 다변화는 선택이 아닌 필수가 됐다",
    "연산 비용을 절반 이하로 낮추는 것이 목표다",
    "오픈소스 진영과의 협업을 계속 넓혀 갈 것이다",
    "기술 격차는 생각보다 빠르게 좁혀지고 있다",
    "사용자 신뢰를 잃으면 모든 것을 잃는다",
    "정부 정책의 방향이 분명해져야 투자가 따라온다",
    "하드웨어와 소프트웨어를 함께 설계해야 경쟁력이 생긴다",
    "올해가 상용화의 분수령이 될 것이다",
    "현재로서는 구체적으로 확인해 줄 수 있는 내용이 없다",
    "인재 확보가 가장 큰 병목이다",
    "수익성보다 점유율 확대가 우선이다",
    "중소기업도 쉽게 쓸 수 있는 도구를 만드는 것이 우리의 역할이다",
    "모델 크기보다 데이터 품질이 더 중요해졌다",
    "지정학적 위험이 사업 계획의 최대 변수다",
    "단기 실적보다 생태계를 키우는 데 집중하겠다",
)
_HEADLINES = _templates(
    "{A}, {B와} {F} 동맹",
    "{G}, {A} 제재 명단에 추가",
    "{A}, {B에} {M} 투자…지분 확대",
    "[단독] {A}, {C} 서비스 중단 검토",
    "{A}·{B} {F} 경쟁 2라운드",
    "{F} 판 흔드는 {A}…{B와} 정면승부",
    "{A} {P} 공개…{B} 추격 나선다",
    "{C} 정부, {A} 견제 수위 높인다",
    "{A} 주가 {Q} 급등…{F} 수요 기대감",
    "[기획] {F} 패권 전쟁 ③ {A}의 승부수",
    "{A}, {F} 인재 {N}명 채용",
    "{B}, {A}서 {M} 유치…몸값 껑충",
    '"{K}"',
    "{A}·{B} 손잡고 {F} 공략",
    "{A}, 결국 {B} 접속 차단",
    '{G} "{A} 수출 통제 강화"',
    "{F} 규제 칼 빼든 {G}",
    '{A} {R} "{F} 시장 판도 바뀐다"',
    "{P} 쇼크에 {A} 주가 출렁",
    "[이슈분석] {A}의 {F} 전략, 통할까",
    "{A}, {B}와 결별…독자 노선 택했다",
    "{F} 투자 한파에도 {A} 몸집 키운다",
    "[르포] {F} 현장을 가다",
)
_SUBHEADS = _templates(
    "■ {F} 주도권 다툼 본격화",
    "◆ {A}의 다음 수는",
    '◇ {B} "아직 결정된 바 없다"',
    "[{F} 시장 전망]",
    "▶ 규제 변수에 촉각",
)
_CAPTIONS = _templates(
    "{A} 로고. (사진={A} 제공)",
    "{X} {A} {R가} {D} 서울 강남구에서 열린 행사에서 발표하고 있다. {W}/{Z}",
    "▲ {A} 본사 전경 ⓒ{Z}",
    "{A}의 {P} 시연 화면. (사진={Z} DB) *재판매 및 DB 금지",
    "(사진=게티이미지뱅크)",
    "{X} {R가} {D} 기조연설을 하고 있다. ({C} 현지시간) {W}/{Z}",
    "[{L}={Z}] {A} 부스에 관람객들이 몰려 있다. {W}",
    "사진은 {A} 데이터센터 내부 모습. /사진={A}",
)
_COPYRIGHTS = (
    "Copyright ⓒ {0}. 무단전재 및 재배포 금지",
    "<저작권자 ⓒ {0}, 무단 전재 및 재배포 금지>",
    "ⓒ {0} 무단전재-재배포, AI 학습 및 활용 금지",
    "Copyright © {0} All rights reserved.",
    "저작권자 © {0} 무단전재 및 재배포, AI학습 이용 금지",
)
_OPENERS = (
    "한편 ",
    "이에 앞서 ",
    "업계에 따르면 ",
    "이와 함께 ",
    "특히 ",
    "앞서 ",
    "다만 ",
    "이에 따라 ",
    "이와 관련해 ",
)

_CONTEXTS = (
    "글로벌 빅테크들이 AI 투자를 앞다퉈 늘리는 가운데 ",
    "미중 기술 패권 경쟁이 한층 거세지면서 ",
    "수요 둔화 우려가 커지는 상황에서 ",
    "업계 안팎의 예상을 깨고 ",
    "반도체 공급난이 길어지자 ",
    "각국 정부가 AI 규제의 고삐를 죄는 가운데 ",
    "실적 발표를 앞두고 ",
    "수개월에 걸친 협상 끝에 ",
    "자체 모델 개발 속도를 높이기 위해 ",
    "수익성 개선 압박이 커지자 ",
    "생성형 AI 열풍이 이어지면서 ",
    "데이터센터 전력 수요가 급증하자 ",
    "오랜 내부 검토 끝에 ",
    "시장 점유율을 끌어올리기 위해 ",
    "이용자 보호를 명분으로 ",
    "보안 우려가 잇따라 제기되자 ",
    "투자자들의 관심이 쏠린 가운데 ",
    "지정학적 긴장이 높아지면서 ",
    "고금리 기조가 이어지는 가운데 ",
    "후발 주자들의 추격이 거세지자 ",
)

_COMPANY_FORMS = tuple(_Forms(name) for name in _COMPANIES)
_GOVERNMENT_FORMS = tuple(_Forms(name) for name in _GOVERNMENTS)
_COUNTRY_FORMS = tuple(_Forms(name) for name in _COUNTRIES[:4] * 3 + _COUNTRIES)
_PRODUCT_FORMS = tuple(_Forms(name) for name in _PRODUCTS)
_MEDIA_FORMS = tuple(_Forms(name) for name in _MEDIA)
_ROLE_FORMS = tuple(_Forms(name) for name in _ROLES)


def _money(rng: random.Random) -> _Forms:
    r = rng.random()
    if r < 0.35:
        text = f"{rng.randint(10, 9900)}억 원"
    elif r < 0.5:
        text = f"{rng.randint(1, 30)}조 원"
    elif r < 0.8:
        text = f"{rng.randint(1, 99)}00만 달러"
    elif r < 0.9:
        text = f"{rng.randint(1, 200)}억 달러"
    else:
        text = f"{rng.randint(1, 90)}억 위안"
    return _Forms(text)


def _percent(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{rng.randint(1, 60)}%"
    return f"{rng.randint(0, 30)}.{rng.randint(1, 9)}%"


def _person(rng: random.Random) -> str:
    if rng.random() < 0.75:
        return rng.choice(_SURNAMES)[0] + rng.choice(_GIVEN)[0] + rng.choice(_GIVEN)[0]
    return f"{rng.choice(_FOREIGN_FIRST)} {rng.choice(_FOREIGN_LAST)}"


_POOL_RNG = random.Random(0)
_SOURCES: dict[str, tuple[object, ...]] = {
    "G": _GOVERNMENT_FORMS,
    "C": _COUNTRY_FORMS,
    "P": _PRODUCT_FORMS,
    "S": _MEDIA_FORMS,
    "R": _ROLE_FORMS,
    "M": tuple(_money(_POOL_RNG) for _ in range(500)),
    "F": _FIELDS,
    "Q": tuple(_percent(_POOL_RNG) for _ in range(300)),
    "N": tuple(str(n) for n in range(2, 501)),
    "X": tuple(_person(_POOL_RNG) for _ in range(400)),
    "K": _QUOTE_TEXTS,
    "J": _QUOTE_TEXTS,
    "Z": _AGENCIES,
    "L": _CITIES,
}

# ---------------------------------------------------------------------------------------------
# Skeletons. Filling a template costs microseconds of Python per slot, which made 100,000
# articles take minutes; so templates are filled once, into a bank of skeleton sentences in
# which only what belongs to an article is left as a str.format field: {a3[가]} the
# article's fourth actor with 가/이 ({a3.name} bare), {d2} its third date expression, {y1}
# its year + 1, {w0} a caption date. An article picks skeletons and fills all of their
# fields in one format_map call. The bank holds tens of thousands of skeletons; actors and
# dates make each use different.

_MAIN_ACTORS = 4  # a0..a3: the companies an article is about; a4..a9: others it mentions
_ACTORS = 10
_PAST_DATES = 4  # d0..d3 are before the publication date, d4 and d5 after it
_DATES = 6
_PLANNED = ("계획", "예정", "방침", "전망", "기로", "하겠다")
_BANK_SENTENCES = 30_000


class _Field(dict):
    """An article's actor in a skeleton: _Field("a3")["가"] is "{a3[가]}", [""] "{a3.name}"."""

    def __init__(self, key: str) -> None:
        super().__init__()
        self.key = key

    def __missing__(self, particle: str) -> str:
        field = f"{{{self.key}[{particle}]}}" if particle else f"{{{self.key}.name}}"
        self[particle] = field
        return field


def _skeleton(template: _Template, rng: random.Random) -> str:
    """Fill a template, leaving actors, dates and years as fields of the article to come."""
    values: dict[str, Any] = {}
    if template.endings:
        values["V"] = ending = rng.choice(template.endings)
        planned = any(word in ending for word in _PLANNED)
    else:
        planned = False
    for slot in template.slots:
        if slot in "AB":
            taken = {field.key for field in values.values() if isinstance(field, _Field)}
            while True:
                if rng.random() < 0.65:
                    key = f"a{rng.randrange(_MAIN_ACTORS)}"
                else:
                    key = f"a{rng.randrange(_MAIN_ACTORS, _ACTORS)}"
                if key not in taken:
                    break
            values[slot] = _Field(key)
        elif slot == "T":
            day = rng.randrange(_PAST_DATES, _DATES) if planned else rng.randrange(_PAST_DATES)
            values[slot] = "" if rng.random() < 0.35 else f"{{d{day}}} "
        elif slot == "D":
            values[slot] = f"{{d{rng.randrange(_PAST_DATES)}}}"
        elif slot == "Y":
            values[slot] = f"{{y{rng.randint(1, 5)}}}"
        elif slot == "W":
            values[slot] = f"{{w{rng.randrange(2)}}}"
        else:
            values[slot] = rng.choice(_SOURCES[slot])
            while slot == "J" and values[slot] == values["K"]:
                values[slot] = rng.choice(_SOURCES[slot])
    refs = template.refs
    return template.pattern % tuple(values[s] if p is None else values[s][p] for s, p in refs)


def _sentence(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.32:
        template = rng.choice(_RELATIONS)
    elif r < 0.85:
        template = rng.choice(_FILLERS)
    else:
        return _skeleton(rng.choice(_QUOTES), rng) + "."
    text = _skeleton(template, rng)
    r = rng.random()
    if r < 0.1:
        text = rng.choice(_OPENERS) + text
    elif r < 0.45 and template.leads:
        text = rng.choice(_CONTEXTS) + text
    return text + "."


class _Bank(NamedTuple):
    sentences: tuple[str, ...]
    headlines: tuple[str, ...]
    captions: tuple[str, ...]
    subheads: tuple[str, ...]


@cache
def _bank() -> _Bank:
    """The skeletons, made on first use (about a second) and the same in every process."""
    rng = random.Random(1)
    return _Bank(
        sentences=tuple(_sentence(rng) for _ in range(_BANK_SENTENCES)),
        headlines=tuple(_skeleton(rng.choice(_HEADLINES), rng) for _ in range(3000)),
        captions=tuple(_skeleton(rng.choice(_CAPTIONS), rng) for _ in range(400)),
        subheads=tuple(_skeleton(rng.choice(_SUBHEADS), rng) for _ in range(100)),
    )


class _Context(dict):
    """One article's values for skeleton fields, made on first use: {a3[가]} -> 구글이."""

    def __init__(self, article: _Article) -> None:
        super().__init__()
        self.article = article

    def __missing__(self, key: str) -> _Forms | str:
        kind = key[0]
        value: _Forms | str
        if kind == "a":
            value = self.article.actor(int(key[1]))
        elif kind == "d":
            value = self.article.date_text(ahead=int(key[1]) >= _PAST_DATES)
        elif kind == "y":
            value = str(self.article.published.year + int(key[1]))
        else:
            value = self.article.dotted_date()
        self[key] = value
        return value


_EPOCH = date(2023, 1, 1).toordinal()
_SPAN_DAYS = date(2025, 12, 31).toordinal() - _EPOCH + 1


# ---------------------------------------------------------------------------------------------
# One article.


class _QuickRandom(random.Random):
    """random.Random whose choice, randint and randrange cost one random() call each.

    The stock versions draw random bits in a Python loop, several times slower.
    """

    def choice(self, seq):  # type: ignore[override]
        return seq[int(self.random() * len(seq))]

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None) -> int:  # type: ignore[override]
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))


class _Article:
    """Writes one article from its own random stream; `record()` returns the finished dict."""

    def __init__(self, seed: int, index: int) -> None:
        rng = self.rng = _QuickRandom(f"{seed}/{index}")
        self.index = index
        self.published = date.fromordinal(_EPOCH + rng.randrange(_SPAN_DAYS))
        self.source, self.slug = rng.choice(_OUTLETS)
        self.pool = _pool_size(index)
        self.actors: list[_Forms] = []
        self.names: set[str] = set()

    def actor(self, index: int) -> _Forms:
        """The article's index-th actor; all of an article's actors are distinct."""
        actors, names = self.actors, self.names
        while len(actors) <= index:
            actor = self.any_company()
            if actor.name not in names:
                names.add(actor.name)
                actors.append(actor)
        return actors[index]

    def any_company(self) -> _Forms:
        """A known company, the famous ones more often, or a fictional one from the pool."""
        rand = self.rng.random
        if rand() < 0.6:
            return _COMPANY_FORMS[int(rand() * rand() * len(_COMPANY_FORMS))]
        return _forms(_fictional_name(int(rand() * rand() * self.pool)))

    def date_text(self, *, ahead: bool) -> str:
        """A date expression as Korean news writes it, before or after the publication date."""
        rng, pub = self.rng, self.published
        if ahead:
            kind = rng.randrange(6)
            later = pub + timedelta(days=rng.randint(2, 45))
            if kind <= 1:
                if later.month == pub.month:
                    return f"오는 {later.day}일"
                if later.month == pub.month % 12 + 1:
                    return f"내달 {later.day}일"
                return f"{later.month}월 {later.day}일"
            if kind == 2:
                return rng.choice(("연내", "내년 상반기", "올해 하반기", "다음 달", "내년"))
            if kind == 3:
                return f"{later.year}년 {later.month}월 {later.day}일부터"
            if kind == 4:
                return f"{later.month}월 중"
            return f"{later.year}.{later.month}.{later.day}"
        kind = rng.randrange(14)
        if kind == 0:
            return f"{pub.day}일"
        if kind == 1:
            return rng.choice(("이날", "같은 날", "이번 주", "최근", "올해 초"))
        if kind == 2:
            past = pub - timedelta(days=rng.randint(1, 20))
            return f"지난 {past.day}일" if past.month == pub.month else f"지난달 {past.day}일"
        if kind == 3:
            return f"지난해 {rng.randint(1, 12)}월"
        if kind == 4:
            return f"올해 {rng.randint(1, (pub.month - 1) // 3 + 1)}분기"
        if kind == 5:
            month = rng.randint(1, pub.month)
            return f"지난 {month}월" if month < pub.month else "이달 초"
        past = pub - timedelta(days=rng.randint(0, 400))
        if kind in (6, 7):
            return f"{past.year}년 {past.month}월 {past.day}일"
        if kind == 8:
            return f"{past.year}.{past.month}.{past.day}"
        if kind == 9:
            if rng.random() < 0.5:
                return f"{pub.day}일(현지시간)"
            return f"지난 {past.day}일(현지시간)"
        if kind == 10:
            return f"{past.year}년 {past.month}월"
        if kind == 11:
            return f"{past.month}월 {past.day}일부터"
        if kind == 12:
            return f"{past.month}월 {past.day}일"
        return f"{past.year}년"

    def dotted_date(self) -> str:
        past = self.published - timedelta(days=self.rng.randint(0, 3))
        return f"{past.year}.{past.month}.{past.day}"

    def stamp(self, day: date) -> str:
        hour, minute = self.rng.randint(6, 23), self.rng.randrange(60)
        return f"{day.year}.{day.month:02d}.{day.day:02d} {hour:02d}:{minute:02d}"

    # -- furniture ----------------------------------------------------------------------------

    def reporter(self) -> tuple[str, str]:
        rng = self.rng
        surname, roman = rng.choice(_SURNAMES)
        first, first_roman = rng.choice(_GIVEN)
        second, second_roman = rng.choice(_GIVEN)
        email = f"{roman}{first_roman}{second_roman}@{self.slug}.example"
        return surname + first + second, email

    def related(self) -> str:
        rng = self.rng
        lines = []
        style = rng.randrange(3)
        for _ in range(rng.randint(2, 5)):
            day = self.published - timedelta(days=rng.randint(0, 60))
            headline = rng.choice(_bank().headlines)
            if style == 0:
                lines.append(
                    f"{headline} {day.isoformat()} {rng.randint(6, 23):02d}:{rng.randrange(60):02d}"
                )
            elif style == 1:
                lines.append(f"▶ {headline} ({day.year}.{day.month:02d}.{day.day:02d})")
            else:
                lines.append(f"· {headline}\n{self.stamp(day)}")
        title = ("관련기사", "[관련기사]", "■ 관련기사", "이 기사와 관련된 기사")[
            style + rng.randint(0, 1)
        ]
        return title + "\n" + "\n".join(lines)

    def noisy(self, text: str) -> str:
        """HTML left over from scraping: entities and stray tags."""
        rng = self.rng
        if rng.random() < 0.6:
            text = text.replace('"', "&quot;")
        if rng.random() < 0.4:
            text = text.replace("·", "&middot;").replace("&T", "&amp;T").replace("R&D", "R&amp;D")
        if rng.random() < 0.4:
            text = text.replace("\n\n", "<br>\n", rng.randint(1, 4))
        if rng.random() < 0.3:
            text = text.replace(". ", ".&nbsp; ", 2)
        if rng.random() < 0.3:
            text = '<div class="article-body">\n' + text + "\n</div>"
        if rng.random() < 0.2:
            text = text.replace("\n", "\n<p>", 1) + "</p>"
        return text

    # -- the article --------------------------------------------------------------------------

    def record(self) -> dict[str, str]:
        rng = self.rng
        rand = rng.random
        bank = _bank()
        sentences = bank.sentences
        count = len(sentences)
        title = rng.choice(bank.headlines)
        name, email = self.reporter()
        target = int(rng.triangular(700, 2900, 1200))
        paragraphs: list[str] = []
        size = 0
        while size < target:
            k = rand()
            if paragraphs and k < 0.07:
                block = rng.choice(bank.captions)
            elif paragraphs and k < 0.1:
                block = rng.choice(bank.subheads)
            else:
                picks = 1 + int(rand() * 4)
                block = " ".join([sentences[int(rand() * count)] for _ in range(picks)])
            paragraphs.append(block)
            size += len(block)

        byline = rng.randrange(5)
        if byline == 0:
            paragraphs[0] = f"[{self.source} {name} 기자] {paragraphs[0]}"
        elif byline == 1:
            city = rng.choice(_CITIES)
            paragraphs[0] = f"({city}={self.source}) {name} 기자 = {paragraphs[0]}"
        elif byline == 2:
            paragraphs.insert(0, f"{name} 기자 {email}")
        elif byline == 3:
            paragraphs.append(f"{name} 기자 {email}")
        else:
            paragraphs.append(f"/{name} 기자 ({email})")

        head: list[str] = []
        if rng.random() < 0.5:
            head.append(title)
        if rng.random() < 0.7:
            stamp = f"입력 {self.stamp(self.published)}"
            if rng.random() < 0.4:
                stamp += f" 수정 {self.stamp(self.published)}"
            head.append(stamp)
        tail: list[str] = []
        if rng.random() < 0.8:
            tail.append(rng.choice(_COPYRIGHTS).format(self.source))
        if rng.random() < 0.4:
            tail.append(self.related())

        separator = "\n\n" if rng.random() < 0.7 else "\n"
        context = _Context(self)
        title = title.format_map(context)
        text = separator.join(head + paragraphs + tail).format_map(context)
        if rng.random() < 0.15:
            text = self.noisy(text)
        return {
            "id": f"{self.index:07d}_{rng.getrandbits(32):08x}",
            "title": title,
            "published": self.published.isoformat(),
            "source": self.source,
            "url": f"https://www.{self.slug}.example/news/view.html?idxno={300000 + self.index}",
            "text": text,
        }


# ---------------------------------------------------------------------------------------------
# Public API.


_CHUNK = 250  # articles a worker process makes per task


def _articles(seed: int, start: int, stop: int) -> list[dict[str, str]]:
    return [_Article(seed, index).record() for index in range(start, stop)]


def generate(n: int, *, seed: int, jobs: int = 1) -> Iterator[dict[str, str]]:
    """Yield n synthetic articles in order; article i depends only on (seed, i).

    With jobs > 1, worker processes make chunks of articles ahead of the consumer (at most
    two chunks per worker are waiting), so memory stays flat and the output is identical.
    """
    if n < 0:
        raise ValueError(f"the number of articles must be 0 or more, not {n}")
    if jobs <= 1 or n <= _CHUNK:
        for index in range(n):
            yield _Article(seed, index).record()
        return
    _bank()  # made once here, so that forked workers inherit it
    starts = iter(range(0, n, _CHUNK))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = deque(
            pool.submit(_articles, seed, start, min(start + _CHUNK, n))
            for start in islice(starts, 2 * jobs)
        )
        while pending:
            records = pending.popleft().result()
            start = next(starts, None)
            if start is not None:
                pending.append(pool.submit(_articles, seed, start, min(start + _CHUNK, n)))
            yield from records


def write_jsonl(records: Iterable[dict[str, str]], path: Path) -> tuple[int, int]:
    """Stream records to a JSON Lines file; return (articles, characters of text)."""
    count = chars = 0
    with path.open("w", encoding="utf-8", buffering=1 << 20) as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False))
            out.write("\n")
            count += 1
            chars += len(record["text"])
    return count, chars


def write_dir(records: Iterable[dict[str, str]], folder: Path) -> tuple[int, int]:
    """Write <id>.txt per record and a manifest.csv (file,published,source,title,url)."""
    folder.mkdir(parents=True, exist_ok=True)
    count = chars = 0
    with (folder / "manifest.csv").open("w", encoding="utf-8", newline="") as manifest:
        writer = csv.writer(manifest)
        writer.writerow(["file", "published", "source", "title", "url"])
        for record in records:
            name = record["id"] + ".txt"
            (folder / name).write_text(record["text"], encoding="utf-8")
            writer.writerow(
                [name, record["published"], record["source"], record["title"], record["url"]]
            )
            count += 1
            chars += len(record["text"])
    return count, chars


def main(argv: list[str] | None = None) -> None:
    """Command line: write a corpus and report its size and the generation speed on stderr."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("--format", choices=("jsonl", "dir"), default="jsonl")
    parser.add_argument("-o", "--output", type=Path, required=True, help="file or folder")
    parser.add_argument(
        "--jobs",
        type=int,
        default=os.cpu_count() or 1,
        help="worker processes (default: all cores); the output does not depend on it",
    )
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be 0 or more")
    if args.jobs < 1:
        parser.error("--jobs must be 1 or more")
    write = write_jsonl if args.format == "jsonl" else write_dir
    start = time.perf_counter()
    count, chars = write(generate(args.articles, seed=args.seed, jobs=args.jobs), args.output)
    seconds = time.perf_counter() - start
    rate = count / seconds if seconds else 0.0
    print(
        f"wrote {count:,} articles ({chars:,} characters) to {args.output} "
        f"in {seconds:.2f} s ({rate:,.0f} articles/s)",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
