"""Public forms: editor-built forms (contact, membership, expressions of interest),
sign-on statements with moderated signatures, and mailing lists with double opt-in.

Every form files its submissions under the source-language page, records the
reader's language, commits before any email is sent, and goes through the spam
checks in home/submissions.py."""

import django.forms
from django.conf import settings
from django.core import signing
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField, AbstractFormSubmission
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .. import submissions as guard
from .pages import SHORT_TEXT_FEATURES

FORM_PARENTS = ["home.HomePage", "home.OrganisationPage", "home.ContentPage"]
MAX_MULTILINE_LENGTH = 5000
MAX_URL_LENGTH = 2000
MAX_NUMBER_DIGITS = 15


class LimitedFormBuilder(FormBuilder):
    """Wagtail's form builder with limits on what a reader can paste in."""

    def create_multiline_field(self, field, options):
        options["max_length"] = MAX_MULTILINE_LENGTH
        return super().create_multiline_field(field, options)

    def create_email_field(self, field, options):
        options["max_length"] = 254
        return super().create_email_field(field, options)

    def create_url_field(self, field, options):
        options["max_length"] = MAX_URL_LENGTH
        return super().create_url_field(field, options)

    def create_number_field(self, field, options):
        # Django's DecimalField takes any number of digits (and 1e309) unless told.
        options["max_digits"] = MAX_NUMBER_DIGITS
        return super().create_number_field(field, options)

    def create_hidden_field(self, field, options):
        options["max_length"] = 255
        return super().create_hidden_field(field, options)


class FormField(TranslatableMixin, AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")

    # Translators translate what readers read; the field's key and type stay the
    # source's, so submissions from every language line up in one table.
    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        verbose_name = _("form field")


class FormPageSubmission(AbstractFormSubmission):
    """A submission of an editor-built form, always filed under the source page."""

    language = models.CharField(_("language"), max_length=20, default=settings.LANGUAGE_CODE)
    token = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("form submission")

    def get_data(self):
        return {**super().get_data(), "language": self.language}


class FormPage(AbstractEmailForm):
    """A form editors build themselves: get in touch, membership application,
    expression of interest. The organisation is told of each submission and the
    person who sent it gets a confirmation."""

    intro = RichTextField(_("introduction"), features=SHORT_TEXT_FEATURES, blank=True)
    thank_you_text = RichTextField(
        _("thank-you message"), features=SHORT_TEXT_FEATURES, blank=True, help_text=_("Shown after sending.")
    )
    confirmation_email_text = models.TextField(
        _("confirmation email"),
        blank=True,
        help_text=_("Sent to the address given in the form's first email field. Leave empty to send none."),
    )
    confirm_membership_criteria = models.BooleanField(
        _("ask applicants to confirm the membership criteria"),
        default=False,
        help_text=_("Adds one required tick box for each criterion listed on the organisation's page."),
    )

    form_builder = LimitedFormBuilder

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("confirm_membership_criteria"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("confirmation_email_text"),
            ],
            heading=_("Email"),
        ),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = FORM_PARENTS
    subpage_types = []

    class Meta:
        verbose_name = _("form page")

    def membership_criteria(self):
        if not self.confirm_membership_criteria:
            return []
        parent = self.get_parent().specific
        return list(parent.membership_criteria.all()) if hasattr(parent, "membership_criteria") else []

    def get_form_class(self):
        form_class = super().get_form_class()
        criteria = self.membership_criteria()
        if not criteria:
            return form_class
        extra = {
            f"criterion_{number}": django.forms.BooleanField(
                label=criterion.text, required=True, error_messages={"required": _("Please confirm this.")}
            )
            for number, criterion in enumerate(criteria, start=1)
        }
        return type("MembershipForm", (form_class,), extra)

    def get_submission_class(self):
        return FormPageSubmission

    def get_data_fields(self):
        return [*super().get_data_fields(), ("language", _("Language"))]

    def get_submissions_list_view_class(self):
        from ..views import SafeSubmissionsListView

        return SafeSubmissionsListView

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["form_token"] = guard.new_form_token()
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            refusal = guard.refuse_submission(request, self)
            if refusal is not None:
                return refusal
            if guard.form_token_from(request.POST) is None:
                return TemplateResponse(request, "home/submission_refused.html", self.get_context(request), status=400)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form):
        """Save under the source page, then (after commit) email the organisation and the sender.
        A repeated POST of the same rendered form (a double click) saves and sends nothing more."""
        token = guard.form_token_from(form.data)
        try:
            with transaction.atomic():
                submission = FormPageSubmission.objects.create(
                    form_data=form.cleaned_data,
                    page=guard.source_page(self),
                    language=guard.submission_language(),
                    token=token,
                )
        except IntegrityError:
            return FormPageSubmission.objects.filter(token=token).first()
        guard.send_after_commit(self.notification_email(form), self.confirmation_email(form))
        return submission

    def notification_email(self, form):
        if not self.to_address:
            return None
        body = "\n".join(
            [
                self.render_email(form),
                "",
                f"{_('Language')}: {guard.submission_language()}",
                f"{_('Page')}: {self.full_url or self.url_path}",
            ]
        )
        return guard.email(self.subject or self.title, body, self.to_address, from_email=self.from_address or None)

    def confirmation_email(self, form):
        if not self.confirmation_email_text:
            return None
        address = next(
            (
                form.cleaned_data.get(field.clean_name)
                for field in self.get_form_fields()
                if field.field_type == "email" and form.cleaned_data.get(field.clean_name)
            ),
            None,
        )
        if not address:
            return None
        return guard.email(self.title, self.confirmation_email_text, [address], from_email=self.from_address or None)


class SignOnPage(Page):
    """A public statement (a comment on a policy, a petition) people can sign.
    Signatures are checked by reviewers before they appear."""

    intro = models.TextField(_("summary"), blank=True, max_length=600)
    statement = RichTextField(_("statement"), features=SHORT_TEXT_FEATURES)
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True, help_text=_("After this, the page no longer takes signatures.")
    )
    thank_you_text = RichTextField(
        _("thank-you message"),
        features=SHORT_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown after signing. Say that signatures appear once checked."),
    )
    confirmation_email_text = models.TextField(_("confirmation email"), blank=True)
    to_address = models.CharField(
        _("notify"),
        max_length=255,
        blank=True,
        help_text=_("Email addresses told of each new signature, separated by commas."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("statement"),
        FieldPanel("closes_at"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel([FieldPanel("to_address"), FieldPanel("confirmation_email_text")], heading=_("Email")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("statement")]

    parent_page_types = FORM_PARENTS
    subpage_types = []

    class Meta:
        verbose_name = _("sign-on statement")

    @property
    def is_open(self):
        return self.closes_at is None or timezone.now() < self.closes_at

    def approved_signatures(self):
        return Signature.objects.filter(page=guard.source_page(self), approved=True)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        approved = self.approved_signatures()
        context["signature_count"] = approved.count()
        context["public_signatures"] = approved.filter(show_publicly=True).order_by("created_at")
        context["form"] = SignatureForm()
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        refusal = guard.refuse_submission(request, self)
        if refusal is not None:
            return refusal
        if not self.is_open:
            return TemplateResponse(request, self.get_template(request), self.get_context(request), status=400)
        form = SignatureForm(request.POST)
        if not form.is_valid():
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context)
        source = guard.source_page(self)
        already = Signature.objects.filter(page=source, email=form.cleaned_data["email"]).exists()
        if not already:
            try:
                with transaction.atomic():
                    signature = form.save(commit=False)
                    signature.page = source
                    signature.language = guard.submission_language()
                    signature.save()
            except IntegrityError:
                already = True
            else:
                guard.send_after_commit(self.notification_email(signature), self.confirmation_email(signature.email))
        context = self.get_context(request)
        context["already_signed"] = already
        return TemplateResponse(request, "home/sign_on_page_landing.html", context)

    def notification_email(self, signature):
        if not self.to_address:
            return None
        body = render_to_string("home/emails/new_signature.txt", {"page": self, "signature": signature})
        return guard.email(_("New signature to review: %(title)s") % {"title": self.title}, body, self.to_address)

    def confirmation_email(self, address):
        if not self.confirmation_email_text:
            return None
        return guard.email(self.title, self.confirmation_email_text, [address])


class Signature(models.Model):
    """One person's signature on a statement. Only reviewers see the email address;
    the name and role appear publicly once approved, and only with consent."""

    page = models.ForeignKey(
        SignOnPage, on_delete=models.CASCADE, related_name="signatures", verbose_name=_("statement")
    )
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("organisation or role"), max_length=200, blank=True)
    town = models.CharField(_("town"), max_length=100, blank=True)
    email = models.EmailField(_("email"), max_length=254)
    show_publicly = models.BooleanField(_("show name and role publicly"), default=False)
    approved = models.BooleanField(_("approved"), default=False, db_index=True)
    language = models.CharField(_("language"), max_length=20, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("signed"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("signature")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["page", "email"], name="one_signature_per_email_per_statement")]

    def __str__(self):
        return self.name


class SignatureForm(django.forms.ModelForm):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    class Meta:
        model = Signature
        fields = ["name", "role", "town", "email", "show_publicly"]
        labels = {
            "email": _("Email (never shown to anyone but our reviewers)"),
            "show_publicly": _("Show my name and role on this page"),
        }
        help_texts = {"role": _("For example: recovery coach, or the name of your organisation.")}

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class MailingListPage(Page):
    """Sign up for an organisation's news. Nobody is added until they follow the
    link we email them (double opt-in); every message carries a one-click unsubscribe."""

    intro = RichTextField(_("introduction"), features=SHORT_TEXT_FEATURES, blank=True)
    list_name = models.CharField(_("list name"), max_length=120, help_text=_("For example: Network news"))
    to_address = models.CharField(
        _("notify"),
        max_length=255,
        blank=True,
        help_text=_("Email addresses told of each confirmed subscription, separated by commas."),
    )

    content_panels = Page.content_panels + [FieldPanel("list_name"), FieldPanel("intro"), FieldPanel("to_address")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = FORM_PARENTS
    subpage_types = []

    class Meta:
        verbose_name = _("mailing list sign-up")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["form"] = SubscribeForm()
        return context

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        refusal = guard.refuse_submission(request, self)
        if refusal is not None:
            return refusal
        form = SubscribeForm(request.POST)
        if not form.is_valid():
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context)
        source = guard.source_page(self)
        try:
            with transaction.atomic():
                subscriber, _created = Subscriber.objects.get_or_create(
                    page=source,
                    email=form.cleaned_data["email"],
                    defaults={"name": form.cleaned_data["name"], "language": guard.submission_language()},
                )
        except IntegrityError:
            subscriber = Subscriber.objects.get(page=source, email=form.cleaned_data["email"])
        # The same answer whether or not the address was already on the list:
        # the page must not tell strangers who subscribes.
        if subscriber.confirmed_at is None:
            guard.send_after_commit(subscriber.confirmation_email(request))
        return TemplateResponse(request, "home/mailing_list_page_landing.html", self.get_context(request))


class SubscribeForm(django.forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    email = django.forms.EmailField(label=_("Email"), max_length=254)
    name = django.forms.CharField(label=_("Name (optional)"), max_length=200, required=False)

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()


class Subscriber(models.Model):
    """An address on a mailing list; it receives nothing but the confirmation
    until confirmed_at is set by the emailed link."""

    CONFIRM_SALT = "home.subscriber.confirm"
    UNSUBSCRIBE_SALT = "home.subscriber.unsubscribe"
    CONFIRM_MAX_AGE = 7 * 24 * 3600

    page = models.ForeignKey(
        MailingListPage, on_delete=models.CASCADE, related_name="list_members", verbose_name=_("mailing list")
    )
    email = models.EmailField(_("email"), max_length=254)
    name = models.CharField(_("name"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=20, default=settings.LANGUAGE_CODE)
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("subscriber")
        ordering = ["-created_at"]
        constraints = [models.UniqueConstraint(fields=["page", "email"], name="one_subscription_per_email_per_list")]

    def __str__(self):
        return self.email

    def _token(self, salt):
        return signing.dumps({"id": self.pk, "email": self.email}, salt=salt, compress=True)

    @classmethod
    def from_token(cls, token, salt, max_age=None):
        """The subscriber a signed link names, or None if the link is forged, expired or stale."""
        try:
            data = signing.loads(token, salt=salt, max_age=max_age)
            return cls.objects.select_related("page").get(pk=data["id"], email=data["email"])
        except (signing.BadSignature, cls.DoesNotExist, KeyError, TypeError, ValueError):
            return None

    def link(self, request, name, salt):
        with translation.override(self.language):
            path = reverse(name, kwargs={"token": self._token(salt)})
        return request.build_absolute_uri(path) if request is not None else settings.WAGTAILADMIN_BASE_URL + path

    def confirm_link(self, request=None):
        return self.link(request, "confirm_subscription", self.CONFIRM_SALT)

    def unsubscribe_link(self, request=None):
        return self.link(request, "unsubscribe", self.UNSUBSCRIBE_SALT)

    def unsubscribe_headers(self, request=None):
        """RFC 2369 / RFC 8058 headers for every message sent to this subscriber."""
        return {
            "List-Unsubscribe": f"<{self.unsubscribe_link(request)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        }

    def confirmation_email(self, request=None):
        with translation.override(self.language):
            body = render_to_string(
                "home/emails/confirm_subscription.txt",
                {"subscriber": self, "list_name": self.page.list_name, "link": self.confirm_link(request)},
            )
            subject = _("Please confirm: %(list)s") % {"list": self.page.list_name}
        return guard.email(subject, body, [self.email])

    def notification_email(self):
        """Tells the organisation of a confirmed subscription (if the list names someone to tell)."""
        if not self.page.to_address:
            return None
        body = f"{self.email} ({self.name or '-'}, {self.language})"
        return guard.email(_("New subscriber: %(list)s") % {"list": self.page.list_name}, body, self.page.to_address)

    def welcome_email(self, request=None):
        with translation.override(self.language):
            body = render_to_string(
                "home/emails/welcome_subscriber.txt",
                {"subscriber": self, "list_name": self.page.list_name, "link": self.unsubscribe_link(request)},
            )
            subject = _("You are on the list: %(list)s") % {"list": self.page.list_name}
        return guard.email(subject, body, [self.email], headers=self.unsubscribe_headers(request))
