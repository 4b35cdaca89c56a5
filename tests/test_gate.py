"""The one public gate: what visitors may see, in SQL and in memory, and on every page."""

import itertools
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from news.languages import LANGUAGE_CODES
from news.models import Article, ArticleImage
from news.models.images import images_lacking_alt_text
from tests.factories import ArticleFactory, ImageFactory, show

pytestmark = pytest.mark.django_db

STATUSES = Article.Status.values
WHEN = {"past": timedelta(days=-1), "now": timedelta(0), "future": timedelta(minutes=1)}
# What the English version holds: the gate needs both title and body.
ENGLISH = {
    "complete": {},
    "no title": {"title_en": ""},
    "no body": {"body_en": ""},
    "empty body": {"body_en": "<p></p>"},
    "no summary": {"summary_en": ""},
}
HOLD = {"ready": None, "held back": False}
TRASH = {"kept": None, "in trash": True}


def test_queryset_and_model_agree_on_every_combination():
    now = timezone.now()
    cases = {}
    for status, (when, offset), (english, fields), (hold, ready), (
        trash,
        trashed,
    ) in itertools.product(STATUSES, WHEN.items(), ENGLISH.items(), HOLD.items(), TRASH.items()):
        article = ArticleFactory(
            status=status,
            published_at=now + offset,
            withdrawn_at=now if status == "withdrawn" else None,
            deleted_at=now if trashed else None,
            **fields,
        )
        if ready is not None:
            article.set_translation_ready("en", ready)
        cases[article.pk] = (status, when, english, hold, trash)

    for language in LANGUAGE_CODES:
        in_sql = set(Article.objects.visible(language, now=now).values_list("pk", flat=True))
        on_record = set(Article.objects.on_record(now=now).values_list("pk", flat=True))
        for article in Article.objects.prefetch_related("translations"):
            assert article.is_visible(language, now=now) == (article.pk in in_sql), (
                language,
                cases[article.pk],
            )
            # The columns the gate reads agree with the texts and the translators' switches.
            translation = article.translation_for(language)
            assert article.is_available_in(language) == (
                article.is_complete_in(language) and (translation is None or translation.ready)
            ), (language, cases[article.pk])
            assert article.is_on_record(now=now) == (article.pk in on_record), cases[article.pk]

    visible_in_english = {
        cases[pk] for pk in Article.objects.visible("en", now=now).values_list("pk", flat=True)
    }
    assert visible_in_english == {
        ("published", when, "complete", "ready", "kept") for when in ("past", "now")
    }
    # Holding back the English version leaves the other languages alone.
    assert Article.objects.visible("az", now=now).count() == 2 * len(ENGLISH) * len(HOLD)
    # Withdrawn releases stay at their address, out of every list.
    assert {
        cases[pk][0] for pk in Article.objects.on_record(now=now).values_list("pk", flat=True)
    } == {"published", "withdrawn"}


@pytest.fixture
def hidden_articles():
    """Releases no visitor may reach, each with a title that must never show up."""
    held_back = ArticleFactory(title_ru="Перевод в работе")
    held_back.set_translation_ready("ru", False)
    return {
        "draft": ArticleFactory(
            draft=True, title_az="Qaralama", title_en="Draft", title_ru="Черновик"
        ),
        "scheduled": ArticleFactory(
            scheduled=True,
            title_az="Planlaşdırılmış",
            title_en="Scheduled",
            title_ru="Запланировано",
        ),
        "russian held back": held_back,
    }


@pytest.mark.parametrize("language", LANGUAGE_CODES)
@pytest.mark.parametrize("page", ["news:home", "news:list", "news:category"])
def test_lists_show_only_visible_releases(client, hidden_articles, news_category, language, page):
    shown = ArticleFactory(title_az="Görünən", title_en="Visible", title_ru="Видимый")
    with override(language):
        url = news_category.get_absolute_url() if page == "news:category" else reverse(page)
    html = client.get(url).content.decode()

    assert getattr(shown, f"title_{language}") in html
    for name, article in hidden_articles.items():
        if name == "russian held back" and language != "ru":
            continue
        assert article.get_absolute_url(language) not in html, name
        title = getattr(article, f"title_{language}")
        if title:
            assert title not in html, name


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("draft", "az"),
        ("draft", "en"),
        ("scheduled", "az"),
        ("scheduled", "ru"),
    ],
)
def test_hidden_release_answers_404_by_url(client, hidden_articles, name, language):
    article = hidden_articles[name]
    assert client.get(article.get_absolute_url(language)).status_code == 404


def test_scheduled_release_appears_when_its_time_comes(client, time_machine):
    time_machine.move_to(timezone.now(), tick=False)
    article = ArticleFactory(published_at=timezone.now() + timedelta(minutes=30))
    url = article.get_absolute_url("en")
    assert client.get(url).status_code == 404

    time_machine.shift(timedelta(minutes=30))
    assert client.get(url).status_code == 200
    assert article.title_en in client.get("/en/news/").content.decode()


# Photographs: a language version is only public once every photograph it shows has alt text
# in that language (or is marked decorative).
PHOTOGRAPHS = {
    "none": (),
    "described": (("lead", "described"),),
    "lead without English alt": (("lead", "undescribed"),),
    "gallery without English alt": (("gallery", "undescribed"),),
    "decorative": (("lead", "decorative"),),
    "English body without English alt": (("body_en", "undescribed"),),
    "Russian body without English alt": (("body_ru", "undescribed"),),
}


@pytest.fixture
def library():
    return {
        "described": ImageFactory(),
        "undescribed": ImageFactory(alt_en=""),
        "decorative": ImageFactory(alt_az="", alt_en="", alt_ru="", decorative=True),
    }


def photographed(article, uses, library):
    for place, name in uses:
        image = library[name]
        if place.startswith("body_"):
            setattr(
                article,
                place,
                getattr(article, place) + f'<figure data-image="{image.pk}"></figure>',
            )
            article.save()
        else:
            show(article, image, place)
    return article


def test_columns_queryset_and_model_agree_with_photographs_on_every_combination(library):
    cases = {}
    for (english, fields), (hold, ready), (pictured, uses) in itertools.product(
        ENGLISH.items(), HOLD.items(), PHOTOGRAPHS.items()
    ):
        article = photographed(ArticleFactory(**fields), uses, library)
        if ready is not None:
            article.set_translation_ready("en", ready)
        cases[article.pk] = (english, hold, pictured)

    visible = set(Article.objects.visible("en").values_list("pk", flat=True))
    lacking = set(Article.objects.lacking_alt_text("en").values_list("pk", flat=True))
    missing = set(Article.objects.missing_in("en").values_list("pk", flat=True))
    for article in Article.objects.prefetch_related("translations"):
        case = cases[article.pk]
        translation = article.translation_for("en")
        without_alt = images_lacking_alt_text(article)["en"]
        assert article.is_available_in("en") == (
            article.is_complete_in("en")
            and (translation is None or translation.ready)
            and not without_alt
        ), case
        assert (article.pk in visible) == article.is_visible("en"), case
        assert (article.pk in lacking) == bool(without_alt), case
        # A version held up by a photograph is not "missing" for translators: its texts are there.
        assert (article.pk in missing) == (not article.is_complete_in("en")), case
        # Other languages never wait for English alt texts.
        assert article.is_available_in("az"), case

    assert {cases[pk] for pk in visible} == {
        ("complete", "ready", pictured)
        for pictured in ("none", "described", "decorative", "Russian body without English alt")
    }


def test_writing_the_alt_text_opens_every_release_that_shows_the_photograph(client, library):
    image = library["undescribed"]
    lead = photographed(ArticleFactory(), [("lead", "undescribed")], library)
    in_body = photographed(ArticleFactory(), [("body_en", "undescribed")], library)
    url = lead.get_absolute_url("en")
    assert not Article.objects.visible("en").filter(pk__in=[lead.pk, in_body.pk]).exists()
    assert f'<h1 lang="az">{lead.title_az}</h1>' in client.get(url).content.decode()

    image.alt_en = "The Chief of the Service greets the delegation"
    image.save()

    assert Article.objects.visible("en").filter(pk__in=[lead.pk, in_body.pk]).count() == 2
    # The English version now has an address of its own, which the borrowed one leads to.
    english = client.get(url, follow=True).content.decode()
    assert f'<h1 lang="en">{lead.title_en}</h1>' in english
    assert 'alt="The Chief of the Service greets the delegation"' in english

    image.alt_en = ""
    image.save()
    assert not Article.objects.visible("en").filter(pk__in=[lead.pk, in_body.pk]).exists()


def test_removing_or_marking_the_photograph_decorative_opens_the_release(library):
    image = library["undescribed"]
    removed = photographed(ArticleFactory(), [("gallery", "undescribed")], library)
    kept = photographed(ArticleFactory(), [("lead", "undescribed")], library)

    ArticleImage.objects.get(article=removed).delete()
    assert Article.objects.visible("en").filter(pk=removed.pk).exists()
    assert not Article.objects.visible("en").filter(pk=kept.pk).exists()

    image.decorative = True
    image.save()
    assert Article.objects.visible("en").filter(pk=kept.pk).exists()
