"""One writer at a time, on a working copy; readers open the published, read-only snapshot.

```
<home>/warehouse.duckdb         the published snapshot: read-only, replaced whole (atomic rename)
<home>/writer/warehouse.duckdb  the working copy `load` and `build` write
<home>/writer/writer.lock       held by the one run, load or build writing the working copy
```
A writer never touches the file readers have open, so `jobtrends sql`, the report, the claims
and any DuckDB client (``duckdb -readonly data/warehouse.duckdb``) never wait for a run, and a
run never waits for them: ``publish`` copies the working copy beside the snapshot and renames
it over it, so a reader that opened the previous snapshot finishes on it, and the next one opens
the new. Two writers are serialised by the lock: the second says whom it waits for, and waits.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from pipeline.config import Settings

logger = logging.getLogger(__name__)

try:  # POSIX; elsewhere writers are not serialised across processes
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None

# Lock files this process holds: a flow that holds the lock calls the loader and the build,
# which take it again (flock is per open file, so a second open would wait on itself).
_held: set[Path] = set()
_held_guard = threading.Lock()
POLL_SECONDS = 0.5


class PublishError(RuntimeError):
    """The working copy could not be published; the previous snapshot stays."""


def _holder(lock_file: Path) -> str:
    try:
        info = json.loads(lock_file.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return "another run"
    if not info:
        return "another run"
    return f"{info.get('command', 'a run')} (pid {info.get('pid')}, since {info.get('since')})"


@contextmanager
def writer_lock(
    settings: Settings, command: str = "jobtrends", on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the home's writer lock: wait, saying for whom, while another process holds it."""
    lock_file = settings.working_warehouse_path.parent / "writer.lock"
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with _held_guard:
        reentered = lock_file in _held
    if reentered:
        yield
        return
    with lock_file.open("a+", encoding="utf-8") as fh:  # closing the file releases the lock
        if fcntl is not None:
            waited = False
            while True:
                try:
                    fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if not waited:
                        (on_wait or logger.warning)(
                            f"waiting for {_holder(lock_file)} to finish writing {settings.home}"
                        )
                    waited = True
                    time.sleep(POLL_SECONDS)
        since = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%SZ")
        _rewrite(fh, json.dumps({"pid": os.getpid(), "command": command, "since": since}))
        with _held_guard:
            _held.add(lock_file)
        try:
            yield
        finally:
            with _held_guard:
                _held.discard(lock_file)
            _rewrite(fh, "")


def _rewrite(fh, text: str) -> None:
    """Say who holds the lock (or, empty, that nobody does) in the lock file."""
    fh.seek(0)
    fh.truncate()
    fh.write(text)
    fh.flush()


def working_copy(settings: Settings) -> Path:
    """Return the working copy, made from the published snapshot when there is none yet.

    Call it holding the writer lock. A warehouse of an older version, written in place, is
    checkpointed first so that the copy has everything it had.
    """
    working = settings.working_warehouse_path
    published = settings.warehouse_path
    if working.exists() or not published.exists():
        working.parent.mkdir(parents=True, exist_ok=True)
        return working
    wal = published.with_name(published.name + ".wal")
    if wal.exists() and os.access(published, os.W_OK):
        with duckdb.connect(str(published)) as con:
            con.execute("checkpoint")
    partial = working.with_name(working.name + ".partial")
    shutil.copyfile(published, partial)
    partial.chmod(0o644)
    partial.replace(working)
    return working


def publish(settings: Settings) -> Path:
    """Publish the working copy as the read-only snapshot readers open; return its path.

    The copy is checkpointed (no write-ahead log beside the snapshot), written beside the
    snapshot and renamed over it, so the published path always holds a whole warehouse.
    """
    working = settings.working_warehouse_path
    published = settings.warehouse_path
    if not working.exists():
        raise PublishError(f"no working copy at {working}: run `jobtrends load` first")
    with writer_lock(settings, "publish"):
        try:
            with duckdb.connect(str(working)) as con:
                con.execute("checkpoint")
            staged = published.with_name(f".{published.name}.publishing")
            shutil.copyfile(working, staged)
            staged.chmod(0o444)
            staged.replace(published)
        except (OSError, duckdb.Error) as exc:
            raise PublishError(f"could not publish {published}: {exc}") from exc
        # A write-ahead log of an older, written-in-place warehouse is not this snapshot's.
        published.with_name(published.name + ".wal").unlink(missing_ok=True)
    return published
