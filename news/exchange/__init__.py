"""Reading and writing press releases as JSON: the old site's export, our backups, the demo.

A file is an array of records or one record per line. Every record is checked before anything
is written, so a file either imports whole or not at all; neither the import nor the export
holds more than a batch of releases in memory, whatever the size of the file.
"""

from .exporting import export_chunks, export_record
from .importing import BATCH, ImportResult, check_file, import_file, write_file
from .records import ImportFileError, Record, parse_record

__all__ = [
    "BATCH",
    "ImportFileError",
    "ImportResult",
    "Record",
    "check_file",
    "export_chunks",
    "export_record",
    "import_file",
    "parse_record",
    "write_file",
]
