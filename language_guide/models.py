from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)

from .matching import Matcher, has_regex_like, key, keys_for


def lines(text):
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class LanguageGuideEntry(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A word or phrase our writing avoids, why, and what to say instead.

    Entries belong to one language: the Spanish guide checks Spanish pages. Only
    published entries are used by the checks."""

    class Severity(models.TextChoices):
        AVOID = "avoid", _("Avoid")
        CONSIDER = "consider", _("Consider another word")

    term = models.CharField(
        _("word or phrase to avoid"),
        max_length=120,
        help_text=_(
            "As readers would see it, e.g. client or suffers from. Plurals, capitals and hyphens are matched for you."
        ),
    )
    variants = models.TextField(
        _("other forms"),
        blank=True,
        help_text=_("Other forms to match, one per line, e.g. suffering from."),
    )
    reason = models.TextField(_("why"), help_text=_("One or two plain sentences that editors will see."))
    alternatives = models.TextField(
        _("suggested alternatives"), help_text=_("One suggestion per line, e.g. person, member, participant.")
    )
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices, default=Severity.AVOID)
    match_inside_words = models.BooleanField(
        _("also match inside longer words"),
        default=False,
        help_text=_("Off: client does not flag clientele. Turn on only for word parts that are never fine."),
    )

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="language_guide_entry")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="language_guide_entry",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("term"),
        FieldPanel("variants"),
        FieldPanel("reason"),
        FieldPanel("alternatives"),
        FieldRowPanel([FieldPanel("severity"), FieldPanel("match_inside_words")]),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("language guide entry")
        verbose_name_plural = _("language guide entries")
        ordering = ["term"]

    def __str__(self):
        return self.term

    @property
    def revisions(self):
        return self._revisions

    @property
    def language(self):
        return self.locale.language_code if self.locale_id else settings.LANGUAGE_CODE

    def phrases(self):
        return [self.term, *lines(self.variants)]

    def alternative_list(self):
        return lines(self.alternatives)

    def clean(self):
        super().clean()
        errors = {}
        self.term = " ".join((self.term or "").split())
        if not key(self.term):
            errors["term"] = _("Enter a word or phrase with at least one letter or number.")
        for field in ("term", "variants"):
            if field not in errors and has_regex_like(getattr(self, field)):
                errors[field] = _(
                    "Write words as readers see them. Characters such as * ? | ( ) [ ] { } \\ ^ $ + are not "
                    "patterns here; list each other form on its own line instead."
                )
        if not lines(self.alternatives):
            errors["alternatives"] = _("Suggest at least one alternative, so editors know what to write instead.")
        if self.locale_id:
            site_languages = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
            if self.locale.language_code not in site_languages:
                raise ValidationError(
                    _("The site has no %(language)s pages: guide entries can only be in the site's languages.")
                    % {"language": self.locale.language_code}
                )
            if "term" not in errors:
                duplicate = self.duplicate_in_locale()
                if duplicate is not None:
                    errors["term"] = _(
                        "The %(language)s guide already has this word or one of its forms: “%(other)s”. "
                        "Edit that entry instead."
                    ) % {"language": self.locale.get_display_name(), "other": duplicate.term}
        if errors:
            raise ValidationError(errors)

    def duplicate_in_locale(self):
        """Another entry of this locale that shares a word form with this one."""
        own = keys_for(self.phrases(), self.language)
        others = LanguageGuideEntry.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        return next((other for other in others if own & keys_for(other.phrases(), self.language)), None)

    @classmethod
    def matcher_for(cls, locale):
        """A matcher for the published entries of `locale` (a Locale or a language code)."""
        entries = cls.objects.filter(live=True)
        if isinstance(locale, str):
            entries = entries.filter(locale__language_code=locale)
            language = locale
        else:
            entries = entries.filter(locale=locale)
            language = locale.language_code
        return Matcher(entries.select_related("locale"), language)
