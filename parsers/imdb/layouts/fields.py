"""The labelled fields every old layout shares: field → the label's field name → normaliser.

Labels are matched by meaning (``vocabulary.LABELS``: every era's and language's words for a field), so a
layout lists only what is its own: where its plot sits, and values it keeps outside labelled blocks.
"""

from __future__ import annotations

from . import values
from .engine import Field

LABELLED_FIELDS = (
    Field("genres", values.genres, labels=("genres",)),
    Field("keywords", values.keywords, labels=("keywords",)),
    Field("keywords_total", values.keywords_total, labels=("keywords",)),
    Field("release_dates", values.release_dates, labels=("release_dates",)),
    Field("companies", values.companies, labels=("companies",)),
    Field("connections", values.connections, labels=("connections",)),
    Field("runtime_minutes", values.runtime, labels=("runtime_minutes",)),
    Field("countries", values.countries, labels=("countries",)),
    Field("languages", values.languages, labels=("languages",)),
    Field("directors", values.people, labels=("directors",)),
    Field("writers", values.people, labels=("writers",)),
    Field("akas", values.akas, labels=("akas",)),
)
