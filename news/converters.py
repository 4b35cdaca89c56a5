"""Path converters that refuse, with a 404, values the database could not take or the archive
does not have: a row's id, a year of four digits, a month of two."""


class IdConverter:
    """A row's id: digits without a leading zero, small enough for a 64-bit integer column."""

    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


class YearConverter:
    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class MonthConverter:
    regex = "0[1-9]|1[0-2]"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"
