from io import StringIO

from django.core.management import call_command
from wagtail.models import Locale

from documents.models import Edition, GuidanceDocumentPage


def test_demo_library_loads_twice_without_duplicates(db, django_capture_on_commit_callbacks):
    # wagtail-localize publishes translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())
    with django_capture_on_commit_callbacks(execute=True):
        call_command("load_demo", stdout=StringIO())

    ethics = GuidanceDocumentPage.objects.get(slug="code-of-ethics", locale__language_code="en")
    values = GuidanceDocumentPage.objects.get(slug="values-and-actions", locale__language_code="en")
    assert list(ethics.editions.values_list("label", flat=True)) == ["2006", "2008", "2013", "2015"]
    assert list(values.editions.values_list("label", flat=True)) == ["2013", "2014", "2015"]
    assert ethics.origin_organisation.slug == "central-mass-peer-network"
    spanish = values.get_translation(Locale.objects.get(language_code="es"))
    assert spanish.title == "Valores y acciones del rol de par"
    assert spanish.alias_of_id is None and spanish.live
    assert Edition.objects.filter(page=spanish).exists()
