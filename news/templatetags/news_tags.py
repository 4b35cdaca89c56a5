from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import get_text_list
from django.utils.translation import gettext, override

from .. import feeds, seo
from ..languages import AVAILABLE_IN, LANGUAGE_CODES, current_language, local_name
from ..models import Article
from ..roles import translation_languages

register = template.Library()


def _home(language):
    with override(language):
        return reverse("news:home")


def _is_local(url):
    """Say whether ``url`` is a path on this site: "//evil.example/az/" is another site."""
    return url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=None)


def _counterpart(path, language):
    """Return the same page in ``language``, or that language's home page if there is none.

    The path comes from the request as the visitor typed it, so only a path on this site
    is ever linked to.
    """
    if not _is_local(path):
        return _home(language)
    translated = translate_url(path, language)
    if translated != path or language == current_language():
        return translated
    return _home(language)


@register.inclusion_tag("includes/alternate_links.html", takes_context=True)
def alternate_links(context):
    """Give search engines the page's versions in other languages (hreflang), and x-default.

    Only pages rendered by a public view have versions; error pages get none.
    """
    if "alternate_urls" not in context:
        return {"links": []}
    request = context["request"]
    urls = context["alternate_urls"]
    if urls is None:
        urls = {code: _counterpart(request.path, code) for code in LANGUAGE_CODES}
    links = [(code, request.build_absolute_uri(url)) for code, url in urls.items()]
    if links:
        default = dict(links).get(settings.LANGUAGE_CODE, links[0][1])
        links.append(("x-default", default))
    return {"links": links}


@register.inclusion_tag("includes/feed_links.html", takes_context=True)
def feed_links(context):
    """Offer the page's feeds to browsers and readers: the latest releases, and its category's."""
    category = context.get("category")
    links = feeds.feed_links()
    return {"links": feeds.feed_links(category) + links if category else links}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Link every language to this page's counterpart, or to that language's home page.

    Views that know their counterparts give ``language_urls`` ({language: URL}, leaving out
    the languages the page lacks); for other pages the URL is translated as it stands.
    """
    request = context["request"]
    known = context.get("language_urls")
    current = current_language()
    links = [
        {
            "code": code,
            "name": local_name(code),
            "url": _counterpart(request.path, code)
            if known is None
            else known[code]
            if code in known
            else _home(code),
            "is_current": code == current,
        }
        for code in LANGUAGE_CODES
    ]
    return {"links": links}


@register.filter
def language_names(versions):
    """Return "Azerbaijani and Russian" (in the active language) for [(code, url), …]."""
    names = [str(AVAILABLE_IN[code]) for code, _url in versions]
    return get_text_list(names, gettext("and"))


@register.simple_tag
def translation_queue_counts(user):
    """Return [(language, releases missing or outdated)] for the languages ``user`` translates."""
    return [
        (code, Article.objects.needing_translation(code).count())
        for code in translation_languages(user)
    ]


@register.simple_tag(takes_context=True)
def page_url(context, number):
    """Return the link to page ``number`` of this list, keeping its other parameters."""
    query = context["request"].GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


@register.filter
def json_ld(data):
    """Write ``data`` as schema.org JSON inside a <script>, with nothing that could end it."""
    return seo.json_ld(data)


@register.filter
def preview_url(article, language):
    """Return the staff preview of ``article`` in ``language``."""
    return article.get_preview_url(language)
