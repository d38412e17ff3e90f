"""Articles in: text or HTML files, folders, fetched URLs, cleaned into sources of a story."""

from __future__ import annotations

from reader.ingest.cleaning import clean_article
from reader.ingest.decoding import decode
from reader.ingest.fetch import fetch, is_url
from reader.ingest.importer import (
    Article,
    Imported,
    ImportOptions,
    adopt_orphans,
    article_files,
    import_articles,
    import_files,
    read_file,
    read_url,
    reimport_story,
    slugify,
    valid_id,
)

__all__ = [
    "Article",
    "ImportOptions",
    "Imported",
    "adopt_orphans",
    "article_files",
    "clean_article",
    "decode",
    "fetch",
    "import_articles",
    "import_files",
    "is_url",
    "read_file",
    "read_url",
    "reimport_story",
    "slugify",
    "valid_id",
]
