"""Admin pieces for translators and reviewers: the out-of-date translations
report, the orphan rule's history entry, and a PO upload that checks the file."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter

from . import po_upload, reports
from .signals import ORPHAN_ACTION
from .status import out_of_date_translations


@hooks.register("register_log_actions")
def register_orphan_log_action(actions):
    @actions.register_action(ORPHAN_ACTION)
    class OrphanUnpublished(LogFormatter):
        label = _("Unpublish (source unpublished or deleted)")

        def format_message(self, log_entry):
            title = log_entry.data.get("source_title", "")
            if log_entry.data.get("reason") == "deleted":
                return _("Unpublished because its source page “%(title)s” was deleted") % {"title": title}
            return _("Unpublished because its source page “%(title)s” was unpublished") % {"title": title}


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    """Take over wagtail-localize's PO upload (same path, matched first)."""
    return [
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            po_upload.upload_pofile,
            name="localisation_upload_pofile",
        ),
        path(
            "reports/out-of-date-translations/",
            reports.OutOfDateTranslationsView.as_view(),
            name="localisation_out_of_date_translations",
        ),
        path(
            "reports/out-of-date-translations/results/",
            reports.OutOfDateTranslationsView.as_view(results_only=True),
            name="localisation_out_of_date_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_out_of_date_translations_menu_item():
    return MenuItem(
        _("Out-of-date translations"),
        reverse("localisation_out_of_date_translations"),
        name="out-of-date-translations",
        icon_name="wagtail-localize-language",
        order=650,
    )


class OutOfDateTranslationsPanel(Component):
    name = "out_of_date_translations"
    template_name = "localisation/out_of_date_panel.html"
    order = 150

    def __init__(self, count):
        self.count = count

    def get_context_data(self, parent_context):
        return {"count": self.count}


@hooks.register("construct_homepage_panels")
def add_out_of_date_translations_panel(request, panels):
    """On the dashboard, when translations are behind their source."""
    count = out_of_date_translations().count()
    if count:
        panels.append(OutOfDateTranslationsPanel(count))
