"""Field normalisers shared by every IMDb layout and sub-page parser.

Each takes text or a node and returns a clean value; layout parsers only say
where on the page the value sits.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborNode

from ..records import Company
from ..text import clean, mentions, node_text, strip_quotes, to_int

_TT = re.compile(r"/title/(tt\d{7,10})")
_CO = re.compile(r"/company/(co\d{7,10})")
_NM = re.compile(r"/name/(nm\d{7,10})")
_HOURS = re.compile(
    r"(\d+)\s*(?:(?:h|hr|hrs|hour|hours|std|stunden?|uur|tim|timmar?|heure|heures|hora|horas|ora|ore|godz|godzin[ay]?"
    r"|hod|hodin[ay]?|óra|saat|ч|час|часа|часов|годин[аи]?|ώρ[αε]ς?|tuntia|giờ)\b\.?|小时|小時|時間|시간)",
    re.I,
)
# The minutes after an hours unit, their own unit left out: "1 h 26".
_MINUTES_AFTER_HOURS = re.compile(r"^\s*(\d{1,2})\s*$")
# Chinese, Japanese and Korean write the unit against the next word ("169分钟", "120分", "131분"): no word boundary
# after it.
_MINUTES = re.compile(
    r"(\d+)\s*(?:(?:m|min|mins|minute|minutes|minuten|minutos|minuti|мин|минут[аы]?|хв|хвилин[аи]?|dk|dakika|perc"
    r"|λεπτά|minuuttia|phút)\b|分钟|分鐘|分|분)",
    re.I,
)
_ISO_DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?", re.I)
_RUNTIME_SEPARATOR = re.compile(r"\s\|\s|\|")
_COUNTRY_PREFIX = re.compile(r"^[^\d:]*:\s*")
_BARE_NUMBER = re.compile(r"\s*(\d+)\s*$")
# Link texts and trailers that are navigation, never values.
NAVIGATION = re.compile(
    r"^(see (more|all)( \(\d[\d,]*\))?|more|edit|add|show more( on imdbpro)?|see full cast)\W*$", re.I
)
_SEE_MORE_TAIL = re.compile(r"\s*(\|\s*)?(see (more|all)(\s*\(\d[\d,]*\))?|more)\s*»?\s*$", re.I)
_VOTES = re.compile(r"\d+ of \d+ found this relevant.*$", re.I)
_SEE_ALL = re.compile(r"See All \((\d[\d,]*)\)", re.I)
_RELEVANT = re.compile(r"\s*(Relevant\?|Is this relevant\?).*$", re.I)
_ROLE_NOTE = re.compile(
    r"\s*(\((?:presents|in association with|as [^)]*|co-production|uncredited|produced in association with|[^)]*\d{4}[^)]*|[^)]*\b(?:with|by|for)\b[^)]*)\))\s*$",
    re.I,
)


def tt_id(href: str | None) -> str | None:
    match = _TT.search(href or "")
    return match.group(1) if match else None


def co_id(href: str | None) -> str | None:
    match = _CO.search(href or "")
    return match.group(1) if match else None


def nm_id(href: str | None) -> str | None:
    match = _NM.search(href or "")
    return match.group(1) if match else None


def drop_see_more(text: str) -> str:
    """ "Castle Rock EntertainmentSee more »" → "Castle Rock Entertainment"."""
    text = clean(text)
    # The tail ends in "more", "all" or a count's ")", then maybe "»": most texts skip the regex.
    end = text.removesuffix("»").rstrip()
    if end.endswith(")") or mentions(end[-4:], "more", "all"):
        text = _SEE_MORE_TAIL.sub("", text)
    return text.strip(" |»")


def is_navigation(text: str) -> bool:
    return bool(NAVIGATION.match(clean(text)))


def runtime_minutes(text: str | None) -> int | None:
    """The first runtime in a Runtime value: "154 min | 168 min (special)" → 154, "USA:45 min" → 45,
    "2 hours 16 minutes" → 136, "1h 5min" → 65, "1 Stunde 26 Minuten" → 86, "1 ч 26 мин" → 86, "1 h 26" → 86,
    "PT2H16M" → 136, "2 hours" → 120."""
    text = clean(text)
    if not text:
        return None
    if match := _ISO_DURATION.match(text):
        hours, minutes = match.groups()
        if hours or minutes:
            return int(hours or 0) * 60 + int(minutes or 0)
    first = _RUNTIME_SEPARATOR.split(text, maxsplit=1)[0]
    first = _COUNTRY_PREFIX.sub("", first)  # "USA:45 min"
    hours = _HOURS.search(first)
    minutes = _MINUTES.search(first) or (_MINUTES_AFTER_HOURS.match(first[hours.end() :]) if hours else None)
    if hours or minutes:
        return (int(hours.group(1)) * 60 if hours else 0) + (int(minutes.group(1)) if minutes else 0)
    bare = _BARE_NUMBER.match(first)
    return int(bare.group(1)) if bare else None


def split_company(text: str) -> tuple[str, str | None]:
    """A company as printed → (name, note): "Pangloss Films (presents)" → ("Pangloss Films", "presents").

    Only a bracket at the end is a note; a comma is never a separator here
    ("Warner Bros. Pictures, Inc." stays whole) because names come from links.
    """
    name = drop_see_more(text)
    notes: list[str] = []
    while name.endswith(")") and (match := _ROLE_NOTE.search(name)):  # a note closes the name
        notes.insert(0, match.group(1)[1:-1].strip())
        name = name[: match.start()].rstrip()
    return strip_quotes(name), "; ".join(notes) or None


def company_from_link(link: LexborNode, role: str = "production", trailing: str = "") -> Company | None:
    """A company link (and the text after it on the same line) as a Company record."""
    name, note = split_company(node_text(link))
    if not name or is_navigation(name):
        return None
    _, trailing_note = split_company("x " + trailing) if trailing.strip() else ("", None)
    notes = "; ".join(n for n in (note, trailing_note) if n) or None
    return Company(name=name, role=role, note=notes, imdb_id=co_id(link.attributes.get("href")))


def clean_keyword(text: str) -> str:
    """A keyword as shown, with vote noise ("12 of 12 found this relevant Relevant? Yes No") removed."""
    text = clean(text)
    if mentions(text, "relevant"):  # both kinds of noise say it: most keywords skip the regexes
        text = _VOTES.sub("", text)
        text = _RELEVANT.sub("", text)
    return drop_see_more(text)


def see_all_count(text: str) -> int | None:
    """The N of a "See All (N)" link: how many there are of what the block shows a few of (its keywords)."""
    match = _SEE_ALL.search(text) if mentions(text, "e all (") else None
    return to_int(match.group(1)) if match else None
