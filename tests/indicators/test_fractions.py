"""An article drafted, reviewed and loaded end to end, with an index that is a fraction: the
PowerIndex is served as 0.8642, a population still as a whole number, on both engines."""

import shutil
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import Engine
from typer.testing import CliRunner

from app.cli import cli
from app.core.config import Settings
from app.main import create_app
from app.seeding.loader import load_seeds
from tests.conftest import quiet

ARTICLE = Path(__file__).resolve().parents[1] / "drafting" / "articles" / "belarus.txt"


def test_a_reviewed_draft_loads_and_its_fractions_stay_fractions(
    empty_engine: Engine, seeds_copy: Path
) -> None:
    article = seeds_copy / "articles" / "005_belarus.txt"
    shutil.copyfile(ARTICLE, article)
    data = seeds_copy / "data" / "005_belarus.yaml"
    drafted = CliRunner().invoke(
        cli, ["draft", str(article), "--published-on", "2024-05-15", "--out", str(data)]
    )
    assert drafted.exit_code == 0, drafted.output
    data.write_text(data.read_text("utf-8").replace("review: pending", "review: accepted"))
    load_seeds(empty_engine, seeds_copy, progress=quiet)
    url = empty_engine.url.render_as_string(hide_password=False)
    with TestClient(create_app(Settings(database_url=url))) as client:
        served = client.get("/indicators", params={"country": "BY"}).json()["items"]
    values = {indicator["name"]: indicator["value"] for indicator in served}
    assert values["gfp_power_index"] == 0.8642
    assert isinstance(values["population"], int)
    assert all(indicator["citations"] for indicator in served)
