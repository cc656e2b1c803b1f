"""Score the extractors against hand-labelled corpus postings: skills, roles, duties, degree, pay.

Run ``python -m pipeline.eval`` (``make eval``). The labels (``tests/pipeline/labels``) hold ids
and labels only; the postings are what the spiders land from the replay corpus
(``documents``), read as the warehouse reads them (``pipeline.domain.postings``), so the scores
are of what production classifies. Every figure is printed for the ``dev`` part (rules were
tuned on it) and the ``holdout`` part (never looked at while tuning) apart.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from typing import TextIO

from pipeline.domain.degree import degree_asked
from pipeline.domain.duties import duties_of_kind
from pipeline.domain.roles import FAMILIES
from pipeline.eval.documents import Document, labelled_documents
from pipeline.eval.pay import PAY_CASES_LABELS, SALARY_LABELS, PayScores, pay_scores
from pipeline.eval.scoring import Labelled, Scores, era_of, load, ratio, score
from pipeline.ingest.corpus import Corpus, open_corpus
from pipeline.paths import LABELS_DIR

SKILLS_LABELS = LABELS_DIR / "skills_labels.jsonl"
# Job-board titles and HN posts of every year, labelled first (partly tuned on: see splits).
ROLES_LABELS = LABELS_DIR / "roles_labels.jsonl"
# HN posts drawn at random by era (2012-13, 2015-16, 2017-18, 2026), labelled by reading.
ROLES_ERA_LABELS = LABELS_DIR / "roles_era_labels.jsonl"
# Postings of every source drawn at random, half with an ML keyword, labelled by reading with
# the responsibilities and application domains of seed duties (docs/DUTIES.md).
DUTIES_LABELS = LABELS_DIR / "duties_labels.jsonl"
DUTY_KINDS = {"responsibilities": "responsibility", "applications": "application"}
SPLITS = ("dev", "holdout")
KEY_FAMILIES = ("ml_engineer", "data_scientist")


def documents_of(corpus: Corpus, labelled: Iterable[Labelled]) -> dict[tuple[str, str], Document]:
    return labelled_documents(corpus, {item.key for item in labelled})


def skill_scores(corpus: Corpus) -> dict[str, Scores]:
    """Skill extraction by split (and ``all``)."""
    labelled = load(SKILLS_LABELS, "skills")
    docs = documents_of(corpus, labelled)
    out = {"all": score(labelled, lambda k: docs[k].skills())}
    for split in SPLITS:
        out[split] = score([i for i in labelled if i.split == split], lambda k: docs[k].skills())
    return out


def role_groups(corpus: Corpus) -> dict[tuple[str, str, str], Scores]:
    """Role classification by (label set's group, era or source, split).

    Groups: ``boards`` (job-board titles, by source), ``hn`` (every labelled HN post, by era),
    ``hn-era-set`` (the era set alone, by era), ``hn-draw-N`` (each later draw alone, drawn
    and labelled after the rules were tuned on the earlier ones), and ``reader-2`` (the first
    draw scored against a second, independent reading of it).
    """
    first = load(ROLES_LABELS, "roles")
    eras = load(ROLES_ERA_LABELS, "roles")
    docs = documents_of(corpus, [*first, *eras])
    groups: dict[tuple[str, str, str], Scores] = defaultdict(Scores)
    for item in first:
        doc = docs[item.key]
        got = doc.roles()
        if doc.source == "hackernews":
            era = era_of((doc.posted_at or "")[:4])
            groups[("hn", era, item.split)].add(item.key, item.labels, got)
        else:
            groups[("boards", doc.source, item.split)].add(item.key, item.labels, got)
    for item in eras:
        got = docs[item.key].roles()
        groups[("hn", item.era, item.split)].add(item.key, item.labels, got)
        groups[("hn-era-set", item.era, item.split)].add(item.key, item.labels, got)
        if item.row.get("draw", 1) > 1:
            draw = f"hn-draw-{item.row['draw']}"
            groups[(draw, item.era, item.split)].add(item.key, item.labels, got)
        if "roles_second" in item.row:
            second = frozenset(item.row["roles_second"])
            groups[("reader-2", item.era, item.split)].add(item.key, second, got)
    return dict(groups)


def reader_agreement() -> dict[tuple[str, str], Scores]:
    """The second reading of the era set's first draw scored against the first, by era and
    split: how far two readers of the same posts agree, the ceiling of any classifier."""
    groups: dict[tuple[str, str], Scores] = defaultdict(Scores)
    for item in load(ROLES_ERA_LABELS, "roles"):
        if "roles_second" in item.row:
            second = frozenset(item.row["roles_second"])
            for era in (item.era, "all"):
                groups[(era, item.split)].add(item.key, item.labels, second)
    return dict(groups)


def duty_scores(corpus: Corpus) -> dict[tuple[str, str, str], Scores]:
    """Duty extraction by (kind, source group, split); the group ``all`` sums the sources."""
    out: dict[tuple[str, str, str], Scores] = defaultdict(Scores)
    found: dict[tuple[str, str], set[str]] = {}  # each posting read once, for both kinds
    for field_name, kind in DUTY_KINDS.items():
        labelled = load(DUTIES_LABELS, field_name)
        docs = documents_of(corpus, labelled)
        for item in labelled:
            if item.key not in found:
                found[item.key] = docs[item.key].duties()
            got = duties_of_kind(found[item.key], kind)
            for group in ("all", item.row["group"]):
                out[(field_name, group, item.split)].add(item.key, item.labels, got)
    return dict(out)


def degree_scores(corpus: Corpus) -> dict[str, Scores]:
    """Degree asks (none, any, advanced) on the era set, by split."""
    labelled = load(ROLES_ERA_LABELS, "degree")
    docs = documents_of(corpus, labelled)
    return {
        split: score(
            [i for i in labelled if i.split == split], lambda k: {degree_asked(docs[k].text)}
        )
        for split in SPLITS
    }


def write_skills(out: TextIO, scores: dict[str, Scores]) -> None:
    for name, s in scores.items():
        out.write(
            f"skills {name:<8} {s.total:>4} postings: micro precision {s.precision:.3f}, "
            f"recall {s.recall:.3f}\n"
        )
    s = scores["all"]
    skills = sorted(set(s.tp) | set(s.fp) | set(s.fn), key=lambda k: (-s.support(k), k))
    out.write(f"\n{'skill':<24} {'gold':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>5} {'rec':>5}\n")
    for k in skills:
        out.write(
            f"{k:<24} {s.support(k):>5} {s.tp[k]:>4} {s.fp[k]:>4} {s.fn[k]:>4} "
            f"{ratio(s.precision_of(k)):>5} {ratio(s.recall_of(k)):>5}\n"
        )


def write_roles(out: TextIO, groups: dict[tuple[str, str, str], Scores]) -> None:
    out.write(
        "\nroles: exact-set accuracy, and precision / recall (support) of ml_engineer and "
        "data_scientist\n\n"
        f"{'set':<11} {'group':<11} {'split':<8} {'n':>4} {'exact':>6}   "
        f"{'ML prec':>7} {'ML rec':>6} {'(n)':>4}   {'DS prec':>7} {'DS rec':>6} {'(n)':>4}\n"
    )
    order = {"boards": 0, "hn": 1, "hn-era-set": 2, "reader-2": 9}
    for (name, group, split), s in sorted(
        groups.items(), key=lambda kv: (order.get(kv[0][0], 3), kv[0])
    ):
        cells = []
        for f in KEY_FAMILIES:
            cells.append(
                f"{ratio(s.precision_of(f)):>7} {ratio(s.recall_of(f)):>6} {s.support(f):>4}"
            )
        out.write(
            f"{name:<11} {group:<11} {split:<8} {s.total:>4} {s.accuracy:>6.3f}   "
            + "   ".join(cells)
            + "\n"
        )
    out.write(
        f"\n{'family':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>5} {'rec':>5}   (all sets)\n"
    )
    merged = Scores()
    for (name, _, _), s in groups.items():
        if name in ("boards", "hn"):
            merged.tp.update(s.tp)
            merged.fp.update(s.fp)
            merged.fn.update(s.fn)
    for f in FAMILIES:
        out.write(
            f"{f:<18} {merged.tp[f]:>4} {merged.fp[f]:>4} {merged.fn[f]:>4} "
            f"{ratio(merged.precision_of(f)):>5} {ratio(merged.recall_of(f)):>5}\n"
        )


def write_agreement(out: TextIO, groups: dict[tuple[str, str], Scores]) -> None:
    out.write(
        "\nroles: two readings of the era set's first draw (the second scored against the first)"
        f"\n\n{'era':<8} {'split':<8} {'n':>4} {'exact':>6}   {'ML prec':>7} {'ML rec':>6} "
        f"{'(n)':>4}   {'DS prec':>7} {'DS rec':>6} {'(n)':>4}\n"
    )
    for (era, split), s in sorted(groups.items()):
        cells = [
            f"{ratio(s.precision_of(f)):>7} {ratio(s.recall_of(f)):>6} {s.support(f):>4}"
            for f in KEY_FAMILIES
        ]
        out.write(f"{era:<8} {split:<8} {s.total:>4} {s.accuracy:>6.3f}   " + "   ".join(cells))
        out.write("\n")


def write_duties(out: TextIO, groups: dict[tuple[str, str, str], Scores]) -> None:
    out.write(
        "\nresponsibilities and application domains (seed duties): micro precision and recall\n\n"
        f"{'kind':<17} {'group':<11} {'split':<8} {'posts':>5} {'labels':>6} {'prec':>6} "
        f"{'recall':>6}\n"
    )
    order = {"all": "", "hn-2012-18": "1", "hn-2026": "2", "ashby": "3", "greenhouse": "4"}
    for (kind, group, split), s in sorted(
        groups.items(), key=lambda kv: (kv[0][0][0], kv[0][2], order.get(kv[0][1], kv[0][1]))
    ):
        labels = sum(s.tp.values()) + sum(s.fn.values())
        out.write(
            f"{kind:<17} {group:<11} {split:<8} {s.total:>5} {labels:>6} {s.precision:>6.3f} "
            f"{s.recall:>6.3f}\n"
        )
    for kind in DUTY_KINDS:
        for split in SPLITS:
            s = groups.get((kind, "all", split))
            if s is None:
                continue
            ids = sorted(set(s.tp) | set(s.fp) | set(s.fn), key=lambda k: (-s.support(k), k))
            out.write(
                f"\n{kind} ({split}){'':<10} {'gold':>5} {'tp':>4} {'fp':>4} {'fn':>4} "
                f"{'prec':>5} {'rec':>5}\n"
            )
            for k in ids:
                out.write(
                    f"  {k:<35} {s.support(k):>5} {s.tp[k]:>4} {s.fp[k]:>4} {s.fn[k]:>4} "
                    f"{ratio(s.precision_of(k)):>5} {ratio(s.recall_of(k)):>5}\n"
                )


def write_degree(out: TextIO, scores: dict[str, Scores]) -> None:
    out.write("\ndegree asks (none / any / advanced) on the era set\n")
    for split, s in scores.items():
        out.write(
            f"  {split:<8} {s.total:>4} posts: exact {s.accuracy:.3f}; advanced precision "
            f"{ratio(s.precision_of('advanced'))} recall {ratio(s.recall_of('advanced'))} "
            f"(n {s.support('advanced')}); any precision {ratio(s.precision_of('any'))} "
            f"recall {ratio(s.recall_of('any'))} (n {s.support('any')})\n"
        )


def write_pay(out: TextIO, sets: dict[str, dict[str, PayScores]]) -> None:
    out.write(
        "\npay ranges (currency, period and both ends within 1%); for the pay cases, the kind of"
        " job and the bound of each range found\n"
    )
    for name, scores in sets.items():
        for split, s in scores.items():
            if split == "all":
                continue
            line = (
                f"  {name:<10} {split:<8} {s.postings:>4} posts: precision {s.precision:.3f} "
                f"recall {s.recall:.3f} (tp {s.tp}, fp {s.fp}, fn {s.fn})"
            )
            if name == "pay cases" and s.tp:
                line += (
                    f"; kind right {s.employment_right / s.tp:.3f}, "
                    f"bound right {s.bound_right / s.tp:.3f}"
                )
            out.write(line + "\n")


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation tables; with ``--errors``, every disagreement of the dev parts."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="replay corpus folder (default: ../shared/corpus)")
    parser.add_argument(
        "--errors", action="store_true", help="list every disagreement (dev parts only)"
    )
    args = parser.parse_args(argv)
    corpus = open_corpus(args.corpus)
    out = sys.stdout
    skills = skill_scores(corpus)
    roles = role_groups(corpus)
    duties = duty_scores(corpus)
    degree = degree_scores(corpus)
    pay = {
        "salaries": pay_scores(corpus, SALARY_LABELS),
        "pay cases": pay_scores(corpus, PAY_CASES_LABELS),
    }
    write_skills(out, skills)
    write_roles(out, roles)
    write_agreement(out, reader_agreement())
    write_duties(out, duties)
    write_degree(out, degree)
    write_pay(out, pay)
    if args.errors:
        out.write("\nskill disagreements, dev (key: +extra -missing)\n")
        for key, gold, got in skills["dev"].errors:
            out.write(f"  {key[0]}/{key[1]}: +{sorted(got - gold)} -{sorted(gold - got)}\n")
        out.write("\nrole disagreements, dev (key: label -> predicted)\n")
        for (name, group, split), s in sorted(roles.items()):
            if split == "dev" and name in ("boards", "hn"):
                for key, gold, got in s.errors:
                    out.write(f"  {name} {group} {key[1]}: {sorted(gold)} -> {sorted(got)}\n")
        out.write("\nduty disagreements, dev (key: +extra -missing)\n")
        for kind in DUTY_KINDS:
            for key, gold, got in duties[(kind, "all", "dev")].errors:
                out.write(f"  {key[0]}/{key[1]}: +{sorted(got - gold)} -{sorted(gold - got)}\n")
        out.write("\ndegree disagreements, dev\n")
        for key, gold, got in degree["dev"].errors:
            out.write(f"  {key[1]}: {sorted(gold)} -> {sorted(got)}\n")
        out.write("\npay disagreements, dev (found; labelled; (snippet, kind found, labelled))\n")
        for scores in pay.values():
            for source, source_id, got, want, kinds in scores["dev"].errors:
                out.write(f"  {source}/{source_id}: {got}; {want}; {kinds}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
