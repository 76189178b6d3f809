"""The analyser: gazetteer names come out as one token carrying their entity id."""

from __future__ import annotations

from kg.analysis import analyse


def test_gazetteer_names_are_single_tokens(resources):
    text = "즈푸 AI는 미국 상무부의 명단에 올랐다."
    (sentence,) = analyse(text, [(0, len(text))], resources.kiwi)
    tagged = [(t.form, t.entity) for t in sentence.tokens if t.entity]
    assert [entity for _, entity in tagged] == ["zhipu", "us-commerce"]


def test_offsets_point_into_the_document(resources):
    text = "머리말\n오픈AI는 카카오와 손잡았다. 구글은 투자했다."
    sentences = analyse(text, [(4, len(text))], resources.kiwi)
    assert [s.text for s in sentences] == ["오픈AI는 카카오와 손잡았다.", "구글은 투자했다."]
    for s in sentences:
        assert text[s.start : s.end] == s.text
        for token in s.tokens:
            assert s.start <= token.start < token.end <= s.end


def test_quotes_are_marked(resources):
    text = '카카오는 "오픈AI와 협력한다"고 밝혔다.'
    (sentence,) = analyse(text, [(0, len(text))], resources.kiwi)
    assert len(sentence.quotes) == 1
    start, end = sentence.quotes[0]
    assert text[start:end] == "오픈AI와 협력한다"
