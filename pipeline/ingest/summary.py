"""What a run did, per source: postings landed, new vs already known, rejects, give-ups, time."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline.ingest.build import BuildResult
from pipeline.ingest.crawl import CrawlResult
from pipeline.ingest.load import FileLoad


@dataclass
class RunSummary:
    run_id: str
    mode: str
    crawls: list[CrawlResult] = field(default_factory=list)
    loads: list[FileLoad] = field(default_factory=list)
    build: BuildResult | None = None
    build_error: str | None = None
    report_path: str | None = None
    postings_in_warehouse: dict[str, int] = field(default_factory=dict)
    # Since the board's previous crawl: {source: {appeared, changed, disappeared}} (posting_events)
    events: dict[str, dict[str, int]] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)

    @property
    def status(self) -> str:
        """``ok``, ``partial`` (some source failed or gave up) or ``failed``."""
        if self.build_error or not self.crawls or all(c.status == "failed" for c in self.crawls):
            return "failed"
        if any(c.status != "ok" for c in self.crawls) or any(f.error for f in self.loads):
            return "partial"
        return "ok"

    def add_counts(self, warehouse: Path) -> None:
        """Read postings per source, and this run's changes since the last crawl, from the marts."""
        with duckdb.connect(str(warehouse), read_only=True) as con:
            rows = con.execute("select source, count(*) from main.postings group by 1").fetchall()
            events = con.execute(
                "select source, event, count(*) from main.posting_events where run_id = ? "
                "group by all",
                [self.run_id],
            ).fetchall()
        self.postings_in_warehouse = dict(rows)
        for source, event, n in events:
            self.events.setdefault(source, {})[event] = n

    def rows(self) -> list[dict]:
        """Return one summary row per source."""
        out = []
        for c in self.crawls:
            files = [f for f in self.loads if f.source == c.source and f.run_id == self.run_id]
            postings = [f for f in files if f.kind in ("postings", "dataset")]
            out.append(
                {
                    "source": c.source,
                    "status": c.status,
                    "crawled": c.items,
                    "new": sum(f.rows_inserted for f in postings),
                    "known": sum(f.rows_known for f in postings),
                    "rejects": sum(f.rows_read for f in files if f.kind == "rejects"),
                    "gave_up": len(c.gave_up),
                    "in_warehouse": self.postings_in_warehouse.get(c.source, 0),
                    "since_last": self.since_last(c.source),
                    "seconds": c.seconds,
                    "why": c.reason,
                }
            )
        return out

    def since_last(self, source: str) -> str:
        """What the source's boards showed since their previous crawl: "+12 ~3 -5", or ""."""
        found = self.events.get(source)
        if not found:
            return ""
        return " ".join(
            f"{sign}{found.get(event, 0)}"
            for sign, event in (("+", "appeared"), ("~", "changed"), ("-", "disappeared"))
        )

    def headline(self) -> str:
        elapsed = time.monotonic() - self.started
        failed = [c.source for c in self.crawls if c.status != "ok"]
        text = f"run {self.run_id} ({self.mode}): {self.status} in {elapsed:.0f}s"
        if failed:
            text += f"; not ok: {', '.join(failed)}"
        if self.build_error:
            text += f"; build failed: {self.build_error[:200]}"
        elif self.build is not None and self.build.up_to_date:
            text += "; nothing new to build: the warehouse is as it was"
        return text

    def markdown(self) -> str:
        """Return the summary as a Markdown table, for the Prefect artifact."""
        rows = self.rows()
        cols = [
            "source",
            "status",
            "crawled",
            "new",
            "known",
            "rejects",
            "gave_up",
            "in_warehouse",
            "since_last",
            "seconds",
            "why",
        ]
        lines = [
            f"# {self.headline()}",
            "",
            "| " + " | ".join(cols) + " |",
            "|" + "---|" * len(cols),
        ]
        lines += ["| " + " | ".join(str(r[c]) for c in cols) + " |" for r in rows]
        return "\n".join(lines)
