"""Who may see an event's joining details."""

from home.roles import MEMBERS

from .models import Registrant, Visibility


def is_member(user):
    """Logged-in members of the Members group, and staff."""
    if user is None or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(group.name == MEMBERS for group in user.groups.all())


def can_see(visibility, user, registration=None):
    if visibility == Visibility.PUBLIC:
        return True
    if visibility == Visibility.MEMBERS:
        return is_member(user)
    return registration is not None and registration.status == Registrant.Status.CONFIRMED


def keep_out_of_shared_caches(request, details):
    """A response showing someone details that are not for everyone is theirs
    alone: home.middleware.PrivatePageCacheMiddleware marks it private and
    not to be stored, so neither the page cache nor a CDN keeps it."""
    if any(detail["value"] and detail["visibility"] != Visibility.PUBLIC for detail in details):
        request.serves_private_page = True
