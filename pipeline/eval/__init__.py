"""Score the skill extractor and the role classifier against the hand-labelled corpus postings.

Run ``python -m pipeline.eval`` (``make eval``): it prints micro precision and recall of skills,
a per-skill table, the role accuracy (exact set match) and the role confusion. The labels
(``tests/pipeline/labels/*.jsonl``) hold ids and labels only; the postings are what the spiders
land from the replay corpus (``documents``), read as the warehouse reads them
(``pipeline.domain.postings``), so the scores are of what production classifies.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.domain.roles import FAMILIES
from pipeline.eval.documents import Document, labelled_documents
from pipeline.ingest.corpus import Corpus, open_corpus
from pipeline.paths import LABELS_DIR

SKILLS_LABELS = LABELS_DIR / "skills_labels.jsonl"
ROLES_LABELS = LABELS_DIR / "roles_labels.jsonl"

Key = tuple[str, str]


def load_labels(path: Path, field_name: str) -> dict[Key, frozenset[str]]:
    """Return ``{(source, source_id): labels}`` from a JSON-lines label file."""
    out: dict[Key, frozenset[str]] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[(row["source"], row["source_id"])] = frozenset(row[field_name])
    return out


def load_splits(path: Path) -> dict[Key, str]:
    """Return the split of each labelled posting: ``dev`` (rules tuned on it) or ``holdout``."""
    out: dict[Key, str] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[(row["source"], row["source_id"])] = row.get("split", "dev")
    return out


def skills_of(doc: Document) -> set[str]:
    """Return the skills the warehouse finds in a posting."""
    return doc.skills()


def roles_of(doc: Document) -> set[str]:
    """Return the role families the warehouse gives a posting."""
    return doc.roles()


@dataclass
class SkillScores:
    """Counts of true positives, false positives and false negatives per skill."""

    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[Key, set[str], set[str]]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """Return the micro precision over all skills."""
        tp, fp = sum(self.tp.values()), sum(self.fp.values())
        return tp / (tp + fp) if tp + fp else 1.0

    @property
    def recall(self) -> float:
        """Return the micro recall over all skills."""
        tp, fn = sum(self.tp.values()), sum(self.fn.values())
        return tp / (tp + fn) if tp + fn else 1.0


def score_skills(
    labels: Mapping[Key, frozenset[str]], predicted: Mapping[Key, set[str]]
) -> SkillScores:
    """Compare predicted skill sets with the labels."""
    scores = SkillScores()
    for key, gold in labels.items():
        got = predicted[key]
        for s in gold & got:
            scores.tp[s] += 1
        for s in got - gold:
            scores.fp[s] += 1
        for s in gold - got:
            scores.fn[s] += 1
        if got != gold:
            scores.errors.append((key, set(got - gold), set(gold - got)))
    return scores


@dataclass
class RoleScores:
    """Exact-match accuracy and per-family confusion of role predictions."""

    total: int = 0
    exact: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    # (gold family, predicted family) for single-family labels, the usual confusion matrix.
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    errors: list[tuple[Key, frozenset[str], set[str]]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Return the share of postings whose predicted set equals the labelled set."""
        return self.exact / self.total if self.total else 1.0


def score_roles(
    labels: Mapping[Key, frozenset[str]], predicted: Mapping[Key, set[str]]
) -> RoleScores:
    """Compare predicted role-family sets with the labels."""
    scores = RoleScores()
    for key, gold in labels.items():
        got = predicted[key]
        scores.total += 1
        if got == gold:
            scores.exact += 1
        else:
            scores.errors.append((key, gold, got))
        for f in gold & got:
            scores.tp[f] += 1
        for f in got - gold:
            scores.fp[f] += 1
        for f in gold - got:
            scores.fn[f] += 1
        if len(gold) == 1 and len(got) == 1:
            scores.confusion[(next(iter(gold)), next(iter(got)))] += 1
    return scores


def _ratio(num: int, den: int) -> str:
    return f"{num / den:.2f}" if den else "  - "


def format_skill_table(scores: SkillScores) -> str:
    """Return the per-skill precision/recall table, most frequent skills first."""
    skills = sorted(
        set(scores.tp) | set(scores.fp) | set(scores.fn),
        key=lambda s: (-(scores.tp[s] + scores.fn[s]), s),
    )
    lines = [f"{'skill':<24} {'gold':>5} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>5} {'rec':>5}"]
    for s in skills:
        tp, fp, fn = scores.tp[s], scores.fp[s], scores.fn[s]
        lines.append(
            f"{s:<24} {tp + fn:>5} {tp:>4} {fp:>4} {fn:>4} "
            f"{_ratio(tp, tp + fp):>5} {_ratio(tp, tp + fn):>5}"
        )
    return "\n".join(lines)


def format_role_table(scores: RoleScores) -> str:
    """Return per-family counts and the single-family confusion matrix."""
    lines = [f"{'family':<18} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>5} {'rec':>5}"]
    for f in FAMILIES:
        tp, fp, fn = scores.tp[f], scores.fp[f], scores.fn[f]
        lines.append(
            f"{f:<18} {tp:>4} {fp:>4} {fn:>4} {_ratio(tp, tp + fp):>5} {_ratio(tp, tp + fn):>5}"
        )
    short = {f: f[:7] for f in FAMILIES}
    lines.append("")
    lines.append("confusion (postings with one labelled and one predicted family; rows: label)")
    lines.append(" " * 18 + " ".join(f"{short[f]:>7}" for f in FAMILIES))
    for g in FAMILIES:
        lines.append(
            f"{g:<18}" + " ".join(f"{scores.confusion[(g, p)] or '.':>7}" for p in FAMILIES)
        )
    return "\n".join(lines)


def evaluate(corpus: Corpus, split: str | None = None) -> tuple[SkillScores, RoleScores]:
    """Score both classifiers on the labelled set (or one split of it) read from ``corpus``."""
    splits = load_splits(SKILLS_LABELS)
    skill_labels = {
        k: v
        for k, v in load_labels(SKILLS_LABELS, "skills").items()
        if split is None or splits[k] == split
    }
    role_labels = {
        k: v
        for k, v in load_labels(ROLES_LABELS, "roles").items()
        if split is None or splits.get(k) == split
    }
    docs = labelled_documents(corpus, skill_labels.keys() | role_labels.keys())
    skills = score_skills(skill_labels, {k: skills_of(docs[k]) for k in skill_labels})
    roles = score_roles(role_labels, {k: roles_of(docs[k]) for k in role_labels})
    return skills, roles


def main(argv: list[str] | None = None) -> int:
    """Print the evaluation tables; with ``--errors``, every disagreement too."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="replay corpus folder (default: ../shared/corpus)")
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    args = parser.parse_args(argv)
    corpus = open_corpus(args.corpus)
    skills, roles = evaluate(corpus)
    out = sys.stdout
    n = len(load_labels(SKILLS_LABELS, "skills"))
    out.write(
        f"skills: {n} postings, micro precision {skills.precision:.3f}, "
        f"recall {skills.recall:.3f}\n"
    )
    out.write(f"roles: {roles.total} postings, accuracy (exact set) {roles.accuracy:.3f}\n")
    for split in ("dev", "holdout"):
        s, r = evaluate(corpus, split)
        out.write(
            f"  {split:<8} {r.total:>4} postings: skills precision {s.precision:.3f}, "
            f"recall {s.recall:.3f}; roles accuracy {r.accuracy:.3f}\n"
        )
    out.write(f"\n{format_skill_table(skills)}\n\n")
    out.write(f"roles by family\n\n{format_role_table(roles)}\n")
    if args.errors:
        out.write("\nskill disagreements (key: extra | missing)\n")
        for key, extra, missing in skills.errors:
            out.write(f"  {key[0]}/{key[1]}: +{sorted(extra)} -{sorted(missing)}\n")
        out.write("\nrole disagreements (key: label -> predicted)\n")
        for key, gold, got in roles.errors:
            out.write(f"  {key[0]}/{key[1]}: {sorted(gold)} -> {sorted(got)}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
