"""How the benchmarks time an extractor: the best CPU time of a few runs over the same texts."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable


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
