"""The agency the site speaks for: its names, as every page, feed and structured data write them."""

from django.utils.translation import gettext_lazy as _

# The full name opens titles and structured data; the short one closes page titles.
NAME = _("State Migration Service of the Republic of Azerbaijan")
SHORT_NAME = _("State Migration Service")
DESCRIPTION = _(
    "News and press releases of the State Migration Service of the Republic of Azerbaijan."
)
