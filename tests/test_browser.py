"""The dashboard in a real browser: Debian's chromium driven by Python playwright (never
``playwright install``).  Skipped when /usr/bin/chromium or playwright is missing, except in CI
(env CI set), where that is a failure.  Screenshots go to test-artifacts/."""
from __future__ import annotations

import json
import os
import urllib.request
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
TOKEN = "browser-test-token"
HOSTILE_SENTENCE = "Russian forces attacked Kyiv with missiles on Monday."
HOSTILE = {
    "url": "javascript:window.__xss=1",
    "title": '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">"><svg onload=window.__xss=1>',
    "text": (f'{HOSTILE_SENTENCE} <script>window.__xss=1</script> <img src=x onerror="window.__xss=1"> '
             '<a href="javascript:window.__xss=1">read more</a> "><svg onload=window.__xss=1> '
             "The Kremlin denied that Russian forces attacked Kyiv."),
    "published": "2024-10-08",
    "language": "en",
}


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run; .ci/run installs chromium)")
    pytest.skip(f"{reason}; install Debian's chromium (apt-get install chromium) to run browser tests")


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        _missing(f"{CHROMIUM} not found")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Python package playwright is not installed")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def site(seed_store_path, tmp_path_factory, live_server_factory):
    """A live server over a copy of the seed store plus one hostile article posted to /api/ingest."""
    import shutil

    store = tmp_path_factory.mktemp("browser") / "store"
    shutil.copytree(seed_store_path, store, ignore=shutil.ignore_patterns(".lock"))
    old = os.environ.get("EVENTWIRE_TOKEN")
    os.environ["EVENTWIRE_TOKEN"] = TOKEN
    try:
        with live_server_factory(store) as srv:
            req = urllib.request.Request(srv.url + "/api/ingest", data=(json.dumps(HOSTILE) + "\n").encode(),
                                         method="POST", headers={"Authorization": f"Bearer {TOKEN}",
                                                                 "Content-Type": "application/x-ndjson"})
            summary = json.load(urllib.request.urlopen(req, timeout=60))
            assert summary["coded"] == 1 and summary["mentions"] >= 1, summary
            yield srv
    finally:
        if old is None:
            os.environ.pop("EVENTWIRE_TOKEN", None)
        else:
            os.environ["EVENTWIRE_TOKEN"] = old


@pytest.fixture
def page(browser):
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # the dashboard must not reach outside the server: record any non-loopback request
    pg.outside = []
    pg.on("request", lambda r: pg.outside.append(r.url)
          if not r.url.startswith(("http://127.0.0.1", "data:", "about:")) else None)
    yield pg
    context.close()


def _api(site, path):
    return json.load(urllib.request.urlopen(site.url + path, timeout=30))


def _until(page, cond, timeout_s=20.0):
    import time

    deadline = time.monotonic() + timeout_s
    while not cond():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        page.wait_for_timeout(50)


def _ready(page, route_prefix=None):
    page.wait_for_selector("#view[data-state=ready]", timeout=20_000)
    if route_prefix:
        assert page.get_attribute("#view", "data-route").startswith(route_prefix)


def test_dashboard_renders_timeline_map_network(site, page):
    page.goto(site.url + "/")
    _ready(page, "/")
    assert page.locator("#timeline rect.bar").count() > 0
    assert page.locator("#map path.country").count() > 100
    assert page.locator("#map circle.place").count() > 0
    assert page.locator("#network circle.node").count() >= 2
    assert page.locator("#network path.edge").count() >= 1
    assert page.locator("#events-table tbody tr").count() > 0
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
    assert not page.errors and not page.outside


def test_filter_changes_timeline_and_url(site, page):
    page.goto(site.url + "/")
    _ready(page)
    before_total = page.get_attribute("#timeline", "data-total")
    before_rows = page.locator("#events-table tbody tr").count()
    page.select_option("#f-type", "ASSAULT")
    # (wait_for_function evaluates strings, which the page's CSP rightly forbids: poll instead)
    _until(page, lambda: "type=ASSAULT" in page.url and page.get_attribute("#view", "data-state") == "ready"
           and page.get_attribute("#timeline", "data-total") != before_total)
    after_total = page.get_attribute("#timeline", "data-total")
    expected = _api(site, "/api/stats?type=ASSAULT")
    assert int(after_total) == sum(d["total"] for d in expected["by_day"]) < int(before_total)
    types = page.locator("#events-table tbody tr td:nth-child(2)").all_text_contents()
    assert types and set(types) == {"ASSAULT"} and len(types) <= before_rows
    assert "type=ASSAULT" in page.url
    page.screenshot(path=str(ARTIFACTS / "dashboard-assault.png"), full_page=True)
    # the shared URL restores the view
    page.goto(page.url)
    _ready(page)
    assert page.input_value("#f-type") == "ASSAULT"
    assert page.get_attribute("#timeline", "data-total") == after_total


def test_event_page_highlights_evidence_and_trigger(site, page):
    ev = _api(site, "/api/events?type=ASSAULT&sort=num_mentions&limit=1")["items"][0]
    detail = _api(site, f"/api/events/{quote(ev['event_id'])}")
    page.goto(site.url + f"/#/event/{quote(ev['event_id'])}")
    _ready(page, "/event/")
    marks = page.locator("mark.evidence")
    assert marks.count() == len(detail["evidence"])
    for i, e in enumerate(detail["evidence"]):
        assert marks.nth(i).text_content() == e["sentence"]
        trig = marks.nth(i).locator("mark.trigger")
        if e["trigger_start"] is not None:
            assert trig.text_content().lower() == e["trigger"].lower()
    # every field of the record, attribution and modality included
    body = page.locator("#view").text_content()
    for field in ("attribution", "modality", "polarity", "certainty", "evidence", "quad_code", "date_source"):
        assert field in body
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)


def test_claims_view(site, page):
    page.goto(site.url + "/#/claims")
    _ready(page, "/claims")
    assert page.locator("#claims .claim").count() == _api(site, "/api/claims?limit=50")["total"] or \
        page.locator("#claims .claim").count() == 50
    rows = page.locator(".claims-table tbody tr")
    assert rows.count() > 0
    data = _api(site, "/api/claims?limit=50")
    entries = [e for ev in data["items"] for st in ("asserted", "hedged", "denied", "negated")
               for e in ev["claim"][f"{st}_by"]]
    assert rows.count() == len(entries)
    assert page.locator("svg.claim-strip circle").count() == sum(
        1 for ev in data["items"] for t in ev["claim"]["timeline"] if t["said_at"])
    # the seed's arms-supply claim: South Korea on the asserting side, North Korea denying
    cells = [[td.strip() for td in r] for r in page.eval_on_selector_all(
        ".claims-table tbody tr", "rs => rs.map(r => [...r.cells].map(c => c.textContent))")]
    assert any("[KOR]" in c[0] and c[1] in ("asserted", "hedged") for c in cells)
    assert any("[PRK]" in c[0] and c[1] == "denied" for c in cells)
    assert page.locator(".claims-table td.stance-denied").count() > 0
    page.screenshot(path=str(ARTIFACTS / "claims.png"), full_page=True)


def test_hostile_article_never_executes(site, page):
    hits = _api(site, "/api/events?text=" + quote("Kyiv missiles") + "&limit=50")["items"]
    hostile = [e for e in hits if e["article_id"] and "Kyiv" in (e["sentence"] or "")]
    assert hostile, "the hostile article produced no event"
    ev = hostile[0]
    art = _api(site, f"/api/articles/{quote(ev['article_id'])}")
    assert "<script>" in art["text"] and art["url"] == HOSTILE["url"]
    urls = [
        "/",
        "/#/?text=" + quote("Kyiv missiles"),
        f"/#/event/{quote(ev['event_id'])}",
        "/#/claims",
        "/#/claims?text=Kyiv",
        f"/#/article/{quote(ev['article_id'])}",
    ]
    for n, u in enumerate(urls):
        page.goto(site.url + u)
        _ready(page)
        page.wait_for_timeout(300)  # give any injected handler (onerror/onload) the chance to fire
        assert page.evaluate("typeof window.__xss") == "undefined", u
        assert not page.dialogs, u
        assert page.locator("#view script, #view img, #view iframe").count() == 0, u
        assert page.locator("#view a[href^='javascript' i]").count() == 0, u
    # the hostile strings are shown as text
    page.goto(site.url + f"/#/article/{quote(ev['article_id'])}")
    _ready(page, "/article/")
    assert "<script>window.__xss=1</script>" in page.locator("#article-text").text_content()
    assert page.locator("#article-title").text_content() == HOSTILE["title"]
    page.screenshot(path=str(ARTIFACTS / "xss-article.png"), full_page=True)
    page.goto(site.url + f"/#/event/{quote(ev['event_id'])}")
    _ready(page, "/event/")
    shown = page.locator("mark.evidence").first.text_content()
    assert shown.startswith(HOSTILE_SENTENCE)
    assert shown == _api(site, f"/api/events/{quote(ev['event_id'])}")["evidence"][0]["sentence"]
    page.screenshot(path=str(ARTIFACTS / "xss-event.png"), full_page=True)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert not page.errors
