from django.core.management.base import BaseCommand

from home.roles import ensure_locales_roles_and_workflow


class Command(BaseCommand):
    help = "Create or update the locales, the role groups and the review workflow (idempotent)."

    def handle(self, *args, **options):
        ensure_locales_roles_and_workflow()
        self.stdout.write(self.style.SUCCESS("Locales, roles and the review workflow are up to date."))
