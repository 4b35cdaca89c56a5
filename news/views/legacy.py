"""The old site's addresses of releases, which live on in links and bookmarks: 301 to ours."""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.cache import patch_cache_control
from django.utils.translation import override
from django.views import View

from ..languages import LANGUAGE_CODES, current_language
from ..limits import LEGACY_ID_MAX
from ..models import Article


class LegacyArticleRedirectView(View):
    """Send ``news_detail/<legacy_id>`` and ``press_detail/<legacy_id>`` to the release's page.

    In the language asked for; where that version is not public, the release's page in that
    language answers as it always does (another version, with a notice). Anything that is not
    a release on record is not found.
    """

    def get(self, request, legacy_id, language=None):
        language = language or current_language()
        if language not in LANGUAGE_CODES or not 0 < int(legacy_id) <= LEGACY_ID_MAX:
            raise Http404
        article = Article.objects.on_record().filter(legacy_id=int(legacy_id)).first()
        if article is None or not article.public_languages():
            raise Http404
        with override(language):
            response = HttpResponsePermanentRedirect(article.get_absolute_url(language))
        patch_cache_control(response, public=True, max_age=settings.PUBLIC_CACHE_SECONDS)
        return response
