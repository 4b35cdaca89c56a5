from django import template
from django.urls import reverse, translate_url
from django.utils.translation import override

from ..languages import LANGUAGE_CODES, current_language, local_name

register = template.Library()


def _home(language):
    with override(language):
        return reverse("news:home")


def _counterpart(path, language):
    """Return the same page in ``language``, or that language's home page if there is none."""
    translated = translate_url(path, language)
    if translated != path or language == current_language():
        return translated
    return _home(language)


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
            else known.get(code, _home(code)),
            "is_current": code == current,
        }
        for code in LANGUAGE_CODES
    ]
    return {"links": links}
