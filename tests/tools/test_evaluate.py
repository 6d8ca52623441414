"""The eval-candidates harness scores proposals against a key and lists every miss."""

from __future__ import annotations

import shutil

import yaml

from ijmemo.tools.evaluate import evaluate, report

from conftest import ARTICLE

KEY = {
    "title": "Japan, India hold first critical minerals working group meeting in Tokyo",
    "published": "2026-02-27",
    "boilerplate": ["Also Read:", "Photo: Ministry", "photo.jpg", "hold first critical minerals"],
    "facts": [
        {
            "sentence": "met in Tokyo on 25 February 2026",
            "speaker": "jp-foreign-ministry",  # "Japan's foreign ministry said"
            "subject": "jwg-critical-minerals",
            "alias": "Japan-India Critical Minerals Working Group",
            "dates": [
                {
                    "phrase": "25 February 2026",
                    "role": "happened",
                    "start": "2026-02-25",
                    "end": "2026-02-25",
                }
            ],
            "status": "convened",
            "milestone": "met",
        },
        {
            # deliberately wrong key: the harness must report the miss, not hide it
            "sentence": "agreed to meet again",
            "subject": "economic-security-dialogue",
            "alias": None,
            "dates": [
                {
                    "phrase": "second half of 2026",
                    "role": "due-in",
                    "start": "2026-07-01",
                    "end": "2026-12-31",
                }
            ],
            "status": "scheduled",
            "milestone": "new",
        },
    ],
    "colour": ["The meeting follows", "still expected to lead"],
    "actors": [],
}


def test_scores_and_misses(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(ARTICLE, gold / "jwg.txt")
    (gold / "jwg.yaml").write_text(yaml.safe_dump(KEY))
    tallies = evaluate(gold)
    assert (tallies["facts proposed"].right, tallies["facts proposed"].total) == (2, 2)
    assert tallies["boilerplate left out"].right == 4 and tallies["boilerplate left out"].fp == 0
    subject = tallies["subject"]
    assert (subject.right, subject.total, subject.tp, subject.fp, subject.fn) == (1, 2, 1, 1, 1)
    assert (
        "'agreed to meet again': proposed 'jwg-critical-minerals', key 'economic-security-dialogue'"
        in subject.misses[0]
    )
    assert tallies["date window and role"].right == 2
    assert tallies["status move"].right == tallies["milestone change"].right == 2
    text = report("gold", gold, tallies)
    assert "| subject | 1 / 2 | 50 % | 50 % | 50 % |" in text
    assert "Misses (1):" in text


def test_shipped_sources_are_scored_against_their_own_claims():
    from ijmemo.core.paths import DATA_DIR
    from ijmemo.curation.load import load_curated
    from ijmemo.tools.evaluate import evaluate_curated

    tallies = evaluate_curated()
    n_claims = len(load_curated(DATA_DIR)[0].claims)
    assert tallies["subject"].total == n_claims  # every curated claim is a key
    assert tallies["subject"].right + len(tallies["subject"].misses) == n_claims
    assert all(m.startswith(("000_", "003_")) for m in tallies["subject"].misses)


def test_speakers_and_meetings_held_are_scored(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(ARTICLE, gold / "jwg.txt")
    wrong = {**KEY, "facts": [{**KEY["facts"][0], "speaker": "Randhir Jaiswal"}]}
    (gold / "jwg.yaml").write_text(yaml.safe_dump(wrong))
    tallies = evaluate(gold)
    speaker = tallies["speaker"]
    assert (speaker.right, speaker.total) == (0, 1)  # a wrong speaker is a miss
    assert "key 'Randhir Jaiswal'" in speaker.misses[0]
    held = tallies["held with a date"]
    assert (held.right, held.total) == (1, 1)  # "met in Tokyo on 25 February 2026"
    text = report("gold", gold, tallies)
    assert "| status reported or proposed | 1 / 1 | 100 % | | |" in text


def test_a_speaker_matches_by_actor_id_or_surname():
    from ijmemo.tools.evaluate import _same_speaker

    assert _same_speaker("randhir-jaiswal", "Randhir Jaiswal")
    assert _same_speaker("officials", "officials")
    assert not _same_speaker(None, "officials") and not _same_speaker("officials", "Jaiswal")


def test_a_new_actor_keyed_by_the_initialism_the_article_defines_is_found(tmp_path):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "space.txt").write_text(
        "The Indian Space Research Organisation (ISRO) and Japan signed a lunar pact on"
        " Friday in Tokyo.\n"
    )
    key = {
        "title": None,
        "published": "2025-08-30",
        "boilerplate": [],
        "facts": [],
        "colour": ["lunar pact"],
        "actors": [{"name": "ISRO", "kind": "office", "country": "IN"}],
    }
    (gold / "space.yaml").write_text(yaml.safe_dump(key))
    actors = evaluate(gold)["new actors"]
    assert (actors.right, actors.total) == (1, 1)
