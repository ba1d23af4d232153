"""Give the aliases and translations of members-only pages the restriction
their source has (see home/restriction_sync.py, which keeps them in step from
now on). Only adds restrictions: nothing private becomes public."""

from django.conf import settings
from django.db import migrations
from django.db.models import Q


def copy_restrictions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    for _round in range(3):  # aliases of aliases
        changed = False
        for restriction in PageViewRestriction.objects.select_related("page__locale").prefetch_related("groups"):
            page = restriction.page
            related = Q(alias_of=page)
            if page.locale.language_code == settings.LANGUAGE_CODE:
                related |= Q(translation_key=page.translation_key) | Q(alias_of__translation_key=page.translation_key)
            for follower in Page.objects.filter(related).exclude(pk=page.pk):
                if PageViewRestriction.objects.filter(page=follower).exists():
                    continue
                copy = PageViewRestriction.objects.create(
                    page=follower, restriction_type=restriction.restriction_type, password=restriction.password
                )
                copy.groups.set(restriction.groups.all())
                changed = True
        if not changed:
            break


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_six_regions_and_their_towns"),
    ]

    operations = [migrations.RunPython(copy_restrictions, migrations.RunPython.noop)]
