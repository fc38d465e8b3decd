"""The loader cannot be fooled by its files: a repeated key, a huge or deeply nested file,
aliases that expand without end, unsafe tags. Each is refused on one line that names the
file and the line, and nothing is written."""

import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, text
from yaml.parser import ParserError
from yaml.scanner import ScannerError

from app.seeding import safe_yaml
from app.seeding.loader import load_seeds
from app.seeding.plan import check_seeds
from app.seeding.reading import SeedError
from app.seeding.safe_yaml import MAX_DEPTH, MAX_FILE_BYTES, PythonLoader, YamlRefused, load_yaml
from tests.conftest import PROJECT_ROOT, quiet

LOADERS = [
    pytest.param(safe_yaml.DefaultLoader, id="libyaml"),
    pytest.param(PythonLoader, id="python"),
]


def first_data_file(seeds: Path) -> Path:
    return sorted((seeds / "data").glob("*.yaml"))[0]


def seed_problem(seeds: Path) -> str:
    with pytest.raises(SeedError) as raised:
        check_seeds(seeds)
    return str(raised.value)


def run_seed(seeds: Path, database_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "seed", "--seeds-dir", str(seeds)],
        env={"DATABASE_URL": database_url, "PATH": ""},
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        timeout=120,
        check=False,
    )


def test_the_default_loader_parses_with_libyaml() -> None:
    assert yaml.__with_libyaml__, "PyYAML was installed without libyaml"
    assert safe_yaml.DefaultLoader is safe_yaml.LibyamlLoader


def test_a_repeated_key_is_refused_naming_both_lines(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    """PyYAML alone keeps the last value: 999 would be stored under a quote saying 300."""
    path = first_data_file(seeds_copy)
    lines = path.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("quantity:"))
    indent = lines[at][: len(lines[at]) - len(lines[at].lstrip())]
    lines.insert(at + 1, f"{indent}quantity: 999")
    path.write_text("\n".join(lines) + "\n")

    with pytest.raises(SeedError) as raised:
        load_seeds(seeded_engine, seeds_copy, progress=quiet)
    assert str(raised.value) == (
        f"the seeds cannot be loaded: data/{path.name}: line {at + 2}: "
        f"repeats the key 'quantity' (first given on line {at + 1})"
    )
    with seeded_engine.connect() as connection:
        stored = connection.execute(text("SELECT quantity FROM inventory_entry")).scalars()
        assert 999 not in set(stored)


@pytest.mark.parametrize("loader", LOADERS)
def test_every_loader_refuses_a_repeated_key_in_any_mapping(loader: type[Any]) -> None:
    document = "items:\n  - key: a\n    note: one\n    note: two\n"
    with pytest.raises(YamlRefused) as raised:
        load_yaml(document, loader)
    assert (raised.value.line, raised.value.reason) == (
        4,
        "repeats the key 'note' (first given on line 3)",
    )
    # Keys equal once read are the same key, however they are written.
    with pytest.raises(YamlRefused, match="repeats the key"):
        load_yaml("1: a\n0x1: b\n", loader)


@pytest.mark.parametrize("loader", LOADERS)
def test_a_merged_key_may_be_overridden(loader: type[Any]) -> None:
    document = "base: &base {role: tank, origin: RU}\nthing:\n  <<: *base\n  role: apc\n"
    assert load_yaml(document, loader)["thing"] == {"role": "apc", "origin": "RU"}


@pytest.mark.parametrize("loader", LOADERS)
def test_nesting_beyond_the_limit_is_refused_at_its_line(loader: type[Any]) -> None:
    block = "".join("  " * depth + "-\n" for depth in range(500))
    with pytest.raises(YamlRefused) as raised:
        load_yaml(block, loader)
    assert raised.value.line == MAX_DEPTH + 1
    assert raised.value.reason == f"is nested deeper than {MAX_DEPTH} levels"
    # A million brackets: refused as soon as the limit is passed, never read to the end.
    with pytest.raises(YamlRefused, match="nested deeper"):
        load_yaml("[" * 1_000_000, loader)
    assert load_yaml("[" * MAX_DEPTH + "]" * MAX_DEPTH, loader) is not None


@pytest.mark.parametrize("loader", LOADERS)
def test_aliases_that_expand_beyond_the_limit_are_refused(loader: type[Any]) -> None:
    """Nine lines that expand to a billion values once validated ("billion laughs")."""
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 9):
        previous = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} [{previous}]")
    with pytest.raises(YamlRefused, match=r"more than 500,000 values once its aliases"):
        load_yaml("\n".join(lines), loader)
    # Aliases as the seeds use them (one note shared by several entries) are welcome.
    assert load_yaml("a: &note Shared.\nb: *note\n", loader) == {"a": "Shared.", "b": "Shared."}


@pytest.mark.parametrize("loader", LOADERS)
def test_a_python_tag_is_refused_not_run(loader: type[Any]) -> None:
    with pytest.raises(yaml.constructor.ConstructorError, match="could not determine"):
        load_yaml("a: !!python/object/apply:os.system [echo hi]\n", loader)


def test_a_syntax_error_names_its_line(seeds_copy: Path) -> None:
    path = first_data_file(seeds_copy)
    line_count = len(path.read_text().splitlines())
    path.write_text(path.read_text() + "broken: [unclosed, list\n")
    message = seed_problem(seeds_copy)
    assert message.startswith(f"the seeds cannot be loaded: data/{path.name}: line ")
    assert "is not valid YAML: while parsing a flow sequence" in message
    assert int(message.split(": line ")[1].split(":")[0]) > line_count
    assert "\n" not in message


def test_an_oversized_article_is_refused_unread(seeds_copy: Path) -> None:
    article = sorted((seeds_copy / "articles").glob("*.txt"))[0]
    article.write_bytes(b"x" * (MAX_FILE_BYTES + 1))
    assert seed_problem(seeds_copy) == (
        f"the seeds cannot be loaded: articles/{article.name}: (file): "
        f"is {MAX_FILE_BYTES + 1:,} bytes; a seed file may hold at most {MAX_FILE_BYTES:,} (2 MiB)"
    )


def test_a_50_mb_file_is_one_line_from_the_command(empty_engine: Engine, seeds_copy: Path) -> None:
    path = first_data_file(seeds_copy)
    with path.open("a") as file:
        file.write("# " + "x" * (50 * 1024 * 1024) + "\n")
    result = run_seed(seeds_copy, empty_engine.url.render_as_string(hide_password=False))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: the seeds cannot be loaded: data/{path.name}: (file): "
        f"is {path.stat().st_size:,} bytes; a seed file may hold at most {MAX_FILE_BYTES:,} (2 MiB)"
    ]
    with empty_engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM source")).scalar_one() == 0


def test_a_list_nested_500_deep_is_one_line_from_the_command(
    empty_engine: Engine, seeds_copy: Path
) -> None:
    path = first_data_file(seeds_copy)
    line_count = len(path.read_text().splitlines())
    path.write_text(path.read_text() + "deep: " + "[" * 500 + "]" * 500 + "\n")
    result = run_seed(seeds_copy, empty_engine.url.render_as_string(hide_password=False))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"error: the seeds cannot be loaded: data/{path.name}: line {line_count + 1}: "
        f"is nested deeper than {MAX_DEPTH} levels"
    ]


# The fast path (safe_yaml._fast_load) must read every document exactly as the exact path
# (safe_yaml._load_exact) does, or give up on it so that the exact path reads it.


def typed(value: Any) -> Any:
    """`value` with the type and repr of every scalar, so that 1, 1.0 and True differ."""
    if isinstance(value, dict):
        return ("dict", [(typed(key), typed(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [typed(item) for item in value])
    return (type(value), repr(value))


def outcome(read: Any, document: str) -> Any:
    try:
        return ("read", typed(read(document)))
    except YamlRefused as refused:
        return ("refused", refused.line, refused.reason)
    except Exception as error:
        return ("error", type(error), str(error))


def unmarked(result: Any) -> Any:
    if result[0] != "error":
        return result
    return (*result[:2], [line for line in result[2].splitlines() if not line.startswith(" ")])


def exact(document: str) -> Any:
    return safe_yaml._load_exact(document, safe_yaml.LibyamlLoader)


def fast(document: str) -> Any:
    assert safe_yaml._fast_load is not None
    return safe_yaml._fast_load(document)


PLAIN_DOCUMENTS = [
    "published_on: 2021-08-21\nshort: 2021-8-1\nquoted: '2021-08-21'\n",
    "a: 2001-12-14t21:59:43.10-05:00\nb: 2001-12-14 21:59:43.10 -5\nc: 2001-12-15 2:59:43.10\n",
    "d: 2002-12-14T00:00:00Z\ne: 2001-12-14 21:59:43.123456789\n",
    "[0, -0, +12, 012, 0o12, 0x1F, 0b101, 1_000, 190:20:30, 09, 00, -0x1a]",
    "big: 123456789012345678901234567890\n",
    "[1.5, -1.5e+3, 1e3, .5, 1., .inf, -.Inf, +.INF, 1_000.5, 190:20:30.15, 6.8523015e+5, +.5, 0.]",
    "[.nan]",
    "[yes, Yes, YES, no, No, NO, on, On, ON, off, Off, OFF, true, True, FALSE, y, n, Y, N, yEs]",
    "[~, null, Null, NULL, nULL, '', \"\", '~', 'null', nothing]\n",
    "a:\nb: ~\nc:\n  -\n  - \n",
    "? just a key\n? another\n: with a value\n",
    'quantity: \'1\'\nshare: "2.5"\nanswer: \'yes\'\nnone: "null"\nd: "2021-08-21"\n',
    "literal: |\n  line one\n  line two\n\nfolded: >-\n  folded\n  text\n\nkeep: |+\n  kept\n\n\n"
    "plain: a plain\n  scalar over\n  three lines\n",
    "dq: \"tab\\tnewline\\nunicode \\u00e9 \\U0001F600 \\x41\"\nsq: 'it''s'\n",
    '名前: 東京\ncity: Zürich\nemoji: 🚀 launch\ncombining: e\u0301\n"\\u00e9": key\n',
    "{a: [1, {b: [2, 3]}, []], c: {}, d: [[], [[]]], e: {f: {g: {h: i}}}}",
    "{1: a, 1.5: b, 2021-08-21: c, null: d, '1': e, -1: f, 0x10: g, off: h, .inf: i}",
    "~: a\n'~': b\n",
    "a string on its own",
    "42",
    "---\n",
    "--- |\n  a literal document\n",
    "---\na: 1\n...\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: 1\r\nb: [2, 3]\r\n",
    "\ufeffa: 1\n",
    "a: '-'\nb: -x\n",
    "x: 'a: b'\ny: a:b\nz: a #a comment\n",
    "key: value # a comment\n# another\nlist:\n- 1\n- two\n",
    "nested:\n" + "".join("  " * d + f"level{d}:\n" for d in range(1, 30)) + "  " * 30 + "end\n",
    "[" * 31 + "x" + "]" * 31,
    "shared: &note A shared note.\nfirst: *note\nsecond: *note\n",
    "ref: &gfp {kind: organization, id: gfp}\nentries:\n- {by: *gfp}\n- {by: *gfp}\n",
    "a: &k key\nm: {*k : 1, other: 2}\n",
    "outer: &o\n  inner: &i [1, 2]\n  again: *i\nboth: *o\n",
]


@pytest.mark.parametrize(
    "path", sorted(PROJECT_ROOT.glob("seeds/**/*.yaml")), ids=lambda path: path.name
)
def test_the_fast_path_reads_every_seed_file_as_the_exact_path(path: Path) -> None:
    document = path.read_text(encoding="utf-8")
    result = fast(document)  # not given up on: no _TakeOver
    assert typed(result) == typed(exact(document))
    assert typed(result) == typed(load_yaml(document, PythonLoader))


@pytest.mark.parametrize("document", PLAIN_DOCUMENTS)
def test_the_fast_path_reads_tricky_documents_as_the_exact_path(document: str) -> None:
    assert outcome(fast, document) == outcome(exact, document)
    assert outcome(fast, document)[0] == "read"


def test_the_fast_path_shares_an_aliased_value_as_the_exact_path_does() -> None:
    document = "ref: &r {kind: organization}\na: *r\nb: [*r]\n"
    for read in (fast, exact):
        result = read(document)
        assert result["a"] is result["ref"] is result["b"][0]


GIVEN_UP = [
    # A merge key; one whose base is an alias; a merge key's value mistaken for a key.
    "base: &base {role: tank, origin: RU}\nthing:\n  <<: *base\n  role: apc\n",
    "<<: {a: 1}\nb: 2\n",
    "a: <<\n",
    # Explicit tags: refused, or read as the tag says.
    "a: !!python/object/apply:os.system [echo hi]\n",
    "a: !!str 1\n",
    "a: !!int '3'\n",
    "a: ! 12\n",
    "a: !custom x\n",
    "!!map {a: 1}",
    "a: !!binary aGVsbG8=\n",
    "a: !!set {x, y}\n",
    "a: !!seq [1]\n",
    # Repeated keys, however they are written.
    "items:\n  - key: a\n    note: one\n    note: two\n",
    "1: a\n0x1: b\n",
    "1: a\ntrue: b\n",
    "1: a\n1.0: b\n",
    "a: &k x\nx: 1\n*k : 2\n",
    "a: &k key\nm: {*k : 1, *k : 2}\n",
    # Unhashable keys.
    "? [a, b]\n: c\n",
    "? {a: 1}\n: c\n",
    "{[a]: b}",
    "l: &l [1]\nm: {*l : 1}\n",
    # Beyond the limits.
    "[" * 33 + "]" * 33,
    "[" * 32 + "x" + "]" * 32,
    "".join("  " * depth + "-\n" for depth in range(500)),
    "[" * 100_000,
    # Anchors and aliases the composer refuses, or that make a value containing itself.
    "a: *nowhere\n",
    "a: &x 1\nb: &x 2\n",
    "a: &x [1, *x]\n",
    # Not one document.
    "a: 1\n---\nb: 2\n",
    "--- 1\n--- 2\n",
    "",
    "# only a comment\n",
    # Resolved to a tag SafeConstructor does not build from a scalar, or built with an error.
    "a: =\n",
    "= : a\n",
    "a: 2021-02-30\n",
    "a: 2021-02-30\nb: [unclosed\n",
    "a: 0b_\n",
    "n: " + "9" * 4301 + "\n",  # more digits than Python's int() takes
    "a: 1\na: 2\nb: [unclosed\n",
]


@pytest.mark.parametrize("document", GIVEN_UP)
def test_the_fast_path_gives_up_and_the_exact_path_answers(document: str) -> None:
    with pytest.raises(safe_yaml._TakeOver):
        fast(document)
    assert outcome(load_yaml, document) == outcome(exact, document)
    if outcome(exact, document)[1] in (ScannerError, ParserError):
        return  # the pure-Python parser words these otherwise
    # Its marks quote the text; libyaml's do not.
    assert unmarked(outcome(load_yaml, document)) == unmarked(
        outcome(lambda text: load_yaml(text, PythonLoader), document)
    )


def test_billion_laughs_are_given_up_on_early() -> None:
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{n}: &l{n} [{', '.join([f'*l{n - 1}'] * 10)}]" for n in range(1, 9)]
    with pytest.raises(safe_yaml._TakeOver):
        fast("\n".join(lines))


def test_the_node_limit_counts_the_same_on_both_paths(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safe_yaml, "MAX_NODES", 7)
    for document, read in [
        ("[1, 2, 3, 4, 5, 6]", True),  # 7 nodes with the sequence
        ("[1, 2, 3, 4, 5, 6, 7]", False),
        ("[&a [1, 2], *a]", True),  # 1 + 3, and the alias counted as 3
        ("[&a [1, 2], *a, *a]", False),
    ]:
        if read:
            assert typed(fast(document)) == typed(exact(document))
        else:
            with pytest.raises(safe_yaml._TakeOver):
                fast(document)
            refused = outcome(load_yaml, document)
            assert refused == outcome(exact, document)
            assert refused[0] == "refused"


SYNTAX_ERRORS = [
    "a: [1, 2\n",
    "a: b: c\n",
    "a:\n  - 1\n - 2\n",
    "'unterminated\n",
    "a: 1\n\tb: 2\n",
    "a: {b: 1\n",
    "a: 1\nb: [\n",
    "- a\nb: c\n",
    "a: @reserved\n",
    "a: &\n",
    "key: value\n  bad indent: x\n",
    "a: 1\n---\nb: [\n",
    "[" * 20 + "x",
]


@pytest.mark.parametrize("document", SYNTAX_ERRORS)
def test_a_syntax_error_is_the_same_error_on_both_paths(document: str) -> None:
    expected = outcome(exact, document)
    assert expected[0] == "error"
    assert issubclass(expected[1], yaml.YAMLError)
    assert outcome(load_yaml, document) == expected
    if not document.startswith("a: 1\n---"):  # a second document is given up on first
        assert outcome(fast, document) == expected


def test_a_plain_document_is_read_by_the_fast_path_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    exact_path = safe_yaml._load_exact

    def spy(document: str, loader: type[Any]) -> Any:
        calls.append(document)
        return exact_path(document, loader)

    monkeypatch.setattr(safe_yaml, "_load_exact", spy)
    assert load_yaml("a: [1, b, 2021-08-21]\nc: &n {d: null}\ne: *n\n") == {
        "a": [1, "b", datetime.date(2021, 8, 21)],
        "c": {"d": None},
        "e": {"d": None},
    }
    assert calls == []
    merged = "base: &b {x: 1}\nthing: {<<: *b, y: 2}\n"
    assert load_yaml(merged) == {"base": {"x": 1}, "thing": {"x": 1, "y": 2}}
    assert calls == [merged]
    tagged = "a: !!str 1\n"
    assert load_yaml(tagged) == {"a": "1"}
    assert calls == [merged, tagged]


def test_the_python_loader_takes_the_exact_path_only(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(document: str) -> Any:
        raise AssertionError("the fast path was taken")

    monkeypatch.setattr(safe_yaml, "_fast_load", refuse)
    assert load_yaml("a: 1\n", PythonLoader) == {"a": 1}
    with pytest.raises(AssertionError, match="fast path"):
        load_yaml("a: 1\n")
