"""Claims files that passed type-checking, kept as JSON: checked again from it in one call.

At 100,000 claims, reading each file's parse back and type-checking its claims one by one
was most of loading. Pydantic type-checks the same claims from JSON, a file in one call,
in a fraction of the time. Every claim is still type-checked on every run; what is saved
is reading the parse back and the per-record work around it.

A file is kept only when every claim in it passed, and only once checking its JSON has
been seen to give the very same claims; it is kept by its bytes' sha256 and its source
(the file's name), and by the code that kept it (`code_fingerprint`). A file that is
edited, renamed, or read by other code is checked from its YAML, as any file with a
problem always is.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from ijmemo.core.kept import code_fingerprint, read_kept, update_kept
from ijmemo.core.problems import Located
from ijmemo.metadata.schema import Claim

_CLAIMS = TypeAdapter(list[Claim])


class KeptClaims:
    """The clean claims files kept at `path` (None: nothing kept, nothing read)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.before: dict[str, tuple[bytes, list, list]] = read_kept(path, code_fingerprint())
        self.now: dict[str, tuple[bytes, list, list]] = {}

    def claims(self, sha256: str, source: str) -> list[tuple[Claim, int | None, str]] | None:
        """The file's claims, each with its line and label (as problems name it: the id as
        written), checked from the JSON kept for these bytes and this source (None: none
        kept, or it no longer passes)."""
        key = f"{sha256}:{source}"
        kept = self.before.get(key)
        if kept is None:
            return None
        text, lines, labels = kept
        try:
            claims = _CLAIMS.validate_json(text)
        except ValidationError:
            return None
        if not len(claims) == len(lines) == len(labels):
            return None
        self.now[key] = kept
        return list(zip(claims, lines, labels, strict=True))

    def keep(self, sha256: str, source: str, raw: list[dict], located: list[Located]) -> None:
        """Keep a file whose claims all passed (`raw`: as parsed, with their source;
        `located`: what checking them gave), if checking their JSON gives the same."""
        if self.path is None:
            return
        try:
            text = json.dumps(raw, ensure_ascii=False, allow_nan=False).encode()
            again = _CLAIMS.validate_json(text)
        except (TypeError, ValueError):  # (not JSON: a YAML set or binary; or it fails)
            return
        if again == [loc.record for loc in located]:  # (fields, types and fields set)
            self.now[f"{sha256}:{source}"] = (
                text,
                [loc.line for loc in located],
                [loc.label for loc in located],
            )

    def save(self) -> None:
        """Keep what this run checked clean; files gone or changed are dropped."""
        update_kept(self.path, self.before, self.now)
