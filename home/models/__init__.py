"""The core app's models, split by what they are about."""

from .forms import (
    FormField,
    FormPage,
    FormPageSubmission,
    MailingListPage,
    Signature,
    SignOnPage,
    Subscriber,
)
from .pages import (
    AgendaItem,
    ContentPage,
    HomePage,
    MembershipCriterion,
    OrganisationLink,
    OrganisationPage,
    RegionalDirectoryPage,
)
from .site_settings import SiteSettings, SocialLink
from .snippets import Region, RegionalContact, Topic, Town

__all__ = [
    "AgendaItem",
    "ContentPage",
    "FormField",
    "FormPage",
    "FormPageSubmission",
    "HomePage",
    "MailingListPage",
    "MembershipCriterion",
    "OrganisationLink",
    "OrganisationPage",
    "Region",
    "RegionalContact",
    "RegionalDirectoryPage",
    "SignOnPage",
    "Signature",
    "SiteSettings",
    "SocialLink",
    "Subscriber",
    "Topic",
    "Town",
]

# Page privacy follows a page into its aliases and translations (home/restriction_sync.py).
from .. import restriction_sync  # noqa: E402

restriction_sync.connect()
