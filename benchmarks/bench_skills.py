"""Benchmark the skill extractor on the Hacker News posts of the corpus, against regexes.

The baseline is the approach of public HN hiring-trend tools: one compiled regex per alias,
``re.compile(r"\\b" + re.escape(alias) + r"\\b", re.I)``, searched in turn over each post, an
alias that matches counting for its skill. Both use the same taxonomy and run in the same
process on one core. The extractor reads every HN post (best of ``--repeat`` runs); the
baseline, a hundred times slower, reads every ``--stride``-th post, a systematic sample of the
same posts. Times are CPU seconds of this process. Both are also scored on the hand-labelled
postings (micro precision and recall).

Run: ``.venv/bin/python -m benchmarks.bench_skills [--repeat 3] [--stride 10]``
"""

from __future__ import annotations

import argparse
import logging
import platform
import re
import sys
from collections.abc import Callable

from benchmarks.timing import best_time
from pipeline.domain.skills import TAXONOMY_VERSION, extract_skills, load_taxonomy
from pipeline.eval import SKILLS_LABELS
from pipeline.eval.documents import documents, labelled_documents
from pipeline.eval.scoring import load, score
from pipeline.ingest.corpus import open_corpus

log = logging.getLogger(__name__)


def build_baseline() -> Callable[[str], set[str]]:
    """Return the baseline extractor: one case-insensitive regex per alias of every skill."""
    patterns: list[tuple[re.Pattern[str], str]] = []
    for skill in load_taxonomy().values():
        for alias in {skill.skill_id, *skill.aliases}:
            patterns.append((re.compile(r"\b" + re.escape(alias) + r"\b", re.I), skill.skill_id))

    def baseline(text: str) -> set[str]:
        return {skill_id for pattern, skill_id in patterns if pattern.search(text)}

    baseline.patterns = len(patterns)  # type: ignore[attr-defined]
    return baseline


def main(argv: list[str] | None = None) -> int:
    """Time both extractors, score them on the labelled set and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the extractor (best)")
    parser.add_argument("--stride", type=int, default=10, help="baseline reads every n-th post")
    parser.add_argument("--corpus", help="replay corpus folder (default: ../shared/corpus)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    corpus = open_corpus(args.corpus)
    posts = [d.text for d in documents(corpus, ("hackernews",))]
    sample = posts[:: args.stride]
    megabytes = sum(len(t.encode()) for t in posts) / 1e6
    log.info("%d HN posts (%.1f MB); baseline sample %d posts", len(posts), megabytes, len(sample))

    extract_skills("warm up: build the automaton once")
    baseline = build_baseline()
    fast = best_time(extract_skills, posts, args.repeat)
    slow = best_time(baseline, sample, 1)
    fast_rate, slow_rate = len(posts) / fast, len(sample) / slow

    labelled = load(SKILLS_LABELS, "skills")
    docs = labelled_documents(corpus, {i.key for i in labelled})
    ours = score(labelled, lambda k: docs[k].skills())
    theirs = score(labelled, lambda k: baseline(f"{docs[k].title}\n{docs[k].text}"))

    out = sys.stdout
    out.write(
        f"\ntaxonomy {TAXONOMY_VERSION}: {len(load_taxonomy())} skills, "
        f"{baseline.patterns} alias regexes; Python {platform.python_version()} "  # type: ignore[attr-defined]
        f"on {platform.machine()}, one core\n\n"
    )
    header = f"{'method':<34} {'posts':>6} {'cpu s':>8} {'posts/s':>9} {'prec':>6} {'recall':>6}"
    out.write(header + "\n" + "-" * len(header) + "\n")
    out.write(
        f"{'Aho-Corasick + context rules':<34} {len(posts):>6} {fast:>8.2f} {fast_rate:>9,.0f} "
        f"{ours.precision:>6.3f} {ours.recall:>6.3f}\n"
    )
    out.write(
        f"{'one regex per alias (baseline)':<34} {len(sample):>6} {slow:>8.2f} {slow_rate:>9,.0f} "
        f"{theirs.precision:>6.3f} {theirs.recall:>6.3f}\n"
    )
    out.write(
        f"\nspeed-up: {fast_rate / slow_rate:,.0f}x "
        f"(precision and recall on {len(labelled)} labelled postings)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
