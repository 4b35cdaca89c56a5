"""Put right what the constraints of 0008 refuse, so that no existing row stops them.

- A release dated outside the window editors may give (1 January 1990, Baku time, to a
  century ahead) gets the nearest date inside it, and goes back to draft if visitors could
  see it: a release shown as dated 1 January 1990 when it was not would mislead them. An
  event on the release says what its date was, for an editor to put right.
- Control characters and halves of surrogate pairs are removed from every text, and a text
  longer than its limit is cut at the limit (a body is cleaned again after the cut); an
  event on the release names the fields.
- A category without a name in a language takes one from another language (or its key);
  one without a slug gets one made from its name, unique in its language.

The limits are written out here as they were when this migration was made, so that it
does the same on every database whatever the limits become later.
"""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import migrations
from django.db.models import Q, TextField
from django.db.models.functions import Cast, Length
from django.utils import timezone

from news.html import sanitize_html
from news.text import make_slug

LANGUAGES = ("az", "en", "ru")
LIMITS = {
    **{f"title_{code}": 255 for code in LANGUAGES},
    **{f"summary_{code}": 2_000 for code in LANGUAGES},
    **{f"body_{code}": 100_000 for code in LANGUAGES},
    **{f"withdrawal_reason_{code}": 1_000 for code in LANGUAGES},
    "review_remark": 5_000,
}
NOTE_LIMIT = 1_000
UNWANTED = "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
# PostgreSQL holds no NUL, and takes none in a query. Neither database holds surrogates.
UNWANTED_IN_POSTGRESQL = "[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
ON_RECORD = ("published", "withdrawn")


def window():
    zone = ZoneInfo(settings.TIME_ZONE)
    now = timezone.now().astimezone(zone)
    try:
        latest = now.replace(year=now.year + 100)
    except ValueError:
        latest = now.replace(year=now.year + 100, day=28)
    return datetime(1990, 1, 1, tzinfo=zone), latest


def move_dates_into_window(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    ArticleEvent = apps.get_model("news", "ArticleEvent")
    earliest, latest = window()
    for field in ("published_at", "withdrawn_at"):
        before = Q(**{f"{field}__lt": earliest})
        after = Q(**{f"{field}__gt": latest})
        # Read as text: a date past the year 9999 in UTC has no Python datetime.
        outside = list(
            Article.objects.filter(before | after)
            .annotate(was=Cast(field, TextField()))
            .values_list("pk", "status", "was")
        )
        if not outside:
            continue
        Article.objects.filter(before).update(**{field: earliest})
        Article.objects.filter(after).update(**{field: latest})
        moved = [pk for pk, _status, _was in outside]
        Article.objects.filter(pk__in=moved, status__in=ON_RECORD).update(status="draft")
        ArticleEvent.objects.bulk_create(
            ArticleEvent(
                article_id=pk,
                action="unpublished" if status in ON_RECORD else "edited",
                remark=(
                    f"{field} {was} lay outside {earliest:%Y-%m-%d} to {latest:%Y-%m-%d}; "
                    "moved to the nearest of them."
                ),
            )
            for pk, status, was in outside
        )


def repair_text(text, limit, is_body):
    """Return ``text`` without unwanted characters and within ``limit`` characters."""
    text = re.sub(UNWANTED, "", text)
    if len(text) <= limit:
        return text
    if not is_body:
        return text[:limit]
    # Cut, then clean again, so no tag is left open; cleaning may lengthen it a little.
    cleaned = sanitize_html(text[:limit])
    while len(cleaned) > limit:
        cleaned = sanitize_html(cleaned[: max(0, 2 * limit - len(cleaned))])
    return cleaned


def repair_texts(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    ArticleEvent = apps.get_model("news", "ArticleEvent")
    ChangeNote = apps.get_model("news", "ChangeNote")
    pattern = (
        UNWANTED_IN_POSTGRESQL if schema_editor.connection.vendor == "postgresql" else UNWANTED
    )

    def needing_repair(model, limits):
        condition = Q()
        for column, limit in limits.items():
            condition |= Q(**{f"{column}__regex": pattern})
            condition |= Q(**{f"{column}_length__gt": limit})
        lengths = {f"{column}_length": Length(column) for column in limits}
        return model.objects.annotate(**lengths).filter(condition)

    for article in needing_repair(Article, LIMITS).iterator(chunk_size=100):
        fixed = {}
        for column, limit in LIMITS.items():
            text = getattr(article, column) or ""
            repaired_text = repair_text(text, limit, column.startswith("body_"))
            if repaired_text != text:
                fixed[column] = repaired_text
        if fixed:
            Article.objects.filter(pk=article.pk).update(**fixed)
            ArticleEvent.objects.create(
                article_id=article.pk,
                action="edited",
                remark="Control characters removed or text cut to its limit: "
                + ", ".join(sorted(fixed)),
            )
    for note in needing_repair(ChangeNote, {"note": NOTE_LIMIT}).iterator(chunk_size=100):
        ChangeNote.objects.filter(pk=note.pk).update(note=repair_text(note.note, NOTE_LIMIT, False))


def name_and_address_every_category(apps, schema_editor):
    Category = apps.get_model("news", "Category")
    categories = list(Category.objects.order_by("pk"))
    for language in LANGUAGES:
        taken = set()
        for category in categories:
            names = [getattr(category, f"name_{code}") for code in (language, *LANGUAGES)]
            name = next((n for n in names if n and n.strip()), category.key)
            setattr(category, f"name_{language}", name)
            slug = make_slug(getattr(category, f"slug_{language}") or name, 100) or category.key
            unique, number = slug, 2
            while unique in taken:
                unique, number = f"{slug[:95]}-{number}", number + 1
            taken.add(unique)
            setattr(category, f"slug_{language}", unique)
    for category in categories:
        category.save()


class Migration(migrations.Migration):
    dependencies = [("news", "0006_newsroom_roles")]

    operations = [
        migrations.RunPython(move_dates_into_window, migrations.RunPython.noop),
        migrations.RunPython(repair_texts, migrations.RunPython.noop),
        migrations.RunPython(name_and_address_every_category, migrations.RunPython.noop),
    ]
