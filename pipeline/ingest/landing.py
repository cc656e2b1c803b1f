"""The layout of the landing folder: where a crawl writes, and what a landed file is.

```
landing/<source>/<run id>.jsonl.gz           postings, one JSON object a line
landing/<source>/<run id>.rejects.jsonl.gz   what could not be used, with the reason
landing/<source>/<run id>.stats.json         the crawl's Scrapy stats
landing/datasets/<run id>/<name>.<format>    a public dataset, fetched whole
```
Files are written as ``<name>.partial`` and renamed when complete, so a file under its final
name is always whole. Spiders, the crawl runner and the loader all ask this module.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

DATASETS = "datasets"
PARTIAL = ".partial"
SUFFIXES = {"postings": ".jsonl.gz", "rejects": ".rejects.jsonl.gz", "stats": ".stats.json"}


def landing_path(landing_dir: Path | str, source: str, run_id: str, kind: str = "postings") -> Path:
    """Return the file of one source's run: its postings, rejects or stats."""
    return Path(landing_dir) / source / f"{run_id}{SUFFIXES[kind]}"


def crawl_stats(landing_dir: Path | str, source: str) -> Iterator[tuple[str, dict]]:
    """Yield (run id, stats) of each crawl of one source that wrote a readable stats file,
    newest first."""
    for stats_file in sorted(Path(landing_dir, source).glob("*.stats.json"), reverse=True):
        try:
            stats = json.loads(stats_file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        yield stats_file.name.split(".", 1)[0], stats


def dataset_path(landing_dir: Path | str, run_id: str, name: str, fmt: str) -> Path:
    """Return the file of one dataset fetched by one run."""
    return Path(landing_dir) / DATASETS / run_id / f"{name}.{fmt}"


@dataclass(frozen=True)
class LandedFile:
    """What a landing file's place says about it."""

    path: Path
    name: str  # relative to the home folder, as the load ledger records it
    source: str
    run_id: str
    kind: str  # postings | rejects | dataset

    @property
    def stats_path(self) -> Path:
        """The stats file of the crawl that landed this file."""
        landing_dir = self.path.parents[2 if self.kind == "dataset" else 1]
        return landing_path(landing_dir, self.source, self.run_id, "stats")


def describe(path: Path, home: Path) -> LandedFile:
    """Return the source, run and kind of a landing file under the ``home`` folder."""
    name = path.relative_to(home).as_posix()
    if path.parent.parent.name == DATASETS:
        return LandedFile(path, name, DATASETS, path.parent.name, "dataset")
    kind = "rejects" if path.name.endswith(SUFFIXES["rejects"]) else "postings"
    return LandedFile(path, name, path.parent.name, path.name.split(".", 1)[0], kind)


def landing_files(landing_dir: Path) -> list[Path]:
    """Return every complete posting and rejects file, oldest run first."""
    files = [p for p in landing_dir.glob("*/*.jsonl.gz") if p.parent.name != DATASETS]
    return sorted(files, key=lambda p: (p.name, p.parent.name))


def dataset_files(landing_dir: Path) -> list[Path]:
    """Return every complete dataset file, oldest run first."""
    files = [p for p in (landing_dir / DATASETS).glob("*/*") if not p.name.endswith(PARTIAL)]
    return sorted(files, key=lambda p: (p.parent.name, p.name))


def complete_partials(folder: Path, run_id: str) -> list[Path]:
    """Rename a run's finished ``.partial`` files to their final names; return them."""
    done = []
    for partial in folder.glob(f"{run_id}*{PARTIAL}"):
        final = partial.with_name(partial.name[: -len(PARTIAL)])
        partial.rename(final)
        done.append(final)
    return done
