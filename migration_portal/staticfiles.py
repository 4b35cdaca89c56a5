"""Static files from third-party packages, offered one file at a time."""

import xstatic.pkg.jquery_ui
from django.contrib.staticfiles.finders import BaseFinder
from django.core.files.storage import FileSystemStorage


class JQueryUIFinder(BaseFinder):
    """Offer the one jQuery UI file the admin's language tabs load, as ``jquery-ui/…``.

    The whole XStatic package is not exposed: its theme CSS names files it does not ship, which
    stops ``collectstatic`` with hashed names, and nothing of ours uses it.
    """

    prefix = "jquery-ui"
    files = ("jquery-ui.min.js",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.storage = FileSystemStorage(location=xstatic.pkg.jquery_ui.BASE_DIR)
        self.storage.prefix = self.prefix

    def check(self, **kwargs):
        return []

    def find(self, path, find_all=False, **kwargs):
        folder, _, name = path.partition("/")
        found = [self.storage.path(name)] if folder == self.prefix and name in self.files else []
        if find_all or kwargs.get("all"):
            return found
        return found[0] if found else []

    def list(self, ignore_patterns):
        for name in self.files:
            yield name, self.storage
