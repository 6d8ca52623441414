"""A new article: its sentences, what each proposes, and the review file the analyst edits."""
