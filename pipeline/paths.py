"""Where the project's own files are: the one place that knows the checkout's layout."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES_FILE = REPO_ROOT / "sources.toml"
PREFECT_YAML = REPO_ROOT / "prefect.yaml"
WAREHOUSE_PROJECT = REPO_ROOT / "warehouse"
SEEDS_DIR = WAREHOUSE_PROJECT / "seeds"
DOMAIN_DIR = REPO_ROOT / "pipeline" / "domain"
DOMAIN_DATA = DOMAIN_DIR / "data"
LABELS_DIR = REPO_ROOT / "tests" / "pipeline" / "labels"
