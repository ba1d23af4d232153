"""Demo events, in our own words: a statewide calendar with a weekly evening call,
a monthly support group in two regions (also in Spanish), a coalition meeting
with its agenda, a speaker series and a past autumn gathering in a park.

Dates are set from today so the calendar always has something coming up."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from home.demo import sync_locale_trees, translate
from home.models import HomePage, OrganisationPage, Region

from .models import LOCAL_TZ, AgendaItem, EventIndexPage, EventPage

# If the home app has not created the six DMH regions, we do (same slugs).
REGIONS = [
    ("central", "Central Mass"),
    ("metro-suburban", "Metro Suburban"),
    ("metro-boston", "Metro Boston"),
    ("southeast", "Southeast"),
    ("northeast", "Northeast"),
    ("western", "Western Mass"),
]


def next_weekday(weekday, hour, minute=0, weeks_ahead=0):
    """The next given weekday (0 = Monday) at a local time, at least a day away."""
    today = timezone.localdate()
    days = (weekday - today.weekday()) % 7 or 7
    day = today + datetime.timedelta(days=days, weeks=weeks_ahead)
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=LOCAL_TZ)


def nth_weekday_of_next_month(n, weekday, hour):
    """For example the second Tuesday of next month, at a local time."""
    first = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    day = first + datetime.timedelta(days=(weekday - first.weekday()) % 7, weeks=n - 1)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LOCAL_TZ)


def events():
    hour = datetime.timedelta(hours=1)
    evening_call = next_weekday(3, 19)
    group = nth_weekday_of_next_month(1, 0, 18)
    speakers = next_weekday(2, 12, weeks_ahead=1)
    coalition = nth_weekday_of_next_month(2, 1, 10)
    return [
        {
            "parent": "statewide",
            "slug": "thursday-evening-call",
            "title": "Thursday evening peer call",
            "summary": "An hour on the phone with other peer workers: bring what is on your mind.",
            "start": evening_call,
            "end": evening_call + hour,
            "organiser": "eastern-mass-peer-network",
            "regions": ["metro-boston", "northeast", "metro-suburban"],
            "audience": "Peer workers and peer supporters",
            "format": "phone",
            "dial_in": "+1 617 555 0142",
            "access_code": "508 221",
            "access_code_visibility": "members",
            "frequency": "weekly",
            "body": [
                (
                    "paragraph",
                    "<p>No agenda and no preparation: people share how their week went, swap ideas and "
                    "listen. You can stay for five minutes or the whole hour.</p>",
                )
            ],
        },
        {
            "parent": "statewide",
            "slug": "monthly-support-group",
            "title": "Monthly peer support group",
            "summary": "A peer-led group to talk about recovery, what helps and what does not.",
            "start": group,
            "end": group + 1.5 * hour,
            "organiser": "peer-facilitators-project",
            "regions": ["western", "central"],
            "audience": "Anyone in mental health recovery",
            "format": "in_person",
            "venue": "Community room, public library",
            "address": "20 Main Street, Northampton, MA 01060",
            "frequency": "monthly",
            "registration": "built_in",
            "capacity": 12,
            "wait_list": True,
            "body": [
                (
                    "paragraph",
                    "<p>Two trained peer facilitators lead the group. What is said in the room stays in "
                    "the room. Tea and snacks are on the table.</p>",
                )
            ],
            "spanish": {
                "Monthly peer support group": "Grupo mensual de apoyo entre pares",
                "A peer-led group to talk about recovery, what helps and what does not.": (
                    "Un grupo dirigido por pares para hablar de la recuperación, de lo que ayuda y de lo que no."
                ),
                "Anyone in mental health recovery": "Cualquier persona en recuperación de salud mental",
                "Community room, public library": "Sala comunitaria, biblioteca pública",
                "Two trained peer facilitators lead the group. What is said in the room stays in the room. "
                "Tea and snacks are on the table.": (
                    "Dos facilitadores pares capacitados dirigen el grupo. Lo que se dice en la sala se queda "
                    "en la sala. Hay té y algo para picar."
                ),
                "monthly-support-group": "grupo-mensual-de-apoyo",
            },
        },
        {
            "parent": "statewide",
            "slug": "speaker-series",
            "title": "Speaker series: peer work in practice",
            "summary": "Every other week, a peer worker talks about one part of the job, then questions.",
            "start": speakers,
            "end": speakers + hour,
            "organiser": "central-mass-peer-network",
            "audience": "Peer workers, supervisors and students",
            "format": "video",
            "meeting_link": "https://meet.example.org/speaker-series",
            "meeting_link_visibility": "registrants",
            "frequency": "weekly",
            "interval": 2,
            "repeat_count": 6,
            "registration": "built_in",
            "capacity": 100,
            "wait_list": False,
            "body": [
                (
                    "paragraph",
                    "<p>Talks cover supervision, documentation, mutuality and self-care. Captions are on for "
                    "every talk; tell us when you register if you need anything else.</p>",
                )
            ],
        },
        {
            "parent": "past",
            "slug": "autumn-gathering-2017",
            "title": "Autumn gathering in the park",
            "summary": "A picnic for peers, families and friends, with music and games.",
            "start": datetime.datetime(2017, 10, 14, 11, tzinfo=LOCAL_TZ),
            "end": datetime.datetime(2017, 10, 14, 15, tzinfo=LOCAL_TZ),
            "organiser": "eastern-mass-peer-network",
            "regions": ["metro-boston"],
            "audience": "Everyone",
            "format": "in_person",
            "venue": "Franklin Park",
            "address": "1 Circuit Drive, Boston, MA 02121",
            "body": [("paragraph", "<p>Bring a blanket and something to share. Rain or shine.</p>")],
        },
        {
            "parent": "coalition",
            "slug": "coalition-meeting",
            "title": "Coalition monthly meeting",
            "summary": "Members of the coalition meet online to work on our shared priorities.",
            "start": coalition,
            "end": coalition + 1.5 * hour,
            "organiser": "peer-workforce-coalition",
            "audience": "Coalition members and people thinking of joining",
            "format": "video",
            "meeting_link": "https://meet.example.org/coalition",
            "meeting_link_visibility": "members",
            "dial_in": "+1 617 555 0177",
            "dial_in_visibility": "members",
            "frequency": "monthly",
            "agenda": [
                ("Welcome and chat while people join", 5, ""),
                ("Comfort agreement and introductions", 10, "Chair"),
                ("Notes from last time", 5, "Secretary"),
                ("Progress on our priorities", 30, "Working groups"),
                ("Next steps and who does what", 15, "Chair"),
            ],
        },
    ]


def load(context):
    stdout = context["stdout"]
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        stdout.write("No English home page: events demo skipped.")
        return
    with transaction.atomic():
        regions = ensure_regions()
        statewide = ensure_index(home, "events", "Events across Massachusetts")
        coalition_page = OrganisationPage.objects.filter(slug="peer-workforce-coalition").first()
        parents = {"statewide": statewide, "past": statewide}
        if coalition_page is not None:
            parents["coalition"] = ensure_index(coalition_page, "meetings", "Coalition meetings")
        organisations = {page.slug: page for page in OrganisationPage.objects.filter(locale=home.locale)}
        created = {}
        for spec in events():
            parent = parents.get(spec["parent"])
            if parent is not None:
                created[spec["slug"]] = ensure_event(parent, spec, regions, organisations)
        sync_locale_trees()
        spanish = Locale.objects.filter(language_code="es").first()
        group = created.get("monthly-support-group")
        if spanish is not None and group is not None:
            spec = next(spec for spec in events() if spec["slug"] == "monthly-support-group")
            translate(group, spanish, spec["spanish"])
    stdout.write("Events: a statewide calendar with four events (one also in Spanish) and the coalition's meeting.")


def ensure_regions():
    english = Locale.get_default()
    regions = {}
    for slug, name in REGIONS:
        region, _created = Region.objects.get_or_create(
            slug=slug, locale=english, defaults={"name": name, "live": True}
        )
        regions[slug] = region
    return regions


def ensure_index(parent, slug, title):
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    index = EventIndexPage(
        title=title,
        slug=slug,
        intro="Gatherings, calls and meetings run by and for peers. Everyone is welcome unless it says otherwise.",
        show_in_menus=True,
    )
    parent.add_child(instance=index)
    index.save_revision().publish()
    return index


def ensure_event(parent, spec, regions, organisations):
    existing = parent.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    fields = {key: value for key, value in spec.items() if key not in {"parent", "regions", "agenda", "spanish"}}
    fields["organiser"] = organisations.get(fields.pop("organiser", None))
    page = EventPage(**fields)
    page.agenda_items = [
        AgendaItem(title=title, duration=minutes, lead=lead) for title, minutes, lead in spec.get("agenda", [])
    ]
    page.regions = [regions[slug] for slug in spec.get("regions", [])]
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
