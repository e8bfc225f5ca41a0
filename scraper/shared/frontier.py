"""The frontier in Redis, shared by the machines of one crawl, under the rules of ``db.SqliteFrontier``.

URLs are leased, never popped: ``pending`` moves each URL it hands out from the queue to a sorted set of lease
deadlines, in one Lua script; a lease not renewed (its worker was killed) is back in the queue at the next
``pending`` of anyone. A URL leaves the lease set only when the writer has committed its page and applies its
``mark``. Every change is one script run atomically in Redis, on Redis's clock (the machines' clocks may differ).

Keys, under ``cinescrape:`` (memory is one entry per URL ever queued, no probabilistic filter; bench/scale.py
measures the bytes per URL)::

    urls          hash: URL -> JSON [status, kind, depth, discovered_from, run, updated_at, failures, not_before,
                  page_kind, content_hash, etag, last_modified, error]; times in epoch seconds
    queue         sorted set: URL -> when it may be fetched (now, or its deferral's end)
    leases        sorted set: URL -> when its lease expires
    kids:<URL>    set: the URLs first found on that page (``requeue_children``)
    answer:<id>   one call's answer (lease, claim, release, mark), kept two minutes for the client's retry of it
    run           hash: the writer's run: id, settings (JSON), lease (seconds), state ("open", "done")
    runs          the last run's id (the shared frontier numbers its runs: several databases may share it)
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any

import redis
from redis.commands.core import Script
from redis.exceptions import NoScriptError

from db import FrontierItem
from db.frontier import _FIRST_PARK, _LONGEST_PARK, PARK_AFTER_FAILURES
from db.store import StoredPage

from . import PREFIX

URLS, QUEUE, LEASES, RUN, RUNS = (PREFIX + name for name in ("urls", "queue", "leases", "run", "runs"))
KIDS = PREFIX + "kids:"
ANSWER = PREFIX + "answer:"
# seconds: longer than the client's retries of one call last (about a minute: scraper.shared.connect), short enough
# that the answers of a crawl's last two minutes are all Redis holds of them (a few MB at 400 pages/s)
_ANSWER_KEPT = 120

# Shared by every script: Redis's clock, and a URL's entry read and written whole.
_PRELUDE = """
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1e6
local function load(url)
  local raw = redis.call('HGET', KEYS[1], url)
  if raw then return cjson.decode(raw) end
  return nil
end
local function save(url, m) redis.call('HSET', KEYS[1], url, cjson.encode(m)) end
-- db/frontier.py's _parked: 1 day from the PARK_AFTER-th failure in a row, doubling, at most 32 days
local function parked(failures, after, first, longest)
  if failures < after then return 0 end
  return now + math.min(first * 2 ^ math.min(failures - after, 8), longest)
end
"""

# KEYS urls queue; ARGV run, recrawl JSON {kind: seconds}, then url, kind, depth, discovered_from per item
_ADD = """
local run, recrawl, queued = tonumber(ARGV[1]), cjson.decode(ARGV[2]), 0
for i = 3, #ARGV, 4 do
  local url, kind, depth, from = ARGV[i], ARGV[i + 1], tonumber(ARGV[i + 2]), ARGV[i + 3]
  local m = load(url)
  local skip = false
  if m then
    local status = m[1]
    if m[5] == run or status == 'pending' or status == 'deferred' then skip = true
    elseif status == 'failed' and m[8] > now then skip = true
    elseif status == 'done' then
      -- a seed is queued with no kind: the kind its page was stored with decides when it is due
      local due_kind = kind
      if due_kind == '' then due_kind = m[9] end
      local interval = recrawl[due_kind]
      if interval and m[6] + interval > now then skip = true end
    end
  end
  if not skip then
    if m then
      if m[4] ~= '' and m[4] ~= from then redis.call('SREM', KEYS[3] .. m[4], url) end
      m[1], m[2], m[3], m[4], m[5], m[6] = 'pending', kind, depth, from, run, now
    else
      m = {'pending', kind, depth, from, run, now, 0, 0, '', '', '', '', 0}
    end
    save(url, m)
    redis.call('ZADD', KEYS[2], math.max(now, m[8]), url)
    if from ~= '' then redis.call('SADD', KEYS[3] .. from, url) end
    queued = queued + 1
  end
end
return queued
"""

# KEYS urls queue leases run; ARGV limit, lease seconds. Nothing once the run is over (its writer stopped it);
# expired leases first go back to the queue.
_LEASE = """
if redis.call('HGET', KEYS[4], 'state') ~= 'open' then return {} end
for _, url in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', now)) do
  redis.call('ZREM', KEYS[3], url)
  local m = load(url)
  redis.call('ZADD', KEYS[2], math.max(now, m and m[8] or 0), url)
end
local out = {}
for _, url in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, tonumber(ARGV[1]))) do
  redis.call('ZREM', KEYS[2], url)
  redis.call('ZADD', KEYS[3], now + tonumber(ARGV[2]), url)
  table.insert(out, url)
  table.insert(out, redis.call('HGET', KEYS[1], url) or '')
end
return out
"""

# KEYS urls leases; ARGV lease seconds, then URLs whose leases run on; returns those no longer leased
_RENEW = """
local gone = {}
for i = 2, #ARGV do
  if redis.call('ZADD', KEYS[2], 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[i]) == 0 then table.insert(gone, ARGV[i]) end
end
return gone
"""

# KEYS urls; ARGV url, step (+1 claim, -1 release), park after, first park, longest park
_COUNT_FAILURE = """
local m = load(ARGV[1])
if not m then return 0 end
m[7] = math.max(m[7] + tonumber(ARGV[2]), 0)
m[8] = parked(m[7], tonumber(ARGV[3]), tonumber(ARGV[4]), tonumber(ARGV[5]))
save(ARGV[1], m)
return m[7]
"""

# KEYS urls queue leases; ARGV url, status, not_before (epoch, or '' for none given), run, park after, first, longest
_MARK = """
local url, status = ARGV[1], ARGV[2]
local m = load(url) or {'', '', 0, '', 0, 0, 0, 0, '', '', '', '', 0}
if status == 'done' then m[7] = 0 elseif status == 'failed' then m[7] = m[7] + 1 end
local not_before = tonumber(ARGV[3]) or 0
if status == 'failed' and ARGV[3] == '' then
  not_before = parked(m[7], tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7]))
end
m[1], m[5], m[6], m[8] = status, tonumber(ARGV[4]), now, not_before
save(url, m)
redis.call('ZREM', KEYS[3], url)
if status == 'deferred' then redis.call('ZADD', KEYS[2], math.max(now, not_before), url)
else redis.call('ZREM', KEYS[2], url) end
return 0
"""

# KEYS queue leases: 1 when nothing is ready to fetch and no lease is out
_FINISHED = """
if redis.call('ZCOUNT', KEYS[1], '-inf', now) == 0 and redis.call('ZCARD', KEYS[2]) == 0 then return 1 end
return 0
"""

# KEYS urls; ARGV url, page kind ('' keeps it), content hash, etag, last modified, error (1/0): the page as stored
_REMEMBER = """
local m = load(ARGV[1])
if not m then return 0 end
if ARGV[6] == '1' then m[13] = 1
else m[9], m[10], m[11], m[12], m[13] = ARGV[2], ARGV[3], ARGV[4], ARGV[5], 0 end
save(ARGV[1], m)
return 0
"""


def _script(client: redis.Redis, body: str) -> Script:
    return client.register_script(_PRELUDE + body)


class _Once:
    """A script that changes what a second run would change again (a lease, a count), run once per call: its answer
    is kept under the call's own key (added as its last key; its last argument, how many seconds), and the client's
    retry of a call whose answer was lost (Redis stopped as it replied) gets that answer back. Run twice, a lease
    would strand the first batch, held by no one, until its leases expire (a minute's stall); a claim would count two
    failures."""

    def __init__(self, client: redis.Redis, body: str) -> None:
        self._script = _script(
            client,
            f"""
local kept = redis.call('GET', KEYS[#KEYS])
if kept then return cjson.decode(kept) end
local answer = (function()
{body}
end)()
redis.call('SET', KEYS[#KEYS], cjson.encode(answer), 'EX', ARGV[#ARGV])
return answer
""",
        )

    def __call__(self, keys: list[str], args: list[Any], client: redis.client.Pipeline | None = None) -> Any:
        return self._script(keys=[*keys, ANSWER + uuid.uuid4().hex], args=[*args, _ANSWER_KEPT], client=client)


_Call = tuple[Script | _Once, list[str], list[Any]]  # a script, its keys and its arguments


def _epoch(when: str | None) -> str:
    return "" if when is None else str(datetime.fromisoformat(when).timestamp())


class RedisFrontier:
    """The ``scraper.frontier.Frontier`` interface on Redis. ``run_id`` is the shared run's number (the writer's
    instance; a worker's leases and claims need none)."""

    def __init__(self, client: redis.Redis, run_id: int = 0, lease_seconds: float = 60.0) -> None:
        self.client = client
        self.run_id = run_id
        self.lease_seconds = lease_seconds
        self.held: dict[str, list[Any]] = {}  # URLs this process leased and has not marked: their entries
        self.sent: set[str] = set()  # URLs whose mark was sent to the writer, their leases held until it applies it
        self._add, self._renew, self._remember = (_script(client, body) for body in (_ADD, _RENEW, _REMEMBER))
        self._lease, self._count, self._mark = (_Once(client, body) for body in (_LEASE, _COUNT_FAILURE, _MARK))
        self._finished = _script(client, _FINISHED)
        self._batch: list[_Call] | None = None  # inside ``pipelined``: its calls
        self._park = (PARK_AFTER_FAILURES, _FIRST_PARK.total_seconds(), _LONGEST_PARK.total_seconds())

    @contextmanager
    def pipelined(self) -> Iterator[None]:
        """Send the changes made inside (add, release, mark, remember: whose answers the writer never reads) in
        one round trip at its end, in order."""
        batch: list[_Call] = []
        self._batch = batch
        try:
            yield
        finally:
            self._batch = None
        try:
            self._send(batch)
        except NoScriptError:  # Redis restarted between the pipeline's check of its scripts and their run (the
            self._send(batch)  # client's retry sent them to a server that forgot them): none ran; now loaded first

    def _send(self, batch: list[_Call]) -> None:
        pipeline = self.client.pipeline(transaction=False)
        for script, keys, args in batch:
            script(keys=keys, args=args, client=pipeline)
        pipeline.execute()

    def _run(self, script: Script | _Once, keys: list[str], args: list[Any]) -> Any:
        """Run ``script`` now and return its answer, or, inside ``pipelined``, queue it for the batch (None)."""
        if self._batch is None:
            return script(keys=keys, args=args)
        self._batch.append((script, keys, args))
        return None

    def add(self, items: Iterable[FrontierItem], recrawl_after: dict[str, timedelta] | None = None) -> int:
        """Queue URLs not queued or visited in this run, nor parked, nor done and not yet due; how many (0 inside
        ``pipelined``)."""
        args: list[str | int] = [
            self.run_id,
            json.dumps({k: v.total_seconds() for k, v in (recrawl_after or {}).items()}),
        ]
        for item in items:
            args += [item.url, item.kind or "", item.depth, item.discovered_from or ""]
        if len(args) == 2:
            return 0
        queued = self._run(self._add, [URLS, QUEUE, KIDS], args)
        return 0 if queued is None else int(queued)

    def requeue_children(self, url: str, recrawl_after: dict[str, timedelta] | None = None) -> int:
        children = [str(member) for member in self.client.smembers(KIDS + url)]
        entries = self.client.hmget(URLS, children) if children else []
        return self.add(
            [_item(child, json.loads(raw)) for child, raw in zip(children, entries, strict=True) if raw],
            recrawl_after,
        )

    def pending(self, limit: int) -> list[FrontierItem]:
        """Lease up to ``limit`` URLs that are due (expired leases of anyone first return to the queue); none
        unless a run is open."""
        found = self._lease(keys=[URLS, QUEUE, LEASES, RUN], args=[limit, self.lease_seconds])
        items = []
        for url, raw in zip(found[::2], found[1::2], strict=True):
            entry = json.loads(raw) if raw else ["pending", "", 0, "", 0, 0, 0, 0, "", "", "", "", 0]
            self.held[url] = entry
            items.append(_item(url, entry))
        return items

    def renew(self) -> None:
        """Extend the leases this process still holds (a slow host's queue, a busy writer, must not look like a
        dead worker); forget those the writer has ended."""
        if self.held or self.sent:
            gone = self._renew(keys=[URLS, LEASES], args=[self.lease_seconds, *self.held, *self.sent])
            self.sent.difference_update(gone)

    def let_go(self, url: str) -> None:
        """``url``'s mark is on its way to the writer; its lease is kept until the writer applies it."""
        self.held.pop(url, None)
        self.sent.add(url)

    def stored(self, url: str) -> StoredPage | None:
        """The page as the writer last stored it, from the entry leased with the URL; None if never stored."""
        entry = self.held.get(url)
        if entry is None or not entry[9]:
            return None
        return StoredPage(
            0, url, str(entry[9]), str(entry[10]) or None, str(entry[11]) or None, "error" if entry[12] else None
        )

    def claim(self, url: str) -> None:
        self._count(keys=[URLS], args=[url, 1, *self._park])

    def release(self, url: str) -> None:
        self._run(self._count, [URLS], [url, -1, *self._park])

    def mark(self, url: str, status: str, error: str | None = None, not_before: str | None = None) -> None:
        """Finish a URL (its error stays in the database's ``pages.error``); its lease ends."""
        self._run(self._mark, [URLS, QUEUE, LEASES], [url, status, _epoch(not_before), self.run_id, *self._park])
        self.held.pop(url, None)

    def remember(self, url: str, kind: str | None, content_hash: str | None, etag: str | None,
                 last_modified: str | None, error: bool) -> None:  # fmt: skip
        """What the next visit needs of the page just stored: its kind, hash and validators (an error keeps them)."""
        self._run(
            self._remember, [URLS], [url, kind or "", content_hash or "", etag or "", last_modified or "", int(error)]
        )

    def counts(self) -> dict[str, int]:
        """URLs queued (ready or deferred) and leased: what a run stopped early leaves."""
        return {"pending": int(self.client.zcard(QUEUE)), "leased": int(self.client.zcard(LEASES))}

    def finished(self) -> bool:
        """Nothing ready to fetch and no lease out: the run is over (deferred URLs wait for a later run)."""
        return bool(self._finished(keys=[QUEUE, LEASES]))


def _item(url: str, entry: list[Any]) -> FrontierItem:
    return FrontierItem(url, str(entry[1]) or None, int(entry[2]), str(entry[3]) or None)
