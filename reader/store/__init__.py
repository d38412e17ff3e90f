"""The story store on disk: story folders, their YAML, atomic saves and the annotations file."""

from __future__ import annotations

from reader.store.annotations_file import (
    ANNOTATIONS_FILE,
    load_annotations,
    render,
    update_annotations,
)
from reader.store.atomic import (
    ABSENT,
    ChangedOnDisk,
    Stamp,
    atomic_write,
    backup_path,
    file_stamp,
    read_stamped,
)
from reader.store.containment import escapes
from reader.store.file_set import STAGING_PREFIX, replace_together
from reader.store.stories import (
    SAMPLE_ID,
    SOURCES_DIR,
    STORY_FILE,
    check_story,
    copy_sample,
    find_story,
    list_stories,
    load_story,
    read_text,
    sample_story,
    store_root,
)
from reader.store.yamlio import YamlFile, dump, scalar_text

__all__ = [
    "ABSENT",
    "ANNOTATIONS_FILE",
    "SAMPLE_ID",
    "SOURCES_DIR",
    "STAGING_PREFIX",
    "STORY_FILE",
    "ChangedOnDisk",
    "Stamp",
    "YamlFile",
    "atomic_write",
    "backup_path",
    "check_story",
    "copy_sample",
    "dump",
    "escapes",
    "file_stamp",
    "find_story",
    "list_stories",
    "load_annotations",
    "load_story",
    "read_stamped",
    "read_text",
    "render",
    "replace_together",
    "sample_story",
    "scalar_text",
    "store_root",
    "update_annotations",
]
