"""Sources, categories and organizations; every served citation is found in its source text."""

import hashlib

from fastapi.testclient import TestClient

from app.seeding.quotes import fold_whitespace
from app.sources.schemas import SourceDetail
from tests.conftest import SEEDS_DIR
from tests.problems import assert_problem


def test_sources_list_and_text(client: TestClient) -> None:
    page = client.get("/sources").json()
    assert page["total"] == 5
    assert all("text" not in source for source in page["items"])
    undated = [s for s in page["items"] if s["published_on"] is None]
    assert len(undated) == 1
    for item in page["items"]:
        detail = SourceDetail.model_validate(client.get(f"/sources/{item['id']}").json())
        raw = (SEEDS_DIR / "articles" / detail.file).read_bytes()
        assert detail.text.encode() == raw
        assert detail.sha256 == hashlib.sha256(raw).hexdigest()
    assert_problem(client.get("/sources/not-a-source"), 404)


def test_every_citation_served_is_found_at_its_offsets(client: TestClient) -> None:
    texts = {
        s["id"]: client.get(f"/sources/{s['id']}").json()["text"]
        for s in client.get("/sources").json()["items"]
    }
    export = client.get("/export").json()
    citations = [
        citation
        for table in (
            "inventory",
            "transfers",
            "agreements",
            "indicators",
            "equipment",
            "organizations",
        )
        for fact in export[table]
        for citation in fact["citations"]
    ]
    assert len(citations) > 100
    for citation in citations:
        quoted = texts[citation["source_id"]][citation["start_offset"] : citation["end_offset"]]
        assert fold_whitespace(quoted) == fold_whitespace(citation["quote"])


def test_categories_and_organizations(client: TestClient) -> None:
    categories = client.get("/categories").json()["items"]
    tanks = next(c for c in categories if c["slug"] == "tanks")
    assert tanks["un_register_category"] == "I. Battle tanks"
    organizations = client.get("/organizations", params={"limit": 500}).json()
    assert {"nato", "csto", "kazakhstan-paramount-engineering"} <= {
        o["slug"] for o in organizations["items"]
    }
    kpe = client.get("/organizations/kazakhstan-paramount-engineering").json()
    assert kpe["country"] == "KZ"
    assert kpe["citations"]
    assert_problem(client.get("/organizations/acme"), 404)
