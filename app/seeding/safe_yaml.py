"""Reading a seed YAML file so that it cannot be misread: safe types only, no repeated key,
bounded size, depth and alias expansion, every refusal naming its line.

The text is parsed by libyaml (the C parser behind PyYAML's CSafeLoader) when PyYAML was built
with it, else by PyYAML's pure-Python parser. The nodes are composed in Python rather than by
CSafeLoader's C composer: that one recurses in C with no bound, so a list nested a million
deep would exhaust the stack before any limit could be checked, and it expands aliases
without counting them. Composing in Python costs nothing measurable (README, Loading the
seeds): the scanning and parsing, libyaml's part, is where the time goes.
"""

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, Event
from yaml.nodes import MappingNode, Node, ScalarNode
from yaml.resolver import Resolver

# Limits far above what a curated file needs (the largest holds 20 KB, nested 6 deep, about
# 2,000 nodes) and far below what would take a load minutes or gigabytes.
MAX_FILE_BYTES = 2 << 20
MAX_DEPTH = 32
# Nodes once every alias is expanded: what validating the document walks. A few aliases of
# aliases ("billion laughs") would otherwise make a small file as large as memory.
MAX_NODES = 500_000
MERGE_TAG = "tag:yaml.org,2002:merge"


class YamlRefused(Exception):
    """A file this loader will not read; `line` is 1-based, or None for the whole file."""

    def __init__(self, line: int | None, reason: str) -> None:
        super().__init__(reason)
        self.line = line
        self.reason = reason


def _line(node_or_event: Any) -> int | None:
    mark = getattr(node_or_event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


class _BoundedComposer(Composer):
    """PyYAML's composer, counting depth and nodes (aliases expanded) as it goes."""

    if TYPE_CHECKING:  # provided by the parser it is combined with

        def peek_event(self) -> Event | None: ...
        def check_event(self, *choices: type[Event]) -> bool: ...

    def __init__(self) -> None:
        super().__init__()
        self._depth = 0
        self._nodes = 0
        self._expanded: dict[int, int] = {}  # id of an anchored node -> its nodes, expanded

    def _count(self, nodes: int, line: int | None) -> None:
        self._nodes += nodes
        if self._nodes > MAX_NODES:
            raise YamlRefused(
                line, f"holds more than {MAX_NODES:,} values once its aliases are expanded"
            )

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        event = self.peek_event()
        if self.check_event(AliasEvent):
            node = super().compose_node(parent, index)
            self._count(self._expanded.get(id(node), 1), _line(event))
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            raise YamlRefused(_line(event), f"is nested deeper than {MAX_DEPTH} levels")
        before = self._nodes
        self._count(1, _line(event))
        node = super().compose_node(parent, index)
        if getattr(event, "anchor", None) is not None:
            self._expanded[id(node)] = self._nodes - before
        self._depth -= 1
        return node


class _StrictConstructor(SafeConstructor):
    """The safe constructor, refusing a mapping that states one key twice.

    PyYAML keeps the last value silently: `quantity: 300` then `quantity: 999` would load 999.
    Keys merged in with `<<` may be overridden; that is what merging is for.
    """

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, MappingNode):
            seen: dict[Any, Node] = {}
            for key_node, _ in node.value:
                if key_node.tag == MERGE_TAG:
                    continue
                key = self.construct_object(key_node, deep=True)
                try:
                    first = seen.setdefault(key, key_node)
                except TypeError:
                    continue  # an unhashable key: the base constructor reports it
                if first is not key_node:
                    shown = key_node.value if isinstance(key_node, ScalarNode) else key
                    raise YamlRefused(
                        _line(key_node),
                        f"repeats the key {shown!r} (first given on line {_line(first)})",
                    )
        return super().construct_mapping(node, deep=deep)


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class LibyamlLoader(_BoundedComposer, CParser, _StrictConstructor, Resolver):
        """libyaml's parser; composing and constructing as above."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _BoundedComposer.__init__(self)
            _StrictConstructor.__init__(self)
            Resolver.__init__(self)


class PythonLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    _BoundedComposer,
    _StrictConstructor,
    Resolver,
):
    """PyYAML's own parser, for an installation built without libyaml."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _BoundedComposer.__init__(self)
        _StrictConstructor.__init__(self)
        Resolver.__init__(self)


DefaultLoader: type[Any] = LibyamlLoader if yaml.__with_libyaml__ else PythonLoader


def load_yaml(text: str, loader: type[Any] = DefaultLoader) -> Any:
    """The one document of `text`; YamlRefused or yaml.YAMLError when it cannot be read."""
    instance = loader(text)
    try:
        return instance.get_single_data()
    finally:
        instance.dispose()


def load_yaml_file(path: Path) -> Any:
    """The file's one document, refused unread when the file is too large to be a seed file.

    OSError and UnicodeDecodeError are the caller's to report, as for any file read."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise YamlRefused(None, too_large(size))
    return load_yaml(path.read_text(encoding="utf-8"))


def too_large(size: int) -> str:
    return f"is {size:,} bytes; a seed file may hold at most {MAX_FILE_BYTES:,} (2 MiB)"
