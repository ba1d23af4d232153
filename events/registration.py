"""Registering for one date of an event, with places counted by the database.

A place is taken by a conditional UPDATE (`seats_taken < capacity`), which the
database applies one row at a time, so simultaneous requests for the last place
cannot both get it. The registration row and the place are saved together or
not at all; the email is sent only after they are committed.
"""

import logging

from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext as _

from .models import EventOccurrence, Registrant, Registration

logger = logging.getLogger(__name__)
SIGNING_NAMESPACE = "events.registration"


class RegistrationRefused(Exception):
    """A registration that cannot be taken; the message is for the reader."""


def make_token(registrant):
    """A signed token for the registrant's own link. Wagtail's page URLs allow only
    letters, digits, "_" and "-", so the signed value is base64-encoded once more."""
    return urlsafe_base64_encode(signing.dumps(registrant.pk, salt=SIGNING_NAMESPACE).encode())


def read_token(token):
    """The registrant a signed link is for, or None for a forged or mangled link."""
    try:
        pk = signing.loads(urlsafe_base64_decode(token).decode(), salt=SIGNING_NAMESPACE)
    except (signing.BadSignature, ValueError):
        return None
    return Registrant.objects.select_related("occurrence__page").filter(pk=pk).first()


def register(occurrence, *, name, email, accessibility_needs="", consent=False):
    """Take a place (or a wait-list spot) on `occurrence`; return the saved registrant."""
    page = occurrence.page
    if page.registration != Registration.BUILT_IN:
        raise RegistrationRefused(_("This event does not take registrations on this site."))
    if occurrence.cancelled:
        raise RegistrationRefused(_("This date has been cancelled."))
    if occurrence.start <= timezone.now():
        raise RegistrationRefused(_("This date has already started or is over."))
    email = email.strip().lower()
    try:
        with transaction.atomic():
            if Registrant.objects.filter(occurrence=occurrence, email=email).exclude(status="cancelled").exists():
                raise RegistrationRefused(_("This email address is already registered for this date."))
            places = EventOccurrence.objects.filter(pk=occurrence.pk)
            if page.capacity is not None:
                places = places.filter(seats_taken__lt=page.capacity)
            if places.update(seats_taken=F("seats_taken") + 1):
                status = Registrant.Status.CONFIRMED
            elif page.wait_list:
                status = Registrant.Status.WAITING
            else:
                raise RegistrationRefused(_("Sorry, this date is full."))
            return Registrant.objects.create(
                occurrence=occurrence,
                name=name,
                email=email,
                accessibility_needs=accessibility_needs,
                consent=consent,
                status=status,
            )
    except IntegrityError as error:
        # The unique constraint caught a duplicate sent at the same moment.
        raise RegistrationRefused(_("This email address is already registered for this date.")) from error


def cancel(registrant):
    """Cancel a registration; a confirmed place goes to the first on the wait list.
    Returns the promoted registrant, if any."""
    with transaction.atomic():
        registrant = Registrant.objects.select_for_update().get(pk=registrant.pk)
        if registrant.status == Registrant.Status.CANCELLED:
            return None
        was_confirmed = registrant.status == Registrant.Status.CONFIRMED
        registrant.status = Registrant.Status.CANCELLED
        registrant.save(update_fields=["status"])
        if not was_confirmed:
            return None
        promoted = (
            Registrant.objects.select_for_update()
            .filter(occurrence_id=registrant.occurrence_id, status=Registrant.Status.WAITING)
            .order_by("created_at", "pk")
            .first()
        )
        if promoted is None:
            EventOccurrence.objects.filter(pk=registrant.occurrence_id).update(seats_taken=F("seats_taken") - 1)
            return None
        promoted.status = Registrant.Status.CONFIRMED
        promoted.save(update_fields=["status"])
        return promoted


def send_confirmation(request, registrant):
    """Email the registrant their status, their own link and an .ics file.
    A mail failure is logged, never shown as an error: the registration stands."""
    from .feeds import occurrence_calendar

    occurrence = registrant.occurrence
    page = occurrence.page
    link = request.build_absolute_uri(
        page.get_url(request) + page.reverse_subpage("registration", args=[make_token(registrant)])
    )
    context = {
        "registrant": registrant,
        "occurrence": occurrence,
        "page": page,
        "link": link,
        "details": page.joining_details(None, registrant),
    }
    with translation.override(page.locale.language_code):
        subject = render_to_string("events/email/confirmation_subject.txt", context).strip()
        body = render_to_string("events/email/confirmation.txt", context)
    message = EmailMessage(subject, body, to=[registrant.email])
    if registrant.status == Registrant.Status.CONFIRMED:
        ics = occurrence_calendar(request, occurrence, registrant=registrant).to_ical()
        message.attach("event.ics", ics, "text/calendar")
    try:
        message.send()
    except Exception:
        logger.exception("Could not send the confirmation for registration %s", registrant.pk)
        return False
    return True
