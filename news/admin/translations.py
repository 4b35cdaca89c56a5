"""What translators get in the admin: their switches on a release, its states, their queue."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from ..diff import plain_text, word_diff
from ..languages import LANGUAGE_CODES
from ..models import Article, TranslationState
from ..roles import translation_languages

TRANSLATION_STATE_MARKS = {
    TranslationState.ORIGINAL: "●",
    TranslationState.MISSING: "✗",
    TranslationState.OUTDATED: "⟳",
    TranslationState.HELD_BACK: "⏸",
    TranslationState.CURRENT: "✓",
}


class PerLanguageFilter(admin.SimpleListFilter):
    """What lacks something in one language: ``lacking`` names the queryset method asked."""

    lacking = None

    def lookups(self, request, model_admin):
        return [(code, code.upper()) for code in LANGUAGE_CODES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGE_CODES:
            return getattr(queryset, self.lacking)(self.value())
        return queryset


class MissingLanguageFilter(PerLanguageFilter):
    title = _("missing language")
    parameter_name = "missing"
    lacking = "missing_in"


class TranslationMixin:
    """Per-language states in the list and on the release, switches, and the queue."""

    def get_urls(self):
        return [
            path(
                "translations/",
                self.admin_site.admin_view(self.translation_queue_view),
                name="news_article_translation_queue",
            ),
            *super().get_urls(),
        ]

    def translation_controls(self, request, obj):
        """Return {name: form field}: the translation switches this editor gets on ``obj``."""
        if obj is None:
            return {}
        controls = {}
        for code in translation_languages(request.user):
            if code == obj.original_language:
                continue
            translation = obj.translation_for(code)
            language = {"language": code.upper()}
            controls[f"ready_{code}"] = forms.BooleanField(
                required=False,
                initial=translation is None or translation.ready,
                label=_("%(language)s version ready for visitors") % language,
                help_text=_(
                    "Untick while the translation is in progress: visitors will not see it."
                ),
            )
            if obj.translation_state(code) == TranslationState.OUTDATED:
                controls[f"confirm_{code}"] = forms.BooleanField(
                    required=False,
                    label=_("%(language)s version matches the original again") % language,
                    help_text=_(
                        "Tick once the changes to the original shown below are translated."
                    ),
                )
        return controls

    def save_translation_controls(self, obj, form):
        for code in LANGUAGE_CODES:
            if form.cleaned_data.get(f"confirm_{code}"):
                obj.record_translation_source(code)
            if f"ready_{code}" in form.cleaned_data:
                obj.set_translation_ready(code, form.cleaned_data[f"ready_{code}"])

    @admin.display(description=_("languages"))
    def languages(self, article):
        return format_html_join(
            " ",
            '<span class="translation-state translation-state--{}" title="{}">{} {}</span>',
            (
                (
                    state.replace(" ", "-"),
                    state.label,
                    code.upper(),
                    TRANSLATION_STATE_MARKS[state],
                )
                for code in LANGUAGE_CODES
                if (state := article.translation_state(code))
            ),
        )

    @admin.display(description=_("state of each language"))
    def translation_overview(self, article):
        rows = []
        for code in LANGUAGE_CODES:
            state = article.translation_state(code)
            rows.append(format_html("<p><strong>{}</strong>: {}</p>", code.upper(), state.label))
            translation = article.translation_for(code)
            if state == TranslationState.OUTDATED and translation:
                rows.append(original_changes(article, translation))
        return format_html_join("", "{}", ((row,) for row in rows))

    def translation_queue_view(self, request):
        if not self.has_view_permission(request):
            raise PermissionDenied
        queues = [
            (
                code,
                [
                    (article, state, state.label)
                    for article in Article.objects.needing_translation(code)
                    .prefetch_related("translations")
                    .order_by("published_at", "id")
                    if (state := article.translation_state(code))
                ],
            )
            for code in translation_languages(request.user)
        ]
        context = {
            **self.admin_site.each_context(request),
            "title": _("Translation queue"),
            "opts": self.opts,
            "queues": queues,
        }
        return TemplateResponse(request, "admin/news/article/translation_queue.html", context)


def original_changes(article, translation):
    """Return how the original changed since ``translation`` was made, field by field."""
    current = article.version(article.original_language)
    pairs = [
        (_("Title"), translation.source_title, current.title),
        (_("Summary"), translation.source_summary, current.summary),
        (_("Body"), plain_text(translation.source_body), plain_text(current.body)),
    ]
    return format_html_join(
        "",
        '<div class="original-changes"><h4>{}</h4><p>{}</p></div>',
        ((label, word_diff(old, new)) for label, old, new in pairs if old != new),
    )
