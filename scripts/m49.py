"""Writes seeds/reference/regions.yaml: every ISO 3166-1 country's UN M49 region, from the
table country_converter maintains (its `UNregion` column: the M49 group just above each
country), placed in the M49 hierarchy below. `--check` fails when the file differs, so a new
country_converter release that moves a country shows up in the tests.

    .venv/bin/python scripts/m49.py [--check]
"""

import csv
import sys
from importlib.resources import files
from pathlib import Path

import pycountry
import yaml

TARGET = Path(__file__).resolve().parent.parent / "seeds" / "reference" / "regions.yaml"
# The M49 hierarchy (https://unstats.un.org/unsd/methodology/m49/): each group, its code and
# the group it belongs to. Regions have no parent; intermediate regions have a sub-region.
GROUPS: list[tuple[str, str, str | None]] = [
    ("Africa", "002", None),
    ("Americas", "019", None),
    ("Asia", "142", None),
    ("Europe", "150", None),
    ("Oceania", "009", None),
    ("Northern Africa", "015", "Africa"),
    ("Sub-Saharan Africa", "202", "Africa"),
    ("Eastern Africa", "014", "Sub-Saharan Africa"),
    ("Middle Africa", "017", "Sub-Saharan Africa"),
    ("Southern Africa", "018", "Sub-Saharan Africa"),
    ("Western Africa", "011", "Sub-Saharan Africa"),
    ("Latin America and the Caribbean", "419", "Americas"),
    ("Caribbean", "029", "Latin America and the Caribbean"),
    ("Central America", "013", "Latin America and the Caribbean"),
    ("South America", "005", "Latin America and the Caribbean"),
    ("Northern America", "021", "Americas"),
    ("Central Asia", "143", "Asia"),
    ("Eastern Asia", "030", "Asia"),
    ("South-eastern Asia", "035", "Asia"),
    ("Southern Asia", "034", "Asia"),
    ("Western Asia", "145", "Asia"),
    ("Eastern Europe", "151", "Europe"),
    ("Northern Europe", "154", "Europe"),
    ("Southern Europe", "039", "Europe"),
    ("Western Europe", "155", "Europe"),
    ("Australia and New Zealand", "053", "Oceania"),
    ("Melanesia", "054", "Oceania"),
    ("Micronesia", "057", "Oceania"),
    ("Polynesia", "061", "Oceania"),
]
HEADER = """\
# UN M49 regions of every ISO 3166-1 country, written by scripts/m49.py from the table
# country_converter maintains; do not edit by hand. `groups` is the M49 hierarchy (region,
# sub-region, intermediate region); `countries` maps each code to the lowest group holding
# it. Antarctica belongs to no M49 region and is left out.
"""


def countries_by_group() -> dict[str, str]:
    table = files("country_converter").joinpath("country_data.tsv").read_text("utf-8")
    # keep_default_na matters to pandas, not to csv: "NA" (Namibia) stays a code here.
    rows = csv.DictReader(table.splitlines(), delimiter="\t")
    known = {name for name, _, _ in GROUPS}
    # Its ISO3 column is a code; its ISO2 column is at times a pattern (`^GR$|^EL$`).
    by_code = {row["ISO3"]: row["UNregion"] for row in rows if row["UNregion"] in known}
    return {
        country.alpha_2: by_code[country.alpha_3]
        for country in sorted(pycountry.countries, key=lambda c: c.alpha_2)
        if country.alpha_3 in by_code
    }


def render() -> str:
    document = {
        "scheme": "UN M49",
        "groups": [{"name": name, "code": code, "parent": parent} for name, code, parent in GROUPS],
        "countries": countries_by_group(),
    }
    return HEADER + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)


def main() -> int:
    text = render()
    if "--check" in sys.argv:
        if TARGET.read_text("utf-8") != text:
            print(f"{TARGET} is stale: run scripts/m49.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
