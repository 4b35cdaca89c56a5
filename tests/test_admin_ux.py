"""The admin as a press officer meets it: the agency's name, one language switch, room to
write, readable history, labelled inputs, and an account to start with in development."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse
from reversion.models import Revision

from news.models import Article
from news.revisions import keep_revisions
from tests.factories import ArticleFactory
from tests.newsroom import (
    add_url,
    change_url,
    compare_url,
    history_url,
    page,
    revision_url,
    save,
    text,
    versions,
)

pytestmark = pytest.mark.django_db

AGENCY = {
    "az": "Dövlət Miqrasiya Xidməti",
    "en": "State Migration Service",
    "ru": "Государственная миграционная служба",
}


def in_language(client, code):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
    return client


def fieldset(html, css_class):
    """Return the markup of the one fieldset carrying ``css_class``."""
    found = re.findall(rf'<fieldset class="[^"]*\b{css_class}\b[^"]*".*?</fieldset>', html, re.S)
    assert len(found) == 1, css_class
    return found[0]


def tag(html, pattern):
    found = re.search(rf"<[^>]*{pattern}[^>]*>", html)
    assert found, pattern
    return found.group(0)


# The agency's name


@pytest.mark.parametrize("code", ["az", "en", "ru"])
def test_sign_in_and_admin_pages_carry_the_agencys_name_in_each_language(client, admin_user, code):
    sign_in = page(in_language(client, code).get(reverse("admin:login")))
    client.force_login(admin_user)
    index = page(client.get(reverse("admin:index")))

    for html in (sign_in, index):
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        assert AGENCY[code] in title
        assert AGENCY[code] in re.search(r'<div id="site-name">.*?</div>', html, re.S).group(0)
        assert "Django" not in title
        assert "Django administration" not in html


# One language switch


def test_the_release_form_groups_each_languages_texts_in_one_fieldset(admin_client):
    html = page(in_language(admin_client, "en").get(add_url()))

    for code in ("az", "en", "ru"):
        group = fieldset(html, f"release-language--{code}")
        for field in ("title", "slug", "summary", "body"):
            assert f'name="{field}_{code}"' in group
        assert re.findall(r'name="\w+_(az|en|ru)"', group) == [code] * 4
    # One tablist of buttons, no link inside a tab; shown by the script only.
    tablist = tag(html, 'role="tablist"')
    assert "hidden" in tablist
    tabs = re.findall(r'<button type="button" role="tab"[^>]*data-language="(\w+)"', html)
    assert tabs == ["az", "en", "ru"]
    assert "ui-tabs" not in html
    assert "jquery-ui" not in html
    assert "news/admin/release-languages" in html


def test_the_switch_opens_on_the_releases_original_language(admin_client):
    english = ArticleFactory(original_language="en")

    changed = page(admin_client.get(change_url(english)))
    added = page(admin_client.get(add_url()))

    assert 'data-original-language="en"' in tag(changed, 'role="tablist"')
    assert 'data-original-language="az"' in tag(added, 'role="tablist"')


def test_the_language_select_beside_the_heading_is_labelled(admin_client):
    html = page(in_language(admin_client, "az").get(add_url()))

    assert '<label for="release-language-select">Mətnin dili</label>' in html
    select = re.search(r'<select id="release-language-select">.*?</select>', html, re.S).group(0)
    assert re.findall(r'<option value="(\w+)">', select) == ["az", "en", "ru"]


def test_restoring_a_revision_opens_the_same_form_with_its_switch(publisher, edited_release):
    older = versions(edited_release)[-1]

    html = page(publisher.client.get(revision_url(edited_release, older)))

    assert 'role="tablist"' in html
    fieldset(html, "release-language--en")
    assert 'name="_addanother"' not in html  # restoring is one save
    breadcrumbs = re.search(r'<div class="breadcrumbs">.*?</div>', html, re.S).group(0)
    assert f'href="{history_url(edited_release)}"' in breadcrumbs


# Room to write, and only what applies


def test_title_and_slug_are_wide_and_each_text_says_its_language(admin_client):
    html = page(admin_client.get(add_url()))

    for code in ("az", "en", "ru"):
        for field in ("title", "slug"):
            attributes = tag(html, f'name="{field}_{code}"')
            assert "release-wide" in attributes
            assert f'lang="{code}"' in attributes
        title = tag(html, f'name="title_{code}"')
        assert int(re.search(r'maxlength="(\d+)"', title).group(1)) >= 120
        assert f'lang="{code}"' in tag(html, f'name="body_{code}"')
    assert "news/admin/release-form.css" in html


def test_a_new_release_has_no_review_remark_box(publisher):
    html = page(publisher.client.get(add_url()))

    assert 'name="review_remark"' not in html


def test_a_publisher_reviewing_a_submitted_release_gets_the_remark_box(publisher, author):
    submitted = ArticleFactory(status=Article.Status.SUBMITTED)
    published = ArticleFactory()

    assert 'name="review_remark"' in page(publisher.client.get(change_url(submitted)))
    assert 'name="review_remark"' not in page(publisher.client.get(change_url(published)))


def test_the_category_select_has_no_add_change_delete_or_view_icon(admin_client):
    html = page(admin_client.get(change_url(ArticleFactory())))

    assert 'name="category"' in html
    for ability in ("add", "change", "delete", "view"):
        assert f'id="{ability}_id_category"' not in html


def test_release_date_and_time_inputs_have_accessible_names(admin_client):
    for code, names in (("en", ("Date", "Time")), ("az", ("Tarix", "Vaxt"))):
        html = page(in_language(admin_client, code).get(add_url()))
        assert f'aria-label="{names[0]}"' in tag(html, 'name="published_at_0"')
        assert f'aria-label="{names[1]}"' in tag(html, 'name="published_at_1"')


def test_the_editors_toolbar_words_come_in_the_interfaces_language(admin_client):
    html = page(in_language(admin_client, "ru").get(add_url()))

    labels = re.search(r'<script id="editor-labels" type="application/json">(.*?)</script>', html)
    assert labels
    assert '"bold": "\\u041f\\u043e\\u043b\\u0443\\u0436\\u0438\\u0440\\u043d\\u044b\\u0439"' in (
        labels.group(1)
    )  # "Полужирный"


def test_preview_buttons_are_written_in_the_interfaces_language(admin_client):
    article = ArticleFactory()

    html = page(in_language(admin_client, "az").get(change_url(article)))

    link = re.search(rf'<a href="{re.escape(article.get_preview_url("en"))}"[^>]*>(.*?)</a>', html)
    assert text(link.group(1)) == "Önizləmə: İngilis dili"
    # The label is Azerbaijani; only the page it opens is English.
    assert 'hreflang="en"' in link.group(0)
    assert " lang=" not in link.group(0)


# History people can read


@pytest.fixture
def edited_release(publisher, frozen):
    article = ArticleFactory(title_en="Old English")
    save(publisher.client, article, title_en="New English", change_kind="minor")
    frozen.shift(5)
    save(
        publisher.client,
        Article.objects.get(pk=article.pk),
        summary_az="Yeni xülasə.",
        change_kind="major",
        change_note="Xülasə yeniləndi.",
    )
    return article


@pytest.mark.parametrize(
    ("code", "minor", "major", "title_en", "summary_az"),
    [
        ("en", "Minor edit", "Major edit with note", "Title (English)", "Summary (Azerbaijani)"),
        (
            "az",
            "Kiçik düzəliş",
            "Qeydli əhəmiyyətli dəyişiklik",
            "Başlıq (İngilis dili)",
            "Xülasə (Azərbaycan dili)",
        ),
        (
            "ru",
            "Мелкая правка",
            "Существенная правка с примечанием",
            "Заголовок (Английский)",
            "Краткое содержание (Азербайджанский)",
        ),
    ],
)
def test_history_names_each_save_and_its_fields_in_the_readers_language(
    publisher, edited_release, code, minor, major, title_en, summary_az
):
    html = page(in_language(publisher.client, code).get(history_url(edited_release)))
    revisions = re.search(r'<table id="revisions">.*?</table>', html, re.S).group(0)

    assert f"{minor}. " in text(revisions)
    assert title_en in revisions
    assert f"{major}. " in text(revisions)
    assert "“Xülasə yeniləndi.”" in text(revisions)
    assert summary_az in revisions
    for internal in ("loaded_version", "Kind of change", "change_kind", "title_en", "summary_az"):
        assert internal not in revisions


def test_history_tells_two_saves_apart_to_the_second(publisher, edited_release):
    html = page(publisher.client.get(history_url(edited_release)))
    revisions = re.search(r'<table id="revisions">.*?</table>', html, re.S).group(0)

    assert "4 June 2025, 01:30:00" in revisions
    assert "4 June 2025, 01:30:05" in revisions


def test_an_imported_release_says_so_in_each_language(publisher):
    article = ArticleFactory()
    keep_revisions([article], "Imported from a file.")

    for code, word in (("en", "Imported"), ("az", "İdxal edilib"), ("ru", "Импортирован")):
        html = page(in_language(publisher.client, code).get(history_url(article)))
        assert f"<td>{word}</td>" in html
    assert Revision.objects.filter(comment="Imported from a file.").exists()


def test_compare_names_fields_with_their_language_and_has_the_full_breadcrumb(
    publisher, edited_release
):
    newer, older = versions(edited_release)[:2]

    html = page(publisher.client.get(compare_url(edited_release), {"a": older.pk, "b": newer.pk}))

    rows = re.findall(r'<tr data-field="(\w+)"><th scope="row">([^<]*)</th>', html)
    assert ("summary_az", "Summary (Azerbaijani)") in rows
    assert "<code>" not in html
    breadcrumbs = re.search(r'<div class="breadcrumbs">.*?</div>', html, re.S).group(0)
    for url in (
        reverse("admin:index"),
        reverse("admin:app_list", args=["news"]),
        reverse("admin:news_article_changelist"),
        change_url(edited_release),
        history_url(edited_release),
    ):
        assert f'href="{url}"' in breadcrumbs


# A newcomer's account


def run_load_demo(*args):
    out = StringIO()
    call_command("load_demo", *args, verbosity=1, stdout=out)
    return out.getvalue()


def test_load_demo_makes_a_demo_publisher_in_development_and_prints_its_password(settings):
    settings.DEBUG = True

    out = run_load_demo()

    password = re.search(r"as 'demo-editor' with the password '([^']+)'", out).group(1)
    user = get_user_model().objects.get(username="demo-editor")
    assert user.check_password(password)
    assert user.is_staff
    assert user.has_perm("news.publish_article")
    # Run again: a new password, and the old one no longer works.
    again = re.search(r"the password '([^']+)'", run_load_demo()).group(1)
    assert again != password
    assert not get_user_model().objects.get(username="demo-editor").check_password(password)


def test_load_demo_makes_no_account_with_debug_off_and_refuses_to_be_asked(settings):
    settings.DEBUG = False

    out = run_load_demo()

    assert "password" not in out
    assert not get_user_model().objects.filter(username="demo-editor").exists()
    with pytest.raises(CommandError, match="DEBUG is off"):
        run_load_demo("--demo-editor")
    assert not get_user_model().objects.filter(username="demo-editor").exists()


def test_compare_leaves_out_a_text_that_went_from_none_to_empty(publisher, frozen):
    article = ArticleFactory()
    keep_revisions([article], "Imported from a file.")
    # The import kept the texts the release lacks as None; the form saves them as "".
    assert versions(article)[0].field_dict["withdrawal_reason_en"] is None
    save(publisher.client, article, title_en="Another title", change_kind="minor")
    newer, older = versions(article)[:2]

    html = page(publisher.client.get(compare_url(article), {"a": older.pk, "b": newer.pk}))

    fields = re.findall(r'<tr data-field="(\w+)">', html)
    assert fields == ["title_en"]
