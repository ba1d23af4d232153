from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index

from .blocks import BodyBlock


class HomePage(Page):
    """The front page of one language. The site's name and tagline live here, so
    they are translated with the page."""

    site_name = models.CharField(
        _("site name"),
        max_length=120,
        default="Massachusetts Peer Support Networks",
        help_text=_("Shown in the header of every page in this language."),
    )
    tagline = models.CharField(_("tagline"), max_length=250, blank=True)
    intro = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("site_name"),
        FieldPanel("tagline"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class ContentPage(Page):
    """A plain page: about us, guides, anything that is words and pictures."""

    intro = models.TextField(_("summary"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    subpage_types = ["home.ContentPage"]

    class Meta:
        verbose_name = _("content page")


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Facts about the site that do not change with the language. Words that do
    (the site's name, its tagline) live on each language's home page."""

    contact_email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading=_("Contact")),
        InlinePanel("social_links", heading=_("Social links"), label=_("Social link")),
    ]

    class Meta:
        verbose_name = _("site settings")


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(_("label"), max_length=60, help_text=_("For example: Facebook"))
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label


class OrganisationPage(Page):
    """A network, the coalition or a recovery learning community: its own corner of the site."""

    class Kind(models.TextChoices):
        NETWORK = "network", _("Peer network")
        COALITION = "coalition", _("Coalition")
        LEARNING_COMMUNITY = "rlc", _("Recovery learning community")
        PROJECT = "project", _("Project")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NETWORK)
    short_name = models.CharField(_("short name"), max_length=40, blank=True, help_text=_("For example: EMPN"))
    intro = models.TextField(_("summary"), blank=True, max_length=600)
    mission = RichTextField(_("mission"), features=["bold", "italic", "link"], blank=True)
    vision = RichTextField(_("vision"), features=["bold", "italic", "link"], blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldPanel("short_name"),
        FieldPanel("intro"),
        FieldPanel("mission"),
        FieldPanel("vision"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("mission"),
        index.SearchField("vision"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["home.HomePage"]

    class Meta:
        verbose_name = _("organisation page")


class Region(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, TranslatableMixin, models.Model):
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

    @property
    def revisions(self):
        return self._revisions


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
