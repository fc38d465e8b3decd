"""The loader cannot be fooled by its files: a repeated key, a huge or deeply nested file,
aliases that expand without end, unsafe tags. Each is refused on one line that names the
file and the line, and nothing is written."""

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Engine, text

from app.seeding import safe_yaml
from app.seeding.loader import load_seeds
from app.seeding.reading import SeedError, read_seeds
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
        read_seeds(seeds)
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
