"""The editorial workflow end to end: roles and the moves each may make, what visitors see after
every move, the event log, change notes, staff previews, revisions, the trash and concurrent
edits. Everything goes through the admin as a browser would post it."""

import html as html_lib
import re
from datetime import datetime, timedelta

import pytest
from django.test import Client

from news.languages import LANGUAGE_CODES
from news.models import Article, ArticleEvent, Category, ChangeNote
from tests.factories import ArticleFactory
from tests.newsroom import (
    BAKU,
    NOW,
    TEXT_FIELDS,
    TODAY,
    Action,
    add_url,
    assert_hidden,
    assert_public,
    assert_unchanged,
    change_url,
    changelist_url,
    compare_url,
    delete_url,
    errors,
    event_log,
    events,
    fresh,
    history_events,
    history_url,
    listed_on,
    new_release,
    page,
    public_lists,
    rendered_form,
    restore,
    revision_url,
    save,
    snapshot,
    text,
    texts,
    versions,
    withdrawal_notice,
    written_form,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


# 1. Roles and the moves each may make


def test_author_is_offered_only_draft_and_submitted(author):
    add = author.client.get(add_url())
    draft = author.client.get(change_url(ArticleFactory(draft=True)))

    for response in (add, draft):
        assert response.status_code == 200
        status = response.context["adminform"].form.fields["status"]
        assert [value for value, _label in status.choices] == ["draft", "submitted"]
        assert 'value="published"' not in page(response)
        assert 'value="withdrawn"' not in page(response)


def test_author_writes_a_draft_then_submits_it(author, client, news_category, frozen):
    response = save(author.client, **new_release("draft"))

    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.status, article.author, article.last_edited_by) == (
        "draft",
        author.user,
        author.user,
    )
    assert article.title_en == "New service"
    assert events(article) == [(Action.CREATED, "aynur", "")]
    assert_hidden(client, article, news_category)

    response = save(author.client, article, status="submitted")

    assert response.status_code == 302
    assert fresh(article).status == "submitted"
    assert events(article)[1:] == [(Action.SUBMITTED, "aynur", "")]
    assert_hidden(client, article, news_category)


def test_authors_crafted_publication_of_a_new_release_is_refused(author):
    response = author.client.post(add_url(), new_release("published"))

    assert "status" in errors(response)
    assert not Article.objects.exists()
    assert not ArticleEvent.objects.exists()


@pytest.mark.parametrize("trait", ["draft", "submitted"])
def test_authors_crafted_publication_of_an_existing_release_is_refused(author, trait):
    article = ArticleFactory(**{trait: True})
    before = snapshot(article)

    response = author.client.post(
        change_url(article), written_form(article, publisher=False, status="published")
    )

    assert "status" in errors(response)
    assert_unchanged(article, before)


@pytest.mark.parametrize("trait", ["published", "withdrawn"])
def test_author_cannot_change_or_delete_a_release_on_record(author, client, trait):
    article = ArticleFactory(**({"withdrawn": True} if trait == "withdrawn" else {}))
    before = snapshot(article)

    opened = author.client.get(change_url(article))

    assert opened.status_code == 200
    assert opened.context["has_change_permission"] is False
    content = page(opened)
    assert 'name="_save"' not in content
    assert 'name="_continue"' not in content
    assert 'name="title_az"' not in content
    assert 'name="status"' not in content
    assert article.title_az in content  # still shown, read-only

    changed = author.client.post(
        change_url(article),
        written_form(article, publisher=False, title_az="Müəllifin düzəlişi", status="draft"),
    )
    assert changed.status_code == 403
    assert author.client.get(delete_url(article)).status_code == 403
    assert author.client.post(delete_url(article), {"post": "yes"}).status_code == 403
    assert_unchanged(article, before)
    assert client.get(article.get_absolute_url("en")).status_code == 200


def test_publisher_publishes_a_new_release_directly(publisher, client, news_category, frozen):
    response = save(publisher.client, **new_release("published"))

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.status == "published"
    assert events(article) == [(Action.CREATED, "leyla", ""), (Action.PUBLISHED, "leyla", "")]
    assert_public(client, article, news_category)


def test_publisher_publishes_a_submitted_release(publisher, client, news_category, frozen):
    article = ArticleFactory(submitted=True, review_remark="Başlığı qısaldın.")
    assert_hidden(client, article, news_category)

    response = save(publisher.client, article, status="published")

    assert response.status_code == 302
    article = fresh(article)
    assert article.status == "published"
    assert article.review_remark == ""
    assert article.last_edited_by == publisher.user
    assert events(article) == [(Action.PUBLISHED, "leyla", "")]
    assert_public(client, article, news_category)


def test_publisher_sends_a_submitted_release_back_with_a_remark(publisher, client, news_category):
    article = ArticleFactory(submitted=True)
    before = snapshot(article)

    refused = save(publisher.client, article, status="draft", review_remark="  ")

    assert "review_remark" in errors(refused)
    assert_unchanged(article, before)

    response = save(publisher.client, article, status="draft", review_remark="Rəqəmləri yoxlayın.")

    assert response.status_code == 302
    article = fresh(article)
    assert (article.status, article.review_remark) == ("draft", "Rəqəmləri yoxlayın.")
    assert events(article) == [(Action.REJECTED, "leyla", "Rəqəmləri yoxlayın.")]
    assert_hidden(client, article, news_category)


@pytest.mark.parametrize(
    "reasons",
    [{}, {"withdrawal_reason_az": " "}, {"withdrawal_reason_en": "Only in English."}],
    ids=["none", "blank", "not-in-the-original"],
)
def test_withdrawal_without_a_reason_in_the_original_is_refused(publisher, reasons):
    article = ArticleFactory()
    before = snapshot(article)

    response = save(publisher.client, article, status="withdrawn", **reasons)

    assert "withdrawal_reason_az" in errors(response)
    assert_unchanged(article, before)


def test_publisher_withdraws_a_release(publisher, client, news_category, frozen):
    article = ArticleFactory(title_en="Withdrawn soon")

    response = save(
        publisher.client,
        article,
        status="withdrawn",
        withdrawal_reason_az="Səhv rəqəmlər dərc olunub.",
        withdrawal_reason_en="Wrong figures were published.",
    )

    assert response.status_code == 302
    article = fresh(article)
    assert article.status == "withdrawn"
    assert article.withdrawn_at == NOW
    assert events(article) == [(Action.WITHDRAWN, "leyla", "Səhv rəqəmlər dərc olunub.")]
    assert listed_on(client, "Withdrawn soon", news_category) == []
    assert client.get(article.get_absolute_url("en")).status_code == 200


def test_publisher_restores_a_withdrawn_release(publisher, client, news_category, frozen):
    article = ArticleFactory(withdrawn=True, title_en="Back again")

    response = save(publisher.client, article, status="published")

    assert response.status_code == 302
    article = fresh(article)
    assert (article.status, article.withdrawn_at) == ("published", None)
    assert events(article) == [(Action.RESTORED, "leyla", "")]
    assert_public(client, article, news_category)


@pytest.mark.parametrize(
    "crafted",
    [
        {"status": "draft"},
        {"status": "withdrawn"},
        {"category": "announcements"},
        {"published_at_0": "2030-01-01", "published_at_1": "10:00:00"},
        {"published_at_0": "2030-01-01"},
    ],
    ids=["status-draft", "status-withdrawn", "category", "published-at", "date-only"],
)
def test_translator_never_changes_status_dates_or_category(translator, client, crafted):
    article = ArticleFactory()
    opened = translator.client.get(change_url(article))
    data = rendered_form(opened)
    assert {"title_en", "body_en", "loaded_version"} <= set(data)
    assert not {"status", "category", "published_at_0", "published_at_1"} & set(data)
    if crafted.get("category"):
        crafted = {"category": Category.objects.get(key=crafted["category"]).pk}
    before = snapshot(article)

    response = translator.client.post(
        change_url(article), {**data, "title_en": "Sneaky", **crafted}
    )

    assert response.status_code == 403
    assert_unchanged(article, before)
    assert client.get(article.get_absolute_url("en")).status_code == 200


# 2 and 3. Every move, what visitors see after it, and the log of it


def test_release_life_as_visitors_and_the_log_see_it(
    author, publisher, client, news_category, frozen
):
    assert save(author.client, **new_release("draft")).status_code == 302
    article = Article.objects.get()
    assert_hidden(client, article, news_category)

    assert save(author.client, article, status="submitted").status_code == 302
    assert_hidden(client, article, news_category)

    sent_back = save(publisher.client, article, status="draft", review_remark="Mənbəni göstərin.")
    assert sent_back.status_code == 302
    assert_hidden(client, article, news_category)

    assert save(author.client, article, status="submitted").status_code == 302
    assert save(publisher.client, article, status="published").status_code == 302
    assert_public(client, article, news_category)

    withdrawn = save(
        publisher.client,
        article,
        status="withdrawn",
        withdrawal_reason_az="Tədbir ləğv edilib.",
        withdrawal_reason_en="The event was cancelled.",
    )
    assert withdrawn.status_code == 302
    for code in LANGUAGE_CODES:
        response = client.get(fresh(article).get_absolute_url(code))
        assert response.status_code == 200, code
        assert withdrawal_notice(response), code
        assert listed_on(client, getattr(article, f"title_{code}"), news_category, code) == []

    assert save(publisher.client, article, status="published").status_code == 302
    assert_public(client, article, news_category)

    expected = [
        (Action.CREATED, "aynur", ""),
        (Action.SUBMITTED, "aynur", ""),
        (Action.REJECTED, "leyla", "Mənbəni göstərin."),
        (Action.SUBMITTED, "aynur", ""),
        (Action.PUBLISHED, "leyla", ""),
        (Action.WITHDRAWN, "leyla", "Tədbir ləğv edilib."),
        (Action.RESTORED, "leyla", ""),
    ]
    assert events(article) == expected
    names = {"aynur": author.name, "leyla": publisher.name}
    shown = [(Action(action).label, names[actor], remark) for action, actor, remark in expected]
    shown.reverse()  # newest first
    assert event_log(publisher.client.get(change_url(article))) == shown
    assert event_log(author.client.get(change_url(article))) == shown
    history = publisher.client.get(history_url(article))
    assert history.status_code == 200
    assert history_events(history) == shown


def test_withdrawn_release_keeps_its_address_with_a_dated_notice_in_the_pages_language(
    publisher, client, news_category, frozen
):
    article = ArticleFactory(title_en="Visa rules", title_ru="Визовые правила")
    save(
        publisher.client,
        article,
        status="withdrawn",
        withdrawal_reason_az="Qaydalar dəyişib.",
        withdrawal_reason_en="The rules have changed.",
    )
    article = fresh(article)

    english = client.get(article.get_absolute_url("en"))
    assert english.status_code == 200
    notice = withdrawal_notice(english)
    assert notice
    assert f"Withdrawn on {TODAY}" in text(notice)
    assert '<span lang="en">The rules have changed.</span>' in notice
    assert "Qaydalar dəyişib." not in notice
    assert "Visa rules" in page(english)  # the text stays for the record

    azerbaijani = withdrawal_notice(client.get(article.get_absolute_url("az")))
    assert '<span lang="az">Qaydalar dəyişib.</span>' in azerbaijani
    assert "The rules have changed." not in azerbaijani

    # No Russian reason: the original's is shown, marked as Azerbaijani.
    russian = client.get(article.get_absolute_url("ru"))
    assert russian.status_code == 200
    assert '<span lang="az">Qaydalar dəyişib.</span>' in withdrawal_notice(russian)

    for code in LANGUAGE_CODES:
        assert listed_on(client, getattr(article, f"title_{code}"), news_category, code) == []


def test_restored_release_is_listed_again_without_the_notice(
    publisher, client, news_category, frozen
):
    article = ArticleFactory(title_en="Restored release")
    save(publisher.client, article, status="withdrawn", withdrawal_reason_az="Səhv.")
    assert withdrawal_notice(client.get(fresh(article).get_absolute_url("en")))
    assert listed_on(client, "Restored release", news_category) == []

    save(publisher.client, article, status="published")

    response = client.get(fresh(article).get_absolute_url("en"))
    assert response.status_code == 200
    assert withdrawal_notice(response) is None
    assert "Withdrawn on" not in page(response)
    assert listed_on(client, "Restored release", news_category) == public_lists(news_category)


def test_publisher_takes_a_published_release_back_to_draft(
    publisher, client, news_category, frozen
):
    article = ArticleFactory(title_en="Taken back")
    assert_public(client, article, news_category)

    response = save(publisher.client, article, status="draft")

    assert response.status_code == 302
    assert fresh(article).status == "draft"
    assert events(article) == [(Action.UNPUBLISHED, "leyla", "")]
    assert_hidden(client, article, news_category)


def test_author_takes_a_submitted_release_back_to_draft(author, client, news_category):
    article = ArticleFactory(submitted=True)

    response = save(author.client, article, status="draft")

    assert response.status_code == 302
    assert fresh(article).status == "draft"
    assert events(article) == [(Action.EDITED, "aynur", "")]
    assert_hidden(client, article, news_category)


def test_scheduled_release_is_hidden_until_its_time_then_listed(
    publisher, client, news_category, time_machine
):
    time_machine.move_to(NOW, tick=False)
    response = save(
        publisher.client,
        **new_release("published", published_at="2025-06-06 10:00:00", title_en="Next week"),
    )

    assert response.status_code == 302
    article = Article.objects.get()
    assert article.published_at == datetime(2025, 6, 6, 10, 0, tzinfo=BAKU)
    assert events(article) == [(Action.CREATED, "leyla", ""), (Action.SCHEDULED, "leyla", "")]
    assert_hidden(client, article, news_category)
    changelist = page(publisher.client.get(changelist_url()))
    assert "Scheduled for 6 June 2025, 10:00" in changelist

    time_machine.move_to(datetime(2025, 6, 6, 9, 59, 59, tzinfo=BAKU), tick=False)
    assert_hidden(client, article, news_category)

    time_machine.move_to(datetime(2025, 6, 6, 10, 0, 1, tzinfo=BAKU), tick=False)
    assert_public(client, article, news_category)
    assert "Scheduled for" not in page(publisher.client.get(changelist_url()))


# 4. Change notes


@pytest.mark.parametrize(
    ("change", "field"),
    [({}, "change_kind"), ({"change_kind": "major", "change_note": " "}, "change_note")],
    ids=["no-kind", "major-without-note"],
)
def test_edit_of_a_published_release_needs_its_kind_and_a_note_if_major(publisher, change, field):
    article = ArticleFactory()
    opened = publisher.client.get(change_url(article))
    assert {"change_kind", "change_note"} <= set(opened.context["adminform"].form.fields)
    assert 'name="change_kind"' in page(opened)
    before = snapshot(article)

    response = save(publisher.client, article, title_en="Changed title", **change)

    assert field in errors(response)
    assert_unchanged(article, before)


def test_major_change_tells_visitors_when_and_what(publisher, client, frozen):
    article = ArticleFactory(title_en="Fees")

    response = save(
        publisher.client,
        article,
        body_en="<p>The fee is 20 manats.</p>",
        body_az="<p>Rüsum 20 manatdır.</p>",
        change_kind="major",
        change_note="Rüsumun məbləği düzəldildi.",
    )

    assert response.status_code == 302
    note = ChangeNote.objects.get(article=article)
    assert (note.note, note.language, note.created_by, note.created_at) == (
        "Rüsumun məbləği düzəldildi.",
        "az",
        publisher.user,
        NOW,
    )
    assert events(article) == [(Action.EDITED, "leyla", "Rüsumun məbləği düzəldildi.")]
    content = page(client.get(fresh(article).get_absolute_url("en")))
    assert re.search(rf"Updated\s*<time datetime=\"[^\"]+\">{TODAY}, \d\d:\d\d</time>", content)
    assert '<span lang="az">Rüsumun məbləği düzəldildi.</span>' in content
    assert "The fee is 20 manats." in content


def test_minor_change_shows_visitors_nothing_new(publisher, client):
    article = ArticleFactory(title_en="Office hours")
    before = page(client.get(article.get_absolute_url("en")))
    assert "Updated" not in before

    response = save(
        publisher.client, article, body_en="<p>Text, with a typo fixed.</p>", change_kind="minor"
    )

    assert response.status_code == 302
    assert not ChangeNote.objects.exists()
    assert events(article) == [(Action.EDITED, "leyla", "")]
    after = page(client.get(fresh(article).get_absolute_url("en")))
    assert "Text, with a typo fixed." in after
    assert "Updated" not in after
    assert "release__changes" not in after


@pytest.mark.parametrize(
    ("role", "traits"),
    [("translator", {}), ("author", {"draft": True}), ("author", {"submitted": True})],
)
def test_only_publishers_may_tell_visitors_of_an_update(request, client, role, traits):
    """Translators and authors get no "Updated" note, however they craft the request."""
    editor = request.getfixturevalue(role)
    article = ArticleFactory(title_en="Fees", **traits)
    before = snapshot(article)

    response = save(
        editor.client,
        article,
        title_en="Fees, reworded",
        change_kind="major",
        change_note="Bizdən yeni qayda.",
    )

    assert response.status_code == 403
    assert_unchanged(article, before)
    assert not ChangeNote.objects.exists()
    if not traits:
        assert "Bizdən yeni qayda." not in page(client.get(fresh(article).get_absolute_url("en")))


def test_a_change_note_is_told_only_of_an_edit_that_keeps_the_release_published(publisher):
    article = ArticleFactory()
    withdrawal = written_form(
        article,
        publisher=True,
        status="withdrawn",
        withdrawal_reason_az="Səhv rəqəmlər.",
        change_kind="major",
        change_note="Bizdən yeni qayda.",
    )

    response = publisher.client.post(change_url(article), withdrawal)

    assert response.status_code == 302
    assert fresh(article).status == "withdrawn"
    assert not ChangeNote.objects.exists()


# 5. Previews for staff


@pytest.mark.parametrize("trait", ["draft", "submitted", "scheduled"])
@pytest.mark.parametrize("role", ["author", "publisher", "translator"])
def test_staff_preview_unpublished_releases_in_each_of_their_languages(
    request, client, trait, role
):
    viewer = request.getfixturevalue(role)
    article = ArticleFactory(without_russian=True, **{trait: True})
    assert client.get(article.get_absolute_url("az")).status_code == 404

    for code in ("az", "en"):
        response = viewer.client.get(article.get_preview_url(code))

        assert response.status_code == 200, code
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Robots-Tag"] == "noindex"
        content = page(response)
        assert '<meta name="robots" content="noindex">' in content
        assert f'<h1 lang="{code}">{getattr(article, f"title_{code}")}</h1>' in content
        assert "notice--preview" in content


@pytest.mark.parametrize("trait", ["draft", "submitted", "scheduled"])
def test_preview_is_not_found_for_visitors_and_users_who_are_not_staff(
    client, django_user_model, trait
):
    article = ArticleFactory(**{trait: True})
    member = django_user_model.objects.create_user(username="member", password="not-used")
    signed_in = Client()
    signed_in.force_login(member)

    for code in LANGUAGE_CODES:
        url = article.get_preview_url(code)
        assert client.get(url).status_code == 404, code
        assert signed_in.get(url).status_code == 404, code


def test_preview_of_a_release_in_the_trash_is_not_found(publisher, superuser):
    article = ArticleFactory(draft=True, in_trash=True)

    for code in LANGUAGE_CODES:
        assert publisher.client.get(article.get_preview_url(code)).status_code == 404
        assert superuser.get(article.get_preview_url(code)).status_code == 404


def test_change_page_links_to_the_preview_of_each_language(publisher):
    article = ArticleFactory(draft=True, without_russian=True)

    content = page(publisher.client.get(change_url(article)))

    # Written in the interface's language (English here), whatever the release's language.
    for code, language in (("az", "Azerbaijani"), ("en", "English")):
        link = re.search(
            rf'<a href="{re.escape(article.get_preview_url(code))}"[^>]*>(.*?)</a>', content
        )
        assert link, code
        assert text(link.group(1)) == f"Preview: {language}"
    assert article.get_preview_url("ru") not in content


# 6. Revisions


def test_every_admin_save_keeps_a_revision_the_history_page_lists(publisher, frozen):
    save(publisher.client, **new_release("draft"))
    article = Article.objects.get()
    frozen.shift(timedelta(minutes=1))
    save(publisher.client, article, title_en="Second")
    frozen.shift(timedelta(minutes=1))
    save(publisher.client, article, status="published")

    kept = versions(article)
    assert len(kept) == 3
    assert {version.revision.user for version in kept} == {publisher.user}
    history = publisher.client.get(history_url(article))
    assert history.status_code == 200
    table = re.search(r'<table id="revisions">.*?</table>', page(history), re.DOTALL).group(0)
    for version in kept:
        assert f'href="{revision_url(article, version)}"' in table
    assert table.count(publisher.name) == 3


FIELDS_OF_A_REVISION = [
    *(f"{field}_{code}" for field in TEXT_FIELDS for code in LANGUAGE_CODES),
    "category_id",
    "status",
    "published_at",
]


def test_restoring_an_older_revision_brings_every_language_back_exactly(publisher, frozen):
    save(publisher.client, **new_release("draft", title_en="First English title"))
    article = Article.objects.get()
    first = Article.objects.filter(pk=article.pk).values(*FIELDS_OF_A_REVISION).get()
    frozen.shift(timedelta(minutes=1))
    changed = save(
        publisher.client,
        article,
        **texts("Sonrakı başlıq", "Later English title", "Позднее название"),
        category=Category.objects.get(key="announcements").pk,
        status="published",
        published_at_0="2025-06-01",
        published_at_1="09:15:00",
    )
    assert changed.status_code == 302
    later = Article.objects.filter(pk=article.pk).values(*FIELDS_OF_A_REVISION).get()
    assert all(later[name] != first[name] for name in FIELDS_OF_A_REVISION)
    frozen.shift(timedelta(minutes=1))
    oldest = versions(article)[-1]

    opened, restored = restore(publisher.client, article, oldest)

    assert restored.status_code == 302
    now = Article.objects.filter(pk=article.pk).values(*FIELDS_OF_A_REVISION).get()
    assert {name: now[name] for name in now if now[name] != first[name]} == {}
    for code in LANGUAGE_CODES:
        assert opened.context["adminform"].form[f"title_{code}"].value() == first[f"title_{code}"]
    assert len(versions(article)) == 3


def test_restoring_a_revision_is_logged(publisher, frozen):
    save(publisher.client, **new_release("draft"))
    article = Article.objects.get()
    frozen.shift(timedelta(minutes=1))
    save(publisher.client, article, title_en="Changed")
    frozen.shift(timedelta(minutes=1))

    _opened, restored = restore(publisher.client, article, versions(article)[-1])

    assert restored.status_code == 302
    assert events(article)[-1] == (Action.REVISION_RESTORED, "leyla", "")


def test_restoring_a_revision_counts_as_a_change_for_editors_with_the_form_open(
    publisher, other_publisher, frozen
):
    save(publisher.client, **new_release("draft", title_en="Original title"))
    article = Article.objects.get()
    frozen.shift(timedelta(minutes=1))
    save(publisher.client, article, title_en="Second title")
    frozen.shift(timedelta(minutes=1))
    stale = rendered_form(other_publisher.client.get(change_url(article)))

    _opened, restored = restore(publisher.client, article, versions(article)[-1])
    assert restored.status_code == 302
    restored_row = Article.objects.filter(pk=article.pk).values(*FIELDS_OF_A_REVISION).get()

    late = other_publisher.client.post(change_url(article), {**stale, "title_az": "Gec gələn"})

    assert late.status_code == 200
    assert "concurrent_edit" in [
        e.code for e in late.context["adminform"].form.non_field_errors().as_data()
    ]
    assert Article.objects.filter(pk=article.pk).values(*FIELDS_OF_A_REVISION).get() == restored_row


def test_compare_view_marks_a_changed_title(publisher, frozen):
    save(publisher.client, **new_release("draft", title_az="Köhnə başlıq", title_en="Old title"))
    article = Article.objects.get()
    frozen.shift(timedelta(minutes=1))
    save(publisher.client, article, title_az="Yeni başlıq", title_en="New title")
    newer, older = versions(article)

    response = publisher.client.get(compare_url(article), {"a": older.pk, "b": newer.pk})

    assert response.status_code == 200
    rows = differences(response)
    assert rows.get("title_az") == "<del>Köhnə</del><ins>Yeni</ins> başlıq"
    assert rows.get("title_en") == "<del>Old</del><ins>New</ins> title"
    assert "summary_az" not in rows


def differences(response):
    """Return {field name: diff HTML} of the compare page's table."""
    table = re.search(r'<table id="differences">.*?</table>', page(response), re.DOTALL)
    assert table, "no differences on the compare page"
    return dict(
        re.findall(
            r'<tr data-field="(\w+)"><th scope="row">[^<]*</th><td><p>(.*?)</p></td></tr>',
            table.group(0),
            re.DOTALL,
        )
    )


# 7. The trash


def test_deleting_moves_the_release_to_the_trash(publisher, client, news_category, frozen):
    article = ArticleFactory(title_en="Into the trash")
    save(publisher.client, article, title_en="Into the trash", change_kind="minor")
    kept = len(versions(article))

    confirm = publisher.client.get(delete_url(article))
    assert confirm.status_code == 200
    response = publisher.client.post(delete_url(article), {"post": "yes"})

    assert response.status_code == 302
    article = Article.objects.get(pk=article.pk)
    assert article.deleted_at == NOW
    assert article.status == "published"
    assert len(versions(article)) == kept
    assert events(article)[-1] == (Action.TRASHED, "leyla", "")
    assert_hidden(client, article, news_category)
    assert article not in publisher.client.get(changelist_url()).context["cl"].result_list
    trash = publisher.client.get(changelist_url(trash=True))
    assert list(trash.context["cl"].result_list) == [article]


def test_recovering_from_the_trash_brings_the_release_back_whole(
    publisher, client, news_category, frozen
):
    article = ArticleFactory()
    save(publisher.client, article, title_en="Recovered", change_kind="minor")
    publisher.client.post(delete_url(article), {"post": "yes"})
    history = events(article)
    kept = [version.pk for version in versions(article)]
    assert history[-1][0] == Action.TRASHED
    assert_hidden(client, article, news_category)

    response = publisher.client.post(
        changelist_url(trash=True),
        {"action": "recover_from_trash", "_selected_action": [article.pk]},
    )

    assert response.status_code == 302
    article = fresh(article)
    assert article.deleted_at is None
    assert events(article) == [*history, (Action.RECOVERED, "leyla", "")]
    assert [version.pk for version in versions(article)] == kept
    assert_public(client, article, news_category)
    assert article in publisher.client.get(changelist_url()).context["cl"].result_list


def test_purge_is_offered_to_publishers_only(author, publisher):
    ArticleFactory(in_trash=True)

    publisher_actions = publisher.client.get(changelist_url(trash=True)).context["action_form"]
    author_page = author.client.get(changelist_url(trash=True))

    assert "purge" in dict(publisher_actions.fields["action"].choices)
    assert author_page.status_code == 200
    action_form = author_page.context["action_form"]
    assert action_form is None or "purge" not in dict(action_form.fields["action"].choices)


def test_authors_crafted_purge_deletes_nothing(author):
    article = ArticleFactory(draft=True, in_trash=True)
    before = snapshot(article)

    author.client.post(
        changelist_url(trash=True), {"action": "purge", "_selected_action": [article.pk]}
    )

    assert_unchanged(article, before)


def test_purge_deletes_a_release_in_the_trash_and_its_revisions(publisher):
    article = ArticleFactory()
    save(publisher.client, article, title_en="To be purged", change_kind="minor")
    publisher.client.post(delete_url(article), {"post": "yes"})
    assert versions(article)

    response = publisher.client.post(
        changelist_url(trash=True), {"action": "purge", "_selected_action": [article.pk]}
    )

    assert response.status_code == 302
    assert not Article.objects.filter(pk=article.pk).exists()
    assert versions(article) == []
    assert not ArticleEvent.objects.filter(article_id=article.pk).exists()


def test_purge_leaves_releases_that_are_not_in_the_trash_alone(publisher, client):
    article = ArticleFactory()
    save(publisher.client, article, title_en="Still here", change_kind="minor")
    before = snapshot(article)

    for url in (changelist_url(), changelist_url(trash=True)):
        publisher.client.post(url, {"action": "purge", "_selected_action": [article.pk]})

    assert_unchanged(article, before)
    assert client.get(fresh(article).get_absolute_url("en")).status_code == 200


# 8. Two editors at once


def conflicting_edits(publisher, other_publisher):
    """Both publishers open the same release; the first saves. Return the second's post."""
    save(publisher.client, **new_release("draft", title_en="Starting title"))
    article = Article.objects.get()
    loaded = article.lock_version
    first_form = rendered_form(publisher.client.get(change_url(article)))
    second_form = rendered_form(other_publisher.client.get(change_url(article)))
    assert first_form["loaded_version"] == second_form["loaded_version"] == str(loaded)

    first = publisher.client.post(change_url(article), {**first_form, "title_en": "First wins"})
    assert first.status_code == 302
    second_data = {**second_form, "title_en": "Second tries", "summary_en": "Second summary."}
    second = other_publisher.client.post(change_url(article), second_data)
    return article, loaded, second_data, second


def test_second_editor_is_stopped_and_told_who_saved(publisher, other_publisher, frozen):
    article, _loaded, _data, second = conflicting_edits(publisher, other_publisher)

    form_errors = errors(second)
    assert list(form_errors) == ["__all__"]
    message = text(str(form_errors["__all__"]))
    assert publisher.name in message
    assert "01:30:00" in message
    stored = fresh(article)
    assert (stored.title_en, stored.last_edited_by) == ("First wins", publisher.user)
    assert stored.summary_en == "New service: short summary."
    # Nothing of the second editor's is lost: the form shows their text again.
    again = rendered_form(second)
    assert (again["title_en"], again["summary_en"]) == ("Second tries", "Second summary.")
    assert 'name="overwrite"' in page(second)
    assert [action for action, _actor, _remark in events(article)] == [
        Action.CREATED,
        Action.EDITED,
    ]


def test_conflict_links_to_what_the_other_editor_changed(publisher, other_publisher, frozen):
    article, loaded, _data, second = conflicting_edits(publisher, other_publisher)

    link = re.search(r'href="([^"]*/history/compare/[^"]*)"', page(second))
    assert link
    assert html_lib.unescape(link.group(1)) == f"{compare_url(article)}?since={loaded}"

    response = other_publisher.client.get(html_lib.unescape(link.group(1)))

    assert response.status_code == 200
    rows = differences(response)
    assert (
        rows.get("title_en")
        == "<del>Starting</del><ins>First</ins> <del>title</del><ins>wins</ins>"
    )
    assert "summary_en" not in rows  # only the second editor changed it, and did not save
    assert "Second tries" not in page(response)


def test_overwrite_saves_the_second_version_after_a_conflict(publisher, other_publisher, frozen):
    article, _loaded, data, second = conflicting_edits(publisher, other_publisher)
    assert second.status_code == 200

    response = other_publisher.client.post(
        change_url(article), {**rendered_form(second), "overwrite": "on"}
    )

    assert response.status_code == 302
    stored = fresh(article)
    assert (stored.title_en, stored.summary_en) == (data["title_en"], data["summary_en"])
    assert stored.last_edited_by == other_publisher.user
    assert events(article)[-1] == (Action.EDITED, "rashad", "")


def test_fresh_form_saves_without_a_conflict(publisher, other_publisher):
    article, _loaded, _data, _second = conflicting_edits(publisher, other_publisher)

    response = save(other_publisher.client, article, title_en="Reloaded and saved")

    assert response.status_code == 302
    assert fresh(article).title_en == "Reloaded and saved"


def test_opening_a_release_someone_opened_minutes_ago_warns_of_them(
    publisher, other_publisher, time_machine
):
    article = ArticleFactory(draft=True)
    time_machine.move_to(NOW, tick=False)
    first = publisher.client.get(change_url(article))
    assert "may be editing it" not in page(first)

    time_machine.move_to(NOW + timedelta(minutes=3), tick=False)
    second = other_publisher.client.get(change_url(article))

    warnings = [str(m) for m in second.context["messages"] if m.level_tag == "warning"]
    assert warnings == [f"{publisher.name} opened this release at 01:30 and may be editing it."]
    assert warnings[0] in html_lib.unescape(page(second))

    # Long after, nobody is taken to be editing it any more.
    time_machine.move_to(NOW + timedelta(minutes=20), tick=False)
    later = publisher.client.get(change_url(article))
    assert "may be editing it" not in page(later)
