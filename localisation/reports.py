"""Reports > Out-of-date translations: translated pages whose source has been
published since the translation was last synced, or whose last sync is not
published yet, per language, with links to sync and to the translation editor."""

import django_filters
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, LocaleColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale
from wagtail_localize.models import Translation

from .status import out_of_date_translations


def _translated_locales(request=None):
    return Locale.objects.exclude(language_code=settings.LANGUAGE_CODE).order_by("language_code")


class OutOfDateTranslationsFilterSet(WagtailFilterSet):
    locale = django_filters.ModelChoiceFilter(
        label=_("Language"),
        field_name="target_locale",
        queryset=_translated_locales,
        empty_label=_("All languages"),
    )

    class Meta:
        model = Translation
        fields = ["locale"]


def _sync_link(translation):
    return format_html(
        '<a class="button button-small button-secondary" href="{}">{}</a>',
        reverse("wagtail_localize:update_translations", args=[translation.source_id]),
        _("Sync translated pages"),
    )


class OutOfDateTranslationsView(ReportView):
    page_title = _("Out-of-date translations")
    header_icon = "wagtail-localize-language"
    index_url_name = "localisation_out_of_date_translations"
    index_results_url_name = "localisation_out_of_date_translations_results"
    filterset_class = OutOfDateTranslationsFilterSet
    paginate_by = 50
    list_export = ["target_title", "target_locale.language_code", "source_published_at", "source.last_updated_at"]
    export_headings = {
        "target_title": _("Translation"),
        "target_locale.language_code": _("Language"),
        "source_published_at": _("Source last published"),
        "source.last_updated_at": _("Translation last synced"),
    }
    columns = [
        TitleColumn(
            "target_title",
            label=_("Translation"),
            get_url=lambda translation: reverse("wagtailadmin_pages:edit", args=[translation.target_page_id]),
        ),
        LocaleColumn(accessor="target_locale_id", label=_("Language"), sort_key=None),
        DateColumn("source_published_at", label=_("Source last published")),
        DateColumn("synced_at", accessor="source.last_updated_at", label=_("Translation last synced")),
        Column("sync", accessor=_sync_link, label=_("Update")),
    ]

    def get_filename(self):
        return "out-of-date-translations"

    def get_base_queryset(self):
        return out_of_date_translations()
