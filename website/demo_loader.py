"""Demo content of the site shell: municipalities, topics, help channels, home, help,
about and privacy pages, site settings and the editorial demo users."""

from pathlib import Path

from django.conf import settings

from wagtail.models import Page, Site

from website.demo import child_page, demo_user, read_yaml, set_translated, stream
from website.models import HelpChannel, HelpPage, HomePage, SiteSettings, StandardPage, Topic
from website.services import municipalities_load

DEMO_DIR = Path(__file__).resolve().parent / "demo"
DATA_DIR = Path(__file__).resolve().parent / "data"

DEMO_USERS = [
    {
        "username": "admin",
        "password": "demo-admin-2026",
        "email": "admin@example.org",
        "first_name": "Admin",
        "superuser": True,
    },
    {
        "username": "editor",
        "password": "demo-editor-2026",
        "email": "editor@example.org",
        "first_name": "Elena",
        "last_name": "Editora",
        "groups": ["Editores"],
    },
    {
        "username": "moderador",
        "password": "demo-moderador-2026",
        "email": "moderador@example.org",
        "first_name": "Marco",
        "last_name": "Moderador",
        "groups": ["Moderadores"],
    },
]


def load(*, log) -> None:
    created = municipalities_load(path=DATA_DIR / "jalisco_municipios.csv")
    log(f"Municipios: {created} nuevos")
    log(f"Temas: {load_topics()} nuevos")
    log(f"Canales de ayuda: {load_help_channels()} nuevos")
    home = load_pages()
    log(f"Páginas del sitio listas (inicio: {home.url_path})")
    for user in DEMO_USERS:
        demo_user(**user)
    log(f"Usuarios de demostración: {', '.join(u['username'] for u in DEMO_USERS)}")


def load_topics() -> int:
    created = 0
    for position, data in enumerate(read_yaml(DEMO_DIR / "topics.yaml")["topics"]):
        if Topic.objects.filter(slug=data["slug"]).exists():
            continue
        topic = Topic(slug=data["slug"], sort_order=position)
        set_translated(topic, data, ("name", "description"))
        topic.save()
        created += 1
    return created


CHANNEL_FLAGS = ("is_emergency", "is_anonymous", "is_reporting_channel", "live")
CHANNEL_CONTACT = ("phone", "phone_dial", "url", "email", "verification_note")


def load_help_channels() -> int:
    created = 0
    for position, data in enumerate(read_yaml(DEMO_DIR / "help_channels.yaml")["channels"]):
        if HelpChannel.objects.filter(key=data["key"]).exists():
            continue
        channel = HelpChannel(key=data["key"], sort_order=position)
        for name in CHANNEL_FLAGS + CHANNEL_CONTACT:
            if name in data:
                setattr(channel, name, data[name])
        set_translated(channel, data, ("name", "receives", "how_to_reach", "hours"))
        channel.full_clean()
        channel.save()
        created += 1
    return created


def load_pages() -> HomePage:
    content = read_yaml(DEMO_DIR / "site.yaml")
    root = Page.get_first_root_node()
    home = _home_page(root, content["home"])
    help_page, _created = child_page(
        home, HelpPage, {**content["help"], **_with_streams(content["help"], "body")}, fields=("title", "intro", "body")
    )
    pages = {}
    for data in content["pages"]:
        pages[data["key"]], _created = child_page(
            home, StandardPage, {**data, **_with_streams(data, "body")}, fields=("title", "intro", "body")
        )
    _site(home, content["site"])
    _settings(content["settings"], help_page=help_page, about=pages.get("about"), privacy=pages.get("privacy"))
    return home


def _with_streams(data: dict, *names) -> dict:
    """The same data with each language's StreamField blocks in raw form."""
    result = {}
    for code in ("es", "en"):
        if code in data:
            result[code] = {**data[code], **{n: stream(data[code][n]) for n in names if n in data[code]}}
    return result


def _home_page(root: Page, data: dict) -> HomePage:
    home = HomePage.objects.first()
    if home is not None:
        return home
    # Wagtail's default welcome page is replaced by ours, as bakerydemo's loader does.
    for page in root.get_children().not_type(HomePage):
        page.delete()
    home, _created = child_page(root, HomePage, data, fields=("title", "hero_title", "hero_text"))
    return home


def _site(home: HomePage, data: dict) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=data["hostname"],
            port=data["port"],
            root_page=home,
            is_default_site=True,
            site_name=settings.SITE_NAME,
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = settings.SITE_NAME
        site.save()


def _settings(data: dict, *, help_page, about, privacy) -> None:
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    if site_settings.help_page_id:
        return
    site_settings.quick_exit_url = data["quick_exit_url"]
    site_settings.help_page = help_page
    site_settings.about_page = about
    site_settings.privacy_page = privacy
    set_translated(site_settings, data, ("footer_text",))
    site_settings.save()
