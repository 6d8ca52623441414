"""YAML in and out: loading that remembers where each record starts, and one way of writing.

Validation messages name the file *and line* of the record at fault, and a
YAML syntax error is reported with its line instead of a traceback. Everything the
project writes for an analyst to read (metadata, review files, accepted claims) is
dumped by `dump_yaml`: keys in the order given, Unicode as written.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from pathlib import Path

import yaml

from ijmemo.core.paths import entries_in


class Record(dict):
    """A mapping loaded from YAML that knows its 1-based line number."""

    line: int | None = None


# libyaml's parser when PyYAML has it (about 10x faster on large files); same results.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = frozenset(
    [
        "yes",
        "Yes",
        "YES",
        "no",
        "No",
        "NO",
        "true",
        "True",
        "TRUE",
        "false",
        "False",
        "FALSE",
        "on",
        "On",
        "ON",
        "off",
        "Off",
        "OFF",
    ]
)
_STR, _NULL, _BOOL = (f"tag:yaml.org,2002:{t}" for t in ("str", "null", "bool"))


class _LineLoader(_Base):
    def resolve(self, kind, value, implicit):
        # Same answers as PyYAML's resolver, without trying every regex on every plain
        # word: most of our scalars are text, and this runs once per scalar.
        if kind is yaml.ScalarNode and implicit[0]:
            if value in _NULLS:
                return _NULL
            if value in _BOOLS:
                return _BOOL
            if not (value[0].isdigit() or value[0] in "-+.<="):
                return _STR
        return super().resolve(kind, value, implicit)

    def construct_mapping(self, node, deep=False):
        # One pass: build the record, refuse a repeated key (PyYAML would silently keep
        # the last value), and remember the line. Keys are plain scalars in our files.
        record = Record()
        for key_node, value_node in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = key_node.value
            else:
                key = self.construct_object(key_node, deep=True)
            if isinstance(key, (list, dict, set)):  # "? [a, b]: …", "? !!set {a}: …"
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    "found a list or mapping as a key; a key must be a plain word",
                    key_node.start_mark,
                )
            if key in record:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping",
                    node.start_mark,
                    f"found duplicate key {key!r}",
                    key_node.start_mark,
                )
            record[key] = self.construct_object(value_node, deep=True)
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


def _unclosed_quote(text: str, failed_at: int) -> int | None:
    """The line before `failed_at` that opens a double-quoted value it never closes.

    A missing closing quote swallows the lines after it, so the parser reports the
    line of the next quote mark; the lines swallowed have none of their own.
    """
    lines = text.splitlines()
    if failed_at > len(lines) or '"' not in lines[failed_at - 1]:
        return None  # the swallowing value ends at a quote mark on the failing line
    for n in range(failed_at - 1, 0, -1):
        code = re.sub(r"\\.", "", lines[n - 1].split(" #", 1)[0])  # escapes are not quotes
        quotes = code.count('"')
        if quotes % 2:
            return n if _OPENS_VALUE.match(code) else None
        if quotes:
            return None  # a line with balanced quotes: the value before it was closed
    return None


# `key: "…` or `- key: "…` at the start of a line: a double-quoted value opens there.
_OPENS_VALUE = re.compile(r'\s*(?:-\s+)?[\w-]+:\s+"')


def load_yaml(path: Path, text: str | None = None):
    """Load a YAML file (or `text` as that file, edited); raise YamlError (with the line)
    when it does not parse."""
    try:
        text = path.read_text(encoding="utf-8") if text is None else text
    except (OSError, UnicodeDecodeError) as exc:
        raise YamlError(path, None, f"cannot read: {exc}") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        detail = " ".join(part for part in (exc.context, exc.problem) if part)
        where = f" (column {mark.column + 1})" if mark else ""
        opened = _unclosed_quote(text, line) if line else None
        if opened is not None:  # the parser only fails where the next quote mark is
            found = f"line {line}{where}: {detail}"
            message = f'YAML does not parse: the " opened here is not closed (failed at {found})'
            raise YamlError(path, opened, message) from None
        raise YamlError(path, line, f"YAML does not parse{where}: {detail}") from None
    except yaml.YAMLError as exc:
        raise YamlError(path, None, f"YAML does not parse: {exc}") from None


# Bump when the loader's results change or `Record` moves (entries are pickled), so older
# cache entries are not used.
_CACHE_VERSION = "3"


def cache_key(sha256: str) -> str:
    """What a file's parse is kept by (its entry is `<key>.pickle`): what later work kept
    by the file's content is kept by too."""
    return f"v{_CACHE_VERSION}-{sha256}"


def load_yaml_cached(
    path: Path,
    cache_dir: Path | None,
    used: set[str] | None = None,
    digests: dict[Path, str] | None = None,
    read: tuple[bytes, str] | None = None,
):
    """`load_yaml`, with the parsed result kept under `cache_dir` by the file's sha256.

    Only a successful parse is cached, and the key is the file's exact bytes: an edited
    file is parsed again, and everything parsed is validated by the caller every time.
    `used` collects the cache entries read or written (to prune the others); `digests`,
    each file's key (what later work kept by the file's content is kept by); `read`: the
    file's bytes and their sha256, read already (they are what is parsed).
    """
    if read is None and cache_dir is None and digests is None:
        return load_yaml(path)
    if read is None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise YamlError(path, None, f"cannot read: {exc}") from None
        read = (data, hashlib.sha256(data).hexdigest())
    data, sha256 = read
    key = cache_key(sha256)
    if digests is not None:
        digests[path] = key
    if cache_dir is None:
        return load_yaml(path, _decoded(path, data))
    entry = cache_dir / f"{key}.pickle"
    if used is not None:
        used.add(entry.name)
    try:
        with entry.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # not cached yet, or unreadable (or pickled by other code): parse
    parsed = load_yaml(path, _decoded(path, data))
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache_dir, delete=False, suffix=".tmp") as tmp:
            pickle.dump(parsed, tmp, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp.name, entry)
    except OSError:
        pass  # a read-only data folder still loads, only more slowly
    return parsed


def _decoded(path: Path, data: bytes) -> str:
    """A file's bytes as `Path.read_text` gives them (UTF-8, universal newlines)."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlError(path, None, f"cannot read: {exc}") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def prune_cache(cache_dir: Path, used: set[str]) -> None:
    """Remove cache entries no current file produced."""
    for entry in entries_in(cache_dir, ".pickle"):
        if entry.name not in used:
            Path(entry.path).unlink(missing_ok=True)


class _NoAliases(yaml.SafeDumper):
    """Every list written out in full: an `&id001` anchor would tie two fields the analyst
    edits separately (a candidate's countries and its new event's)."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump_yaml(value) -> str:
    """YAML as the analyst reads it: keys in the order given, Unicode kept, 100 columns."""
    return yaml.dump(
        plain(value), Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100
    )


def plain(value):
    """Loaded Records (dicts that know their line) inside `value` as the mappings they are."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
