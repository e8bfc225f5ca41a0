"""The Scrapy side of bench/crawl.py: the generated site's lists, the title pages they link, three fields each.

Run by bench/crawl.py in Scrapy's own environment (Scrapy is no dependency of cinescrape):
python -m scrapy runspider bench/scrapy_spider.py -a seeds=FILE -s CONCURRENT_REQUESTS=8 …
It prints how many pages it fetched and how many items it made, as one JSON line, when it closes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import scrapy  # type: ignore[import-not-found]

_YEAR = re.compile(r"\((\d{4})\)")


class FilmSpider(scrapy.Spider):  # type: ignore[misc]
    name = "films"

    def __init__(self, seeds: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        with open(seeds, encoding="utf-8") as file:
            self.start_urls = file.read().split()
        self.items = 0

    def parse(self, response: Any) -> Iterator[Any]:
        yield from response.follow_all(css='a[href*="/title/"]', callback=self.parse_title)

    def parse_title(self, response: Any) -> Iterator[dict[str, Any]]:
        self.items += 1
        year = _YEAR.search(response.css("title::text").get(""))
        yield {
            "url": response.url,
            "title": response.css("h1::text").get("").strip(),
            "year": int(year.group(1)) if year else None,
        }

    def closed(self, reason: str) -> None:
        pages = self.crawler.stats.get_value("downloader/response_count", 0)
        print(json.dumps({"pages": pages, "items": self.items, "reason": reason}), flush=True)
