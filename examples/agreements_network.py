"""Print the agreements network of a region (Central Asia by default) as a Graphviz DOT graph,
and render it to PNG when Graphviz's `dot` is installed (Debian: apt-get install graphviz).

    .venv/bin/python examples/agreements_network.py > central-asia.dot
    .venv/bin/python examples/agreements_network.py --output ca.dot --png ca.png

Countries of the region are boxes inside a cluster; other parties (Russia, NATO...) sit
outside. A two-party agreement is an edge labelled with its type and date; an agreement of
three or more parties is a small node joined to each of them. The API is found at --url,
else MILCAP_URL, else http://127.0.0.1:8000.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from app.agreements.schemas import AgreementOut, PartyOut
from app.client import MilcapClient, MilcapError
from app.countries.schemas import CountryOut


def quoted(text: str) -> str:
    """A DOT string: quotes and backslashes escaped, line breaks kept as \\n."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def when(agreement: AgreementOut) -> str:
    if agreement.signed_on:
        return f"signed {agreement.signed_on}"
    if agreement.ratified_on:
        return f"ratified {agreement.ratified_on}"
    return agreement.status or "undated"


def country_node(country: CountryOut) -> str:
    label = quoted(f"{country.name}\n{country.iso2}")
    return (
        f'  {quoted(country.iso2)} [label={label}, shape=box, style=filled, fillcolor="#dbe7fb"];'
    )


def party_node(party: PartyOut) -> str:
    shape = "box" if party.kind == "country" else "ellipse"
    label = f"{party.name}\n{party.code}" if party.kind == "country" else party.name
    return f"  {quoted(party.code)} [label={quoted(label)}, shape={shape}];"


def network(
    region: str, countries: list[CountryOut], agreements: list[AgreementOut], version: str
) -> str:
    """The DOT source: the region's countries, the other parties, the agreements."""
    members = {country.iso2 for country in countries}
    lines = [
        "graph agreements {",
        f"  label={quoted(f'Agreements of {region} (milcap dataset {version[:12]})')};",
        '  labelloc=t; fontname="Helvetica"; overlap=false;',
        '  node [fontname="Helvetica", fontsize=11];',
        '  edge [fontname="Helvetica", fontsize=9, color="#555555"];',
        "  subgraph cluster_region {",
        f"    label={quoted(region)};",
        '    style="rounded,filled"; fillcolor="#f3f6fb"; color="#9aa9c2";',
    ]
    lines += ["  " + country_node(country) for country in countries]
    lines.append("  }")
    outsiders = {p.code: p for a in agreements for p in a.parties if p.code not in members}
    lines += [party_node(party) for party in outsiders.values()]
    for agreement in agreements:
        label = f"{agreement.type}\n{when(agreement)}"
        tooltip = f"{agreement.title} ({agreement.id})"
        if len(agreement.parties) == 2:
            first, second = agreement.parties
            lines.append(
                f"  {quoted(first.code)} -- {quoted(second.code)} "
                f"[label={quoted(label)}, tooltip={quoted(tooltip)}];"
            )
            continue
        hub = quoted(f"agreement:{agreement.id}")
        lines.append(
            f"  {hub} [label={quoted(label)}, shape=note, fontsize=9, tooltip={quoted(tooltip)}];"
        )
        lines += [
            f"  {hub} -- {quoted(p.code)} [label={quoted(p.role)}];" for p in agreement.parties
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def region_network(client: MilcapClient, region: str) -> str:
    countries = list(client.walk(client.countries, subregion=region))
    if not countries:
        raise MilcapError(f"no country is in the region {region!r}")
    agreements: dict[str, AgreementOut] = {}
    for country in countries:
        for agreement in client.walk(client.country_agreements, country.iso2):
            agreements[agreement.id] = agreement
    return network(region, countries, list(agreements.values()), client.meta().dataset_version)


def render_png(dot_source: str, png: Path) -> bool:
    """Render with Graphviz; False (and a warning) where `dot` is not installed."""
    dot = shutil.which("dot")
    if dot is None:
        print("warning: Graphviz's `dot` is not installed; no PNG written", file=sys.stderr)
        return False
    # The executable is the one on PATH, the arguments ours: nothing untrusted is run.
    subprocess.run([dot, "-Tpng", "-o", str(png)], input=dot_source, text=True, check=True)  # noqa: S603
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="the milcap API (default: MILCAP_URL, then local)")
    parser.add_argument("--region", default="Central Asia", help="a UN M49 sub-region")
    parser.add_argument("--output", type=Path, help="DOT file to write (default: stdout)")
    parser.add_argument("--png", type=Path, help="also render to this PNG file")
    args = parser.parse_args()
    try:
        with MilcapClient(args.url) as client:
            dot_source = region_network(client, args.region)
    except (MilcapError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.output:
        args.output.write_text(dot_source, encoding="utf-8")
    else:
        sys.stdout.write(dot_source)
    if args.png and render_png(dot_source, args.png):
        print(f"rendered {args.png}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
