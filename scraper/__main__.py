"""``python -m scraper`` is the ``cinescrape`` command."""

from .cli import main

main()
