"""The ``jobtrends`` command: run the pipeline, or one step of it, and query the warehouse."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.measure import Measurement
from rich.table import Table

from pipeline.config import ConfigError, Settings, get_settings, loopback_bypasses_proxy
from pipeline.console import make_console

# Behind a proxy, Prefect's calls to its local server must not go through it.
loopback_bypasses_proxy()
# Prefect's local server needs no telemetry; set before Prefect is imported (lazily, below).
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
# Its start can take longer than Prefect's default 20 s on a busy two-core machine.
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")

# How a run or a crawl ended, as the exit code: README "Two commands".
EXIT_CODES = {"ok": 0, "partial": 3, "failed": 1}

app = typer.Typer(
    help="Scrape ML engineer job postings into a DuckDB warehouse and track skills, roles and pay.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = make_console()
err = make_console(stderr=True)

ReplayOpt = Annotated[
    Path | None,
    typer.Option(
        "--replay",
        envvar="JOBTRENDS_REPLAY",
        help="Replay a recorded corpus instead of the network.",
    ),
]
HomeOpt = Annotated[
    Path | None,
    typer.Option(
        "--home",
        envvar="JOBTRENDS_HOME",
        help="Folder of landing files, warehouse and reports [default: ./data].",
    ),
]
SourcesOpt = Annotated[
    list[str] | None,
    typer.Option("--source", "-s", help="Only this source of sources.toml (repeatable)."),
]
FullOpt = Annotated[
    bool,
    typer.Option(
        "--full",
        help="Crawl every Hacker News thread and replay every recording again, and rebuild "
        "every model, even where nothing changed.",
    ),
]


def fail(message: str, code: int = 2) -> None:
    """Print one clear line on stderr (never wrapped) and exit."""
    err.print(f"[bold red]error:[/] {message}", soft_wrap=True, highlight=False)
    raise typer.Exit(code)


def setup_logging(verbose: bool = False) -> None:
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        datefmt="%H:%M:%S",
    )
    # Prefect talks to its local server over HTTP; one log line a request is noise here.
    for noisy in ("httpx", "httpcore"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def resolve_settings(
    home: Path | None = None,
    replay: Path | None = None,
    writes: bool = False,
    full: bool | None = None,
) -> Settings:
    """Resolve the settings of this command once; a bad value is a one-line error.

    A command that ``writes`` under the home checks up front that it can.
    """
    from pipeline.ingest.preflight import PreflightError, check_home

    try:
        settings = get_settings(home=home, replay=replay, full=full or None)
        if writes:
            check_home(settings.home)
    except (ConfigError, PreflightError) as exc:
        fail(str(exc))
    return settings


def chosen_sources(settings: Settings, names: list[str] | None) -> list[str]:
    try:
        configured = settings.sources()
    except ConfigError as exc:
        fail(str(exc))
    unknown = [n for n in names or [] if n not in configured]
    if unknown:
        fail(f"unknown source(s) {', '.join(unknown)}; sources.toml has {', '.join(configured)}")
    if names:
        return names
    chosen, skipped = settings.default_sources()
    if skipped and os.environ.get(RUN_CHILD) != "1":
        console.print(f"replay: skipping live-only sources {', '.join(skipped)} (name one with -s)")
    return chosen


def wrap_figures(figures: list[str], width: int) -> list[str]:
    """Join figures with " · " into lines of at most ``width``, never splitting a figure."""
    lines: list[str] = []
    for figure in figures:
        if lines and len(lines[-1]) + 3 + len(figure) <= width:
            lines[-1] += " · " + figure
        else:
            lines.append(figure)
    return lines


def print_summary(summary) -> None:
    """Print what the run did per source: a table, or a line a source when it cannot fit."""
    rows = summary.rows()
    table = Table(title=f"run {summary.run_id} ({summary.mode})")
    columns = ("source", "status", "crawled", "new", "known", "rejects", "gave up", "stored")
    columns += ("since last crawl", "secs")
    for col in columns:
        justify = "left" if col in ("source", "status") else "right"
        table.add_column(col, justify=justify, no_wrap=True)
    colour = {"ok": "green", "partial": "yellow", "failed": "red"}

    def cells(r: dict) -> list[str]:
        counts = ("crawled", "new", "known", "rejects", "gave_up", "in_warehouse")
        return [
            r["source"],
            f"[{colour[r['status']]}]{r['status']}[/]",
            *(f"{r[k]:,}" for k in counts),
            r["since_last"],
            f"{r['seconds']:.1f}",
        ]

    for r in rows:
        table.add_row(*cells(r))
    natural = Measurement.get(console, console.options.update_width(10_000), table).maximum
    if natural <= console.width:
        console.print(table)
    else:  # too narrow for the table: a line of figures a source, wrapped between figures
        console.print(f"[bold]{table.title}[/]")
        for r in rows:
            named = zip(columns[2:-2], cells(r)[2:-2], strict=True)
            figures = [f"{k} {v}" for k, v in named] + [f"{r['seconds']:.1f} s"]
            console.print(f"[bold]{r['source']}[/] [{colour[r['status']]}]{r['status']}[/]")
            for line in wrap_figures(figures, console.width - 2):
                console.print(f"  {line}", soft_wrap=True)
            if r["since_last"]:
                console.print(f"  since last crawl: {r['since_last']}", soft_wrap=True)
    if any(r["since_last"] for r in rows):
        console.print(
            "since last crawl: +appeared ~changed -disappeared postings, on the boards "
            "crawled both times (posting_events)"
        )
    for r in rows:
        if r["why"]:
            console.print(f"[{colour[r['status']]}]{r['source']}[/]: {r['why']}")
    console.print(f"[bold {colour[summary.status]}]{summary.headline()}[/]")


def stopped_by_signal(signum: int, frame) -> None:
    err.print(
        "stopped: complete landing files are kept (a later load takes them), the warehouse "
        "stays as it was last published"
    )
    raise SystemExit(128 + signum)


# Set in the process `jobtrends run` starts to do the run (see supervise).
RUN_CHILD = "JOBTRENDS_RUN_CHILD"


def supervise() -> int:
    """Run this same command in a session of its own and return its exit code.

    Ctrl-C in a terminal signals the whole foreground process group, Prefect's temporary
    server included, which would die under the run. The run goes on in its own session
    instead; Ctrl-C or SIGTERM reach this process, which stops the run with SIGTERM (it stops
    its crawls and exits within seconds) and exits as the signal asks: 130 or 143.
    """
    child = subprocess.Popen(
        [sys.executable, "-m", "pipeline.cli", *sys.argv[1:]],
        env={**os.environ, RUN_CHILD: "1"},
        start_new_session=True,
    )
    received: list[int] = []

    def forward(signum, frame):
        received.append(signum)
        with contextlib.suppress(ProcessLookupError):
            child.send_signal(signal.SIGTERM)

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, forward)
    returncode = child.wait()
    if received:
        return 128 + received[0]
    return returncode if returncode >= 0 else 128 - returncode


@app.command()
def run(
    replay: ReplayOpt = None,
    home: HomeOpt = None,
    source: SourcesOpt = None,
    full: FullOpt = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v")] = False,
) -> None:
    """Crawl every source, load the postings, build the warehouse and print a summary.

    A run pays only for what is new: Hacker News threads held complete are not asked for
    again, a replay of unchanged recordings lands nothing, and a warehouse with no new raw rows
    is not rebuilt (``--full`` does it all again).
    """
    from pipeline.ingest.preflight import PreflightError, check

    settings = resolve_settings(home, replay, writes=True, full=full)
    names = chosen_sources(settings, source)
    try:
        mode = check(settings.replay)
    except PreflightError as exc:
        fail(str(exc))
    if os.environ.get(RUN_CHILD) != "1":
        console.print(f"jobtrends run: {', '.join(names)} -> {settings.home} ({mode})")
        raise typer.Exit(supervise())
    setup_logging(verbose)
    from flows import temporary_server

    # Prefect's temporary server starts while the flow's modules import, not after.
    server = temporary_server.start()
    from flows.run import run_pipeline

    if server is not None:
        logging.getLogger("prefect").info("temporary server on %s", server.api_url)
        try:
            server.wait(float(os.environ["PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"]))
        except temporary_server.ServerError as exc:
            fail(str(exc), code=1)
    # SIGTERM (from supervise) ends the run: the flow stops its crawls, then the exit runs the
    # process's clean-up (Prefect's temporary server stops with it).
    signal.signal(signal.SIGTERM, stopped_by_signal)
    state = run_pipeline(sources=names, settings=settings, return_state=True)
    summary = state.result(raise_on_failure=False)
    if not hasattr(summary, "rows"):
        fail(f"the run crashed: {summary}", code=1)
    print_summary(summary)
    pointer = "`jobtrends claims` prints the article's claims against the data"
    if summary.report_path:
        pointer += f"; the report is {summary.report_path}"
    console.print(pointer)
    raise typer.Exit(EXIT_CODES[summary.status])


@app.command()
def crawl(
    replay: ReplayOpt = None,
    home: HomeOpt = None,
    source: SourcesOpt = None,
    full: FullOpt = False,
) -> None:
    """Crawl sources into landing files only (no load, no build)."""
    from pipeline.config import new_run_id
    from pipeline.ingest.crawl import crawl as crawl_one
    from pipeline.ingest.preflight import PreflightError, check

    settings = resolve_settings(home, replay, writes=True, full=full)
    names = chosen_sources(settings, source)
    try:
        check(settings.replay)
    except PreflightError as exc:
        fail(str(exc))
    setup_logging()
    run_id = new_run_id()
    configured = settings.sources()
    worst = 0
    for name in names:
        result = crawl_one(configured[name], settings, run_id, on_progress=console.print)
        why = f": {result.reason}" if result.reason else ""
        console.print(f"{name}: {result.status}, {result.items:,} postings{why}")
        worst = max(worst, EXIT_CODES[result.status])
    raise typer.Exit(worst)


@app.command()
def load(home: HomeOpt = None) -> None:
    """Load landing files not loaded yet into the warehouse's raw tables."""
    from pipeline.ingest.load import load_landing
    from pipeline.ingest.publish import PublishError

    settings = resolve_settings(home, writes=True)
    if not settings.landing_dir.exists():
        fail(f"no landing files under {settings.landing_dir}: run `jobtrends crawl` first")
    setup_logging()
    try:
        results = load_landing(settings)
    except PublishError as exc:
        fail(str(exc), code=1)
    new = [r for r in results if not r.skipped]
    errors = [r for r in results if r.error]
    console.print(
        f"{len(new)} file(s) loaded, {sum(r.rows_inserted for r in new)} new row(s), "
        f"{len(results) - len(new)} already loaded, {len(errors)} error(s)"
    )
    for r in errors:
        err.print(f"[red]{r.landed_file}[/]: {r.error}")
    raise typer.Exit(1 if errors else 0)


@app.command()
def build(
    home: HomeOpt = None,
    select: Annotated[
        str | None, typer.Option(help="dbt selector, e.g. marts or postings+")
    ] = None,
    full: Annotated[
        bool, typer.Option("--full", help="Rebuild even when nothing changed since the last build.")
    ] = False,
) -> None:
    """Build the dbt models and run their tests on the warehouse.

    A warehouse whose raw tables and models are those of its last build is not built again.
    """
    from pipeline.ingest.build import BuildError
    from pipeline.ingest.build import build as dbt_build
    from pipeline.ingest.publish import PublishError

    settings = resolve_settings(home, writes=True)
    setup_logging()
    started = time.monotonic()
    try:
        result = dbt_build(settings, select=select, force=full)
    except (BuildError, PublishError) as exc:
        fail(str(exc), code=1)
    if result.up_to_date:
        console.print(
            "warehouse up to date: no new raw rows and no model change since its last build "
            "(--full rebuilds)"
        )
        raise typer.Exit(0)
    console.print(f"dbt build: {result.counts} in {time.monotonic() - started:.1f}s")
    for f in result.failures:
        err.print(f"[red]{f}[/]")
    if not result.ok:
        err.print(f"not published: readers keep the previous {settings.warehouse_path}")
    raise typer.Exit(0 if result.ok else 1)


class Format(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"
    parquet = "parquet"


# The table format shows this many rows unless told (--limit); exports are always whole.
DEFAULT_LIMIT = 100
HISTORY_FILE = Path("~/.jobtrends_sql_history").expanduser()
PROMPT, CONTINUE = "jobtrends> ", "       ...> "


@app.command()
def sql(
    query: Annotated[str | None, typer.Argument(help="SQL to run; none opens a prompt.")] = None,
    home: HomeOpt = None,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, csv, json (lines) or parquet (-o)")
    ] = Format.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the whole result to this file instead."),
    ] = None,
    limit: Annotated[
        int, typer.Option(help="Rows a table shows (0: all); csv, json and -o are whole.")
    ] = DEFAULT_LIMIT,
) -> None:
    """Query the published warehouse (read-only): `jobtrends sql "select ..."`.

    A run that writes the warehouse meanwhile does not disturb the query: it publishes a new
    snapshot when it is done.
    """
    import duckdb

    from pipeline import query as querying

    settings = resolve_settings(home)
    if fmt is Format.parquet and output is None:
        fail("--format parquet writes a file: add -o FILE.parquet")
    try:
        con = querying.connect(settings)
    except querying.QueryError as exc:
        fail(str(exc))
    with con:
        if query is not None:
            try:
                for statement in querying.statements(con, query):
                    run_statement(con, statement, fmt, output, limit)
            except (duckdb.Error, querying.QueryError) as exc:
                fail(querying.one_line(exc), code=1)
            return
        prompt(con, settings, fmt, limit)


def run_statement(con, statement: str, fmt: Format, output: Path | None, limit: int) -> None:
    """Run one statement and show its result: a table, CSV or JSON lines, or a file."""
    from pipeline import query as querying

    if output is not None:
        kind = fmt if fmt is not Format.table else querying.format_of(output)
        rows = querying.export(con, statement, output, kind)
        console.print(f"{rows:,} row(s) written to {output} ({kind})")
        return
    cursor = con.execute(statement)
    if cursor.description is None:
        return
    columns = [d[0] for d in cursor.description]
    if fmt in (Format.csv, Format.json):
        querying.write_lines(cursor, columns, fmt, sys.stdout)
        return
    rows, total = querying.fetch(cursor, limit)
    show_table(columns, rows, total)


def show_table(columns: list[str], rows: list[tuple], total: int) -> None:
    """Print rows as a table that fits the terminal (a pager when it is taller than it)."""
    from pipeline.console import fit, records

    table, fitted = fit(console, columns, rows)
    notes = [
        f"{total:,} row(s)"
        if total == len(rows)
        else f"{len(rows):,} of {total:,} rows shown (--limit)"
    ]
    if fitted.cut:
        notes.append(f"{fitted.note()} (-f csv|json or -o keep text whole)")
    if fitted.as_records:
        notes.append(f"too wide for {console.width} columns: one field a line")
    body = table if table is not None else records(columns, rows)
    height = console.height or 24
    lines = len(rows) * (len(columns) + 1 if table is None else 1) + 4
    if console.is_terminal and lines > height:
        with console.pager(styles=True):
            console.print(body)
            console.print("; ".join(notes), style="dim")
        return
    console.print(body)
    console.print("; ".join(notes), style="dim")


def _input_lines(interactive: bool, prompt_text):
    """Yield typed lines (None for Ctrl-C) until Ctrl-D, or the lines of piped input."""
    if not interactive:
        for line in sys.stdin:
            yield line.rstrip("\n")
        return
    while True:
        try:
            yield input(prompt_text())
        except EOFError:
            console.print()
            return
        except KeyboardInterrupt:
            console.print("^C")
            yield None


def prompt(con, settings: Settings, fmt: Format, limit: int) -> None:
    """The interactive prompt: statements end with ';', history and line editing, dot helpers."""
    import duckdb

    from pipeline import query as querying

    try:
        import readline
    except ImportError:  # pragma: no cover - not on every platform
        readline = None
    if readline is not None:
        with contextlib.suppress(OSError):
            readline.read_history_file(HISTORY_FILE)
    interactive = sys.stdin.isatty()
    if interactive:
        console.print(
            f"{settings.warehouse_path} (read-only snapshot). End a statement with ';'; "
            ".tables, .schema NAME, .help; quit with Ctrl-D"
        )

    def run_buffer(text: str) -> None:
        try:
            for statement in querying.statements(con, text):
                run_statement(con, statement, fmt, None, limit)
        except (duckdb.Error, querying.QueryError) as exc:
            err.print(f"[red]{querying.one_line(exc)}[/]")

    state = {"buffer": ""}
    for line in _input_lines(interactive, lambda: CONTINUE if state["buffer"] else PROMPT):
        if line is None:  # Ctrl-C: drop the statement being typed
            state["buffer"] = ""
            continue
        stripped = line.strip()
        if not state["buffer"] and stripped.startswith("."):
            try:
                answer = querying.dot_command(con, stripped)
            except (duckdb.Error, querying.QueryError) as exc:
                err.print(f"[red]{querying.one_line(exc)}[/]")
                continue
            if isinstance(answer, str):
                console.print(answer, markup=False, highlight=False)
            else:
                show_table(*answer, len(answer[1]))
            continue
        state["buffer"] += line + "\n"
        if stripped.endswith(";"):
            run_buffer(state["buffer"])
            state["buffer"] = ""
    if state["buffer"].strip():  # the last statement may end without ';'
        run_buffer(state["buffer"])
    if readline is not None:
        with contextlib.suppress(OSError):
            readline.write_history_file(HISTORY_FILE)


@app.command()
def report(home: HomeOpt = None) -> None:
    """Write the HTML report (charts, claims, coverage) under data/reports/."""
    from pipeline.report import ReportError, write_report

    settings = resolve_settings(home, writes=True)
    try:
        path = write_report(settings.warehouse_path, settings.reports_dir)
    except (ReportError, OSError) as exc:
        fail(str(exc), code=1)
    console.print(f"report written: {path} (also {settings.reports_dir / 'latest.html'})")


@app.command()
def skills(
    home: HomeOpt = None,
    emerging: Annotated[
        bool, typer.Option("--emerging", help="Terms rising that the taxonomy does not name.")
    ] = False,
    source: Annotated[str | None, typer.Option("--source", "-s", help="One source.")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Default: the latest.")] = None,
    limit: Annotated[int, typer.Option("--limit", help="Proposals a source.")] = 20,
) -> None:
    """Print skill findings: with --emerging, the proposed new skills of the latest year."""
    from pipeline.report import ReportError, open_marts, queries

    if not emerging:
        fail("say what to show: `jobtrends skills --emerging` (skill shares: `jobtrends sql`)")
    try:
        with open_marts(resolve_settings(home).warehouse_path) as con:
            found = queries.emerging_proposals(con, source, year, limit)
    except ReportError as exc:
        fail(str(exc))
    if not found:
        fail(
            "no proposals" + (f" for {source}" if source else "") + (f" in {year}" if year else ""),
            1,
        )
    columns = ["source", "year", "term", "% of jobs", "95% CI", "growth", "companies", "since"]
    rows = [
        (
            r["source"],
            r["year"],
            r["term"],
            round(100 * r["share"], 2),
            f"{100 * r['share_low']:.2f}-{100 * r['share_high']:.2f}",
            "new" if not r["baseline_share"] else round(r["growth"], 1),
            r["n_companies"],
            r["first_seen_month"].strftime("%Y-%m") if r["first_seen_month"] else None,
        )
        for r in found
    ]
    show_table(columns, rows, len(rows))
    console.print(
        "a proposal is a lead: add it to warehouse/seeds/skills.csv to accept it (docs/SKILLS.md)",
        style="dim",
    )


@app.command()
def claims(
    home: HomeOpt = None,
    checks: Annotated[bool, typer.Option("--checks", help="Show every check of a claim.")] = False,
) -> None:
    """Print the 2019 article's claims with what the data says: verdict and reason."""
    from pipeline.report.terminal import ClaimsError, print_claims

    try:
        print_claims(resolve_settings(home).warehouse_path, console=console, show_checks=checks)
    except ClaimsError as exc:
        fail(str(exc))


@app.command()
def docs(
    home: HomeOpt = None,
    serve: Annotated[bool, typer.Option("--serve", help="Serve the site on localhost.")] = False,
    port: Annotated[int, typer.Option(help="Port of --serve.")] = 8080,
) -> None:
    """Build the dbt docs site: every model and column described, with lineage."""
    from pipeline.ingest.build import BuildError, generate_docs

    settings = resolve_settings(home, writes=True)
    setup_logging()
    try:
        site = generate_docs(settings)
    except BuildError as exc:
        fail(str(exc), code=1)
    console.print(f"dbt docs written: {site} (one file; open it in a browser)")
    if serve:
        import functools
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        handler = functools.partial(SimpleHTTPRequestHandler, directory=str(site.parent))
        with ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
            console.print(f"serving http://127.0.0.1:{port}/ (Ctrl-C stops)")
            with contextlib.suppress(KeyboardInterrupt):
                server.serve_forever()


@app.command()
def serve() -> None:
    """Start the schedules: Hacker News monthly, job boards daily (Ctrl-C stops)."""
    from flows.deployments import serve_all

    serve_all()


if __name__ == "__main__":
    app()
