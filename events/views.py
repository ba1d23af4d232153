"""Reader views behind the event routes: listings with filters, the month
calendar, registration and the registrant's own page.

Filters come from the query string (region, organisation, format, month);
anything malformed or unknown is a 404, so a shared link either works or
plainly does not. Every listing runs a fixed number of queries, whatever the
number of events.
"""

import calendar
import datetime
import re
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.paginator import InvalidPage, Paginator
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Locale

from home import submissions as guard
from home.models import OrganisationPage, Region
from home.privacy import public

from . import registration as registrations
from .models import LOCAL_TZ, EventOccurrence, Format, Registrant, Registration
from .rules import keep_out_of_shared_caches

PER_PAGE = 20
MONTH_RE = re.compile(r"^(\d{4})-(\d{2})$")
SLUG_RE = re.compile(r"[-\w]{1,255}")
FILTERS = ("region", "organisation", "format", "month")


def month_start(year, month):
    """Midnight on the first of the month, Eastern time; 404 for impossible months."""
    if not (1 <= month <= 12 and 1900 <= year <= 2200):
        raise Http404(_("There is no such month."))
    return datetime.datetime(year, month, 1, tzinfo=LOCAL_TZ)


def next_month(first):
    return (first + datetime.timedelta(days=32)).replace(day=1)


def regions_for_filter(locale):
    """The regions in the reader's language, or in the default language if not translated."""
    regions = list(Region.objects.filter(locale=locale, live=True))
    if not regions:
        regions = list(Region.objects.filter(locale=Locale.get_default(), live=True))
    return regions


def is_slug(value):
    """Whether a filter value could be a slug at all. Anything else names nothing,
    and is never sent to the database (PostgreSQL refuses a NUL character)."""
    return SLUG_RE.fullmatch(value) is not None


class Filters:
    """The filters in a query string, checked, and links that change one of them."""

    def __init__(self, request, index):
        self.index = index
        self.params = {}
        self.region = self.organisation = self.format = self.month = None
        get = request.GET
        if slug := get.get("region"):
            self.region = Region.objects.filter(slug=slug).order_by("locale_id").first() if is_slug(slug) else None
            if self.region is None:
                raise Http404(_("There is no region called “%(slug)s”.") % {"slug": slug})
            self.params["region"] = slug
        if slug := get.get("organisation"):
            self.organisation = (
                OrganisationPage.objects.live().filter(slug=slug, locale_id=index.locale_id).first()
                if is_slug(slug)
                else None
            )
            if self.organisation is None:
                raise Http404(_("There is no organisation called “%(slug)s”.") % {"slug": slug})
            self.params["organisation"] = slug
        if value := get.get("format"):
            if value not in Format.values:
                raise Http404(_("There is no event format called “%(value)s”.") % {"value": value})
            self.format = value
            self.params["format"] = value
        if value := get.get("month"):
            match = MONTH_RE.match(value)
            if not match:
                raise Http404(_("Months are written like 2026-03."))
            self.month = month_start(int(match[1]), int(match[2]))
            self.params["month"] = value

    def apply(self, occurrences):
        if self.region:
            occurrences = occurrences.in_region(self.region)
        if self.organisation:
            occurrences = occurrences.filter(page__organiser=self.organisation)
        if self.format:
            occurrences = occurrences.filter(page__format=self.format)
        if self.month:
            occurrences = occurrences.filter(start__gte=self.month, start__lt=next_month(self.month))
        return occurrences

    @property
    def active(self):
        return bool(self.params)

    def query_string(self, **changes):
        params = {**self.params, **changes}
        return urlencode({key: params[key] for key in FILTERS if params.get(key)})

    def link(self, **changes):
        query = self.query_string(**changes)
        return f"?{query}" if query else "?"

    def choices(self):
        """Filter groups for the template: each option with its link and whether it is chosen."""
        regions = regions_for_filter(self.index.locale)
        organisations = public(OrganisationPage.objects.live()).filter(locale_id=self.index.locale_id)
        if not self.index.is_statewide:
            organisations = []
        now = timezone.localtime(timezone.now(), LOCAL_TZ)
        first = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        months = []
        for _i in range(6):
            months.append(first)
            first = next_month(first)
        groups = [
            (
                "region",
                gettext_lazy("Region"),
                [(region.name, region.slug, self.params.get("region") == region.slug) for region in regions],
            ),
            (
                "organisation",
                gettext_lazy("Organisation"),
                [(org.title, org.slug, self.params.get("organisation") == org.slug) for org in organisations],
            ),
            (
                "format",
                gettext_lazy("Format"),
                [(label, value, self.format == value) for value, label in Format.choices],
            ),
            (
                "month",
                gettext_lazy("Month"),
                [(month, f"{month:%Y-%m}", self.params.get("month") == f"{month:%Y-%m}") for month in months],
            ),
        ]
        return [
            {
                "name": name,
                "label": label,
                "any_link": self.link(**{name: None}),
                "options": [
                    {"label": text, "link": self.link(**{name: value}), "current": current}
                    for text, value, current in options
                ],
            }
            for name, label, options in groups
            if options
        ]


def paginate(request, occurrences):
    number = request.GET.get("page", "1")
    # ASCII digits only: str.isdigit() also accepts "²", which int() refuses.
    if not (number.isascii() and number.isdigit()):
        raise Http404(_("Page numbers are whole numbers."))
    try:
        return Paginator(occurrences, PER_PAGE).page(int(number))
    except InvalidPage as error:
        raise Http404(_("There is no such page of events.")) from error


def listing(request, index, *, past):
    filters = Filters(request, index)
    occurrences = filters.apply(index.occurrences())
    if past:
        occurrences = occurrences.past()
    elif filters.month:
        occurrences = occurrences.order_by("start", "pk")
    else:
        occurrences = occurrences.upcoming()
    items = paginate(request, occurrences.for_listing())
    return index.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "occurrences": items,
            "filters": filters,
            "filter_groups": filters.choices(),
            "query_string": filters.query_string(),
            "showing_past": past,
        },
    )


def upcoming(request, index):
    return listing(request, index, past=False)


def past(request, index):
    return listing(request, index, past=True)


def calendar_now(request, index):
    now = timezone.localtime(timezone.now(), LOCAL_TZ)
    return HttpResponseRedirect(
        index.get_url(request) + index.reverse_subpage("calendar", args=[now.year, f"{now.month:02d}"])
    )


def calendar_month(request, index, year, month):
    first = month_start(year, month)
    following = next_month(first)
    previous = (first - datetime.timedelta(days=1)).replace(day=1)
    filters = Filters(request, index)
    filters.month = None  # the month is in the path
    filters.params.pop("month", None)
    occurrences = filters.apply(index.occurrences()).filter(start__gte=first, start__lt=following)
    by_day = {}
    for occurrence in occurrences.order_by("start", "pk").for_listing():
        by_day.setdefault(occurrence.local_start.date(), []).append(occurrence)
    weeks = [
        [{"date": day, "in_month": day.month == month, "occurrences": by_day.get(day, [])} for day in week]
        for week in calendar.Calendar(firstweekday=6).monthdatescalendar(year, month)
    ]
    query = filters.query_string()
    suffix = f"?{query}" if query else ""
    return index.render(
        request,
        template="events/event_calendar.html",
        context_overrides={
            "month": first,
            "weeks": weeks,
            "weekdays": [weeks[0][i]["date"] for i in range(7)],
            "filters": filters,
            "previous_url": index.reverse_subpage("calendar", args=[previous.year, f"{previous.month:02d}"]) + suffix,
            "next_url": index.reverse_subpage("calendar", args=[following.year, f"{following.month:02d}"]) + suffix,
        },
    )


class RegistrationForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Your name"), max_length=200)
    email = forms.EmailField(label=gettext_lazy("Your email"), max_length=254)
    accessibility_needs = forms.CharField(
        label=gettext_lazy("Anything we can do to make this event work for you? (optional)"),
        help_text=gettext_lazy("For example: captions, an interpreter, step-free access."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    consent = forms.BooleanField(
        label=gettext_lazy("I agree that the organisers may email me about this event."),
        help_text=gettext_lazy("We use your details only for this event and delete them afterwards."),
    )


def register(request, page, occurrence_id):
    if page.registration != Registration.BUILT_IN:
        raise Http404(_("This event does not take registrations on this site."))
    occurrence = get_object_or_404(EventOccurrence.objects.select_related("page"), pk=occurrence_id, page=page)
    occurrence.page = page
    if request.method == "POST":
        # The same spam checks as every other public form: a registration sends
        # an email to the address typed, so a script must not send thousands.
        refusal = guard.refuse_submission(request, page)
        if refusal is not None:
            return refusal
    form = RegistrationForm(request.POST or None)
    status = 200
    refusal = None
    if occurrence.cancelled:
        refusal = _("This date has been cancelled.")
    elif occurrence.start <= timezone.now():
        refusal = _("This date has already started or is over.")
    elif occurrence.is_full and not page.wait_list:
        refusal = _("Sorry, this date is full.")
    if request.method == "POST":
        if refusal:
            status = 409
        elif form.is_valid():
            try:
                registrant = registrations.register(occurrence, **form.cleaned_data)
            except registrations.RegistrationRefused as error:
                refusal, status = str(error), 409
            else:
                sent = registrations.send_confirmation(request, registrant)
                if not sent:
                    messages.warning(
                        request,
                        _("We could not send your confirmation email. Keep this page's address: it is your link."),
                    )
                token = registrations.make_token(registrant)
                return HttpResponseRedirect(page.get_url(request) + page.reverse_subpage("registration", args=[token]))
        else:
            status = 400
    response = page.render(
        request,
        template="events/register.html",
        context_overrides={"occurrence": occurrence, "form": form, "refusal": refusal},
    )
    response.status_code = status
    return response


def registration(request, page, token):
    registrant = registrations.read_token(token)
    if registrant is None or registrant.occurrence.page_id != page.pk:
        raise Http404(_("This registration link is not valid. Check that you copied all of it."))
    if request.method == "POST" and request.POST.get("action") == "cancel":
        promoted = registrations.cancel(registrant)
        if promoted is not None:
            registrations.send_confirmation(request, promoted)
        messages.success(request, _("Your registration is cancelled."))
        return HttpResponseRedirect(request.path)
    registrant.occurrence.page = page
    details = page.joining_details(request.user, registrant)
    keep_out_of_shared_caches(request, details)
    return page.render(
        request,
        template="events/registration.html",
        context_overrides={
            "registrant": registrant,
            "occurrence": registrant.occurrence,
            "is_confirmed": registrant.status == Registrant.Status.CONFIRMED,
            "joining_details": details,
        },
    )
