"""``python -m pipeline.eval.emerging`` (``make bench-emerging``): backtest skill discovery.

Skills are taken out of the taxonomy (``REMOVED``) and ``emerging_skills`` is built again on a
copy of the published warehouse with them removed (dbt var ``emerging_removed_skills``). Each
monthly row uses only the data up to its month (its share, its trailing baseline, the
employers known by then), so the monthly proposals are discovery run as of each month. For
each removed skill the table gives the first month one of its names was proposed and the month
the skill (full taxonomy, ``skill_demand_monthly``) first reached 0.5% of Hacker News jobs;
then the precision of each year's top 20 proposals, judged on the labelled terms of
``tests/pipeline/labels/emerging_terms.csv`` (is it a technology or skill an employer asks
for?). ``--write`` puts the tables into docs/SKILLS.md between their markers.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from pipeline.config import get_settings
from pipeline.domain.skills import load_taxonomy
from pipeline.ingest.build import dbt_command, dbt_env, dbt_error, run_dbt
from pipeline.paths import REPO_ROOT

SOURCE = "hackernews"
PASS_SHARE = 0.005  # "first passes 0.5% of HN posts"
MAX_LAG_MONTHS = 12  # proposed no later than this after passing
TOP = 20
# The skills taken out, and names of theirs that do not count as finding them: "torch" before
# 2017 is Lua Torch, not PyTorch (TAXONOMY.md); "transformers" is also the model architecture.
REMOVED = {
    "tensorflow": (),
    "keras": (),
    "pytorch": ("torch",),
    "kubernetes": (),
    "docker": (),
    "rust": (),
    "spark": (),
    "kafka": (),
    "llm": (),
    "hugging-face": ("transformers",),
    "langchain": (),
    "react": (),
    "terraform": (),
    "airflow": (),
    "snowflake": (),
    "go": (),
    "swift": (),
    "elasticsearch": (),
}
LABELS = REPO_ROOT / "tests" / "pipeline" / "labels" / "emerging_terms.csv"
# Proposals drawn at random from those never looked at while the filters were written (Hacker
# News monthly proposals ranked 1-5, Ashby's yearly ones), labelled the same way.
HELDOUT = REPO_ROOT / "tests" / "pipeline" / "labels" / "emerging_terms_heldout.csv"
DOC = REPO_ROOT / "docs" / "SKILLS.md"
BEGIN, END = "<!-- emerging-backtest:begin -->", "<!-- emerging-backtest:end -->"


@dataclass
class SkillResult:
    skill_id: str
    first_passed: date | None
    first_proposed: date | None
    proposed_as: str | None

    @property
    def lag_months(self) -> int | None:
        if self.first_passed is None or self.first_proposed is None:
            return None
        a, b = self.first_passed, self.first_proposed
        return (b.year - a.year) * 12 + b.month - a.month

    @property
    def in_time(self) -> bool | None:
        """Proposed no later than MAX_LAG_MONTHS after passing 0.5%; None if it never passed."""
        if self.first_passed is None:
            return None
        return self.lag_months is not None and self.lag_months <= MAX_LAG_MONTHS


def build_backtest(warehouse: Path, workdir: Path) -> Path:
    """Build emerging_skills without the removed skills on a copy of ``warehouse``."""
    copy = workdir / "backtest.duckdb"
    shutil.copyfile(warehouse, copy)
    copy.chmod(0o644)
    settings = get_settings(home=workdir)
    variables = json.dumps({"emerging_removed_skills": sorted(REMOVED)})
    cmd = dbt_command("run", "--select", "int_posting_terms emerging_skills", "--vars", variables)
    code, output = run_dbt(cmd, dbt_env(settings, warehouse=copy, target=workdir / "target"))
    if code != 0:
        raise SystemExit(f"backtest build failed: {dbt_error(output)}")
    return copy


def skill_names(skill_id: str) -> set[str]:
    """Return the names a proposal may have to count as finding ``skill_id``."""
    skill = load_taxonomy().get(skill_id)
    if skill is None:
        raise SystemExit(f"{skill_id} is not in the taxonomy")
    names = {skill.skill_id, skill.display_name, *skill.aliases}
    return {n.strip().lower() for n in names if n.strip()} - set(REMOVED[skill_id])


def skill_results(con: duckdb.DuckDBPyConnection) -> list[SkillResult]:
    out = []
    for skill_id in REMOVED:
        passed = con.execute(
            """
            select min(posted_month) from main.skill_demand_monthly
            where source = ? and role_family = 'all' and skill_id = ? and share >= ?
            """,
            [SOURCE, skill_id, PASS_SHARE],
        ).fetchone()[0]
        names = sorted(skill_names(skill_id))
        proposed = con.execute(
            """
            select period_start, term from bt.main.emerging_skills
            where source = ? and period_type = 'month' and is_proposed and term in ?
            order by period_start, proposal_rank limit 1
            """,
            [SOURCE, names],
        ).fetchone()
        out.append(
            SkillResult(
                skill_id, passed, proposed[0] if proposed else None, proposed and proposed[1]
            )
        )
    return out


def read_labels(path: Path = LABELS) -> dict[str, bool]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8", newline="") as fh:
        return {r["term"]: r["is_skill"].strip().lower() == "yes" for r in csv.DictReader(fh)}


def top_proposals(con: duckdb.DuckDBPyConnection, schema: str = "bt.main") -> dict[int, list[str]]:
    rows = con.execute(
        f"""
        select year(period_start), term from {schema}.emerging_skills
        where source = ? and period_type = 'year' and is_proposed and proposal_rank <= ?
        order by 1, proposal_rank
        """,
        [SOURCE, TOP],
    ).fetchall()
    by_year: dict[int, list[str]] = {}
    for year, term in rows:
        by_year.setdefault(year, []).append(term)
    return by_year


def month(d: date | None) -> str:
    return d.strftime("%Y-%m") if d else "never"


def precision_table(tops: dict[int, list[str]], labels: dict[str, bool]) -> list[str]:
    lines = [
        f"| year | top-{TOP}: real skills / labelled | precision | unlabelled |",
        "|---|---|---|---|",
    ]
    total_yes = total_labelled = 0
    for year, terms in sorted(tops.items()):
        judged = [labels[t] for t in terms if t in labels]
        yes = sum(judged)
        total_yes, total_labelled = total_yes + yes, total_labelled + len(judged)
        precision = f"{yes / len(judged):.2f}" if judged else "n/a"
        missing = [t for t in terms if t not in labels]
        lines.append(
            f"| {year} | {yes} / {len(judged)} of {len(terms)} | {precision} | "
            f"{', '.join(missing) or '-'} |"
        )
    if total_labelled:
        lines.append(
            f"| all | {total_yes} / {total_labelled} | {total_yes / total_labelled:.2f} | |"
        )
    return lines


def tables(
    results: list[SkillResult],
    tops: dict[int, list[str]],
    labels: dict[str, bool],
    production: dict[int, list[str]],
    heldout: dict[str, bool],
    still_proposed: set[str],
) -> str:
    lines = [
        "| removed skill | first passed 0.5% of HN jobs | first proposed | as | lag (months) |",
        "|---|---|---|---|---|",
    ]
    for r in results:
        lag = "" if r.lag_months is None else f"{r.lag_months:+d}"
        lines.append(
            f"| `{r.skill_id}` | {month(r.first_passed)} | {month(r.first_proposed)} | "
            f"{r.proposed_as or ''} | {lag} |"
        )
    passed = [r for r in results if r.in_time is not None]
    in_time = sum(bool(r.in_time) for r in passed)
    never = [r.skill_id for r in results if r.first_passed is None]
    lines += [
        "",
        f"Proposed no later than {MAX_LAG_MONTHS} months after passing 0.5%: **{in_time} of "
        f"{len(passed)}** removed skills that passed it"
        + (f" ({in_time / len(passed):.0%})" if passed else "")
        + (f"; never passed 0.5% in the corpus: {', '.join(never)}." if never else "."),
        "",
        f"Top-{TOP} proposals of each year with those skills removed (the backtest), judged "
        "on the labelled terms:",
        "",
        *precision_table(tops, labels),
        "",
        f"Top-{TOP} proposals of each year with the whole taxonomy (what the mart proposes):",
        "",
        *precision_table(production, labels),
    ]
    if heldout:
        yes = sum(heldout.values())
        kept = {t: v for t, v in heldout.items() if t in still_proposed}
        lines += [
            "",
            f"Held out (proposals never looked at while the filters were written: Hacker News "
            f"monthly proposals ranked 1-5 and Ashby's yearly ones, drawn at random): **{yes} of "
            f"{len(heldout)} real skills ({yes / len(heldout):.2f})**; of the {len(kept)} still "
            f"proposed by the final rule, {sum(kept.values())} "
            f"({sum(kept.values()) / max(len(kept), 1):.2f}).",
        ]
    return "\n".join(lines)


def write_doc(text: str, doc: Path = DOC) -> None:
    body = doc.read_text(encoding="utf-8")
    if BEGIN not in body:
        raise SystemExit(f"{doc} has no {BEGIN} marker")
    head, rest = body.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    doc.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--home", type=Path, help="home of a warehouse built on the corpus")
    parser.add_argument("--write", action="store_true", help="write the tables to SKILLS.md")
    parser.add_argument("--terms", type=Path, help="write every year's top proposals (CSV)")
    args = parser.parse_args(argv)
    settings = get_settings(home=args.home)
    if not settings.warehouse_path.exists():
        print(f"no warehouse at {settings.warehouse_path}: run `jobtrends run --replay` first")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        copy = build_backtest(settings.warehouse_path, Path(tmp))
        with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
            con.execute(f"attach '{copy}' as bt (read_only)")
            results = skill_results(con)
            tops = top_proposals(con)
            production = top_proposals(con, "main")
            still = {
                t
                for (t,) in con.execute(
                    "select distinct term from main.emerging_skills where is_proposed"
                ).fetchall()
            }
    text = tables(results, tops, read_labels(), production, read_labels(HELDOUT), still)
    print(text)
    if args.terms:
        with args.terms.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["year", "rank", "term"])
            for year, terms in sorted(tops.items()):
                writer.writerows((year, i, t) for i, t in enumerate(terms, 1))
    if args.write:
        write_doc(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
