from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguageGuideConfig(AppConfig):
    name = "language_guide"
    verbose_name = _("Language guide")
    default_auto_field = "django.db.models.BigAutoField"
