"""The memo as files: HTML, PDF through the browser, Word, executed notebooks, the shelf."""

import sys

# nbformat validates notebooks with jsonschema, whose format checkers import rfc3987_syntax
# when it is installed (JupyterLab's dependencies install it). That module compiles some 35
# Lark grammars at import: 1.7 s on this machine, before a build can start its kernel
# (python-jsonschema/jsonschema#1428). The notebook schema checks no "iri" format, so a
# build goes without that checker: a None entry makes jsonschema's guarded import fail.
sys.modules.setdefault("rfc3987_syntax", None)
