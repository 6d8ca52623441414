"""Cross-record rules on the curated data; every problem found, none stops the rest.

records.py     references resolve, quotes are verbatim, dates parse, support and
               provenance hold
date_scope.py  a date belongs to the clause that names its subject
speech.py      who said it, how firmly, how it is framed, who leads
checked.py     what the checks derive on the way (quote offsets, date windows)
run.py         check_curated: every rule, in the order they run
"""
