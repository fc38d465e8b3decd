"""From parsed seeds to the rows each table should hold: references, quotes, figures checked.

Each data file is planned on its own, into its rows and what only the whole dataset can
check, and handed to the loader's staging tables once merged; a large dataset's files are
planned by worker processes, a few files ahead of the merge. So a million facts are never
held in memory at once: what is kept is each declared key and the file that declared it. A
reference to something no file before has declared (a fact citing equipment a later file
declares) is checked once every file is merged."""

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any

import pycountry

from app.citations.models import PARTY_KINDS, SUBJECT_COLUMNS
from app.seeding.figures import format_figures, stated_figures
from app.seeding.files import ArticleFile, CitationIn, Claimed, PartyRefIn
from app.seeding.quotes import FoldedText, QuoteNotFound, fold_whitespace, locate_quote
from app.seeding.reading import ARTICLES_DIR, SeedError, SeedProblem, SeedSet, read_seeds

# A planned row; a reference is the natural key it names (`"KZ"`, `"t-72"`): the loader
# resolves it to an id through the column's foreign key once the table it names is written.
Row = dict[str, Any]
Progress = Callable[[str], None]

# A figure reasoned from its quotes rather than stated by them ("behind Uzbekistan": first)
# says so where a reviewer reads it, at the start of its note; only such a figure is exempt
# from being found among the figures its quotes state.
DERIVED_NOTE = "Derived:"


@dataclass(frozen=True)
class _Citing:
    """A fact's citations, held back until every file's source is known."""

    citations: list[CitationIn]
    subject: str
    key: str
    file: str
    entry: str
    default_source: str


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


class _FoldedArticles(dict[str, FoldedText]):
    """Each article's folded text, made when first needed: a worker needs only its own."""

    def __init__(self, seeds: SeedSet) -> None:
        super().__init__()
        self.seeds = seeds

    def __missing__(self, name: str) -> FoldedText:
        self[name] = folded = FoldedText.of(self.seeds.articles[name].text)
        return folded


@dataclass
class FilePlan:
    """One data file, planned: its rows, and what only the whole dataset can check."""

    file: str
    readable: bool
    problems: list[SeedProblem] = field(default_factory=list)
    # Per table: the columns, and each row's values (references as their natural keys).
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = field(default_factory=dict)
    declared: list[tuple[str, str, str]] = field(default_factory=list)  # table, key, entry
    source: tuple[str, str, str] | None = None  # its id, its article, its entry
    forward: list[tuple[str, str, str, str]] = field(default_factory=list)
    citing_later: list[_Citing] = field(default_factory=list)
    attributions: list[tuple[str, str, str, str]] = field(default_factory=list)


class _Planner:
    """Plans the reference data and the data files, one file at a time.

    Each file is planned on its own (in a worker process when there are many), knowing the
    reference data and its own declarations; `merge` then checks it against every file
    before it, and `finish` checks what refers forward, once every file is merged."""

    def __init__(self, seeds: SeedSet) -> None:
        self.seeds = seeds
        self.folded = _FoldedArticles(seeds)
        self.source_file: dict[str, str] = {}
        self.article_described: set[str] = set()
        # Each table's declared keys, with the file that declared each (None: reference data).
        self.declared: dict[str, dict[str, str | None]] = {}
        self.plan = FilePlan("", readable=True)
        self.reference()
        self.reference_keys = {table: dict(keys) for table, keys in self.declared.items()}

    def problem(self, file: str, entry: str, reason: str) -> None:
        self.plan.problems.append(SeedProblem(file, entry, reason))

    def add(self, table: str, row: Row) -> None:
        """A row of a declared fact (a party, a role, a citation), or the fact itself."""
        planned = self.plan.rows.get(table)
        if planned is None:
            planned = self.plan.rows[table] = (list(row), [])
        planned[1].append(tuple(row.values()))

    def declare(self, table: str, key: str, row: Row, file: str | None, entry: str) -> None:
        keys = self.declared.setdefault(table, {})
        if key in keys:
            first = keys[key] or "the reference data"
            self.problem(
                file or "the reference data",
                entry,
                f"{table} {key!r} is already declared in {first}",
            )
            return
        keys[key] = file
        if file is not None:
            self.plan.declared.append((table, key, entry))
        self.add(table, row)

    def ref(self, table: str, key: str | None, file: str, entry: str) -> str | None:
        if key is None:
            return None
        if key not in self.declared.get(table, {}):
            self.plan.forward.append((table, key, file, entry))
        return key

    def reference(self) -> None:
        seeds = self.seeds
        for iso2, row in _countries(seeds):
            self.declare("country", iso2, row, None, f"countries[{iso2}]")
        for code in seeds.regions.countries:
            self.ref("country", code, "reference/regions.yaml", f"countries[{code}]")
        for category in seeds.categories.categories:
            self.declare(
                "category",
                category.slug,
                category.model_dump(),
                None,
                f"categories[{category.slug}]",
            )
        for indicator in seeds.indicators.indicators:
            self.declare(
                "indicator_name",
                indicator.name,
                indicator.model_dump(),
                None,
                f"indicators[{indicator.name}]",
            )

    def take(self, file: str = "") -> FilePlan:
        """What has been planned since the last take."""
        plan, self.plan = self.plan, FilePlan(file, readable=True)
        return plan

    def plan_file(self, file: str) -> FilePlan:
        """One data file, read and planned, knowing only the reference data and itself."""
        self.take(file)
        self.declared = {table: dict(keys) for table, keys in self.reference_keys.items()}
        self.source_file = {}
        self.folded.clear()  # a file quotes its own article; others' quotes wait for finish
        data = self.seeds.parse_data_file(file, self.plan.problems)
        if data is None:
            self.plan.readable = False
            return self.take()
        # Entities before the facts that cite them; those of other files are checked later.
        self.source(file, data)
        for part in (
            self.organizations,
            self.places,
            self.people,
            self.equipment,
            self.facts,
            self.events,
            self.relations,
        ):
            part(file, data)
        return self.take()

    def merge(self, plan: FilePlan) -> None:
        """A file's plan, checked against the files merged before it."""
        self.plan.problems.extend(plan.problems)
        if plan.source is not None:
            source, article, entry = plan.source
            if article in self.article_described:
                self.problem(
                    plan.file, entry, f"article {article} is described by another data file"
                )
            self.article_described.add(article)
            self.source_file[source] = article
        for table, key, entry in plan.declared:
            keys = self.declared.setdefault(table, {})
            first = keys.setdefault(key, plan.file)
            if first != plan.file:
                self.problem(plan.file, entry, f"{table} {key!r} is already declared in {first}")
        self.plan.forward.extend(plan.forward)
        self.plan.citing_later.extend(plan.citing_later)
        self.plan.attributions.extend(plan.attributions)

    def finish(self) -> FilePlan:
        """The citations of other files' sources, and every reference checked."""
        later, self.plan.citing_later = self.plan.citing_later, []
        for c in later:
            self.cite(c.citations, c.subject, c.key, c.file, c.entry, c.default_source, False)
        for table, key, file, entry in self.plan.forward:
            if key not in self.declared.get(table, {}):
                self.problem(file, entry, f"unknown {table} {key!r}")
        self.check_attributions()
        return self.take()

    def source(self, file: str, data: ArticleFile) -> None:
        source = data.source
        entry = f"source[{source.id}]"
        article = self.seeds.articles.get(source.file)
        if article is None:
            self.problem(file, entry, f"no article {ARTICLES_DIR}/{source.file}")
            return
        self.source_file[source.id] = source.file
        self.plan.source = (source.id, source.file, entry)
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
        later: bool = True,
    ) -> None:
        sources = {citation.source or default_source for citation in citations}
        if later and not sources <= self.source_file.keys():
            self.plan.citing_later.append(
                _Citing(citations, subject, key, file, entry, default_source)
            )
            return
        cited: set[tuple[str, str]] = set()
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
                f"{subject}_id": key,
                "source_id": source,
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
                self.plan.attributions.append(
                    (ref.kind, ref.id, file, f"{entry}.citations[{position}]")
                )
            if (source, citation.quote) in cited:
                self.problem(
                    file, f"{entry}.citations[{position}]", "the same quote is cited twice"
                )
                continue
            cited.add((source, citation.quote))
            self.add("citation", row)

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
        for kind, slug, file, entry in self.plan.attributions:
            if slug not in self.declared.get(kind, {}):  # each kind is its table's name
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
                self.add(
                    "person_role",
                    {
                        "key": key,
                        "person_id": person.slug,
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
                self.add(
                    "event_participant",
                    {
                        "event_id": event.key,
                        "role": participant.role,
                        "position": position,
                    }
                    | self.party("", participant, file, where),
                )
            for position, place in enumerate(event.places):
                self.add(
                    "event_place",
                    {
                        "event_id": event.key,
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
                self.add(
                    "agreement_ratification",
                    {
                        "key": key,
                        "agreement_id": agreement.key,
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
                self.add(
                    "agreement_party",
                    {
                        "agreement_id": agreement.key,
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


Stage = Callable[[str, list[str], list[tuple[Any, ...]]], None]
# Data files larger than this in all are planned in worker processes, one file each.
PARALLEL_BYTES = 8 << 20

_worker: _Planner | None = None


def _start_worker(seeds: SeedSet) -> None:
    global _worker
    _worker = _Planner(seeds)


def _plan_in_worker(file: str) -> FilePlan:
    assert _worker is not None
    return _worker.plan_file(file)


def _workers(seeds: SeedSet) -> int:
    size = sum(path.stat().st_size for path in seeds.data_paths.values())
    return min(os.cpu_count() or 1, 4) if size > PARALLEL_BYTES else 1


def _file_plans(seeds: SeedSet, workers: int) -> Iterator[FilePlan]:
    """Every data file's plan, in file order; a few files ahead at most, so memory holds a
    few files' rows, not the dataset's."""
    files = list(seeds.data_paths)
    if workers <= 1:
        planner = _Planner(seeds)
        yield from (planner.plan_file(file) for file in files)
        return
    methods = multiprocessing.get_all_start_methods()
    # Forked workers share the articles already read; elsewhere they are sent once each.
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(workers, context, _start_worker, (seeds,))
    try:
        waiting = iter(files)
        pending = deque(pool.submit(_plan_in_worker, f) for f in islice(waiting, 2 * workers))
        while pending:
            plan = pending.popleft().result()
            following = next(waiting, None)
            if following is not None:
                pending.append(pool.submit(_plan_in_worker, following))
            yield plan
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _stage(plan: FilePlan, stage: Stage) -> None:
    for table, (columns, rows) in plan.rows.items():
        stage(table, columns, rows)


def plan_seeds(
    seeds: SeedSet, stage: Stage, progress: Progress = print, workers: int | None = None
) -> int:
    """Check every reference, quote and figure, handing each file's rows to `stage` once it
    is checked; raise SeedError naming each problem found (rows already staged are then the
    caller's to discard). Returns how many data files were read."""
    planner = _Planner(seeds)
    reference = planner.take()
    planner.merge(reference)
    _stage(reference, stage)
    total, unreadable = len(seeds.data_paths), []
    for done, plan in enumerate(_file_plans(seeds, workers or _workers(seeds)), start=1):
        if not plan.readable:
            unreadable += plan.problems
        elif not unreadable:
            # Past an unreadable file only reading goes on: its entities are missing, so
            # checking references would report problems that are not there.
            planner.merge(plan)
            _stage(plan, stage)
        if total >= 20 and done % (total // 10) == 0:
            progress(f"checked {done} of {total} data files")
    if unreadable:
        raise SeedError(unreadable)
    last = planner.finish()
    if last.problems:
        raise SeedError(last.problems)
    _stage(last, stage)
    return total


def check_seeds(root: Path) -> None:
    """Read and check every seed file without writing anything; SeedError if one fails."""
    plan_seeds(read_seeds(root), lambda _table, _columns, _rows: None, lambda _message: None)
