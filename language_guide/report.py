"""The language-guide report of a revision, computed on the server.

Walks everything a reader may read in the revision: the title, plain and rich
text fields, every StreamField block however deeply nested (struct, list and
stream blocks, tables) and inline child objects (agenda items, links...). Each
text is matched against the guide of the object's locale.
"""

import html
import re
from dataclasses import dataclass

from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modelcluster.models import get_all_child_relations
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.rich_text import RichText

from .matching import context
from .models import LanguageGuideEntry

SEPARATOR = " › "
TAG_RE = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)?[^>]*>")
INLINE_TAGS = frozenset(
    {"a", "abbr", "b", "code", "em", "i", "mark", "s", "small", "span", "strong", "sub", "sup", "u"}
)


@dataclass(frozen=True)
class Finding:
    entry: LanguageGuideEntry
    where: str
    context: str
    text: str

    @property
    def term(self):
        return self.entry.term

    @property
    def alternatives(self):
        return self.entry.alternative_list()


def html_to_text(markup):
    """Text of rich text: paragraphs and list items never run together; bold or
    links inside a word leave it whole."""
    return html.unescape(TAG_RE.sub(_tag_to_text, markup or ""))


def _tag_to_text(match):
    return "" if (match.group(1) or "").lower() in INLINE_TAGS else " "


def texts_of_object(obj):
    """(where, text) for every piece of text a reader may read in `obj`."""
    if isinstance(obj, Page):
        yield capfirst(Page._meta.get_field("title").verbose_name), obj.title
    yield from _texts_of_fields(obj, [])


def _texts_of_fields(obj, path):
    for field in type(obj)._meta.local_fields:
        label = [*path, str(capfirst(field.verbose_name))]
        value = getattr(obj, field.attname, None)
        if isinstance(field, StreamField):
            yield from texts_of_block(field.stream_block, value, label)
        elif isinstance(field, RichTextField):
            yield SEPARATOR.join(label), html_to_text(value)
        elif _is_prose_field(field) and value:
            yield SEPARATOR.join(label), value
    for relation in get_all_child_relations(obj):
        related_model = relation.related_model
        children = getattr(obj, relation.get_accessor_name()).all()
        for number, child in enumerate(children, start=1):
            child_path = [*path, str(capfirst(related_model._meta.verbose_name_plural)), str(number)]
            yield from _texts_of_fields(child, child_path)


def _is_prose_field(field):
    prose = isinstance(field, models.CharField | models.TextField)
    not_prose = isinstance(field, models.SlugField | models.URLField | models.EmailField) or field.choices
    return prose and not not_prose


def texts_of_block(block, value, path):
    """(where, text) for a block value and everything nested in it."""
    if value is None:
        return
    if isinstance(block, blocks.StreamBlock):
        counts = {}
        for child in value:
            counts[child.block_type] = counts.get(child.block_type, 0) + 1
        seen = {}
        for child in value:
            seen[child.block_type] = seen.get(child.block_type, 0) + 1
            label = str(capfirst(child.block.label))
            if counts[child.block_type] > 1:
                label = f"{label} {seen[child.block_type]}"
            yield from texts_of_block(child.block, child.value, [*path, label])
    elif isinstance(block, blocks.ListBlock):
        for number, item in enumerate(value, start=1):
            yield from texts_of_block(block.child_block, item, [*path, _("item %(number)s") % {"number": number}])
    elif isinstance(block, blocks.StructBlock):
        if not isinstance(value, blocks.StructValue):
            return  # e.g. ImageBlock, whose value is an image
        for name, child_block in block.child_blocks.items():
            yield from texts_of_block(child_block, value.get(name), [*path, str(capfirst(child_block.label))])
    elif isinstance(block, TableBlock):
        yield from _texts_of_table(value.get("data") or [], path)
        if value.get("table_caption"):
            yield SEPARATOR.join([*path, _("caption")]), value["table_caption"]
    elif isinstance(block, TypedTableBlock):
        if value.caption:
            yield SEPARATOR.join([*path, _("caption")]), value.caption
        for column_number, column in enumerate(value.columns, start=1):
            if column.get("heading"):
                yield SEPARATOR.join([*path, _("column %(number)s") % {"number": column_number}]), column["heading"]
        for row_number, row in enumerate(value.row_data, start=1):
            for column_number, (column, cell) in enumerate(zip(value.columns, row["values"], strict=False), start=1):
                where = _("row %(row)s, column %(column)s") % {"row": row_number, "column": column_number}
                yield from texts_of_block(column["block"], cell, [*path, where])
    elif isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        yield SEPARATOR.join(path), html_to_text(value.source if isinstance(value, RichText) else value)
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock) and value:
        yield SEPARATOR.join(path), str(value)


def _texts_of_table(rows, path):
    for row_number, row in enumerate(rows, start=1):
        for column_number, cell in enumerate(row or [], start=1):
            if cell:
                where = _("row %(row)s, column %(column)s") % {"row": row_number, "column": column_number}
                yield SEPARATOR.join([*path, where]), str(cell)


def report_for_object(obj, matcher=None):
    """Findings of the guide of `obj`'s locale in `obj`, in reading order."""
    if matcher is None:
        matcher = LanguageGuideEntry.matcher_for(obj.locale)
    if not matcher:
        return []
    findings = []
    for where, text in texts_of_object(obj):
        for match in matcher.find(text):
            findings.append(
                Finding(entry=match.entry, where=where, context=context(text, match.start, match.end), text=match.text)
            )
    return findings


def report_for_revision(revision, matcher=None):
    return report_for_object(revision.as_object(), matcher)
