"""The URLs under event indexes and event pages (RoutablePageMixin routes).

The work is done in views.py; this module only maps URLs to it, so that the
page models can inherit the routes without importing the views at load time.
"""

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path


class EventIndexRoutes(RoutablePageMixin):
    @path("", name="upcoming")
    def upcoming(self, request):
        from . import views

        return views.upcoming(request, self)

    @path("past/", name="past")
    def past(self, request):
        from . import views

        return views.past(request, self)

    @path("calendar/", name="calendar_now")
    def calendar_now(self, request):
        from . import views

        return views.calendar_now(request, self)

    @re_path(r"^calendar/(?P<year>\d{4})/(?P<month>\d{1,2})/$", name="calendar")
    def calendar(self, request, year, month):
        from . import views

        return views.calendar_month(request, self, int(year), int(month))

    @path("ical/", name="feed")
    def feed(self, request):
        from . import feeds

        return feeds.index_feed(request, self)

    @path("regions/<slug:region>/ical/", name="region_feed")
    def region_feed(self, request, region):
        from . import feeds

        return feeds.index_feed(request, self, region_slug=region)


class EventPageRoutes(RoutablePageMixin):
    @path("ical/", name="ics")
    def ics(self, request):
        from . import feeds

        return feeds.event_file(request, self)

    @path("dates/<int:occurrence_id>/ical/", name="occurrence_ics")
    def occurrence_ics(self, request, occurrence_id):
        from . import feeds

        return feeds.occurrence_file(request, self, occurrence_id)

    @path("register/<int:occurrence_id>/", name="register")
    def register(self, request, occurrence_id):
        from . import views

        return views.register(request, self, occurrence_id)

    @path("registration/<str:token>/", name="registration")
    def registration(self, request, token):
        from . import views

        return views.registration(request, self, token)
