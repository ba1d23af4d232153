"""wagtail-localize views that could publish or reach the source language, held to the review rules."""

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import get_object_or_404
from wagtail.models import Locale, Page
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsForm, UpdateTranslationsView

from .translations import user_can_edit_locale, user_can_publish


class OwnLocalesOnlyMixin:
    """Offer only the languages the user may edit (translators: not the source language)."""

    def get_form(self):
        form = super().get_form()
        field = form.fields["locales"]
        allowed = [locale.pk for locale in field.queryset if user_can_edit_locale(self.request.user, locale)]
        field.queryset = Locale.objects.filter(pk__in=allowed)
        return form


class ReviewedSubmitPageTranslationView(OwnLocalesOnlyMixin, SubmitPageTranslationView):
    pass


class ReviewedSubmitSnippetTranslationView(OwnLocalesOnlyMixin, SubmitSnippetTranslationView):
    pass


class DraftOnlyUpdateTranslationsForm(UpdateTranslationsForm):
    """Without "Publish immediately": updates reach readers only after review."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["publish_translations"] = False
        return cleaned_data


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Update translations", whose "Publish immediately"
    is offered only to someone who may publish every translation it touches."""

    def user_can_publish_all(self):
        user = self.request.user
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                target = self.object.get_source_instance()
            if not user_can_publish(user, target):
                return False
        return True

    def get_form(self):
        if self.user_can_publish_all():
            return super().get_form()
        if self.request.method == "POST":
            return DraftOnlyUpdateTranslationsForm(self.request.POST)
        return DraftOnlyUpdateTranslationsForm()


def convert_to_alias(request, page_id):
    """Turning a translation back into an alias puts the source's live content
    in front of readers at once, so it takes the right to publish that page."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)
