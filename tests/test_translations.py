"""The translation workflow: per-language visibility, outdated translations, translators'
rights, the translation queue, fallback pages and the admin in the editor's language."""

import json
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.diff import plain_text, word_diff
from news.models import Article, Translation
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

AZ_ONLY = {
    "title_en": "",
    "summary_en": "",
    "body_en": "",
    "title_ru": "",
    "summary_ru": "",
    "body_ru": "",
}
ALTERNATE_LINK = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')
SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.DOTALL)
SWITCHER_LINK = re.compile(r'<a href="([^"]+)" lang="([^"]+)" hreflang="[^"]+"')


def html(response):
    return response.content.decode()


def hreflang_links(response):
    """Return [(hreflang, href)] of the page's <link rel="alternate"> elements, in order."""
    return ALTERNATE_LINK.findall(html(response))


class _TextLanguages(HTMLParser):
    """Collect every piece of text of a page with the language its element declares."""

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__()
        self.open = []  # [(tag, language in force)]
        self.texts = []  # [(text, language)]

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        inherited = self.open[-1][1] if self.open else None
        self.open.append((tag, dict(attrs).get("lang", inherited)))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                return

    def handle_data(self, data):
        if data.strip():
            self.texts.append((data.strip(), self.open[-1][1] if self.open else None))


def languages_of(response, text):
    """Return the set of languages the page declares for the elements whose text is ``text``."""
    parser = _TextLanguages()
    parser.feed(html(response))
    return {language for found, language in parser.texts if found == text}


def text_of(fragment):
    """Return the words of an HTML fragment, tags removed, spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


def queue_summary(response):
    """Return the text of the admin index's translation queue module."""
    found = re.search(r'id="translation-queue-summary".*?</div>', html(response), re.DOTALL)
    assert found, "no translation queue on the admin index"
    return text_of(found.group(0))


def shows_count(summary, language_name, count):
    return re.search(rf"{language_name}\W*{count}\b", summary) is not None


def queue_of(response):
    """Return [(language, [(release pk, state)])] as the queue page lists them."""
    return [
        (code, [(item[0].pk, item[1]) for item in items])
        for code, items in response.context["queues"]
    ]


def original_changes(response):
    """Return the HTML of the change page's "how the original changed" blocks."""
    return "".join(
        re.findall(r'<div class="original-changes">.*?</div>', html(response), re.DOTALL)
    )


def switcher_links(content):
    """Return {language: URL} of the page's language switcher."""
    switcher = SWITCHER.search(content)
    assert switcher, "no language switcher on the page"
    return {code: url for url, code in SWITCHER_LINK.findall(switcher.group(0))}


def absolute(path):
    return f"http://testserver{path}"


def days_ago(days):
    return timezone.now() - timedelta(days=days)


def hold_back(article, language):
    Translation.objects.update_or_create(
        article=article, language=language, defaults={"ready": False}
    )


def reloaded(article):
    """Return ``article`` fresh from the database, translations included."""
    return Article.objects.prefetch_related("translations").get(pk=article.pk)


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


STORED_FIELDS = [
    field.attname
    for field in Article._meta.concrete_fields
    if field.name not in {"title", "slug", "summary", "body"}
]


def snapshot(article):
    """Return everything stored about ``article``: its row and its translation records."""
    row = Article.objects.filter(pk=article.pk).values(*STORED_FIELDS).get()
    translations = list(
        Translation.objects.filter(article=article)
        .order_by("language")
        .values("language", "ready", "source_title", "source_summary", "source_body")
    )
    return row, translations


def staff_client(django_user_model, username, *groups, language="en"):
    """Return a client logged in as a staff member of ``groups``, its admin in ``language``."""
    user = django_user_model.objects.create_user(
        username=username, password="not-used", is_staff=True
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    assert user.groups.count() == len(groups)
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.fixture
def english_translator(django_user_model):
    return staff_client(django_user_model, "translator-en", "Translators: English")


@pytest.fixture
def russian_translator(django_user_model):
    return staff_client(django_user_model, "translator-ru", "Translators: Russian")


@pytest.fixture
def editor(admin_client):
    """The superuser's client, with the admin in English."""
    admin_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return admin_client


def english_form(article, **changes):
    """Return what the English translator's change form posts; None in ``changes`` drops a key."""
    data = {
        f"{field}_en": getattr(article, f"{field}_en") for field in ("title", "slug", "summary")
    }
    data["body_en"] = article.body_en
    data["ready_en"] = "on"
    data["loaded_version"] = Article.objects.get(pk=article.pk).lock_version
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def outdate(article, **original_changes):
    """Change the original (Azerbaijani) text of ``article`` and save it."""
    article = Article.objects.get(pk=article.pk)
    for name, value in original_changes.items():
        setattr(article, name, value)
    article.save()
    return reloaded(article)


# 1. Per-language visibility


def test_release_held_back_in_russian_is_listed_only_in_the_other_languages(client, news_category):
    held = ArticleFactory(title_ru="Задержанный перевод", title_en="Held in Russian")
    shown = ArticleFactory(title_ru="Готовый перевод")
    hold_back(held, "ru")

    for page in ("/ru/", "/ru/news/", news_category.get_absolute_url("ru")):
        content = html(client.get(page))
        assert "Готовый перевод" in content, page
        assert "Задержанный перевод" not in content, page
    for language in ("az", "en"):
        for page in (
            f"/{language}/",
            f"/{language}/news/",
            news_category.get_absolute_url(language),
        ):
            content = html(client.get(page))
            assert getattr(held, f"title_{language}") in content, page
            assert getattr(shown, f"title_{language}") in content, page
    assert not Article.objects.visible("ru").filter(pk=held.pk).exists()
    assert reloaded(held).public_languages() == ["az", "en"]
    assert reloaded(held).translation_state("ru") == "held back"


def test_release_missing_its_english_summary_is_not_listed_in_english(client):
    incomplete = ArticleFactory(title_az="Yarımçıq", title_en="No summary yet", summary_en="")
    complete = ArticleFactory(title_en="Complete in English")

    english = html(client.get("/en/news/"))
    assert "Complete in English" in english
    assert "No summary yet" not in english
    assert "Yarımçıq" in html(client.get("/az/news/"))
    assert reloaded(incomplete).public_languages() == ["az", "ru"]
    assert reloaded(complete).public_languages() == ["az", "en", "ru"]


def test_article_hreflang_lists_only_its_public_languages_and_x_default(client):
    article = ArticleFactory(without_russian=True)
    held = ArticleFactory()
    hold_back(held, "ru")

    for release in (article, held):
        response = client.get(release.get_absolute_url("en"))
        assert response.status_code == 200
        az = absolute(release.get_absolute_url("az"))
        assert hreflang_links(response) == [
            ("az", az),
            ("en", absolute(release.get_absolute_url("en"))),
            ("x-default", az),
        ]


def test_x_default_is_the_original_when_there_is_no_azerbaijani_version(client):
    article = ArticleFactory(
        original_language="en", title_az="", summary_az="", body_az="", title_ru=""
    )

    response = client.get(article.get_absolute_url("en"))

    en = absolute(article.get_absolute_url("en"))
    assert hreflang_links(response) == [("en", en), ("x-default", en)]


@pytest.mark.parametrize("page", ["/{lang}/", "/{lang}/news/", "category"])
def test_list_pages_carry_absolute_hreflang_for_every_language(client, news_category, page):
    def url(language):
        if page == "category":
            return news_category.get_absolute_url(language)
        return page.format(lang=language)

    response = client.get(url("ru"))

    assert response.status_code == 200
    assert hreflang_links(response) == [
        ("az", absolute(url("az"))),
        ("en", absolute(url("en"))),
        ("ru", absolute(url("ru"))),
        ("x-default", absolute(url("az"))),
    ]
    assert absolute(url("en")).startswith("http://testserver/en/")


def test_not_found_page_carries_no_hreflang_links(client):
    for page in ("/en/news/999999/", "/ru/no-such-page/"):
        response = client.get(page)
        assert response.status_code == 404
        assert hreflang_links(response) == []
        assert "hreflang=" not in html(response).split("</head>")[0]


# 2. Outdated marking


def test_new_release_in_three_languages_has_current_translations():
    article = reloaded(ArticleFactory())

    assert article.translation_state("az") == "original"
    assert article.translation_state("en") == "current"
    assert article.translation_state("ru") == "current"
    assert not Article.objects.needing_translation("en").exists()
    assert not Article.objects.needing_translation("ru").exists()


@pytest.mark.parametrize(
    "change",
    [
        {"body_az": "<p>Yeni mətn.</p>"},
        {"title_az": "Yeni başlıq"},
        {"summary_az": "Yeni qısa məzmun."},
    ],
    ids=["body", "title", "summary"],
)
def test_changing_the_original_outdates_the_translations_which_stay_public(client, change):
    article = ArticleFactory(title_en="Translated before the change")

    article = outdate(article, **change)

    assert article.translation_state("az") == "original"
    assert article.translation_state("en") == "outdated"
    assert article.translation_state("ru") == "outdated"
    assert article.public_languages() == ["az", "en", "ru"]
    assert "Translated before the change" in html(client.get("/en/news/"))
    assert list(Article.objects.needing_translation("en")) == [article]
    assert list(Article.objects.needing_translation("ru")) == [article]


def test_changing_only_a_translation_outdates_nothing():
    article = ArticleFactory()
    article = Article.objects.get(pk=article.pk)
    article.body_en = "<p>Better English text.</p>"
    article.save()

    article = reloaded(article)
    assert article.translation_state("en") == "current"
    assert article.translation_state("ru") == "current"
    assert not Article.objects.needing_translation("en").exists()
    assert not Article.objects.needing_translation("ru").exists()


def test_updating_the_translation_after_the_original_changed_clears_outdated_for_it_only():
    article = outdate(ArticleFactory(), body_az="<p>Yeni mətn.</p>")
    article.body_en = "<p>New text.</p>"
    article.save()

    article = reloaded(article)
    assert article.translation_state("en") == "current"
    assert article.translation_state("ru") == "outdated"
    assert not Article.objects.needing_translation("en").exists()
    assert list(Article.objects.needing_translation("ru")) == [article]


def test_needing_translation_returns_missing_and_outdated_but_not_current_or_originals():
    current = ArticleFactory()
    missing = ArticleFactory(title_en="", summary_en="", body_en="")
    missing_body = ArticleFactory(body_en="")
    outdated = outdate(ArticleFactory(), title_az="Dəyişmiş başlıq")
    written_in_english = ArticleFactory(
        original_language="en", title_az="", summary_az="", body_az=""
    )
    # Written as an Azerbaijani original with an English translation, then declared English:
    # the old English translation record must not put it in the English queue.
    turned_english = ArticleFactory()
    turned_english = Article.objects.get(pk=turned_english.pk)
    turned_english.original_language = "en"
    turned_english.save()

    needing = set(Article.objects.needing_translation("en"))

    assert needing == {missing, missing_body, outdated}
    assert current not in needing
    assert written_in_english in set(Article.objects.needing_translation("az"))
    assert reloaded(turned_english).translation_state("en") == "original"


def test_import_of_a_complete_record_creates_no_outdated_translations(tmp_path):
    record = {
        "legacy_id": 77,
        "category": "news",
        "published_at": "2020-12-15T11:30:00+04:00",
        "status": "published",
        "title": {"az": "İdxal", "en": "Import", "ru": "Импорт"},
        "summary": {"az": "Qısa.", "en": "Short.", "ru": "Кратко."},
        "body": {"az": "<p>Mətn.</p>", "en": "<p>Text.</p>", "ru": "<p>Текст.</p>"},
    }
    path = tmp_path / "releases.json"
    path.write_text(json.dumps([record], ensure_ascii=False), encoding="utf-8")

    call_command("import_articles", str(path), verbosity=0)

    article = Article.objects.prefetch_related("translations").get(legacy_id=77)
    assert [article.translation_state(code) for code in ("az", "en", "ru")] == [
        "original",
        "current",
        "current",
    ]
    assert not Article.objects.needing_translation("en").exists()
    assert not Article.objects.needing_translation("ru").exists()


# 3. The diff


def test_word_diff_marks_removed_and_added_words():
    diff = word_diff("Old words here.", "New words here.")

    assert diff == "<del>Old</del><ins>New</ins> words here."


def test_word_diff_escapes_html_in_its_input():
    diff = word_diff("Say <script>alert(1)</script> now", "Say <b>hello</b> now")

    assert "<script>" not in diff
    assert "<b>" not in diff
    assert "<del>&lt;script&gt;alert(1)&lt;/script&gt;</del>" in diff
    assert "<ins>&lt;b&gt;hello&lt;/b&gt;</ins>" in diff


def test_word_diff_of_equal_texts_has_no_marks():
    assert word_diff("Same & text", "Same & text") == "Same &amp; text"


def test_plain_text_keeps_one_line_per_paragraph():
    assert plain_text("<p>One <b>two</b>.</p><p>Three.</p>") == "One two.\nThree."


def test_change_page_shows_how_the_original_body_changed(editor):
    article = ArticleFactory(body_az="<p>Old words here.</p>")
    outdate(article, body_az="<p>New words here.</p>")

    response = editor.get(change_url(article))

    assert response.status_code == 200
    changes = original_changes(response)
    assert "<del>Old</del>" in changes
    assert "<ins>New</ins>" in changes
    assert "outdated: the original has changed" in html(response)


def test_change_page_shows_body_changes_with_ampersands_and_brackets_once_escaped(editor):
    article = ArticleFactory(body_az="<p>Fish &amp; chips &lt;today&gt;</p>")
    outdate(article, body_az="<p>Fish &amp; rice &lt;today&gt;</p>")

    changes = original_changes(editor.get(change_url(article)))

    assert "<del>chips</del><ins>rice</ins>" in changes
    # The editor must read "Fish & chips <today>", not "Fish &amp; chips &lt;today&gt;".
    assert "&amp;amp;" not in changes
    assert "&amp;lt;" not in changes
    assert "Fish &amp; <del>chips</del><ins>rice</ins> &lt;today&gt;" in changes


def test_change_page_shows_no_diff_for_current_translations(editor):
    article = ArticleFactory()

    response = editor.get(change_url(article))

    assert original_changes(response) == ""
    assert "<del>" not in html(response)
    assert "up to date" in html(response)


# 4. Translator restrictions


def test_translator_edits_only_the_fields_of_their_language(english_translator):
    article = ArticleFactory()

    response = english_translator.get(change_url(article))

    content = html(response)
    assert response.status_code == 200
    for name in ("title_en", "summary_en", "body_en", "ready_en"):
        assert f'name="{name}"' in content, name
    for name in (
        "title_az",
        "summary_az",
        "body_az",
        "title_ru",
        "body_ru",
        "status",
        "category",
        "published_at_0",
        "published_at_1",
        "original_language",
        "legacy_id",
        "ready_ru",
    ):
        assert f'name="{name}"' not in content, name
    # Read-only fields are still shown.
    assert article.title_az in content


def test_translator_saves_a_new_english_title_and_nothing_else_changes(english_translator):
    article = ArticleFactory()
    row_before, translations_before = snapshot(article)

    response = english_translator.post(
        change_url(article), english_form(article, title_en="A better English title")
    )

    assert response.status_code == 302
    row_after, translations_after = snapshot(article)
    assert row_after["title_en"] == "A better English title"
    # The edit counter and the last editor are bookkeeping of every save.
    unchanged = {"title_en", "slug_en", "updated_at", "lock_version", "last_edited_by_id"}
    assert {k: v for k, v in row_after.items() if k not in unchanged} == {
        k: v for k, v in row_before.items() if k not in unchanged
    }
    assert [t for t in translations_after if t["language"] != "en"] == [
        t for t in translations_before if t["language"] != "en"
    ]
    assert reloaded(article).translation_state("en") == "current"


@pytest.mark.parametrize(
    "crafted",
    [
        {"status": "draft"},
        {"title_az": "Saxta başlıq"},
        {"category": "announcements"},
        {"published_at_0": "2030-01-01", "published_at_1": "10:00:00"},
        {"title_ru": "Поддельный заголовок"},
        {"original_language": "en"},
    ],
    ids=["status", "title_az", "category", "published_at", "title_ru", "original_language"],
)
def test_crafted_post_with_fields_not_theirs_is_refused(english_translator, announcements, crafted):
    article = ArticleFactory()
    before = snapshot(article)
    if crafted.get("category"):
        crafted = {"category": announcements.pk}

    response = english_translator.post(
        change_url(article), english_form(article, title_en="Sneaky change", **crafted)
    )

    assert response.status_code == 403
    assert snapshot(article) == before


def test_translator_cannot_add_or_delete_releases(english_translator):
    article = ArticleFactory()

    assert english_translator.get(reverse("admin:news_article_add")).status_code == 403
    assert english_translator.post(reverse("admin:news_article_add"), {}).status_code == 403
    delete_url = reverse("admin:news_article_delete", args=[article.pk])
    assert english_translator.get(delete_url).status_code == 403
    assert english_translator.post(delete_url, {"post": "yes"}).status_code == 403
    assert Article.objects.filter(pk=article.pk).exists()


def test_unticking_ready_holds_the_english_version_back_and_ticking_brings_it_back(
    english_translator, client
):
    article = ArticleFactory(title_en="Work in progress")

    response = english_translator.post(change_url(article), english_form(article, ready_en=None))

    assert response.status_code == 302
    assert Translation.objects.get(article=article, language="en").ready is False
    assert reloaded(article).translation_state("en") == "held back"
    assert "Work in progress" not in html(client.get("/en/news/"))
    assert article.title_az in html(client.get("/az/news/"))
    assert 'name="ready_en" checked' not in html(english_translator.get(change_url(article)))

    response = english_translator.post(change_url(article), english_form(article))

    assert response.status_code == 302
    assert Translation.objects.get(article=article, language="en").ready is True
    assert reloaded(article).translation_state("en") == "current"
    assert "Work in progress" in html(client.get("/en/news/"))


def test_confirm_control_appears_only_for_outdated_translation_and_clears_it(english_translator):
    article = ArticleFactory()

    assert 'name="confirm_en"' not in html(english_translator.get(change_url(article)))

    article = outdate(article, body_az="<p>Yeni mətn.</p>")
    assert 'name="confirm_en"' in html(english_translator.get(change_url(article)))

    response = english_translator.post(change_url(article), english_form(article, confirm_en="on"))

    assert response.status_code == 302
    article = reloaded(article)
    assert article.translation_state("en") == "current"
    assert article.translation_state("ru") == "outdated"
    assert not Article.objects.needing_translation("en").exists()
    assert 'name="confirm_en"' not in html(english_translator.get(change_url(article)))


def test_saving_an_outdated_translation_without_confirming_keeps_it_outdated(english_translator):
    article = outdate(ArticleFactory(), body_az="<p>Yeni mətn.</p>")

    response = english_translator.post(change_url(article), english_form(article))

    assert response.status_code == 302
    assert reloaded(article).translation_state("en") == "outdated"


# 5. Queue and counts


@pytest.fixture
def queue_releases():
    """Releases in every state a queue must tell apart, with distinct release dates."""
    return {
        "current": ArticleFactory(title_az="Hazır", published_at=days_ago(30)),
        "missing_en": ArticleFactory(
            title_az="İngiliscəsi yoxdur",
            title_en="",
            summary_en="",
            body_en="",
            published_at=days_ago(5),
        ),
        "outdated": outdate(
            ArticleFactory(title_en="Outdated English", published_at=days_ago(10)),
            body_az="<p>Yeni mətn.</p>",
        ),
        "missing_ru": ArticleFactory(
            without_russian=True, title_en="Only Russian missing", published_at=days_ago(20)
        ),
        "english_original": ArticleFactory(
            original_language="en",
            title_az="",
            summary_az="",
            body_az="",
            title_en="Written in English",
            title_ru="",
            published_at=days_ago(40),
        ),
    }


def test_english_queue_lists_missing_and_outdated_oldest_first(english_translator, queue_releases):
    response = english_translator.get(reverse("admin:news_article_translation_queue"))

    assert response.status_code == 200
    assert queue_of(response) == [
        (
            "en",
            [
                (queue_releases["outdated"].pk, "outdated"),
                (queue_releases["missing_en"].pk, "missing"),
            ],
        )
    ]
    content = html(response)
    assert content.index("Outdated English") < content.index("İngiliscəsi yoxdur")
    assert "outdated: the original has changed" in content
    assert ">missing<" in content
    for absent in ("Only Russian missing", "Written in English", "Release number"):
        assert absent not in content, absent


def test_russian_queue_lists_russian_work(russian_translator, queue_releases):
    response = russian_translator.get(reverse("admin:news_article_translation_queue"))

    assert response.status_code == 200
    assert queue_of(response) == [
        (
            "ru",
            [
                (queue_releases["english_original"].pk, "missing"),
                (queue_releases["missing_ru"].pk, "missing"),
                (queue_releases["outdated"].pk, "outdated"),
            ],
        )
    ]
    assert "Only Russian missing" in html(response)
    assert "İngiliscəsi yoxdur" not in html(response)


def test_admin_index_shows_the_queue_count_for_the_translators_languages(
    english_translator, russian_translator, queue_releases
):
    english = queue_summary(english_translator.get(reverse("admin:index")))
    russian = queue_summary(russian_translator.get(reverse("admin:index")))

    assert "Translation queue" in english
    assert shows_count(english, "English", 2)
    assert "Русский" not in english
    assert "Azərbaycanca" not in english
    assert shows_count(russian, "Русский", 3)
    assert "English" not in russian


def test_superuser_sees_every_languages_count(editor, queue_releases):
    response = editor.get(reverse("admin:index"))

    assert response.status_code == 200
    summary = queue_summary(response)
    assert "Translation queue" in summary
    assert shows_count(summary, "Azərbaycanca", 1)
    assert shows_count(summary, "English", 2)
    assert shows_count(summary, "Русский", 3)
    queue = editor.get(reverse("admin:news_article_translation_queue"))
    assert [code for code, _items in queue.context["queues"]] == ["az", "en", "ru"]


def test_queue_counts_follow_the_work_being_done(english_translator):
    article = outdate(ArticleFactory(), body_az="<p>Yeni mətn.</p>")
    before = queue_summary(english_translator.get(reverse("admin:index")))

    english_translator.post(change_url(article), english_form(article, confirm_en="on"))

    after = queue_summary(english_translator.get(reverse("admin:index")))
    assert shows_count(before, "English", 1)
    assert shows_count(after, "English", 0)


# 6. Fallback pages


def test_release_without_russian_is_shown_in_azerbaijani_on_the_russian_page(client):
    article = ArticleFactory(without_russian=True, title_az="Yalnız iki dildə")
    # Without a Russian version of its own, the release is addressed by the original's slug.
    url = f"/ru/news/{article.pk}/{article.slug_az}/"
    assert article.get_absolute_url("ru") == url

    response = client.get(url)

    content = html(response)
    assert response.status_code == 200
    assert languages_of(response, "Yalnız iki dildə") == {"az"}
    assert languages_of(response, "Qısa məzmun.") == {"az"}
    assert languages_of(response, "Mətn.") == {"az"}
    assert "Этот пресс-релиз недоступен на вашем языке" in content
    assert f'href="{article.get_absolute_url("az")}" lang="az"' in content
    assert f'href="{article.get_absolute_url("en")}" lang="en"' in content
    assert '<meta name="robots" content="noindex">' in content
    assert f'<link rel="canonical" href="{absolute(article.get_absolute_url("az"))}">' in content


def test_fallback_page_for_an_azerbaijani_only_release(client):
    article = ArticleFactory(title_az="Yalnız Azərbaycan dilində", **AZ_ONLY)
    az_url = article.get_absolute_url("az")

    response = client.get(f"/en/news/{article.pk}/{article.slug_az}/")

    content = html(response)
    assert response.status_code == 200
    assert "This release is not available in your language." in content
    assert "It is available in Azerbaijani." in content
    assert languages_of(response, "Yalnız Azərbaycan dilində") == {"az"}
    assert languages_of(
        response,
        "This release is not available in your language. It is available in Azerbaijani.",
    ) == {"en"}
    assert '<meta name="robots" content="noindex">' in content
    assert f'<link rel="canonical" href="{absolute(az_url)}">' in content
    assert switcher_links(content) == {
        "az": az_url,
        "en": f"/en/news/{article.pk}/{article.slug_az}/",
        "ru": f"/ru/news/{article.pk}/{article.slug_az}/",
    }
    assert hreflang_links(response) == [("az", absolute(az_url)), ("x-default", absolute(az_url))]


def test_normal_article_page_is_indexable_and_not_marked_as_another_language(client):
    article = ArticleFactory()

    response = client.get(article.get_absolute_url("en"))

    content = html(response)
    assert response.status_code == 200
    assert 'content="noindex"' not in content
    assert languages_of(response, article.title_en) == {"en"}
    assert "not available in your language" not in content
    assert f'<link rel="canonical" href="{absolute(article.get_absolute_url("en"))}">' in content
    assert switcher_links(content) == {
        code: article.get_absolute_url(code) for code in ("az", "en", "ru")
    }


def test_held_back_russian_release_falls_back_on_the_russian_page(client):
    article = ArticleFactory(title_ru="Ещё не готово")
    hold_back(article, "ru")
    article.refresh_from_db()

    response = client.get(article.get_absolute_url("ru"))

    content = html(response)
    assert response.status_code == 200
    assert "Ещё не готово" not in content
    assert languages_of(response, article.title_az) == {"az"}
    assert '<meta name="robots" content="noindex">' in content


@pytest.mark.parametrize("language", ["en", "ru"])
def test_wrong_slug_on_a_fallback_page_redirects_permanently(client, language):
    article = ArticleFactory(**AZ_ONLY)

    response = client.get(f"/{language}/news/{article.pk}/wrong-slug/")

    assert response.status_code == 301
    assert response["Location"] == f"/{language}/news/{article.pk}/{article.slug_az}/"


@pytest.mark.parametrize(
    "state",
    [
        {"draft": True},
        {"scheduled": True},
        {"body_az": "", "body_en": "", "body_ru": ""},
    ],
    ids=["draft", "scheduled", "incomplete-everywhere"],
)
def test_release_public_in_no_language_is_not_found(client, state):
    article = ArticleFactory(**state)

    for language in ("az", "en", "ru"):
        assert client.get(f"/{language}/news/{article.pk}/").status_code == 404


# 7. Admin in the editor's language


def test_admin_switches_to_the_editors_language(admin_client):
    response = admin_client.post(reverse("set_language"), {"language": "ru", "next": "/admin/"})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    page = html(admin_client.get("/admin/"))
    assert '<html lang="ru"' in page
    assert "Администрирование" in page
    assert "Очередь переводов" in page
    assert '<option value="ru" lang="ru" selected>' in page


def test_admin_language_switch_form_is_on_admin_pages(editor):
    article = ArticleFactory()

    for url in (
        reverse("admin:index"),
        reverse("admin:news_article_changelist"),
        change_url(article),
        reverse("admin:news_article_translation_queue"),
    ):
        content = html(editor.get(url))
        assert f'action="{reverse("set_language")}" method="post"' in content, url
        assert '<select id="admin-language" name="language">' in content, url
        assert '<html lang="en"' in content, url


def test_admin_language_can_be_switched_back(admin_client):
    admin_client.post(reverse("set_language"), {"language": "ru", "next": "/admin/"})
    admin_client.post(reverse("set_language"), {"language": "en", "next": "/admin/"})

    page = html(admin_client.get("/admin/"))
    assert '<html lang="en"' in page
    assert "Администрирование" not in page
