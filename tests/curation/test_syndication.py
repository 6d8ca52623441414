"""Sources that carry the same wording (a reprinted wire story) are one syndication group."""

from __future__ import annotations

import hashlib
import random

from ijmemo.core.paths import DATA_DIR
from ijmemo.curation.syndication import source_shingles, syndication_groups
from ijmemo.text.quotes import SourceText

from conftest import FIXTURES, S000, S003

# Agency copy as the wire sent it.
WIRE = """New Delhi, Jan 16 (PTI) India and Japan on Friday agreed to set up a joint working group on critical minerals and to launch a dialogue on artificial intelligence, after talks between External Affairs Minister S Jaishankar and Japanese Foreign Minister Toshimitsu Motegi.
The working group will map supply chains for rare earths, lithium and other strategic materials, and is expected to hold its first meeting in Tokyo within months, officials said.
Motegi, who is on a three-day visit, also called on Prime Minister Narendra Modi and discussed trade, defence equipment and the high-speed rail project linking Mumbai and Ahmedabad.
"We agreed that economic security is now at the heart of our special strategic and global partnership," Jaishankar said in his opening remarks.
Both sides will also arrange a dialogue between their private sectors on critical minerals and energy, to be followed by an economic security dialogue led by India's foreign secretary and a Japanese vice minister in the first half of 2026.
The two ministers last met in Tokyo in August.
"""

# The same story reported independently: same facts and names, the outlet's own words.
KYODO = """TOKYO, Jan. 16 (Kyodo) -- Japan's Foreign Minister Toshimitsu Motegi and his Indian counterpart Subrahmanyam Jaishankar met in New Delhi on Friday for their annual strategic dialogue, the Foreign Ministry said.
The ministers confirmed plans for a panel that will study how the two countries can secure rare earths and lithium, as Tokyo seeks to cut its dependence on Chinese supplies.
They also decided to start talks on artificial intelligence, according to the ministry.
During his stay Motegi held a meeting with Prime Minister Narendra Modi, with whom he exchanged views on the bullet train line under construction in western India and on closer defence ties.
The ministry said a vice-ministerial economic security dialogue would take place by the end of June, preceded by talks among companies from both nations.
Motegi was scheduled to return to Tokyo on Saturday.
"""

HEADLINE = "India, Japan agree to set up working group on critical minerals\n"
QUOTE = '"We agreed that economic security is now at the heart of our special strategic and global partnership," Jaishankar said.'


def groups(**texts: str) -> dict[str, str]:
    digests = {sid: hashlib.sha256(text.encode()).hexdigest() for sid, text in texts.items()}
    shingles = source_shingles({sid: SourceText(t) for sid, t in texts.items()}, digests)
    return syndication_groups(shingles)


def test_an_agency_story_rerun_by_another_outlet_is_one_group_named_by_the_first_source():
    rerun = (
        "Portal News | World\n" + WIRE + "Also Read: What Japan wants from India on rare earths\n"
    )
    # the reprint is listed first: the group is still named by the first source id
    found = groups(**{"002_portal": rerun, "001_wire": WIRE})
    assert found == {"001_wire": "001_wire", "002_portal": "001_wire"}


def test_every_outlet_rerunning_the_same_story_joins_the_one_group():
    found = groups(
        **{
            "001_wire": WIRE,
            "002_portal": "Portal News\n" + WIRE,
            "003_paper": WIRE + "(With inputs from agencies)\n",
            "004_kyodo": KYODO,
        }
    )
    assert found == {
        "001_wire": "001_wire",
        "002_portal": "001_wire",
        "003_paper": "001_wire",
        "004_kyodo": "004_kyodo",
    }


def test_two_outlets_reporting_the_same_story_in_their_own_words_are_not_grouped():
    assert groups(a_wire=WIRE, b_kyodo=KYODO) == {"a_wire": "a_wire", "b_kyodo": "b_kyodo"}


def test_a_shared_headline_and_a_quote_both_repeat_do_not_make_one_a_copy_of_the_other():
    wire = HEADLINE + WIRE
    kyodo = HEADLINE + KYODO + QUOTE + "\n"
    # both really do carry the headline and the minister's words
    assert QUOTE.split(",")[0] in wire and QUOTE in kyodo
    assert groups(a_wire=wire, b_kyodo=kyodo) == {"a_wire": "a_wire", "b_kyodo": "b_kyodo"}


def test_a_portal_carrying_part_of_the_agency_story_is_grouped_with_it():
    paragraphs = WIRE.splitlines()
    excerpt = (
        "Japan ties: what the talks mean for business\n"
        + "\n".join(paragraphs[:4])
        + "\nAnalysts said the visit would help Japanese firms planning factories in India.\n"
    )
    assert groups(a_wire=WIRE, b_portal=excerpt) == {"a_wire": "a_wire", "b_portal": "a_wire"}


def test_a_reprint_rewrapped_with_plain_quotes_and_dashes_is_still_grouped():
    typographic = (
        WIRE.replace('"', "\u201c", 1)
        .replace('"', "\u201d", 1)
        .replace("India's", "India\u2019s")
        .replace("high-speed", "high\u2011speed")
        .replace("(PTI) ", "(PTI) \u2014 ")
    )
    # another outlet's CMS: lines re-wrapped, doubled and non-breaking spaces, a capitalised dateline
    words = typographic.replace("New Delhi", "NEW DELHI").split()
    rewrapped = ""
    for i, word in enumerate(words):
        rewrapped += word + ("\n" if i % 11 == 10 else "  " if i % 7 == 0 else "\u00a0")
    assert "\u201c" in typographic and "India\u2019s" in typographic and "\u00a0" in rewrapped
    found = groups(a_wire=typographic, b_reprint=rewrapped)
    assert found == {"a_wire": "a_wire", "b_reprint": "a_wire"}


def test_a_page_template_printed_under_many_sources_does_not_group_them():
    """A disclaimer or site footer in dozens of sources says nothing about who copied whom."""
    footer = (
        "Disclaimer: This story has not been edited by our staff and is auto-generated from a "
        "syndicated feed. The views and opinions expressed in this article are those of the "
        "authors and do not necessarily reflect the official policy or position of the portal. "
        "Subscribe to our newsletter for the latest updates on business, politics, markets, "
        "technology and sport from across the region, delivered to your inbox every morning. "
        "Follow us on social media and download our app to read the news on the go. Copyright "
        "reserved; no part of this page may be reproduced without the written permission of "
        "the publisher, who accepts no liability for errors or omissions in syndicated content."
    )
    vocabulary = sorted(set((WIRE + KYODO).lower().replace(",", " ").replace(".", " ").split()))
    rng = random.Random(7)
    texts = {
        f"{i:03d}_brief": " ".join(rng.choice(vocabulary) for _ in range(60)) + "\n" + footer
        for i in range(60)
    }
    # the template is most of each page: if it counted, every page would be one group
    assert all(len(footer.split()) > len(t.split()) / 2 for t in texts.values())
    found = groups(**texts)
    assert found == {sid: sid for sid in texts}


def test_the_fixture_reprint_of_source_003_is_grouped_with_it_and_not_with_source_000():
    """The reprint differs from 003 only in its first line (its own header, no date prefix)."""
    shipped = {
        sid: (DATA_DIR / "sources" / f"{sid}.txt").read_bytes().decode("utf-8")
        for sid in (S000, S003)
    }
    reprint = (FIXTURES / "syndicated_003.txt").read_text(encoding="utf-8")
    assert reprint != shipped[S003]
    # add-source names a source after its file: "syndicated_003"
    found = groups(**shipped, syndicated_003=reprint)
    assert found == {S000: S000, S003: S003, "syndicated_003": S003}
