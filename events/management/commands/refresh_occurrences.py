from django.core.management.base import BaseCommand

from events.models import EventPage
from events.recurrence import refresh_occurrences


class Command(BaseCommand):
    help = "Store the dates of every live event up to the horizon (run daily by the scheduler)."

    def handle(self, *args, **options):
        pages = EventPage.objects.live().select_related("alias_of").prefetch_related("date_changes")
        count = 0
        for page in pages:
            source = page.alias_of.specific if page.alias_of_id else page
            refresh_occurrences(page, source=source)
            count += 1
        self.stdout.write(f"Refreshed the dates of {count} events.")
