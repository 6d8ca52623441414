"""India–Japan partnership memo: curated, quote-verified evidence and the memo built on it."""
