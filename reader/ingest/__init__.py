"""Articles in: raw text or HTML files cleaned into sources of a story."""

from __future__ import annotations

from reader.ingest.cleaning import clean_article
from reader.ingest.importer import ImportOptions, import_files, slugify, valid_id

__all__ = ["ImportOptions", "clean_article", "import_files", "slugify", "valid_id"]
