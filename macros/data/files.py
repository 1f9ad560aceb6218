"""Reading one data file safely: only regular files (a FIFO, device or socket is a problem
line and never opened), at most MAX_FILE_BYTES, YAML through a safe loader that refuses
aliases, deep nesting, duplicate and non-text keys and impossible dates; editor backups
are not data.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml

from macros.data.problems import Problem, describe

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 32


class _Refused(yaml.YAMLError):
    def __init__(self, message: str, mark: yaml.Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


# libyaml (C) when PyYAML was built with it, which the pinned wheel is; pure Python otherwise.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _SafeLoader(_BaseLoader):
    """A safe loader that refuses duplicate keys and non-text keys."""

    def construct_mapping(self, node, deep=False):  # type: ignore[override]
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                raise _Refused(f"mapping keys must be text; got {describe(key)}", key_node.start_mark)
            if key in seen:
                raise _Refused(f"duplicate key '{key}'", key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)

    def construct_yaml_timestamp(self, node):  # type: ignore[override]
        """A date YAML cannot build (2026-13-45) is a problem line, not a traceback."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise _Refused(f"'{node.value}' is not a real date; expected YYYY-MM-DD", node.start_mark) from None


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _SafeLoader.construct_yaml_timestamp)


def _check_events(text: str) -> None:
    """Refuse aliases (no alias bombs) and deep nesting before anything is built."""
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):
        if isinstance(event, yaml.AliasEvent):
            raise _Refused("YAML aliases (*name) are not allowed in data files; write the value out", event.start_mark)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise _Refused(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


_FILE_TYPES = ((stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISCHR, "a character device"),
               (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def not_a_file(path: Path) -> str | None:
    """What a path is when it is not a regular file (following links), or None. A FIFO or
    a device is never opened: reading one could wait for ever or never end."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        return f"cannot be read: {exc.strerror}"
    if stat.S_ISREG(mode):
        return None
    what = next((name for test, name in _FILE_TYPES if test(mode)), "not a regular file")
    return f"{what}, not a data file; only regular files are read"


def is_editor_leftover(name: str) -> bool:
    """Backups and autosaves that editors leave beside a file (alpha.yml~, #alpha.yml#,
    .#alpha.yml, alpha.yml.swp, vim's 4913 probe): ignored, never read."""
    return (name.startswith((".", "#")) or name.endswith(("~", "#", ".swp", ".swo", ".swx", ".bak", ".orig", ".tmp", ".tmp-atlas"))
            or name == "4913")


def read_yaml(path: Path, rel: str) -> tuple[Any, list[Problem]]:
    """Parse one file. Returns (document, []) or (None, [problem])."""
    refused = not_a_file(path)
    if refused is not None:
        return None, [Problem(rel, refused)]
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(rel, f"file is {size:,} bytes; data files may be at most {MAX_FILE_BYTES:,} bytes")]
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(rel, f"expected UTF-8 text; byte {exc.start} is not valid UTF-8")]
    except OSError as exc:
        return None, [Problem(rel, f"cannot be read: {exc.strerror}")]
    if not text.strip():
        return None, [Problem(rel, "file is empty; expected a YAML mapping")]
    try:
        _check_events(text)
        doc = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - _SafeLoader is a SafeLoader
    except _Refused as exc:
        mark = exc.mark
        return None, [
            Problem(rel, exc.message, line=mark.line + 1 if mark else None, column=mark.column + 1 if mark else None)
        ]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "invalid YAML"
        return None, [
            Problem(
                rel,
                f"YAML syntax error: {what}",
                line=mark.line + 1 if mark else None,
                column=mark.column + 1 if mark else None,
            )
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(rel, f"YAML syntax error: {exc}")]
    except RecursionError:
        return None, [Problem(rel, "YAML nests too deeply")]
    except Exception as exc:  # noqa: BLE001 - whatever YAML raises, the reader gets one line
        return None, [Problem(rel, f"cannot be read as YAML: {exc}")]
    return doc, []
