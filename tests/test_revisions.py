"""Restoring revisions and recovering releases: every door obeys the rules of an ordinary save.

Each page that can bring an older state back (the revision page, django-reversion's recover
page and recover list, the history page, the trash's actions) is tried as each role.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from reversion.models import Version

from news.admin.history import describe_revision
from news.models import Article
from tests.factories import ArticleFactory
from tests.newsroom import (
    STORED_FIELDS,
    Action,
    assert_unchanged,
    change_url,
    changelist_url,
    delete_url,
    events,
    fresh,
    history_url,
    new_release,
    page,
    rendered_form,
    restore,
    revision_url,
    save,
    snapshot,
    texts,
    versions,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

ROLES = ["author", "publisher", "translator", "superuser"]
# Columns every save of a release moves, whoever makes it.
BOOKKEEPING = {"lock_version", "updated_at", "last_edited_by_id"}


def client_of(request, role):
    """Return the logged-in client of ``role`` (superuser is a client of its own)."""
    user = request.getfixturevalue(role)
    return getattr(user, "client", user)


def recover_url(version):
    return reverse("admin:news_article_recover", args=[version.pk])


def recover_list_url():
    return reverse("admin:news_article_recoverlist")


def row(article):
    """Return every column of ``article`` as stored, each language separately."""
    return Article.objects.filter(pk=article.pk).values(*STORED_FIELDS).get()


def changed_columns(before, after):
    return {name for name in before if before[name] != after[name]}


def published_release_with_history(publisher, frozen):
    """Return a release written as a draft then published, and its draft revision."""
    save(publisher.client, **new_release("draft", **texts("Köhnə", "Old English", "Старое")))
    article = Article.objects.get()
    frozen.shift(timedelta(minutes=1))
    save(publisher.client, article, **texts("Yeni", "New English", "Новое"), status="published")
    frozen.shift(timedelta(minutes=1))
    return fresh(article), versions(article)[-1]


def withdrawn_release_with_history(publisher, frozen):
    """Return a release written as a draft, published, then withdrawn, and its draft."""
    article, draft = published_release_with_history(publisher, frozen)
    save(publisher.client, article, status="withdrawn", withdrawal_reason_az="Səhv rəqəmlər.")
    frozen.shift(timedelta(minutes=1))
    article = fresh(article)
    assert article.status == "withdrawn"
    return article, draft


# The revision page


def test_a_translator_restores_only_their_languages(publisher, translator, frozen):
    article, draft = withdrawn_release_with_history(publisher, frozen)
    before = row(article)

    opened, restored = restore(translator.client, article, draft)

    assert opened.context["adminform"].form["title_en"].value() == "Old English"
    assert restored.status_code == 302
    after = row(article)
    assert changed_columns(before, after) == {
        "title_en",
        "summary_en",
        "body_en",
        *BOOKKEEPING,
    }
    assert (after["title_en"], after["summary_en"]) == (
        "Old English",
        "Old English: short summary.",
    )
    assert (after["status"], after["withdrawal_reason_az"]) == ("withdrawn", "Səhv rəqəmlər.")
    assert after["lock_version"] == before["lock_version"] + 1
    assert events(article)[-1] == (Action.REVISION_RESTORED, "john", "")


def test_a_translator_cannot_post_fields_of_a_revision_outside_their_languages(
    publisher, translator, frozen
):
    article, draft = withdrawn_release_with_history(publisher, frozen)
    before = snapshot(article)

    for crafted in ({"status": "draft"}, {"title_az": "Köhnə"}, {"withdrawal_reason_az": ""}):
        _opened, response = restore(translator.client, article, draft, **crafted)
        assert response.status_code == 403, crafted

    assert_unchanged(article, before)


def test_an_author_cannot_open_or_post_a_revision_of_a_release_gone_public(
    publisher, author, frozen
):
    article, draft = published_release_with_history(publisher, frozen)
    before = snapshot(article)

    assert author.client.get(revision_url(article, draft)).status_code == 403
    posted = author.client.post(revision_url(article, draft), {**texts("Köhnə"), "status": "draft"})

    assert posted.status_code == 403
    assert_unchanged(article, before)


def test_a_publisher_restoring_a_draft_takes_the_release_back_to_draft_and_logs_both(
    publisher, frozen
):
    article, draft = published_release_with_history(publisher, frozen)

    _opened, restored = restore(publisher.client, article, draft)

    assert restored.status_code == 302
    article = fresh(article)
    assert (article.status, article.title_en) == ("draft", "Old English")
    assert events(article)[-2:] == [
        (Action.REVISION_RESTORED, "leyla", ""),
        (Action.UNPUBLISHED, "leyla", ""),
    ]
    assert describe_revision(versions(article)[0].revision.comment).startswith(
        "Restored the revision saved on"
    )


def test_a_status_the_editor_may_not_give_stays_as_it_is(publisher, frozen):
    """A withdrawn release may be restored to published, never straight to draft."""
    article, draft = withdrawn_release_with_history(publisher, frozen)

    opened, restored = restore(publisher.client, article, draft, withdrawal_reason_az="Səhv.")

    assert opened.context["adminform"].form["status"].value() == "withdrawn"
    assert restored.status_code == 302
    article = fresh(article)
    assert (article.status, article.title_az) == ("withdrawn", "Köhnə")


def test_a_restore_that_would_leave_a_withdrawal_without_its_reason_is_refused(publisher, frozen):
    article, draft = withdrawn_release_with_history(publisher, frozen)
    before = snapshot(article)

    _opened, restored = restore(publisher.client, article, draft)

    assert restored.status_code == 200
    assert "withdrawal_reason_az" in restored.context["adminform"].form.errors
    assert_unchanged(article, before)


def test_a_translators_restore_counts_as_a_change_for_editors_with_the_form_open(
    publisher, other_publisher, translator, frozen
):
    article, draft = published_release_with_history(publisher, frozen)
    stale = rendered_form(other_publisher.client.get(change_url(article)))

    _opened, restored = restore(translator.client, article, draft)
    assert restored.status_code == 302
    after_restore = row(article)

    late = other_publisher.client.post(
        change_url(article), {**stale, "title_az": "Gec gələn", "change_kind": "minor"}
    )

    assert late.status_code == 200
    assert "concurrent_edit" in [
        error.code for error in late.context["adminform"].form.non_field_errors().as_data()
    ]
    assert row(article) == after_restore


def test_a_revision_of_another_release_is_not_found(publisher, frozen):
    _article, draft = published_release_with_history(publisher, frozen)
    other = ArticleFactory()

    response = publisher.client.get(revision_url(other, draft))

    assert response.status_code == 404


def test_no_one_restores_a_revision_of_a_release_in_the_trash(request, publisher, frozen):
    article, draft = published_release_with_history(publisher, frozen)
    publisher.client.post(delete_url(article), {"post": "yes"})
    before = snapshot(article)

    for role in ROLES:
        client = client_of(request, role)
        assert client.get(revision_url(article, draft)).status_code == 403, role
        assert client.post(revision_url(article, draft), texts()).status_code == 403, role

    assert_unchanged(article, before)


# The history page


@pytest.mark.parametrize(
    ("role", "offered"),
    [("author", False), ("publisher", True), ("translator", True), ("superuser", True)],
)
def test_history_offers_to_restore_only_to_those_who_may_change_the_release(
    request, publisher, frozen, role, offered
):
    article, draft = published_release_with_history(publisher, frozen)

    response = client_of(request, role).get(history_url(article))

    assert response.status_code == 200
    assert (f'href="{revision_url(article, draft)}"' in page(response)) is offered


# django-reversion's recover pages


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_recover_page_of_a_release_that_exists_leads_to_its_revision(
    request, publisher, frozen, role, method
):
    article, draft = published_release_with_history(publisher, frozen)
    before = snapshot(article)

    response = getattr(client_of(request, role), method)(recover_url(draft), texts())

    assert response.status_code == 302
    assert response["Location"] == revision_url(article, draft)
    assert_unchanged(article, before)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_recover_page_of_a_release_in_the_trash_leads_to_the_trash(
    request, publisher, frozen, role, method
):
    article, draft = published_release_with_history(publisher, frozen)
    publisher.client.post(delete_url(article), {"post": "yes"})
    before = snapshot(article)

    response = getattr(client_of(request, role), method)(recover_url(draft), texts())

    assert response.status_code == 302
    assert response["Location"] == changelist_url(trash=True)
    assert_unchanged(article, before)
    assert fresh(article).deleted_at is not None


@pytest.mark.parametrize("role", ROLES)
def test_the_recover_page_of_a_release_deleted_for_good_is_not_found(
    request, publisher, frozen, role
):
    article, draft = published_release_with_history(publisher, frozen)
    Article.objects.filter(pk=article.pk).delete()

    client = client_of(request, role)

    assert client.get(recover_url(draft)).status_code == 404
    assert client.post(recover_url(draft), texts()).status_code == 404
    assert not Article.objects.exists()


@pytest.mark.parametrize("role", ROLES)
def test_the_recover_list_leads_to_the_trash(request, role):
    ArticleFactory(in_trash=True)

    response = client_of(request, role).get(recover_list_url())

    assert response.status_code == 302
    assert response["Location"] == changelist_url(trash=True)


def test_recover_pages_are_closed_to_visitors(client, publisher, frozen):
    _article, draft = published_release_with_history(publisher, frozen)

    for url in (recover_url(draft), recover_list_url()):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))


# The trash's actions


@pytest.mark.parametrize("role", ["author", "translator"])
def test_only_publishers_recover_from_the_trash(request, role):
    article = ArticleFactory(in_trash=True)
    before = snapshot(article)

    client_of(request, role).post(
        changelist_url(trash=True),
        {"action": "recover_from_trash", "_selected_action": [article.pk]},
    )

    assert_unchanged(article, before)


def test_recovering_counts_as_a_change_for_editors_with_the_form_open(
    publisher, other_publisher, frozen
):
    article = ArticleFactory(title_en="Before the trash")
    stale = rendered_form(other_publisher.client.get(change_url(article)))
    publisher.client.post(delete_url(article), {"post": "yes"})
    frozen.shift(timedelta(minutes=1))
    publisher.client.post(
        changelist_url(trash=True),
        {"action": "recover_from_trash", "_selected_action": [article.pk]},
    )
    recovered = row(article)
    assert recovered["deleted_at"] is None
    assert recovered["last_edited_by_id"] == publisher.user.pk

    late = other_publisher.client.post(
        change_url(article), {**stale, "title_en": "Late edit", "change_kind": "minor"}
    )

    assert late.status_code == 200
    assert "Leyla Məmmədova saved this release" in page(late)
    assert row(article) == recovered
    assert [event[0] for event in events(article)] == [Action.TRASHED, Action.RECOVERED]
    assert Version.objects.get_for_object(article).count() == 0
