import sys

# jsonschema (imported by nbformat) builds an RFC 3987 grammar when it is imported,
# 0.9 s of CPU, only to check "iri" string formats, which notebook validation never
# uses. This command-line process does without it (the kernels never import it).
sys.modules.setdefault("rfc3987_syntax", None)

from ijmemo.cli import main  # noqa: E402

sys.exit(main())
