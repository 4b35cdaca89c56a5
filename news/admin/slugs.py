import json

from django import forms

from ..text import TRANSLITERATION


class SlugFromTitleMixin:
    """Fill each language's slug from its title as the editor types, as the server would."""

    slug_source_field = "title"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        language = getattr(db_field, "language", None)
        if field is not None and language and db_field.name == f"slug_{language}":
            field.widget.attrs.update(
                {
                    "data-slug-source": f"id_{self.slug_source_field}_{language}",
                    "data-slug-max-length": db_field.max_length,
                    "data-transliteration": json.dumps(TRANSLITERATION, ensure_ascii=False),
                }
            )
        return field

    @property
    def media(self):
        return super().media + forms.Media(js=["news/admin/slug.js"])
