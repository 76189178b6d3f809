"""The HTML viewer in headless Chromium: loads clean, filters edges, keeps hostile text inert.

Needs Debian's chromium (/usr/bin/chromium) and the PyPI package playwright, which drives
that browser (no browser download); skipped when either is missing.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from test_viewer import HOSTILE_EVIDENCE, HOSTILE_TITLE, sample_graph

from kg.viewer import render_html

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    pytest.skip("chromium is not installed", allow_module_level=True)

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).parent / "artifacts"
FIRST_DAY = date(2019, 5, 16)  # the earliest date in sample_graph()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def page_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("viewer") / "graph.html"
    path.write_text(render_html(sample_graph(), title="시험 그래프"), encoding="utf-8")
    return path


@pytest.fixture
def page(browser, page_file):
    """The loaded page, with everything it logged, fetched or tried to pop up."""
    page = browser.new_page(viewport={"width": 1400, "height": 800})
    page.problems = []
    page.on("console", lambda m: m.type in ("error", "warning") and page.problems.append(m.text))
    page.on("pageerror", lambda error: page.problems.append(str(error)))
    page.on("dialog", lambda dialog: (page.problems.append(dialog.message), dialog.dismiss()))
    page.on(
        "request", lambda r: r.url.startswith("file:") or page.problems.append("fetch " + r.url)
    )
    page.goto(page_file.as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=15000)
    yield page
    page.close()


def shown_edges(page) -> list[int]:
    return page.evaluate("kgViewer.edges.get({filter: e => !e.hidden}).map(e => e.id).sort()")


def edge_ids(*relations: str) -> list[int]:
    from kg.viewer import graph_data

    edges = graph_data(sample_graph())["edges"]
    return sorted(e["id"] for e in edges if e["rel"] in relations)


def set_day(page, selector: str, day: date) -> None:
    page.fill(selector, str((day - FIRST_DAY).days))


def test_page_loads_clean_and_counts_match_the_graph(page) -> None:
    assert page.problems == []
    assert page.inner_text("#count-nodes") == "5"
    assert page.inner_text("#count-edges") == "4"
    assert page.inner_text("#count-statements") == "5"
    assert page.evaluate("kgViewer.nodes.length") == 5
    assert page.evaluate("kgViewer.edges.length") == 4
    assert page.inner_text("#range-label") == "2019-05-16 – 2024-09-01"


def test_slider_hides_edges_outside_the_range(page) -> None:
    set_day(page, "#range-from", date(2024, 1, 1))
    assert shown_edges(page) == edge_ids("blocks", "funds")
    assert page.inner_text("#count-nodes") == "3"
    assert page.inner_text("#count-statements") == "2"
    funds = edge_ids("funds")[0]
    assert page.evaluate(f"kgViewer.edges.get({funds}).dashes") == [8, 6]  # only the hedged one

    set_day(page, "#range-to", date(2023, 6, 30))
    assert page.inner_text("#range-label") == "2023-06-30 – 2023-06-30"
    assert shown_edges(page) == []

    set_day(page, "#range-from", date(2019, 6, 1))
    assert shown_edges(page) == edge_ids("funds", "partnersWith", "sanctionedBy")
    assert page.evaluate(f"kgViewer.edges.get({funds}).dashes") is False
    assert page.problems == []


def test_relation_toggle_hides_its_edges(page) -> None:
    page.uncheck("input[data-relation='funds']")
    assert shown_edges(page) == edge_ids("blocks", "partnersWith", "sanctionedBy")
    assert page.inner_text("#count-edges") == "3"
    page.uncheck("input[data-type='GovernmentBody']")
    assert shown_edges(page) == edge_ids("blocks", "partnersWith")
    assert page.inner_text("#count-nodes") == "3"
    page.check("input[data-relation='funds']")
    assert shown_edges(page) == edge_ids("blocks", "funds", "partnersWith")


def test_clicked_node_shows_hostile_text_as_text(page) -> None:
    china = page.evaluate(
        "(() => { const n = kgViewer.network;"
        " const id = kgViewer.nodes.get({filter: x => x.label.startsWith('중국')})[0].id;"
        " return n.canvasToDOM(n.getPositions([id])[id]); })()"
    )
    box = page.locator("#network canvas").bounding_box()
    page.mouse.click(box["x"] + china["x"], box["y"] + china["y"])
    panel = page.locator("#panel-body")
    panel.wait_for()
    assert HOSTILE_EVIDENCE in panel.inner_text()
    assert HOSTILE_TITLE in panel.inner_text()
    assert page.locator("#panel mark").all_inner_texts() == ["차단"]
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 3
    assert page.locator("#panel a").get_attribute("href") == "https://news.example/a1?x=1&y=2"
    assert page.problems == []


def test_search_focuses_an_actor_and_screenshot(page) -> None:
    page.fill("#search", "openai")
    page.press("#search", "Enter")
    assert page.inner_text("#search-status") == "오픈AI (OpenAI)"
    assert page.evaluate("kgViewer.network.getSelectedNodes()") == [
        page.evaluate("kgViewer.nodes.get({filter: x => x.label.startsWith('오픈AI')})[0].id")
    ]
    assert "4 statements" in page.inner_text("#panel-body")
    page.fill("#search", "없는 회사")
    page.press("#search", "Enter")
    assert page.inner_text("#search-status").startswith("No actor matches")
    page.wait_for_timeout(500)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "viewer.png"))
    assert page.problems == []
