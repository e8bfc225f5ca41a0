"""The floor of bench/crawl.py: a bare httpx client that only fetches the generated site (the lists, then the title
pages they link), CONCURRENCY requests at a time; no parse beyond a regex for the links, nothing stored.

python bench/fetch_floor.py SEEDS_FILE CONCURRENCY  → one JSON line: {"pages": N}
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from urllib.parse import urljoin

import httpx

_TITLE_LINK = re.compile(rb'href="(/title/tt\d+/)"')


async def fetch_all(seeds: list[str], concurrency: int) -> int:
    slots = asyncio.Semaphore(concurrency)
    seen = set(seeds)
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(limits=limits) as client:

        async def get(url: str) -> bytes:
            async with slots:
                response = await client.get(url)
                return response.raise_for_status().content

        async def visit_list(url: str) -> int:
            body = await get(url)
            links = {urljoin(url, link.decode()) for link in _TITLE_LINK.findall(body)} - seen
            seen.update(links)
            await asyncio.gather(*(get(link) for link in links))
            return 1 + len(links)

        return sum(await asyncio.gather(*(visit_list(seed) for seed in seeds)))


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as file:
        urls = file.read().split()
    print(json.dumps({"pages": asyncio.run(fetch_all(urls, int(sys.argv[2])))}))
