"""Run every benchmark and write their tables to docs/BENCHMARKS.md (``make bench``)."""

from __future__ import annotations

import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCHMARKS = {
    "bench_load": "Loading landing files",
    "bench_salary": "Salary extraction",
    "bench_skills": "Skill extraction",
    "bench_duties": "Responsibility and application extraction",
    "bench_roles": "Role classification of free-text posts",
    "bench_run": "A run of the corpus, and a rerun with nothing new",
}


SCALE_HEADING = "## At scale"


def scale_section(text: str) -> str:
    """Return the scale benchmark's section of BENCHMARKS.md (to its end), or ""."""
    at = text.find(f"\n{SCALE_HEADING}")
    return text[at:] if at >= 0 else ""


def main() -> int:
    sections = []
    failed = 0
    for module, title in BENCHMARKS.items():
        print(f"running benchmarks.{module} ...", flush=True)
        proc = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{module}"], cwd=ROOT, capture_output=True, text=True
        )
        print(proc.stdout)
        if proc.returncode != 0:
            failed += 1
            print(proc.stderr[-2000:], file=sys.stderr)
        body = proc.stdout.strip() or f"failed: {proc.stderr.strip().splitlines()[-1:]}"
        sections.append(f"## {title}\n\n`python -m benchmarks.{module}`\n\n{body}\n")
    machine = (
        f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    )
    header = (
        "# Benchmarks\n\n"
        "Each benchmark measures the project's way against a baseline in the same run, on the\n"
        "replay corpus. Written by `make bench`; numbers move 10-30% between runs on a shared\n"
        f"machine.\n\nLast run: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {machine}.\n"
    )
    doc = ROOT / "docs" / "BENCHMARKS.md"
    # The scale benchmark's section is written by `make bench-scale` alone: keep it.
    kept = scale_section(doc.read_text(encoding="utf-8")) if doc.exists() else ""
    doc.write_text(header + "\n" + "\n".join(sections) + kept, encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
