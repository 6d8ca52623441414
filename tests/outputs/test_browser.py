"""Chromium for the PDF: found or explained, started ahead of the print, never left running."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from ijmemo.outputs.browser import CHROMIUM_ENV, BrowserNotFound, PdfPrinter, find_chromium


def test_a_missing_browser_says_what_to_set(monkeypatch):
    monkeypatch.setenv(CHROMIUM_ENV, "/nonexistent/chromium")
    with pytest.raises(BrowserNotFound, match=CHROMIUM_ENV):
        find_chromium()


def test_the_headless_shell_is_preferred_to_the_full_browser(monkeypatch, tmp_path):
    for name in ("chromium", "chromium-headless-shell"):
        (tmp_path / name).write_text("#!/bin/sh\n")
        (tmp_path / name).chmod(0o755)
    monkeypatch.delenv(CHROMIUM_ENV, raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    assert find_chromium() == str(tmp_path / "chromium-headless-shell")
    (tmp_path / "chromium-headless-shell").unlink()
    assert find_chromium() == str(tmp_path / "chromium")


def test_the_printer_hands_its_failure_to_the_build_and_stops(monkeypatch, tmp_path):
    monkeypatch.setenv(CHROMIUM_ENV, "/nonexistent/chromium")
    printer = PdfPrinter()  # fails in its own thread while the build goes on
    with pytest.raises(BrowserNotFound):
        printer.print(tmp_path / "memo.html", tmp_path / "memo.pdf")
    printer.close()  # returns: nothing left waiting


def test_the_printer_prints_one_page_offline(tmp_path):
    page = tmp_path / "memo.html"
    page.write_text("<!DOCTYPE html><title>t</title><p>India–Japan memo</p>", encoding="utf-8")
    printer = PdfPrinter()
    try:
        printer.print(page, tmp_path / "memo.pdf")
    finally:
        printer.close()
    assert "India–Japan memo" in PdfReader(tmp_path / "memo.pdf").pages[0].extract_text()
