import io
import logging
import re
import zipfile

from django.utils import timezone

import pytest

from campaigns import views
from campaigns.factories import CampaignPageFactory, add_material, make_document, make_image
from campaigns.models import CampaignDailyCount, MaterialDailyCount, MaterialKind
from website.factories import MunicipalityFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
VISITOR_IP = "203.0.113.77"


def _views(campaign) -> int:
    row = CampaignDailyCount.objects.filter(campaign=campaign, date=timezone.localdate()).first()
    return row.views if row else 0


def _beacon(client, campaign, **extra):
    return client.post(
        f"/c/visto/{campaign.pk}/", HTTP_USER_AGENT=extra.pop("ua", BROWSER), REMOTE_ADDR=VISITOR_IP, **extra
    )


def test_beacon_counts_one_view_without_cookies_or_cache(client, campaign):
    """The beacon answers 204, is never cached, sets no cookie and adds exactly one view."""
    response = _beacon(client, campaign)
    assert response.status_code == 204
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert _views(campaign) == 1
    _beacon(client, campaign)
    assert _views(campaign) == 2


def test_no_javascript_pixel_counts_too(client, campaign):
    """Without JavaScript the 1×1 GIF in <noscript> counts the view."""
    response = client.get(f"/c/visto/{campaign.pk}.gif", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a")
    assert _views(campaign) == 1


def test_rendering_the_page_counts_nothing(client, campaign):
    """The page itself (which a cache may serve) does not count: only the beacon does."""
    assert client.get(campaign.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert _views(campaign) == 0


@pytest.mark.parametrize("agent", ["Googlebot/2.1 (+http://www.google.com/bot.html)", "WhatsApp/2.23.20.0", ""])
def test_bots_are_not_counted(client, campaign, agent):
    """Crawlers and link previews get their answer but add no view."""
    assert _beacon(client, campaign, ua=agent).status_code == 204
    assert _views(campaign) == 0


def test_prefetches_are_not_counted(client, campaign):
    """A browser's speculative prefetch is not a view."""
    _beacon(client, campaign, HTTP_SEC_PURPOSE="prefetch")
    assert _views(campaign) == 0


def test_beacon_for_unknown_or_unpublished_campaign_is_404(client, campaign):
    """Only live campaigns can be counted; a bad id is a 404, not a 500."""
    assert client.post("/c/visto/999999/", HTTP_USER_AGENT=BROWSER).status_code == 404
    campaign.unpublish()
    assert _beacon(client, campaign).status_code == 404
    assert CampaignDailyCount.objects.count() == 0


def test_beacon_accepts_only_get_and_post(client, campaign):
    """Other methods are refused."""
    assert client.put(f"/c/visto/{campaign.pk}/").status_code == 405


def test_no_personal_data_is_stored(client, campaign):
    """After views and downloads, the counting tables hold no IP address, user agent or cookie."""
    material = add_material(campaign, title="Cartel")
    client.cookies["sessionid"] = "una-cookie-cualquiera"
    _beacon(client, campaign)
    client.get(f"/c/material/{material.pk}/descargar/", HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=VISITOR_IP)
    stored = [
        str(value)
        for model in (CampaignDailyCount, MaterialDailyCount)
        for row in model.objects.values()
        for value in row.values()
    ]
    assert stored
    for secret in (VISITOR_IP, "Chrome", "una-cookie-cualquiera"):
        assert not any(secret in value for value in stored)


def test_a_counting_failure_is_logged_and_the_visitor_still_gets_an_answer(client, campaign, monkeypatch, caplog):
    """If the database cannot count, the beacon still answers and the failure is logged."""

    def broken(**kwargs):
        raise RuntimeError("base de datos caída")

    monkeypatch.setattr(views, "campaign_view_count", broken)
    with caplog.at_level(logging.ERROR, logger="campaigns.views"):
        response = _beacon(client, campaign)
    assert response.status_code == 204
    assert "counting failed" in caplog.text


def test_a_counting_failure_does_not_break_a_download(client, campaign, monkeypatch, caplog):
    """The file is sent even when its download cannot be counted."""
    material = add_material(campaign, title="Cartel", document=make_document(content=b"%PDF-1.4 contenido"))

    def broken(**kwargs):
        raise RuntimeError("base de datos caída")

    monkeypatch.setattr(views, "material_download_count", broken)
    with caplog.at_level(logging.ERROR, logger="campaigns.views"):
        response = client.get(f"/c/material/{material.pk}/descargar/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 contenido"
    assert "counting failed" in caplog.text


def test_download_sends_the_file_and_counts_it(client, campaign):
    """A download is an attachment named after the material, counted for material and campaign."""
    material = add_material(campaign, title="Cartel para imprimir", document=make_document(content=b"%PDF-1.4 x"))
    response = client.get(f"/c/material/{material.pk}/descargar/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="cartel-para-imprimir-es.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert b"".join(response.streaming_content) == b"%PDF-1.4 x"
    assert MaterialDailyCount.objects.get(material=material).downloads == 1
    assert CampaignDailyCount.objects.get(campaign=campaign).downloads == 1


def test_open_to_print_shows_the_file_inline(client, campaign):
    """ "Abrir para imprimir" opens the file in the browser and also counts."""
    material = add_material(campaign, title="Cartel")
    response = client.get(f"/c/material/{material.pk}/abrir/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("inline")
    assert MaterialDailyCount.objects.get(material=material).downloads == 1


def test_social_card_downloads_in_each_network_size(client, campaign):
    """A social card is offered at 1080×1080 and 1200×630; other sizes are a 404."""
    from PIL import Image

    card = add_material(campaign, kind=MaterialKind.SOCIAL_CARD, title="Tarjeta", image=make_image())
    for size, expected in (("1080x1080", (1080, 1080)), ("1200x630", (1200, 630))):
        response = client.get(f"/c/material/{card.pk}/descargar/?tamano={size}", HTTP_USER_AGENT=BROWSER)
        assert response.status_code == 200
        assert f"-{size}.png" in response["Content-Disposition"]
        assert Image.open(io.BytesIO(b"".join(response.streaming_content))).size == expected
    assert client.get(f"/c/material/{card.pk}/descargar/?tamano=10x10").status_code == 404
    poster = add_material(campaign, title="Cartel")
    assert client.get(f"/c/material/{poster.pk}/descargar/?tamano=1080x1080").status_code == 404


def test_material_of_a_draft_campaign_or_bad_id_is_404(client, campaign):
    """Material is served only for live campaigns; unknown ids are 404."""
    material = add_material(campaign, title="Cartel")
    assert client.get("/c/material/999999/descargar/").status_code == 404
    campaign.unpublish()
    assert client.get(f"/c/material/{material.pk}/descargar/").status_code == 404


def test_kit_download_is_a_zip_and_counts(client, campaign):
    """ "Descargar el kit completo" sends the ZIP of every material and counts one kit download."""
    add_material(campaign, title="Cartel")
    add_material(campaign, kind=MaterialKind.SOCIAL_CARD, title="Tarjeta", image=make_image())
    response = client.get(f"/c/{campaign.pk}/kit.zip", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    assert response["Content-Disposition"] == 'attachment; filename="kit-campana-actual.zip"'
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert "carteles/cartel-es.pdf" in names
    assert "redes-sociales/tarjeta-es-1200x630.png" in names
    assert CampaignDailyCount.objects.get(campaign=campaign).kit_downloads == 1


def test_kit_of_a_campaign_without_materials_is_404(client, campaign):
    """No materials, no kit."""
    assert client.get(f"/c/{campaign.pk}/kit.zip").status_code == 404


@pytest.mark.parametrize("path_attr", ["url", "english"])
def test_campaign_page_renders_in_both_languages(client, campaign, path_attr):
    """The campaign page answers in Spanish at / and English under /en/."""
    from django.utils import translation

    if path_attr == "english":
        with translation.override("en"):
            url = campaign.get_url()
        assert url.startswith("/en/")
    else:
        url = campaign.url
    response = client.get(url)
    assert response.status_code == 200
    assert campaign.title_en in response.text if path_attr == "english" else campaign.title in response.text


def test_campaign_page_shows_materials_kit_sharing_and_beacon(client, campaign):
    """The page lists each material with counted links, the kit, plain share links and the beacon."""
    material = add_material(campaign, title="Cartel para imprimir")
    card = add_material(campaign, kind=MaterialKind.SOCIAL_CARD, title="Tarjeta", image=make_image())
    campaign.social_image = card.image
    campaign.save()
    html = client.get(campaign.url).text
    assert f'href="/c/material/{material.pk}/descargar/"' in html
    assert f'href="/c/material/{material.pk}/abrir/"' in html
    assert f"/c/material/{card.pk}/descargar/?tamano=1080x1080" in html
    assert f'href="/c/{campaign.pk}/kit.zip"' in html
    assert "Descargar el kit completo" in html
    for prefix in (
        "https://wa.me/?text=",
        "https://www.facebook.com/sharer/sharer.php?u=",
        "https://twitter.com/intent/tweet?",
        "mailto:?",
    ):
        assert f'href="{prefix}' in html
    assert "data-copy-link" in html and "readonly" in html
    assert f'data-campaign-beacon="/c/visto/{campaign.pk}/"' in html
    assert f'<noscript><img class="beacon" src="/c/visto/{campaign.pk}.gif"' in html


def test_open_graph_image_is_a_1200x630_rendition(client, campaign):
    """Link previews get og:title, og:description and a 1200×630 og:image with an absolute URL."""
    campaign.hero_image = make_image(size=(1600, 900))
    campaign.save()
    html = client.get(campaign.url).text
    assert f'<meta property="og:title" content="{campaign.title}">' in html
    assert 'property="og:description"' in html
    image = re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)
    assert image.startswith("http://testserver/")
    assert "fill-1200x630" in image


def test_public_pages_set_no_cookie_load_nothing_from_elsewhere_and_are_cacheable(client, campaign, campaigns_index):
    """Anonymous visitors get no cookie; no script, style or image comes from another host."""
    add_material(campaign, title="Cartel")
    for url in (campaign.url, campaigns_index.url):
        response = client.get(url)
        assert response.status_code == 200
        assert not response.cookies
        assert "public" in response["Cache-Control"]
        html = response.text
        assert not re.search(r'<(script|img|link|source|iframe)[^>]+(src|href|srcset)="https?://', html)
        assert "<script>" not in html and " style=" not in html


def test_index_filters_by_municipality_in_the_url(client, campaigns_index):
    """?municipio=… works without JavaScript and unknown values are ignored."""
    gdl = MunicipalityFactory(cvegeo="14039", name="Guadalajara")
    zap = MunicipalityFactory(cvegeo="14120", name="Zapopan")
    CampaignPageFactory(parent=campaigns_index, title="En Guadalajara", municipalities=[gdl])
    CampaignPageFactory(parent=campaigns_index, title="En Zapopan", municipalities=[zap])
    html = client.get(f"{campaigns_index.url}?municipio=14039").text
    assert "En Guadalajara" in html and "En Zapopan" not in html
    assert '<option value="14039" selected>Guadalajara</option>' in html
    response = client.get(f"{campaigns_index.url}?municipio=<script>&pagina=-1&publico=x")
    assert response.status_code == 200
    assert "En Guadalajara" in response.text and "En Zapopan" in response.text


def test_a_lost_file_is_a_404_and_the_kit_leaves_it_out(client, campaign):
    """A material whose upload was lost answers 404; the kit still holds the others."""
    from django.core.files.storage import default_storage

    lost = add_material(campaign, title="Perdido", document=make_document(name="perdido.pdf"))
    add_material(campaign, title="Cartel")
    default_storage.delete(lost.document.file.name)
    assert client.get(f"/c/material/{lost.pk}/descargar/", HTTP_USER_AGENT=BROWSER).status_code == 404
    response = client.get(f"/c/{campaign.pk}/kit.zip", HTTP_USER_AGENT=BROWSER)
    names = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist()
    assert "carteles/cartel-es.pdf" in names
    assert not any("perdido" in name for name in names)


def test_preview_with_unsaved_changes_renders_without_counting(rf, campaign, editor):
    """An editor's preview (new material not saved yet) renders, and carries no view counter."""
    from campaigns.models import CampaignMaterial

    campaign.materials.add(CampaignMaterial(title_es="Nuevo", kind="cartel", document=make_document()))
    campaign.title = "Título en revisión"
    request = rf.get("/")
    request.user = editor
    response = campaign.make_preview_request(original_request=request)
    assert response.status_code == 200
    html = response.render().content.decode() if hasattr(response, "render") else response.content.decode()
    assert "Título en revisión" in html
    assert "data-campaign-beacon" not in html


@pytest.mark.parametrize(
    "path",
    ["/c/visto/{huge}/", "/c/visto/{huge}.gif", "/c/material/{huge}/descargar/", "/c/{huge}/kit.zip"],
)
def test_ids_too_long_for_the_database_are_404(client, campaign, path):
    """An id longer than any database integer is a 404, not an OverflowError (500) on SQLite."""
    send = client.post if "visto" in path else client.get
    assert send(path.format(huge="9" * 24), HTTP_USER_AGENT=BROWSER).status_code == 404


def test_a_lost_social_card_image_is_a_404_and_the_page_still_renders(client, campaign):
    """A social card whose upload was lost answers 404 in every size; the page and the kit still work."""
    from django.core.files.storage import default_storage

    card = add_material(campaign, kind=MaterialKind.SOCIAL_CARD, title="Tarjeta", image=make_image())
    add_material(campaign, title="Cartel")
    default_storage.delete(card.image.file.name)
    assert client.get(f"/c/material/{card.pk}/descargar/?tamano=1080x1080", HTTP_USER_AGENT=BROWSER).status_code == 404
    assert client.get(f"/c/{campaign.pk}/kit.zip", HTTP_USER_AGENT=BROWSER).status_code == 200
    assert client.get(campaign.url).status_code == 200


def test_a_lost_hero_image_does_not_break_the_page(client, campaign):
    """A hero image whose file was lost leaves the link preview without image instead of a 500."""
    from django.core.files.storage import default_storage

    campaign.hero_image = make_image(size=(1600, 900))
    campaign.save()
    default_storage.delete(campaign.hero_image.file.name)
    response = client.get(campaign.url)
    assert response.status_code == 200
    assert 'property="og:image"' not in response.text


def test_open_to_print_never_shows_an_uploaded_html_file_in_the_browser(client, campaign):
    """A document that could run scripts (HTML) is sent as a download, not rendered on the site's origin."""
    page = make_document(content=b"<script>alert(1)</script>", name="pagina.html")
    material = add_material(campaign, title="Pagina", document=page)
    response = client.get(f"/c/material/{material.pk}/abrir/", HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
