"""Key journeys of the public site in Chromium: quick exit, library filters, language switch,
and accessibility (axe-core) on the main page types."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_quick_exit_link_replaces_the_page_in_history(page, live_url):
    """Clicking «Salida rápida» goes to the neutral site and Back does not return to the guide."""
    page.goto("about:blank")
    page.goto(f"{live_url}/guias/que-es-el-grooming/")
    page.get_by_role("link", name=re.compile("Salida rápida")).click()
    page.wait_for_url(re.compile(r"google\.com"))
    page.go_back()
    assert "que-es-el-grooming" not in page.url
    page.external_requests.clear()


def test_escape_key_triggers_quick_exit(page, live_url):
    """Pressing Esc leaves the site the same way, without the page in the history."""
    page.goto("about:blank")
    page.goto(f"{live_url}/pide-ayuda/")
    page.keyboard.press("Escape")
    page.wait_for_url(re.compile(r"google\.com"))
    page.go_back()
    assert "pide-ayuda" not in page.url
    page.external_requests.clear()


@pytest.mark.parametrize("javascript", [True, False])
def test_library_filters_with_and_without_javascript(browser, live_url, javascript, browser_context_args):
    """Ticking filters narrows the list and puts them in the URL, with JavaScript or without."""
    context = browser.new_context(**browser_context_args, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_url}/guias/")
    total_before = page.locator(".library__results .card").count()
    police = page.get_by_label(re.compile(r"^Policías"))
    police.check()
    if not javascript:
        page.get_by_role("button", name="Aplicar filtros").click()
    expect(page).to_have_url(re.compile(r"publico=policias"))
    cards = page.locator(".library__results .card")
    expect(cards).not_to_have_count(total_before)
    assert 0 < cards.count() < total_before
    expect(page.get_by_label(re.compile(r"^Policías"))).to_be_checked()
    if javascript:
        # Updated in place: the reader stays on the option they ticked, and is told the new count.
        expect(police).to_be_focused()
        expect(page.locator("[data-filter-announcer]")).to_have_text(re.compile(rf"^{cards.count()} guías?$"))
    context.close()


def test_language_switch_keeps_the_reader_on_the_same_guide(page, live_url):
    """Switching to English opens the English version of the same guide, and back again."""
    page.goto(f"{live_url}/guias/que-es-el-grooming/")
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url(f"{live_url}/en/guides/what-is-grooming/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("navigation", name=re.compile("^(Language|Idioma)$")).get_by_role("link", name="Español").click()
    page.wait_for_url(f"{live_url}/guias/que-es-el-grooming/")


@pytest.mark.parametrize(
    "path", ["/", "/guias/", "/guias/que-es-el-grooming/", "/pide-ayuda/", "/en/", "/en/guides/what-is-grooming/"]
)
def test_pages_have_no_axe_violations(page, live_url, path):
    """axe-core finds no accessibility violations on the home, library, a guide and the help page."""
    page.goto(f"{live_url}{path}")
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
