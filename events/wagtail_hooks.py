"""Registrations in the admin: organisers list, filter and export them as CSV."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from home.submissions import SafeCSVMixin

from .models import Registrant


class RegistrantIndexView(SafeCSVMixin, IndexView):
    """CSV cells that start like a formula are neutralised, as in every other
    export (XLSX cells are kept as text by Wagtail itself)."""


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
