"""The document library: guidance documents whose every published edition is kept.

An editor says, on the page itself, whether the next publish is a new edition
(label, date, summary of changes) or a correction of the current one. Those
fields travel in the revision the reviewer approves; when it is published
(`page_published`), `record_edition` keeps that revision as the edition's text.
"""

import re
from pathlib import PurePath
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import ProtectedError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, Revision
from wagtail.search import index
from wagtail.search.utils import parse_query_string
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.models import OrganisationPage, Topic
from home.privacy import public

from .blocks import GuidanceBodyBlock, item_anchor
from .panels import EditionHistoryPanel

LABEL_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")

# Files are always downloaded, never shown inline, and only with these types.
SAFE_CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".txt": "text/plain; charset=utf-8",
    ".rtf": "application/rtf",
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


class DocumentType(models.TextChoices):
    VALUES = "values", _("Values and actions")
    CODE_OF_ETHICS = "ethics", _("Code of ethics")
    GUIDANCE = "guidance", _("Guidance")
    POSITION = "position", _("Position statement")
    TRAINING = "training", _("Training material")


class DocumentLibraryPage(RoutablePageMixin, Page):
    """The library: every guidance document below it, filtered, searched and paginated."""

    intro = models.TextField(_("introduction"), blank=True, max_length=800)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage", "home.OrganisationPage"]
    subpage_types = ["documents.GuidanceDocumentPage"]

    per_page = 20

    class Meta:
        verbose_name = _("document library")

    def documents(self):
        return (
            public(GuidanceDocumentPage.objects.child_of(self).live())
            .select_related("origin_organisation")
            .prefetch_related("topics")
            .order_by("title")
        )

    @path("")
    def index(self, request):
        documents = self.documents()
        filters = {name: _clean_parameter(request.GET.get(name, "")) for name in ("topic", "organisation", "type", "q")}
        if filters["type"] in DocumentType.values:
            documents = documents.filter(document_type=filters["type"])
        if re.fullmatch(r"[0-9]{1,18}", filters["organisation"]):
            documents = documents.filter(origin_organisation_id=int(filters["organisation"]))
        if filters["topic"]:
            tagged = GuidanceDocumentPage.objects.filter(topics__slug=filters["topic"]).values("id")
            documents = documents.filter(id__in=tagged)
        if filters["q"]:
            # Wagtail search filters only on indexed fields: hand it the ids.
            ids = list(documents.values_list("id", flat=True))
            # Parsed into terms and phrases: quotes and operators typed by readers are words, not syntax.
            _filters, query = parse_query_string(filters["q"], operator="and")
            results = public(GuidanceDocumentPage.objects.live()).filter(id__in=ids).search(query)
        else:
            results = documents
        paginator = Paginator(results, self.per_page)
        try:
            items = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger) as error:
            raise Http404(_("There is no such page of results.")) from error
        query = {key: value for key, value in filters.items() if value}
        return self.render(
            request,
            context_overrides={
                "items": items,
                "filters": filters,
                "query_string": urlencode(query),
                "topics": Topic.objects.filter(locale=self.locale),
                "organisations": public(OrganisationPage.objects.live()).filter(locale=self.locale).order_by("title"),
                "document_types": DocumentType.choices,
            },
        )


def _clean_parameter(value):
    """A query parameter without control characters (PostgreSQL refuses NUL), at most 200 characters."""
    return "".join(character for character in value if character.isprintable()).strip()[:200]


class GuidanceDocumentPage(RoutablePageMixin, Page):
    """A structured guidance or values document, with every edition kept."""

    class EditionKind(models.TextChoices):
        NEW = "new", _("A new edition")
        CORRECTION = "correction", _("A correction of the current edition")

    summary = models.TextField(_("summary"), blank=True, max_length=800)
    document_type = models.CharField(
        _("type of document"), max_length=20, choices=DocumentType.choices, default=DocumentType.GUIDANCE
    )
    origin_organisation = models.ForeignKey(
        OrganisationPage,
        verbose_name=_("origin organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation that first wrote this document."),
    )
    first_issued = models.PositiveSmallIntegerField(
        _("first issued (year)"), null=True, blank=True, help_text=_("For example: 2013")
    )
    audience = models.CharField(
        _("audience"), max_length=250, blank=True, help_text=_("Who it is for, e.g. peer specialists and supervisors.")
    )
    topics = ParentalManyToManyField(Topic, blank=True, verbose_name=_("topics"), related_name="+")
    body = StreamField(GuidanceBodyBlock(), blank=True, verbose_name=_("text of the document"))

    edition_kind = models.CharField(
        _("this publish is"),
        max_length=20,
        choices=EditionKind.choices,
        default=EditionKind.CORRECTION,
        help_text=_(
            "A new edition keeps the current one as a past edition readers can still open. "
            "A correction replaces the text of the current edition (typos, broken links)."
        ),
    )
    edition_label = models.CharField(
        _("edition label"), max_length=40, blank=True, help_text=_("For a new edition, e.g. 2015.")
    )
    edition_date = models.DateField(_("edition date"), null=True, blank=True)
    edition_summary = models.TextField(
        _("what changed"), blank=True, max_length=1000, help_text=_("Shown to readers in the edition history.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("document_type"),
                FieldPanel("origin_organisation"),
                FieldPanel("first_issued"),
                FieldPanel("audience"),
                FieldPanel("topics"),
            ],
            heading=_("About this document"),
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("edition_kind"),
                FieldPanel("edition_label"),
                FieldPanel("edition_date"),
                FieldPanel("edition_summary"),
                EditionHistoryPanel(heading=_("Editions published so far")),
            ],
            heading=_("Edition"),
            help_text=_("Recorded when a reviewer approves and the page is published."),
        ),
        InlinePanel("files", heading=_("Files of this edition"), label=_("File")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("audience"),
        index.FilterField("document_type"),
        index.FilterField("origin_organisation"),
    ]
    override_translatable_fields = [
        SynchronizedField("edition_kind"),
        SynchronizedField("edition_label"),
        SynchronizedField("edition_date"),
        TranslatableField("edition_summary"),
    ]

    parent_page_types = ["documents.DocumentLibraryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guidance document")

    def clean(self):
        super().clean()
        label = self.edition_label.strip()
        self.edition_label = label
        if label and not LABEL_PATTERN.match(label):
            raise ValidationError(
                {"edition_label": _("Use letters, digits, dots or dashes only (it becomes part of the address).")}
            )
        if self.edition_kind == self.EditionKind.NEW:
            if not label:
                raise ValidationError({"edition_label": _("A new edition needs a label, e.g. 2015.")})
            if self.pk:
                current = self.editions.last()
                if current and current.label != label and self.editions.filter(label=label).exists():
                    raise ValidationError(
                        {"edition_label": _("An earlier edition already has this label: choose another.")}
                    )
        self._check_anchors()

    def _check_anchors(self):
        seen = set()
        for block in self.body:
            if block.block_type != "numbered_list":
                continue
            for item in block.value["items"]:
                anchor = item_anchor(block.value["kind"], item["number"])
                if anchor in seen:
                    raise ValidationError(
                        {
                            "body": _("Two items would be cited as “%(anchor)s”: give each its own number or kind.")
                            % {"anchor": anchor}
                        }
                    )
                seen.add(anchor)

    # Editions -------------------------------------------------------------

    @property
    def edition_source(self):
        """Aliases (wagtail-localize's synced copies) show their source's editions."""
        return self.alias_of.specific if self.alias_of_id else self

    def get_editions(self):
        """This document's editions, oldest first: the last is the current one. One query per request."""
        if not hasattr(self, "_editions"):
            self._editions = list(self.edition_source.editions.prefetch_related("files"))
        return self._editions

    def get_edition(self, label):
        editions = self.get_editions()
        for edition in editions:
            if edition.label == label:
                return edition, editions
        raise Http404(_("This document has no edition with that label."))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        editions = context.get("editions")
        if editions is None:
            editions = self.get_editions()
            context["editions"] = editions
        context.setdefault("current_edition", editions[-1] if editions else None)
        context.setdefault("edition", context["current_edition"])
        context.setdefault("document", self)
        return context

    @path("")
    def current(self, request):
        return self.render(request)

    @path("editions/")
    def history(self, request):
        editions = self.get_editions()
        return self.render(
            request,
            context_overrides={"editions": editions, "newest_first": list(reversed(editions))},
            template="documents/edition_history.html",
        )

    @path("editions/<str:label>/")
    def edition(self, request, label):
        edition, editions = self.get_edition(label)
        current = editions[-1]
        document = self if edition == current else edition.revision.as_object()
        return self.render(
            request,
            context_overrides={
                "editions": editions,
                "edition": edition,
                "current_edition": current,
                "document": document,
                "is_superseded": edition != current,
            },
            template="documents/edition_page.html",
        )

    @path("compare/")
    def compare_form(self, request):
        older, newer = request.GET.get("from", ""), request.GET.get("to", "")
        labels = {edition.label for edition in self.get_editions()}
        if older not in labels or newer not in labels:
            raise Http404(_("Choose two editions of this document to compare."))
        return redirect(self.get_url(request) + self.reverse_subpage("compare", args=(older, newer)))

    @path("compare/<str:older>/<str:newer>/", name="compare")
    def compare(self, request, older, newer):
        from .compare import compare_bodies

        editions = self.get_editions()
        by_label = {edition.label: edition for edition in editions}
        if older not in by_label or newer not in by_label:
            raise Http404(_("This document has no edition with that label."))
        context = {"editions": editions, "older": by_label[older], "newer": by_label[newer]}
        if older == newer:
            context["same_edition"] = True
            return TemplateResponse(
                request, "documents/edition_compare.html", self.get_context(request) | context, status=400
            )
        # Only the bodies are compared: read them from the two revisions' stored
        # content in one query, without rebuilding each revision as a page (its
        # content type, locale, topics and comments: eight queries per edition).
        body_field = self._meta.get_field("body")
        bodies = {
            pk: body_field.to_python(content.get("body") or [])
            for pk, content in Revision.objects.filter(
                pk__in=[by_label[older].revision_id, by_label[newer].revision_id]
            ).values_list("pk", "content")
        }
        context["comparison"] = compare_bodies(bodies[by_label[older].revision_id], bodies[by_label[newer].revision_id])
        return self.render(request, context_overrides=context, template="documents/edition_compare.html")

    # Files ----------------------------------------------------------------

    @re_path(r"^file/(?:(?P<position>[1-9][0-9]{0,2})/)?$")
    def current_file(self, request, position=None):
        """The current edition's file: an address that never changes when the file does."""
        editions = self.get_editions()
        if not editions:
            raise Http404(_("This document has no published edition yet."))
        return _serve_edition_file(editions[-1], position)

    @re_path(r"^editions/(?P<label>[^/]+)/files/(?P<position>[1-9][0-9]{0,2})/$")
    def edition_file(self, request, label, position):
        edition, _editions = self.get_edition(label)
        return _serve_edition_file(edition, position)


def _serve_edition_file(edition, position):
    files = list(edition.files.all())
    index_ = int(position or 1) - 1
    if index_ >= len(files):
        raise Http404(_("This edition has no such file."))
    return files[index_].as_download()


class GuidanceDocumentFile(Orderable):
    """A file (PDF, DOCX) from Wagtail's document library attached to the edition being edited."""

    page = ParentalKey(GuidanceDocumentPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("document"), on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Defaults to the document's title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")


def protect_unless_document_deleted(collector, field, sub_objs, using):
    """PROTECT an edition's revision, except when the edition's own document is
    being deleted in the same operation (then the edition goes with it).
    Wagtail's purge_revisions skips revisions that raise ProtectedError."""
    deleted_pages = {obj.pk for model, objs in collector.data.items() if issubclass(model, Page) for obj in objs}
    kept = [edition for edition in sub_objs if edition.page_id not in deleted_pages]
    if kept:
        raise ProtectedError(
            f"Cannot delete a revision that is the text of a published edition ({kept[0]}).", set(kept)
        )


class Edition(models.Model):
    """One published edition of a guidance document, pinned to the revision it came from."""

    page = models.ForeignKey(
        GuidanceDocumentPage, verbose_name=_("document"), on_delete=models.CASCADE, related_name="editions"
    )
    label = models.CharField(_("label"), max_length=40)
    date = models.DateField(_("date"))
    summary = models.TextField(_("what changed"), blank=True)
    revision = models.ForeignKey(
        "wagtailcore.Revision",
        verbose_name=_("revision"),
        on_delete=protect_unless_document_deleted,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    corrected_at = models.DateTimeField(_("last corrected at"), null=True, blank=True)

    class Meta:
        verbose_name = _("edition")
        ordering = ["page", "id"]
        constraints = [models.UniqueConstraint(fields=["page", "label"], name="unique_edition_label_per_document")]

    def __str__(self):
        return f"{self.page.title} ({self.label})"

    @property
    def anchor(self):
        return f"edition-{slugify(self.label)}"


def edition_file_path(instance, filename):
    """Our own name for the stored file: the extension comes only from the allowed list."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SAFE_CONTENT_TYPES:
        suffix = ".bin"
    return f"library/editions/{instance.edition_id}/{slugify(PurePath(filename).stem)[:60] or 'file'}{suffix}"


class EditionFile(models.Model):
    """A copy of a file as it was when its edition was published. Replacing the file in
    Wagtail's document library later does not change what this edition links to."""

    edition = models.ForeignKey(Edition, verbose_name=_("edition"), on_delete=models.CASCADE, related_name="files")
    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(_("file"), upload_to=edition_file_path, max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    source_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("from document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("edition file")
        ordering = ["sort_order", "id"]

    def __str__(self):
        return self.title

    @property
    def extension(self):
        return PurePath(self.file.name).suffix.lstrip(".").upper()

    def as_download(self):
        suffix = PurePath(self.file.name).suffix.lower()
        content_type = SAFE_CONTENT_TYPES.get(suffix, "application/octet-stream")
        try:
            handle = self.file.open("rb")
        except FileNotFoundError as error:
            raise Http404(_("This file is missing.")) from error
        filename = f"{slugify(self.title) or 'document'}{suffix if suffix in SAFE_CONTENT_TYPES else '.bin'}"
        response = FileResponse(handle, as_attachment=True, filename=filename, content_type=content_type)
        response["X-Content-Type-Options"] = "nosniff"
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
        return response
