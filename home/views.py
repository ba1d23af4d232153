from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import requires_csrf_token
from wagtail.models import Locale, Page

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
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active())
            .exclude(depth__lte=1)
            .specific()
            .search(query)
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
    from django.http import HttpResponseServerError
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
