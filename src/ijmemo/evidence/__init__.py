"""The evidence as tables: tabulated, derived, and filtered to what was known on a date."""
