"""What search engines and sharing previews read of a page: Open Graph and schema.org data.

The agency appears as a ``GovernmentOrganization`` with its logo; a release as a
``NewsArticle`` with its dates (Baku time, with their offset), its language and its images,
within a ``BreadcrumbList`` from the home page through its category. Pages without a
photograph of their own are shared with the agency's emblem, drawn at the size sharing
previews want.
"""

import json

from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from . import agency
from .images.markup import Sharing
from .models import localized

# Open Graph names locales as language_TERRITORY.
OG_LOCALES = {"az": "az_AZ", "en": "en_GB", "ru": "ru_RU"}
LOGO = {"path": "img/agency-logo.png", "width": 512, "height": 512}
# The emblem on a white 1200 × 630 ground: the size Open Graph previews show large.
DEFAULT_SHARE_IMAGE = {"path": "img/agency-share.png", "width": 1200, "height": 630}
# Inside <script>, these would end the element or start markup; JSON allows them escaped.
_SCRIPT_ESCAPES = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}


def open_graph_locales(language, versions):
    """Return the page's Open Graph locale and those of its other ``versions``."""
    return {
        "og_locale": OG_LOCALES[language],
        "og_alternate_locales": [OG_LOCALES[code] for code in versions if code != language],
    }


def default_share_image(request):
    """Return the Sharing of a page without a photograph of its own: the agency's emblem."""
    return Sharing(
        url=request.build_absolute_uri(static(DEFAULT_SHARE_IMAGE["path"])),
        width=DEFAULT_SHARE_IMAGE["width"],
        height=DEFAULT_SHARE_IMAGE["height"],
        alt=_("Emblem of the State Migration Service of the Republic of Azerbaijan"),
    )


def category_description(category, language):
    """Return the description of ``category``'s page in ``language``, or a general one."""
    return localized(category, "description", language) or _(
        "%(category)s: news and press releases of the State Migration Service."
    ) % {"category": localized(category, "name", language)}


def json_ld(data):
    """Return ``data`` as JSON that is safe inside a <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False, indent=None).translate(_SCRIPT_ESCAPES))


def _moment(value):
    return timezone.localtime(value).isoformat(timespec="seconds")


def organization(request):
    """Return the agency as schema.org describes a government body."""
    return {
        "@type": "GovernmentOrganization",
        "name": str(agency.NAME),
        "url": request.build_absolute_uri(reverse("news:home")),
        "logo": {
            "@type": "ImageObject",
            "url": request.build_absolute_uri(static(LOGO["path"])),
            "width": LOGO["width"],
            "height": LOGO["height"],
        },
    }


def news_article(request, article, version, canonical_url, images=()):
    """Return the release's ``NewsArticle``, as shown in ``version``'s language."""
    agency_data = organization(request)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": version.title,
        "description": version.summary,
        "inLanguage": version.language,
        "datePublished": _moment(article.published_at),
        "dateModified": _moment(article.last_public_change()),
        "articleSection": article.category.name,
        "author": agency_data,
        "publisher": agency_data,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical_url},
    }
    if images:
        data["image"] = [
            {"@type": "ImageObject", "url": url, "width": width, "height": height}
            for url, width, height in images
        ]
    return data


def breadcrumbs(request, trail):
    """Return a ``BreadcrumbList`` of ``trail``, [(name, path)] from the home page down."""
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": str(name),
                "item": request.build_absolute_uri(path),
            }
            for position, (name, path) in enumerate(trail, start=1)
        ],
    }
