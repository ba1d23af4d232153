"""Snippets readers see: regions, regional contacts, towns (for "find your region") and topics."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    Locale,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from ..towns import normalise_town_name


class ReviewedSnippet(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
    """A translatable snippet whose changes go through the review workflow."""

    class Meta(TranslatableMixin.Meta):
        abstract = True

    @property
    def revisions(self):
        return self._revisions


class Region(ReviewedSnippet):
    """One of the six DMH regions of Massachusetts. Translatable, reviewed before publishing."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, help_text=_("Used in addresses and filters, e.g. western"))
    description = models.TextField(_("description"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="region")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="region",
        for_concrete_model=False,
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("region")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_region_slug_per_locale")]

    def __str__(self):
        return self.name


class TownQuerySet(models.QuerySet):
    def matching(self, typed):
        return self.filter(lookup_name=normalise_town_name(typed))


class Town(models.Model):
    """A Massachusetts city or town and the DMH region it belongs to (loaded by a
    data migration; the region is the source-language one)."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    lookup_name = models.CharField(max_length=100, unique=True, editable=False)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="towns", verbose_name=_("region"))

    objects = TownQuerySet.as_manager()

    class Meta:
        verbose_name = _("town")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.lookup_name = normalise_town_name(self.name)
        super().save(*args, **kwargs)


class RegionalContact(index.Indexed, ReviewedSnippet):
    """Somewhere to turn in a region, such as its recovery learning community."""

    name = models.CharField(_("name"), max_length=200)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="contacts", verbose_name=_("region"))
    description = models.TextField(_("what they offer"), blank=True, max_length=1000)
    address = models.TextField(_("address"), blank=True, max_length=500)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    link = models.URLField(_("website"), blank=True)

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="regional_contact")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="regional_contact",
        for_concrete_model=False,
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("link")],
            heading=_("How to reach them"),
        ),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
        index.FilterField("region"),
        index.FilterField("live"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("regional contact")
        ordering = ["name"]

    def __str__(self):
        return self.name


def in_reader_language(queryset):
    """Live objects of a translatable model, each in the active language where a
    translation is live, else in the source language. Two queries, whatever the count."""
    active = Locale.get_active()
    default = Locale.get_default()
    rows = list(queryset.filter(live=True, locale__in=[active, default]))
    chosen = {}
    for obj in rows:
        if obj.locale_id == active.id or obj.translation_key not in chosen:
            chosen[obj.translation_key] = obj
    source_order = [obj.translation_key for obj in rows if obj.locale_id == default.id]
    ordered = [chosen.pop(key) for key in source_order if key in chosen]
    return ordered + list(chosen.values())


class Topic(TranslatableMixin, models.Model):
    """A subject that guidance and events can be filed under (ethics, training, ...)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")]

    def __str__(self):
        return self.name
