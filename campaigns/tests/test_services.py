import datetime
import io
import zipfile

from django.core.files.storage import default_storage
from django.db import IntegrityError
from django.db.models import QuerySet

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from campaigns.factories import add_material, make_document, make_image
from campaigns.models import CampaignDailyCount, CampaignKit, MaterialDailyCount, MaterialKind
from campaigns.services import (
    campaign_kit_build,
    campaign_kit_current,
    campaign_kit_download_count,
    campaign_view_count,
    material_download_count,
    request_is_countable,
)

from .conftest import TODAY

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "WhatsApp/2.23.20.0",
        "TelegramBot (like TwitterBot)",
        "Mozilla/5.0 (compatible; Yahoo! Slurp)",
        "Mozilla/5.0 HeadlessChrome/130.0",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
    ],
)
def test_bots_and_scripts_are_not_counted(user_agent):
    """Well-known crawlers, link previews, scripts and requests without a User-Agent are not people."""
    assert not request_is_countable(user_agent=user_agent)


def test_browsers_are_counted_but_not_their_prefetches():
    """A browser's visit counts; its speculative prefetch of the same address does not."""
    assert request_is_countable(user_agent=BROWSER)
    assert not request_is_countable(user_agent=BROWSER, purpose="prefetch;prerender")


def test_each_view_adds_one_to_the_days_counter(campaign):
    """Views of one day share one row; another day starts another."""
    campaign_view_count(campaign_id=campaign.pk, day=TODAY)
    campaign_view_count(campaign_id=campaign.pk, day=TODAY)
    campaign_view_count(campaign_id=campaign.pk, day=TODAY + datetime.timedelta(days=1))
    counts = dict(CampaignDailyCount.objects.filter(campaign=campaign).values_list("date", "views"))
    assert counts == {TODAY: 2, TODAY + datetime.timedelta(days=1): 1}


def test_counting_survives_two_requests_creating_the_same_row(campaign, monkeypatch):
    """If another request created the day's row after this one looked for it, the view is added to it."""
    CampaignDailyCount.objects.create(campaign=campaign, date=TODAY, views=1)
    real_update = QuerySet.update
    calls = []

    def update_missing_the_row_once(queryset, **kwargs):
        calls.append(kwargs)
        # The first UPDATE runs before the other request's row exists: it changes nothing.
        return 0 if len(calls) == 1 else real_update(queryset, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update_missing_the_row_once)
    campaign_view_count(campaign_id=campaign.pk, day=TODAY)
    assert len(calls) == 2
    assert CampaignDailyCount.objects.get(campaign=campaign, date=TODAY).views == 2


def test_unique_day_per_campaign_is_enforced(campaign):
    """The database refuses a second row for the same campaign and day."""
    CampaignDailyCount.objects.create(campaign=campaign, date=TODAY)
    with pytest.raises(IntegrityError):
        CampaignDailyCount.objects.create(campaign=campaign, date=TODAY)


def test_material_download_counts_for_the_material_and_its_campaign(campaign):
    """A download adds one to the material's day and to the campaign's downloads."""
    material = add_material(campaign, title="Cartel")
    material_download_count(material=material, day=TODAY)
    material_download_count(material=material, day=TODAY)
    campaign_kit_download_count(campaign_id=campaign.pk, day=TODAY)
    assert MaterialDailyCount.objects.get(material=material, date=TODAY).downloads == 2
    day = CampaignDailyCount.objects.get(campaign=campaign, date=TODAY)
    assert (day.views, day.downloads, day.kit_downloads) == (0, 2, 1)


def test_material_figures_survive_removing_the_material(campaign):
    """Removing a material keeps its downloads, under the title it had."""
    material = add_material(campaign, title="Cartel retirado")
    material_download_count(material=material, day=TODAY)
    material.delete()
    row = MaterialDailyCount.objects.get(campaign=campaign)
    assert row.material is None
    assert row.material_title == "Cartel retirado"


def test_counters_hold_no_personal_data():
    """The counting tables have only campaign, material, day and numbers: nothing about a visitor."""
    assert {f.name for f in CampaignDailyCount._meta.concrete_fields} == {
        "id",
        "campaign",
        "date",
        "views",
        "downloads",
        "kit_downloads",
    }
    assert {f.name for f in MaterialDailyCount._meta.concrete_fields} == {
        "id",
        "campaign",
        "material",
        "material_title",
        "date",
        "downloads",
    }


def _kit_names(kit: CampaignKit) -> list[str]:
    with kit.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        return archive.namelist()


@pytest.fixture
def materials(campaign):
    return [
        add_material(campaign, title="Cartel para imprimir", document=make_document(name="cartel.pdf"), size="carta"),
        add_material(
            campaign,
            kind=MaterialKind.SOCIAL_CARD,
            title="Tarjeta para redes",
            image=make_image(name="tarjeta.png"),
        ),
        add_material(
            campaign,
            kind=MaterialKind.PRESENTATION,
            title="Presentación",
            document=make_document(name="platica.pdf"),
            language="en",
        ),
    ]


def test_kit_holds_every_material_social_sizes_and_a_list(campaign, materials):
    """The ZIP has each file in a folder per type, both social sizes of each card and a README."""
    kit = campaign_kit_build(campaign=campaign)
    assert sorted(_kit_names(kit)) == [
        "LEEME-README.txt",
        "carteles/cartel-para-imprimir-es.pdf",
        "presentaciones/presentacion-en.pdf",
        "redes-sociales/tarjeta-para-redes-es-1080x1080.png",
        "redes-sociales/tarjeta-para-redes-es-1200x630.png",
        "redes-sociales/tarjeta-para-redes-es.png",
    ]
    assert kit.material_count == 3
    assert kit.size == default_storage.size(kit.file.name)
    with kit.file.open("rb") as handle, zipfile.ZipFile(io.BytesIO(handle.read())) as archive:
        assert archive.read("carteles/cartel-para-imprimir-es.pdf") == materials[0].document.file.open("rb").read()
        readme = archive.read("LEEME-README.txt").decode()
    assert "Contenido del kit" in readme and "Kit contents" in readme
    assert "Cartel para imprimir" in readme


def test_kit_is_built_once_while_materials_stay_the_same(campaign, materials):
    """A second build with the same materials reuses the stored ZIP."""
    first = campaign_kit_build(campaign=campaign)
    second = campaign_kit_build(campaign=campaign)
    assert second.file.name == first.file.name
    assert second.built_at == first.built_at
    assert campaign_kit_current(campaign=campaign).built_at == first.built_at


def test_kit_is_rebuilt_when_materials_change(campaign, materials, django_capture_on_commit_callbacks):
    """Adding a material or changing one gives a new ZIP, and the old file is deleted."""
    with django_capture_on_commit_callbacks(execute=True):
        first = campaign_kit_build(campaign=campaign)
    old_name = first.file.name
    add_material(campaign, title="Volante", document=make_document(name="volante.pdf"), kind=MaterialKind.FLYER)
    with django_capture_on_commit_callbacks(execute=True):
        rebuilt = campaign_kit_current(campaign=campaign)
    assert rebuilt.file.name != old_name
    assert "volantes/volante-es.pdf" in _kit_names(rebuilt)
    assert not default_storage.exists(old_name)

    materials[0].title_es = "Cartel nuevo"
    materials[0].save()
    with django_capture_on_commit_callbacks(execute=True):
        renamed = campaign_kit_current(campaign=campaign)
    assert "carteles/cartel-nuevo-es.pdf" in _kit_names(renamed)


def test_kit_is_rebuilt_when_its_file_is_missing(campaign, materials):
    """A kit whose file was lost from storage is built again on request."""
    kit = campaign_kit_build(campaign=campaign)
    default_storage.delete(kit.file.name)
    again = campaign_kit_current(campaign=campaign)
    assert default_storage.exists(again.file.name)


def test_no_materials_no_kit(campaign):
    """A campaign without materials has no kit."""
    assert campaign_kit_build(campaign=campaign) is None
    assert campaign_kit_current(campaign=campaign) is None


def test_private_documents_stay_out_of_the_kit(campaign, materials):
    """A document in a password-protected collection is not put in the public kit."""
    private = Collection.get_first_root_node().add_child(name="Privada")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="password", password="x")
    document = make_document(name="interno.pdf")
    document.collection = private
    document.save()
    add_material(campaign, title="Interno", document=document)
    kit = campaign_kit_build(campaign=campaign)
    assert kit.material_count == 3
    assert not any("interno" in name for name in _kit_names(kit))


def test_kit_is_rebuilt_when_a_social_cards_focal_point_moves(campaign, materials):
    """The social sizes are cropped around the focal point, so moving it gives a new kit."""
    first = campaign_kit_build(campaign=campaign)
    image = materials[1].image
    image.focal_point_x, image.focal_point_y, image.focal_point_width, image.focal_point_height = 100, 100, 50, 50
    image.save()
    assert campaign_kit_current(campaign=campaign).fingerprint != first.fingerprint
