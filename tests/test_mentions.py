"""Mentions: the measured test set and the rules one case at a time."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kg.analysis import analyse, load_analyser
from kg.gazetteer import load_gazetteer
from kg.mentions import entities_in, find_mentions, resolve_mentions

DATA = Path(__file__).parent / "data" / "mentions.jsonl"


@pytest.fixture(scope="session")
def gazetteer():
    return load_gazetteer()


@pytest.fixture(scope="session")
def kiwi(gazetteer):
    return load_analyser(gazetteer)


def found(text, gazetteer, kiwi):
    return [(d["text"], d["id"]) for d in entities_in(text, gazetteer=gazetteer, kiwi=kiwi)]


def score(gazetteer, kiwi):
    """Mention precision and recall (by surface) and linking accuracy of matched mentions."""
    gold_total = predicted_total = matched = linked = 0
    misses = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        case = json.loads(line)
        gold = [tuple(m) for m in case["mentions"]]
        predicted = found(case["text"], gazetteer, kiwi)
        gold_total += len(gold)
        predicted_total += len(predicted)
        surfaces = Counter(text for text, _ in gold)
        ids = Counter(gold)
        for text, entity_id in predicted:
            if surfaces[text] > 0:
                surfaces[text] -= 1
                matched += 1
                if ids[(text, entity_id)] > 0:
                    ids[(text, entity_id)] -= 1
                    linked += 1
        if sorted(predicted) != sorted(gold):
            misses.append((case["text"], gold, predicted))
    return matched / predicted_total, matched / gold_total, linked / matched, gold_total, misses


def test_mention_set_meets_targets(gazetteer, kiwi):
    precision, recall, linking, total, misses = score(gazetteer, kiwi)
    for text, gold, predicted in misses:
        print(f"MISS {text}\n  gold {gold}\n  got  {predicted}")
    print(
        f"\nmentions: {total} gold; precision {precision:.3f}, recall {recall:.3f}, "
        f"linking {linking:.3f}"
    )
    assert total >= 80
    assert precision >= 0.95
    assert recall >= 0.90
    assert linking >= 0.95


def test_spelling_variants_are_one_entity(gazetteer, kiwi):
    ids = {i for _, i in found("즈푸AI, 즈푸 AI, Zhipu AI, 즈푸가 모두 나왔다.", gazetteer, kiwi)}
    assert ids == {"zhipu"}


def test_parenthesised_alias_is_one_mention(gazetteer, kiwi):
    [mention] = entities_in("마이크로소프트(MS)는 투자를 늘렸다.", gazetteer=gazetteer, kiwi=kiwi)
    assert (mention["id"], mention["alias"], mention["role"]) == ("microsoft", "MS", "subject")


def test_unknown_name_takes_its_parenthesised_alias(gazetteer, kiwi):
    [mention] = entities_in(
        "미래로봇(Mirae Robotics)은 상장을 추진한다.", gazetteer=gazetteer, kiwi=kiwi
    )
    assert mention["ko"] == "미래로봇" and mention["en"] == "Mirae Robotics"


def test_country_group_is_the_country_with_its_group(gazetteer, kiwi):
    [mention] = entities_in("중국 개발자들은 우회로를 찾았다.", gazetteer=gazetteer, kiwi=kiwi)
    assert (mention["id"], mention["group"], mention["role"]) == ("china", "개발자", "subject")


def test_person_before_company_title_takes_the_role(gazetteer, kiwi):
    text = "샘 올트먼 오픈AI CEO는 협력을 발표했다."
    roles = {d["id"]: d["role"] for d in entities_in(text, gazetteer=gazetteer, kiwi=kiwi)}
    assert roles == {"altman": "subject", "openai": "of"}


def test_unknown_person_before_title(gazetteer, kiwi):
    text = "최다은 한결테크 대표가 투자 유치를 알렸다."
    types = {d["ko"]: d["type"] for d in entities_in(text, gazetteer=gazetteer, kiwi=kiwi)}
    assert types == {"최다은": "Person", "한결테크": "Company"}


def test_short_china_only_in_country_contexts(gazetteer, kiwi):
    assert found("그 중 두 곳은 협상 중 철수했다.", gazetteer, kiwi) == []
    assert found("중 상무부는 반발했다.", gazetteer, kiwi) == [("중 상무부", "china-commerce")]


def test_common_nouns_are_never_entities(gazetteer, kiwi):
    assert found("AI 모델과 API, 오픈 플랫폼이 늘었다.", gazetteer, kiwi) == []


def test_product_is_typed_product(gazetteer, kiwi):
    [mention] = entities_in("챗GPT는 주간 이용자가 늘었다.", gazetteer=gazetteer, kiwi=kiwi)
    assert mention["type"] == "Product"


def test_short_mention_resolves_to_earlier_full_name(gazetteer, kiwi):
    text = "중국 상무부가 조사에 나섰다. 상무부는 결과를 곧 낸다."
    sentences = analyse(text, [(0, len(text))], kiwi)
    linked = resolve_mentions(sentences, [find_mentions(s, gazetteer) for s in sentences])
    assert [m.entity.id for ms in linked for m in ms] == ["china-commerce", "china-commerce"]


def test_anaphor_needs_one_candidate(gazetteer, kiwi):
    text = "인텔과 AMD가 실적을 냈다. 이 회사는 감원을 발표했다."
    assert [i for _, i in found(text, gazetteer, kiwi)] == ["intel", "amd"]


def test_unknown_name_listed_with_a_company_is_a_company(gazetteer, kiwi):
    mentions = entities_in("퀀타셀과 엔비디아가 협력한다.", gazetteer=gazetteer, kiwi=kiwi)
    assert [(m["text"], m["type"]) for m in mentions] == [
        ("퀀타셀", "Company"),
        ("엔비디아", "Company"),
    ]


def test_new_name_is_found_again_without_evidence(gazetteer, kiwi):
    text = "드론 업체 하늘로보가 투자를 받았다. 하늘로보는 공장을 늘린다."
    assert found(text, gazetteer, kiwi) == [("하늘로보", "x-하늘로보")] * 2


def test_things_and_quoted_titles_are_not_actors(gazetteer, kiwi):
    assert (
        found("정부는 '미래칩(Future Chip)' 계획과 공급망법(Supply Act)을 냈다.", gazetteer, kiwi)
        == []
    )
