"""Compare two countries side by side: their inventories (the newest claim per category and
equipment type), then their indicators (population, rankings...).

    .venv/bin/python examples/compare_inventories.py KZ UZ

A dash means the dataset holds no claim, not that the country has none. The API is found at
--url, else MILCAP_URL, else http://127.0.0.1:8000.
"""

import argparse
import sys
from collections.abc import Sequence

from app.client import MilcapClient, MilcapError
from app.countries.schemas import CountryDetail, IndicatorOut
from app.inventory.schemas import InventoryEntryOut

NO_CLAIM = "—"
Row = tuple[str, ...]  # what a row is about: (category, equipment) or (indicator,)
INDICATORS = {
    "population": "Population",
    "gfp_world_rank": "Global Firepower rank, world",
    "gfp_regional_rank": "Global Firepower rank, region",
    "border_length_km": "Border length",
}


def figure(entry: InventoryEntryOut) -> str:
    """`300 (2021)`, `about 16 (2017)`, `in service (2021-11-12)` when no number is given."""
    if entry.quantity is None:
        number = "in service" if entry.kind == "in_service" else "not stated"
    else:
        number = " ".join(filter(None, [entry.qualifier, f"{entry.quantity:,}"]))
    return f"{number} ({entry.as_of})" if entry.as_of else number


def indicator_value(indicator: IndicatorOut) -> str:
    words = [indicator.qualifier, f"{indicator.value:,}", indicator.unit]
    value = " ".join(word for word in words if word)
    scope = f", {indicator.scope}" if indicator.scope else ""
    return f"{value} ({indicator.as_of or 'undated'}{scope})"


def inventory_rows(
    inventories: Sequence[list[InventoryEntryOut]], labels: dict[str, str]
) -> dict[Row, list[str]]:
    """One row per (category, equipment) any of the countries has a claim for."""
    rows: dict[Row, list[str]] = {}
    for column, entries in enumerate(inventories):
        for entry in entries:
            key = (
                labels.get(entry.category, entry.category),
                entry.equipment.name if entry.equipment else "all types",
            )
            cells = rows.setdefault(key, [NO_CLAIM] * len(inventories))
            # Claims of the same date are all kept by `latest`: show them together.
            cell = figure(entry)
            cells[column] = cell if cells[column] == NO_CLAIM else f"{cells[column]}; {cell}"
    return dict(sorted(rows.items()))


def indicator_rows(countries: Sequence[CountryDetail]) -> dict[Row, list[str]]:
    """One row per indicator (and scope); disagreeing claims are listed, newest first."""
    rows: dict[Row, list[str]] = {}
    for column, country in enumerate(countries):
        by_name = sorted(country.indicators, key=lambda i: i.as_of or "", reverse=True)
        for indicator in by_name:
            key = (INDICATORS.get(indicator.name, indicator.name.replace("_", " ")),)
            cells = rows.setdefault(key, [NO_CLAIM] * len(countries))
            value = indicator_value(indicator)
            cells[column] = value if cells[column] == NO_CLAIM else f"{cells[column]}; {value}"
    return dict(sorted(rows.items()))


def render(title: str, headers: list[str], rows: dict[Row, list[str]]) -> str:
    lines = [[*key, *cells] for key, cells in rows.items()]
    lines = lines or [["(no claims)", *[""] * (len(headers) - 1)]]
    widths = [
        max(len(str(cell)) for cell in column) for column in zip(headers, *lines, strict=False)
    ]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(str(c).ljust(w) for c, w in zip(cells, widths, strict=False)).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([title, "", line(headers), rule, *(line(cells) for cells in lines), ""])


def compare(client: MilcapClient, codes: Sequence[str]) -> str:
    countries = [client.country(code) for code in codes]
    labels = {category.slug: category.label for category in client.walk(client.categories)}
    inventories = [
        list(client.walk(client.country_inventory, c.iso2, latest=True)) for c in countries
    ]
    names = [f"{c.name} ({c.iso2})" for c in countries]
    version = client.meta().dataset_version[:12]
    return "\n".join(
        [
            render(
                "Inventory, newest claim per row",
                ["Category", "Equipment", *names],
                inventory_rows(inventories, labels),
            ),
            render("Indicators", ["Indicator", *names], indicator_rows(countries)),
            f"{NO_CLAIM}: the dataset holds no claim. milcap dataset {version}; every figure's "
            "quote: milcap cite <id> (ids: milcap inventory <code>).",
        ]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", help="ISO code of the first country, e.g. KZ")
    parser.add_argument("second", help="ISO code of the second country, e.g. UZ")
    parser.add_argument("--url", help="the milcap API (default: MILCAP_URL, then local)")
    args = parser.parse_args()
    try:
        with MilcapClient(args.url) as client:
            print(compare(client, [args.first, args.second]))
    except (MilcapError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
