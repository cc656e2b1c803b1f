"""Benchmark the role reader of free-text posts against the classifier it replaced.

Both read every Hacker News post of the corpus in the same process on one core (CPU seconds of
this process, best of ``--repeat`` runs, the title cache warm from a first pass), and both are
scored on the held-out part of the era label set: exact-set accuracy, precision and recall of
``ml_engineer`` and ``data_scientist``. The baseline is ``benchmarks/baselines/roles_v1.py``,
a frozen copy of the classifier before the mention reader.

Run: ``.venv/bin/python -m benchmarks.bench_roles [--repeat 3]``
"""

from __future__ import annotations

import argparse
import platform
import sys

from benchmarks.baselines import roles_v1
from benchmarks.timing import best_time
from pipeline.domain import roles
from pipeline.eval import ROLES_ERA_LABELS
from pipeline.eval.documents import documents, labelled_documents
from pipeline.eval.scoring import Scores, load, score
from pipeline.ingest.corpus import open_corpus


def cells(s: Scores) -> str:
    out = [f"{s.accuracy:.3f}"]
    for family in ("ml_engineer", "data_scientist"):
        p, r = s.precision_of(family), s.recall_of(family)
        out += [f"{p:.2f}" if p is not None else "-", f"{r:.2f}" if r is not None else "-"]
    return " | ".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (best counts)")
    args = parser.parse_args(argv)
    corpus = open_corpus()
    posts = [d.text for d in documents(corpus, ("hackernews",))]
    held_out = [i for i in load(ROLES_ERA_LABELS, "roles") if i.split == "holdout"]
    docs = labelled_documents(corpus, {i.key for i in held_out})
    methods = (
        ("mention reader (pipeline.domain.roles)", roles.classify_roles),
        ("previous classifier (baseline)", roles_v1.classify_roles),
    )
    out = sys.stdout
    out.write(
        f"Hacker News posts: {len(posts):,}; best of {args.repeat} runs, one core; "
        f"Python {platform.python_version()} on {platform.machine()}\n"
        f"scores: {len(held_out)} held-out posts of the era set (2012-13, 2015-16, 2017-18, "
        "2026), never tuned on\n\n"
        "| method | cpu s | posts/s | exact set | ML prec | ML rec | DS prec | DS rec |\n"
        "|---|---|---|---|---|---|---|---|\n"
    )
    rates = []
    for name, fn in methods:
        seconds = best_time(fn, posts, args.repeat)
        rates.append(len(posts) / seconds)

        scored = score(held_out, lambda k, fn=fn: fn(docs[k].text))
        out.write(f"| {name} | {seconds:.2f} | {rates[-1]:,.0f} | {cells(scored)} |\n")
    out.write(f"\nthe reader runs at {rates[0] / rates[1]:.2f}x the baseline's posts per second\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
