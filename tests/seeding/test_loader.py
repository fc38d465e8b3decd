"""The loader: a complete, cited, idempotent load, and all-or-nothing failures that say why."""

import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, get_args

import pycountry
import pytest
import yaml
from sqlalchemy import Engine, event, select, text

from app.core.db import make_engine
from app.core.migrations import upgrade
from app.indicators.schemas import IndicatorNameKey
from app.seeding.loader import StaleRows, load_seeds
from app.seeding.quotes import fold_whitespace
from app.seeding.reading import SeedError
from app.tables import metadata
from tests.conftest import PROJECT_ROOT, SEEDS_DIR, Databases, quiet, require_postgres

FACT_SECTIONS = (
    "organizations",
    "places",
    "people",
    "equipment",
    "inventory",
    "transfers",
    "agreements",
    "indicators",
    "events",
    "relations",
)


def data_documents(seeds: Path = SEEDS_DIR) -> list[dict[str, Any]]:
    return [yaml.safe_load(p.read_text()) for p in sorted((seeds / "data").glob("*.yaml"))]


def dump(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in id order: what "untouched" is compared against."""
    with engine.connect() as connection:
        return {
            name: [
                tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key))
            ]
            for name, table in metadata.tables.items()
        }


def count(engine: Engine, table: str) -> int:
    with engine.connect() as connection:
        return int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_full_load_matches_the_data_files(empty_engine: Engine) -> None:
    report = load_seeds(empty_engine, SEEDS_DIR, progress=quiet)
    documents = data_documents()

    def total(section: str) -> int:
        return sum(len(document.get(section) or []) for document in documents)

    def entries(section: str) -> list[dict[str, Any]]:
        return [entry for document in documents for entry in document.get(section) or []]

    # The citations of every fact, and of the parts of facts that carry their own.
    cited = [entry for section in FACT_SECTIONS for entry in entries(section)]
    cited += [role for person in entries("people") for role in person.get("roles") or []]
    cited += [step for a in entries("agreements") for step in a.get("ratification") or []]
    citations = sum(len(entry["citations"]) for entry in cited)
    parties = sum(len(a["parties"]) for a in entries("agreements"))
    participants = sum(len(e.get("participants") or []) for e in entries("events"))
    event_places = sum(len(e.get("places") or []) for e in entries("events"))
    categories = yaml.safe_load((SEEDS_DIR / "reference/categories.yaml").read_text())
    expected = {
        "country": len(pycountry.countries),
        "category": len(categories["categories"]),
        "source": len(documents),
        "organization": total("organizations"),
        "equipment": total("equipment"),
        "inventory_entry": total("inventory"),
        "transfer": total("transfers"),
        "agreement": total("agreements"),
        "agreement_party": parties,
        "agreement_ratification": sum(
            len(a.get("ratification") or []) for a in entries("agreements")
        ),
        "country_indicator": total("indicators"),
        "indicator_name": len(get_args(IndicatorNameKey)),  # the vocabulary, each named
        "place": total("places"),
        "person": total("people"),
        "person_role": sum(len(p.get("roles") or []) for p in entries("people")),
        "event": total("events"),
        "event_participant": participants,
        "event_place": event_places,
        "relation": total("relations"),
        "citation": citations,
        "dataset_release": 1,
        "inventory_entry_document": total("inventory"),
    }
    assert {table: count(empty_engine, table) for table in expected} == expected
    assert report.changed
    assert all(counts.inserted == expected[counts.table] for counts in report.tables)


def test_kazakhstan_inventory_holds_the_global_firepower_2021_figures(
    seeded_engine: Engine,
) -> None:
    with seeded_engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT category.slug, inventory_entry.quantity FROM inventory_entry "
                "JOIN country ON country.id = inventory_entry.country_id "
                "JOIN category ON category.id = inventory_entry.category_id "
                "WHERE country.iso2 = 'KZ' AND inventory_entry.kind = 'holding' "
                "AND inventory_entry.as_of = '2021'"
            )
        ).all()
    assert {slug: quantity for slug, quantity in rows}.items() >= {
        "tanks": 300,
        "armoured-fighting-vehicles": 1200,
        "rocket-projectors": 407,
        "military-aircraft": 238,
        "naval-vessels": 15,
        "combat-helicopters": 22,
    }.items()


def test_conflicting_populations_are_both_kept(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as connection:
        values = connection.execute(
            text(
                "SELECT value FROM country_indicator JOIN country ON country.id = country_id "
                "WHERE country.iso2 = 'KZ' AND country_indicator.name = 'population'"
            )
        ).scalars()
        assert {16_000_000, 19_000_000} <= set(values)


def test_second_load_changes_nothing(seeded_engine: Engine) -> None:
    before = dump(seeded_engine)
    report = load_seeds(seeded_engine, SEEDS_DIR, progress=quiet)
    assert not report.changed
    assert all(c.inserted == c.updated == c.deleted == 0 for c in report.tables)
    assert dump(seeded_engine) == before


def test_every_stored_quote_is_found_at_its_offsets(seeded_engine: Engine) -> None:
    with seeded_engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT citation.quote, citation.start_offset, citation.end_offset, source.text "
                "FROM citation JOIN source ON source.id = citation.source_id"
            )
        ).all()
    assert rows
    for quote, start, end, source_text in rows:
        assert fold_whitespace(source_text[start:end]) == fold_whitespace(quote)


def test_articles_are_stored_byte_for_byte_with_their_hash(seeded_engine: Engine) -> None:
    import hashlib

    with seeded_engine.connect() as connection:
        rows = connection.execute(text("SELECT file, text, sha256 FROM source")).all()
    for file, source_text, sha256 in rows:
        raw = (SEEDS_DIR / "articles" / file).read_bytes()
        assert source_text.encode("utf-8") == raw
        assert hashlib.sha256(raw).hexdigest() == sha256


def _first_data_file(seeds: Path) -> Path:
    return sorted((seeds / "data").glob("*.yaml"))[0]


def _assert_fails_untouched(engine: Engine, seeds: Path, *patterns: str) -> None:
    before = dump(engine)
    with pytest.raises(SeedError) as raised:
        load_seeds(engine, seeds, progress=quiet)
    message = str(raised.value)
    for pattern in patterns:
        assert re.search(pattern, message), f"{pattern!r} not in {message!r}"
    assert dump(engine) == before


def test_a_corrupted_quote_fails_naming_file_entry_and_reason(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _first_data_file(seeds_copy)
    document = yaml.safe_load(path.read_text())
    entry = document["inventory"][0]
    entry["citations"][0]["quote"] = entry["citations"][0]["quote"] + " and 9,999 submarines"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    _assert_fails_untouched(
        seeded_engine,
        seeds_copy,
        re.escape(f"data/{path.name}: inventory[{entry['key']}].citations[0]"),
        "quote not found verbatim",
    )


def test_a_dangling_reference_fails_and_leaves_the_database_untouched(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _first_data_file(seeds_copy)
    document = yaml.safe_load(path.read_text())
    entry = document["inventory"][0]
    entry["category"] = "space-lasers"
    entry["quantity"] = 301  # a change that must not be written either
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    _assert_fails_untouched(
        seeded_engine,
        seeds_copy,
        re.escape(f"data/{path.name}: inventory[{entry['key']}].category: unknown category"),
        "space-lasers",
    )


def test_a_malformed_file_fails_and_leaves_the_database_untouched(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _first_data_file(seeds_copy)
    path.write_text(path.read_text() + "\n  - this: [is not, valid\n")
    _assert_fails_untouched(
        seeded_engine, seeds_copy, re.escape(f"data/{path.name}"), "not valid YAML"
    )


def test_a_negative_quantity_is_rejected_by_the_file_model(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _first_data_file(seeds_copy)
    document = yaml.safe_load(path.read_text())
    entry = document["inventory"][0]
    entry["quantity"] = -5
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    _assert_fails_untouched(
        seeded_engine, seeds_copy, re.escape(f"inventory[{entry['key']}].quantity"), "greater than"
    )


def test_an_edited_file_changes_exactly_what_it_says(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _first_data_file(seeds_copy)
    document = yaml.safe_load(path.read_text())
    entry = document["inventory"][0]
    entry["note"] = "Reviewed again."
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    before = dump(seeded_engine)

    report = load_seeds(seeded_engine, seeds_copy, progress=quiet)

    changed = {c.table: (c.inserted, c.updated, c.deleted) for c in report.tables if c.changed}
    assert changed == {"inventory_entry": (0, 1, 0)}
    after = dump(seeded_engine)
    differing = {name for name in before if before[name] != after[name]}
    # The fact, the release (its row and the fact's new version), and the read model derived
    # from the facts; nothing else.
    assert differing == {
        "inventory_entry",
        "dataset_release",
        "inventory_entry_document",
        "release",
        "fact_version",
    }


def test_removed_entries_are_deleted_only_when_pruning(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _first_data_file(seeds_copy)
    document = yaml.safe_load(path.read_text())
    removed = document["inventory"].pop(0)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    before = dump(seeded_engine)

    with pytest.raises(StaleRows, match=removed["key"]):
        load_seeds(seeded_engine, seeds_copy, progress=quiet)
    assert dump(seeded_engine) == before

    report = load_seeds(seeded_engine, seeds_copy, prune=True, progress=quiet)
    deleted = {c.table: c.deleted for c in report.tables if c.deleted}
    assert deleted == {"inventory_entry": 1, "citation": len(removed["citations"])}
    with seeded_engine.connect() as connection:
        keys = connection.execute(text("SELECT key FROM inventory_entry")).scalars().all()
    assert removed["key"] not in keys


def test_seed_command_reports_a_bad_file_on_one_line_per_problem_and_exits_non_zero(
    empty_engine: Engine, seeds_copy: Path
) -> None:
    path = _first_data_file(seeds_copy)
    path.write_text(path.read_text().replace("kind: holding", "kind: hoarding", 1))
    result = subprocess.run(
        [sys.executable, "-m", "app", "seed", "--seeds-dir", str(seeds_copy)],
        env={
            "DATABASE_URL": str(empty_engine.url.render_as_string(hide_password=False)),
            "PATH": "",
        },
        capture_output=True,
        text=True,
        cwd=PROJECT_ROOT,
        check=False,
    )
    assert result.returncode == 1
    assert f"data/{path.name}: inventory[" in result.stderr
    assert "Traceback" not in result.stderr
    assert count(empty_engine, "source") == 0


def _edit_entry(seeds: Path, section: str, key: str, **changes: Any) -> Path:
    """Change one entry of the first data file; return the file."""
    path = _first_data_file(seeds)
    document = yaml.safe_load(path.read_text())
    entry = next(entry for entry in document[section] if entry["key"] == key)
    entry.update(changes)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    return path


def test_a_quantity_its_quotes_do_not_state_is_refused_naming_what_they_state(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _edit_entry(seeds_copy, "inventory", "kz-gfp-2021-tanks", quantity=301)
    _assert_fails_untouched(
        seeded_engine,
        seeds_copy,
        "^"
        + re.escape(
            f"the seeds cannot be loaded: data/{path.name}: inventory[kz-gfp-2021-tanks].quantity: "
            "quantity 301 is not stated by any of its quotes (they state: 300)"
        )
        + "$",
    )


@pytest.mark.parametrize(
    ("section", "key", "field", "value", "stated"),
    [
        ("transfers", "ru-kz-mig-29", "quantity", 12, "29"),
        ("indicators", "kz-population-2021", "value", 19_000_001, "19000000"),
        ("indicators", "kz-gfp-2021-regional-rank", "value", 3, "2, 2021"),
    ],
)
def test_every_numeric_fact_is_checked_against_its_quotes(
    seeded_engine: Engine,
    seeds_copy: Path,
    section: str,
    key: str,
    field: str,
    value: int,
    stated: str,
) -> None:
    path = _edit_entry(seeds_copy, section, key, **{field: value})
    _assert_fails_untouched(
        seeded_engine,
        seeds_copy,
        re.escape(
            f"data/{path.name}: {section}[{key}].{field}: {field} {value} is not stated by any "
            f"of its quotes (they state: {stated})"
        ),
    )


def test_a_quantity_its_quote_writes_in_words_is_accepted(
    empty_engine: Engine, seeds_copy: Path
) -> None:
    article = seeds_copy / "articles" / "000_e261da40276b49d9.txt"
    article.write_text(article.read_text().replace("407 rocket", "four hundred and seven rocket"))
    citation = {"quote": "four hundred and seven rocket projectors"}
    _edit_entry(seeds_copy, "inventory", "kz-gfp-2021-rocket-projectors", citations=[citation])

    load_seeds(empty_engine, seeds_copy, progress=quiet)

    with empty_engine.connect() as connection:
        quantity = connection.execute(
            text("SELECT quantity FROM inventory_entry WHERE key = 'kz-gfp-2021-rocket-projectors'")
        ).scalar_one()
    assert quantity == 407


def test_a_figure_stated_only_by_a_quote_from_another_source_is_accepted(
    empty_engine: Engine, seeds_copy: Path
) -> None:
    citation = {
        "quote": "Kazakhstan, sharing a massive 7,500-kilometer border with Russia",
        "source": "undated-kazakhstan-strengthens-defense-systems",
    }
    _edit_entry(seeds_copy, "inventory", "kz-gfp-2021-tanks", quantity=7500, citations=[citation])
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    with empty_engine.connect() as connection:
        quantity = connection.execute(
            text("SELECT quantity FROM inventory_entry WHERE key = 'kz-gfp-2021-tanks'")
        ).scalar_one()
    assert quantity == 7500


def test_a_null_quantity_is_not_checked(empty_engine: Engine, seeds_copy: Path) -> None:
    _edit_entry(seeds_copy, "inventory", "kz-gfp-2021-tanks", quantity=None)
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    assert count(empty_engine, "inventory_entry") > 0


def test_a_figure_is_exempt_only_where_its_note_says_it_is_derived(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    # Uzbekistan is first "behind" whom Kazakhstan is second: no quote states 1.
    path = _edit_entry(seeds_copy, "indicators", "uz-gfp-2021-regional-rank", note="First.")
    _assert_fails_untouched(
        seeded_engine,
        seeds_copy,
        re.escape(
            f"data/{path.name}: indicators[uz-gfp-2021-regional-rank].value: value 1 is not "
            "stated by any of its quotes (they state: 2, 2021)"
        ),
    )


def _edit_first_file(seeds: Path, section: str, name: str, value: str, **changes: Any) -> Path:
    """Change the entry of `section` whose `name` is `value`, in the first data file."""
    path = _first_data_file(seeds)
    document = yaml.safe_load(path.read_text())
    entry = next(entry for entry in document[section] if entry[name] == value)
    entry.update(changes)
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    return path


def test_a_hedge_its_quotes_do_not_hold_is_refused(seeded_engine: Engine, seeds_copy: Path) -> None:
    path = _edit_entry(
        seeds_copy, "inventory", "kz-gfp-2021-tanks", stance="hedged", hedge="reportedly"
    )
    _assert_fails_untouched(
        seeded_engine,
        seeds_copy,
        re.escape(
            f"data/{path.name}: inventory[kz-gfp-2021-tanks].hedge: "
            "no quote of the fact says 'reportedly'"
        ),
    )


def test_a_hedged_fact_without_its_hedging_words_is_refused(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    _edit_entry(seeds_copy, "inventory", "kz-gfp-2021-tanks", stance="hedged")
    _assert_fails_untouched(
        seeded_engine, seeds_copy, re.escape("a hedged fact gives its hedging words in `hedge`")
    )


def test_a_subdivision_of_another_country_is_refused(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _edit_first_file(seeds_copy, "places", "slug", "koy-tash", subdivision="KZ-31")
    _assert_fails_untouched(
        seeded_engine,
        seeds_copy,
        re.escape(f"data/{path.name}: places[koy-tash].subdivision: KZ-31 is in KZ, not KG"),
    )


def test_an_attribution_to_nobody_the_seeds_know_is_refused(
    seeded_engine: Engine, seeds_copy: Path
) -> None:
    path = _first_data_file(seeds_copy)
    document = yaml.safe_load(path.read_text())
    document["inventory"][0]["citations"][0]["attributed_to_ref"] = {
        "kind": "person",
        "id": "nobody-at-all",
    }
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False))
    _assert_fails_untouched(
        seeded_engine,
        seeds_copy,
        r"citations\[0\]\.attributed_to_ref: unknown person 'nobody-at-all'",
    )


def _heap_fetches(plan: dict[str, Any]) -> int:
    """The table pages an index-only scan (anywhere in the plan) visited."""
    own = plan.get("Heap Fetches", 0) if plan["Node Type"] == "Index Only Scan" else 0
    return own + sum(_heap_fetches(child) for child in plan.get("Plans", []))


def test_on_postgresql_a_load_leaves_its_rows_readable_from_indexes_alone(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    require_postgres()  # VACUUM and index-only scans are PostgreSQL's
    databases = Databases("postgresql", tmp_path_factory)
    url = databases.new_url()
    upgrade(url)
    engine = make_engine(url)
    progress: list[str] = []
    try:
        load_seeds(engine, SEEDS_DIR, progress=progress.append)
        plan = _change_feed_plan(engine)
    finally:
        engine.dispose()
        databases.drop_all()
    assert progress[-1] == "tables vacuumed"
    assert "Index Only Scan" in str(plan)
    # Without the VACUUM, every row's visibility would be checked in its table page.
    assert _heap_fetches(plan[0]["Plan"]) == 0


def _change_feed_plan(engine: Engine) -> Any:
    with engine.connect() as connection:
        # The change feed's scan of a release's versions, as the index alone answers it.
        connection.execute(text("SET enable_seqscan = off"))
        connection.execute(text("SET enable_bitmapscan = off"))
        return connection.execute(
            text(
                "EXPLAIN (ANALYZE, FORMAT JSON) SELECT kind, key FROM fact_version "
                "WHERE since_release_id = (SELECT max(id) FROM release)"
            )
        ).scalar_one()


def test_on_postgresql_a_vacuum_kept_waiting_by_a_lock_fails_nothing_the_load_wrote(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    require_postgres()
    monkeypatch.setattr("app.seeding.loader.VACUUM_LOCK_TIMEOUT", "200ms")
    databases = Databases("postgresql", tmp_path_factory)
    url = databases.new_url()
    upgrade(url)
    engine, other = make_engine(url), make_engine(url)
    holding = other.connect()

    def lock_before_the_vacuum(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.startswith("VACUUM"):  # another session's lock, taken after the commit
            holding.execute(text("LOCK TABLE release IN SHARE UPDATE EXCLUSIVE MODE"))

    event.listen(engine, "before_cursor_execute", lock_before_the_vacuum)
    progress: list[str] = []
    try:
        started = time.monotonic()
        load_seeds(engine, SEEDS_DIR, progress=progress.append)
        elapsed = time.monotonic() - started
        holding.rollback()
        with engine.connect() as connection:
            releases = connection.execute(text("SELECT count(*) FROM release")).scalar_one()
    finally:
        holding.close()
        engine.dispose()
        other.dispose()
        databases.drop_all()
    assert progress[-1].startswith("loaded; VACUUM failed, autovacuum will get to the tables:")
    assert "lock timeout" in progress[-1]
    assert releases == 1
    assert elapsed < 60
