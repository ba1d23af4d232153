"""Turn a plain-text or Markdown guidance document into GuidanceBodyBlock data.

Pure functions: `read_text` checks and decodes a file, `parse` returns the blocks
and a report of what it did not recognise (kept as paragraphs, never dropped).

What it recognises:
- headings: Markdown `#`, or a short line on its own that does not end a sentence;
- "Label: text" paragraphs as a heading and its paragraph ("Definition of X: ..." as a definition);
- numbered items written `1.`, `1)`, `1…` or `1...`, with a title before a colon
  ("Human Potential and Vision: ...") or in bold, wrapped over several lines;
- bullets (`-`, `*`, `•`, `–`) and letters (`a.`, `b)`) under an item as its sub-items,
  even after a blank line; elsewhere as a bulleted list;
- `>` quotes, and a `©`/Copyright line as the credit and licence.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.html import escape

MAX_BYTES = 5 * 1024 * 1024
PROGRESS_EVERY = 500

NUMBERED = re.compile(r"^\s*(\d{1,3})(?:\.{3}|…|\.|\))(?=\s|$)\s*(.*)$")
LETTERED = re.compile(r"^\s*([a-z])[.)]\s+(.+)$")
BULLET = re.compile(r"^\s*[-*•·–—▪◦]\s+(.+)$")
MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*$")
QUOTE = re.compile(r"^\s*>\s?(.*)$")
CREDIT = re.compile(r"^\s*(©|\(c\)\s|copyright\b)", re.IGNORECASE)
BOLD_TITLE = re.compile(r"^\*\*(.+?)\*\*[:.]?\s*(.*)$")
LABELLED = re.compile(r"^([A-Z][^:.!?]{0,60}):\s+(\S.*)$")
IMAGE_RESIDUE = re.compile(r"(^!\[.*\]\(.*\)$)|(^\[?(image|logo|photo)\b)|(\b(logo|image)\]?$)", re.IGNORECASE)
SENTENCE_END = re.compile(r"[.!?:;,\"”’)]$")

KIND_WORDS = [
    ("value", re.compile(r"\bvalues?\b", re.IGNORECASE)),
    ("action", re.compile(r"\bactions?\b", re.IGNORECASE)),
    ("principle", re.compile(r"\b(principles?|ethics?)\b", re.IGNORECASE)),
    ("area", re.compile(r"\b(areas?|focus)\b", re.IGNORECASE)),
]


class ImportFileError(ValueError):
    """The file cannot be imported; the message says why, in plain words."""


@dataclass
class ParseResult:
    title: str = ""
    blocks: list = field(default_factory=list)
    unclassified: list = field(default_factory=list)  # (line number, text)
    notes: list = field(default_factory=list)

    def numbered_lists(self):
        return [value for block_type, value in self.blocks if block_type == "numbered_list"]

    def count(self, kind):
        return sum(len(value["items"]) for value in self.numbered_lists() if value["kind"] == kind)


def read_text(path, max_bytes=MAX_BYTES):
    """The decoded text of `path`, or ImportFileError for empty, huge, binary or non-UTF-8 files."""
    path = Path(path)
    if not path.is_file():
        raise ImportFileError(f"{path} is not a file.")
    size = path.stat().st_size
    if size > max_bytes:
        raise ImportFileError(
            f"{path.name} is {size / 1024 / 1024:.1f} MB; the limit is {max_bytes / 1024 / 1024:.0f} MB. "
            "A guidance document is plain text: split it or remove pictures first."
        )
    data = path.read_bytes()
    if not data.strip():
        raise ImportFileError(f"{path.name} is empty.")
    if b"\x00" in data[:8192]:
        raise ImportFileError(f"{path.name} looks like a binary file (PDF, Word, image). Save it as plain text first.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            f"{path.name} is not UTF-8 text (unreadable byte at position {error.start}). Save it again as UTF-8 text."
        ) from error
    if "\x00" in text:
        # Past the first 8 KB too: PostgreSQL cannot store a NUL character.
        raise ImportFileError(f"{path.name} looks like a binary file: it contains NUL (control) characters.")
    if not any(character.isalpha() for character in text):
        raise ImportFileError(f"{path.name} has no words in it.")
    return text


def _clean(line):
    return line.replace("\u00a0", " ").replace("\t", "    ").rstrip()


def _split_title(text):
    """("Human Potential and Vision", "We believe ...") from a titled item, else ("", text)."""
    bold = BOLD_TITLE.match(text)
    if bold:
        return bold.group(1).strip().rstrip(":."), bold.group(2).strip()
    head, separator, rest = text.partition(": ")
    if (
        separator
        and rest.strip()
        and head[:1].isupper()
        and len(head) <= 100
        and len(head.split()) <= 12
        and not re.search(r"[.!?;]", head)
    ):
        return head.strip(), rest.strip()
    return "", text.strip()


def _kind_for(context_text):
    for kind, pattern in KIND_WORDS:
        if pattern.search(context_text):
            return kind
    return "item"


def _ends_sentence(text):
    return bool(SENTENCE_END.search(text.strip()))


def _is_heading(line):
    text = line.strip()
    return (
        len(text) <= 80
        and any(character.isalpha() for character in text)
        and not re.search(r"[.,;:!]$", text)
        and not BULLET.match(line)
    )


class _Parser:
    def __init__(self, text, progress=None):
        self.lines = [_clean(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
        self.progress = progress
        self.result = ParseResult()
        self.paragraph = []  # lines of the paragraph being read
        self.paragraph_start = 0
        self.current_list = None  # the numbered_list value being filled
        self.current_item = None
        self.bullets = None  # a free-standing bulleted list being filled
        self.context = ""  # the latest heading or paragraph text: says what kind of list follows
        self.section = ""
        self.used_anchors = set()
        self.renumber_offset = 0
        self.previous_blank = True

    # Output ---------------------------------------------------------------

    def add(self, block_type, value):
        self.result.blocks.append((block_type, value))

    def flush_paragraph(self):
        if not self.paragraph:
            return
        text = " ".join(line.strip() for line in self.paragraph)
        line_count = len(self.paragraph)
        number = self.paragraph_start
        self.paragraph = []
        self.end_lists()
        if CREDIT.match(text):
            credit, _dot, licence = text.partition(". ")
            self.add("credit", {"text": credit.strip() + ("." if licence else ""), "licence": licence.strip()})
            return
        if not any(character.isalpha() for character in text) or IMAGE_RESIDUE.search(text):
            self.result.unclassified.append((number, text))
            self.add("paragraph", f"<p>{escape(text)}</p>")
            return
        labelled = LABELLED.match(text)
        if labelled and len(labelled.group(1).split()) <= 6:
            label, rest = labelled.group(1).strip(), labelled.group(2).strip()
            if label.lower().startswith("definition of "):
                self.add("definition", {"term": label[len("definition of ") :].strip(), "definition": rest})
                self.context = label
                return
            self.heading(label, "h2")
            self.add("paragraph", f"<p>{escape(rest)}</p>")
            self.context = rest
            return
        if line_count == 1 and _is_heading(text):
            self.heading(text, "h2")
            return
        self.add("paragraph", f"<p>{escape(text)}</p>")
        self.context = text

    def heading(self, text, level):
        self.end_lists()
        self.add("heading", {"text": text.strip()[:200], "level": level})
        self.section = text
        self.context = text

    def end_lists(self):
        self.current_list = None
        self.current_item = None
        self.bullets = None

    # Numbered items ---------------------------------------------------------

    def numbered(self, number, text, line_number):
        number = int(number)
        item = self.current_item
        if (
            item is not None
            and text[:1].islower()
            and not _ends_sentence(item["text"] or item["title"])
            and not item["sub_items"]
        ):
            # "9. ... all people have / 10. the right to live ...": one item broken in two.
            item["text"] = f"{item['text']} {text}".strip()
            self.renumber_offset += 1
            self.result.notes.append(
                f"Line {line_number}: “{number}. {text[:40]}…” continues item {item['number']}; "
                f"joined to it, and the items after it renumbered."
            )
            return
        continues = (
            self.current_list is not None
            and item is not None
            and number == int(item["number"]) + 1 + self.renumber_offset
        )
        if not continues:
            self.flush_paragraph()
            self.start_list()
            self.renumber_offset = 0
        title, body = _split_title(text)
        number -= self.renumber_offset
        self.current_item = {"number": str(number), "title": title, "text": body, "sub_items": []}
        self.current_list["items"].append(self.current_item)

    def start_list(self):
        kind = _kind_for(self.section)
        if kind == "item":
            kind = _kind_for(self.context)
        self.current_list = {"kind": kind, "items": []}
        self.bullets = None
        self.add("numbered_list", self.current_list)

    def finish(self):
        """Give lists whose anchors would repeat another kind, and say so."""
        for value in self.result.numbered_lists():
            anchors = {f"{value['kind']}-{item['number']}" for item in value["items"]}
            if anchors & self.used_anchors:
                for kind in ("item", "area", "principle", "value", "action"):
                    candidate = {f"{kind}-{item['number']}" for item in value["items"]}
                    if not candidate & self.used_anchors:
                        self.result.notes.append(
                            f"A second list of {value['kind']}s was imported as {kind}s so that each item "
                            "keeps its own link; check the kind before publishing."
                        )
                        value["kind"], anchors = kind, candidate
                        break
            self.used_anchors |= anchors

    # Reading ----------------------------------------------------------------

    def flush(self):
        self.flush_paragraph()

    def read(self, line, number):
        if not line.strip():
            self.flush()
            return
        heading = MD_HEADING.match(line)
        if heading:
            self.flush()
            level = len(heading.group(1))
            if level == 1 and not self.result.title and not self.result.blocks:
                self.result.title = heading.group(2).strip()
            else:
                self.heading(heading.group(2), "h2" if level <= 2 else "h3")
            return
        numbered = NUMBERED.match(line)
        if numbered and numbered.group(2).strip():
            self.flush()
            self.numbered(numbered.group(1), numbered.group(2).strip(), number)
            return
        bullet = BULLET.match(line)
        lettered = LETTERED.match(line) if self.current_item is not None else None
        if bullet or lettered:
            self.flush()
            if self.current_item is not None:
                label, text = (lettered.group(1), lettered.group(2)) if lettered else ("", bullet.group(1))
                self.current_item["sub_items"].append({"label": label, "text": text.strip()})
            else:
                if self.bullets is None:
                    self.bullets = {"items": []}
                    self.add("bullet_list", self.bullets)
                self.bullets["items"].append(bullet.group(1).strip())
            return
        quote = QUOTE.match(line)
        if quote:
            self.flush()
            self.end_lists()
            self.add("quote", {"text": quote.group(1).strip(), "attribution": ""})
            return
        if self.continues_previous(line):
            return
        if self.paragraph and not self.wraps(self.paragraph[-1], line):
            self.flush()
        if not self.paragraph:
            self.paragraph_start = number
        self.paragraph.append(line)

    def continues_previous(self, line):
        """A wrapped line of the item, sub-item or bullet just read."""
        if self.paragraph:
            return False
        if self.current_item is not None:
            target = self.current_item["sub_items"][-1] if self.current_item["sub_items"] else self.current_item
            wrapped = line.startswith(" ") or not _ends_sentence(target["text"]) or line.strip()[:1].islower()
            if wrapped and not self.previous_blank:
                target["text"] = f"{target['text']} {line.strip()}".strip()
                return True
        elif self.bullets is not None and not self.previous_blank and line.startswith(" "):
            self.bullets["items"][-1] = f"{self.bullets['items'][-1]} {line.strip()}"
            return True
        return False

    @staticmethod
    def wraps(previous, line):
        """Hard-wrapped prose: the line before did not end a sentence and was long, or this one starts lower case."""
        previous = previous.strip()
        words = line.split()
        looks_like_heading = len(words) <= 6 and all(not word[0].isalpha() or word[0].isupper() for word in words)
        wrapped = 50 <= len(previous) <= 100 and not _ends_sentence(previous) and not looks_like_heading
        return wrapped or line.strip()[:1].islower()

    def read_all(self):
        total = len(self.lines)
        for index, line in enumerate(self.lines, start=1):
            if self.progress and index % PROGRESS_EVERY == 0:
                self.progress(index, total)
            self.read(line, index)
            self.previous_blank = not line.strip()
        self.flush()
        self.finish()
        return self.result


def parse(text, progress=None):
    """Parse guidance text into (block type, value) pairs for GuidanceBodyBlock."""
    return _Parser(text, progress).read_all()
