"""StreamField blocks: validation, reading-time word count, and the no-JavaScript rendering."""

from urllib.parse import parse_qs, urlparse

from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

import pytest
from bs4 import BeautifulSoup

from website.blocks import (
    IMAGE_ALT_REQUIRED,
    VIDEO_HOST_NOT_SUPPORTED,
    BaseStreamBlock,
    FaqBlock,
    ImageBlock,
    VideoBlock,
    count_words,
    video_embed_url,
)

YOUTUBE_ID = "dQw4w9WgXcQ"
VIMEO_ID = "76979871"


@pytest.fixture
def image(db, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return Image.objects.create(title="Familia", file=get_test_image_file())


def image_value(image, **fields):
    block = ImageBlock()
    return block, block.to_python({"image": image.pk, "alt": "", "decorative": False, "caption": "", **fields})


def video_value(url):
    block = VideoBlock()
    return block, block.to_python({"url": url, "title": "Cómo hablar de grooming", "transcript": ""})


# --- Image --------------------------------------------------------------------


def test_image_without_alt_text_is_refused(image):
    """An image that is not decorative needs alternative text; the error is on the alt field."""
    block, value = image_value(image, alt="   ")
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"alt"}
    assert str(IMAGE_ALT_REQUIRED) in str(error.value.block_errors["alt"])


def test_image_with_alt_text_is_accepted(image):
    """An image described in its alt text passes validation."""
    block, value = image_value(image, alt="Una madre y su hija miran un teléfono")
    cleaned = block.clean(value)
    assert cleaned["alt"] == "Una madre y su hija miran un teléfono"
    assert cleaned["image"] == image


def test_decorative_image_needs_no_alt_text(image):
    """A decorative image passes without alt text."""
    block, value = image_value(image, decorative=True)
    assert block.clean(value)["decorative"] is True


def test_image_block_inside_the_stream_reports_the_missing_alt(image):
    """The body's StreamBlock surfaces the image's missing alt as a block error."""
    stream_block = BaseStreamBlock()
    value = stream_block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt": "", "decorative": False, "caption": ""}}]
    )
    with pytest.raises(StreamBlockValidationError) as error:
        stream_block.clean(value)
    assert 0 in error.value.block_errors


# --- Video --------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        f"https://www.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://youtube.com/watch?v={YOUTUBE_ID}&t=30",
        f"https://m.youtube.com/watch?v={YOUTUBE_ID}",
        f"https://youtu.be/{YOUTUBE_ID}",
        f"https://www.youtube.com/shorts/{YOUTUBE_ID}",
        f"https://vimeo.com/{VIMEO_ID}",
        f"https://player.vimeo.com/video/{VIMEO_ID}",
    ],
)
def test_video_block_accepts_youtube_and_vimeo_links(url):
    """YouTube, youtu.be and Vimeo links pass validation."""
    block, value = video_value(url)
    assert block.clean(value)["url"] == url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/video.mp4",
        "https://www.dailymotion.com/video/x7tgad0",
        f"https://notyoutube.com/watch?v={YOUTUBE_ID}",
        f"https://youtube.com.example.net/watch?v={YOUTUBE_ID}",
        f"https://evilvimeo.com/{VIMEO_ID}",
        "https://www.youtube.com/watch?v=",
        "https://vimeo.com/channels/staffpicks",
    ],
)
def test_video_block_rejects_other_hosts_and_links_without_a_video(url):
    """Other hosts, look-alike hosts and links without a video id are refused on the url field."""
    block, value = video_value(url)
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(value)
    assert set(error.value.block_errors) == {"url"}
    assert str(VIDEO_HOST_NOT_SUPPORTED) in str(error.value.block_errors["url"])


@pytest.mark.parametrize("url", [f"https://www.youtube.com/watch?v={YOUTUBE_ID}", f"https://youtu.be/{YOUTUBE_ID}"])
def test_youtube_embeds_from_the_privacy_enhanced_host(url):
    """YouTube videos embed from www.youtube-nocookie.com with the same video id."""
    embed = urlparse(video_embed_url(url))
    assert embed.scheme == "https"
    assert embed.hostname == "www.youtube-nocookie.com"
    assert embed.path == f"/embed/{YOUTUBE_ID}"


def test_vimeo_embeds_from_the_player_host_with_do_not_track():
    """Vimeo videos embed from player.vimeo.com with dnt=1."""
    embed = urlparse(video_embed_url(f"https://vimeo.com/{VIMEO_ID}"))
    assert embed.hostname == "player.vimeo.com"
    assert embed.path == f"/video/{VIMEO_ID}"
    assert parse_qs(embed.query)["dnt"] == ["1"]


def test_unknown_video_link_has_no_embed_url():
    """A link that is not YouTube or Vimeo gives no embed address at all."""
    assert video_embed_url("https://example.com/embed/abcdefgh") == ""
    assert video_embed_url("not a url") == ""


# --- Word count -----------------------------------------------------------------


def test_count_words_reads_text_of_every_block_and_ignores_markup():
    """Rich text, headings and lists are counted as words; HTML tags are not."""
    value = BaseStreamBlock().to_python(
        [
            {"type": "heading", "value": "Cuatro cinco"},
            {"type": "paragraph", "value": '<p>Uno dos <b>tres</b> <a href="https://example.org/">enlace</a></p>'},
            {"type": "warning_signs", "value": {"title": "Señales", "intro": "", "signs": ["Esconde la pantalla"]}},
        ]
    )
    # 2 (heading) + 4 (paragraph) + 1 (title) + 3 (sign)
    assert count_words(value) == 10


def test_count_words_of_nested_steps_and_faq():
    """Words inside nested lists of structs (steps, FAQ items) are counted."""
    value = BaseStreamBlock().to_python(
        [
            {
                "type": "steps",
                "value": {"title": "Qué hacer", "steps": [{"title": "Calma", "text": "<p>Escucha.</p>"}]},
            },
            {"type": "faq", "value": {"title": "Dudas", "items": [{"question": "¿Qué?", "answer": "<p>Esto sí.</p>"}]}},
        ]
    )
    # 2 + 1 + 1 (steps) + 1 + 1 + 2 (faq)
    assert count_words(value) == 8


def test_count_words_of_an_empty_body_is_zero():
    """An empty or missing body counts zero words."""
    assert count_words(BaseStreamBlock().to_python([])) == 0
    assert count_words(None) == 0


# --- Rendering --------------------------------------------------------------------


def test_faq_block_renders_as_details_and_summary():
    """Each FAQ item is a <details> with the question as <summary>, so it opens without JavaScript."""
    block = FaqBlock()
    value = block.to_python(
        {
            "title": "Preguntas frecuentes",
            "items": [
                {"question": "¿Le quito el teléfono?", "answer": "<p>No como primera reacción.</p>"},
                {"question": "¿Es su culpa?", "answer": "<p>Nunca.</p>"},
            ],
        }
    )
    soup = BeautifulSoup(block.render(value), "html.parser")
    items = soup.find_all("details")
    assert [item.summary.get_text(strip=True) for item in items] == ["¿Le quito el teléfono?", "¿Es su culpa?"]
    assert "No como primera reacción." in items[0].get_text()
    assert not items[0].has_attr("open")


def test_video_block_renders_no_iframe_until_clicked():
    """The video block renders no iframe: only a placeholder, a hidden load button and the embed address."""
    block, value = video_value(f"https://www.youtube.com/watch?v={YOUTUBE_ID}")
    html = block.render(value)
    soup = BeautifulSoup(html, "html.parser")
    assert soup.find("iframe") is None
    assert "<iframe" not in html
    figure = soup.find("figure", attrs={"data-video-embed": True})
    assert urlparse(figure["data-video-embed"]).hostname == "www.youtube-nocookie.com"
    button = soup.find("button", attrs={"data-video-load": True})
    assert button.has_attr("hidden")
    assert soup.find("a", href=f"https://www.youtube.com/watch?v={YOUTUBE_ID}") is not None
