"""Export a country's inventory (Kazakhstan's by default) to CSV, one row per claim, with the
quote and the source behind each figure.

    .venv/bin/python examples/export_inventory_csv.py --output kz-inventory.csv
    .venv/bin/python examples/export_inventory_csv.py --country UZ --latest   # to stdout

The API is found at --url, else MILCAP_URL, else http://127.0.0.1:8000 (`make run`).
"""

import argparse
import csv
import sys
from pathlib import Path
from typing import TextIO

from app.client import MilcapClient, MilcapError
from app.inventory.schemas import InventoryEntryOut

COLUMNS = [
    "id",
    "country",
    "category",
    "equipment",
    "quantity",
    "qualifier",
    "as_of",
    "kind",
    "sources",
    "attributed_to",
    "quotes",
]


def row(entry: InventoryEntryOut) -> dict[str, object]:
    """One claim, flat: several citations are joined with " | " in the last three columns."""
    return {
        "id": entry.id,
        "country": entry.country,
        "category": entry.category,
        "equipment": entry.equipment.slug if entry.equipment else "",
        "quantity": "" if entry.quantity is None else entry.quantity,
        "qualifier": entry.qualifier or "",
        "as_of": entry.as_of or "",
        "kind": entry.kind,
        "sources": " | ".join(c.source_id for c in entry.citations),
        "attributed_to": " | ".join(c.attributed_to or "" for c in entry.citations),
        "quotes": " | ".join(c.quote for c in entry.citations),
    }


def export(client: MilcapClient, country: str, latest: bool, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for entry in client.walk(client.country_inventory, country, latest=latest):
        writer.writerow(row(entry))
        count += 1
    return count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="the milcap API (default: MILCAP_URL, then local)")
    parser.add_argument("--country", default="KZ", help="ISO alpha-2 or alpha-3 code")
    parser.add_argument("--latest", action="store_true", help="only the newest claim per row")
    parser.add_argument("--output", type=Path, help="CSV file to write (default: stdout)")
    args = parser.parse_args()
    try:
        with MilcapClient(args.url) as client:
            country = client.country(args.country).iso2  # an unknown code fails before writing
            if args.output:
                with args.output.open("w", newline="", encoding="utf-8") as out:
                    count = export(client, country, args.latest, out)
                print(f"wrote {count} claims to {args.output}", file=sys.stderr)
            else:
                export(client, country, args.latest, sys.stdout)
    except (MilcapError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
