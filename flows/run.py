"""The main flow: crawl every source, load the landing files, build the warehouse, report."""

from __future__ import annotations

from dataclasses import asdict

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.states import Completed, Failed

from pipeline import report as reporting
from pipeline.config import Settings, Source, get_settings, new_run_id
from pipeline.ingest import build as dbt_build
from pipeline.ingest import crawl as crawling
from pipeline.ingest import load as loading
from pipeline.ingest.publish import writer_lock
from pipeline.ingest.summary import RunSummary


@task(retries=1, retry_delay_seconds=30, task_run_name="crawl-{source.name}")
def crawl_source(source: Source, settings: Settings, run_id: str) -> crawling.CrawlResult:
    """Crawl one source; a failed crawl is retried once (not when stopped), then reported."""
    logger = get_run_logger()
    result = crawling.crawl(source, settings, run_id, on_progress=logger.info)
    if result.status == "failed" and not crawling.stopping():
        raise RuntimeError(f"{source.name} failed: {result.reason}")
    return result


@task
def load_landing(settings: Settings) -> list[loading.FileLoad]:
    """Load every landing file not loaded yet into the raw schema (published after the build)."""
    return loading.load_landing(settings, publish=False)


@task(retries=1, retry_delay_seconds=5)
def build_warehouse(settings: Settings) -> dbt_build.BuildResult:
    """Run dbt build (seeds, models, tests) on the working copy and publish it."""
    result = dbt_build.build(settings, force=settings.full)
    if not result.ok:
        raise dbt_build.BuildError("; ".join(result.failures) or "dbt build failed")
    return result


@task
def write_report(settings: Settings, warehouse_changed: bool = True) -> str:
    """Write the HTML report and publish its summary as an artifact.

    When the warehouse did not change and the latest report was drawn from it, that report
    stands, and is not drawn again.
    """
    current = reporting.current_report(settings.warehouse_path, settings.reports_dir)
    if current is not None and not warehouse_changed:
        get_run_logger().info("report up to date: %s", current)
        return str(current)
    path = reporting.write_report(settings.warehouse_path, settings.reports_dir)
    create_markdown_artifact(
        key="report",
        markdown=reporting.report_markdown(settings.warehouse_path),
        description=f"jobtrends report ({path.name})",
    )
    return str(path)


@flow(name="jobtrends-run", log_prints=True)
def run_pipeline(
    sources: list[str] | None = None,
    settings: Settings | None = None,
    run_id: str | None = None,
    crawl_retry_delay: float = 30.0,
):
    """Crawl the sources of sources.toml, load them into DuckDB, build the models, report.

    One failing source does not stop the others: the run ends `partial` (some sources failed
    or gave URLs up) or `failed` (no source landed anything), and says which and why.
    ``settings`` come resolved from the CLI; a scheduled run resolves them from its environment.
    """
    logger = get_run_logger()
    settings = settings or get_settings()
    configured = settings.sources()
    chosen = [configured[name] for name in (sources or settings.default_sources()[0])]
    run_id = run_id or new_run_id()
    summary = RunSummary(run_id=run_id, mode="replay" if settings.replay else "live")

    with (
        crawling.crawls_stop_on_signal(),
        writer_lock(settings, f"jobtrends run {run_id}", on_wait=logger.warning),
    ):
        crawl_task = crawl_source.with_options(retry_delay_seconds=crawl_retry_delay)
        futures = {s.name: crawl_task.submit(s, settings, run_id) for s in chosen}
        for name, future in futures.items():
            future.wait()
            state = future.state
            if state.is_completed():
                summary.crawls.append(future.result())
            else:
                reason = str(state.message or "crashed")
                summary.crawls.append(crawling.CrawlResult(name, run_id, "failed", reason=reason))

        summary.loads = load_landing(settings)
        try:
            summary.build = build_warehouse(settings)
            summary.add_counts(settings.warehouse_path)
        except Exception as exc:  # the summary must still be published
            summary.build_error = str(exc)
            logger.error("build failed: %s; readers keep the previous snapshot", exc)
    if summary.build is not None and summary.build_error is None:
        try:
            summary.report_path = write_report(settings, not summary.build.up_to_date)
        except Exception as exc:  # a report failure must not hide the run's results
            logger.error("report failed: %s", exc)

    create_markdown_artifact(
        key="run-summary", markdown=summary.markdown(), description="jobtrends run"
    )
    create_table_artifact(
        key="crawls", table=[asdict(c) | {"gave_up": len(c.gave_up)} for c in summary.crawls]
    )
    logger.info("%s", summary.headline())
    if summary.status == "failed":
        return Failed(message=summary.headline(), data=summary)
    return Completed(message=summary.headline(), data=summary)
