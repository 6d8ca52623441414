"""What the data is: the record models, one field table, the data package."""
