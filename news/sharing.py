"""Links that share a release on social networks and by e-mail: plain addresses, no script.

Each network's own "share" address takes the release's absolute URL (and its title where the
network shows one), so a visitor's click sends nothing to any network before it is made.
"""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext_lazy as _


def _query(**params):
    return urlencode(params, quote_via=quote)


# (name, address given the release's URL and title)
TARGETS = (
    ("Facebook", lambda url, title: f"https://www.facebook.com/sharer/sharer.php?{_query(u=url)}"),
    ("X", lambda url, title: f"https://x.com/intent/post?{_query(url=url, text=title)}"),
    ("Telegram", lambda url, title: f"https://t.me/share/url?{_query(url=url, text=title)}"),
    ("WhatsApp", lambda url, title: f"https://wa.me/?{_query(text=f'{title} {url}')}"),
    (
        "LinkedIn",
        lambda url, title: f"https://www.linkedin.com/sharing/share-offsite/?{_query(url=url)}",
    ),
    (_("E-mail"), lambda url, title: f"mailto:?{_query(subject=title, body=url)}"),
)


def share_links(url, title):
    """Return [(name, address)] that share the release at absolute ``url`` titled ``title``."""
    return [(name, address(url, title)) for name, address in TARGETS]
