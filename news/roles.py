"""Who may do what in the newsroom, decided from Django's permissions and groups."""

from .languages import LANGUAGE_CODES

# A translator belongs to the group of each language they translate into; the groups are
# created by migration 0004, which keeps its own copy of these names.
TRANSLATOR_GROUPS = {
    "az": "Translators: Azerbaijani",
    "en": "Translators: English",
    "ru": "Translators: Russian",
}


def writes_releases(user):
    """Say whether ``user`` writes releases: every field of every language is theirs."""
    return user.has_perm("news.add_article")


def translation_languages(user):
    """Return the languages whose fields ``user`` may edit."""
    if writes_releases(user):
        return LANGUAGE_CODES
    groups = set(user.groups.values_list("name", flat=True))
    return tuple(code for code, group in TRANSLATOR_GROUPS.items() if group in groups)


def publishes_releases(user):
    """Say whether ``user`` may review, publish, schedule, withdraw and restore releases."""
    return user.has_perm("news.publish_article")
