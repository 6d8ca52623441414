import logging
import os
import sys

# jsonschema (imported by nbformat) builds an RFC 3987 grammar when it is imported,
# 0.9 s of CPU, only to check "iri" string formats, which notebook validation never
# uses. This command-line process does without it (the kernels never import it).
sys.modules.setdefault("rfc3987_syntax", None)

from ijmemo.cli import main  # noqa: E402

status = main()
# Done, every file written and closed, kernels and Chromium shut down: leave without
# tearing down the heap (a build's imports; at 100,000 claims, its tables), which takes
# 0.2-0.4 s. Only what exiting would still do for us is done first.
logging.shutdown()
sys.stdout.flush()
sys.stderr.flush()
os._exit(status)
