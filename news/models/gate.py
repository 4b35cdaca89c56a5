"""The one public gate: which releases visitors may see, in which language.

Whether a language version may be shown is kept in a column per language
(``available_<language>``, see ``Article.refresh_availability``), so that "public in language X"
is answered from a partial index instead of by testing every release's texts.
"""

from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Window
from django.db.models.functions import RowNumber, TruncMonth
from django.utils import timezone

from ..languages import LANGUAGE_CODES
from ..signals import releases_changed_in_bulk
from .images import ArticleImage
from .localized import filled
from .translations import Translation

# What a language version needs before visitors may read it in that language.
REQUIRED_FOR_PUBLICATION = ("title", "summary", "body")


def availability_field(language):
    """Return the name of the column that says whether the ``language`` version may be shown."""
    return f"available_{language}"


def _public_in(language):
    return Q(status="published", deleted_at__isnull=True, **{availability_field(language): True})


def _missing(language):
    """Return a condition: the ``language`` version lacks a title, a summary or a body."""
    # A version that is not available is incomplete unless its translator holds it back or
    # one of its photographs lacks alt text; testing the texts themselves, which means reading
    # every body, is left to those few.
    held_back = Translation.objects.filter(article=OuterRef("pk"), language=language, ready=False)
    incomplete = ~Q(*(filled(field, language) for field in REQUIRED_FOR_PUBLICATION))
    return Q(**{availability_field(language): False}) & (
        (~Exists(held_back) & ~Exists(_lacking_alt_text(language))) | incomplete
    )


def _lacking_alt_text(language):
    return ArticleImage.objects.lacking_alt_text(language).filter(article=OuterRef("pk"))


def public_list_indexes(languages):
    """Return the partial indexes the public lists of each language are read from."""
    return [
        index
        for language in languages
        for index in (
            models.Index(
                fields=["-published_at", "-id"],
                condition=_public_in(language),
                name=f"article_visible_{language}",
            ),
            models.Index(
                fields=["category", "-published_at", "-id"],
                condition=_public_in(language),
                name=f"article_visible_{language}_category",
            ),
        )
    ]


def missing_language_indexes(languages):
    """Return the partial indexes the admin's "missing language" filter reads, per language."""
    return [
        models.Index(
            fields=["-published_at", "-id"],
            condition=Q(deleted_at__isnull=True, **{availability_field(language): False}),
            name=f"article_unavailable_{language}",
        )
        for language in languages
    ]


def availability_constraints(languages):
    """Return the rules the database holds to: no language version is shown incomplete."""
    return [
        models.CheckConstraint(
            condition=Q(**{availability_field(language): False})
            | Q(*(filled(field, language) for field in REQUIRED_FOR_PUBLICATION)),
            name=f"article_available_{language}_complete",
        )
        for language in languages
    ]


def photograph_uses():
    """Return the prefetch of a release's photographs, each with its image."""
    return models.Prefetch("images", queryset=ArticleImage.objects.select_related("image"))


class ArticleQuerySet(models.QuerySet):
    def in_trash(self):
        return self.filter(deleted_at__isnull=False)

    def not_in_trash(self):
        return self.filter(deleted_at__isnull=True)

    def set_trashed(self, trashed, user):
        """Move these releases into the trash or out of it, as an edit by ``user``."""
        # The edit counter moves, so a form opened before is refused as stale.
        now = timezone.now()
        changed = self.update(
            deleted_at=now if trashed else None,
            lock_version=F("lock_version") + 1,
            last_edited_by=user,
            updated_at=now,
        )
        releases_changed_in_bulk.send(sender=self.model, articles=[])
        return changed

    def create_many(self, articles):
        """Create new releases as their save() would, in a few statements for all of them."""
        for article in articles:
            article.prepare_to_save()
            article.lock_version = 0
        retranslated = [article.retranslated_languages() for article in articles]
        created = self.bulk_create(articles)
        Translation.objects.bulk_create(
            Translation(article=article, language=language, **article.translation_source())
            for article, languages in zip(created, retranslated, strict=True)
            for language in languages
        )
        for article in created:
            article._saved_texts = article.texts()
        releases_changed_in_bulk.send(sender=self.model, articles=created)
        return created

    def on_record(self, now=None):
        """Return the releases that have gone public: published or since withdrawn."""
        return self.not_in_trash().filter(
            status__in=self.model.ON_RECORD, published_at__lte=now or timezone.now()
        )

    def published(self, now=None):
        """Return the releases that are published and whose release time has come."""
        return self.on_record(now).filter(status=self.model.Status.PUBLISHED)

    def scheduled(self, now=None):
        """Return the published releases whose release time is still to come."""
        return self.not_in_trash().filter(
            status=self.model.Status.PUBLISHED, published_at__gt=now or timezone.now()
        )

    def without_bodies(self):
        """Return the releases without their bodies, the large columns lists never show."""
        return self.defer("body", *(f"body_{code}" for code in LANGUAGE_CODES))

    def month_counts(self, languages):
        """Return [(month, {language: releases available in it})], newest first, Baku time."""
        months = self.order_by().annotate(month=TruncMonth("published_at")).values("month")
        counted = months.annotate(
            **{
                language: Count("pk", filter=Q(**{availability_field(language): True}))
                for language in languages
            }
        ).order_by("-month")
        return [
            (row["month"], {language: row[language] for language in languages}) for row in counted
        ]

    def complete_in(self, language):
        """Return the releases whose ``language`` version has everything it needs."""
        return self.filter(*(filled(field, language) for field in REQUIRED_FOR_PUBLICATION))

    def available_in(self, language):
        """Return the releases whose ``language`` version is complete and let go."""
        return self.filter(**{availability_field(language): True})

    def missing_in(self, language):
        """Return the releases whose ``language`` version lacks a title, summary or body."""
        return self.filter(_missing(language))

    def visible(self, language, now=None):
        """Return the releases visitors may see in ``language``: the one public gate."""
        return self.published(now).available_in(language)

    def latest_in_each_category(self, count, among):
        """Return the ``count`` latest of the newest ``among`` of these in each category.

        One query for every section of the home page, however many categories there are: a
        window numbers each category's releases, newest first, over the newest ``among``
        alone, which the list's index gives at once. Numbering the whole archive would read
        every public release on each new state; a category with nothing that recent has no
        section, and is still one click away in the navigation.
        """
        newest = self.order_by("-published_at", "-id").values("pk")[:among]
        rank = Window(
            RowNumber(),
            partition_by=F("category_id"),
            order_by=[F("published_at").desc(), F("id").desc()],
        )
        return (
            self.filter(pk__in=newest)
            .annotate(rank_in_category=rank)
            .filter(rank_in_category__lte=count)
        )

    def lacking_alt_text(self, language):
        """Return the releases whose ``language`` version shows a photograph without alt text."""
        return self.filter(Exists(_lacking_alt_text(language)))

    def with_lead_photographs(self):
        """Return the releases with their lead photograph, read in the same query."""
        return self.select_related("lead_image")

    def needing_translation(self, language):
        """Return the releases whose ``language`` version is missing or outdated."""
        outdated = Translation.objects.filter(article=OuterRef("pk"), language=language).exclude(
            source_digest=OuterRef("source_digest")
        )
        return (
            self.not_in_trash()
            .exclude(original_language=language)
            .exclude(status=self.model.Status.WITHDRAWN)
            .filter(_missing(language) | Exists(outdated))
        )
