from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from ..languages import current_language
from .localized import localized


class Category(models.Model):
    key = models.SlugField(
        _("key"),
        max_length=40,
        unique=True,
        help_text=_("Stable name used by imports and exports, such as “news”. Never shown."),
    )
    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("URL slug"),
        max_length=100,
        help_text=_(
            "Part of the category's address in this language, e.g. /en/news/category/news/."
        ),
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Categories are listed by this number, lowest first.")
    )

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("category")
        verbose_name_plural = _("categories")

    def __str__(self):
        return self.name or self.key

    def get_absolute_url(self, language=None):
        language = language or current_language()
        with override(language):
            return reverse("news:category", kwargs={"slug": localized(self, "slug", language)})
