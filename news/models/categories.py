from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from modeltranslation.utils import build_localized_fieldname

from ..languages import LANGUAGE_CODES, current_language
from ..limits import CATEGORY_NAME_MAX_LENGTH, validate_characters
from ..text import make_slug
from .localized import localized

CATEGORY_SLUG_MAX_LENGTH = 100
# One or two sentences: search engines cut a description at about 160 characters.
CATEGORY_DESCRIPTION_MAX_LENGTH = 300


def present(column):
    """Return a condition: ``column`` holds text (NULL and "" are both refused)."""
    return Q(**{f"{column}__isnull": False, f"{column}__gt": ""})


class Category(models.Model):
    key = models.SlugField(
        _("key"),
        max_length=40,
        unique=True,
        help_text=_("Stable name used by imports and exports, such as “news”. Never shown."),
    )
    name = models.CharField(
        _("name"), max_length=CATEGORY_NAME_MAX_LENGTH, validators=[validate_characters]
    )
    slug = models.SlugField(
        _("URL slug"),
        max_length=CATEGORY_SLUG_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Part of the category's address in this language, e.g. /en/news/category/news/. "
            "Made from the name when left empty."
        ),
    )
    description = models.CharField(
        _("description"),
        max_length=CATEGORY_DESCRIPTION_MAX_LENGTH,
        blank=True,
        validators=[validate_characters],
        help_text=_(
            "One sentence on what this section holds, shown by search engines and sharing "
            "previews of its page. Left empty, a general description of the site is used."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Categories are listed by this number, lowest first.")
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")
        # Every language's pages link to every category: each needs a name and an address
        # in each language, and no two may share an address.
        constraints = [
            *(
                models.CheckConstraint(
                    condition=present(build_localized_fieldname(field, language)),
                    name=f"category_{field}_{language}_present",
                )
                for field in ("name", "slug")
                for language in LANGUAGE_CODES
            ),
            *(
                models.UniqueConstraint(
                    fields=[build_localized_fieldname("slug", language)],
                    name=f"category_slug_{language}_unique",
                )
                for language in LANGUAGE_CODES
            ),
        ]

    def __str__(self):
        return self.name or self.key

    def save(self, *args, **kwargs):
        self.fill_slugs()
        super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        language = language or current_language()
        with override(language):
            return reverse("news:category", kwargs={"slug": localized(self, "slug", language)})

    def clean(self):
        # Before the unique check, so that a slug made from a name is checked too.
        self.fill_slugs()

    def fill_slugs(self):
        """Give each language without a slug one made from its name."""
        for language in LANGUAGE_CODES:
            slug = localized(self, "slug", language) or localized(self, "name", language)
            setattr(
                self,
                build_localized_fieldname("slug", language),
                make_slug(slug, CATEGORY_SLUG_MAX_LENGTH),
            )
