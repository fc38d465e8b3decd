"""The region of a country, from seeds/reference/regions.yaml (UN M49): the scope of a
regional rank when the sentence says only "in the region"."""

from functools import cache
from pathlib import Path

import yaml


@cache
def _regions(seeds_dir: Path) -> dict[str, str]:
    path = seeds_dir / "reference" / "regions.yaml"
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return {}
    # `countries` maps each ISO code to the lowest M49 group holding it.
    countries = document.get("countries") if isinstance(document, dict) else None
    if not isinstance(countries, dict):
        return {}
    return {str(code): str(group) for code, group in countries.items()}


def region_of(seeds_dir: Path, country: str | None) -> str | None:
    return _regions(seeds_dir).get(country) if country else None
