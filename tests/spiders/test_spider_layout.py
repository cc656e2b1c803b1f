"""Spider naming follows the project's rule: file name == spider name, class CamelCase + Spider."""

from __future__ import annotations

from pathlib import Path

from scrapy.spiderloader import SpiderLoader
from scrapy.utils.project import get_project_settings

from pipeline.config import load_sources


def test_spider_file_and_class_names():
    loader = SpiderLoader.from_settings(get_project_settings())
    names = loader.list()
    assert {
        "hackernews",
        "ashby",
        "greenhouse",
        "lever",
        "recruitee",
        "smartrecruiters",
        "jobposting",
    } <= set(names)
    for name in names:
        cls = loader.load(name)
        module_file = Path(cls.__module__.replace(".", "/")).name
        assert module_file == name, f"{cls.__module__} defines spider {name!r}"
        assert cls.__name__ == "".join(p.capitalize() for p in name.split("_")) + "Spider"


def test_every_source_names_a_known_spider():
    names = set(SpiderLoader.from_settings(get_project_settings()).list())
    for source in load_sources().values():
        assert source.spider in names, source


def test_a_replay_run_skips_live_only_sources_unless_named(tmp_path):
    from pipeline.config import Settings

    sources = tmp_path / "sources.toml"
    sources.write_text(
        "[ashby]\nboards = ['a']\n[lever]\nlive_only = true\nboards = ['x']\n"
        "[recruitee]\nenabled = false\n",
        encoding="utf-8",
    )
    replay = Settings(home=tmp_path, replay=tmp_path, sources_file=sources)
    live = Settings(home=tmp_path, sources_file=sources)
    assert replay.default_sources() == (["ashby"], ["lever"])
    assert live.default_sources() == (["ashby", "lever"], [])
