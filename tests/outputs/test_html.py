"""The memo page's plotly.js: the vendored bundle pinned by its sha256, refused when altered."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest
from plotly.offline import get_plotlyjs_version

from ijmemo.outputs.html import PLOTLY_BUNDLE, plotly_js


def test_vendored_plotly_bundle_is_pinned_and_the_version_plotly_embeds():
    js = plotly_js()  # raises if the file's sha256 is not the pinned one
    version = get_plotlyjs_version()
    assert f"plotly.js (bar, heatmap - minified) v{version}" in js[:200]
    recipe = PLOTLY_BUNDLE["recipe"]
    wanted = json.loads((recipe / "package.json").read_text(encoding="utf-8"))
    assert wanted["dependencies"]["plotly.js"] == version
    locked = json.loads((recipe / "package-lock.json").read_text(encoding="utf-8"))
    assert locked["packages"]["node_modules/plotly.js"]["version"] == version
    assert len(js) < 1_300_000  # the official "cartesian" bundle: 1.5 MB; the full one 4.8 MB


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
