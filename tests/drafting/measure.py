"""Measuring drafts against facts a careful analyst took from the same article: precision
and recall of inventory and indicator candidates, matched on (kind, country, category or
indicator name, value). A candidate counts only if its quote is verbatim at its offsets and
states its figure."""

import json
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner

from app.cli import cli
from app.seeding.figures import stated_figures

Fact = tuple[str, str | None, str, str | None]
ARTICLES = Path(__file__).parent / "articles"


def _value(value: object) -> str | None:
    if value is None:
        return None
    return format(Decimal(str(value)).normalize(), "f")


def facts_of_data_file(path: Path) -> list[Fact]:
    """The inventory and indicator facts of a curated data file (seeds/data/*.yaml)."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts: list[Fact] = [
        ("inventory", e["country"], e["category"], _value(e.get("quantity")))
        for e in document.get("inventory") or []
    ]
    facts += [
        ("indicator", e["country"], e["name"], _value(e.get("value")))
        for e in document.get("indicators") or []
    ]
    return facts


def facts_of_expectations(path: Path) -> tuple[list[Fact], str | None]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    facts = [(kind, country, key, _value(value)) for kind, country, key, value in document["facts"]]
    return facts, document.get("published_on")


def _supported(candidate: dict[str, Any], text: str, value: object) -> bool:
    if text[candidate["start"] : candidate["end"]] != candidate["quote"]:
        return False
    if value is None:
        return True
    wanted = Decimal(str(value)).normalize()
    return wanted in {figure.normalize() for figure in stated_figures(candidate["quote"])}


def facts_of_draft(document: dict[str, Any], text: str) -> list[Fact]:
    """The draft's inventory and indicator candidates; one whose quote does not support it
    becomes a fact no analyst took, so it counts against precision."""
    facts: list[Fact] = []
    for candidate in document["candidates"]:
        if candidate["kind"] == "inventory":
            key, value = candidate["category"], candidate["quantity"]
        elif candidate["kind"] == "indicator":
            key, value = candidate["name"], candidate["value"]
        else:
            continue
        if not _supported(candidate, text, value):
            key = f"unsupported:{key}"
        facts.append((candidate["kind"], candidate["country"], key, _value(value)))
    return facts


def run_draft(article: Path, published_on: str | None = None) -> dict[str, Any]:
    """`milcap draft --format json ARTICLE`, through the Typer app."""
    arguments = ["draft", str(article), "--format", "json"]
    if published_on:
        arguments += ["--published-on", published_on]
    result = CliRunner().invoke(cli, arguments)
    assert result.exit_code == 0, result.output
    document: dict[str, Any] = json.loads(result.stdout)
    return document


@dataclass(frozen=True)
class Score:
    name: str
    expected: int
    found: int
    matched: int
    missed: tuple[Fact, ...]
    extra: tuple[Fact, ...]

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 1.0

    def __str__(self) -> str:
        return (
            f"{self.name}: precision {self.precision:.2f} ({self.matched}/{self.found}), "
            f"recall {self.recall:.2f} ({self.matched}/{self.expected})"
        )


def score(name: str, expected: list[Fact], found: list[Fact]) -> Score:
    wanted, got = Counter(expected), Counter(found)
    matched = wanted & got
    return Score(
        name,
        len(expected),
        len(found),
        sum(matched.values()),
        tuple((wanted - got).elements()),
        tuple((got - wanted).elements()),
    )


def total(name: str, scores: list[Score]) -> Score:
    return Score(
        name,
        sum(s.expected for s in scores),
        sum(s.found for s in scores),
        sum(s.matched for s in scores),
        tuple(fact for s in scores for fact in s.missed),
        tuple(fact for s in scores for fact in s.extra),
    )
