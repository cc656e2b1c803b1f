"""Benchmark the duty extractor on every posting of the corpus, against one regex per phrase.

The extractor (``pipeline.domain.duties``) finds the responsibilities and application domains
of seed duties in one Aho-Corasick pass over the normalised text. The baseline is what one
would write first: a compiled case-insensitive regex per phrase (``\\bphrase\\b``, a prefix
without the closing ``\\b``, a near rule as ``A.{0,window}B``), searched in turn, with no
exclusions. Both read the same texts (title and description of every posting with a
description, all sources) in the same process on one core; the extractor every posting (best
of ``--repeat`` runs), the baseline every ``--stride``-th. Times are CPU seconds. Both are
scored on the labelled postings (micro precision and recall over both kinds).

Run: ``.venv/bin/python -m benchmarks.bench_duties [--repeat 3] [--stride 10]``
"""

from __future__ import annotations

import argparse
import logging
import platform
import re
import sys
import tomllib
from collections.abc import Callable

from benchmarks.timing import best_time
from pipeline.domain.duties import DUTIES_VERSION, PHRASES_PATH, extract_duties, read_duties
from pipeline.domain.postings import has_description
from pipeline.eval import DUTIES_LABELS, DUTY_KINDS
from pipeline.eval.documents import documents, labelled_documents
from pipeline.eval.scoring import Scores, load
from pipeline.ingest.corpus import open_corpus

log = logging.getLogger(__name__)


def _pattern(phrase: str) -> str:
    if phrase.endswith("*"):
        return r"\b" + re.escape(phrase[:-1])
    return r"\b" + re.escape(phrase) + r"\b"


def build_baseline() -> Callable[[str], set[str]]:
    """Return the baseline: one regex per phrase and per near rule, searched in turn."""
    data = tomllib.loads(PHRASES_PATH.read_text(encoding="utf-8"))
    window = int(data.get("window", 60))
    patterns: list[tuple[re.Pattern[str], str]] = []
    for duty_id in read_duties():
        entry = data[duty_id]
        for phrase in entry.get("phrases", ()):
            patterns.append((re.compile(_pattern(phrase), re.I), duty_id))
        for side_a, side_b in entry.get("near", ()):
            a = "|".join(_pattern(p) for p in side_a)
            b = "|".join(_pattern(p) for p in side_b)
            patterns.append((re.compile(f"(?:{a}).{{0,{window}}}(?:{b})", re.I | re.S), duty_id))

    def baseline(text: str) -> set[str]:
        return {duty_id for pattern, duty_id in patterns if pattern.search(text)}

    baseline.patterns = len(patterns)  # type: ignore[attr-defined]
    return baseline


def main(argv: list[str] | None = None) -> int:
    """Time both, score them on the labelled set and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs of the extractor (best)")
    parser.add_argument("--stride", type=int, default=10, help="baseline reads every n-th post")
    parser.add_argument("--corpus", help="replay corpus folder (default: ../shared/corpus)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    corpus = open_corpus(args.corpus)
    texts = [
        "\n".join(t for t in (d.title, d.description) if t)
        for d in documents(corpus)
        if has_description(d.description)
    ]
    sample = texts[:: args.stride]
    megabytes = sum(len(t.encode()) for t in texts) / 1e6
    log.info("%d postings (%.1f MB); baseline sample %d", len(texts), megabytes, len(sample))

    extract_duties("warm up: build the automaton once")
    baseline = build_baseline()
    fast = best_time(extract_duties, texts, args.repeat)
    slow = best_time(baseline, sample, 1)
    fast_rate, slow_rate = len(texts) / fast, len(sample) / slow

    # Both kinds together: one gold set a posting.
    gold: dict[tuple[str, str], set[str]] = {}
    for kind in DUTY_KINDS:
        for item in load(DUTIES_LABELS, kind):
            gold.setdefault(item.key, set()).update(item.labels)
    docs = labelled_documents(corpus, gold)

    def scored(predict: Callable[[tuple[str, str]], set[str]]) -> Scores:
        out = Scores()
        for key, labels in gold.items():
            out.add(key, labels, predict(key))
        return out

    ours = scored(lambda k: docs[k].duties())
    theirs = scored(lambda k: baseline(f"{docs[k].title or ''}\n{docs[k].text}"))

    out = sys.stdout
    out.write(
        f"\nduties {DUTIES_VERSION}: {len(read_duties())} responsibilities and applications, "
        f"{baseline.patterns} phrase regexes; Python {platform.python_version()} "  # type: ignore[attr-defined]
        f"on {platform.machine()}, one core; {len(texts)} postings, {megabytes:.1f} MB\n\n"
    )
    header = f"{'method':<34} {'posts':>6} {'cpu s':>8} {'posts/s':>9} {'prec':>6} {'recall':>6}"
    out.write(header + "\n" + "-" * len(header) + "\n")
    out.write(
        f"{'Aho-Corasick, one pass':<34} {len(texts):>6} {fast:>8.2f} {fast_rate:>9,.0f} "
        f"{ours.precision:>6.3f} {ours.recall:>6.3f}\n"
    )
    out.write(
        f"{'one regex per phrase (baseline)':<34} {len(sample):>6} {slow:>8.2f} "
        f"{slow_rate:>9,.0f} {theirs.precision:>6.3f} {theirs.recall:>6.3f}\n"
    )
    out.write(
        f"\nspeed-up: {fast_rate / slow_rate:,.0f}x (precision and recall on {len(gold)} "
        "labelled postings, dev and held-out parts together; make eval has them apart)\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
