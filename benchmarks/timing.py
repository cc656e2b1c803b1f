"""How the benchmarks time their work: an extractor by the best CPU time of a few runs over the
same texts, a command by its wall time and the peak memory of its processes."""

from __future__ import annotations

import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path


def best_time(fn: Callable[[str], Iterable[str]], texts: list[str], repeat: int) -> float:
    """Return the best CPU time of ``fn`` over all ``texts`` in ``repeat`` runs.

    CPU time of this process, not wall time: the figure is per core, and other work on a
    shared machine does not count against it. A first pass over a sample of the texts warms
    whatever the extractor caches, so that every timed run sees the same state.
    """
    for text in texts[:: max(1, repeat)]:
        fn(text)
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            fn(text)
        best = min(best, time.process_time() - start)
    return best


@dataclass
class Measured:
    """One command's run: wall seconds, exit code, output and peak memory.

    ``largest_mb`` is the peak resident set of its largest process (``ru_maxrss``);
    ``tree_mb`` the peak of the resident sets of all its processes added up, sampled every
    0.2 s (a build's worker processes count too; pages they share are counted in each, so the
    figure errs high).
    """

    wall: float
    returncode: int
    stdout: str
    stderr: str
    largest_mb: float
    tree_mb: float


def _tree_rss_kb(root: int) -> int:
    """Return the resident set sizes (kB) of ``root`` and its descendants, added up."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
            with open(f"/proc/{entry}/statm", "rb") as fh:
                pages = int(fh.read().split()[1])
        except (OSError, ValueError, IndexError):
            continue  # the process ended meanwhile
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * _PAGE_KB
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, ()))
    return total


_PAGE_KB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def run_measured(cmd: list[str], env: dict[str, str], cwd: Path) -> Measured:
    """Run ``cmd`` in a process of its own and measure it (see ``Measured``)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.monotonic()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=out, stderr=err, text=True)
        peak_tree = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak_tree
            while not done.wait(0.2):
                peak_tree = max(peak_tree, _tree_rss_kb(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.monotonic() - started
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Measured(
            wall=wall,
            returncode=proc.returncode,
            stdout=out.read(),
            stderr=err.read(),
            largest_mb=usage.ru_maxrss / 1024,
            tree_mb=max(peak_tree, usage.ru_maxrss) / 1024,
        )
