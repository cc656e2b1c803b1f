"""Any web page that embeds schema.org ``JobPosting``: JSON-LD, microdata or RDFa.

Pages come from a list of URLs and from sitemaps (sitemap indexes and robots.txt
``Sitemap:`` lines included): ``urls = [...]`` and ``sitemaps = [...]`` in sources.toml, or
``-a urls=...`` / ``-a sitemaps=...``. Structured data is read with extruct; ``@graph``,
arrays and ``mainEntity`` are searched for JobPosting objects. A page without one is counted
(``jobposting/pages_without_jobposting``), not an error; a JSON-LD block that does not parse,
or a JobPosting without a title, is a reject with the reason.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import extruct
import scrapy
from extruct.jsonld import JsonLdExtractor
from extruct.utils import parse_html
from scrapy.http import TextResponse
from scrapy.spiders import SitemapSpider

from spiders.items import JobPosting
from spiders.platforms.base import ConfiguredSpider

SCHEMA_PREFIXES = ("https://schema.org/", "http://schema.org/")
MAX_DEPTH = 6  # how deep nested RDFa nodes are resolved


def is_job_posting(obj: Any) -> bool:
    kind = obj.get("@type") if isinstance(obj, dict) else None
    kinds = kind if isinstance(kind, list) else [kind]
    return any(str(k).rsplit("/", 1)[-1] == "JobPosting" for k in kinds if k)


def jsonld_postings(data: Any) -> list[dict]:
    """Return the JobPosting objects of JSON-LD data: top level, arrays, @graph, mainEntity."""
    found: list[dict] = []
    stack = [data]
    while stack:
        obj = stack.pop(0)
        if isinstance(obj, list):
            stack.extend(obj)
        elif isinstance(obj, dict):
            if is_job_posting(obj):
                found.append(obj)
            else:
                stack.extend(
                    obj[k] for k in ("@graph", "mainEntity", "itemListElement") if k in obj
                )
                if obj.get("@type") == "ListItem" and "item" in obj:
                    stack.append(obj["item"])
    return found


def _short(key: str) -> str:
    for prefix in SCHEMA_PREFIXES:
        if key.startswith(prefix):
            return key[len(prefix) :]
    return key


def rdfa_postings(graph: list[dict]) -> list[dict]:
    """Return the JobPostings of extruct's flattened RDFa graph, as plain schema.org objects."""
    nodes = {n.get("@id"): n for n in graph if isinstance(n, dict)}

    def plain(node: dict, depth: int) -> dict:
        out: dict[str, Any] = {"@type": [_short(t) for t in node.get("@type") or []]}
        if len(out["@type"]) == 1:
            out["@type"] = out["@type"][0]
        for key, values in node.items():
            if key.startswith("@") or not isinstance(values, list):
                continue
            got = [value(v, depth) for v in values]
            out[_short(key)] = got[0] if len(got) == 1 else got
        return out

    def value(v: Any, depth: int) -> Any:
        if isinstance(v, dict) and "@value" in v:
            return v["@value"]
        if isinstance(v, dict) and "@id" in v:
            target = nodes.get(v["@id"])
            return plain(target, depth + 1) if target and depth < MAX_DEPTH else v["@id"]
        return v

    return [plain(n, 0) for n in nodes.values() if is_job_posting(n)]


def text_of(value: Any) -> str | None:
    """Return the text of a schema.org value: a string, a ``{name}``/``{value}``, a list."""
    if isinstance(value, list):
        parts = [text_of(v) for v in value]
        return ", ".join(p for p in parts if p) or None
    if isinstance(value, dict):
        return text_of(value.get("name") or value.get("value") or value.get("@value"))
    if value is None or isinstance(value, bool):
        return None
    return str(value).strip() or None


def identifier_of(value: Any) -> str | None:
    """Return the id of ``identifier``: a string or a PropertyValue's ``value``."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("value") or value.get("@value") or value.get("@id")
    return text_of(value)


def places(job_location: Any) -> tuple[str | None, str | None]:
    """Return the place text and the first country of ``jobLocation`` (a Place or a list)."""
    names, countries = [], []
    for place in job_location if isinstance(job_location, list) else [job_location]:
        address = place.get("address") if isinstance(place, dict) else place
        if isinstance(address, dict):
            country = text_of(address.get("addressCountry"))
            parts = [text_of(address.get(k)) for k in ("addressLocality", "addressRegion")]
            names.append(", ".join(p for p in [*parts, country] if p))
            if country:
                countries.append(country)
        elif text_of(address):
            names.append(text_of(address))
    return "; ".join(n for n in names if n) or None, countries[0] if countries else None


class JobpostingSpider(ConfiguredSpider, SitemapSpider):
    name = "jobposting"
    sitemap_urls: list[str] = []

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.sitemap_urls = spider.arg_list("sitemaps")
        return spider

    async def start(self):
        async for request in super().start():
            yield request
        for url in self.arg_list("urls"):
            yield scrapy.Request(url, callback=self.parse)

    def parse(self, response):
        stats = self.crawler.stats
        stats.inc_value(f"{self.name}/pages")
        if not isinstance(response, TextResponse):
            yield self.reject(response.url, "not an HTML page")
            return
        postings, rejects = self.structured_postings(response)
        yield from rejects
        if not postings:
            stats.inc_value(f"{self.name}/pages_without_jobposting")
            self.logger.debug("no JobPosting on %s", response.url)
            return
        host = urlsplit(response.url).hostname or ""
        path = urlsplit(response.url).path
        for n, (syntax, job) in enumerate(postings, start=1):
            identifier = identifier_of(job.get("identifier"))
            source_id = f"{host}/{identifier}" if identifier else f"{host}{path}"
            if not identifier and n > 1:
                source_id += f"#{n}"
            title = text_of(job.get("title")) or text_of(job.get("name"))
            if not title:
                yield self.reject(
                    response.url, f"JobPosting ({syntax}) without title", source_id, job
                )
                continue
            posting = self.posting(job, response.url, source_id, host, title, syntax)
            yield posting
            yield from self.pay_rejects(posting)

    def structured_postings(self, response) -> tuple[list[tuple[str, dict]], list]:
        """Return the page's JobPostings (with the syntax each came in) and its rejects."""
        found: list[tuple[str, dict]] = []
        rejects = []
        tree = parse_html(response.body, encoding=response.encoding)
        for node in tree.xpath('//script[@type="application/ld+json"]'):
            try:
                items = JsonLdExtractor().extract_items(node)
            except ValueError as exc:
                rejects.append(self.reject(response.url, f"malformed JSON-LD block ({exc})"))
                continue
            found += [("json-ld", job) for job in jsonld_postings(items)]
        other = extruct.extract(
            response.body,
            base_url=response.url,
            encoding=response.encoding,
            syntaxes=["microdata", "rdfa"],
            uniform=True,
            errors="log",
        )
        found += [("microdata", j) for j in jsonld_postings(other.get("microdata") or [])]
        found += [("rdfa", j) for j in rdfa_postings(other.get("rdfa") or [])]
        return found, rejects

    def posting(
        self, job: dict, page_url: str, source_id: str, host: str, title: str, syntax: str
    ) -> JobPosting:
        """Build the posting of one schema.org JobPosting object."""
        location, country = places(job.get("jobLocation"))
        organisation = job.get("hiringOrganization")
        base_salary = job.get("baseSalary")
        location_type = text_of(job.get("jobLocationType")) or ""
        description = text_of(job.get("description"))
        return JobPosting(
            source=self.name,
            source_id=source_id,
            url=text_of(job.get("url")) or page_url,
            title=title,
            company=text_of(organisation) or host,
            location=location or text_of(job.get("applicantLocationRequirements")),
            country=country,
            remote=True if "TELECOMMUTE" in location_type.upper() else None,
            posted_at=text_of(job.get("datePosted")),
            description_html=description,
            pay={"baseSalary": base_salary} if base_salary else None,
            employment_type=text_of(job.get("employmentType")),
            board=host,
            extras={
                "syntax": syntax,
                "page_url": page_url,
                "valid_through": text_of(job.get("validThrough")),
                "job_location_type": location_type or None,
                "applicant_location_requirements": text_of(
                    job.get("applicantLocationRequirements")
                ),
                "identifier": job.get("identifier"),
            },
        )
