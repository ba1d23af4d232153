"""Finding language-guide terms in text, in time linear in the text's length.

Terms are never compiled as regular expressions. Text is split into words by one
fixed pattern; each term becomes a few tuples of normalised words (its keys: the
term, its simple plural and hyphenation forms, the editor's extra forms), and
every run of up to N words of the text (N: the longest key, a handful of words)
is looked up in a dict. Word boundaries come for free: "client" is the key
("client",), which the single word "clientele" is not, unless an entry asks to
be matched inside longer words.
"""

import itertools
import re
import unicodedata
from dataclasses import dataclass

# Letters and digits in any script, with inner apostrophes (don't, l'usager).
# No nested quantifiers that can backtrack: linear in the length of the text.
WORD_RE = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")
# Characters with a meaning in regular expressions: a term holding one is almost
# certainly an attempt at a pattern, which the guide does not support.
REGEX_LIKE = frozenset("\\*+?|()[]{}^$")
# The most keys one term may grow into when every word is given its forms.
MAX_KEYS_PER_TERM = 64
VOWELS = frozenset("aeiouáéíóúâêôãõàü")


def normalise_word(word):
    return unicodedata.normalize("NFC", word).casefold().replace("\u2019", "'")


def words(text):
    """The words of `text` as (normalised word, start, end), offsets in NFC text."""
    return [(normalise_word(match.group()), match.start(), match.end()) for match in WORD_RE.finditer(text)]


def key(phrase):
    """A phrase as a tuple of normalised words: "Non-Compliant" -> ("non", "compliant")."""
    return tuple(normalise_word(word) for word in WORD_RE.findall(unicodedata.normalize("NFC", phrase)))


def word_forms(word, language):
    """The word with its simple singular and plural forms, for the language."""
    forms = {word}
    if len(word) < 3 or not word[-1].isalpha():
        return forms
    if word.endswith("s"):
        forms.add(word[:-1])
        if word.endswith("es"):
            forms.add(word[:-2])
        if language == "en" and word.endswith("ies"):
            forms.add(word[:-3] + "y")
        if language == "es" and word.endswith("ces"):
            forms.add(word[:-3] + "z")
        return forms
    forms.add(word + "s")
    if language == "en":
        if word.endswith("y") and word[-2] not in VOWELS:
            forms.add(word[:-1] + "ies")
        if word.endswith(("x", "z", "ch", "sh")):
            forms.add(word + "es")
    elif language in {"es", "pt"} and word[-1] not in VOWELS:
        forms.add(word[:-1] + "ces" if word.endswith("z") else word + "es")
    return forms


def keys_for(phrases, language="en"):
    """Every key of a guide entry: each phrase, its plural forms (every word
    given its forms, within a cap), and multi-word phrases also written as one word."""
    language = (language or "en").split("-")[0]
    keys = set()
    for phrase in phrases:
        base = key(phrase)
        if not base:
            continue
        keys.add(base)
        choices = [sorted(word_forms(word, language)) for word in base]
        combinations = 1
        for forms in choices:
            combinations *= len(forms)
        if combinations > MAX_KEYS_PER_TERM:
            choices = [[word] for word in base[:-1]] + [choices[-1]]
        keys.update(itertools.product(*choices))
    for found in list(keys):
        if len(found) > 1:
            keys.add(("".join(found),))
    return keys


def has_regex_like(text):
    return any(character in REGEX_LIKE for character in text)


@dataclass(frozen=True)
class Match:
    entry: object
    start: int
    end: int
    text: str


class Matcher:
    """Finds the entries of one language's guide in texts.

    `entries` are objects with `phrases()` (the term and its extra forms) and
    `match_inside_words`; typically LanguageGuideEntry instances of one locale.
    """

    def __init__(self, entries, language="en"):
        self.index = {}
        self.inside = {}
        self.longest = 0
        for entry in entries:
            entry_keys = keys_for(entry.phrases(), language)
            for entry_key in sorted(entry_keys):
                self.index.setdefault(entry_key, entry)
                self.longest = max(self.longest, len(entry_key))
                if entry.match_inside_words and len(entry_key) == 1:
                    self.inside.setdefault(entry_key[0], entry)

    def __bool__(self):
        return bool(self.index)

    def find(self, text):
        """Non-overlapping matches in `text` (NFC-normalised first), longest first at each word."""
        if not text or not self.index:
            return []
        text = unicodedata.normalize("NFC", text)
        tokens = words(text)
        matches = []
        position = 0
        while position < len(tokens):
            found = None
            for length in range(min(self.longest, len(tokens) - position), 0, -1):
                candidate = tuple(token[0] for token in tokens[position : position + length])
                entry = self.index.get(candidate)
                if entry is not None:
                    found = (entry, length)
                    break
            if found is None and self.inside:
                word = tokens[position][0]
                entry = next((entry for part, entry in self.inside.items() if part in word), None)
                if entry is not None:
                    found = (entry, 1)
            if found is None:
                position += 1
                continue
            entry, length = found
            start, end = tokens[position][1], tokens[position + length - 1][2]
            matches.append(Match(entry=entry, start=start, end=end, text=text[start:end]))
            position += length
        return matches


def context(text, start, end, width=40):
    """The match with some words either side, on one line: "…our clients are…"."""
    text = unicodedata.normalize("NFC", text)
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0 and " " in before:
        before = "…" + before.split(" ", 1)[1]
    if end + width < len(text) and " " in after:
        after = after.rsplit(" ", 1)[0] + "…"
    return " ".join(f"{before}{text[start:end]}{after}".split())
