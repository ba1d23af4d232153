from django.conf import settings
from django.db import migrations

from home.towns import load_regions


def forwards(apps, schema_editor):
    load_regions(
        apps.get_model("home", "Region"),
        apps.get_model("home", "Town"),
        apps.get_model("wagtailcore", "Locale"),
        settings.LANGUAGE_CODE,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_organisations_forms_directory"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
