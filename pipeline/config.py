"""Configuration: the environment and ``sources.toml`` enter here, once.

``get_settings`` resolves the environment (``JOBTRENDS_HOME``, ``JOBTRENDS_REPLAY``,
``JOBTRENDS_SOURCES``, ``JOBTRENDS_LOG_LEVEL``, ``JOBTRENDS_FULL``) into one ``Settings``; the
CLI resolves it once and passes it down (to the flow, the loader, dbt), and
``Settings.subprocess_env`` hands the same values to the processes it starts (``scrapy crawl``,
``dbt``), whose own settings read them back through ``get_settings``. Nothing else reads these
variables.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pipeline.paths import REPO_ROOT, SOURCES_FILE

# A run's id is its UTC start time: sortable, and safe in file names.
RUN_ID_FORMAT = "%Y%m%dT%H%M%SZ"
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


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
    # Boards the replay corpus does not hold: crawled in live mode only, unless named.
    live_only: bool = False


@dataclass(frozen=True)
class Settings:
    """Resolved paths and switches of one run; every step reads them from here."""

    home: Path
    replay: Path | None = None
    sources_file: Path = SOURCES_FILE
    log_level: str = "INFO"
    # Crawl and build everything again, as if nothing were held (``--full``): every Hacker News
    # thread, every recording replayed again, every model rebuilt.
    full: bool = False

    @property
    def landing_dir(self) -> Path:
        return self.home / "landing"

    @property
    def warehouse_path(self) -> Path:
        """The published, read-only snapshot every reader opens (``pipeline.ingest.publish``)."""
        return self.home / "warehouse.duckdb"

    @property
    def working_warehouse_path(self) -> Path:
        """The working copy ``load`` and ``build`` write, under the writer lock."""
        return self.home / "writer" / "warehouse.duckdb"

    @property
    def reports_dir(self) -> Path:
        return self.home / "reports"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    def sources(self) -> dict[str, Source]:
        """Return the sources of this run's ``sources.toml``."""
        return load_sources(self.sources_file)

    def default_sources(self) -> tuple[list[str], list[str]]:
        """Return the sources a run crawls when none is named, and the live-only ones skipped.

        Every enabled source, except, in replay mode, those marked ``live_only`` (the corpus
        does not hold them; naming one with ``-s`` still crawls it).
        """
        enabled = [s for s in self.sources().values() if s.enabled]
        skipped = [s.name for s in enabled if s.live_only and self.replay is not None]
        return [s.name for s in enabled if s.name not in skipped], skipped

    def subprocess_env(self, **extra: str) -> dict[str, str]:
        """Return the environment of a process this run starts: these settings, importable code."""
        env = {
            **os.environ,
            "JOBTRENDS_HOME": str(self.home),
            "JOBTRENDS_SOURCES": str(self.sources_file),
            "JOBTRENDS_LOG_LEVEL": self.log_level,
            "PYTHONPATH": os.pathsep.join(
                filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])
            ),
            **extra,
        }
        if self.full:
            env["JOBTRENDS_FULL"] = "1"
        else:
            env.pop("JOBTRENDS_FULL", None)
        if self.replay is not None:
            env["JOBTRENDS_REPLAY"] = str(self.replay)
        else:
            env.pop("JOBTRENDS_REPLAY", None)
        return env


def _path(value: str | Path | None) -> Path | None:
    return Path(value).expanduser().resolve() if value else None


def get_settings(
    home: str | Path | None = None,
    replay: str | Path | None = None,
    sources_file: str | Path | None = None,
    full: bool | None = None,
) -> Settings:
    """Resolve settings from arguments, then the ``JOBTRENDS_*`` environment, then defaults."""
    env = os.environ
    level = (env.get("JOBTRENDS_LOG_LEVEL") or "INFO").upper()
    if level not in LOG_LEVELS:
        known = ", ".join(LOG_LEVELS)
        raise ConfigError(f"JOBTRENDS_LOG_LEVEL must be one of {known}, not {level}")
    return Settings(
        home=_path(home or env.get("JOBTRENDS_HOME") or "data"),
        replay=_path(replay or env.get("JOBTRENDS_REPLAY")),
        sources_file=_path(sources_file or env.get("JOBTRENDS_SOURCES")) or SOURCES_FILE,
        log_level=level,
        full=bool(full) if full is not None else env.get("JOBTRENDS_FULL", "") in ("1", "true"),
    )


LOOPBACK = ("127.0.0.1", "localhost", "::1")


def loopback_bypasses_proxy(env: dict[str, str] | None = None) -> None:
    """Add the loopback hosts to ``NO_PROXY``/``no_proxy``, keeping what they list.

    Behind a proxy (``HTTPS_PROXY`` and kin), the crawls go through it, but the calls Prefect's
    client makes to its local server, and any other loopback service, must not.
    """
    env = os.environ if env is None else env
    listed = [h.strip() for h in (env.get("NO_PROXY") or env.get("no_proxy") or "").split(",")]
    hosts = [h for h in listed if h] + [h for h in LOOPBACK if h not in listed]
    env["NO_PROXY"] = env["no_proxy"] = ",".join(hosts)


def corpus_path() -> Path:
    """Return where the replay corpus is expected: ``JOBTRENDS_CORPUS`` or ``../shared/corpus``."""
    return _path(os.environ.get("JOBTRENDS_CORPUS")) or (REPO_ROOT.parent / "shared" / "corpus")


def new_run_id(now: datetime | None = None) -> str:
    """Return the id of a run started now."""
    return (now or datetime.now(UTC)).strftime(RUN_ID_FORMAT)


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
        live_only = bool(table.pop("live_only", False))
        sources[name] = Source(
            name=name,
            spider=spider,
            schedule=schedule,
            args=table,
            enabled=enabled,
            live_only=live_only,
        )
    return sources


def dataset_specs(path: Path = SOURCES_FILE) -> dict[str, dict[str, Any]]:
    """Return the ``[datasets.files.*]`` tables of sources.toml: url, format, credit, table."""
    source = load_sources(path).get("datasets")
    return dict(source.args.get("files", {})) if source else {}
