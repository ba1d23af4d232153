"""Keep translators' page permissions in step with the locale trees."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page


@receiver(post_save, dispatch_uid="moderation.grant_translators_new_locale_root")
def grant_translators_new_locale_root(sender, instance, created, raw=False, **kwargs):
    """A new top-level page in a non-source locale (a language's home page,
    usually created by wagtail-localize's tree sync) opens that tree to Translators."""
    if created and not raw and isinstance(instance, Page) and instance.depth == 2:
        from home.roles import grant_translator_page_permissions

        grant_translator_page_permissions(pages=[instance])
