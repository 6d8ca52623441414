"""New people and bodies proposed for the actors file."""

from __future__ import annotations

from ijmemo.intake.new_actors import propose_actors

KNOWN = {"Toshimitsu Motegi", "Motegi", "S. Jaishankar", "Jaishankar"}


def test_officials_with_their_titles_and_business_federations():
    sentences = [
        "External affairs ministry spokesperson Randhir Jaiswal told a weekly media briefing that the talks went well.",
        "Vice Minister for Foreign Affairs Hiroshi Sato will co-chair the dialogue.",
        "The Keidanren-CII dialogue met in Tokyo.",
        "Vikram Misri, India's foreign secretary, said the dialogue would be held in September.",
    ]
    found = {a.name: a for a in propose_actors(sentences, KNOWN)}
    assert set(found) == {
        "Randhir Jaiswal",
        "Hiroshi Sato",
        "Keidanren",
        "Confederation of Indian Industry",
        "Vikram Misri",
    }
    jaiswal = found["Randhir Jaiswal"]
    assert (jaiswal.id, jaiswal.kind, jaiswal.country) == ("jaiswal", "person", "IN")
    assert jaiswal.role == "External affairs ministry spokesperson"
    assert (found["Keidanren"].kind, found["Keidanren"].country) == ("group", "JP")
    assert "CII" in found["Confederation of Indian Industry"].why


def test_known_people_are_not_proposed_again():
    sentences = [
        "Foreign Minister Toshimitsu Motegi said the talks went well, Minister Motegi added."
    ]
    assert propose_actors(sentences, KNOWN) == []


def test_bodies_named_in_full():
    sentences = [
        "Trial runs began on Monday, the National High Speed Rail Corporation said.",
        "Japan's Ministry of Economy, Trade and Industry said it would fund the plant.",
    ]
    found = {a.name: a for a in propose_actors(sentences, KNOWN)}
    assert found["National High Speed Rail Corporation"].kind == "firm"
    meti = found["Ministry of Economy, Trade and Industry"]
    assert (meti.kind, meti.country) == ("office", "JP")  # "Japan's" says whose


def test_titles_as_wire_copy_writes_them():
    sentences = [
        "Minister of State for External Affairs Pabitra Margherita said the talks went well.",
        "Indian Ambassador to Japan Sibi George attended the session.",
        "Joint Secretary (East Asia) Naveen Kumar led the Indian side.",
        "Aiko Tanaka, deputy director-general of the ministry's economic security division, told reporters.",
        "It was Foreign Minister Toshimitsu Motegi's first visit.",  # known: no proposal
    ]
    names = {a.name for a in propose_actors(sentences, KNOWN)}
    assert names == {"Pabitra Margherita", "Sibi George", "Naveen Kumar", "Aiko Tanaka"}


def test_titles_with_a_list_of_portfolios_and_a_union_minister_is_indian():
    sentences = [
        "The memorandum was signed between Union Minister for Electronics and IT Aruna Deshmane"
        " and Japan's Minister of Economy, Trade and Industry Kenta Ibaraki in Delhi.",
        "Union Minister of Petroleum and Natural Gas Harish Rao Pawar met investors in Tokyo.",
    ]
    found = {a.name: a for a in propose_actors(sentences, KNOWN)}
    assert set(found) == {"Aruna Deshmane", "Kenta Ibaraki", "Harish Rao Pawar"}
    assert found["Aruna Deshmane"].country == "IN"
    assert found["Kenta Ibaraki"].role == "Minister of Economy, Trade and Industry"


def test_bodies_as_reporting_names_them():
    sentences = [
        "Mitsui Corp and Coal India Ltd signed a pact on Friday.",
        "The delegation was led by an official of the Ministry of Mines.",
        "Ships of the Japan Maritime Self-Defense Force took part.",
        "India's shipping ministry said the port deal was signed.",
        "The Ministry of External Affairs said the dialogue would resume.",  # India's foreign ministry
    ]
    known = KNOWN | {"India's foreign ministry"}
    found = {a.name: a for a in propose_actors(sentences, known)}
    assert set(found) == {
        "Mitsui Corp",
        "Coal India Ltd",
        "Ministry of Mines",
        "Japan Maritime Self-Defense Force",
        "shipping ministry",
    }
    assert found["Japan Maritime Self-Defense Force"].kind == "military"
    assert (found["shipping ministry"].kind, found["shipping ministry"].country) == ("office", "IN")


def _one(sentence: str):
    (actor,) = propose_actors([sentence], KNOWN)
    return actor


def test_a_titled_official_gets_a_country_and_a_surname_alias():
    jaiswal = _one(
        "External affairs ministry spokesperson Randhir Jaiswal told reporters the talks went well."
    )
    assert (jaiswal.id, jaiswal.country, jaiswal.aliases) == ("jaiswal", "IN", ("Jaiswal",))
    assert "country from 'External affairs'" in jaiswal.why


def test_an_apposed_title_gives_the_country_and_the_surname():
    misri = _one("Vikram Misri, India's foreign secretary, said the talks would resume in June.")
    assert (misri.country, misri.aliases, misri.role) == ("IN", ("Misri",), "Foreign secretary")


def test_an_ambassador_belongs_to_the_country_that_sends_them():
    envoy = _one("Japanese Ambassador to India Kenji Ono attended the session in New Delhi.")
    assert (envoy.country, envoy.aliases) == ("JP", ("Ono",))


def test_a_hyphened_rank_stays_in_the_title():
    moriyama = _one(
        "Japan's Senior Vice-Minister for Foreign Affairs Kenta Moriyama co-chaired the talks."
    )
    assert moriyama.role == "Senior Vice-Minister for Foreign Affairs"
    assert (moriyama.country, moriyama.aliases) == ("JP", ("Moriyama",))


def test_a_federations_officer_has_the_federations_country():
    found = {a.name: a for a in propose_actors(["CII president Rajiv Memani spoke."], KNOWN)}
    memani = found["Rajiv Memani"]
    assert (memani.country, memani.aliases) == ("IN", ("Memani",))
    assert "CII" in memani.why


def test_a_title_that_names_no_country_leaves_it_to_the_analyst():
    goyal = _one("Commerce Minister Piyush Goyal said the trade talks went well.")
    assert (goyal.country, goyal.aliases) == (None, ("Goyal",))


def test_a_name_scraped_with_doubled_spaces_is_one_name():
    misri = _one("Foreign  Secretary  Vikram  Misri  told reporters the talks went well.")
    assert (misri.name, misri.aliases) == ("Vikram Misri", ("Misri",))


def test_a_body_gets_its_country_and_its_initialism():
    jica = _one("The Japan International Cooperation Agency (JICA) said it would fund the line.")
    assert (jica.name, jica.country, jica.aliases) == (
        "Japan International Cooperation Agency",
        "JP",
        ("JICA",),
    )


def test_a_minister_of_two_portfolios_is_a_titled_official():
    from ijmemo.intake.new_actors import propose_actors

    (reddy,) = propose_actors(
        ["Minister of Coal and Mines G. Kishan Reddy said India and Japan signed a memorandum."],
        set(),
    )
    assert (reddy.id, reddy.name, reddy.aliases) == ("reddy", "G. Kishan Reddy", ("Reddy",))
    assert reddy.role == "Minister of Coal and Mines"


def test_an_adviser_is_a_titled_official():
    from ijmemo.intake.new_actors import propose_actors

    (harada,) = propose_actors(["National Security Adviser Kenji Harada met Misri."], set())
    assert (harada.id, harada.name) == ("harada", "Kenji Harada")


def test_a_counterpart_two_ministries_joined_by_and_and_a_body_named_for_what_it_does():
    sentences = [
        "Prime Minister Narendra Modi held talks with his Japanese counterpart Shigeru Ishiba.",
        "The Ministry of Mines and Japan's Ministry of Economy, Trade and Industry signed it.",
        "Officials of the Japan Agency for Marine-Earth Science and Technology said so.",
        "Foreign Minister Toshimitsu Motegi Friday said the talks went well.",  # no "Motegi Friday"
    ]
    found = {a.name: a for a in propose_actors(sentences, KNOWN | {"Narendra Modi", "Modi"})}
    assert set(found) == {
        "Shigeru Ishiba",
        "Ministry of Mines",
        "Ministry of Economy, Trade and Industry",
        "Japan Agency for Marine-Earth Science and Technology",
    }
    assert found["Shigeru Ishiba"].country == "JP"
    assert found["Ministry of Economy, Trade and Industry"].country == "JP"


def test_two_bodies_joined_by_and_and_a_list_of_ministries_are_each_one_body():
    sentences = [
        "Participants included the Japan Foundation and Japan National Tourism Organization.",
        "Officials from the Ministry of Development of North Eastern Region (DONER), Ministry"
        " of Finance, Ministry of Commerce attended.",
        "Japan's Ministry of Economy, Trade and Industry said it would fund the plant.",
    ]
    names = [a.name for a in propose_actors(sentences, KNOWN)]
    assert names == [
        "Japan Foundation",
        "Japan National Tourism Organization",
        "Ministry of Development of North Eastern Region",
        "Ministry of Finance",
        "Ministry of Commerce",
        "Ministry of Economy, Trade and Industry",
    ]


def test_a_serial_comma_in_a_ministry_name_and_a_second_ministry_after_it():
    # this sentence once raised StopIteration in add-source (a fragment with no body kind)
    sentence = (
        "The partnership was launched in October 2018 between the Ministry of Economy, Trade,"
        " and Industry and India’s Ministry of Electronics and Information Technology."
    )
    names = [a.name for a in propose_actors([sentence], KNOWN)]
    assert names == [
        "Ministry of Economy, Trade, and Industry",
        "Ministry of Electronics and Information Technology",
    ]
