"""What a list of releases can be narrowed to: a section, a period, changes since a moment."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from ..limits import EARLIEST_STORED, LATEST_STORED
from ..models import Article


class MomentField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 moment within the years a release may have, so no query can overflow."""

    def clean(self, value):
        moment = super().clean(value)
        if moment is not None and not EARLIEST_STORED <= moment < LATEST_STORED:
            raise forms.ValidationError(
                _("Give a moment between %(first)s and %(last)s.")
                % {"first": EARLIEST_STORED.year + 1, "last": LATEST_STORED.year - 1}
            )
        return moment


class MomentFilter(django_filters.IsoDateTimeFilter):
    field_class = MomentField


class ReleaseFilter(django_filters.FilterSet):
    category = django_filters.CharFilter(
        field_name="category__key", help_text="Section key: news, announcements, ..."
    )
    published_after = MomentFilter(
        field_name="published_at", lookup_expr="gte", help_text="Released at or after (ISO 8601)."
    )
    published_before = MomentFilter(
        field_name="published_at", lookup_expr="lt", help_text="Released before (ISO 8601)."
    )
    changed_since = MomentFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text="Changed at or after (ISO 8601), for incremental mirroring.",
    )

    class Meta:
        model = Article
        fields = ["category", "published_after", "published_before", "changed_since"]
