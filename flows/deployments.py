"""Schedules of the main flow: Hacker News monthly, job boards daily.

``jobtrends serve`` serves these deployments from this process (Ctrl-C stops); teams with a
Prefect server and work pools use ``prefect deploy`` with prefect.yaml, which declares the same.
"""

from __future__ import annotations

from prefect import serve

from flows.run import run_pipeline
from pipeline.config import load_sources

# Cron by schedule name of sources.toml. "Who is hiring?" threads open on the first weekday
# of the month, so the monthly crawl runs on the 3rd, when most posts are in.
CRON = {"monthly": "0 6 3 * *", "weekly": "0 5 * * 1", "daily": "0 4 * * *"}


def deployments():
    """Return one deployment per schedule, each crawling the sources on that schedule."""
    by_schedule: dict[str, list[str]] = {}
    for source in load_sources().values():
        if source.enabled:
            by_schedule.setdefault(source.schedule, []).append(source.name)
    return [
        run_pipeline.to_deployment(
            name=f"{schedule}-sources",
            cron=CRON[schedule],
            parameters={"sources": names},
            tags=["jobtrends", schedule],
        )
        for schedule, names in by_schedule.items()
    ]


def serve_all() -> None:
    """Serve every deployment until interrupted."""
    serve(*deployments())
