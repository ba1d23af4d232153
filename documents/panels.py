from wagtail.admin.panels import Panel


class EditionHistoryPanel(Panel):
    """Read-only: the editions recorded so far, so editors pick a new label knowingly."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "documents/admin/edition_history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["editions"] = list(self.instance.editions.all()) if self.instance.pk else []
            return context
