"""From parsed seeds to the rows each table should hold: references, quotes, figures checked."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from typing import Any

import pycountry

from app.citations.models import PARTY_KINDS, SUBJECT_COLUMNS
from app.seeding.figures import format_figures, stated_figures
from app.seeding.files import ArticleFile, CitationIn, Claimed, PartyRefIn
from app.seeding.quotes import FoldedText, QuoteNotFound, fold_whitespace, locate_quote
from app.seeding.reading import ARTICLES_DIR, SeedError, SeedProblem, SeedSet


@dataclass(frozen=True)
class Ref:
    """A reference by natural key, resolved to a database id once its table is written."""

    table: str
    key: str


Row = dict[str, Any]

# A figure reasoned from its quotes rather than stated by them ("behind Uzbekistan": first)
# says so where a reviewer reads it, at the start of its note; only such a figure is exempt
# from being found among the figures its quotes state.
DERIVED_NOTE = "Derived:"


@dataclass
class Plan:
    """Desired rows per table, keyed by natural key, in foreign-key order."""

    version: str
    rows: dict[str, dict[Any, Row]] = field(default_factory=dict)

    def add(self, table: str, key: Any, row: Row) -> bool:
        rows = self.rows.setdefault(table, {})
        if key in rows:
            return False
        rows[key] = row
        return True


def _countries(seeds: SeedSet) -> Iterable[tuple[str, Row]]:
    for country in pycountry.countries:
        region, subregion, intermediate = [*seeds.regions.chain(country.alpha_2), None, None, None][
            :3
        ]
        yield (
            country.alpha_2,
            {
                "iso2": country.alpha_2,
                "iso3": country.alpha_3,
                "name": getattr(country, "common_name", None) or country.name,
                "official_name": getattr(country, "official_name", None),
                "region": region,
                "subregion": subregion,
                "intermediate_region": intermediate,
            },
        )


@cache
def subdivision_countries() -> dict[str, str]:
    """Every ISO 3166-2 subdivision code, with the country it is in (pycountry's data)."""
    return {subdivision.code: subdivision.country_code for subdivision in pycountry.subdivisions}


class _Planner:
    def __init__(self, seeds: SeedSet) -> None:
        self.seeds = seeds
        self.plan = Plan(seeds.version)
        self.problems: list[SeedProblem] = []
        self.folded = {name: FoldedText.of(a.text) for name, a in seeds.articles.items()}
        self.source_file: dict[str, str] = {}
        self.declared_in: dict[tuple[str, str], str] = {}
        # Citations' `attributed_to_ref`s, checked once every entity is declared.
        self.attributions: list[tuple[str, str, str, str]] = []

    def problem(self, file: str, entry: str, reason: str) -> None:
        self.problems.append(SeedProblem(file, entry, reason))

    def declare(self, table: str, key: str, row: Row, file: str, entry: str) -> None:
        if not self.plan.add(table, key, row):
            first = self.declared_in.get((table, key), "the reference data")
            self.problem(file, entry, f"{table} {key!r} is already declared in {first}")
        else:
            self.declared_in[(table, key)] = file

    def ref(self, table: str, key: str | None, file: str, entry: str) -> Ref | None:
        if key is None:
            return None
        if key not in self.plan.rows.get(table, {}):
            self.problem(file, entry, f"unknown {table} {key!r}")
        return Ref(table, key)

    def build(self) -> Plan:
        seeds = self.seeds
        for iso2, row in _countries(seeds):
            self.plan.add("country", iso2, row)
        for code in seeds.regions.countries:
            self.ref("country", code, "reference/regions.yaml", f"countries[{code}]")
        for category in seeds.categories.categories:
            self.declare(
                "category",
                category.slug,
                category.model_dump(),
                "reference/categories.yaml",
                f"categories[{category.slug}]",
            )
        for indicator in seeds.indicators.indicators:
            self.declare(
                "indicator_name",
                indicator.name,
                indicator.model_dump(),
                "reference/indicators.yaml",
                f"indicators[{indicator.name}]",
            )
        for file, data in seeds.data_files.items():
            self.source(file, data)
        # Entities first, across every file, so facts may cite any of them.
        for entities in (self.organizations, self.places, self.people, self.equipment):
            for file, data in seeds.data_files.items():
                entities(file, data)
        for file, data in seeds.data_files.items():
            self.facts(file, data)
            self.events(file, data)
            self.relations(file, data)
        self.check_attributions()
        if self.problems:
            raise SeedError(self.problems)
        return self.plan

    def source(self, file: str, data: ArticleFile) -> None:
        source = data.source
        entry = f"source[{source.id}]"
        article = self.seeds.articles.get(source.file)
        if article is None:
            self.problem(file, entry, f"no article {ARTICLES_DIR}/{source.file}")
            return
        if source.file in self.source_file.values():
            self.problem(file, entry, f"article {source.file} is described by another data file")
        self.source_file[source.id] = source.file
        row = source.model_dump(exclude={"id"}) | {
            "slug": source.id,
            "text": article.text,
            "sha256": article.sha256,
        }
        self.declare("source", source.id, row, file, entry)

    def cite(
        self,
        citations: list[CitationIn],
        subject: str,
        key: str,
        file: str,
        entry: str,
        default_source: str,
    ) -> None:
        for position, citation in enumerate(citations):
            source = citation.source or default_source
            article = self.source_file.get(source)
            if article is None:
                self.problem(file, f"{entry}.citations[{position}]", f"unknown source {source!r}")
                continue
            try:
                start, end = locate_quote(self.folded[article], citation.quote)
            except QuoteNotFound as error:
                self.problem(file, f"{entry}.citations[{position}]", f"{error} (in {article})")
                continue
            row: Row = dict.fromkeys(SUBJECT_COLUMNS) | {
                f"{subject}_id": Ref(subject, key),
                "source_id": Ref("source", source),
                "quote": citation.quote,
                "start_offset": start,
                "end_offset": end,
                "attributed_to": citation.attributed_to,
                "attributed_kind": None,
                "attributed_ref": None,
                "position": position,
            }
            if citation.attributed_to_ref is not None:
                ref = citation.attributed_to_ref
                row |= {"attributed_kind": ref.kind, "attributed_ref": ref.id}
                self.attributions.append((ref.kind, ref.id, file, f"{entry}.citations[{position}]"))
            natural_key = (subject, key, source, citation.quote)
            if not self.plan.add("citation", natural_key, row):
                self.problem(
                    file, f"{entry}.citations[{position}]", "the same quote is cited twice"
                )

    def check_figure(
        self,
        value: float | None,
        name: str,
        citations: list[CitationIn],
        note: str | None,
        file: str,
        entry: str,
    ) -> None:
        """A fact's number must be among those its quotes state, compared as numbers."""
        if value is None or (note or "").startswith(DERIVED_NOTE):
            return
        stated = tuple(
            dict.fromkeys(figure for c in citations for figure in stated_figures(c.quote))
        )
        if Decimal(str(value)).normalize() not in {figure.normalize() for figure in stated}:
            self.problem(
                file,
                f"{entry}.{name}",
                f"{name} {value} is not stated by any of its quotes "
                f"(they state: {format_figures(stated)})",
            )

    def check_hedge(self, fact: Claimed, file: str, entry: str) -> None:
        """A hedge is the article's own words: one of the fact's quotes must hold them."""
        if fact.hedge is None:
            return
        hedge = fold_whitespace(fact.hedge).casefold()
        if not any(hedge in fold_whitespace(c.quote).casefold() for c in fact.citations):
            self.problem(file, f"{entry}.hedge", f"no quote of the fact says {fact.hedge!r}")

    def check_attributions(self) -> None:
        for kind, slug, file, entry in self.attributions:
            if slug not in self.plan.rows.get(kind, {}):  # each kind is its table's name
                self.problem(file, f"{entry}.attributed_to_ref", f"unknown {kind} {slug!r}")

    def party(self, prefix: str, party: PartyRefIn, file: str, entry: str) -> Row:
        """The `<prefix>country_id`, `_organization_id` and `_person_id` of a party: one set."""
        columns: Row = {f"{prefix}{kind}_id": None for kind in PARTY_KINDS}
        columns[f"{prefix}{party.kind}_id"] = self.ref(party.kind, party.code, file, entry)
        return columns

    def places(self, file: str, data: ArticleFile) -> None:
        for place in data.places:
            entry = f"places[{place.slug}]"
            if place.subdivision is not None:
                in_country = subdivision_countries().get(place.subdivision)
                if in_country is None:
                    self.problem(
                        file, f"{entry}.subdivision", f"no ISO 3166-2 code {place.subdivision!r}"
                    )
                elif place.country is not None and in_country != place.country:
                    self.problem(
                        file,
                        f"{entry}.subdivision",
                        f"{place.subdivision} is in {in_country}, not {place.country}",
                    )
            row = place.model_dump(exclude={"citations", "country"})
            row["country_id"] = self.ref("country", place.country, file, f"{entry}.country")
            self.declare("place", place.slug, row, file, entry)
            self.cite(place.citations, "place", place.slug, file, entry, data.source.id)

    def people(self, file: str, data: ArticleFile) -> None:
        for person in data.people:
            entry = f"people[{person.slug}]"
            row = {
                "slug": person.slug,
                "name": person.name,
                "aliases": list(person.aliases),
                "country_id": self.ref("country", person.country, file, f"{entry}.country"),
                "note": person.note,
            }
            self.declare("person", person.slug, row, file, entry)
            self.cite(person.citations, "person", person.slug, file, entry, data.source.id)
            for position, role in enumerate(person.roles):
                key = f"{person.slug}.{position}"
                role_entry = f"{entry}.roles[{position}]"
                self.plan.add(
                    "person_role",
                    key,
                    {
                        "key": key,
                        "person_id": Ref("person", person.slug),
                        "title": role.title,
                        "organization_id": self.ref(
                            "organization", role.organization, file, f"{role_entry}.organization"
                        ),
                        "country_id": self.ref(
                            "country", role.country, file, f"{role_entry}.country"
                        ),
                        "from_on": role.from_,
                        "to_on": role.to,
                        "stance": role.stance,
                        "hedge": role.hedge,
                        "position": position,
                        "note": role.note,
                    },
                )
                self.check_hedge(role, file, role_entry)
                self.cite(role.citations, "person_role", key, file, role_entry, data.source.id)

    def events(self, file: str, data: ArticleFile) -> None:
        for event in data.events:
            entry = f"events[{event.key}]"
            row = event.model_dump(exclude={"citations", "participants", "places"})
            self.declare("event", event.key, row, file, entry)
            self.check_hedge(event, file, entry)
            for position, participant in enumerate(event.participants):
                where = f"{entry}.participants[{position}]"
                self.plan.add(
                    "event_participant",
                    (event.key, position),
                    {
                        "event_id": Ref("event", event.key),
                        "role": participant.role,
                        "position": position,
                    }
                    | self.party("", participant, file, where),
                )
            for position, place in enumerate(event.places):
                self.plan.add(
                    "event_place",
                    (event.key, position),
                    {
                        "event_id": Ref("event", event.key),
                        "place_id": self.ref("place", place, file, f"{entry}.places[{position}]"),
                        "position": position,
                    },
                )
            self.cite(event.citations, "event", event.key, file, entry, data.source.id)

    def relations(self, file: str, data: ArticleFile) -> None:
        for relation in data.relations:
            entry = f"relations[{relation.key}]"
            row = relation.model_dump(exclude={"citations", "subject", "object"})
            row |= self.party("subject_", relation.subject, file, f"{entry}.subject")
            row |= self.party("object_", relation.object, file, f"{entry}.object")
            self.declare("relation", relation.key, row, file, entry)
            self.check_hedge(relation, file, entry)
            self.check_figure(
                relation.value, "value", relation.citations, relation.note, file, entry
            )
            self.cite(relation.citations, "relation", relation.key, file, entry, data.source.id)

    def organizations(self, file: str, data: ArticleFile) -> None:
        for org in data.organizations:
            entry = f"organizations[{org.slug}]"
            row = {
                "slug": org.slug,
                "name": org.name,
                "kind": org.kind,
                "country_id": self.ref("country", org.country, file, f"{entry}.country"),
            }
            self.declare("organization", org.slug, row, file, entry)
            self.cite(org.citations, "organization", org.slug, file, entry, data.source.id)

    def equipment(self, file: str, data: ArticleFile) -> None:
        for item in data.equipment:
            entry = f"equipment[{item.slug}]"
            row = {
                "slug": item.slug,
                "name": item.name,
                "aliases": list(item.aliases),
                "category_id": self.ref("category", item.category, file, f"{entry}.category"),
                "role": item.role,
                "origin_country_id": self.ref(
                    "country", item.origin_country, file, f"{entry}.origin_country"
                ),
                "manufacturer_id": self.ref(
                    "organization", item.manufacturer, file, f"{entry}.manufacturer"
                ),
            }
            self.declare("equipment", item.slug, row, file, entry)
            self.cite(item.citations, "equipment", item.slug, file, entry, data.source.id)

    def facts(self, file: str, data: ArticleFile) -> None:
        source = data.source.id
        for entry_in in data.inventory:
            entry = f"inventory[{entry_in.key}]"
            row = entry_in.model_dump(exclude={"citations", "country", "category", "equipment"})
            row |= {
                "country_id": self.ref("country", entry_in.country, file, f"{entry}.country"),
                "category_id": self.ref("category", entry_in.category, file, f"{entry}.category"),
                "equipment_id": self.ref(
                    "equipment", entry_in.equipment, file, f"{entry}.equipment"
                ),
            }
            self.declare("inventory_entry", entry_in.key, row, file, entry)
            self.check_hedge(entry_in, file, entry)
            self.check_figure(
                entry_in.quantity, "quantity", entry_in.citations, entry_in.note, file, entry
            )
            self.cite(entry_in.citations, "inventory_entry", entry_in.key, file, entry, source)

        for transfer in data.transfers:
            entry = f"transfers[{transfer.key}]"
            row = transfer.model_dump(
                exclude={"citations", "supplier", "recipient", "equipment", "category"}
            )
            row |= {
                "category_id": self.ref("category", transfer.category, file, f"{entry}.category"),
                "terms": list(transfer.terms),
                "supplier_country_id": self.ref(
                    "country", transfer.supplier, file, f"{entry}.supplier"
                ),
                "recipient_country_id": self.ref(
                    "country", transfer.recipient, file, f"{entry}.recipient"
                ),
                "equipment_id": self.ref(
                    "equipment", transfer.equipment, file, f"{entry}.equipment"
                ),
            }
            self.declare("transfer", transfer.key, row, file, entry)
            self.check_hedge(transfer, file, entry)
            self.check_figure(
                transfer.quantity, "quantity", transfer.citations, transfer.note, file, entry
            )
            self.cite(transfer.citations, "transfer", transfer.key, file, entry, source)

        for agreement in data.agreements:
            entry = f"agreements[{agreement.key}]"
            row = agreement.model_dump(exclude={"citations", "parties", "ratification"})
            row["terms"] = list(agreement.terms)
            self.declare("agreement", agreement.key, row, file, entry)
            self.check_hedge(agreement, file, entry)
            for position, step in enumerate(agreement.ratification):
                key = f"{agreement.key}.{position}"
                step_entry = f"{entry}.ratification[{position}]"
                self.plan.add(
                    "agreement_ratification",
                    key,
                    {
                        "key": key,
                        "agreement_id": Ref("agreement", agreement.key),
                        "body_id": self.ref("organization", step.body, file, f"{step_entry}.body"),
                        "date": step.date,
                        "outcome": step.outcome,
                        "position": position,
                        "note": step.note,
                    },
                )
                self.cite(step.citations, "agreement_ratification", key, file, step_entry, source)
            for position, party in enumerate(agreement.parties):
                is_country = len(party.code) == 2 and party.code.isupper()
                table = "country" if is_country else "organization"
                reference = self.ref(table, party.code, file, f"{entry}.parties[{position}]")
                self.plan.add(
                    "agreement_party",
                    (agreement.key, position),
                    {
                        "agreement_id": Ref("agreement", agreement.key),
                        "country_id": reference if is_country else None,
                        "organization_id": None if is_country else reference,
                        "role": party.role,
                        "position": position,
                    },
                )
            self.cite(agreement.citations, "agreement", agreement.key, file, entry, source)

        for indicator in data.indicators:
            entry = f"indicators[{indicator.key}]"
            row = indicator.model_dump(exclude={"citations", "country"})
            row["country_id"] = self.ref("country", indicator.country, file, f"{entry}.country")
            self.declare("country_indicator", indicator.key, row, file, entry)
            self.check_hedge(indicator, file, entry)
            self.check_figure(
                indicator.value, "value", indicator.citations, indicator.note, file, entry
            )
            self.cite(indicator.citations, "country_indicator", indicator.key, file, entry, source)


def plan_seeds(seeds: SeedSet) -> Plan:
    """Check every reference, quote and figure; raise SeedError naming each problem found."""
    return _Planner(seeds).build()
