"""The README stays true to the code: commands, sources and make targets it names exist."""

from __future__ import annotations

import re
from pathlib import Path

from typer.main import get_command

from pipeline.cli import app
from pipeline.config import load_sources

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_cli_command_is_documented_and_every_documented_one_exists():
    commands = set(get_command(app).commands)
    documented = set(re.findall(r"^\| `jobtrends (\w+)`", README, re.M))
    assert documented == commands


def test_every_source_is_documented():
    documented = set(re.findall(r"^\| `(\w+)` \| `spiders/", README, re.M))
    assert documented == set(load_sources())


def test_make_targets_in_readme_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z]+):", makefile, re.M))
    for target in re.findall(r"^make (\w+)", README, re.M):
        assert target in targets


def test_the_layout_names_folders_and_files_that_exist():
    layout = README.split("## Layout", 1)[1].split("```", 2)[1]
    folders = re.findall(r"^( ?|  )([\w.]+/)", layout, re.M)
    assert len(folders) > 8
    for indent, folder in folders:
        # top-level folders, and (indented) the subpackages of pipeline/
        base = ROOT / "pipeline" if indent == "  " else ROOT
        assert (base / folder).is_dir() or folder == "data/", folder
    for name in ("salary.py", "skills.py", "roles.py", "config.py", "cli.py"):
        assert (ROOT / "pipeline" / name).is_file(), name
