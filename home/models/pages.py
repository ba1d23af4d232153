from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.template import engines
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from home.privacy import public

from ..blocks import BodyBlock

SHORT_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
MAX_TOWN_LENGTH = 100


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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["organisations"] = (
            public(OrganisationPage.objects.live()).filter(locale=self.locale).order_by("path").specific()
        )
        context["has_event_tags"] = tag_library_available("event_tags")
        context["has_library_tags"] = tag_library_available("library_tags")
        return context


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


def tag_library_available(name):
    """Whether a template tag library is installed (another app may not ship it yet)."""
    return name in engines["django"].engine.template_libraries


class OrganisationPage(Page):
    """A network, the coalition or a project: its own corner of the site, with its
    mission, how it meets, how to join and how to reach it."""

    class Kind(models.TextChoices):
        NETWORK = "network", _("Peer network")
        COALITION = "coalition", _("Coalition")
        LEARNING_COMMUNITY = "rlc", _("Recovery learning community")
        PROJECT = "project", _("Project")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NETWORK)
    short_name = models.CharField(_("short name"), max_length=40, blank=True, help_text=_("For example: EMPN"))
    intro = models.TextField(_("summary"), blank=True, max_length=600)
    mission = RichTextField(_("mission"), features=SHORT_TEXT_FEATURES, blank=True)
    vision = RichTextField(_("vision"), features=SHORT_TEXT_FEATURES, blank=True)
    history = RichTextField(_("history"), features=SHORT_TEXT_FEATURES, blank=True)
    represents = RichTextField(
        _("who we represent"),
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text=_("The people and roles the organisation speaks for."),
    )
    membership = RichTextField(
        _("membership"),
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text=_("Who can join and how. List the criteria themselves below."),
    )
    meeting_schedule = models.CharField(
        _("when we meet"),
        max_length=250,
        blank=True,
        help_text=_("For example: the second Tuesday of every month, 10 am to noon, online."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    contact_email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.TextField(_("postal address"), blank=True, max_length=500)
    website = models.URLField(_("website"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("kind"), FieldPanel("short_name"), FieldPanel("intro")], heading=_("About")),
        FieldPanel("mission"),
        FieldPanel("vision"),
        FieldPanel("history"),
        FieldPanel("represents"),
        MultiFieldPanel(
            [
                FieldPanel("membership"),
                InlinePanel("membership_criteria", label=_("Criterion"), heading=_("Membership criteria")),
            ],
            heading=_("Membership"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("meeting_schedule"),
                InlinePanel("agenda_items", label=_("Agenda item"), heading=_("Meeting structure")),
            ],
            heading=_("Meetings"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("phone"), FieldPanel("address"), FieldPanel("website")],
            heading=_("Contact"),
        ),
        InlinePanel("social_links", label=_("Social link"), heading=_("Social links")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        index.SearchField("intro"),
        index.SearchField("mission"),
        index.SearchField("vision"),
        index.SearchField("history"),
        index.SearchField("represents"),
        index.SearchField("body"),
        index.FilterField("kind"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "home.ContentPage",
        "home.FormPage",
        "home.SignOnPage",
        "home.MailingListPage",
        "home.RegionalDirectoryPage",
        "documents.DocumentLibraryPage",
        "events.EventIndexPage",
    ]

    class Meta:
        verbose_name = _("organisation page")

    @property
    def meeting_minutes(self):
        return sum(item.minutes for item in self.agenda_items.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Titles and links only: plain pages, not one query per page type.
        context["sections"] = public(self.get_children().live())
        context["has_event_tags"] = tag_library_available("event_tags")
        context["has_library_tags"] = tag_library_available("library_tags")
        return context


class MembershipCriterion(TranslatableMixin, Orderable):
    """Something a member must meet; the membership form asks applicants to confirm each one."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="membership_criteria")
    text = models.CharField(_("criterion"), max_length=500)

    panels = [FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("membership criterion")

    def __str__(self):
        return self.text


class AgendaItem(TranslatableMixin, Orderable):
    """One part of a regular meeting, in order, with how long it usually takes."""

    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("agenda item"), max_length=200)
    minutes = models.PositiveSmallIntegerField(_("minutes"), validators=[MinValueValidator(1), MaxValueValidator(600)])
    description = models.CharField(_("description"), max_length=500, blank=True)

    panels = [FieldPanel("title"), FieldPanel("minutes"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("agenda item")

    def __str__(self):
        return self.title


class OrganisationLink(TranslatableMixin, Orderable):
    page = ParentalKey(OrganisationPage, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(_("label"), max_length=60, help_text=_("For example: Facebook"))
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("social link")

    def __str__(self):
        return self.label


class RegionalDirectoryPage(Page):
    """The six regions and who to contact in each, with "find your region" by town."""

    intro = RichTextField(_("introduction"), features=SHORT_TEXT_FEATURES, blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.OrganisationPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("regional directory")

    def get_context(self, request, *args, **kwargs):
        from .snippets import Region, RegionalContact, Town, in_reader_language

        context = super().get_context(request, *args, **kwargs)
        regions = in_reader_language(Region.objects.all())
        contacts = in_reader_language(RegionalContact.objects.select_related("region"))
        by_region = {}
        for contact in contacts:
            by_region.setdefault(contact.region.translation_key, []).append(contact)
        context["regions"] = [(region, by_region.get(region.translation_key, [])) for region in regions]

        typed = request.GET.get("town", "").strip()[:MAX_TOWN_LENGTH]
        if typed:
            town = Town.objects.matching(typed).select_related("region").first()
            context["town_query"] = typed
            if town is not None:
                context["town"] = town
                context["town_region"] = next(
                    (region for region in regions if region.translation_key == town.region.translation_key),
                    town.region,
                )
                context["town_contacts"] = by_region.get(town.region.translation_key, [])
        return context
