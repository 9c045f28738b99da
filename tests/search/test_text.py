from hypothesis import given
from hypothesis import strategies as st
from wagtail.search.query import And, Or, PlainText

from search.excerpts import excerpt, highlight
from search.models import split_terms
from search.text import MAX_QUERY_LENGTH, MAX_TERMS, build_query, clean_query, fold


def test_fold_makes_norwegian_letters_and_old_spellings_meet():
    assert fold("Østfold") == fold("ostfold") == "ostfold"
    assert fold("Åsgård") == fold("Aasgaard") == "asgard"
    assert fold("Kjærlighet") == "kjaerlighet"


def test_clean_query_drops_operators_and_lowercases():
    query = clean_query('  "Kreft" AND (barn) OR -svulst* NEAR: \'; DROP TABLE x;-- ')
    assert query.terms == ("kreft", "and", "barn", "or", "svulst", "near", "drop", "table", "x")
    assert not query.truncated


def test_stop_words_are_dropped_unless_nothing_else_is_left():
    assert clean_query("Parkering på Haukeland").terms == ("parkering", "haukeland")
    assert clean_query("Parkering på Haukeland").shown == "Parkering på Haukeland"
    assert clean_query("hva er det").terms == ("hva", "er", "det")
    # "då" folds to "da", itself a stop word: no variant is added that PostgreSQL would drop
    # from one side and require from the other.
    query = build_query(clean_query("då"), {})
    assert isinstance(query, PlainText) and query.query_string == "då"


def test_clean_query_bounds_length_and_terms():
    long_query = clean_query("kreft " * 1000)
    assert long_query.truncated
    assert len(long_query.terms) == MAX_TERMS
    assert len(clean_query("a" * 5000).text) == MAX_QUERY_LENGTH
    assert not clean_query("  ?!*  ")


@given(st.text(max_size=300))
def test_clean_query_keeps_only_words(raw):
    query = clean_query(raw)
    assert len(query.terms) <= MAX_TERMS
    for term in query.terms:
        assert term.isalnum()


def test_build_query_expands_terms_with_folding_and_synonyms():
    synonyms = {"mr": ["mri", "magnetisk resonans"]}
    query = build_query(clean_query("MR Østfold"), synonyms)
    assert isinstance(query, And)
    mr, ostfold = query.subqueries
    assert isinstance(mr, Or)
    assert [q.query_string for q in mr.subqueries] == ["mr", "mri", "magnetisk resonans"]
    assert [q.query_string for q in ostfold.subqueries] == ["østfold", "ostfold"]
    single = build_query(clean_query("kne"), {})
    assert isinstance(single, PlainText) and single.query_string == "kne"
    assert isinstance(build_query(clean_query("kne hofte"), {}, operator="or"), Or)


def test_split_terms_normalises_a_synonym_list():
    assert split_terms("MR, MRI ,, magnetisk  resonans, mri") == [
        "mr",
        "mri",
        "magnetisk resonans",
    ]


def test_excerpt_highlights_inflected_words_and_escapes_html():
    text = "<p>Før " + "lang tekst " * 30 + "behandlingen av <b>kreft</b> & annet.</p>"
    html = excerpt(text, ["behandling", "kreft"])
    assert html.startswith("… ")
    assert "<mark>behandlingen</mark>" in html
    assert "<mark>kreft</mark>" in html
    assert "&amp; annet" in html
    assert "<b>" not in html
    assert highlight("Kne & <hofte>", ["hofte"]) == "Kne &amp; &lt;<mark>hofte</mark>&gt;"
    # Rich text arrives with entities; they are decoded before the text is escaped again.
    rich = excerpt("<p>Kne &amp; hofte&nbsp;– behandling</p>", ["hofte"])
    assert rich == "Kne &amp; <mark>hofte</mark> – behandling"
    # Very short words are not highlighted (they would mark every word starting with them).
    assert highlight("Ikke i dag", ["i"]) == "Ikke i dag"
