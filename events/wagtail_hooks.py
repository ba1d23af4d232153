"""Registrations in the admin: organisers list, filter and export them as CSV."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Registrant

# A spreadsheet runs a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """Make a cell inert for spreadsheets (OWASP's advice: prefix a quote)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class RegistrantIndexView(IndexView):
    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


class RegistrantViewSet(ModelViewSet):
    model = Registrant
    index_view_class = RegistrantIndexView
    icon = "group"
    menu_label = _("Registrations")
    menu_order = 250
    add_to_admin_menu = True
    inspect_view_enabled = True  # also offers the "view" permission in the group editor
    list_display = ["name", "email", "occurrence", "status", "created_at"]
    list_filter = ["status", "occurrence__page"]
    search_fields = ["name", "email"]
    list_export = [
        "occurrence.page.title",
        "occurrence",
        "name",
        "email",
        "accessibility_needs",
        "consent",
        "status",
        "created_at",
    ]
    export_headings = {"occurrence.page.title": _("Event"), "occurrence": _("Date")}
    export_filename = "registrations"
    form_fields = ["status", "accessibility_needs"]


@hooks.register("register_admin_viewset")
def register_registrant_viewset():
    return RegistrantViewSet("registrations")
