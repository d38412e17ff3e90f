"""Reading and writing the store's YAML: safe, with line numbers, and readable on disk.

Files are parsed into nodes (which carry their line) so every problem can name the line a
person has to fix. Hostile input is refused before it can hurt: aliases (the "billion laughs"
bomb), deep nesting (which crashes the C parser), huge files and every non-standard tag.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from reader.errors import Problem
from reader.model import is_event_date
from reader.sanitize import visible

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

MAX_YAML_BYTES = 5_000_000
MAX_DEPTH = 50
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {_TAG + "seq", _TAG + "map"}
_QUOTED_CONTEXTS = ("while parsing a flow", "while scanning a quoted", "while scanning a block")


class YamlFile:
    """One YAML file being validated: its problems, with lines taken from the nodes."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, node: Node | int | None, message: str) -> None:
        line = node.start_mark.line + 1 if isinstance(node, Node) else node
        self.problems.append(Problem(self.path, line, message))

    def compose(self, text: str) -> Node | None:
        """The document's root node, or None (with a problem) when it cannot be read safely."""
        if len(text) > MAX_YAML_BYTES:
            self.problem(None, f"file too large ({len(text)} characters); split or trim it")
            return None
        try:
            if not self._safe_events(text):
                return None
            node: Node | None = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as error:
            self._syntax_problem(error)
            return None
        except yaml.YAMLError as error:
            self.problem(None, f"not valid YAML: {error}")
            return None
        return node

    def top(self, text: str, allowed: tuple[str, ...], what: str) -> dict[str, Node] | None:
        """The document's top-level keys; an empty document has none. None when unreadable."""
        count = len(self.problems)
        root = self.compose(text)
        if len(self.problems) > count:
            return None
        if root is None or (isinstance(root, ScalarNode) and root.tag == _TAG + "null"):
            return {}  # an empty file, or one that is only `---`
        return self.mapping(root, allowed, what)

    def _safe_events(self, text: str) -> bool:
        """Refuse aliases and deep nesting from the flat event stream, before composing."""
        depth = 0
        for event in yaml.parse(text, Loader=_Loader):
            line = event.start_mark.line + 1 if event.start_mark else None
            if isinstance(event, yaml.AliasEvent):
                self.problem(
                    line,
                    f"aliases (*{event.anchor}) are not allowed here; write the value out",
                )
                return False
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    self.problem(line, f"nested more than {MAX_DEPTH} levels deep")
                    return False
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return True

    def _syntax_problem(self, error: yaml.MarkedYAMLError) -> None:
        problem_mark, context_mark = error.problem_mark, error.context_mark
        context = error.context or ""
        mark = problem_mark or context_mark
        if context_mark is not None and context.startswith(_QUOTED_CONTEXTS):
            mark = context_mark
        parts = [p for p in (context, error.problem) if p]
        message = "YAML syntax error: " + ", ".join(parts)
        if problem_mark is not None and mark is not None and problem_mark.line != mark.line:
            message += f" (noticed at line {problem_mark.line + 1})"
        self.problem(None if mark is None else mark.line + 1, message)

    def allowed_tag(self, node: Node) -> bool:
        """Only YAML's plain types: `!!python/object` and friends are refused, never built."""
        if node.tag in _SCALAR_TAGS or node.tag in _COLLECTION_TAGS:
            return True
        self.problem(node, f"tag {node.tag.replace(_TAG, '!!')} is not allowed; remove it")
        return False

    def mapping(
        self, node: Node | None, allowed: tuple[str, ...], what: str
    ) -> dict[str, Node] | None:
        """The keys of a mapping node; unknown, duplicate and non-string keys are problems."""
        if node is not None and not self.allowed_tag(node):
            return None
        if not isinstance(node, MappingNode):
            self.problem(node, f"{what} must be a mapping of keys ({', '.join(allowed)})")
            return None
        fields: dict[str, Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else None
            if not isinstance(name, str) or key.tag != _TAG + "str":
                self.problem(key, f"{what}: keys must be plain names")
            elif name in fields:
                self.problem(key, f"{what}: duplicate key {name!r}")
            elif name not in allowed:
                self.problem(key, f"{what}: unknown key {name!r} (allowed: {', '.join(allowed)})")
            else:
                fields[name] = value
        return fields

    def items(self, node: Node | None, what: str) -> list[Node]:
        """The items of a sequence node; null means empty."""
        if node is None or self.is_null(node) or not self.allowed_tag(node):
            return []
        if not isinstance(node, SequenceNode):
            self.problem(node, f"{what} must be a list")
            return []
        return list(node.value)

    def is_null(self, node: Node) -> bool:
        return isinstance(node, ScalarNode) and node.tag == _TAG + "null"

    def scalar(self, node: Node) -> Any:
        """A scalar's value; unsafe or unknown tags are problems, never constructed."""
        if not self.allowed_tag(node):
            return None
        if not isinstance(node, ScalarNode):
            self.problem(node, "expected a single value, not a list or mapping")
            return None
        try:
            return yaml.constructor.SafeConstructor().construct_object(node)
        except (yaml.YAMLError, ValueError) as error:
            self.problem(node, f"bad value {node.value!r}: {error}")
            return None

    def text(self, node: Node | None, what: str, required: bool = False) -> str | None:
        """A string; numbers and dates are refused so that `id: 010` never becomes 8."""
        if node is None or self.is_null(node):
            if required:
                self.problem(node, f"{what} is required")
            return None
        value = self.scalar(node)
        if isinstance(value, str):
            return visible(value)
        if value is not None or node.tag == _TAG + "null":
            self.problem(node, f"{what} must be text; put it in quotes ('{node.value}')")
        return None

    def _calendar(self, node: Node | None) -> dt.date | str | None:
        """A YAML date as a date, anything else as its text; None when null or unreadable."""
        if node is None or self.is_null(node):
            return None
        count = len(self.problems)
        value = self.scalar(node)
        if len(self.problems) > count:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        return value if isinstance(value, dt.date) else str(node.value)

    def date(self, node: Node | None, what: str) -> dt.date | None:
        """A YYYY-MM-DD date, quoted or not."""
        value = self._calendar(node)
        if value is None or isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.problem(node, f"{what} must be a date like 2022-11-28, not {value!r}")
            return None

    def event_date(self, node: Node | None, what: str) -> str | None:
        """YYYY, YYYY-MM or YYYY-MM-DD, quoted or not (unquoted, YAML reads a year or a day)."""
        value = self._calendar(node)
        if value is None:
            return None
        text = value.isoformat() if isinstance(value, dt.date) else value
        if is_event_date(text):
            return text
        self.problem(node, f"{what} must be like 2022, 2022-11 or 2022-11-28, not {text!r}")
        return None

    def texts(self, node: Node | None, what: str) -> Iterator[tuple[str, Node]]:
        """The strings of a list, each with its node."""
        for item in self.items(node, what):
            value = self.text(item, f"each item of {what}", required=True)
            if value is not None:
                yield value, item


def scalar_text(value: str) -> str:
    """A string as one YAML scalar, quoted only when YAML would misread it."""
    dumped: str = yaml.dump(value, Dumper=_Dumper, allow_unicode=True, width=10_000)
    return dumped.removesuffix("\n...\n").rstrip("\n")


def _str_representer(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar(_TAG + "str", value, style=style)


class _BlockDumper(yaml.SafeDumper):
    """Multi-line strings as `|` blocks, so a diff of the file reads like the text."""


_BlockDumper.add_representer(str, _str_representer)


def dump(document: Any) -> str:
    """YAML text in the store's style: keys in the given order, Unicode kept."""
    text: str = yaml.dump(
        document,
        Dumper=_BlockDumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=10_000,
    )
    return text
