"""Review before publishing, for translations too.

* wagtail-localize's translation editor gets a "Submit for review" action;
  "Publish in <language>" stays for those who may publish (administrators), and
  anyone else who posts it has their translation submitted for review instead.
* "Update translations" cannot publish for those who may not publish.
* "Convert to alias page" replaces what readers see at once: publishers only.
* Translators cannot edit snippets in the source language, nor start a
  translation into it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.models import TranslatableMixin

from . import views
from .translations import CannotSubmit, submit_for_review, user_can_edit_locale, user_can_publish

SUBMIT_ACTION = "submit-for-review"

REFUSALS = {
    "in-review": gettext_lazy("This translation is already waiting for review."),
    "locked": gettext_lazy("This translation is locked, so it cannot be submitted now."),
    "no-workflow": gettext_lazy("There is no review workflow for this content."),
    "not-a-translation": gettext_lazy("This is not a translation made in the translation editor."),
    "invalid": gettext_lazy("The translation could not be saved: some required fields are still empty or invalid."),
}


def _handle_translation_post(request, instance):
    if request.method != "POST":
        return None
    action = request.POST.get("action")
    if action not in (SUBMIT_ACTION, "publish"):
        return None
    if action == "publish" and user_can_publish(request.user, instance):
        return None  # an administrator publishing: wagtail-localize does it
    try:
        instance = submit_for_review(instance, request.user)
    except CannotSubmit as refusal:
        if str(refusal) == "not-a-translation":
            return None
        messages.error(request, REFUSALS[str(refusal)])
    else:
        messages.success(
            request,
            _("The %(language)s translation of “%(title)s” was saved as a draft and submitted for review.")
            % {"language": instance.locale.get_display_name(), "title": str(instance)},
        )
    return redirect(request.get_full_path())


@hooks.register("before_edit_page", order=-1)
def submit_page_translation_for_review(request, page):
    return _handle_translation_post(request, page)


@hooks.register("before_edit_snippet", order=-1)
def submit_snippet_translation_for_review(request, instance):
    if isinstance(instance, TranslatableMixin) and not user_can_edit_locale(request.user, instance.locale):
        raise PermissionDenied
    return _handle_translation_post(request, instance)


@hooks.register("before_delete_snippet")
def keep_translators_out_of_source_snippets(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not user_can_edit_locale(request.user, instance.locale):
            raise PermissionDenied


@hooks.register("register_admin_urls", order=-1)
def register_admin_urls():
    """Take over some wagtail-localize URLs (same paths, matched first)."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            views.ReviewedSubmitPageTranslationView.as_view(),
            name="moderation_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            views.ReviewedSubmitSnippetTranslationView.as_view(),
            name="moderation_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            views.ReviewedUpdateTranslationsView.as_view(),
            name="moderation_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            views.convert_to_alias,
            name="moderation_convert_to_alias",
        ),
    ]
