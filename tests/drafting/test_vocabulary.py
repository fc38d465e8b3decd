"""The vocabularies the drafts map onto: the contract's categories and indicator names are
in the reference data, and every category has the words texts use for it."""

import yaml

from app.drafting.lexicon import category_words, find_categories, find_countries
from tests.conftest import SEEDS_DIR

CONTRACT_CATEGORIES = {
    "tanks",
    "armoured-fighting-vehicles",
    "self-propelled-artillery",
    "towed-artillery",
    "rocket-projectors",
    "military-aircraft",
    "fighter-aircraft",
    "attack-aircraft",
    "transport-aircraft",
    "trainer-aircraft",
    "special-mission-aircraft",
    "tanker-aircraft",
    "helicopters",
    "combat-helicopters",
    "naval-vessels",
    "submarines",
    "patrol-vessels",
    "drones",
}
CONTRACT_INDICATORS = {
    "population",
    "gfp_world_rank",
    "gfp_regional_rank",
    "gfp_power_index",
    "active_personnel",
    "reserve_personnel",
    "available_manpower",
    "fit_for_service",
    "defence_budget_usd",
}


def _slugs() -> set[str]:
    document = yaml.safe_load((SEEDS_DIR / "reference/categories.yaml").read_text())
    return {category["slug"] for category in document["categories"]}


def test_the_category_vocabulary_covers_the_contract() -> None:
    assert _slugs() >= CONTRACT_CATEGORIES


def test_category_words_map_onto_known_slugs_and_cover_every_counted_category() -> None:
    words = category_words()
    assert set(words) <= _slugs()
    assert set(words) >= CONTRACT_CATEGORIES
    assert all(words.values())


def test_the_indicator_vocabulary_covers_the_contract() -> None:
    document = yaml.safe_load((SEEDS_DIR / "reference/indicators.yaml").read_text())
    names = {indicator["name"] for indicator in document["indicators"]}
    assert names >= CONTRACT_INDICATORS


def test_the_words_texts_use_map_onto_slugs() -> None:
    text = (
        "rocket launchers, MLRS, armored vehicles, armoured vehicles, SP guns, attack "
        "helicopters, warplanes, main battle tanks, UAVs, patrol boats, submarines"
    )
    assert [m.key for m in find_categories(text)] == [
        "rocket-projectors",
        "rocket-projectors",
        "armoured-fighting-vehicles",
        "armoured-fighting-vehicles",
        "self-propelled-artillery",
        "combat-helicopters",
        "military-aircraft",
        "tanks",
        "drones",
        "patrol-vessels",
        "submarines",
    ]


def test_countries_are_found_by_name_code_form_and_adjective() -> None:
    text = "Kazakh and Uzbek officers, Russia, the U.S., South Korea, Türkiye and Russian-made guns"
    found = [(m.key, m.is_adjective, m.is_origin) for m in find_countries(text)]
    assert found == [
        ("KZ", True, False),
        ("UZ", True, False),
        ("RU", False, False),
        ("US", False, False),
        ("KR", False, False),
        ("TR", False, False),
        ("RU", True, True),
    ]
