"""Candidate claims proposed for a new article: its facts, no page furniture, the right subjects."""

from __future__ import annotations

from datetime import date

import pytest
from ruamel.yaml import YAML

from conftest import (
    ARTICLE,
    DIALOGUE,
    MEETING,
    SID,
    added,
)


def _propose(text: str, day, prefix: str = "story"):
    """What add-source proposes for `text`, against the shipped curated data."""
    from ijmemo.curation.load import load_curated
    from ijmemo.curation.names import Dictionaries
    from ijmemo.intake.new_actors import stands_for
    from ijmemo.intake.proposer import propose

    data, _ = load_curated()
    return propose(text, prefix, day, Dictionaries(data, stands_for()))


def test_candidates_carry_the_facts_and_no_boilerplate(data_copy):
    candidates = {c.id: c for c in added(data_copy).candidates}
    quotes = [c.quote for c in candidates.values()]
    assert any(
        q.startswith("Officials from Japan and India met in Tokyo on 25 February 2026")
        or "met in Tokyo on 25 February 2026" in q
        for q in quotes
    )
    assert any("economic security dialogue in the first half of 2026" in q for q in quotes)
    for junk in ("Also Read", "Photo:", "![", "photo.jpg", "weather"):
        assert not any(junk in q for q in quotes), junk
    text = ARTICLE.read_text()
    for c in candidates.values():
        assert text[c.start : c.end] == c.quote  # verbatim, with offsets
    meeting = candidates[MEETING]
    assert [(w.text, str(w.start), w.precision) for w in (d.window for d in meeting.dated)] == [
        ("25 February 2026", "2026-02-25", "day")
    ]
    assert "critical-minerals" in meeting.sectors and {"IN", "JP"} <= set(meeting.countries)


def test_another_name_resolves_to_the_right_initiative(data_copy):
    candidates = {c.id: c for c in added(data_copy).candidates}
    assert (
        candidates[MEETING].match.subject == "jwg-critical-minerals"
    )  # "Japan-India Critical Minerals Working Group"
    assert candidates[DIALOGUE].match.subject == "strategic-dialogue-18"
    security = next(c for c in candidates.values() if "economic security dialogue" in c.quote)
    assert security.match.subject == "economic-security-dialogue"
    doc = YAML(typ="safe").load((data_copy / "review" / f"{SID}.yaml").read_text())
    review_entry = next(c for c in doc["candidates"] if c["id"] == MEETING)
    assert review_entry["alias"] == "Japan-India Critical Minerals Working Group"
    assert (
        review_entry["accept"] is False and review_entry["statement"] is None
    )  # the analyst decides


def test_a_sentence_after_an_expedition_that_does_not_refer_back_is_read_alone(tmp_path):
    """It crashed (AttributeError in can_refer_to) on a real article about the seabed mud."""
    text = (
        "Japan's expedition for rare earths on the Pacific seabed retrieved mud from a depth of "
        "about 5,500 metres on Sunday, the government said.\n\n"
        "The India-Japan AI Dialogue will meet in New Delhi later this year, officials said.\n"
    )
    found = _propose(text, date(2026, 2, 2), "seabed")
    assert [c.match.subject for c in found.candidates] == [
        "seabed-rare-earths-expedition",
        "ai-dialogue",
    ]


def _proposed_subjects(text: str, day) -> list:
    found = _propose(text, day, "story")
    return [(c.match.subject, c.match.via) for c in found.candidates]


def test_a_sentence_that_names_no_subject_continues_the_story_it_is_about():
    text = (
        "Japan's expedition for rare earths on the Pacific seabed retrieved mud from a depth of "
        "about 5,500 metres, the government said on Monday.\n\n"
        "After reaching the site on January 17, the Japanese vessel began recovery of the "
        "seabed mud on January 30.\n\n"
        "India's commerce ministry said on Monday it would hold talks with exporters in Mumbai "
        "next month.\n"
    )
    (first, _), (second, why), (third, _) = _proposed_subjects(text, date(2026, 2, 3))
    assert first == second == "seabed-rare-earths-expedition"
    assert "continues story-01's subject" in why  # the reason is shown to the analyst
    assert third != first  # a sentence about something else does not inherit it


def _attributions(text: str, day) -> list:
    found = _propose(text, day, "story")
    return [(c.attribution, c.speaker) for c in found.candidates]


def test_every_sentence_of_a_quotation_is_the_speaker_its_end_names():
    text = (
        "”The supply of critical minerals must become more stable. We agreed to hold a "
        "private sector dialogue on economic security. We must find out what Japanese firms "
        "need,” Toshihiro Kitamura, the spokesperson of the Japanese Foreign Ministry said at a "
        "press briefing in New Delhi.\n"
    )
    found = _attributions(text, date(2026, 1, 16))
    assert [a["by"] for a, _ in found] == ["kitamura"] * len(found)
    assert len(found) >= 2 and "inside the quotation" in found[0][1]


def test_a_sentence_after_a_briefers_words_goes_on_with_the_briefers_account():
    text = (
        "Foreign Secretary spokesperson Randhir Jaiswal said Motegi met Jaishankar in New Delhi "
        "on Friday for the 18th India-Japan Strategic Dialogue. During the discussions, the two "
        "ministers reviewed cooperation on critical minerals and semiconductors.\n"
        "India and Japan signed a memorandum on rare earths in August 2025.\n"
    )
    (first, _), (second, why), (third, _) = _attributions(text, date(2026, 1, 17))
    assert first["by"] == second["by"] == "jaiswal"
    assert "goes on with the account" in why
    assert third == "outlet"  # a new paragraph is the report's own voice again


def test_an_instrument_signed_with_no_known_subject_gets_a_status_for_its_starting_record():
    text = "India and Japan signed loan agreements worth 190 billion yen for five projects.\n"
    (c,) = _propose(text, date(2026, 3, 30), "loans").candidates
    assert c.match.subject is None and c.move.status == "agreed"
    assert c.milestone is None  # a step belongs to a known initiative


def test_a_sentence_naming_only_a_new_actor_met_earlier_is_a_fact():
    text = (
        "Deputy Minister Kenji Harada said Japan would hire more engineers from India in 2026.\n"
        "Harada highlighted that many candidates could fill the shortage of skilled workers.\n"
    )
    found = _propose(text, date(2025, 8, 30), "hr")
    assert [c.quote[:6] for c in found.candidates] == ["Deputy", "Harada"]
    assert found.candidates[1].attribution["by"] == "harada"


def test_a_paragraphs_opening_sentence_takes_the_attribution_that_closes_the_next():
    text = (
        "The four foreign ministers agreed to launch a joint initiative on critical minerals. "
        "The decision was made on Tuesday at a meeting in Washington, Kyodo News reported.\n"
        "China dominates the processing of rare earths used in magnets and batteries.\n"
    )
    found = _attributions(text, date(2025, 7, 2))
    assert [a if a == "outlet" else a["by"] for a, _ in found[:2]] == ["kyodo-news"] * 2
    assert "closing" in found[0][1]


@pytest.mark.parametrize(
    "sentence",
    [
        "Japan on Friday set an investment target of 10 trillion yen over the next decade.",
        "India and Japan concluded an action plan on exchanges of skilled workers.",
        "At the summit in late August, a series of economic MoUs was signed.",
        # agreeing among themselves, no instrument named
        "India and Japan agreed to double student exchanges between the two countries.",
        "The two prime ministers decided to upgrade their partnership on space.",
        "We are launching a clean-fuel partnership between India and Japan, Modi said.",
        # an instrument reported as there
        "India and Japan have deepened their mining ties through a new agreement on minerals.",
        "Modi on Friday welcomed the agreement between the Indian and Japanese space agencies.",
        # a document issued or adopted, a headline's present tense, a count of agreements
        "India and Japan issued a joint declaration on security cooperation on Friday.",
        "India and Japan deepened their ties by adopting a joint declaration on maritime work.",
        "The joint declaration was issued during the prime minister's visit to Tokyo.",
        "India and Japan sign a memorandum of cooperation on mineral resources.",
        "India and Japan finalised 13 agreements and declarations during the visit.",
        "Modi on Friday welcomed a landmark agreement between the space agencies of India and"
        " Japan.",
        "The previous investment target for India was announced during Kishida's visit to"
        " Japan in 2022.",
        "The two sides also put out a joint statement titled India and Japan Vision 2025.",
        "The Joint Statement on India-Japan AI Cooperation was released in Tokyo on Friday.",
        "Japan also committed funds to a new Indian semiconductor plant in 2023.",
    ],
)
def test_an_instrument_made_with_no_known_subject_is_agreed(sentence):
    assert _starting_status(sentence) == (None, "agreed")


def _starting_status(sentence: str) -> tuple:
    found = _propose(sentence, date(2025, 8, 30), "made")
    (c,) = found.candidates
    return c.match.subject, c.move.status


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        (
            "The two governments also plan to launch a new India-Japan clean-fuel framework.",
            "proposed",
        ),
        ("A joint clean-fuel statement is expected to be issued during the visit.", "proposed"),
        (
            "The Japanese government is preparing to announce a new investment budget for India.",
            "proposed",
        ),
        ("India and Japan will sign a new pact on shipbuilding in December.", "scheduled"),
        ("The bilateral pact on port data should be signed in December 2026.", "scheduled"),
        (
            "The two governments are expected to conclude a shipping agreement in January.",
            "scheduled",
        ),
        (
            "Japan is also mulling a 2 trillion yen ($13 billion) credit target for India.",
            "proposed",
        ),
        ("India has told Japan that it wants to buy four patrol aircraft.", "proposed"),
        (
            "A Japanese chipmaker and an Indian carmaker have formed a partnership to design"
            " chips in India.",
            "agreed",
        ),
        ("Japan has also reached a deal with India to share satellite data.", "agreed"),
        ("India and Japan agreed to explore a memorandum on ship repair yards.", "proposed"),
        # a plan that was: no agreement
        (
            "The pact between India and Japan was to be signed at the summit, but this is in"
            " doubt.",
            None,
        ),
        # a word or two between the plan and its verb ("will next week sign")
        ("Tokyo and New Delhi will next week sign a pact on graphite imports.", "scheduled"),
        (
            "The two leaders are expected to agree on the graphite pact in Tokyo on Monday.",
            "scheduled",
        ),
        # "a significant", "the establishment of" are no verbs of making
        (
            "The firms will evaluate the establishment of a joint venture for a graphite plant.",
            None,
        ),
        (
            "The new India-Japan clean-fuel framework is expected to be finalized during the"
            " summit in Tokyo on August 29.",
            "scheduled",
        ),
        # talked about, not agreed
        (
            "A Japanese firm agreed to explore investment opportunities in an Indian ammonia plant.",
            "proposed",
        ),
        (
            "The Japanese delegation explored opportunities to work with India on robotic arms.",
            "proposed",
        ),
        ("Japan expressed interest in collaborating with India on port digitisation.", "proposed"),
        (
            "India invited leading Japanese companies such as Imabari Shipbuilding, JMUC, and"
            " Mitsubishi Heavy Industries to invest in Indian shipyards.",
            "proposed",
        ),
        ("India and Japan discussed developing two island groups into smart islands.", "proposed"),
        # opinions shared are no agreement
        ("India and Japan agreed on the importance of stable shipping lanes.", None),
        (
            "Officials said the two sides agreed that closer ties between India and Japan matter.",
            None,
        ),
        ("India and Japan exchanged views on ports during talks in Oslo.", None),
        # proposed by one side, or under way, with nothing new named
        (
            "India also proposed closer cooperation with Japan on next-generation ship design.",
            "proposed",
        ),
        (
            "India and Japan are already working on co-developing a lunar rover, which will land"
            " near the Moon's south pole.",
            "being-implemented",
        ),
        (
            "India and Japan are working together on a lunar rover for a polar mission.",
            "being-implemented",
        ),
        (
            "India and Japan were collaborating on ports, aviation and shipbuilding, Modi said.",
            "being-implemented",
        ),
        # a dialogue the data does not know, held, is convened like a known one
        (
            "The ties grew with the Third India-Japan Space Dialogue held in March 2025.",
            "convened",
        ),
        # …but never convened without the day it was held
        (
            "India and Japan held the first meeting under a new shipping forum, officials said.",
            None,
        ),
        (
            "It was the first time Japan had concluded such a nuclear agreement with India.",
            "agreed",
        ),
        ("The decision was taken at the seventh India-Japan Space Dialogue held in Delhi.", None),
        # a meeting held is an event's, not a status
        ("India and Japan held maritime drills in the Arabian Sea on Monday.", None),
        ("Rajnath Singh began the meeting with Japan's defence minister by thanking Tokyo.", None),
    ],
)
def test_a_new_thing_only_planned_is_proposed_or_scheduled_with_its_window(sentence, status):
    assert _starting_status(sentence) == (None, status)


def test_both_nations_is_the_pair_the_article_is_about():
    text = (
        "India and Japan held talks in Tokyo on Friday.\n"
        "Both nations decided to share policy perspectives and information on best practices.\n"
    )
    found = _propose(text, date(2026, 3, 6), "pair")
    assert len(found.candidates) == 2
    assert set(found.candidates[1].countries) == {"IN", "JP"}


def test_an_agreement_about_a_project_under_way_does_not_move_it_back():
    text = "The leaders agreed to speed up the Mumbai-Ahmedabad high-speed rail project.\n"
    (c,) = _propose(text, date(2026, 3, 6), "hsr").candidates
    assert c.match.subject == "mumbai-ahmedabad-hsr"
    assert c.move.status is None and "already under way" in c.move.why


def test_each_sentence_of_a_quotation_is_a_candidate_of_its_speaker_and_story():
    text = (
        "Railway Minister Ashwini Vaishnaw on Friday inspected the bullet train project's "
        "station at Surat.\n"
        "“The station at Surat is almost ready for passengers. I saw the track laying at the depot. The first section "
        "will open in 2027,” the minister said.\n"
    )
    subjects = _proposed_subjects(text, date(2025, 9, 27))
    said = _attributions(text, date(2025, 9, 27))
    assert len(subjects) == 4  # the report, and each sentence the quotation holds
    assert {s for s, _ in subjects} == {"mumbai-ahmedabad-hsr"}
    assert any("goes on in the quotation" in why for _, why in subjects)
    assert all(isinstance(a, dict) and a["by"] for a, _ in said[1:])


def test_the_dialogue_points_back_to_the_sentence_that_named_a_dialogue():
    text = (
        "Japan and India plan to set up a new framework for a private sector dialogue on "
        "economic security.\n"
        "Foreign Minister Toshimitsu Motegi will visit New Delhi on Thursday.\n"
        "The dialogue will cover semiconductors and critical minerals.\n"
    )
    subjects = _proposed_subjects(text, date(2026, 1, 10))
    assert subjects[0][0] == subjects[-1][0] == "private-sector-dialogue"
    assert "refers back ('The dialogue') to story-01" in subjects[-1][1]


def test_a_sentence_naming_a_new_thing_is_not_a_topic_near_in_words():
    text = (
        "India and Japan signed a memorandum of cooperation on mineral resources to cut "
        "their reliance on China on Friday.\n"
    )
    (subject, why), *_ = _proposed_subjects(text, date(2025, 8, 29))
    assert subject is None and "possibly new" in why


@pytest.mark.parametrize(
    "text",
    [
        "India and Japan agreed on Monday to widen their naval drills while stressing that close"
        " ties matter for a free and open Indo-Pacific.\n",
        'The four Quad ministers will meet on Friday in Tokyo to "affirm the importance of a free'
        ' and open Indo-Pacific".\n',
        "India and Japan have been deepening ties in shipping, with both sharing a vision of a free"
        " and open Indo-Pacific.\n",
    ],
)
def test_a_topic_in_the_frame_of_what_a_sentence_reports_is_not_its_subject(text):
    (subject, why), *_ = _proposed_subjects(text, date(2025, 8, 29))
    assert subject is None and "frame" in why


def test_a_topic_that_is_what_the_sentence_says_stays_its_subject():
    text = "A stronger defence partnership is vital for a free and open Indo-Pacific, it said.\n"
    (subject, _), *_ = _proposed_subjects(text, date(2025, 8, 29))
    assert subject == "free-open-indo-pacific"


def test_a_paper_cited_for_a_report_speaks_and_later_its_report_and_it_do_too():
    text = (
        "New Delhi, Aug 22 Japan will double its investment target for India to 10 trillion yen, "
        "according to a source-based report in Japan's 'The Tokyo Daily' newspaper.\n"
        "“The target will be confirmed at the summit in Tokyo on August 29,” the report said.\n"
        "“Chips and critical minerals will come first in the new economic security talks,” "
        "it added.\n"
    )
    found = _attributions(text, date(2025, 8, 22))
    assert [a["by"] for a, _ in found] == ["the-tokyo-daily"] * 3
    assert "the last body to speak" in found[-1][1]


def test_he_before_anyone_spoke_is_the_person_an_earlier_sentence_opened_with():
    text = (
        "Defence Minister Rajnath Singh hosted General Nakatani in New Delhi on Monday.\n"
        "He recalled his earlier meeting with Nakatani in Laos in November 2024.\n"
    )
    found = _attributions(text, date(2025, 5, 5))
    assert found[1][0]["by"] == "singh"  # not Nakatani, whom the sentence itself names
    assert "the first person named in the sentence before" in found[1][1]


def test_a_sentence_with_no_name_is_a_fact_when_someone_says_it_or_it_refers_back():
    text = (
        "India and Japan agreed on Friday to cooperate on a lunar polar mission.\n"
        "This mission will explore the south pole of the moon for water ice.\n"
        "The foreign secretary also said the rover would be ready soon.\n"
        "The weather in the capital was fine.\n"
    )
    found = _proposed_subjects(text, date(2025, 8, 29))
    assert len(found) == 3  # the colour line is left out, the other three are kept


def test_the_pact_after_a_new_agreement_is_that_new_one_not_the_dialogue_before():
    text = (
        "The two countries welcomed the launch of the India-Japan Private-Sector Dialogue on "
        "Economic Security.\n"
        "The two countries also signed an agreement to deepen their cooperation on shipping.\n"
        "The pact calls the partnership a key pillar of bilateral ties.\n"
    )
    subjects = [s for s, _ in _proposed_subjects(text, date(2025, 8, 29))]
    assert subjects[0] == "private-sector-dialogue"
    assert subjects[-1] is None  # the new agreement: no curated subject


def test_an_agency_relaying_a_quote_is_not_its_speaker_and_surnames_alone_speak():
    text = (
        "Defence Minister Rajnath Singh in his opening remarks said, “I recall our meeting in "
        "Laos last November, where we decided to expand defence cooperation,” ANI reported.\n"
        "Reuters reported in June that India had asked a state-run miner to halt rare earth "
        "exports to Japan.\n"
        "Vaishnaw said that work on the bullet train project was going well.\n"
        "He further added that 87 stations on the bullet train route were being renovated.\n"
    )
    found = [a["by"] for a, _ in _attributions(text, date(2025, 10, 9))]
    assert found == ["singh", "reuters", "vaishnaw", "vaishnaw"]


def test_talk_in_an_article_about_one_meeting_is_that_meetings():
    text = (
        "After meeting Motegi, Jaishankar said he was pleased to co-chair the India-Japan "
        "Strategic Dialogue in New Delhi today.\n"
        "India's economy grew by seven per cent in the last quarter, officials said.\n"
        "Today's discussions covered maritime and supply chain cooperation, officials said.\n"
    )
    subjects = _proposed_subjects(text, date(2026, 1, 16))
    assert [s for s, _ in subjects] == ["strategic-dialogue-18", None, "strategic-dialogue-18"]
    assert "the talks of the article's meeting" in subjects[2][1]
    # "meeting Motegi" alone is not Motegi's meeting with Modi
    assert "motegi-meets-modi" not in [s for s, _ in subjects]


def test_a_sentence_naming_no_one_is_kept_when_it_goes_on_with_the_story():
    text = (
        "The Mumbai-Ahmedabad high-speed rail project has reached new construction milestones, "
        "the railway minister said on Thursday.\n"
        "Rolling stock depots at Surat and Ahmedabad are also under construction.\n"
        "The weather in the capital was fine.\n"
    )
    subjects = [s for s, _ in _proposed_subjects(text, date(2025, 10, 9))]
    assert subjects == ["mumbai-ahmedabad-hsr", "mumbai-ahmedabad-hsr"]


def test_a_further_subjects_clause_borrows_no_date_from_the_others():
    text = (
        "The two sides agreed to organise a meeting of the Joint Working Group on critical "
        "minerals in early 2026, and they also launched an AI Dialogue led by the foreign "
        "ministries.\n"
    )
    found = _propose(text, date(2025, 8, 30), "two")
    by_subject = {c.match.subject: c for c in found.candidates}
    assert by_subject["jwg-critical-minerals"].date.phrase == "early 2026"
    assert by_subject["ai-dialogue"].date is None
    assert by_subject["ai-dialogue"].move.status == "agreed"


def test_a_quotation_after_a_framing_is_not_on_that_framing():
    text = (
        "Kishida said he will announce a new plan on the Free and Open Indo-Pacific during his"
        " stay in India.\n"
        "“This year, Japan will chair the G7 and India will chair the G20.”\n"
    )
    found = _propose(text, date(2023, 3, 19), "kishida")
    assert [c.match.subject for c in found.candidates] == ["free-open-indo-pacific", None]


def test_a_body_that_says_what_a_person_said_relays_it_and_it_said_goes_back_to_the_body():
    text = (
        "India's defence ministry said the dialogue was co-chaired by Defence Secretary Giridhar"
        " Aramane and Japan's Vice Minister of Defence Oka Masami in Tokyo.\n"
        "The ministry said Aramane emphasised that both countries should deepen defence"
        " industry ties.\n"
        "“Both sides agreed to diversify cooperation into space and cyber,” it said in a"
        " statement.\n"
        "Prime Minister Narendra Modi on Friday, August 29, announced that ISRO and JAXA will"
        " work together on a lunar mission.\n"
    )
    found = _attributions(text, date(2024, 4, 5))
    by = [a if a == "outlet" else a["by"] for a, _ in found]
    assert by[1:] == ["aramane", by[0], "modi"]  # "it": the ministry of the first sentence
    assert by[0] and by[0] != "aramane"


def test_the_dialogue_after_a_new_dialogue_is_that_new_one():
    text = (
        "India and Japan held the seventh Defence Policy Dialogue in Tokyo on Wednesday.\n"
        "The dialogue was co-chaired by Defence Secretary Giridhar Aramane and Japan's Vice"
        " Minister of Defence Oka Masami.\n"
    )
    found = _propose(text, date(2024, 4, 5), "dpd")
    assert [c.match.subject for c in found.candidates] == [None, None]
    assert "a new one" in found.candidates[1].match.via


# Who says each sentence, read in its article (`outlet` for the report's own voice).
SPEAKERS_IN_CONTEXT = [
    pytest.param(
        (
            "Japanese Foreign Minister Toshimitsu Motegi visited New Delhi on Friday, "
            "where he met Prime Minister Narendra Modi. During their talks, he said that "
            "Japan and India are natural partners.\n"
        ),
        date(2026, 1, 16),
        ["outlet", "motegi"],
        id="he is who the sentence before opened with, not whom he met",
    ),
    pytest.param(
        (
            "The foreign ministers of India and Japan agreed to launch a joint minerals "
            "initiative. The decision was made on Tuesday in Washington, the Steppe Wire "
            "correspondent reports, citing Kyodo News.\n"
        ),
        date(2025, 7, 2),
        ["kyodo-news", "kyodo-news"],
        id="a report citing an agency is the agency speaking, and its paragraph too",
    ),
    pytest.param(
        (
            "According to the Ministry of External Affairs, both leaders reaffirmed the "
            "partnership between India and Japan. They underscored its importance for "
            "regional stability.\n"
        ),
        date(2025, 11, 23),
        ["in-foreign-ministry", "in-foreign-ministry"],
        id="they, right after a ministry spoke, go on with its account",
    ),
    pytest.param(
        (
            "Tokyo, August 30 (ANI): India and Japan are deepening minerals ties, "
            "according to a factsheet released by the Ministry of External Affairs on "
            "Friday.\nCooperation in economic security is a key pillar of the partnership, "
            "the document underlined.\nAccording to the India-Japan Joint Statement on "
            "Cooperation in AI, both leaders acknowledged that AI is reshaping economies.\n"
        ),
        date(2025, 8, 30),
        ["in-foreign-ministry", "in-foreign-ministry", "governments-of-india-and-japan"],
        id="a factsheet cited, then called the document, speaks; a joint statement is both",
    ),
    pytest.param(
        (
            "External Affairs Minister (EAM) S Jaishankar met Japanese Foreign Minister "
            "Toshimitsu Motegi in New Delhi on Friday.\nIn a social media post, the "
            "External Affairs Minister said both sides discussed critical minerals.\nThe "
            "EAM added that he also had a useful exchange on the Indo-Pacific.\n"
        ),
        date(2026, 1, 16),
        ["outlet", "jaishankar", "jaishankar"],
        id="a full title or its short form is the person named with it",
    ),
    pytest.param(
        (
            "The Indian Navy will induct a new radio mast built with Japan.\n“The Indian "
            "Navy is pursuing the induction of these systems with Japanese collaboration,” "
            "the Navy said in a statement.\nThe Japan International Cooperation Agency "
            "(JICA) approved a new loan to India.\nIt is the largest sum JICA has lent for "
            "one project, according to a statement from the organisation.\n"
        ),
        date(2024, 11, 16),
        ["outlet", "indian-navy", "outlet", "japan-international-cooperation-agency"],
        id="the Navy and the organisation go back to the body named before",
    ),
    pytest.param(
        (
            "According to MEA spokesperson Randhir Jaiswal, the dialogue will deepen ties "
            "between India and Japan. Japan has also offered to host 500 Indian AI "
            "engineers by 2030. India will host an AI summit in February 2026.\n"
        ),
        date(2026, 1, 16),
        ["jaiswal", "jaiswal", "outlet"],
        id="an account goes on for the next sentence of its paragraph only",
    ),
    pytest.param(
        (
            'The Ministry of External Affairs (MEA) in a release said, "The ministers of '
            'India and Japan shall discuss the post-pandemic order."\nThe release added, '
            'the four ministers will also "discuss regional issues".\n'
        ),
        date(2020, 10, 5),
        ["in-foreign-ministry", "in-foreign-ministry"],
        id="the release added goes back to the ministry that issued it",
    ),
    pytest.param(
        (
            "Hosting Motegi in New Delhi, Jaishankar detailed how relations between India "
            "and Japan have matured.\n‘India gives utmost priority to our friendship with "
            "Japan, focusing on growth.’\nHe fondly recalled previous meetings with Motegi.\n"
        ),
        date(2026, 1, 16),
        ["jaishankar", "jaishankar", "jaishankar"],
        id="a sentence in single marks and he fondly recalled keep the speaker",
    ),
    pytest.param(
        (
            "New Delhi, Mar 19 (FN Agency) Japanese Prime Minister Fumio Kishida said "
            "today that he would discuss the Indo-Pacific with Prime Minister Narendra "
            "Modi.\nIn tweets, the Japanese Premier also said that he will announce a new "
            "plan.\n"
        ),
        date(2023, 3, 19),
        ["kishida", "kishida"],
        id="the Japanese Premier is the prime minister named before",
    ),
    pytest.param(
        (
            "According to a readout from Japan's foreign ministry, Takaichi told Modi that "
            "Japan and India share fundamental values.\n"
        ),
        date(2025, 10, 29),
        ["takaichi"],
        id="a readout relays the words of the person it says spoke",
    ),
    pytest.param(
        (
            "“The visit shows how far the two partners have come,” a report in Policy Compass"
            " noted on Monday about Japan and India.\n"
            "The seabed mud off Japan is believed to hold neodymium that India also needs.\n"
            "The two defence ministers were also learnt to have discussed the supply of"
            " amphibious aircraft to India.\n"
        ),
        date(2025, 8, 30),
        ["policy-compass", "outlet", "officials"],
        id="a report in a named paper, a belief (a hedge), and what the paper learnt",
    ),
    pytest.param(
        (
            "Japan may also host India's ministers in Tokyo in May, Japanese news agency Kyodo"
            " reported, citing diplomatic sources.\n"
            "The report said maritime security would top the agenda of Japan and India.\n"
            "Japan has held such talks with Australia, France and India, the report said.\n"
            "According to the Kyodo source, India wants talks on Japan's patrol boats.\n"
        ),
        date(2025, 3, 30),
        ["officials", "kyodo", "kyodo", "officials"],
        id="a paper relaying sources: the sources speak, its report is the paper's, a list is no one",
    ),
    pytest.param(
        (
            "India on Friday congratulated the Japan Polar Research Agency on its lander launch.\n"
            "The Japan Polar Research Agency (JPRA) and India are building a rover together.\n"
            "According to JPRA, the rover with India will land near the Moon's south pole.\n"
        ),
        date(2025, 3, 30),
        ["outlet", "outlet", "japan-polar-research-agency"],
        id="a body named in full first and its initialism defined later speaks by it",
    ),
    pytest.param(
        (
            "India's ports minister met Japan's Vice Minister for Land Affairs Sato Hiroki in"
            " Oslo on Monday.\n"
            "Japan's Vice Minister Sato said Japan was keen on Indian shipyards.\n"
            "Japan's Jiji news agency also reported that India would host the next round.\n"
            "According to sources Tokyo has been weighing a larger shipbuilding fund for India"
            " since 'early' spring.\n"
        ),
        date(2025, 6, 2),
        ["outlet", "hiroki", "jiji", "officials"],
        id="a name written family name first, a news agency by name, sources with no comma",
    ),
]


@pytest.mark.parametrize(("text", "day", "speakers"), SPEAKERS_IN_CONTEXT)
def test_who_says_each_sentence_in_its_article(text, day, speakers):
    found = _attributions(text, day)
    assert [a if a == "outlet" else a["by"] for a, _ in found] == speakers
