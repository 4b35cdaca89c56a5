"""The one public gate: what visitors may see, in SQL and in memory, and on every page."""

import itertools
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from news.languages import LANGUAGE_CODES
from news.models import Article
from tests.factories import ArticleFactory

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
