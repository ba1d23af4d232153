"""Readable comparison of two editions of a guidance document.

Each body is flattened into units: a numbered item is known by its anchor
(value-4), so it is matched with itself across editions even when text moves
around it; headings and paragraphs are matched by their text. Inside a changed
unit the difference is shown word by word.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import strip_tags
from django.utils.text import capfirst

from .blocks import ITEM_KINDS, item_anchor

WORDS = re.compile(r"\S+")


@dataclass
class Unit:
    key: str  # anchor for numbered items, else "" (matched by text)
    label: str  # e.g. "Value 4"; "" for unnumbered text
    text: str


@dataclass
class Change:
    status: str  # added, removed, changed
    label: str
    anchor: str
    words: list = field(default_factory=list)  # [(op, text)] with op in equal/insert/delete


def _plain(value):
    return " ".join(strip_tags(str(value)).split())


def flatten(body):
    """The units of a StreamField body, in reading order."""
    units = []
    for block in body:
        value = block.value
        kind = block.block_type
        if kind == "numbered_list":
            item_kind = value["kind"]
            name = capfirst(str(ITEM_KINDS.get(item_kind, item_kind)))
            for item in value["items"]:
                parts = [item["title"], item["text"]]
                for sub in item["sub_items"]:
                    parts.append(f"{sub['label']} {sub['text']}" if sub["label"] else f"• {sub['text']}")
                units.append(
                    Unit(
                        key=item_anchor(item_kind, item["number"]),
                        label=f"{name} {item['number']}",
                        text=_plain(" ".join(part for part in parts if part)),
                    )
                )
        elif kind == "heading":
            units.append(Unit("", "", _plain(value["text"])))
        elif kind == "definition":
            units.append(Unit("", "", _plain(f"{value['term']}: {value['definition']}")))
        elif kind == "credit":
            units.append(Unit("", "", _plain(f"{value['text']} {value['licence']}")))
        elif kind == "bullet_list":
            units.extend(Unit("", "", _plain(item)) for item in value["items"])
        elif kind in ("quote", "callout"):
            units.append(Unit("", "", _plain(" ".join(str(part) for part in value.values() if part))))
        else:
            units.append(Unit("", "", _plain(value.source if hasattr(value, "source") else value)))
    return units


def word_diff(old, new):
    """[(op, text)] where op is equal, insert or delete, on whole words."""
    old_words, new_words = WORDS.findall(old), WORDS.findall(new)
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    segments = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(("equal", " ".join(old_words[i1:i2])))
        if op in ("delete", "replace"):
            segments.append(("delete", " ".join(old_words[i1:i2])))
        if op in ("insert", "replace"):
            segments.append(("insert", " ".join(new_words[j1:j2])))
    return segments


@dataclass
class Comparison:
    changes: list
    unchanged: int

    @property
    def added(self):
        return [change for change in self.changes if change.status == "added"]

    @property
    def removed(self):
        return [change for change in self.changes if change.status == "removed"]

    @property
    def changed(self):
        return [change for change in self.changes if change.status == "changed"]


def compare_units(old_units, new_units):
    def token(unit):
        return ("item", unit.key) if unit.key else ("text", unit.text)

    matcher = difflib.SequenceMatcher(
        None, [token(u) for u in old_units], [token(u) for u in new_units], autojunk=False
    )
    changes = []
    unchanged = 0

    def added(unit):
        changes.append(Change("added", unit.label, unit.key, [("insert", unit.text)]))

    def removed(unit):
        changes.append(Change("removed", unit.label, unit.key, [("delete", unit.text)]))

    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for old, new in zip(old_units[i1:i2], new_units[j1:j2], strict=True):
                if old.text == new.text:
                    unchanged += 1
                else:
                    changes.append(Change("changed", new.label, new.key, word_diff(old.text, new.text)))
            continue
        olds, news = old_units[i1:i2], new_units[j1:j2]
        # Unnumbered text replaced by unnumbered text: show it as changed, word by word.
        old_text = [u for u in olds if not u.key]
        new_text = [u for u in news if not u.key]
        paired = min(len(old_text), len(new_text)) if op == "replace" else 0
        for old, new in zip(old_text[:paired], new_text[:paired], strict=True):
            changes.append(Change("changed", "", "", word_diff(old.text, new.text)))
        for unit in olds:
            if unit.key or unit in old_text[paired:]:
                removed(unit)
        for unit in news:
            if unit.key or unit in new_text[paired:]:
                added(unit)
    return _match_moved_items(changes, unchanged, old_units)


def _match_moved_items(changes, unchanged, old_units):
    """An item removed in one place and added in another has moved: compare it with itself."""
    removed_keys = {change.anchor for change in changes if change.status == "removed" and change.anchor}
    moved = {change.anchor for change in changes if change.status == "added" and change.anchor in removed_keys}
    if not moved:
        return Comparison(changes=changes, unchanged=unchanged)
    old_text = {unit.key: unit.text for unit in old_units if unit.key in moved}
    kept = []
    for change in changes:
        if change.anchor not in moved:
            kept.append(change)
        elif change.status == "added":
            new_text = change.words[0][1]
            if new_text == old_text[change.anchor]:
                unchanged += 1
            else:
                diff = word_diff(old_text[change.anchor], new_text)
                kept.append(Change("changed", change.label, change.anchor, diff))
    return Comparison(changes=kept, unchanged=unchanged)


def compare_bodies(old_body, new_body):
    return compare_units(flatten(old_body), flatten(new_body))
