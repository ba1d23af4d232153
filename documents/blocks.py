"""The structured vocabulary of a guidance document.

Numbered items (principles, values, actions, steps) carry their own number, so
that "Value 4" stays Value 4 in every edition and can be linked as #value-4.
"""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import CalloutBlock, HeadingBlock, QuoteBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "document-link"]

# kind -> (anchor prefix, reader label)
ITEM_KINDS = {
    "principle": _("Principle"),
    "value": _("Value"),
    "action": _("Action"),
    "area": _("Area"),
    "item": _("Item"),
}


def item_anchor(kind, number):
    """The stable fragment id of a numbered item, e.g. value-4."""
    return f"{kind}-{slugify(str(number)) or 'x'}"


def sub_item_anchor(kind, number, label, position):
    return f"{item_anchor(kind, number)}-{slugify(str(label)) or position}"


class SubItemBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        required=False,
        max_length=10,
        label=_("Number or letter"),
        help_text=_("Optional, e.g. a or 12.1. Left empty, the sub-item is a bullet."),
    )
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "list-ul"
        template = "documents/blocks/sub_item.html"
        label = _("Sub-item")


class NumberedItemBlock(blocks.StructBlock):
    number = blocks.CharBlock(
        max_length=10,
        label=_("Number"),
        help_text=_("The item's own number, kept across editions so that it can be cited."),
    )
    title = blocks.CharBlock(required=False, max_length=200, label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    sub_items = blocks.ListBlock(SubItemBlock(), required=False, default=[], label=_("Sub-items"))

    class Meta:
        icon = "order"
        template = "documents/blocks/numbered_item.html"
        label = _("Numbered item")


class NumberedListBlock(blocks.StructBlock):
    """A run of numbered principles, values, actions or steps."""

    kind = blocks.ChoiceBlock(
        choices=list(ITEM_KINDS.items()),
        default="item",
        label=_("Kind of item"),
        help_text=_("Gives each item its name and link, e.g. Value 4 at #value-4."),
    )
    items = blocks.ListBlock(NumberedItemBlock(), label=_("Items"))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["kind"] = value["kind"]
        context["kind_label"] = ITEM_KINDS.get(value["kind"], ITEM_KINDS["item"])
        return context

    class Meta:
        icon = "list-ol"
        template = "documents/blocks/numbered_list.html"
        label = _("Numbered principles, values or actions")


class DefinitionBlock(blocks.StructBlock):
    term = blocks.CharBlock(max_length=200, label=_("Term"))
    definition = blocks.TextBlock(label=_("Definition"))

    class Meta:
        icon = "info-circle"
        template = "documents/blocks/definition.html"
        label = _("Definition")


class CreditBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Credit"), help_text=_("Who wrote it, e.g. © Western Mass Peer Network, 2014."))
    licence = blocks.TextBlock(required=False, label=_("Licence"), help_text=_("How others may reuse it."))

    class Meta:
        icon = "copy"
        template = "documents/blocks/credit.html"
        label = _("Credit and licence")


class BulletListBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.TextBlock(label=_("Item")), label=_("Items"))

    class Meta:
        icon = "list-ul"
        template = "documents/blocks/bullet_list.html"
        label = _("Bulleted list")


class GuidanceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, icon="pilcrow", label=_("Paragraph"), template="home/blocks/paragraph.html"
    )
    numbered_list = NumberedListBlock()
    bullet_list = BulletListBlock()
    definition = DefinitionBlock()
    quote = QuoteBlock()
    callout = CalloutBlock()
    credit = CreditBlock()
