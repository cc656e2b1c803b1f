"""Schedules: one deployment per schedule of sources.toml, each with its cron and sources."""

from __future__ import annotations

from flows.deployments import CRON, deployments
from pipeline.config import load_sources


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
