"""The one exception the parsers raise on purpose.

Anything a page can be wrong about (truncated markup, bad JSON-LD, an unknown
layout) comes back as a record with ``missing`` filled. Only a document that is
no page of any kind this project reads raises ``UnknownPage``.
"""


class UnknownPage(ValueError):
    """The bytes are not a page of any kind cinescrape parses; the message says why, in one line."""
