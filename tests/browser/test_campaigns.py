"""Campaigns in Chromium: the listing and its municipality filter, a campaign page, its kit
download, sharing, reach counting without cookies, and accessibility (axe-core)."""

import re
import zipfile

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CURRENT = "/campanas/cuentalo-a-alguien-de-confianza/"
# A desktop Chrome: the site does not count "HeadlessChrome", which Playwright sends by default.
PERSON_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"


def _axe_clean(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def _counts(demo_db, slug: str):
    from campaigns.models import CampaignDailyCount, CampaignPage, MaterialDailyCount

    with demo_db():
        campaign = CampaignPage.objects.get(slug_es=slug)
        days = CampaignDailyCount.objects.filter(campaign=campaign)
        return (
            sum(d.views for d in days),
            sum(d.downloads for d in days),
            sum(d.kit_downloads for d in days),
            sum(m.downloads for m in MaterialDailyCount.objects.filter(campaign=campaign)),
        )


def test_campaign_index_and_pages_are_accessible(page, live_url):
    """The listing, a current campaign and its English version pass axe-core with no violations."""
    page.goto(f"{live_url}/campanas/")
    expect(page.get_by_role("heading", name="En curso")).to_be_visible()
    expect(page.get_by_role("heading", name="Próximamente")).to_be_visible()
    expect(page.get_by_role("heading", name="Concluidas")).to_be_visible()
    _axe_clean(page)
    page.get_by_role("link", name="Cuéntalo a alguien de confianza").click()
    page.wait_for_url(f"{live_url}{CURRENT}")
    expect(page.locator(".campaign__when .status")).to_have_text("En curso")
    _axe_clean(page)
    page.goto(f"{live_url}/en/campaigns/tell-someone-you-trust/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell someone you trust")
    _axe_clean(page)


@pytest.mark.parametrize("javascript", [True, False])
def test_municipality_filter_with_and_without_javascript(browser, browser_context_args, live_url, javascript):
    """Choosing Puerto Vallarta lists its campaign and the statewide one, not Guadalajara's."""
    context = browser.new_context(**browser_context_args, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{live_url}/campanas/")
    page.get_by_label("Municipio").select_option(label="Puerto Vallarta")
    page.get_by_role("button", name="Aplicar filtros").click()
    page.wait_for_url(re.compile(r"municipio=14067"))
    results = page.locator(".library__results")
    expect(results).to_contain_text("Sextorsión: no pagues, pide ayuda")
    expect(results).to_contain_text("No lo compartas: repórtalo")
    expect(results).not_to_contain_text("Cuéntalo a alguien de confianza")
    expect(page.locator("[data-filter-count]")).to_contain_text("Puerto Vallarta")
    context.close()


def test_kit_download_gives_the_zip_of_every_material(page, live_url):
    """«Descargar el kit completo» downloads one ZIP with the posters, cards and the file list."""
    page.goto(f"{live_url}{CURRENT}")
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Descargar el kit completo")).click()
    download = download_info.value
    assert download.suggested_filename == "kit-cuentalo-a-alguien-de-confianza.zip"
    with zipfile.ZipFile(download.path()) as archive:
        names = archive.namelist()
        assert "LEEME-README.txt" in names
        assert any(name.startswith("carteles/") and name.endswith(".pdf") for name in names)
        assert any(name.endswith("-1200x630.png") for name in names)
        assert archive.testzip() is None


def test_share_links_are_plain_links_and_copy_link_works(page, live_url):
    """Share links point to each network without loading anything; «Copiar enlace» copies the address."""
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_url)
    page.goto(f"{live_url}{CURRENT}")
    share = page.locator(".share")
    expect(share.get_by_role("link", name="Compartir por WhatsApp")).to_have_attribute(
        "href", re.compile(r"^https://wa\.me/\?text=")
    )
    expect(share.get_by_role("link", name="Compartir en Facebook")).to_have_attribute(
        "href", re.compile(r"^https://www\.facebook\.com/sharer/sharer\.php\?u=")
    )
    expect(share.get_by_role("link", name="Enviar por correo")).to_have_attribute("href", re.compile(r"^mailto:\?"))
    button = share.get_by_role("button", name="Copiar enlace")
    expect(button).to_be_visible()
    button.click()
    expect(share.get_by_role("status")).to_have_text("Enlace copiado.")
    assert page.evaluate("navigator.clipboard.readText()") == f"{live_url}{CURRENT}"


def test_a_visit_and_a_download_are_counted_once_without_cookies(browser, browser_context_args, live_url, demo_db):
    """Opening the page adds one view (through the beacon) and a download adds one; no cookie is set."""
    context = browser.new_context(**browser_context_args, user_agent=PERSON_AGENT)
    page = context.new_page()
    views, downloads, kits, material_downloads = _counts(demo_db, "cuentalo-a-alguien-de-confianza")

    with page.expect_response(lambda response: "/c/visto/" in response.url) as beacon:
        page.goto(f"{live_url}{CURRENT}")
    assert beacon.value.status == 204
    with page.expect_download():
        page.locator(".materials").get_by_role("link", name=re.compile("^Descargar")).first.click()

    assert _counts(demo_db, "cuentalo-a-alguien-de-confianza") == (
        views + 1,
        downloads + 1,
        kits,
        material_downloads + 1,
    )
    assert context.cookies() == []
    context.close()
