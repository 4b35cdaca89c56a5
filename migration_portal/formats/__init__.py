"""Date formats of the site's languages.

Dates inside a sentence use Django's "alt. month" names (the ``E`` format). Django's
Azerbaijani catalogue capitalises them ("15 Dekabr 2020") where Azerbaijani writes them in
lower case ("15 dekabr 2020"). Marking Django's own message ids here keeps them in our
catalogues, whose entries take precedence over Django's.
"""

from django.utils.translation import pgettext_lazy

MONTH_NAMES_IN_DATES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
