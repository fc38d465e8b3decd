"""Reading the seeds directory: the articles and reference files at once, the data files one
at a time as the planner asks for them (a large dataset is never held whole)."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from app.seeding.files import ArticleFile, CategoriesFile, IndicatorsFile, RegionsFile
from app.seeding.review import reviewed
from app.seeding.safe_yaml import MAX_FILE_BYTES, YamlRefused, load_yaml_file, too_large

ARTICLES_DIR = "articles"
DATA_DIR = "data"
CATEGORIES_FILE = "reference/categories.yaml"
REGIONS_FILE = "reference/regions.yaml"
INDICATORS_FILE = "reference/indicators.yaml"

Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class SeedProblem:
    """One reason the seeds cannot be loaded: `file: entry: reason`."""

    file: str
    entry: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.entry}: {self.reason}"


class SeedError(Exception):
    def __init__(self, problems: list[SeedProblem]) -> None:
        self.problems = problems
        if len(problems) == 1:  # one problem, one line
            super().__init__(f"the seeds cannot be loaded: {problems[0]}")
            return
        lines = "\n".join(f"  {problem}" for problem in problems)
        super().__init__(f"the seeds cannot be loaded ({len(problems)} problem(s)):\n{lines}")


@dataclass(frozen=True)
class Article:
    file: str
    text: str
    sha256: str


@dataclass
class SeedSet:
    """seeds/ with its articles and reference files parsed; `version` is a content hash of
    every file. The data files are parsed by `data_files`, one at a time."""

    version: str
    categories: CategoriesFile
    regions: RegionsFile
    indicators: IndicatorsFile
    data_paths: dict[str, Path]
    articles: dict[str, Article]
    problems: list[SeedProblem] = field(default_factory=list)

    def parse_data_file(self, relative: str, problems: list[SeedProblem]) -> ArticleFile | None:
        """One data file parsed and validated; None for one that is not, its problems added
        to `problems`."""
        return _parse(self.data_paths[relative], relative, ArticleFile, problems)


def _entry_path(location: tuple[int | str, ...], document: object) -> str:
    """Name the entry by its key or slug where it has one: `inventory[kz-tanks].quantity`."""
    parts: list[str] = []
    node = document
    for step in location:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            node = node[step]
            name = (
                (node.get("key") or node.get("slug") or node.get("id"))
                if isinstance(node, dict)
                else None
            )
            parts[-1] = f"{parts[-1]}[{name or step}]" if parts else f"[{step}]"
        else:
            node = node.get(step) if isinstance(node, dict) else None
            parts.append(str(step))
    return ".".join(parts) or "(file)"


def _yaml_problem(relative: str, error: yaml.YAMLError) -> SeedProblem:
    """One line naming where the parser stopped: `file: line 7: is not valid YAML: ...`."""
    mark = getattr(error, "problem_mark", None)
    if not isinstance(error, yaml.MarkedYAMLError) or mark is None:
        return SeedProblem(relative, "(file)", "is not valid YAML: " + " ".join(str(error).split()))
    said = [part for part in (error.context, error.problem) if part]
    reason = " ".join(": ".join(said).split())
    return SeedProblem(relative, f"line {mark.line + 1}", f"is not valid YAML: {reason}")


def _parse(
    path: Path, relative: str, model: type[Model], problems: list[SeedProblem]
) -> Model | None:
    try:
        document = reviewed(path, load_yaml_file(path))
    except (OSError, UnicodeDecodeError) as error:
        problems.append(SeedProblem(relative, "(file)", f"cannot be read: {error}"))
        return None
    except YamlRefused as error:
        where = f"line {error.line}" if error.line else "(file)"
        problems.append(SeedProblem(relative, where, error.reason))
        return None
    except yaml.YAMLError as error:
        problems.append(_yaml_problem(relative, error))
        return None
    try:
        return model.model_validate(document)
    except ValidationError as error:
        for detail in error.errors():
            problems.append(
                SeedProblem(relative, _entry_path(detail["loc"], document), detail["msg"])
            )
        return None


def _version(paths: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def read_seeds(root: Path) -> SeedSet:
    """Read the articles and parse the reference files under `root`, raising SeedError naming
    each problem found; the data files are parsed later, by `SeedSet.data_files`."""
    problems: list[SeedProblem] = []
    if not root.is_dir():
        raise SeedError(
            [SeedProblem(str(root), "(directory)", "the seeds directory does not exist")]
        )

    articles: dict[str, Article] = {}
    article_paths = sorted((root / ARTICLES_DIR).glob("*.txt"))
    for path in article_paths:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(SeedProblem(f"{ARTICLES_DIR}/{path.name}", "(file)", too_large(size)))
            continue
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(
                SeedProblem(f"{ARTICLES_DIR}/{path.name}", "(file)", f"is not UTF-8: {error}")
            )
            continue
        articles[path.name] = Article(path.name, text, hashlib.sha256(raw).hexdigest())

    categories = _parse(root / CATEGORIES_FILE, CATEGORIES_FILE, CategoriesFile, problems)
    regions = _parse(root / REGIONS_FILE, REGIONS_FILE, RegionsFile, problems)
    indicators = _parse(root / INDICATORS_FILE, INDICATORS_FILE, IndicatorsFile, problems)
    data_paths = sorted((root / DATA_DIR).glob("*.yaml"))
    if not data_paths:
        problems.append(SeedProblem(DATA_DIR, "(directory)", "holds no .yaml data file"))
    data_files = {f"{DATA_DIR}/{path.name}": path for path in data_paths}

    if problems or categories is None or regions is None or indicators is None:
        raise SeedError(problems)
    references = [root / name for name in (CATEGORIES_FILE, REGIONS_FILE, INDICATORS_FILE)]
    all_paths = [*article_paths, *data_paths, *references]
    return SeedSet(_version(all_paths, root), categories, regions, indicators, data_files, articles)
