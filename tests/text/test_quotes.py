from ijmemo.text.quotes import SourceText, normalise

TEXT = "India attaches \u201cvery great priority\u201d to its ties\n with  Japan \u2013 Jaishankar\u2019s words."


def test_exact_quote_is_found_with_offsets_into_the_original_text():
    src = SourceText(TEXT)
    match = src.find("to its ties")
    assert TEXT[match.start : match.end] == "to its ties"


def test_only_whitespace_and_typographic_quotes_and_dashes_are_normalised():
    src = SourceText(TEXT)
    quote = 'India attaches "very great priority" to its ties with Japan - Jaishankar\'s words.'
    match = src.find(quote)
    assert match is not None
    assert (match.start, match.end) == (0, len(TEXT))
    assert normalise(TEXT[match.start : match.end]) == normalise(quote)


def test_any_other_difference_fails():
    src = SourceText(TEXT)
    assert src.find("india attaches") is None  # case matters
    assert src.find("very great priority to") is None  # a dropped quote mark matters
    assert src.find("to its tie with") is None  # a changed word matters
    assert src.find("") is None


def test_closest_passage_points_at_the_near_miss():
    src = SourceText(TEXT)
    near = src.closest("attaches very grate priority")
    assert "very great priority" in near.passage
    assert 60 < near.score < 100


def test_repeated_quote_reports_its_occurrences():
    src = SourceText("the talks. the talks.")
    assert src.find("the talks").occurrences == 2


def test_a_quote_never_starts_or_ends_inside_a_word():
    text = SourceText("They gave a coherent push to engagement in this sector, officials said.")
    assert text.find("engagement in this sector") is not None
    assert text.find("engagement in this sector,") is not None  # ends at punctuation
    assert text.find("engagement in this sec") is None  # cut mid-word
    assert text.find("ngagement in this sector") is None  # starts mid-word


def test_names_dates_and_aliases_are_found_as_whole_words_only():
    from ijmemo.text.quotes import mentions

    assert mentions("The first meeting is due in March 2026.", "March")
    assert not mentions("The delegation marched to the venue.", "March")
    assert not mentions("Two B2B forums met.", "B2B forum")  # a suffix makes another word
    assert mentions("the Japan–India AI Dialogue", "Japan-India AI Dialogue")  # dashes aside
