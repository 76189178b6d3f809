"""Reading articles: encodings, binary files, markup, records, manifests, furniture."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest

from kg.documents import (
    MAX_CHARS,
    MAX_LINE,
    Document,
    Problem,
    body_spans,
    clean_text,
    decode,
    html_to_text,
    markdown_to_text,
    read_articles,
)
from kg.errors import InputError

ARTICLE = "네이버는 올해 3월 카카오와 인공지능 반도체 개발에 협력하기로 했다고 밝혔다."
DAY = dt.date(2025, 3, 4)


def read(*paths: Path, **options) -> tuple[list[Document], list[Problem]]:
    items = list(read_articles(list(paths), **options))
    documents = [i for i in items if isinstance(i, Document)]
    return documents, [i for i in items if isinstance(i, Problem)]


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


@pytest.mark.parametrize(
    ("encoding", "bom", "note"),
    [
        ("utf-8", b"", ""),
        ("utf-8", codecs.BOM_UTF8, ""),
        ("cp949", b"", "not UTF-8; decoded as CP949 (EUC-KR)"),
        ("euc-kr", b"", "not UTF-8; decoded as CP949 (EUC-KR)"),
        ("utf-16-le", codecs.BOM_UTF16_LE, ""),
        ("utf-16-be", codecs.BOM_UTF16_BE, ""),
        ("utf-16-le", b"", "no byte-order mark; decoded as UTF-16-LE"),
        ("utf-16-be", b"", "no byte-order mark; decoded as UTF-16-BE"),
    ],
)
def test_encodings_decode_and_a_guess_is_reported(tmp_path, encoding, bom, note):
    path = tmp_path / "a.txt"
    path.write_bytes(bom + ARTICLE.encode(encoding))
    documents, problems = read(path, published=DAY)
    assert [d.text for d in documents] == [ARTICLE]
    assert messages(problems) == ([f"{path}: {note}"] if note else [])


def test_nearly_utf8_keeps_the_text_and_counts_the_bad_bytes():
    raw = (ARTICLE * 3).encode("utf-8") + b"\xff" + ARTICLE.encode("utf-8")
    text, note = decode(raw)
    assert text is not None and text.count("\ufffd") == 1
    assert note == "1 invalid UTF-8 byte sequences replaced by U+FFFD"


def test_a_character_cut_at_the_read_limit_is_dropped_not_guessed():
    raw = ARTICLE.encode("utf-8")[:-3]  # the final "." and two of the three bytes of 다
    assert decode(raw, complete=False) == (ARTICLE[:-2], "")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("image.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not text (a PNG image); skipped"),
        (
            "paper.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "not text (a PDF document); skipped",
        ),
        ("noise.txt", bytes(range(1, 32)) * 20, "not text (binary, or an encoding other"),
        ("zeros.txt", b"\x00\x01\x02" * 100, "not text (binary, or an encoding other"),
        ("empty.txt", b"", "no article text; skipped"),
        ("blank.txt", b"  \n\t\n \r\n", "no article text; skipped"),
    ],
)
def test_files_without_article_text_are_skipped_with_a_reason(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    documents, problems = read(path, published=DAY)
    assert documents == []
    assert [p.skipped for p in problems] == [True]
    assert str(problems[0]).startswith(f"{path}: {message}")


def test_a_folder_reports_files_it_does_not_read_and_reads_the_rest(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00")
    (tmp_path / "sub.txt").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    documents, problems = read(tmp_path, published=DAY)
    assert [d.id for d in documents] == ["a.txt"]
    assert messages(problems) == [
        f"{tmp_path / 'photo.png'}: not an article file (.png file); skipped",
        f"{tmp_path / 'scan.pdf'}: not an article file (.pdf file); skipped",
    ]


def test_a_missing_input_names_the_path_before_anything_is_read(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    items = read_articles([tmp_path / "a.txt", tmp_path / "gone"])
    with pytest.raises(InputError, match=r"gone: no such file or folder"):
        next(items)


def test_an_unreadable_file_is_skipped(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        if path.open("rb"):
            pytest.skip("running as root: permissions do not stop reading")
    except PermissionError:
        pass
    documents, problems = read(path, published=DAY)
    assert documents == []
    assert messages(problems) == [f"{path}: cannot read (Permission denied); skipped"]


def test_a_huge_single_line_file_is_read_in_part_and_broken_into_paragraphs(tmp_path):
    path = tmp_path / "huge.txt"
    sentence = "삼성전자는 엔비디아와 협력했다. "
    path.write_bytes((sentence * (50_000_000 // len(sentence.encode()))).encode("utf-8"))
    documents, problems = read(path, published=DAY)
    (document,) = documents
    assert len(document.text) <= MAX_CHARS
    assert max(len(line) for line in document.text.split("\n")) <= MAX_LINE
    assert document.text.startswith("삼성전자는")
    assert all(end - start <= MAX_LINE for start, end in document.body)
    assert [p.skipped for p in problems] == [False, False]
    assert "bytes; only the first" in problems[0].message
    assert problems[1].message == "longer than 100,000 characters; the rest is not read"


def test_a_long_line_without_spaces_is_cut_hard():
    text = clean_text("가" * 20_000)
    assert body_spans(text) == ((0, 20_000),)


def test_clean_text_turns_controls_into_spaces_and_drops_zero_widths():
    assert clean_text("네이버\x00는\x07 카\u200b카오와\ufeff\r\n협력\u2028했다\ud800") == (
        "네이버 는  카카오와\n협력\n했다\ufffd"
    )


def test_clean_text_replaces_a_lone_surrogate_in_otherwise_clean_text():
    assert clean_text("협력했다\ud800") == "협력했다\ufffd"


def test_clean_text_composes_hangul_jamo():
    assert clean_text("\u1112\u1161\u11ab") == "한"


def test_html_drops_scripts_styles_comments_and_decodes_entities():
    page = """<html><head><title>제목</title><style>p{color:red}</style>
    <script>var x = "<p>숨은 글</p>";</script></head>
    <body><!-- 광고 영역 --><p>삼성전자&amp;SK하이닉스가 &#xC911;국 시장에서 경쟁했다.</p>
    <script src="a.js"/><p>둘째 문단&nbsp;이다.</p></body></html>"""
    assert html_to_text(page) == "삼성전자&SK하이닉스가 중국 시장에서 경쟁했다.\n둘째 문단 이다."


def test_html_without_a_closing_head_still_reads_the_body():
    assert (
        html_to_text("<html><head><title>t</title><body><p>본문 문장이다.</p>") == "본문 문장이다."
    )


def test_markdown_drops_images_and_keeps_link_text():
    page = (
        "![로고](https://example.com/a.png) 네이버는 [카카오](https://kakao.com)와 **협력**했다.\n"
        "![사진][1]\n[1]: https://example.com/b.png"
    )
    assert markdown_to_text(page) == " 네이버는 카카오와 협력했다.\n\n"


def test_markdown_with_many_open_brackets_is_quick():
    assert markdown_to_text("[" * 100_000) == "[" * 100_000


def test_jsonl_with_broken_lines_reports_each_and_reads_the_rest(tmp_path):
    path = tmp_path / "news.jsonl"
    good = {"id": "n1", "published": "2025-01-02", "text": ARTICLE}
    path.write_text(
        "\n".join(
            [
                json.dumps(good, ensure_ascii=False),
                '{"id": "n2", "text": "끊긴 줄',
                "[1, 2]",
                json.dumps({"id": "n3", "text": 42}),
                json.dumps({"id": "n4", "published": "2025-02-30", "text": ARTICLE + " 또"}),
                json.dumps({"id": "n5", "text": "\\ud800" + ARTICLE}),
            ]
        ),
        encoding="utf-8",
    )
    documents, problems = read(path)
    assert [d.id for d in documents] == ["n1", "n4", "n5"]
    assert documents[0].published == dt.date(2025, 1, 2)
    assert documents[1].published is None
    assert messages(problems) == [
        f"{path}:2: not valid JSON (Unterminated string starting at); skipped",
        f"{path}:3: not a JSON object; skipped",
        f"{path}:4: no 'text' field; skipped",
        f"{path}:5: invalid date '2025-02-30'; expected YYYY-MM-DD",
    ]


def test_csv_with_a_short_row_a_long_row_and_a_stray_quote(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(
        "id,published,text,source\n"
        f"c1,2025-01-02,{ARTICLE},뉴스\n"
        f"c2,2025-01-03,{ARTICLE} 둘\n"
        f"c3,2025-01-04,{ARTICLE} 셋,뉴스,남는칸\n"
        'c4,2025-01-05,"따옴표가 닫히지 않았다,뉴스\n'
        f"c5,2025-01-06,{ARTICLE} 다섯,뉴스\n"
        f'c6,2025-01-07,"{ARTICLE}\n여러 줄 기사다.",뉴스\n',
        encoding="utf-8",
    )
    documents, problems = read(path)
    assert [d.id for d in documents] == ["c1", "c2", "c5", "c6"]
    assert documents[1].source == ""
    assert documents[3].text == f"{ARTICLE}\n여러 줄 기사다."
    assert messages(problems) == [
        f"{path}:3: 3 of 4 fields; the missing ones are empty",
        f"{path}:4: 5 fields where the header has 4; skipped",
        f"{path}:5: not valid CSV (',' expected after '\"'); skipped",
    ]


def test_csv_with_an_unclosed_quote_at_the_end(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text(f'id,text\nc1,{ARTICLE}\nc2,"열린 따옴표\n', encoding="utf-8")
    documents, problems = read(path, published=DAY)
    assert [d.id for d in documents] == ["c1"]
    assert messages(problems) == [f"{path}:3: not valid CSV (unexpected end of data); skipped"]


def test_manifest_reports_unknown_files_bad_dates_and_repeats(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE + " 둘", encoding="utf-8")
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(
        "file,published,source\n"
        "a.txt,2025-02-30,뉴스\n"
        "b.txt,2025-01-02,뉴스\n"
        "ghost.txt,2025-01-03,뉴스\n"
        "b.txt,2025-01-04,다른뉴스\n",
        encoding="utf-8",
    )
    documents, problems = read(tmp_path)
    assert [(d.id, d.published, d.source) for d in documents] == [
        ("a.txt", None, "뉴스"),
        ("b.txt", dt.date(2025, 1, 4), "다른뉴스"),
    ]
    assert messages(problems) == [
        f"{manifest}:2: invalid date '2025-02-30'; expected YYYY-MM-DD",
        f"{manifest}:5: 'b.txt' is also on line 3; this row wins",
        f"{manifest}:4: no such article file 'ghost.txt'; row ignored",
    ]


def test_a_missing_manifest_is_an_input_error(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(InputError, match=r"nope\.csv: no such manifest file"):
        read(tmp_path, manifest=tmp_path / "nope.csv")


def test_the_same_file_name_in_two_folders_gets_two_ids(tmp_path):
    for folder, text in (("x", ARTICLE), ("y", ARTICLE + " 둘")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "1.txt").write_text(text, encoding="utf-8")
    documents, _ = read(tmp_path, published=DAY)
    assert [d.id for d in documents] == ["1.txt", "1.txt~2"]


def test_body_spans_leave_out_furniture():
    text = "\n".join(
        [
            "네이버, 카카오와 AI 협력",
            "입력 2025.03.04 10:00",
            "홍길동 기자",
            ARTICLE,
            "hong@example.com",
            "<저작권자 © 뉴스, 무단전재 및 재배포 금지>",
            "COPYRIGHT NEWS1. ALL RIGHTS RESERVED.",
        ]
    )
    assert [text[s:e] for s, e in body_spans(text)] == ["네이버, 카카오와 AI 협력", ARTICLE]


def test_a_date_stamp_above_the_article_does_not_end_it():
    text = (
        "미국, 중국 반도체 기업 제재 검토\n2024-03-10 15:14\n"
        "미국 상무부는 중국 기업을 명단에 추가할지 검토하고 있다.\n"
        "상무부는 이달 안에 결론을 낼 예정이다.\n"
    )
    kept = [text[a:b] for a, b in body_spans(text)]
    assert "상무부는 이달 안에 결론을 낼 예정이다." in kept
    assert "2024-03-10 15:14" not in kept


def test_a_dated_headline_list_after_the_article_ends_it():
    text = (
        "카카오는 오픈AI와 손잡았다.\n두 회사는 공동 개발에 나선다.\n"
        "오늘 가장 많이 읽힌 다른 회사 소식들 목록\n"
        "2025-01-27 15:38:06 다른 기사 제목\n2025-01-27 13:02:27 또 다른 제목\n"
    )
    kept = [text[a:b] for a, b in body_spans(text)]
    assert kept == ["카카오는 오픈AI와 손잡았다.", "두 회사는 공동 개발에 나선다."]


def test_a_related_news_box_inside_the_article_is_skipped_and_reading_resumes():
    after = (
        "한편 일본 정부는 소니와 덴소가 함께 세운 반도체 공장에 보조금을 추가로 "
        "지급하기로 하고 세부 지원 규모를 검토하고 있다."
    )
    text = "\n".join(
        [
            "라피더스는 IBM과 협력해 2나노 칩을 만든다.",
            "관련기사",
            "- 라피더스, 홋카이도에 첫 공장 짓는다2024.11.15",
            "- 반도체법 다시 추진…정부 지원 확대2024.11.15",
            "짧은 제목 한 줄",
            after,
        ]
    )
    kept = [text[a:b] for a, b in body_spans(text)]
    assert kept == ["라피더스는 IBM과 협력해 2나노 칩을 만든다.", after]
