"""The curated records: loaded, indexed by name, grouped by syndication, checked."""
