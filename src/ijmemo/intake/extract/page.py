"""A saved web page: its article text through trafilatura (no navigation, adverts,
captions, related links or comments), and the metadata the page states about itself.

Title, site name, canonical address and author come from the page's meta tags and JSON-LD
as trafilatura reads them. The publication date is read here from the same two places
only (`article:published_time`, `datePublished` and their kin), never guessed from the
text or the address: an "Updated: March 14" line is not when the article was published.
"""

from __future__ import annotations

import json
import re

import trafilatura
from trafilatura.utils import load_html

from ijmemo.core.problems import SourceError
from ijmemo.intake.extract.common import Extracted, library, tidy

# Meta tags that state when an article was first published, in the order they are trusted.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "dc.date.issued",
    "dcterms.created",
    "pubdate",
    "publishdate",
    "parsely-pub-date",
)
_DAY = re.compile(r"^(\d{4}-\d{2}-\d{2})")
# An article has at least one sentence: six words or more, ending as a sentence ends.
_SENTENCE = re.compile(r"(?:\S+\s+){5,}\S+[.!?][\"'”’)]*(?:\s|$)")


def page_text(raw: bytes, name: str) -> Extracted:
    tree = load_html(raw)
    if tree is None:
        raise SourceError(f"{name}: could not be read as a web page (no HTML in it)")
    published = published_on_page(tree)  # read before trafilatura prunes the tree
    found = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        favor_precision=True,
        deduplicate=False,
    )
    text = tidy(found.text or "") if found else ""
    if not _SENTENCE.search(text):  # "Home World": a menu, not an article
        raise SourceError(
            f"{name}: no article text found in the page (a front page, a gallery or a page "
            "saved before it loaded?); save the article's own page, or paste its text"
        )
    stated = {
        "title": found.title,
        "outlet": found.sitename,
        "url": found.url,
        "author": found.author,
        "published": published,
    }
    return Extracted(text, "html", library("trafilatura"), {k: v for k, v in stated.items() if v})


def published_on_page(doc) -> str | None:
    """The day a page's meta tags or JSON-LD say it was published (YYYY-MM-DD), or None.
    `doc`: the page as parsed (`load_html`)."""
    for script in doc.xpath('//script[@type="application/ld+json"]'):
        for item in _json_items(script.text_content()):
            day = _DAY.match(str(item.get("datePublished") or ""))
            if day:
                return day[1]
    metas = {}
    for meta in doc.xpath("//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key and key not in metas:
            metas[key] = meta.get("content") or ""
    for key in _PUBLISHED_META:
        if day := _DAY.match(metas.get(key, "").strip()):
            return day[1]
    return None


def _json_items(text: str) -> list[dict]:
    """The objects of a JSON-LD block (one, a list, or an @graph); [] if it is not JSON."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    items = data if isinstance(data, list) else [data]
    graphs = [g for d in items if isinstance(d, dict) for g in d.get("@graph", [])]
    return [d for d in [*items, *graphs] if isinstance(d, dict)]
