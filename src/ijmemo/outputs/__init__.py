"""The memo as files: HTML, PDF through the browser, Word, executed notebooks, the shelf."""
