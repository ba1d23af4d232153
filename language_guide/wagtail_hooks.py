"""The language guide in Wagtail's admin.

- The guide itself: a translatable snippet with drafts and review.
- While writing: Wagtail's content checker (Checks panel of the editor, userbar)
  gets one rule per guide entry, through `construct_wagtail_userbar`.
- When reviewing: "Language guide" in the editor's action menu (beside Approve)
  opens the server-side report of the latest revision, at
  /admin/language-guide/revision/<id>/. It informs; it never blocks approval.
  The action menu is the one place every reviewer passes through, for pages and
  for snippets, without changing any page type's edit handler.
"""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import RevisionMixin, TranslatableMixin
from wagtail.snippets.action_menu import ActionMenuItem as SnippetActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .checks import LanguageGuideCheckerItem
from .models import LanguageGuideEntry
from .report import report_for_revision
from .views import RevisionReportView


class LanguageGuideEntryViewSet(SnippetViewSet):
    model = LanguageGuideEntry
    icon = "glasses"
    menu_label = _("Language guide")
    list_display = ["term", "severity", "alternatives"]
    list_filter = ["severity"]
    search_fields = ["term", "variants", "alternatives"]


register_snippet(LanguageGuideEntryViewSet)


@hooks.register("register_admin_urls")
def register_language_guide_urls():
    urls = [path("revision/<int:revision_id>/", RevisionReportView.as_view(), name="revision_report")]
    return [path("language-guide/", include((urls, "language_guide"), namespace="language_guide"))]


@hooks.register("construct_wagtail_userbar")
def add_language_guide_checks(request, items, page):
    """Replace Wagtail's content checker with one that knows the guide of the page's language."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(item, LanguageGuideCheckerItem):
            items[position] = LanguageGuideCheckerItem(in_editor=item.in_editor, obj=page)


def report_label(revision):
    count = len(report_for_revision(revision))
    if not count:
        return _("Language guide: nothing found")
    return ngettext("Language guide: %(count)s word to review", "Language guide: %(count)s words to review", count) % {
        "count": count
    }


class PageLanguageGuideMenuItem(ActionMenuItem):
    name = "language-guide-report"
    icon_name = "glasses"

    def is_shown(self, context):
        return context["view"] == "edit" and context["page"].latest_revision_id is not None

    def get_url(self, parent_context):
        return reverse("language_guide:revision_report", args=[parent_context["page"].latest_revision_id])

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = report_label(parent_context["page"].latest_revision)
        return context


class SnippetLanguageGuideMenuItem(SnippetActionMenuItem):
    name = "language-guide-report"
    icon_name = "glasses"

    def is_shown(self, context):
        instance = context.get("instance")
        return context.get("view") == "edit" and getattr(instance, "latest_revision_id", None) is not None

    def get_url(self, parent_context):
        return reverse("language_guide:revision_report", args=[parent_context["instance"].latest_revision_id])

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["label"] = report_label(parent_context["instance"].latest_revision)
        return context


@hooks.register("register_page_action_menu_item")
def register_page_language_guide_item():
    return PageLanguageGuideMenuItem(order=90)


@hooks.register("register_snippet_action_menu_item")
def register_snippet_language_guide_item(model):
    if issubclass(model, RevisionMixin) and issubclass(model, TranslatableMixin) and model is not LanguageGuideEntry:
        return SnippetLanguageGuideMenuItem(order=90)
    return None
