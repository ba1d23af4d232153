"""Delete what people sent us once the site's retention period is over.

Run daily (the Procfile's scheduler does). For each site, its "keep form
submissions for (days)" setting applies to: form submissions, signatures that
were never approved, and mailing-list sign-ups that were never confirmed.
Approved signatures are the public record of a statement and stay with it."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page, Site

from home.models import FormPageSubmission, Signature, SiteSettings, Subscriber


class Command(BaseCommand):
    help = "Delete form submissions, unapproved signatures and unconfirmed subscriptions past the retention period."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    def handle(self, *args, dry_run=False, **options):
        now = timezone.now()
        for site in Site.objects.select_related("root_page"):
            days = SiteSettings.for_site(site).submission_retention_days
            cutoff = now - timedelta(days=days)
            pages = Page.objects.descendant_of(site.root_page, inclusive=True).values("pk")
            doomed = {
                "form submissions": FormPageSubmission.objects.filter(page__in=pages, submit_time__lt=cutoff),
                "unapproved signatures": Signature.objects.filter(
                    page__in=pages, approved=False, created_at__lt=cutoff
                ),
                "unconfirmed subscriptions": Subscriber.objects.filter(
                    page__in=pages, confirmed_at__isnull=True, created_at__lt=cutoff
                ),
            }
            with transaction.atomic():
                for label, queryset in doomed.items():
                    count = queryset.count() if dry_run else queryset.delete()[0]
                    verb = "would delete" if dry_run else "deleted"
                    self.stdout.write(f"{site}: {verb} {count} {label} older than {days} days")
