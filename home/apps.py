from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import locales, page_cache, privacy
        from .roles import ensure_locales_roles_and_workflow

        page_cache.connect()
        privacy.connect()
        locales.connect()

        # After every migrate (including the test database's), so that locales,
        # groups and the review workflow always exist.
        post_migrate.connect(
            ensure_locales_roles_and_workflow,
            sender=self,
            dispatch_uid="home.ensure_locales_roles_and_workflow",
        )
