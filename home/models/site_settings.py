"""Settings for the whole site (not translated): contact details, social links, data retention."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable


@register_setting(icon="site")
class SiteSettings(ClusterableModel, BaseSiteSetting):
    """Facts about the site that do not change with the language. Words that do
    (the site's name, its tagline) live on each language's home page."""

    contact_email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    submission_retention_days = models.PositiveIntegerField(
        _("keep form submissions for (days)"),
        default=365,
        validators=[MinValueValidator(1), MaxValueValidator(3650)],
        help_text=_(
            "Form submissions, unapproved signatures and unconfirmed subscriptions older than this are "
            "deleted every night. Approved signatures stay while their statement is published."
        ),
    )

    panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("phone")], heading=_("Contact")),
        InlinePanel("social_links", heading=_("Social links"), label=_("Social link")),
        FieldPanel("submission_retention_days"),
    ]

    class Meta:
        verbose_name = _("site settings")


class SocialLink(Orderable):
    settings = ParentalKey(SiteSettings, on_delete=models.CASCADE, related_name="social_links")
    label = models.CharField(_("label"), max_length=60, help_text=_("For example: Facebook"))
    url = models.URLField(_("address"))

    panels = [FieldPanel("label"), FieldPanel("url")]

    def __str__(self):
        return self.label
