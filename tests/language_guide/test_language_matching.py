"""Matching rules: forms, word boundaries, languages, Unicode, literal characters, linear time."""

from dataclasses import dataclass, field

import pytest

from language_guide.matching import Matcher, context, keys_for
from language_guide.models import LanguageGuideEntry


@dataclass(eq=False)
class Entry:
    term: str
    variants: list = field(default_factory=list)
    match_inside_words: bool = False

    def phrases(self):
        return [self.term, *self.variants]


def found(matcher, text):
    return [(match.entry.term, match.text) for match in matcher.find(text)]


def test_plural_case_and_hyphenation_forms_are_matched():
    matcher = Matcher([Entry("client"), Entry("non-compliant"), Entry("party")], "en")
    assert found(matcher, "Our CLIENTS and one Client.") == [("client", "CLIENTS"), ("client", "Client")]
    assert found(matcher, "noncompliant, non compliant, Non-Compliant") == [
        ("non-compliant", "noncompliant"),
        ("non-compliant", "non compliant"),
        ("non-compliant", "Non-Compliant"),
    ]
    assert found(matcher, "two parties") == [("party", "parties")]


def test_extra_variants_listed_by_the_editor_are_matched():
    matcher = Matcher([Entry("suffers from", variants=["suffering from"])], "en")
    assert found(matcher, "She is suffering from; he suffer from; they suffered from") == [
        ("suffers from", "suffering from"),
        ("suffers from", "suffer from"),
    ]


def test_whole_words_only_unless_the_entry_asks_for_more():
    assert found(Matcher([Entry("client")], "en"), "clientele, subclient, client-centred") == [("client", "client")]
    inside = Matcher([Entry("client", match_inside_words=True)], "en")
    assert [text for _term, text in found(inside, "clientele, subclient")] == ["clientele", "subclient"]


def test_longest_phrase_wins_and_matches_do_not_overlap():
    matcher = Matcher([Entry("ill"), Entry("the mentally ill")], "en")
    assert found(matcher, "for the mentally ill, not the ill") == [
        ("the mentally ill", "the mentally ill"),
        ("ill", "ill"),
    ]


def test_spanish_plurals_accents_and_unicode_forms():
    matcher = Matcher([Entry("enfermo mental"), Entry("consumidor"), Entry("padece de")], "es")
    assert found(matcher, "Los ENFERMOS MENTALES y los consumidores") == [
        ("enfermo mental", "ENFERMOS MENTALES"),
        ("consumidor", "consumidores"),
    ]
    decomposed = "Padece\u0301 de"  # "Padecé" written with a combining accent: another word
    assert found(matcher, decomposed) == []
    assert found(Matcher([Entry("padecé")], "es"), decomposed) == [("padecé", "Padecé")]


def test_non_latin_scripts_and_apostrophes():
    matcher = Matcher([Entry("患者"), Entry("bệnh nhân"), Entry("don't")], "en")
    assert found(matcher, "患者 and bệnh nhân; DON’T") == [
        ("患者", "患者"),
        ("bệnh nhân", "bệnh nhân"),
        ("don't", "DON’T"),
    ]


def test_regex_like_characters_are_plain_characters():
    matcher = Matcher([Entry("c.*t"), Entry("(a|b)+")], "en")
    # Not patterns: "c.*t" does not match "cat", "(a|b)+" does not match "aaa" or "b".
    assert found(matcher, "client cat aaa b") == []
    # Just punctuation between words, like in any other term.
    assert found(matcher, "c t, a b") == [("c.*t", "c t"), ("(a|b)+", "a b")]


def test_pathological_input_finishes_and_finds_everything():
    """No backtracking: a megabyte of near-misses and separators is one pass."""
    matcher = Matcher([Entry("a a a a b"), Entry("client", match_inside_words=True)], "en")
    text = ("a " * 200_000) + "b " + ("-_'" * 100_000) + "x" * 200_000 + " client"
    matches = matcher.find(text)
    assert [match.text for match in matches] == ["a a a a b", "client"]


def test_keys_include_joined_form_of_hyphenated_terms():
    assert ("noncompliant",) in keys_for(["non-compliant"], "en")
    assert ("non", "compliant") in keys_for(["non-compliant"], "en")


def test_context_is_one_line_around_the_match():
    text = "We welcome everyone.\nOur clients   come first, always and everywhere in the state of Massachusetts."
    start = text.index("clients")
    snippet = context(text, start, start + len("clients"), width=20)
    assert "\n" not in snippet and "clients come first" in snippet
    assert snippet.endswith("…")


@pytest.mark.django_db
def test_only_published_entries_of_the_locale_are_used(guide):
    english = LanguageGuideEntry.matcher_for("en")
    assert found(english, "A client, a cliente, a service user") == [("client", "client")]
    spanish = LanguageGuideEntry.matcher_for("es")
    assert found(spanish, "A client, a cliente, a service user") == [("cliente", "cliente")]
