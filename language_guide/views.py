from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page, Revision

from .report import report_for_revision


def user_can_review(user, obj):
    """Whoever may edit the object, or act on its current review task, may read its report."""
    if isinstance(obj, Page):
        if obj.permissions_for_user(user).can_edit():
            return True
    elif user.has_perm(f"{obj._meta.app_label}.change_{obj._meta.model_name}"):
        return True
    task = getattr(obj, "current_workflow_task", None)
    return bool(task and task.specific.user_can_access_editor(obj, user))


class RevisionReportView(WagtailAdminTemplateMixin, TemplateView):
    """The guide terms in one revision, for its reviewer: no preview needed."""

    template_name = "language_guide/revision_report.html"
    page_title = _("Language guide")
    header_icon = "glasses"

    def dispatch(self, request, revision_id):
        self.revision = get_object_or_404(Revision.objects.select_related("user"), pk=revision_id)
        self.object = self.revision.content_object
        if self.object is None:
            raise PermissionDenied
        if isinstance(self.object, Page):
            self.object = self.object.specific
        if not user_can_review(request.user, self.object):
            raise PermissionDenied
        return super().dispatch(request, revision_id)

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        items = list(super().get_breadcrumbs_items())
        edit_url = AdminURLFinder(self.request.user).get_edit_url(self.object)
        if edit_url:
            items.append({"url": edit_url, "label": str(self.object)})
        return [*items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = self.object.latest_revision
        context.update(
            revision=self.revision,
            is_latest=latest is not None and latest.pk == self.revision.pk,
            latest_revision=latest,
            locale=self.object.locale,
            findings=report_for_revision(self.revision),
            edit_url=AdminURLFinder(self.request.user).get_edit_url(self.object),
        )
        return context
