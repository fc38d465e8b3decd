"""The code's dependencies point one way: `core` knows no domain, the API no loader."""

import ast
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "app"


def imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def loaded_by(statement: str) -> set[str]:
    code = f"import sys; {statement}; print(' '.join(sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(done.stdout.split())


def test_core_imports_no_domain_package() -> None:
    outside = {
        f"{path.name}: {module}"
        for path in (APP / "core").glob("*.py")
        for module in imported_modules(path)
        if module.startswith("app.") and not module.startswith("app.core")
    }
    assert not outside


def test_the_api_loads_neither_the_loader_nor_what_reads_the_seed_files() -> None:
    loaded = loaded_by("import app.main")
    assert "app.main" in loaded
    assert not {name for name in loaded if name.startswith("app.seeding")}
    assert not {"pycountry", "yaml"} & loaded
