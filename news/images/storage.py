"""Where a photograph's files go: names of our own, written all or none through ``STORAGES``.

A file is named after the SHA-256 of its bytes (``images/3f/9a0c….webp``), never after what the
uploader called it: the name says nothing about the photograph, the same bytes are stored once,
and a new crop or a replaced file always gets a new name, so no cache can serve a stale one.
"""

import errno
import hashlib
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

FOLDER = "images"
EXTENSIONS = {"jpeg": "jpg", "png": "png", "webp": "webp"}


class StorageFailure(Exception):
    """The storage refused a file; whatever this attempt had written is removed again."""

    def __init__(self, error):
        full = isinstance(error, OSError) and error.errno in (errno.ENOSPC, errno.EDQUOT)
        self.message = (
            _("The photograph could not be stored: the file storage is full. Nothing was saved.")
            if full
            else _(
                "The photograph could not be stored: the file storage did not accept it. "
                "Nothing was saved; try again in a few minutes."
            )
        )
        super().__init__(str(self.message))


def file_storage():
    """Return the storage photographs live in: ``STORAGES["default"]``, read at each use."""
    return storages["default"]


def name_for(data, file_format):
    """Return the stored name of a file holding ``data``."""
    digest = hashlib.sha256(data).hexdigest()
    return f"{FOLDER}/{digest[:2]}/{digest[2:34]}.{EXTENSIONS[file_format]}"


def store(files):
    """Write every (name, data) of ``files``; return the names stored, in the same order.

    Either every file is stored, or none that this call wrote is left behind, not even one
    the storage began to write before it failed: then StorageFailure is raised.
    """
    storage = file_storage()
    stored, written = [], []
    attempted = None
    try:
        for name, data in files:
            if storage.exists(name) and storage.size(name) == len(data):
                stored.append(name)  # the same bytes, stored before
                continue
            if storage.exists(name):
                storage.delete(name)  # what an interrupted write left
            attempted = name
            saved = storage.save(name, ContentFile(data))
            attempted = None
            written.append(saved)
            stored.append(saved)
    except Exception as error:  # storages raise OSError, or their own errors (S3 clients)
        logger.exception("Storing a photograph failed; removing what this attempt wrote.")
        remove([*written, *([attempted] if attempted else [])])
        raise StorageFailure(error) from error
    return stored


def remove(names):
    """Delete ``names`` from the storage, carrying on past any that cannot be deleted."""
    storage = file_storage()
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # a storage that fails now is reported; the clean-up will list it
            logger.exception("Could not remove %s from the storage.", name)


def stored_names(folder=FOLDER):
    """Return every file name under ``folder`` of the storage."""
    try:
        directories, files = file_storage().listdir(folder)
    except FileNotFoundError:  # nothing stored yet
        return []
    names = [f"{folder}/{name}" for name in files]
    for directory in directories:
        names += stored_names(f"{folder}/{directory}")
    return names
