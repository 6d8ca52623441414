"""Who says it and how firmly, as proposed for a new article's candidates."""

from __future__ import annotations

import subprocess
import sys

import pytest

from ijmemo.intake.attribution import propose_attribution, propose_modality

ACTORS = {
    "mea": ["Ministry of External Affairs", "MEA"],
    "kitamura": ["Toshihiro Kitamura", "Kitamura"],
    "jaishankar": ["S. Jaishankar", "Jaishankar"],
    "jp-foreign-ministry": ["Japan's foreign ministry"],
}


@pytest.mark.parametrize(
    ("quote", "modality"),
    [
        ("Japan has a strong desire to start a new round of talks on economic security", "wished"),
        ("cooperation under the framework of the Quad could be one way", "hedged"),
        ("The two sides agreed to organise a meeting of a joint working group", "agreed"),
        ("India and Japan to launch AI dialogue", "planned"),  # a headline's "to launch"
        ("the two sides will arrange a dialogue between the private sectors", "planned"),
        ("A strategic dialogue took place on Friday.", "done"),
        # a plan in a clause describing a thing is not what a report of something done says
        ("The minister inspected the new crossing, where trains will run at 300 km/h.", "done"),
        ("The envoy visits Osaka in March, where officials will show him a port.", "planned"),
    ],
)
def test_modality_is_proposed_from_the_quote(quote, modality):
    assert propose_modality(quote) == modality


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (
            "Japanese foreign ministry spokesperson Toshihiro Kitamura told a media briefing that",
            {"by": "kitamura", "how": "briefing", "words": "Toshihiro Kitamura told"},
        ),
        (
            "met in Tokyo on 25 February 2026 for the first meeting, Japan's foreign ministry said.",
            {"by": "jp-foreign-ministry", "how": "said", "words": "Japan's foreign ministry said"},
        ),
        (
            "to September 2026, officials said on Saturday.",
            {"by": "officials", "how": "said", "words": "officials said"},
        ),
        (
            "“Both sides are working on dates that suit the two delegations,” an official said.",
            {"by": "officials", "how": "said", "words": "an official said"},
        ),
        (  # a pronoun: the analyst says who
            "Both sides “agreed to accelerate” the project, he said",
            {"by": None, "how": "said", "words": "he said"},
        ),
        ("The two sides agreed to organise a meeting", "outlet"),
        (  # a name with commas in it is one name, not its last part
            "a task force on shipbuilding, the Ministry of Ports, Shipping and Waterways said.",
            {
                "by": None,
                "how": "said",
                "words": "the Ministry of Ports, Shipping and Waterways said",
            },
        ),
    ],
)
def test_attribution_is_proposed_with_its_words(quote, expected):
    assert propose_attribution(quote, ACTORS) == expected


def test_would_in_reported_speech_is_a_plan_not_a_hedge():
    assert propose_modality("Officials said the next round would be held in May.") == "planned"
    assert propose_modality("The talks would help both sides, he said.") == "hedged"


def test_looking_forward_is_a_plan_not_a_wish():
    quote = '"I look forward to welcoming my Japanese counterpart to New Delhi," Jaishankar wrote.'
    assert propose_modality(quote) == "planned"


def test_a_wish_beside_looking_forward_is_still_a_wish():
    quote = "I look forward to the visit and hope we can sign the pact then, Modi said."
    assert propose_modality(quote) == "wished"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        (
            "Jaishankar wrote on X that the strategic dialogue was useful.",
            {"by": "jaishankar", "how": "statement", "words": "Jaishankar wrote"},
        ),
        (
            "Kitamura posted on X that the talks went well.",
            {"by": "kitamura", "how": "statement", "words": "Kitamura posted"},
        ),
        (
            "Kitamura stated that the two sides will meet in June.",
            {"by": "kitamura", "how": "said", "words": "Kitamura stated"},
        ),
        (
            "Kitamura told reporters the two sides will meet in June.",
            {"by": "kitamura", "how": "said", "words": "Kitamura told"},
        ),
        (
            "According to a statement from Japan's foreign ministry, the group will meet in June.",
            {
                "by": "jp-foreign-ministry",
                "how": "statement",
                "words": "According to a statement from Japan's foreign ministry",
            },
        ),
        ("Jaishankar wrote to Motegi about the dialogue.", "outlet"),  # a letter, not a post
        # more verbs of saying, as real reports use them
        (
            "Jaishankar pointed out that supply chains need more than one source.",
            {"by": "jaishankar", "how": "said", "words": "Jaishankar pointed out"},
        ),
        (
            "Jaishankar recalled the role Japan played in the Delhi metro.",
            {"by": "jaishankar", "how": "said", "words": "Jaishankar recalled"},
        ),
        (
            "Addressing reporters, Kitamura talked about the two sides' plans for chips.",
            {"by": "kitamura", "how": "said", "words": "Kitamura talked about"},
        ),
        (
            "Kitamura shared on X that the vessel had collected the mud.",
            {"by": "kitamura", "how": "statement", "words": "Kitamura shared on"},
        ),
        ("The two sides shared their plans for the corridor.", "outlet"),  # not words said
        # governments speaking, together or one by its country
        (
            "India and Japan said that chips would receive priority.",
            {
                "by": "governments-of-india-and-japan",
                "how": "said",
                "words": "India and Japan said",
            },
        ),
        (
            "The two leaders described the partnership as a model for the region.",
            {
                "by": "governments-of-india-and-japan",
                "how": "said",
                "words": "The two leaders described",
            },
        ),
        (
            "Japan's government said on Monday that the vessel had retrieved the mud.",
            {"by": "jp-government", "how": "said", "words": "Japan's government said"},
        ),
        (
            "According to the Indian government, the partnership has grown in scope.",
            {"by": "in-government", "how": "said", "words": "According to the Indian government"},
        ),
        # the speaker before a relative clause, a body with "and" in its name, officials
        # described at length
        (
            "Ambassador Keiichi Ono, who took part in the talks, emphasized that trust matters.",
            {
                "by": "ono",
                "how": "said",
                "words": "Ambassador Keiichi Ono, who took part in the talks, emphasized",
            },
        ),
        (
            "Officials from the Agency for Marine Science and Technology said the ship had left.",
            {
                "by": "officials",
                "how": "said",
                "words": "Officials from the Agency for Marine Science and Technology said",
            },
        ),
        (
            "At the forum, a senior official of the Indian unit of a Japanese electronics maker "
            "said that cables were being laid.",
            {
                "by": "officials",
                "how": "said",
                "words": "a senior official of the Indian unit of a Japanese electronics maker said",
            },
        ),
        # a ministry by its portfolio first, with "has also" before the verb
        (
            "The External Affairs Ministry has also said that India is watching the situation.",
            {"by": "mea", "how": "said", "words": "The External Affairs Ministry has also said"},
        ),
        # "as per", a factsheet, "sources indicate that"
        (
            "As per the MEA, India and Japan launched the first round of the dialogue.",
            {"by": "mea", "how": "said", "words": "As per the MEA"},
        ),
        (
            "The two sides are working together, according to a factsheet released by the MEA.",
            {
                "by": "mea",
                "how": "statement",
                "words": "according to a factsheet released by the MEA",
            },
        ),
        (
            "Sources indicate that the situation around the project is sensitive.",
            {"by": "officials", "how": "said", "words": "Sources indicate"},
        ),
        # the two leaders' acts, in the report's account
        ("Both leaders underscored the importance of the rail project.", "outlet"),
        (
            "A spokesperson for Japan's foreign ministry confirmed that chips were discussed.",
            {
                "by": "jp-foreign-ministry",
                "how": "said",
                "words": "Japan's foreign ministry confirmed",
            },
        ),
        # a source cited past two outlets; an agency the report is "as reported by"
        (
            "Japan will announce a 10 trillion yen target for India, Kyodo News reported, citing"
            " a government source, according to ANI.",
            {"by": "officials", "how": "said", "words": "citing a government source"},
        ),
        (
            "Both nations are working on a new economic security framework, as reported by"
            " Kyodo News.",
            {"by": "kyodo-news", "how": "said", "words": "as reported by Kyodo News"},
        ),
        (
            "Jaishankar detailed how the ties have matured.",
            {"by": "jaishankar", "how": "said", "words": "Jaishankar detailed"},
        ),
        # a name, then its title and a day, before "said"
        (
            "VK Yadav, Chairman of the Railway Board on 1 March said the work will be completed.",
            {
                "by": "yadav",
                "how": "said",
                "words": "VK Yadav, Chairman of the Railway Board on 1 March said",
            },
        ),
        # said by someone the report does not name
        (
            "During the dialogue, it was also announced that a Japanese project had progressed.",
            {"by": "officials", "how": "said", "words": "it was also announced"},
        ),
    ],
)
def test_published_and_stated_words_are_attributed(quote, expected):
    assert propose_attribution(quote, ACTORS) == expected


def test_a_long_run_of_auxiliaries_before_said_does_not_hang():
    # Once exponential (4 s at 22 repetitions, doubling with each): 60 would never end.
    # Run apart so a regression fails on the timeout instead of hanging the suite.
    code = (
        "from ijmemo.intake.attribution import propose_attribution\n"
        "s = 'A senior official' + ' had also' * 60 + ' said the pact would be signed.'\n"
        "print(propose_attribution(s, {})['by'])\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True
    )
    assert done.stdout.strip() == "officials"


def test_a_plural_alone_is_no_new_person():
    assert propose_attribution("Experts said the plan was sound.", {})["by"] is None


@pytest.mark.parametrize(
    ("sentence", "by"),
    [
        # a country or its capital speaking is its government, not a person
        ("China said the curbs were lawful.", "china"),
        ("Beijing says its curbs protect the environment.", "beijing"),
        ("Tokyo also said it would widen the talks with India.", "jp-government"),
        ("India said Friday that the visit had been put off.", "in-government"),
        ("Officials say the deal would cover a third of demand.", "officials"),
    ],
)
def test_a_government_speaking_by_its_country_or_capital(sentence, by):
    assert propose_attribution(sentence, {})["by"] == by


def test_and_between_two_names_is_still_a_boundary():
    found = propose_attribution("Jaishankar hosted Modi and Motegi told reporters so.", {})
    assert found["words"] == "Motegi told"
