"""Line-aware YAML loading (PyYAML + stdlib only).

Curators need errors that point at `file:line`. PyYAML's composed node tree keeps a start mark
for every node, so we keep the tree next to the constructed data and map a field path such as
``("contact", "phone")`` or ``("biomarkers", 2)`` back to the line it came from.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from knowledge.errors import Issue, KnowledgeError

Loc = Sequence[str | int]


@dataclass(frozen=True)
class Located:
    """A constructed YAML value with the node it came from (for line look-ups)."""

    data: Any
    node: yaml.Node
    path: Path

    def line(self, loc: Loc = ()) -> int:
        """1-based line of the deepest node reachable along `loc` (the record start if none)."""
        return line_of(self.node, loc)


def line_of(node: yaml.Node, loc: Loc) -> int:
    """1-based line of the value (or key, for mappings) at `loc` below `node`."""
    current = node
    line = node.start_mark.line + 1
    for part in loc:
        if isinstance(current, yaml.MappingNode):
            for key_node, value_node in current.value:
                if getattr(key_node, "value", None) == part:
                    line = key_node.start_mark.line + 1
                    current = value_node
                    break
            else:
                return line
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int):
            if 0 <= part < len(current.value):
                current = current.value[part]
                line = current.start_mark.line + 1
            else:
                return line
        else:
            return line
    return line


def _duplicate_keys(node: yaml.Node, path: Path) -> list[Issue]:
    """PyYAML silently keeps the last of two equal keys; a curator almost never means that."""
    issues: list[Issue] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, yaml.MappingNode):
            seen: dict[Any, int] = {}
            for key_node, value_node in n.value:
                key = getattr(key_node, "value", None)
                line = key_node.start_mark.line + 1
                if isinstance(key, str) and key in seen:
                    issues.append(
                        Issue(path, line, key, f"duplicate key (first defined on line {seen[key]})")
                    )
                elif isinstance(key, str):
                    seen[key] = line
                stack.append(value_node)
        elif isinstance(n, yaml.SequenceNode):
            stack.extend(n.value)
    return issues


def load_yaml(path: Path) -> Located:
    """Parse one YAML file; raise KnowledgeError naming file:line on syntax errors or
    duplicate keys. An empty file gives ``Located(None, ...)``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError([Issue(path, None, None, f"cannot read file: {exc}")]) from exc
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, yaml.ScalarNode("tag:yaml.org,2002:null", ""), path)
        dupes = _duplicate_keys(node, path)
        if dupes:
            raise KnowledgeError(dupes)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(p for p in (exc.context, exc.problem) if p)
        if exc.context_mark and line and exc.context_mark.line + 1 != line:
            problem += f" (the construct opened on line {exc.context_mark.line + 1})"
        raise KnowledgeError([Issue(path, line, None, f"invalid YAML: {problem}")]) from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError([Issue(path, None, None, f"invalid YAML: {exc}")]) from exc
    finally:
        loader.dispose()
    return Located(data, node, path)


def records(doc: Located) -> list[Located]:
    """Split a resource file into records: a file holds one mapping, or a list of mappings
    (a small group of related resources)."""
    if isinstance(doc.data, dict):
        return [doc]
    if isinstance(doc.data, list) and isinstance(doc.node, yaml.SequenceNode):
        return [Located(d, n, doc.path) for d, n in zip(doc.data, doc.node.value, strict=True)]
    raise KnowledgeError(
        [Issue(doc.path, doc.line(), None, "expected a mapping or a list of mappings")]
    )
