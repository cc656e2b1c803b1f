"""Schedules of the main flow, from sources.toml: Hacker News monthly, job boards daily,
public datasets weekly.

``jobtrends serve`` serves these deployments from this process (Ctrl-C stops). Teams with a
Prefect server and work pools use ``prefect deploy --all`` with prefect.yaml, which is written
from the same schedules (``python -m flows.deployments`` rewrites it; a test checks it agrees).
"""

from __future__ import annotations

import yaml
from prefect import serve

from flows.run import run_pipeline
from pipeline.config import load_sources
from pipeline.paths import PREFECT_YAML

# Cron by schedule name of sources.toml. "Who is hiring?" threads open on the first weekday
# of the month, so the monthly crawl runs on the 3rd, when most posts are in.
CRON = {"monthly": "0 6 3 * *", "weekly": "0 5 * * 1", "daily": "0 4 * * *"}
WORK_POOL = "jobtrends"
ENTRYPOINT = "flows/run.py:run_pipeline"


def schedules() -> dict[str, list[str]]:
    """Return the enabled sources of each schedule, in sources.toml's order."""
    by_schedule: dict[str, list[str]] = {}
    for source in load_sources().values():
        if source.enabled:
            by_schedule.setdefault(source.schedule, []).append(source.name)
    return by_schedule


def deployments():
    """Return one deployment per schedule, each crawling the sources on that schedule."""
    return [
        run_pipeline.to_deployment(
            name=f"{schedule}-sources",
            cron=CRON[schedule],
            parameters={"sources": names},
            tags=["jobtrends", schedule],
        )
        for schedule, names in schedules().items()
    ]


def prefect_yaml() -> str:
    """Return prefect.yaml: the same deployments, for ``prefect deploy --all`` on a work pool."""
    import prefect

    doc = {
        "name": "jobtrends",
        "prefect-version": prefect.__version__,
        "pull": [
            {
                "prefect.deployments.steps.set_working_directory": {
                    "directory": "{{ $JOBTRENDS_CHECKOUT }}"
                }
            }
        ],
        "deployments": [
            {
                "name": f"{schedule}-sources",
                "description": f"{', '.join(names)}: {schedule}, cron {CRON[schedule]}.",
                "entrypoint": ENTRYPOINT,
                "parameters": {"sources": names},
                "schedules": [{"cron": CRON[schedule]}],
                "tags": ["jobtrends", schedule],
                "work_pool": {"name": WORK_POOL},
            }
            for schedule, names in schedules().items()
        ],
    }
    header = (
        "# Deployments of jobtrends for a Prefect server and work pools (`prefect deploy --all`).\n"
        "# Written by `python -m flows.deployments` from sources.toml's schedules; do not edit.\n"
        "# `jobtrends serve` serves the same schedules from one process, with no server to run.\n"
        "#\n"
        "# A team: one server (`prefect server start --host 0.0.0.0`), the pool once\n"
        "# (`prefect work-pool create jobtrends --type process`), `prefect deploy --all` here;\n"
        "# then on each machine with a checkout, `prefect worker start --pool jobtrends` with\n"
        "# PREFECT_API_URL=http://<server>:4200/api, JOBTRENDS_CHECKOUT=<the checkout> and\n"
        "# JOBTRENDS_HOME=<its data folder> (README; tests/flows/test_server_and_worker.py).\n"
    )
    return header + yaml.safe_dump(doc, sort_keys=False, width=100)


def serve_all() -> None:
    """Serve every deployment until interrupted."""
    serve(*deployments())


if __name__ == "__main__":
    PREFECT_YAML.write_text(prefect_yaml(), encoding="utf-8")
    print(f"wrote {PREFECT_YAML}")
