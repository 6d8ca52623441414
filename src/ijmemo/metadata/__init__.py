"""What the data is: vocabularies, record models, one field table, the tables, the cell
codec, the data package."""
