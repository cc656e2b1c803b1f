"""Configuration: environment and ``sources.toml`` enter here, once.

Everything else (spiders through ``from_crawler``, flows, the CLI, dbt through ``env_var()``)
reads the values this module resolves.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCES_FILE = REPO_ROOT / "sources.toml"
WAREHOUSE_PROJECT = REPO_ROOT / "warehouse"


class ConfigError(ValueError):
    """A configuration value is missing or malformed."""


@dataclass(frozen=True)
class Source:
    """One entry of ``sources.toml``: a spider and the arguments it is run with."""

    name: str
    spider: str
    schedule: str
    args: dict[str, Any] = field(default_factory=dict)
    enabled: bool = True


@dataclass(frozen=True)
class Settings:
    """Resolved paths and switches for one process."""

    home: Path
    replay: Path | None

    @property
    def landing_dir(self) -> Path:
        return self.home / "landing"

    @property
    def warehouse_path(self) -> Path:
        return self.home / "warehouse.duckdb"

    @property
    def reports_dir(self) -> Path:
        return self.home / "reports"


def get_settings(home: str | Path | None = None, replay: str | Path | None = None) -> Settings:
    """Resolve settings from arguments, then ``JOBTRENDS_HOME`` / ``JOBTRENDS_REPLAY``."""
    home_path = Path(home or os.environ.get("JOBTRENDS_HOME") or "data").expanduser().resolve()
    replay_value = replay or os.environ.get("JOBTRENDS_REPLAY") or None
    replay_path = Path(replay_value).expanduser().resolve() if replay_value else None
    return Settings(home=home_path, replay=replay_path)


def load_sources(path: Path = SOURCES_FILE) -> dict[str, Source]:
    """Read ``sources.toml`` into Source entries keyed by name, in file order."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"no sources file at {path}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    sources: dict[str, Source] = {}
    for name, table in data.items():
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [{name}] must be a table")
        table = dict(table)
        spider = table.pop("spider", name)
        schedule = table.pop("schedule", "daily")
        enabled = bool(table.pop("enabled", True))
        sources[name] = Source(
            name=name, spider=spider, schedule=schedule, args=table, enabled=enabled
        )
    return sources


def dataset_specs(path: Path = SOURCES_FILE) -> dict[str, dict[str, Any]]:
    """Return the ``[datasets.files.*]`` tables of sources.toml: url, format, credit, table."""
    source = load_sources(path).get("datasets")
    return dict(source.args.get("files", {})) if source else {}
