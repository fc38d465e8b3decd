"""The review mark of drafted data files: an entry `milcap draft` wrote says
`review: pending` until a person has checked it. A file that still holds one is refused,
naming the entry and its line, so nothing unreviewed is loaded; `review: accepted` (or no
`review` key at all) is a reviewed entry, and the mark is dropped before validation."""

from pathlib import Path
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from app.seeding.safe_yaml import DefaultLoader, YamlRefused

REVIEW_KEY = "review"
PENDING = "pending"
ACCEPTED = "accepted"


def _name(node: MappingNode) -> str | None:
    """An entry's natural key, as the loader's messages name it."""
    for key, value in node.value:
        is_name = isinstance(key, ScalarNode) and key.value in {"key", "slug", "id"}
        if is_name and isinstance(value, ScalarNode):
            return str(value.value)
    return None


def _marks(node: Node, path: str) -> list[tuple[str, str, int]]:
    """Every review mark under `node`: (entry, value, 1-based line)."""
    found: list[tuple[str, str, int]] = []
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if not isinstance(key, ScalarNode):
                continue
            if key.value == REVIEW_KEY:
                shown = value.value if isinstance(value, ScalarNode) else "(not a word)"
                found.append((path or "(file)", str(shown), key.start_mark.line + 1))
            else:
                found += _marks(value, f"{path}.{key.value}" if path else str(key.value))
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            name = _name(item) if isinstance(item, MappingNode) else None
            found += _marks(item, f"{path}[{name or index}]")
    return found


def _without_marks(document: Any) -> Any:
    if isinstance(document, dict):
        return {k: _without_marks(v) for k, v in document.items() if k != REVIEW_KEY}
    if isinstance(document, list):
        return [_without_marks(item) for item in document]
    return document


def reviewed(path: Path, document: Any) -> Any:
    """`document` (the file at `path`, parsed) without its review marks; YamlRefused, naming
    the first entry and its line, while an entry is not `review: accepted`."""
    text = path.read_text(encoding="utf-8")
    if f"{REVIEW_KEY}:" not in text:
        return document
    loader = DefaultLoader(text)
    try:
        root = loader.get_single_node()
    finally:
        loader.dispose()
    marks = _marks(root, "") if root is not None else []
    unreviewed = [mark for mark in marks if mark[1] != ACCEPTED]
    if unreviewed:
        entry, value, line = unreviewed[0]
        others = len(unreviewed) - 1
        more = f" (and {others} more entr{'y' if others == 1 else 'ies'})" if others else ""
        mark = f"`{REVIEW_KEY}: {value}`"
        if value == PENDING:
            how = f"delete its `{REVIEW_KEY}` line or write `{REVIEW_KEY}: {ACCEPTED}`"
            reason = f"{entry} is still {mark}{more}: review it, then {how}"
        else:
            accepted = f"`{REVIEW_KEY}: {ACCEPTED}`"
            reason = f"{entry} has {mark}{more}; a reviewed entry says {accepted}"
        raise YamlRefused(line, reason)
    return _without_marks(document)
