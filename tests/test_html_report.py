"""The HTML report: one self-contained page, everything escaped, and it works in a real browser.

The browser tests drive headless Chromium from Debian's `chromium` and `chromium-driver`
packages through selenium (`.ci/run` installs them); where they are missing the browser
tests are skipped and the static checks still run.
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from checker.api import run
from checker.cli import app
from checker.report.html import readable_number, render_html, safe_url
from tests.conftest import ROOT

HOSTILE = ROOT / "tests" / "hostile"
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
runner = CliRunner()


class Tags(HTMLParser):
    """Every start tag with its attributes, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(html: str) -> list[tuple[str, dict]]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


@pytest.fixture(scope="module")
def fixtures_html(fixtures_run) -> str:
    return render_html(fixtures_run)


@pytest.fixture(scope="module")
def hostile_html(pack) -> str:
    return render_html(run([HOSTILE], pack))


def test_the_page_is_self_contained_with_a_strict_policy(fixtures_html):
    found = tags(fixtures_html)
    [policy] = [a["content"] for t, a in found if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in policy and "script-src 'sha256-" in policy and "unsafe-inline" not in policy
    assert not [a for t, a in found if "src" in a or (t == "link" and "href" in a)]  # no external script, image or stylesheet
    assert [t for t, _ in found].count("script") == 1 and [t for t, _ in found].count("svg") >= 1


def test_every_finding_has_a_deep_link_and_its_evidence(fixtures_run, fixtures_html):
    ids = {a["id"] for t, a in tags(fixtures_html) if t == "article"}
    assert ids == {f.id for f in fixtures_run.findings}
    for finding in fixtures_run.findings:
        assert f'href="#{finding.id}"' in fixtures_html


def test_hostile_article_text_is_escaped_and_only_web_links_are_links(hostile_html):
    found = tags(hostile_html)
    assert [t for t, _ in found].count("script") == 1  # ours
    assert not [t for t, _ in found if t == "img"]
    assert not [a for _, a in found if any(name.startswith("on") for name in a)]
    assert not [a for _, a in found if str(a.get("href", "")).lower().startswith("javascript")]
    assert "&lt;script&gt;window.pwned = &#39;body&#39;&lt;/script&gt;" in hostile_html


def test_only_http_urls_are_safe():
    assert safe_url("https://example.com/a") == "https://example.com/a"
    assert safe_url(" JavaScript:alert(1)") is None and safe_url("data:text/html,x") is None and safe_url("http:///x") is None


def test_numbers_are_readable():
    assert readable_number(1.75e11) == "1.75×10¹¹"
    assert readable_number(-9.0) == "-9"


def test_report_format_html_from_the_cli(tmp_path):
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", str(HOSTILE), "--format", "html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- in a real browser ---------------------------------------------------------------------

needs_browser = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists() and shutil.which("chromedriver")), reason="chromium and chromium-driver are not installed (.ci/run installs them)")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1280,1000"):
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=str(CHROMEDRIVER)), options=options)
    yield driver
    driver.quit()


def _open(browser, tmp_path: Path, html: str, anchor: str = "") -> None:
    page = tmp_path / "report.html"
    page.write_text(html, encoding="utf-8")
    browser.get(page.as_uri() + anchor)


def _visible(browser) -> list[str]:
    from selenium.webdriver.common.by import By

    return [element.get_attribute("id") for element in browser.find_elements(By.CSS_SELECTOR, "article.finding") if element.is_displayed()]


@needs_browser
def test_a_severity_filter_hides_the_other_findings(browser, fixtures_run, fixtures_html, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, fixtures_html)
    assert sorted(_visible(browser)) == sorted(f.id for f in fixtures_run.findings)
    browser.find_element(By.ID, "filter-error").click()  # untick errors
    shown = {f.id for f in fixtures_run.findings if f.severity.value != "error"}
    assert set(_visible(browser)) == shown and shown
    assert browser.find_element(By.ID, "visible-count").text == str(len(shown))
    browser.find_element(By.ID, "search").send_keys("zzz-nothing-matches")
    assert _visible(browser) == []


@needs_browser
def test_a_deep_link_shows_its_finding_even_when_filtered_out(browser, fixtures_run, fixtures_html, tmp_path):
    from selenium.webdriver.common.by import By

    target = next(f for f in fixtures_run.findings if f.severity.value == "error")
    _open(browser, tmp_path, fixtures_html, f"#{target.id}")
    assert browser.execute_script("return document.querySelector(':target').id") == target.id
    browser.find_element(By.ID, "filter-error").click()
    assert target.id not in _visible(browser)
    browser.execute_script(f"location.hash = '{target.id}x'; location.hash = '{target.id}';")
    assert target.id in _visible(browser)


@needs_browser
def test_the_claims_table_sorts(browser, fixtures_html, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, fixtures_html)
    header = browser.find_element(By.CSS_SELECTOR, "table.claims th:nth-child(3)")
    header.click()
    column = [cell.text for cell in browser.find_elements(By.CSS_SELECTOR, "table.claims tbody td:nth-child(3)")]
    ordered = browser.execute_script("return arguments[0].slice().sort(function (a, b) { return a.localeCompare(b); })", column)
    assert column == ordered and header.get_attribute("aria-sort") == "ascending"


@needs_browser
def test_hostile_payloads_stay_inert(browser, hostile_html, tmp_path):
    from selenium.webdriver.common.by import By

    _open(browser, tmp_path, hostile_html)
    assert _visible(browser), "the hostile article's conflict is reported"
    for link in browser.find_elements(By.CSS_SELECTOR, "a"):
        href = link.get_attribute("href") or ""
        if not href.startswith(("file:", "http:", "https:")) or "#" in href:
            continue
        assert re.match(r"https?://|file:", href)
    assert browser.execute_script("return typeof window.pwned") == "undefined"
    assert "window.pwned" in browser.find_element(By.TAG_NAME, "body").text  # shown as text
