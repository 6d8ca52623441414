"""The memo page's plotly.js: the vendored bundle pinned by its sha256, refused when altered."""

from __future__ import annotations

import hashlib
import shutil

import pytest
from plotly.offline import get_plotlyjs_version

from ijmemo.outputs.html import PLOTLY_BUNDLE, plotly_js


def test_vendored_plotly_bundle_is_pinned_and_the_version_plotly_embeds():
    js = plotly_js()  # raises if the file's sha256 is not the pinned one
    version = get_plotlyjs_version()
    assert f"plotly.js (cartesian - minified) v{version}" in js[:200]
    assert PLOTLY_BUNDLE["npm"] == f"plotly.js-cartesian-dist-min@{version}"
    assert len(js) < 1_600_000  # a third of the full 4.8 MB bundle


def test_a_bundle_with_one_byte_changed_is_refused_with_how_to_fetch_it_again(
    tmp_path, monkeypatch
):
    vendored = PLOTLY_BUNDLE["file"]
    copy = tmp_path / vendored.name
    shutil.copyfile(vendored, copy)
    monkeypatch.setitem(PLOTLY_BUNDLE, "file", copy)
    assert plotly_js() == vendored.read_text(encoding="utf-8")  # an exact copy is accepted
    data = bytearray(copy.read_bytes())
    data[1000] = ord("x") if data[1000] != ord("x") else ord("y")
    copy.write_bytes(bytes(data))
    with pytest.raises(RuntimeError, match="make vendor") as caught:
        plotly_js()
    message = str(caught.value)
    assert str(copy) in message
    assert hashlib.sha256(bytes(data)).hexdigest() in message  # the digest it found
