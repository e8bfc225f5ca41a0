"""Fetch pages, hand them to the parsers, hand the records to the loader."""

import sys

# sqlite-utils imports numpy where it is installed (the `train` extra brings it) only to map numpy types to columns,
# which cinescrape never stores: 0.15-0.2 s of every start of the CLI and of the parse workers' fork server. It is
# hidden while sqlite-utils loads (which then goes without), and importable again after.
if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # None in sys.modules: the import raises ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]
