"""The SQLite database: schema, loading records, the frontier. Never touches the network."""

from .frontier import FrontierItem, SqliteFrontier
from .schema import NewerDatabase
from .store import FetchedPage, Store, StoreError

__all__ = ["FetchedPage", "FrontierItem", "NewerDatabase", "SqliteFrontier", "Store", "StoreError"]
