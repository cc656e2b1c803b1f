"""Schedules: one deployment per schedule of sources.toml, each with its cron and sources."""

from __future__ import annotations

import yaml

from flows.deployments import CRON, deployments, prefect_yaml
from pipeline.config import load_sources
from pipeline.paths import PREFECT_YAML


def test_every_enabled_source_is_scheduled_once_with_its_cron():
    scheduled = {}
    for deployment in deployments():
        (schedule,) = deployment.schedules
        for name in deployment.parameters["sources"]:
            assert name not in scheduled
            scheduled[name] = schedule.schedule.cron
    sources = {s.name: s for s in load_sources().values() if s.enabled}
    assert scheduled == {name: CRON[s.schedule] for name, s in sources.items()}
    assert scheduled["hackernews"] == "0 6 3 * *"  # monthly, after the thread fills up


def test_prefect_yaml_is_written_from_the_same_schedules():
    assert PREFECT_YAML.read_text(encoding="utf-8") == prefect_yaml(), (
        "prefect.yaml is out of date: run `python -m flows.deployments`"
    )
    names = [d["name"] for d in yaml.safe_load(prefect_yaml())["deployments"]]
    assert names == ["monthly-sources", "daily-sources", "weekly-sources"]
