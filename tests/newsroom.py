"""Driving the newsroom's admin as a browser would, and reading what it stored and showed."""

import html as html_lib
import re
from datetime import datetime
from html.parser import HTMLParser
from types import SimpleNamespace
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from reversion.models import Version

from news.languages import LANGUAGE_CODES
from news.models import Article, ArticleEvent, Category, ChangeNote

Action = ArticleEvent.Action
BAKU = ZoneInfo("Asia/Baku")
# 01:30 in Baku is still the evening before in UTC: dates shown must be Baku's.
NOW = datetime(2025, 6, 4, 1, 30, tzinfo=BAKU)
TODAY = "4 June 2025"
TEXT_FIELDS = ("title", "summary", "body")


# Users


def staff(django_user_model, username, group, first_name="", last_name=""):
    """Return the user, and a client logged in as them with the admin in English."""
    user = django_user_model.objects.create_user(
        username=username,
        password="not-used",
        is_staff=True,
        first_name=first_name,
        last_name=last_name,
    )
    user.groups.add(Group.objects.get(name=group))
    client = Client()
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return SimpleNamespace(user=user, client=client, name=user.get_full_name() or username)


# Admin pages and forms


def add_url():
    return reverse("admin:news_article_add")


def change_url(article):
    return reverse("admin:news_article_change", args=[article.pk])


def delete_url(article):
    return reverse("admin:news_article_delete", args=[article.pk])


def history_url(article):
    return reverse("admin:news_article_history", args=[article.pk])


def compare_url(article):
    return reverse("admin:news_article_compare", args=[article.pk])


def revision_url(article, version):
    return reverse("admin:news_article_revision", args=[article.pk, version.pk])


def changelist_url(trash=False):
    return reverse("admin:news_article_changelist") + ("?trash=yes" if trash else "")


class _FormFields(HTMLParser):
    """Collect what a browser would submit from the form with id ``form_id``."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.select = None
        self.textarea = None
        self.data = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
            return
        name = attrs.get("name")
        if not self.inside:
            return
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self.data[name] = attrs.get("value") or "on"
                return
            self.data[name] = attrs.get("value") or ""
        elif tag == "select" and name:
            self.select = name
            self.data.setdefault(name, "")
        elif tag == "option" and self.select and "selected" in attrs:
            self.data[self.select] = attrs.get("value") or ""
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None
        elif tag == "textarea" and self.textarea:
            # Browsers drop the line break that follows <textarea>.
            value = self.data[self.textarea]
            self.data[self.textarea] = value[1:] if value.startswith("\n") else value
            self.textarea = None

    def handle_data(self, data):
        if self.textarea:
            self.data[self.textarea] += data


def rendered_form(response):
    """Return {name: value} of what the admin's article form would submit as rendered."""
    parser = _FormFields("article_form")
    parser.feed(page(response))
    parser.data.pop("csrfmiddlewaretoken", None)
    return parser.data


def save(client, article=None, **changes):
    """Open the add or change form, change what ``changes`` says and post it back.

    None in ``changes`` leaves a field out of the post.
    """
    url = change_url(article) if article else add_url()
    opened = client.get(url)
    assert opened.status_code == 200, url
    data = rendered_form(opened)
    assert data, "the page has no article form"
    data.update(changes)
    return client.post(url, {key: value for key, value in data.items() if value is not None})


def texts(title_az="Yeni xidmət", title_en="New service", title_ru="Новая услуга"):
    return {
        "title_az": title_az,
        "summary_az": f"{title_az}: qısa məzmun.",
        "body_az": f"<p>{title_az}: mətn.</p>",
        "title_en": title_en,
        "summary_en": f"{title_en}: short summary.",
        "body_en": f"<p>{title_en}: text.</p>",
        "title_ru": title_ru,
        "summary_ru": f"{title_ru}: краткое содержание.",
        "body_ru": f"<p>{title_ru}: текст.</p>",
    }


def new_release(status, published_at="2025-05-20 10:00:00", **changes):
    date, time = published_at.split()
    return {
        **texts(),
        "category": Category.objects.get(key="news").pk,
        "status": status,
        "published_at_0": date,
        "published_at_1": time,
        "original_language": "az",
        **changes,
    }


def written_form(article, *, publisher, **changes):
    """Return every field the change form renders for ``article``, from the database.

    For crafted posts to pages that render no inputs, such as a read-only change page.
    """
    article = Article.objects.get(pk=article.pk)
    published_at = article.published_at.astimezone(BAKU)
    data = {
        "category": article.category_id,
        "status": article.status,
        "published_at_0": published_at.strftime("%Y-%m-%d"),
        "published_at_1": published_at.strftime("%H:%M:%S"),
        "original_language": article.original_language,
        "legacy_id": article.legacy_id or "",
        "loaded_version": article.lock_version,
    }
    for code in LANGUAGE_CODES:
        for field in (*TEXT_FIELDS, "slug"):
            data[f"{field}_{code}"] = getattr(article, f"{field}_{code}") or ""
        if code != article.original_language:
            data[f"ready_{code}"] = "on"
    if publisher:
        data["review_remark"] = article.review_remark
        for code in LANGUAGE_CODES:
            data[f"withdrawal_reason_{code}"] = getattr(article, f"withdrawal_reason_{code}") or ""
    data.update(changes)
    return data


def errors(response):
    assert response.status_code == 200, response.status_code
    return response.context["adminform"].form.errors


def page(response):
    return response.content.decode()


def text(fragment):
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


# The record


# Every column, each language separately; the untranslated names would follow the active language.
STORED_FIELDS = [
    field.attname
    for field in Article._meta.concrete_fields
    if field.name not in {"title", "slug", "summary", "body", "withdrawal_reason"}
]


def snapshot(article):
    """Return everything stored about ``article`` that a refused request must leave alone."""
    row = Article.objects.filter(pk=article.pk).values(*STORED_FIELDS).get()
    return (
        row,
        list(ArticleEvent.objects.filter(article_id=article.pk).values()),
        list(ChangeNote.objects.filter(article_id=article.pk).values()),
        Version.objects.get_for_object_reference(Article, article.pk).count(),
    )


def assert_unchanged(article, before):
    """Assert nothing stored about ``article`` differs from the ``before`` snapshot."""
    after = snapshot(article)
    row_before, row_after = before[0], after[0]
    changed = {
        key: (row_before.get(key), row_after.get(key))
        for key in row_before.keys() | row_after.keys()
        if row_before.get(key) != row_after.get(key)
    }
    assert changed == {}
    assert after[1:] == before[1:]


def events(article):
    """Return [(action, actor's username, remark)], oldest first."""
    return [
        (event.action, event.actor.username if event.actor else None, event.remark)
        for event in ArticleEvent.objects.filter(article_id=article.pk)
        .select_related("actor")
        .order_by("created_at", "id")
    ]


def versions(article):
    return list(Version.objects.get_for_object_reference(Article, article.pk))


def fresh(article):
    return Article.objects.prefetch_related("translations").get(pk=article.pk)


def event_log(response):
    """Return [(action label, by whom, remark)] from the change page's "what happened"."""
    found = re.search(r'<ul class="event-log">(.*?)</ul>', page(response), re.DOTALL)
    assert found, "no event log on the change page"
    entries = []
    for item in re.findall(r"<li>(.*?)</li>", found.group(1), re.DOTALL):
        _when, action, rest = (part.strip() for part in text(item).split(" — ", 2))
        actor, _, remark = rest.partition(": ")
        entries.append((action, actor, remark))
    return entries


def history_events(response):
    """Return [(action label, by whom, remark)] from the history page's "what happened"."""
    found = re.search(r'<table id="events">.*?<tbody>(.*?)</tbody>', page(response), re.DOTALL)
    assert found, "no event table on the history page"
    rows = re.findall(r"<tr>(.*?)</tr>", found.group(1), re.DOTALL)
    return [
        tuple(text(cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL))[1:]
        for row in rows
    ]


# What visitors see


def public_lists(category, language="en"):
    return [f"/{language}/", f"/{language}/news/", category.get_absolute_url(language)]


def listed_on(client, title, category, language="en"):
    """Return the public list pages of ``language`` that show ``title``."""
    found = []
    for url in public_lists(category, language):
        response = client.get(url)
        assert response.status_code == 200, url
        if title in page(response):
            found.append(url)
    return found


def assert_hidden(client, article, category):
    for code in LANGUAGE_CODES:
        assert client.get(article.get_absolute_url(code)).status_code == 404, code
        assert client.get(f"/{code}/news/{article.pk}/").status_code == 404, code
        title = getattr(fresh(article), f"title_{code}")
        assert listed_on(client, title, category, code) == [], code


def assert_public(client, article, category):
    article = fresh(article)
    for code in LANGUAGE_CODES:
        response = client.get(article.get_absolute_url(code))
        assert response.status_code == 200, code
        title = getattr(article, f"title_{code}")
        assert f'<h1 lang="{code}">{title}</h1>' in page(response), code
        assert "notice--withdrawn" not in page(response), code
        assert listed_on(client, title, category, code) == public_lists(category, code), code


def withdrawal_notice(response):
    found = re.search(
        r'<aside class="notice notice--withdrawn".*?</aside>', page(response), re.DOTALL
    )
    return found.group(0) if found else None


def restore(client, article, version, **changes):
    """Open a revision the way the history page links to it and save the form it shows.

    ``changes`` are made to the form before it is posted.
    """
    opened = client.get(revision_url(article, version))
    assert opened.status_code == 200
    data = rendered_form(opened)
    assert "loaded_version" in data, "the revision page shows no release form"
    return opened, client.post(revision_url(article, version), {**data, **changes})
