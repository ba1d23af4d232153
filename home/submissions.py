"""What every public form on the site shares: spam checks (a honeypot and a
per-address rate limit kept in Django's cache), sending mail only after the
submission is committed (and never failing the request because the mail server
is down), filing translated submissions under the source page, and CSV exports
that spreadsheets cannot mistake for formulas."""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from wagtail.models import Locale

logger = logging.getLogger(__name__)

HONEYPOT_FIELD = "website_address"
TOKEN_FIELD = "form_token"  # noqa: S105 - a field name, not a secret
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def client_address(request):
    """The address the request came from. Behind N trusted proxies (a load
    balancer, a CDN), set FORWARDED_PROXY_COUNT = N: the address is then the one
    the outermost trusted proxy saw, which a client cannot forge. Without it,
    X-Forwarded-For is ignored."""
    proxies = getattr(settings, "FORWARDED_PROXY_COUNT", 0)
    if proxies:
        forwarded = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies][:64]
    return request.META.get("REMOTE_ADDR", "unknown")


def over_rate_limit(request):
    """Count this submission against its address; True once the address has sent
    more than FORM_SUBMISSIONS_PER_MINUTE in the current minute (shared by every
    worker through the cache)."""
    limit = getattr(settings, "FORM_SUBMISSIONS_PER_MINUTE", 20)
    key = f"form-submissions:{client_address(request)}"
    cache.add(key, 0, timeout=60)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=60)
        count = 1
    return count > limit


def refuse_submission(request, page):
    """A response refusing a POST that is automated or too frequent, or None to go on."""
    context = page.get_context(request)
    if over_rate_limit(request):
        return TemplateResponse(request, "home/too_many_submissions.html", context, status=429)
    if request.POST.get(HONEYPOT_FIELD):
        return TemplateResponse(request, "home/submission_refused.html", context, status=400)
    return None


def new_form_token():
    return str(uuid.uuid4())


def form_token_from(data):
    """The one-time token a rendered form carried (in POST data), or None when it is missing or forged."""
    try:
        return uuid.UUID(str(data.get(TOKEN_FIELD, "")))
    except ValueError:
        return None


def source_page(page):
    """The source-language page: submissions to every translation are filed under it."""
    if page.alias_of_id:
        page = page.alias_of
    default = Locale.get_default()
    if page.locale_id == default.id:
        return page.specific
    return (page.get_translation_or_none(default) or page).specific


def submission_language():
    return (get_language() or settings.LANGUAGE_CODE)[:20]


def send_quietly(messages):
    for message in messages:
        try:
            message.send()
        except Exception:  # noqa: BLE001 - any mail failure must not undo a saved submission
            logger.exception("Could not send %r to %s; the submission itself is saved.", message.subject, message.to)


def send_after_commit(*messages):
    """Send once the submission is safely in the database; failures are logged."""
    messages = [message for message in messages if message is not None and message.to]
    if messages:
        transaction.on_commit(lambda: send_quietly(messages))


def email(subject, body, to, *, from_email=None, headers=None):
    if isinstance(to, str):
        to = [address.strip() for address in to.split(",") if address.strip()]
    return EmailMessage(
        subject=" ".join(str(subject).split())[:200],
        body=body,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        to=to,
        headers=headers,
    )


def neutralise_formula(value):
    """Prefix a cell that a spreadsheet would run as a formula, so it stays text."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


class SafeCSVMixin:
    """For Wagtail's SpreadsheetExportMixin views: CSV cells are never formulas."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: neutralise_formula(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )
