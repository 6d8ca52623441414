"""Who speaks in each sentence of a new article, as a reader keeps track of it: a speaker
named once is carried by "he said", "Kitamura added", "the ministry said" and bare
quotations, and the way the words were published (a post, a statement) is kept."""

from __future__ import annotations

from ijmemo.intake.attribution import Reported, attribute
from ijmemo.intake.speakers import Speakers
from ijmemo.metadata.schema import Actor

ACTORS = [
    Actor(
        id="kitamura",
        name="Toshihiro Kitamura",
        aliases=["Kitamura"],
        kind="person",
        role="Spokesperson of Japan's foreign ministry",
        country="JP",
    ),
    Actor(id="jaishankar", name="S. Jaishankar", aliases=["Jaishankar"], kind="person"),
    Actor(id="modi", name="Narendra Modi", aliases=["Modi"], kind="person"),
    Actor(id="in-foreign-ministry", name="India's foreign ministry", kind="ministry"),
    Actor(id="jp-foreign-ministry", name="Japan's foreign ministry", kind="ministry"),
]

BRIEFING = (
    "Japan's foreign ministry spokesperson Toshihiro Kitamura told a media briefing on "
    "Friday that the AI Dialogue would meet in Tokyo in March."
)


def read(*sentences: str) -> list[Reported]:
    """Each sentence attributed in article order, as the proposer reads them (one line each)."""
    speakers, at, out = Speakers(ACTORS), 0, []
    for sentence in sentences:
        speakers.meet(sentence)
        out.append(attribute(sentence, speakers, at))
        at += len(sentence) + 1
    return out


def last(*sentences: str) -> dict | str:
    return read(*sentences)[-1].attribution


def test_a_named_speaker_with_the_briefing_they_told():
    assert last(BRIEFING) == {
        "by": "kitamura",
        "how": "briefing",
        "words": "Toshihiro Kitamura told",
    }


def test_he_said_carries_the_last_named_speaker():
    said = read(BRIEFING, "Both sides agreed in August 2025 to set up the dialogue, he said.")[-1]
    assert said.attribution == {"by": "kitamura", "how": "said", "words": "he said"}
    assert "check" in said.why  # a pronoun is a guess for the analyst to confirm


def test_she_said_carries_a_new_official_named_with_her_title():
    found = last(
        "Foreign Secretary Vikram Misri said the talks in Tokyo went well.",
        "She said the working group would meet again in June.",
    )
    assert found == {"by": "misri", "how": "said", "words": "She said"}


def test_a_surname_with_added_names_the_speaker():
    found = last(BRIEFING, "The first meeting will be held in Tokyo, Kitamura added.")
    assert found == {"by": "kitamura", "how": "said", "words": "Kitamura added"}


def test_a_new_officials_surname_names_them_later():
    found = last(
        "External affairs ministry spokesperson Randhir Jaiswal told reporters the talks went well.",
        "The working group will meet in June, Jaiswal added.",
    )
    assert found == {"by": "jaiswal", "how": "said", "words": "Jaiswal added"}


def test_a_bare_quotation_continues_the_speaker_just_before_it():
    found = last(BRIEFING, '"We want the dialogue to be ambitious."')
    assert found == {"by": "kitamura", "how": "briefing", "words": "Toshihiro Kitamura told"}


def test_a_bare_quotation_continues_a_sentence_with_doubled_spaces():
    # the end of the sentence before is where it ends in the article, not in its
    # normalised text (which has one space for each run)
    found = last(
        "Foreign  Secretary  Vikram  Misri  said  the  talks  went  well.",
        '"We will meet again in June."',
    )
    assert found == {"by": "misri", "how": "said", "words": "Vikram Misri said"}


def test_a_pronoun_with_no_one_named_before_is_left_to_the_analyst():
    found = read("The dialogue will meet in March, he said.")[-1]
    assert found.attribution == {"by": None, "how": "said", "words": "he said"}
    assert "say who" in found.why


def test_posted_on_x_is_a_post_by_the_named_speaker():
    found = read("Modi posted on X that the summit in Tokyo had been productive.")[-1]
    assert found.attribution == {"by": "modi", "how": "statement", "words": "Modi posted"}
    assert (found.form, found.form_words) == ("post", "posted on X")


def test_wrote_on_x_is_a_post_by_the_named_speaker():
    found = read('"The strategic dialogue was useful," Jaishankar wrote on X.')[-1]
    assert found.attribution == {
        "by": "jaishankar",
        "how": "statement",
        "words": "Jaishankar wrote",
    }
    assert (found.form, found.form_words) == ("post", "wrote on X")


def test_posted_a_message_on_x_is_a_post():
    found = read("Modi posted a message on X saying the talks were useful.")[-1]
    assert found.attribution["by"] == "modi"
    assert (found.form, found.form_words) == ("post", "posted a message on X")


def test_the_post_read_is_the_last_posts_author():
    found = last(
        "Jaishankar wrote on X that the talks were useful.",
        "The post read: both sides will meet in Tokyo in June.",
    )
    assert found == {"by": "jaishankar", "how": "statement", "words": "The post read"}


def test_stated_names_its_speaker():
    found = last("Kitamura stated that the two sides will meet in Tokyo in June.")
    assert found == {"by": "kitamura", "how": "said", "words": "Kitamura stated"}


def test_the_statement_read_is_the_last_statements_issuer():
    found = last(
        "In a statement, the MEA said both sides would meet in June.",
        "The statement read that the working group will meet in Tokyo.",
    )
    assert found == {"by": "in-foreign-ministry", "how": "statement", "words": "The statement read"}


def test_the_statement_read_with_no_statement_before_is_left_to_the_analyst():
    found = last("The statement read that the working group will meet in Tokyo.")
    assert found["by"] is None


def test_according_to_an_mea_statement_is_indias_foreign_ministry():
    found = last("According to an MEA statement, the working group will meet in June.")
    assert found == {
        "by": "in-foreign-ministry",
        "how": "statement",
        "words": "According to an MEA statement",
    }


def test_according_to_the_ministrys_statement_is_the_ministry_named_before():
    found = last(
        "Japan's foreign ministry said the dialogue will start in March.",
        "According to the ministry's statement, the working group will meet in June.",
    )
    assert found == {
        "by": "jp-foreign-ministry",
        "how": "statement",
        "words": "According to the ministry's statement",
    }


def test_according_to_a_named_bodys_statement():
    found = last("According to Keidanren's statement, the business dialogue will meet in May.")
    assert found["by"] == "keidanren" and found["how"] == "statement"


def test_a_statement_issued_by_the_ministry_is_the_ministrys():
    found = last(
        "The Ministry of External Affairs said the talks were useful.",
        "A statement issued by the ministry said both sides will meet in June.",
    )
    assert found["by"] == "in-foreign-ministry" and found["how"] == "statement"


def test_a_joint_statement_is_both_sides_not_the_last_body():
    found = last(
        "The MEA said in a statement that the talks were useful.",
        "Both sides will meet again in June, the joint statement read.",
    )
    # both governments' words, as "India and Japan said" is (not the MEA that spoke last)
    assert found == {
        "by": "governments-of-india-and-japan",
        "how": "statement",
        "words": "the joint statement read",
    }


def test_the_ministry_said_is_the_ministry_that_spoke_last():
    found = last(
        "Japan's foreign ministry said the dialogue will start in March.",
        "The ministry said the working group would meet twice a year.",
    )
    assert found == {"by": "jp-foreign-ministry", "how": "said", "words": "The ministry said"}


def test_the_agency_said_is_the_agency_named_before():
    found = last(
        "The Japan International Cooperation Agency (JICA) said it would fund the line.",
        "The agency said the loan would be signed in April.",
    )
    assert found == {
        "by": "japan-international-cooperation-agency",
        "how": "said",
        "words": "The agency said",
    }


def test_the_agency_said_with_no_agency_named_is_left_to_the_analyst():
    found = read(BRIEFING, "The agency said the loan would be signed in April.")[-1]
    assert found.attribution["by"] is None and "say who" in found.why


def test_the_spokesperson_said_is_the_last_spokesperson():
    found = last(BRIEFING, "The spokesperson said the talks were useful.")
    assert found == {"by": "kitamura", "how": "said", "words": "The spokesperson said"}


def test_told_reporters_is_said():
    found = read("Foreign Secretary Vikram Misri told reporters the talks would resume.")[-1]
    assert found.attribution == {"by": "misri", "how": "said", "words": "Vikram Misri told"}
    assert (found.form, found.form_words) == ("told-reporters", "told reporters")


def test_officials_who_told_reporters_are_unnamed_officials():
    found = last("Officials told reporters the dialogue would meet in June.")
    assert found == {"by": "officials", "how": "said", "words": "Officials told"}


def test_a_name_before_its_role_speaks_when_the_closing_comma_is_left_out():
    # Real copy drops the apposition's second comma: "Name, the spokesperson … said".
    found = last(
        "“We will hold the dialogue,” Toshihiro Kitamura, the official spokesperson in the "
        "Japanese Foreign Ministry said at a press briefing."
    )
    assert found["by"] == "kitamura" and found["words"].startswith("Toshihiro Kitamura, the")


def test_emphasised_and_expressed_are_speech_acts_of_their_speaker():
    assert last("Jaishankar emphasised that the two countries were natural partners.")["by"] == (
        "jaishankar"
    )
    assert last("Modi expressed hope for closer cooperation on critical minerals.")["by"] == "modi"


def test_a_verb_before_its_speaker_after_a_closing_quote_names_the_speaker():
    found = last("“Economic security matters most today,” stated Jaishankar during the talks.")
    assert found["by"] == "jaishankar"


def test_a_news_agency_reported_is_reported_speech_but_was_reported_is_not():
    from ijmemo.text.speech import reports_speech

    assert reports_speech("The ministers agreed to launch the plan, Kyodo News reported.")
    assert not reports_speech("The meeting was reported in January.")


def test_a_speaker_named_without_a_title_is_proposed_as_a_new_actor():
    speakers = Speakers(ACTORS)
    sentence = "An AI initiative will be set up, The Asahi Shimbun report said."
    speakers.meet(sentence)
    found = attribute(sentence, speakers, 0)
    assert found.attribution["by"] == "the-asahi-shimbun"
    (created,) = speakers.created
    assert (created.name, created.kind) == ("The Asahi Shimbun", "firm")


def test_a_name_followed_by_other_words_is_a_thing_not_a_speaker():
    speakers = Speakers(ACTORS)
    sentence = "The Unified Complex Radio Antenna transfer was described as stalled by officials."
    speakers.meet(sentence)
    attribute(sentence, speakers, 0)
    assert speakers.created == []


def test_a_capitalised_common_noun_is_not_proposed_as_a_person():
    speakers = Speakers(ACTORS)
    sentence = (
        "In the statement on Artificial Intelligence, both leaders acknowledged that AI matters."
    )
    speakers.meet(sentence)
    attribute(sentence, speakers, 0)
    assert speakers.created == []


def test_announced_that_reports_its_speaker():
    assert (
        last("Prime Minister Modi announced on Friday that the two countries signed a pact.")["by"]
        == "modi"
    )
