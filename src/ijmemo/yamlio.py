"""YAML loading that remembers where each record starts.

Validation messages name the file *and line* of the record at fault, and a
YAML syntax error is reported with its line instead of a traceback.
"""

from __future__ import annotations

from pathlib import Path

import yaml


class Record(dict):
    """A mapping loaded from YAML that knows its 1-based line number."""

    line: int | None = None


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if key in seen:
                # PyYAML silently keeps the last value; a duplicated field is a mistake.
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found duplicate key {key!r}",
                    key_node.start_mark,
                )
            seen[key] = True
        record = Record(super().construct_mapping(node, deep=True))
        record.line = node.start_mark.line + 1
        return record


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


# Keep ISO dates as the strings the curator typed: dates are phrases here.
_LineLoader.yaml_implicit_resolvers = {
    first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class YamlError(ValueError):
    def __init__(self, path: Path, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


def load_yaml(path: Path):
    """Load a YAML file; raise YamlError (with the line) when it does not parse."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlError(path, None, f"cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = " ".join(part for part in (exc.context, exc.problem) if part)
        raise YamlError(path, line, f"YAML does not parse: {detail}") from None
    except yaml.YAMLError as exc:
        raise YamlError(path, None, f"YAML does not parse: {exc}") from None
