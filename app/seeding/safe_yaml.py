"""Reading a seed YAML file so that it cannot be misread: safe types only, no repeated key,
bounded size, depth and alias expansion, every refusal naming its line.

The text is parsed by libyaml (the C parser behind PyYAML's CSafeLoader) when PyYAML was built
with it, else by PyYAML's pure-Python parser. CSafeLoader's C composer is not used: it recurses
in C with no bound, so a list nested a million deep would exhaust the stack before any limit
could be checked, and it expands aliases without counting them.

There are two paths. The exact one composes Node objects in Python (_BoundedComposer) and
constructs them with _StrictConstructor; it is what defines every result and every refusal.
Its cost is that Python composing and constructing, not libyaml's parsing: 175 to 270 µs an
inventory entry, 3 to 4½ minutes for a million. The fast one, for the default libyaml loader
only, builds the dicts, lists and scalars straight from libyaml's events, resolving and
constructing each scalar as Resolver and SafeConstructor do, sharing an aliased value as the
constructor does, counting depth and nodes (aliases expanded) the same way. Whatever it cannot
read exactly as the exact path would (an explicit tag, a merge key, a repeated or unhashable
key, a limit passed, an alias the composer refuses or one inside its own anchor, not exactly
one document, a scalar its constructor rejects...) makes it give up, and the exact path reads
the whole text again and gives its answer, so an unusual file costs a little more than before
and a usual one five to seven times less. On a file of 4,000 inventory entries (860 KB), on a
busy two-core machine: 140 ms for the fast path, 630 to 1,100 ms for the exact path, 440 to
820 ms for plain CSafeLoader (whose constructing is Python too). 90 of those 140 ms are libyaml
making its event objects, which no reader of its events in Python can avoid.
"""

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    Event,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
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
_NO_KEY = object()  # a mapping awaiting its next key, not that key's value


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


class _TakeOver(Exception):
    """Raised by the fast path for anything it does not read exactly as the exact path does."""


_fast_load: Callable[[str], Any] | None = None
_FAST_LOADER: type[Any] | None = None

if yaml.__with_libyaml__:
    # Per first character of a plain scalar, the implicit resolvers Resolver.resolve would try,
    # in its order; the empty string has its own entry there too. A character absent here
    # resolves to str at once, as most keys and values do.
    _RESOLVERS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
        first: tuple(resolvers)
        for first, resolvers in LibyamlLoader.yaml_implicit_resolvers.items()
        if first is not None
    }
    # The tags those resolvers yield that the constructor builds from the scalar alone; any
    # other (merge, value, yaml) is the exact path's to accept or refuse.
    _SCALAR_CONSTRUCTORS: dict[str, Callable[[SafeConstructor, ScalarNode], Any]] = {
        tag: LibyamlLoader.yaml_constructors[tag]
        for tag in (
            "tag:yaml.org,2002:null",
            "tag:yaml.org,2002:bool",
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
            "tag:yaml.org,2002:timestamp",
        )
    }
    _CONSTRUCTOR = SafeConstructor()

    def _resolve_plain(value: str) -> Any:
        """A plain scalar as SafeConstructor builds it, the tag resolved as Resolver.resolve."""
        for tag, regexp in _RESOLVERS[value[:1]]:
            if regexp.match(value):
                construct = _SCALAR_CONSTRUCTORS.get(tag)
                if construct is None:
                    raise _TakeOver
                try:
                    return construct(_CONSTRUCTOR, ScalarNode(tag, value))
                except Exception as error:
                    # The exact path raises it only once the whole document is composed,
                    # and so might first refuse something further on.
                    raise _TakeOver from error
        return value

    def _load_fast_libyaml(text: str) -> Any:
        """The document built straight from libyaml's events, with no Node in between.

        Raises _TakeOver on anything the exact path could read differently or refuse. The
        parser's own errors propagate: the exact path reads the same events from the same
        parser, so it would meet the same error at the same event."""
        parser = CParser(text)
        try:
            get_event = parser.get_event
            get_event()  # StreamStartEvent
            if type(get_event()) is not DocumentStartEvent:
                raise _TakeOver  # no document at all
            holder: list[Any] = []  # receives the document's root node
            container: Any = holder
            in_mapping = False
            no_key = _NO_KEY
            key: Any = no_key
            enclosing: list[Any] = []
            depth = 0  # of collections open; a scalar in them is one deeper
            max_depth = MAX_DEPTH
            nodes = 0
            resolvers = _RESOLVERS
            known: dict[str, Any] = {}  # plain scalar -> its value, resolved once per load
            # The composer's anchors: each names one value, shared by every alias to it as
            # the constructor shares it, and the nodes it counts for once expanded.
            anchors: dict[str, tuple[Any, int]] = {}
            named: set[str] = set()  # those anchors and the ones whose collection is open
            open_anchors: list[tuple[int, str, int]] = []  # (depth, anchor, nodes before)
            scalar, mapping_start, sequence_start = (
                ScalarEvent,
                MappingStartEvent,
                SequenceStartEvent,
            )
            mapping_end, sequence_end = MappingEndEvent, SequenceEndEvent
            while True:
                event: Any = get_event()
                kind = type(event)
                if kind is scalar:
                    if event.tag is not None or depth >= max_depth:
                        raise _TakeOver
                    nodes += 1
                    value: Any = event.value
                    if event.implicit[0] and value[:1] in resolvers:
                        if value in known:
                            value = known[value]
                        else:
                            resolved = _resolve_plain(value)
                            known[value] = resolved
                            value = resolved
                    if event.anchor is not None:
                        if event.anchor in named:
                            raise _TakeOver  # the composer refuses a duplicate anchor
                        named.add(event.anchor)
                        anchors[event.anchor] = (value, 1)
                    if not in_mapping:
                        container.append(value)
                    elif key is no_key:
                        if value in container:
                            raise _TakeOver  # a repeated key: refused with both its lines
                        key = value
                    else:
                        container[key] = value
                        key = no_key
                elif kind is mapping_end or kind is sequence_end:
                    if open_anchors and open_anchors[-1][0] == depth:
                        _, anchor, before = open_anchors.pop()
                        anchors[anchor] = (container, nodes - before)
                    container = enclosing.pop()
                    depth -= 1
                    in_mapping = type(container) is dict
                    key = no_key
                elif kind is mapping_start or kind is sequence_start:
                    if event.tag is not None or depth >= max_depth:
                        raise _TakeOver
                    if event.anchor is not None:
                        if event.anchor in named:
                            raise _TakeOver
                        named.add(event.anchor)
                        open_anchors.append((depth + 1, event.anchor, nodes))
                    nodes += 1
                    child: Any = {} if kind is mapping_start else []
                    if not in_mapping:
                        container.append(child)
                    elif key is no_key:
                        raise _TakeOver  # a collection as a key: unhashable
                    else:
                        container[key] = child
                        key = no_key
                    enclosing.append(container)
                    depth += 1
                    container = child
                    in_mapping = kind is mapping_start
                elif kind is AliasEvent:
                    if event.anchor not in anchors:
                        # Undefined, or naming a collection still open: the exact path
                        # refuses the one and builds a value containing itself from the other.
                        raise _TakeOver
                    value, expanded = anchors[event.anchor]
                    nodes += expanded
                    if nodes > MAX_NODES:
                        raise _TakeOver  # aliases of aliases, expanding without end
                    if not in_mapping:
                        container.append(value)
                    elif key is no_key:
                        if type(value) is dict or type(value) is list or value in container:
                            raise _TakeOver  # an unhashable key, or a repeated one
                        key = value
                    else:
                        container[key] = value
                        key = no_key
                elif kind is DocumentEndEvent:
                    if type(get_event()) is not StreamEndEvent:
                        raise _TakeOver  # a second document: the exact path refuses it
                    if nodes > MAX_NODES:
                        raise _TakeOver
                    return holder[0]
                else:
                    raise _TakeOver  # not expected inside a document; the exact path decides
        finally:
            parser.dispose()

    # A resolver for any first character (PyYAML registers none) would have to be tried on
    # every plain scalar; the exact path is left to do that.
    if None not in LibyamlLoader.yaml_implicit_resolvers:
        _FAST_LOADER = LibyamlLoader
        _fast_load = _load_fast_libyaml


def load_yaml(text: str, loader: type[Any] = DefaultLoader) -> Any:
    """The one document of `text`; YamlRefused or yaml.YAMLError when it cannot be read."""
    if _fast_load is not None and loader is _FAST_LOADER:
        try:
            return _fast_load(text)
        except _TakeOver:
            pass
    return _load_exact(text, loader)


def _load_exact(text: str, loader: type[Any]) -> Any:
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
