import re
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

import pytest
import yaml

from campaigns.models import CampaignKit, CampaignMaterial, CampaignPage, CampaignStatus, MaterialKind
from website.models import HomePage

DEMO_DIR = Path(__file__).resolve().parent.parent / "demo"
DEMO_TEXT = "\n".join(path.read_text(encoding="utf-8") for path in sorted(DEMO_DIR.rglob("*.yaml")))


def test_demo_words_follow_the_content_rules():
    """The campaign texts never write Te Protejo México's unverified domain, never use the term the
    content rules forbid, and name MASI as the rules ask."""
    lowered = DEMO_TEXT.lower()
    assert "teprotejomexico" not in lowered
    assert "pornografía infantil" not in lowered and "child pornography" not in lowered
    assert "material de abuso sexual infantil (MASI)" in DEMO_TEXT


def test_demo_phone_numbers_are_only_the_verified_ones():
    """The only numbers to call are 911 and 089 (from CONTENT-FACTS.md); no other phone appears."""
    called = re.findall(r"(?:llama al|call|[Aa]nónima:|[Aa]nonymous reports:)\s*(\d+)", DEMO_TEXT)
    assert set(called) == {"911", "089"}
    assert not re.search(r"\d{3,4}[ -]\d{4}\b|1-800", DEMO_TEXT)


def test_every_campaign_file_has_both_languages():
    """Each campaign YAML has its Spanish and English words."""
    files = list(DEMO_DIR.glob("*.yaml"))
    assert len(files) >= 3
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for code in ("es", "en"):
            assert data[code]["title"] and data[code]["summary"] and data[code]["key_messages"]


@pytest.mark.django_db
def test_demo_loader_creates_current_upcoming_and_concluded_campaigns(django_capture_on_commit_callbacks):
    """The loader makes three campaigns (current, upcoming, concluded on the day it runs) with real
    material and built kits, links the home page, and changes nothing when run again."""
    # The kits are built once the loader's work is committed.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115

    campaigns = list(CampaignPage.objects.live())
    assert len(campaigns) == 3
    today = timezone.localdate()
    assert {c.status_on(today) for c in campaigns} == set(CampaignStatus)
    targeted = [sorted(m.cvegeo for m in c.municipalities.all()) for c in campaigns if not c.targets_all_municipalities]
    assert len(targeted) == 2 and targeted[0] != targeted[1]
    assert any(c.targets_all_municipalities for c in campaigns)

    for campaign in campaigns:
        materials = list(campaign.materials.all())
        kinds = {m.kind for m in materials}
        assert {MaterialKind.POSTER, MaterialKind.SOCIAL_CARD} <= kinds
        assert {m.language for m in materials} == {"es", "en"}
        assert campaign.social_image_id and campaign.hero_image_id
        assert campaign.title_en and campaign.summary_en
        pdf = next(m for m in materials if m.document_id)
        with pdf.document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"
        card = next(m for m in materials if m.kind == MaterialKind.SOCIAL_CARD)
        assert (card.image.width, card.image.height) == (1200, 1200)
        assert card.alt_text_es
        assert CampaignKit.objects.get(campaign=campaign).material_count == len(materials)

    home = HomePage.objects.get()
    assert home.campaigns_page.specific.__class__.__name__ == "CampaignIndexPage"

    counts = (CampaignPage.objects.count(), CampaignMaterial.objects.count())
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (CampaignPage.objects.count(), CampaignMaterial.objects.count()) == counts
