"""The dbt docs are the column reference: `jobtrends docs` builds them, every column described."""

from __future__ import annotations

import json

import pytest

from pipeline.config import Settings
from pipeline.ingest.build import generate_docs
from tests.landing import build_small_warehouse


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    home = tmp_path_factory.mktemp("docs")
    build_small_warehouse(home)
    return generate_docs(Settings(home=home))


def undescribed(site, folder: str) -> list[str]:
    """Columns the database has, of the models under ``folder``, that the docs leave blank."""
    manifest = json.loads((site.parent / "manifest.json").read_text(encoding="utf-8"))
    catalog = json.loads((site.parent / "catalog.json").read_text(encoding="utf-8"))
    missing = []
    models = [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["original_file_path"].startswith(folder)
    ]
    assert models, folder
    for node in models:
        columns = catalog["nodes"][node["unique_id"]]["columns"]
        documented = {
            name.lower(): c.get("description", "").strip() for name, c in node["columns"].items()
        }
        if not node["description"].strip():
            missing.append(f"{node['name']} (the model)")
        missing += [f"{node['name']}.{c}" for c in columns if not documented.get(c.lower())]
    return missing


def test_the_site_is_one_file_a_browser_opens(site):
    page = site.read_text(encoding="utf-8")
    assert site.name == "static_index.html"
    assert "<html" in page[:2000].lower() and len(page) > 100_000


def test_every_mart_column_has_a_description(site):
    assert undescribed(site, "models/marts/") == []


def test_every_staging_column_has_a_description(site):
    assert undescribed(site, "models/staging/") == []
