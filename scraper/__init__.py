"""Fetch pages, hand them to the parsers, hand the records to the loader."""
