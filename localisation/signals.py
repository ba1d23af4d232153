"""The orphan rule: a translation never outlives its source on the public site.

When the page a translation was made from (the English page, usually) is
unpublished, expires or is deleted, every live translation of it — real
translations and wagtail-localize's aliases alike — is unpublished too, and
each one's history says why. Nothing is deleted: translators keep their work,
and publishing the source again lets reviewers publish the translations again.
"""

import logging

from django.conf import settings
from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.signals import page_unpublished

logger = logging.getLogger(__name__)

ORPHAN_ACTION = "localisation.unpublish_orphan"


def is_translation_source(page):
    """Whether other languages translate from this page: pages in the source
    language, and pages wagtail-localize holds a translation source for."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return True
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).exists()


def unpublish_translations(page, reason):
    """Unpublish every live page with the same translation key in other locales."""
    if page.depth <= 1 or not is_translation_source(page):
        return []
    orphans = list(
        Page.objects.filter(translation_key=page.translation_key, live=True)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .specific(defer=True)
    )
    for orphan in orphans:
        orphan.unpublish(log_action=False)
        log(
            instance=orphan,
            action=ORPHAN_ACTION,
            data={"source_id": page.pk, "source_title": page.title, "reason": reason},
        )
        logger.info("Unpublished translation pk=%s: its source pk=%s was %s", orphan.pk, page.pk, reason)
    return orphans


@receiver(page_unpublished, dispatch_uid="localisation.unpublish_orphans_on_unpublish")
def unpublish_orphans_on_unpublish(sender, instance, **kwargs):
    unpublish_translations(instance, "unpublished")


@receiver(pre_delete, sender=Page, dispatch_uid="localisation.unpublish_orphans_on_delete")
def unpublish_orphans_on_delete(sender, instance, **kwargs):
    unpublish_translations(instance, "deleted")
