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
