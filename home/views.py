from django.conf import settings
from django.core import signing
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, requires_csrf_token
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.models import Page
from wagtail.search.utils import parse_query_string

from .locales import active_locale
from .models import Subscriber
from .privacy import public
from .submissions import SafeCSVMixin, send_after_commit

SEARCH_RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def search(request):
    """Site search in the reader's language, over live public pages only."""
    query = request.GET.get("query", "").strip()
    if len(query) > MAX_QUERY_LENGTH or "\x00" in query:
        return render(
            request,
            "search.html",
            {"search_query": "", "error": _("That search is too long or has characters we cannot search for.")},
            status=400,
        )

    results = Page.objects.none()
    if query:
        # Parsed into terms and phrases: a lone quote or an operator typed by a
        # reader is a word, not search syntax (SQLite's FTS refuses it).
        _filters, parsed_query = parse_query_string(query)
        results = (
            public(Page.objects.live())
            .filter(locale=active_locale())
            .exclude(depth__lte=1)
            .specific()
            .search(parsed_query)
        )

    paginator = Paginator(results, SEARCH_RESULTS_PER_PAGE)
    page_number = request.GET.get("page", "1")
    try:
        results_page = paginator.page(page_number)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404(_("There is no such page of results.")) from error

    return render(
        request,
        "search.html",
        {"search_query": query, "search_results": results_page, "paginator": paginator},
    )


def _error(request, template, status, exception=None):
    return render(request, template, {"request_path": request.path, "exception": exception}, status=status)


def bad_request(request, exception=None):
    return _error(request, "400.html", 400, exception)


def permission_denied(request, exception=None):
    return _error(request, "403.html", 403, exception)


def page_not_found(request, exception=None):
    return _error(request, "404.html", 404, exception)


@requires_csrf_token
def csrf_failure(request, reason=""):
    return render(request, "403_csrf.html", {"reason": reason if settings.DEBUG else ""}, status=403)


def server_error(request):
    # No context processors and no database: the 500 page must render even when
    # the database is the reason for the error.
    # An outage that surfaced outside a view (in a middleware) still gets the
    # calm 503 page rather than this one (see home.middleware.OutageMiddleware).
    import sys

    from django.http import HttpResponseServerError
    from django.template import loader

    from .middleware import outage_kind, outage_response

    kind = outage_kind(sys.exc_info()[1])
    if kind is not None:
        return outage_response(kind)
    return HttpResponseServerError(loader.get_template("500.html").render())


class SafeSubmissionsListView(SafeCSVMixin, SubmissionsListView):
    """Wagtail's form submissions listing, with a CSV export that spreadsheets cannot run."""


def confirm_subscription(request, token):
    """The link in the double opt-in email: confirms the address it was sent to."""
    subscriber = Subscriber.from_token(token, Subscriber.CONFIRM_SALT, max_age=Subscriber.CONFIRM_MAX_AGE)
    if subscriber is None:
        return render(request, "home/subscription_link_invalid.html", status=400)
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["confirmed_at"])
        send_after_commit(subscriber.welcome_email(request), subscriber.notification_email())
    return render(request, "home/subscription_confirmed.html", {"subscriber": subscriber})


@csrf_exempt
def unsubscribe(request, token):
    """One click from any email we send (or a mail client's RFC 8058 one-click POST):
    the address is removed from the list, not kept with a flag."""
    if request.method not in ("GET", "HEAD", "POST"):
        return render(request, "home/subscription_link_invalid.html", status=405)
    try:
        data = signing.loads(token, salt=Subscriber.UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return render(request, "home/subscription_link_invalid.html", status=400)
    # A second click finds nobody to remove: that is still "unsubscribed".
    subscriber = Subscriber.objects.filter(pk=data["id"], email=data["email"]).select_related("page").first()
    if subscriber is not None and request.method != "HEAD":
        subscriber.delete()
    return render(request, "home/unsubscribed.html", {"subscriber": subscriber})
