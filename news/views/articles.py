"""One release: its public page, and the staff preview of any release."""

from functools import cache

from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import DetailView

from .. import seo
from ..images.markup import ReleasePhotographs
from ..languages import LANGUAGE_CODES, current_language
from ..models import Article
from ..pagecache.generation import remembered
from ..sharing import share_links
from .public import PublicPageMixin


class ReleasePageMixin:
    """A release shown in the visitor's language, or in another it has, with a notice.

    ``self.languages`` lists the languages this page may show, preferred first.
    """

    template_name = "news/article_detail.html"
    languages = ()
    related_count = 3

    def get_context_data(self, **kwargs):
        language = current_language()
        shown = language if language in self.languages else self.languages[0]
        article = self.object
        version = article.version(shown)
        canonical_url = self.request.build_absolute_uri(article.get_absolute_url(shown))
        category = article.category
        trail = [
            (_("Home"), reverse("news:home")),
            (category.name, category.get_absolute_url()),
            (version.title, article.get_absolute_url(shown)),
        ]

        # What follows reads the photographs and change notes, and renders the body: each is
        # computed when the template first asks, so a part of the page kept under the content
        # state ({% kept %}) costs neither its queries nor its work.
        @cache
        def relations():
            # The photographs and the change notes are read together, by the first that is asked.
            article.read_page_relations()

        @cache
        def photographs():
            relations()
            return ReleasePhotographs(article, shown)

        @cache
        def share_image():
            return photographs().sharing(self.request)

        @cache
        def structured_data():
            image = share_image()
            images = [(image.url, image.width, image.height)] if image else []
            return [
                seo.news_article(self.request, article, version, canonical_url, images),
                seo.breadcrumbs(self.request, trail),
            ]

        @cache
        def change_notes():
            relations()
            return article.change_notes.all()

        return super().get_context_data(
            version=version,
            photographs=photographs,
            body=cache(lambda: photographs().body(version.body)),
            share_image=share_image,
            is_fallback=shown != language,
            other_versions=[
                (code, article.get_absolute_url(code))
                for code in self.languages
                if code != language
            ],
            page_title=version.title,
            page_description=version.summary,
            canonical_url=canonical_url,
            og_type="article",
            **seo.open_graph_locales(shown, self.languages),
            structured_data=structured_data,
            is_withdrawn=article.status == Article.Status.WITHDRAWN,
            withdrawal=self.withdrawal_version(shown),
            change_notes=change_notes,
            breadcrumbs=trail[:-1],
            share_links=cache(lambda: share_links(canonical_url, version.title)),
            related=cache(self.related_releases),
            **kwargs,
        )

    def related_releases(self):
        """Return a few of the latest other releases of its category visitors may see here."""
        article = self.object
        return (
            Article.objects.visible(current_language())
            .filter(category_id=article.category_id)
            .exclude(pk=article.pk)
            .select_related("category")
            .without_bodies()
            .with_lead_photographs()[: self.related_count]
        )

    def withdrawal_version(self, shown):
        """Return the version whose reason for withdrawal to show: the shown one's, else any."""
        article = self.object
        for code in (shown, article.original_language, *LANGUAGE_CODES):
            if article.version(code).withdrawal_reason:
                return article.version(code)
        return article.version(shown)


class ArticleDetailView(ReleasePageMixin, PublicPageMixin, DetailView):
    def get_queryset(self):
        # Which languages it is public in comes from its own columns: no translation record
        # is read for visitors.
        return Article.objects.on_record().select_related("category")

    def get_object(self, queryset=None):
        # Whether a release is on record, and its texts, only change with the content state.
        pk = self.kwargs["pk"]
        release = remembered(f"release:{pk}", lambda: self.get_queryset().filter(pk=pk).first())
        if release is None:
            raise Http404
        return release

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        self.languages = self.object.public_languages()
        if not self.languages:
            raise Http404
        canonical_url = self.object.get_absolute_url()
        if request.path != canonical_url:
            return HttpResponsePermanentRedirect(canonical_url)
        return self.render_to_response(self.get_context_data())

    def get_language_urls(self):
        # Every language has a page for this release: its own version or another with a notice.
        return {code: self.object.get_absolute_url(code) for code in LANGUAGE_CODES}

    def get_alternate_urls(self):
        return {code: self.object.get_absolute_url(code) for code in self.languages}


class ArticlePreviewView(ReleasePageMixin, DetailView):
    """Any release not in the trash, as visitors will see it, for staff only.

    The one widening of the public gate: answers 404 to anyone else, and tells browsers and
    crawlers to keep nothing.
    """

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_active and user.is_staff and user.has_perm("news.view_article")):
            raise Http404
        response = super().dispatch(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_queryset(self):
        return (
            Article.objects.not_in_trash()
            .select_related("category")
            .prefetch_related("translations")
        )

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        ordered = self.object.languages_original_first()
        self.languages = [code for code in ordered if self.object.is_complete_in(code)] or ordered
        return self.render_to_response(self.get_context_data(is_preview=True))

    def get_context_data(self, **kwargs):
        urls = {code: self.object.get_preview_url(code) for code in LANGUAGE_CODES}
        # No public page, yet it names the picture the release will share, as public pages do.
        return super().get_context_data(
            language_urls=urls, default_share_image=seo.default_share_image(self.request), **kwargs
        )
