"""Load demo content written in our own words, and demo users for each role.

Idempotent: content that exists is left alone. Each app contributes its part in
its own `demo.py` (a `load(context)` function), called in INSTALLED_APPS order.
"""

import importlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from home import roles
from home.models import HomePage

DEMO_USERS = [
    # username, group, superuser
    ("admin", roles.ADMINISTRATORS, True),
    ("editor", roles.EDITORS, False),
    ("reviewer", roles.REVIEWERS, False),
    ("translator", roles.TRANSLATORS, False),
    ("member", roles.MEMBERS, False),
]
DEMO_APPS = ["home", "documents", "events", "language_guide", "moderation"]


class Command(BaseCommand):
    help = "Load demo pages and demo users (admin, editor, reviewer, translator, member). Not for production."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset-passwords",
            action="store_true",
            help="Give existing demo users new passwords (they are printed).",
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has a home page (what `make run` uses).",
        )

    def handle(self, *args, **options):
        if settings.IS_PRODUCTION:
            raise CommandError("load_demo refuses to run with production settings: it creates users with known roles.")

        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write(
                "Demo content already loaded (python manage.py load_demo --reset-passwords prints new passwords)."
            )
            return

        roles.ensure_locales_roles_and_workflow()
        self.load_users(reset=options["reset_passwords"])
        context = {"stdout": self.stdout, "style": self.style}
        for app_label in DEMO_APPS:
            try:
                module = importlib.import_module(f"{app_label}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app_label}.demo":
                    raise
                continue
            module.load(context)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))

    def load_users(self, *, reset):
        User = get_user_model()
        lines = []
        for username, group_name, is_superuser in DEMO_USERS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={
                    "email": f"{username}@example.org",
                    "first_name": username.capitalize(),
                    "last_name": "Demo",
                    "is_superuser": is_superuser,
                    "is_staff": is_superuser,
                },
            )
            user.groups.add(Group.objects.get(name=group_name))
            if created or reset:
                password = secrets.token_urlsafe(10)
                user.set_password(password)
                user.save()
                lines.append(f"  {username:<11} {password:<16} ({group_name})")
            else:
                lines.append(f"  {username:<11} {'(unchanged)':<16} ({group_name})")
        self.stdout.write("Demo users (username, password, role):")
        for line in lines:
            self.stdout.write(line)
