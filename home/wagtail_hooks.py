from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Region, RegionalContact, Signature, Subscriber, Topic
from .roles import ADMINISTRATORS, REVIEWERS
from .submissions import SafeCSVMixin


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = _("Regions")
    list_display = ["name", "slug"]
    search_fields = ["name"]


class RegionalContactViewSet(SnippetViewSet):
    model = RegionalContact
    icon = "mail"
    menu_label = _("Regional contacts")
    list_display = ["name", "region", "phone"]
    list_filter = ["region"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]


register_snippet(RegionViewSet)
register_snippet(RegionalContactViewSet)
register_snippet(TopicViewSet)


REVIEWING_GROUPS = [REVIEWERS, ADMINISTRATORS]


class ReviewersOnlyPolicy(BasePermissionPolicy):
    """People's signatures and addresses: only reviewers (and administrators) see
    or change them, and nobody adds them by hand - they come from the public forms."""

    def user_has_permission(self, user, action):
        if action == "add" or not (user.is_authenticated and user.is_active):
            return False
        return user.is_superuser or user.groups.filter(name__in=REVIEWING_GROUPS).exists()

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        if set(actions) <= {"add"}:
            return get_user_model().objects.none()
        return (
            get_user_model().objects.filter(Q(is_superuser=True) | Q(groups__name=REVIEWERS), is_active=True).distinct()
        )

    def users_with_permission(self, action):
        return self.users_with_any_permission([action])


register_permission_policy(Signature, ReviewersOnlyPolicy(Signature))
register_permission_policy(Subscriber, ReviewersOnlyPolicy(Subscriber))


class SafeExportIndexView(SafeCSVMixin, IndexView):
    pass


class SignatureViewSet(ModelViewSet):
    """Reviewers approve signatures here; only approved ones appear on the statement."""

    model = Signature
    icon = "edit"
    menu_label = _("Signatures")
    index_view_class = SafeExportIndexView
    list_display = ["name", "role", "town", "page", "show_publicly", "approved", "created_at"]
    list_filter = ["approved", "page"]
    list_export = ["page", "name", "role", "town", "email", "show_publicly", "approved", "language", "created_at"]
    export_filename = "signatures"
    search_fields = ["name", "role", "town", "email"]
    form_fields = ["name", "role", "town", "show_publicly", "approved"]
    add_to_admin_menu = False


class SubscriberViewSet(ModelViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = _("Mailing list subscribers")
    index_view_class = SafeExportIndexView
    list_display = ["email", "name", "page", "confirmed_at", "created_at"]
    list_filter = ["page"]
    list_export = ["page", "email", "name", "language", "created_at", "confirmed_at"]
    export_filename = "subscribers"
    search_fields = ["email", "name"]
    form_fields = ["name"]
    add_to_admin_menu = False


class PeopleViewSetGroup(ViewSetGroup):
    menu_label = _("Sign-ups")
    menu_icon = "group"
    menu_order = 250
    items = (SignatureViewSet("signatures"), SubscriberViewSet("subscribers"))


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()


@hooks.register("before_serve_page")
def flag_private_pages(page, request, serve_args, serve_kwargs):
    """Members-only pages must not be kept by shared caches (see PrivatePageCacheMiddleware).

    The restrictions are read once: the evaluated queryset is kept on this page
    object for the rest of the request, so Wagtail's own check (the next
    before_serve_page hook) does not run the same two queries again."""
    restrictions = page.get_view_restrictions()
    if restrictions:  # evaluates it and fills its result cache
        request.serves_private_page = True
    page.get_view_restrictions = lambda: restrictions
