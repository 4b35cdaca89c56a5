"""The agency the site speaks for: its name, mark, press office and services, as pages show them."""

from django.conf import settings
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

# The one name of the agency: header, page titles, footer, feeds and structured data.
NAME = _("State Migration Service of the Republic of Azerbaijan")
DESCRIPTION = _(
    "News and press releases of the State Migration Service of the Republic of Azerbaijan."
)
# The agency's blue: the header, the browser's toolbar on phones (theme-color) and the icons.
THEME_COLOUR = "#00558c"
PORTAL_URL = "https://migration.gov.az"
E_SERVICES_URL = "https://e-services.migration.gov.az"
CALL_CENTRE = "919"


def telephone_link(number):
    """Return the tel: address of ``number`` as people write it ("+994 12 000 00 00")."""
    return "tel:" + "".join(
        character for character in number if character.isdigit() or character == "+"
    )


def mark_url():
    """Return the address of the agency's mark, ours unless settings name another file."""
    return static(settings.AGENCY_MARK)


def press_office(language):
    """Return the press office's contacts, its address as ``language`` writes it."""
    addresses = settings.PRESS_OFFICE_ADDRESS
    return {
        "phone": settings.PRESS_OFFICE_PHONE,
        "phone_link": telephone_link(settings.PRESS_OFFICE_PHONE),
        "email": settings.PRESS_OFFICE_EMAIL,
        "address": addresses.get(language) or addresses[settings.LANGUAGE_CODE],
    }
