"""Event pages, their indexes, their occurrences on the calendar and registrations.

An EventPage describes a gathering once; its dates (one, or a recurrence rule with
skipped and moved dates) are materialised into EventOccurrence rows up to a
horizon, so that the calendar, filters and feeds are plain database queries.
"""

import datetime
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock, DocumentLinkBlock
from home.privacy import public

from .routes import EventIndexRoutes, EventPageRoutes

# How far ahead open-ended recurrences are materialised. The scheduler's
# `refresh_occurrences` command moves the horizon forward as time passes.
HORIZON = datetime.timedelta(days=366)
LOCAL_TZ = ZoneInfo(settings.TIME_ZONE)


class EventIndexPage(EventIndexRoutes, Page):
    """A calendar. Under an organisation it lists that organisation's events (its
    descendants); directly under a home page it is the statewide calendar and lists
    the events of every organisation in that language."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.OrganisationPage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index")

    @property
    def is_statewide(self):
        """An index whose parent is a home page (root, home, index: depth 3)."""
        return self.depth <= 3

    def occurrences(self):
        """Occurrences of live, public events this calendar shows, in the index's language."""
        scope = Q(page__locale_id=self.locale_id)
        if not self.is_statewide:
            scope &= Q(page__path__startswith=self.path)
        return EventOccurrence.objects.visible().filter(scope)

    def event_pages(self):
        pages = public(EventPage.objects.live()).filter(locale_id=self.locale_id)
        if not self.is_statewide:
            pages = pages.descendant_of(self)
        return pages


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    PHONE = "phone", _("Phone call")
    VIDEO = "video", _("Video call")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members only (logged in)")
    REGISTRANTS = "registrants", _("People who registered")


class Frequency(models.TextChoices):
    ONCE = "", _("Does not repeat")
    WEEKLY = "weekly", _("Weekly (or every few weeks)")
    MONTHLY = "monthly", _("Monthly, on the same weekday (for example the second Tuesday)")


class Registration(models.TextChoices):
    NONE = "", _("No registration needed")
    BUILT_IN = "built_in", _("Register on this site")
    EXTERNAL = "external", _("Register on another site")


class EventPage(EventPageRoutes, Page):
    """One gathering, held once or on a repeating schedule."""

    summary = models.TextField(_("summary"), max_length=600, help_text=_("One or two sentences for listings."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    start = models.DateTimeField(_("starts"), help_text=_("Eastern time (Boston). For a series: the first one."))
    end = models.DateTimeField(_("ends"), help_text=_("Eastern time. For a series: when the first one ends."))
    all_day = models.BooleanField(_("all day"), default=False)

    organiser = models.ForeignKey(
        "home.OrganisationPage",
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    regions = ParentalManyToManyField("home.Region", verbose_name=_("regions"), blank=True, related_name="+")
    audience = models.CharField(
        _("who it is for"), max_length=200, blank=True, help_text=_("For example: peer workers and supervisors")
    )

    format = models.CharField(_("format"), max_length=20, choices=Format.choices, default=Format.IN_PERSON)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("street address"), max_length=300, blank=True)
    dial_in = models.CharField(_("dial-in number"), max_length=60, blank=True)
    dial_in_visibility = models.CharField(
        _("who sees the dial-in number"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    access_code = models.CharField(_("access code"), max_length=60, blank=True)
    access_code_visibility = models.CharField(
        _("who sees the access code"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )
    meeting_link = models.URLField(_("meeting link"), blank=True)
    meeting_link_visibility = models.CharField(
        _("who sees the meeting link"), max_length=20, choices=Visibility.choices, default=Visibility.PUBLIC
    )

    frequency = models.CharField(_("repeats"), max_length=10, choices=Frequency.choices, blank=True)
    interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
        help_text=_("1 = every week or month, 2 = every other week or month, and so on."),
    )
    repeat_until = models.DateField(_("until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(500)]
    )

    registration = models.CharField(_("registration"), max_length=10, choices=Registration.choices, blank=True)
    capacity = models.PositiveIntegerField(
        _("places"), null=True, blank=True, help_text=_("Per date. Leave empty for no limit.")
    )
    wait_list = models.BooleanField(_("wait list when full"), default=True)
    registration_url = models.URLField(_("registration link"), blank=True)

    minutes = StreamField(
        [("document", DocumentLinkBlock())], blank=True, verbose_name=_("minutes and papers"), use_json_field=True
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("interval")]),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
                InlinePanel(
                    "date_changes",
                    heading=_("Skipped or moved dates"),
                    label=pgettext_lazy("a skipped or moved date", "Change"),
                ),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("format"),
                FieldPanel("venue"),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("dial_in"), FieldPanel("dial_in_visibility")]),
                FieldRowPanel([FieldPanel("access_code"), FieldPanel("access_code_visibility")]),
                FieldRowPanel([FieldPanel("meeting_link"), FieldPanel("meeting_link_visibility")]),
            ],
            heading=_("Where and how to join"),
        ),
        MultiFieldPanel(
            [FieldPanel("organiser"), FieldPanel("regions"), FieldPanel("audience")],
            heading=_("Who"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("wait_list")]),
                FieldPanel("registration_url"),
            ],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
        InlinePanel("agenda_items", heading=_("Agenda"), label=_("Agenda item")),
        FieldPanel("minutes"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("venue"),
        index.SearchField("audience"),
        index.FilterField("format"),
    ]

    # Numbers, codes and addresses are the same in every language: translators never see them.
    override_translatable_fields = [
        SynchronizedField("dial_in"),
        SynchronizedField("access_code"),
        SynchronizedField("address"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")

    # Rules -------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        elif self.start and self.end and self.end - self.start > datetime.timedelta(days=14):
            errors["end"] = _("An event can last at most two weeks. For a series, set how it repeats instead.")
        if self.frequency:
            if self.repeat_until and self.repeat_count:
                errors["repeat_count"] = _("Give an end date or a number of times, not both.")
            if self.start and self.repeat_until and self.repeat_until < timezone.localtime(self.start, LOCAL_TZ).date():
                errors["repeat_until"] = _("The series cannot end before its first date.")
            if (
                self.frequency == Frequency.WEEKLY
                and self.start
                and self.end
                and self.end - self.start > datetime.timedelta(weeks=self.interval or 1)
            ):
                errors["end"] = _("Each date must end before the next one starts.")
        elif self.repeat_until or self.repeat_count:
            errors["frequency"] = _("Choose how the event repeats, or clear the end date and number of times.")
        if self.format == Format.IN_PERSON and not (self.venue or self.address):
            errors["address"] = _("Give a venue or a street address for an event in person.")
        if self.format in (Format.PHONE, Format.VIDEO) and not (self.dial_in or self.meeting_link):
            errors["meeting_link"] = _("Give a dial-in number or a meeting link for a call.")
        for field in ("dial_in", "access_code", "meeting_link"):
            visibility = getattr(self, f"{field}_visibility")
            if visibility == Visibility.REGISTRANTS and self.registration != Registration.BUILT_IN:
                errors[f"{field}_visibility"] = _("Only people who register on this site can be sent this.")
        if self.registration == Registration.EXTERNAL and not self.registration_url:
            errors["registration_url"] = _("Give the address of the registration page.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_recurring(self):
        return bool(self.frequency)

    @property
    def map_url(self):
        """A plain link to an OpenStreetMap search: no embedded map, nothing loaded from third parties."""
        if not self.address:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.address})

    @property
    def local_start(self):
        return timezone.localtime(self.start, LOCAL_TZ)

    @property
    def local_end(self):
        return timezone.localtime(self.end, LOCAL_TZ)

    def upcoming_occurrences(self, limit=12):
        occurrences = list(self.occurrences.filter(end__gte=timezone.now()).order_by("start")[:limit])
        for occurrence in occurrences:
            occurrence.page = self
        return occurrences

    def preview_occurrences(self, limit=12):
        """The dates the unsaved rule would give, for the admin preview (not stored)."""
        from .recurrence import slots

        now = timezone.now()
        upcoming = [slot for slot in slots(self, list(self.date_changes.all())) if slot.end >= now][:limit]
        return [EventOccurrence(page=self, original_start=s.original_start, start=s.start, end=s.end) for s in upcoming]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            context["occurrences"] = occurrences = self.preview_occurrences()
        else:
            context["occurrences"] = occurrences = self.upcoming_occurrences()
        from .rules import keep_out_of_shared_caches

        context["joining_details"] = self.joining_details(request.user)
        keep_out_of_shared_caches(request, context["joining_details"])
        context["json_ld"] = self.json_ld(request, occurrences)
        return context

    def json_ld(self, request, occurrences):
        """schema.org Event data for search engines, as a JSON string safe inside <script>."""
        from .structured_data import event_json_ld

        return event_json_ld(self, request, occurrences)

    def joining_details(self, user, registration=None):
        """The dial-in number, access code and meeting link, each either shown or
        replaced by how to get it, depending on who is asking."""
        from .rules import can_see

        details = []
        for field, label in (
            ("dial_in", _("Dial-in number")),
            ("access_code", _("Access code")),
            ("meeting_link", _("Meeting link")),
        ):
            value = getattr(self, field)
            if not value:
                continue
            visibility = getattr(self, f"{field}_visibility")
            shown = can_see(visibility, user, registration)
            details.append(
                {
                    "name": field,
                    "label": label,
                    "value": value if shown else "",
                    "visibility": visibility,
                    "is_link": field == "meeting_link",
                }
            )
        return details


class DateChange(Orderable):
    """One date of a series that is skipped, or moved to another time."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="date_changes")
    date = models.DateField(_("original date"), help_text=_("The date in the series that changes."))
    new_start = models.DateTimeField(_("moved to"), null=True, blank=True, help_text=_("Leave empty to skip the date."))
    new_end = models.DateTimeField(_("new end"), null=True, blank=True)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("new_start"), FieldPanel("new_end")])]

    class Meta(Orderable.Meta):
        verbose_name = _("skipped or moved date")

    def clean(self):
        super().clean()
        if self.new_end and not self.new_start:
            raise ValidationError({"new_start": _("Give the new start too.")})
        if self.new_start and self.new_end and self.new_end <= self.new_start:
            raise ValidationError({"new_end": _("The end must be after the start.")})


class AgendaItem(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="agenda_items")
    title = models.CharField(_("item"), max_length=200)
    duration = models.PositiveSmallIntegerField(
        _("minutes"), null=True, blank=True, validators=[MaxValueValidator(600)], help_text=_("How long, in minutes.")
    )
    lead = models.CharField(_("led by"), max_length=120, blank=True)

    panels = [FieldRowPanel([FieldPanel("title"), FieldPanel("duration"), FieldPanel("lead")])]

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")

    def __str__(self):
        return self.title


class OccurrenceQuerySet(models.QuerySet):
    def visible(self):
        """Occurrences of live event pages outside any private section."""
        return public(self.filter(page__live=True), prefix="page__")

    def upcoming(self):
        return self.filter(end__gte=timezone.now(), cancelled=False).order_by("start", "pk")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start", "-pk")

    def in_region(self, region):
        """In a region, in whichever language the page and region are."""
        return self.filter(page__regions__translation_key=region.translation_key)

    def for_listing(self):
        return self.select_related("page", "page__organiser").prefetch_related("page__regions")


class EventOccurrence(models.Model):
    """One date of an event, stored so that calendars are plain queries."""

    page = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    original_start = models.DateTimeField(
        _("scheduled start"), help_text=_("Where the series put it, before any move.")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    seats_taken = models.PositiveIntegerField(_("places taken"), default=0)

    objects = OccurrenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("event date")
        ordering = ["start"]
        constraints = [models.UniqueConstraint(fields=["page", "original_start"], name="unique_occurrence_per_slot")]
        indexes = [
            models.Index(fields=["start", "end"], name="occurrence_start_end"),
            models.Index(fields=["end", "start"], name="occurrence_end_start"),
        ]

    def __str__(self):
        return f"{self.page.title}, {self.local_start:%Y-%m-%d %H:%M}"

    @property
    def local_start(self):
        return timezone.localtime(self.start, LOCAL_TZ)

    @property
    def local_end(self):
        return timezone.localtime(self.end, LOCAL_TZ)

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def is_full(self):
        capacity = self.page.capacity
        return capacity is not None and self.seats_taken >= capacity


class Registrant(models.Model):
    """Someone who registered for one date of an event (or is on its wait list)."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the wait list")
        CANCELLED = "cancelled", _("Cancelled")

    occurrence = models.ForeignKey(
        EventOccurrence, verbose_name=_("date"), on_delete=models.CASCADE, related_name="registrants"
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("email"))
    accessibility_needs = models.TextField(_("access needs"), blank=True, max_length=2000)
    consent = models.BooleanField(_("agreed to be contacted about this event"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.CONFIRMED)
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        ordering = ["occurrence__start", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["occurrence", "email"],
                condition=~Q(status="cancelled"),
                name="one_registration_per_email_and_date",
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.get_status_display()})"
