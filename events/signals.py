"""Keep stored occurrences in step with published event pages.

Unpublishing needs nothing: listings only show occurrences of live pages, and
deleting a page deletes its occurrences. Aliases (wagtail-localize's synced
locale trees) follow their source page."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.signals import page_published

from .models import EventPage
from .recurrence import refresh_occurrences


@receiver(page_published, sender=EventPage, dispatch_uid="events.refresh_on_publish")
def refresh_on_publish(sender, instance, **kwargs):
    refresh_occurrences(instance)
    for alias in EventPage.objects.filter(alias_of=instance):
        refresh_occurrences(alias, source=instance)


@receiver(post_save, sender=EventPage, dispatch_uid="events.refresh_new_alias")
def refresh_new_alias(sender, instance, created, raw=False, **kwargs):
    if created and instance.alias_of_id and not raw:
        refresh_occurrences(instance, source=EventPage.objects.get(pk=instance.alias_of_id))
