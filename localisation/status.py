"""What a reader (and a reviewer) should know about a translated page.

`TranslationStatus(page)` answers, in one database query, whether the page is
wagtail-localize's alias of the source (the English text is shown), whether the
source has been published again since the translation was last synced or since
that sync was published, whether machine translation was used, and whether the
live version was approved through the review workflow.
"""

from functools import cached_property

from django.conf import settings
from django.db.models import CharField, Exists, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Cast
from wagtail.models import Page, Revision, TaskState
from wagtail_localize.models import StringTranslation, Translation


def _source_page_subquery(field):
    return Subquery(
        Page.objects.filter(
            translation_key=OuterRef("source__object_id"), locale_id=OuterRef("source__locale_id")
        ).values(field)[:1]
    )


def _target_page_subquery(field):
    return Subquery(
        Page.objects.filter(
            translation_key=OuterRef("source__object_id"), locale_id=OuterRef("target_locale_id")
        ).values(field)[:1]
    )


def _machine_strings():
    return Exists(
        StringTranslation.objects.filter(
            context__object_id=OuterRef("source__object_id"),
            locale_id=OuterRef("target_locale_id"),
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
    )


class TranslationStatus:
    """Facts about one page in one language, computed once, lazily."""

    def __init__(self, page, request=None):
        self.page = page
        self.request = request

    @cached_property
    def is_source_language(self):
        return self.page.locale.language_code == settings.LANGUAGE_CODE

    @cached_property
    def is_fallback(self):
        """An untranslated page: wagtail-localize's alias showing the source text."""
        return bool(self.page.alias_of_id) and not self.is_source_language

    @cached_property
    def translation(self):
        """wagtail-localize's Translation this page was made from, with the facts
        we need annotated (one query), or None for pages nobody translated."""
        page = self.page
        if not page.pk or self.is_source_language or page.alias_of_id:
            return None
        approved = TaskState.objects.filter(revision_id=page.live_revision_id, status=TaskState.STATUS_APPROVED)
        return (
            Translation.objects.filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
            .select_related("source")
            .annotate(
                source_page_id=_source_page_subquery("pk"),
                source_published_at=_source_page_subquery("last_published_at"),
                has_machine_strings=_machine_strings(),
                live_revision_approved=Exists(approved) if page.live_revision_id else Value(False),
                # (A converted alias keeps the source's revision as its live
                # revision until its first publish: only its own revisions count.)
                live_revision_created_at=Subquery(
                    Revision.objects.filter(pk=page.live_revision_id, object_id=str(page.pk)).values("created_at")[:1]
                ),
            )
            .first()
        )

    @property
    def is_translation(self):
        return self.translation is not None

    @cached_property
    def is_stale(self):
        """The source was published after the translation was last synced, or
        the last sync has not been published in this language yet."""
        translation = self.translation
        if translation is None:
            return False
        synced_at = translation.source.last_updated_at
        source_published_at = translation.source_published_at
        if source_published_at and source_published_at > synced_at:
            return True
        # The live version was written before the last sync: the synced text
        # is not published in this language yet.
        live_created_at = translation.live_revision_created_at
        return bool(live_created_at and live_created_at < synced_at)

    @property
    def is_machine(self):
        return bool(self.translation and self.translation.has_machine_strings)

    @property
    def is_reviewed(self):
        return bool(self.translation and self.translation.live_revision_approved)

    @cached_property
    def source_page(self):
        translation = self.translation
        if translation is None or translation.source_page_id is None:
            return None
        return Page.objects.filter(pk=translation.source_page_id).select_related("locale").first()

    @cached_property
    def source_url(self):
        source = self.source_page
        return source.get_url(self.request) if source is not None else None


def out_of_date_translations(locale=None):
    """Page translations whose source was published after the translation was
    last synced, or whose live version predates the last sync, for the admin report.

    A queryset of Translation, annotated with `source_published_at`,
    `target_page_id` and `target_published_at`; aliases are left out (they
    always show the current source)."""
    page_types = Page.objects.values("content_type_id")
    translations = (
        Translation.objects.filter(enabled=True, source__specific_content_type_id__in=page_types)
        .select_related("source", "source__locale", "target_locale")
        .annotate(
            source_page_id=_source_page_subquery("pk"),
            source_published_at=_source_page_subquery("last_published_at"),
            target_page_id=_target_page_subquery("pk"),
            target_title=_target_page_subquery("title"),
            target_published_at=_target_page_subquery("last_published_at"),
            target_live_revision_id=_target_page_subquery("live_revision_id"),
            target_alias_of=_target_page_subquery("alias_of_id"),
        )
        .annotate(
            target_live_revision_created_at=Subquery(
                Revision.objects.filter(
                    pk=OuterRef("target_live_revision_id"), object_id=Cast(OuterRef("target_page_id"), CharField())
                ).values("created_at")[:1]
            )
        )
        .filter(target_page_id__isnull=False, target_alias_of__isnull=True, source_published_at__isnull=False)
        .filter(
            Q(source_published_at__gt=F("source__last_updated_at"))
            | Q(target_live_revision_created_at__lt=F("source__last_updated_at"))
        )
        .order_by("target_locale__language_code", "-source_published_at")
    )
    if locale is not None:
        translations = translations.filter(target_locale=locale)
    return translations
