"""Path converters that refuse, with a 404, values the database could not take."""


class IdConverter:
    """A row's id: digits without a leading zero, small enough for a 64-bit integer column."""

    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)
