"""The guide in the admin: clear messages for bad entries, nothing half-saved."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from language_guide.models import LanguageGuideEntry

from .conftest import make_entry

ADD_URL = "wagtailsnippets_language_guide_languageguideentry:add"


def post_entry(client, user, language="en", **fields):
    client.force_login(user)
    data = {
        "term": "client",
        "variants": "",
        "reason": "It casts people as buyers.",
        "alternatives": "person",
        "severity": "avoid",
        **fields,
    }
    return client.post(f"{reverse(ADD_URL)}?locale={language}", data)


def field_errors(response, name):
    return [str(error) for error in response.context["form"].errors.get(name, [])]


@pytest.mark.django_db
def test_an_editor_adds_an_entry_as_a_draft_for_review(client, users):
    response = post_entry(client, users["editor"], term="  service   user ")
    assert response.status_code == 302
    entry = LanguageGuideEntry.objects.get()
    assert entry.term == "service user"
    assert entry.live is False and entry.latest_revision is not None


@pytest.mark.django_db
@pytest.mark.parametrize("term", ["", "   ", "—?!"])
def test_empty_terms_are_refused(client, users, term):
    response = post_entry(client, users["admin"], term=term)
    assert response.status_code == 200
    assert field_errors(response, "term")
    assert not LanguageGuideEntry.objects.exists()


@pytest.mark.django_db
def test_a_term_with_only_punctuation_says_what_is_needed(client, users):
    response = post_entry(client, users["admin"], term="—?!")
    assert field_errors(response, "term") == ["Enter a word or phrase with at least one letter or number."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"), [("term", "client*"), ("term", "(client|customer)"), ("variants", "clients?")]
)
def test_regex_like_characters_are_explained_not_compiled(client, users, field, value):
    response = post_entry(client, users["admin"], **{field: value})
    assert response.status_code == 200
    [message] = field_errors(response, field)
    assert "are not patterns here" in message
    assert not LanguageGuideEntry.objects.exists()


@pytest.mark.django_db
def test_duplicates_in_the_same_language_are_refused_even_as_another_form(client, users):
    make_entry("client")
    response = post_entry(client, users["admin"], term="Clients")
    [message] = field_errors(response, "term")
    assert "already has this word or one of its forms: “client”" in message
    assert LanguageGuideEntry.objects.count() == 1


@pytest.mark.django_db
def test_the_same_term_in_another_language_is_fine(client, users):
    make_entry("client")
    response = post_entry(client, users["admin"], language="es", term="client", alternatives="persona")
    assert response.status_code == 302
    assert LanguageGuideEntry.objects.filter(locale__language_code="es", term="client").exists()


@pytest.mark.django_db
def test_editing_an_entry_is_not_a_duplicate_of_itself(client, users):
    entry = make_entry("client")
    client.force_login(users["admin"])
    url = reverse("wagtailsnippets_language_guide_languageguideentry:edit", args=[entry.pk])
    response = client.post(
        url, {"term": "client", "reason": "Changed.", "alternatives": "person", "severity": "consider"}
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.latest_revision.as_object().reason == "Changed."


@pytest.mark.django_db
def test_alternatives_are_required(client, users):
    response = post_entry(client, users["admin"], alternatives=" \n ")
    assert field_errors(response, "alternatives")


@pytest.mark.django_db
def test_a_locale_the_site_does_not_have_is_refused(client, users):
    Locale.objects.create(language_code="fr")
    response = post_entry(client, users["admin"], language="fr")
    assert response.status_code == 200
    errors = [str(error) for error in response.context["form"].non_field_errors()]
    assert errors == ["The site has no fr pages: guide entries can only be in the site's languages."]
    assert "The site has no fr pages" in response.content.decode()
    assert not LanguageGuideEntry.objects.exists()
