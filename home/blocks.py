"""The shared StreamField vocabulary. Every page type builds its body from BodyBlock."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "home/blocks/heading.html"
        label = _("Heading")


class ListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("numbered", _("Numbered")), ("bulleted", _("Bulleted"))],
        default="bulleted",
        label=_("Style"),
    )
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=2000), label=_("Items"))

    class Meta:
        icon = "list-ul"
        template = "home/blocks/list.html"
        label = _("List")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "home/blocks/quote.html"
        label = _("Quote")


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "help"
        template = "home/blocks/callout.html"
        label = _("Call-out")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "home/blocks/image.html"
        label = _("Image")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False, max_length=200, label=_("Link text"), help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        template = "home/blocks/document_link.html"
        label = _("Document link")


class AccessibleTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(max_length=300, label=_("Caption"), help_text=_("Says what the table shows."))
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        template = "home/blocks/table.html"
        label = _("Table")


class AnswerBlock(blocks.ChoiceBlock):
    choices = [("yes", _("Yes")), ("no", _("No")), ("partly", _("Partly"))]

    class Meta:
        icon = "tick"
        template = "home/blocks/answer.html"
        label = _("Yes / no")


class ComparisonChartBlock(blocks.StructBlock):
    """A chart comparing a few things side by side (say, peer worker roles): editors
    add the columns and rows. On a phone each row becomes a card of labelled values."""

    title = blocks.CharBlock(
        max_length=300,
        label=_("Caption"),
        help_text=_("Says what is compared, e.g. Peer worker roles in Massachusetts."),
    )
    first_column_is_header = blocks.BooleanBlock(
        required=False,
        default=True,
        label=_("The first column names each row"),
    )
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(label=_("Text"), max_length=500)),
            ("rich_text", blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Formatted text"))),
            ("answer", AnswerBlock()),
        ],
        label=_("Chart"),
    )

    class Meta:
        icon = "table"
        template = "home/blocks/comparison_chart.html"
        label = _("Comparison chart")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        table = value["table"]
        headings = [column["heading"] for column in table.columns] if table else []
        # Each cell with its column heading: the phone layout labels every value.
        context["headings"] = headings
        context["rows"] = [list(zip(headings, row, strict=False)) for row in table.rows] if table else []
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Paragraph"), template="home/blocks/paragraph.html"
    )
    list = ListBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    table = AccessibleTableBlock()
    comparison = ComparisonChartBlock()
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(
        icon="media",
        label=_("Embedded media"),
        help_text=_("Readers see a link; nothing loads from another site until they follow it."),
        template="home/blocks/embed.html",
    )
