"""Photographs on public pages: responsive markup, loading order, sharing picture, figures in
the body, and page views that never run Pillow or open a file."""

import re

import PIL.Image
import pytest
from django.core.files.storage import FileSystemStorage, InMemoryStorage
from django.utils.html import escape

from news.models import Article, ArticleImage
from tests.factories import ArticleFactory, ImageFactory, photo_file, picture, show

pytestmark = pytest.mark.django_db


@pytest.fixture
def photographs():
    return [ImageFactory(upload=photo_file(picture(1700, 1190, seed=n))) for n in range(4)]


@pytest.fixture
def release(photographs):
    """A release with a lead photograph, a gallery of two and one placed in its bodies."""
    lead, first, second, placed = photographs
    figure = f'<figure data-image="{placed.pk}"></figure>'
    article = ArticleFactory(
        title_en="Delegation received",
        body_en=f"<p>Before the photograph.</p>{figure}<p>After it.</p>",
        body_az=f"<p>Mətn.</p>{figure}",
    )
    show(article, lead)
    show(article, second, ArticleImage.Place.GALLERY, position=2)
    show(article, first, ArticleImage.Place.GALLERY, position=1)
    return article


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.DOTALL)


def attributes(tag):
    return dict(re.findall(r'([\w-]+)="([^"]*)"', tag))


def img(picture_html):
    return attributes(re.search(r"<img [^>]+>", picture_html).group(0))


def test_the_release_page_shows_lead_body_and_gallery_photographs_responsively(
    client, release, photographs
):
    lead, first, second, placed = photographs
    html = client.get(release.get_absolute_url("en")).content.decode()

    shown = pictures(html)
    assert len(shown) == 4
    # In reading order: the lead photograph, the one in the body, then the gallery in order.
    for picture_html, image in zip(shown, [lead, placed, first, second], strict=True):
        assert f'alt="{escape(image.alt_en)}"' in picture_html
        source = attributes(re.search(r"<source [^>]+>", picture_html).group(0))
        assert source["type"] == "image/webp"
        assert [width for _url, width in re.findall(r"(\S+) (\d+)w", source["srcset"])] == [
            "1600",
            "960",
            "480",
        ]
        tag = img(picture_html)
        assert tag["srcset"].count("w,") == 2
        assert (tag["width"], tag["height"]) == ("960", "672")
        assert tag["sizes"]
    # The lead photograph is the first thing seen: fetched first, never lazily.
    assert 'fetchpriority="high"' in shown[0]
    assert 'loading="lazy"' not in shown[0]
    for later in shown[1:]:
        assert 'loading="lazy"' in later
        assert "fetchpriority" not in later
    body = html[html.index('class="release__body"') : html.index("release__gallery")]
    assert body.index("Before the photograph.") < body.index("<picture>") < body.index("After it.")
    assert "data-image" not in html
    assert f"Photo: {lead.credit}" in html


def test_alt_texts_and_captions_follow_the_language_of_the_version_shown(client, release):
    lead = release.images.get(place="lead").image
    azerbaijani = client.get(release.get_absolute_url("az")).content.decode()
    russian = client.get(release.get_absolute_url("ru")).content.decode()

    assert f'alt="{escape(lead.alt_az)}"' in azerbaijani
    assert f'alt="{escape(lead.alt_ru)}"' in russian
    assert lead.caption_en not in russian  # no Russian caption: none shown


def test_the_release_page_offers_its_lead_photographs_sharing_crop(client, release):
    html = client.get(release.get_absolute_url("en")).content.decode()
    meta = dict(re.findall(r'<meta property="(og:image[^"]*)" content="([^"]*)"', html))
    crop = release.images.get(place="lead").image.renditions_of("social")[0]

    assert meta["og:image"] == f"http://testserver/media/{crop['name']}"
    assert (meta["og:image:width"], meta["og:image:height"]) == ("1200", "630")
    assert meta["og:image:alt"] == escape(release.images.get(place="lead").image.alt_en)


def test_cards_carry_square_thumbnails_loading_lazily_below_the_first_few(client, photographs):
    for number in range(5):
        show(ArticleFactory(title_en=f"Card {number}"), photographs[number % 4])
    ArticleFactory(title_en="Without a photograph")

    html = client.get("/en/news/").content.decode()
    cards = re.findall(r'<article class="card[^"]*">.*?</article>', html, re.DOTALL)

    assert len(cards) == 6
    assert "<picture>" not in cards[0]  # the newest, without a photograph
    for position, card in enumerate(cards[1:], start=1):
        tag = img(card)
        assert (tag["width"], tag["height"]) == ("400", "400")
        assert ("loading" in tag) == (position >= 3)


def test_a_page_view_never_runs_pillow_or_opens_a_file(client, release, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a page view touched a file")

    monkeypatch.setattr(PIL.Image, "open", refuse)
    monkeypatch.setattr(FileSystemStorage, "open", refuse)
    monkeypatch.setattr(FileSystemStorage, "exists", refuse)
    monkeypatch.setattr(InMemoryStorage, "open", refuse)

    for url in (release.get_absolute_url("en"), "/en/", "/en/news/", "/az/news/category/xeberler/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert len(pictures(client.get(release.get_absolute_url("en")).content.decode())) == 4


def test_a_figure_for_a_photograph_not_in_the_library_shows_nothing(client):
    article = ArticleFactory(body_en='<p>Text.</p><figure data-image="999999"></figure>')

    html = client.get(article.get_absolute_url("en")).content.decode()

    assert "<figure" not in html
    assert "<p>Text.</p>" in html
    assert not article.images.exists()


def test_an_image_address_from_outside_never_reaches_a_body(client):
    article = ArticleFactory(
        body_en='<p>A</p><img src="https://tracker.example/p.gif"><figure data-image="1">'
        '<img src="https://tracker.example/q.gif" onerror="steal()"></figure>'
    )

    html = client.get(article.get_absolute_url("en")).content.decode()

    assert "tracker.example" not in html
    assert "onerror" not in html


def test_a_card_follows_the_lead_photograph_as_it_changes(client):
    first, second = ImageFactory(alt_en="First photograph"), ImageFactory(alt_en="Second one")
    article = ArticleFactory(title_en="Pictured release")
    show(article, first)
    assert Article.objects.get(pk=article.pk).lead_image == first

    article.images.get(place="lead").delete()
    show(article, second)
    cards = client.get("/en/news/").content.decode()
    assert 'alt="Second one"' in cards
    assert 'alt="First photograph"' not in cards

    article.images.get(place="lead").delete()
    assert Article.objects.get(pk=article.pk).lead_image is None
