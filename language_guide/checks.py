"""The language guide as rules of Wagtail's content checker (axe-core).

One axe rule per guide entry, so that the Checks panel of the page editor and the
userbar name the term, why and what to write instead. Each rule has its own
check, whose options carry the entry's normalised word forms; the evaluate
function (static/language_guide/js/language-guide-checks.js, loaded with the
userbar in the previewed page) finds those forms in an element's own text.
"""

from django.conf import settings
from django.forms import Media
from django.utils.translation import gettext as _
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import TranslatableMixin

from .matching import keys_for
from .models import LanguageGuideEntry

RULE_PREFIX = "language-guide-"
# Elements whose own text is checked; nested ones are checked on their own.
TEXT_ELEMENTS = "h1, h2, h3, h4, h5, h6, p, li, dt, dd, td, th, caption, figcaption, blockquote, summary"


class LanguageGuideCheckerItem(ContentCheckerItem):
    """Wagtail's content checker plus one rule per guide entry of the object's locale."""

    def __init__(self, in_editor=False, obj=None):
        super().__init__(in_editor=in_editor)
        self.object = obj

    @property
    def media(self):
        return Media(js=["language_guide/js/language-guide-checks.js"])

    def get_entries(self):
        if not hasattr(self, "_entries"):
            if isinstance(self.object, TranslatableMixin) and self.object.locale_id:
                entries = LanguageGuideEntry.objects.filter(live=True, locale_id=self.object.locale_id)
            else:
                entries = LanguageGuideEntry.objects.filter(live=True, locale__language_code=settings.LANGUAGE_CODE)
            self._entries = list(entries.select_related("locale"))
        return self._entries

    def rule_id(self, entry):
        return f"{RULE_PREFIX}{entry.pk}"

    def get_axe_run_only(self, request):
        run_only = super().get_axe_run_only(request)
        if not run_only:
            return run_only
        return [*run_only, *(self.rule_id(entry) for entry in self.get_entries())]

    def get_axe_custom_rules(self, request):
        return [
            *super().get_axe_custom_rules(request),
            *(
                {
                    "id": self.rule_id(entry),
                    "impact": "serious" if entry.severity == entry.Severity.AVOID else "moderate",
                    "selector": ", ".join(f"main {element.strip()}" for element in TEXT_ELEMENTS.split(",")),
                    "tags": ["language-guide"],
                    "any": [self.rule_id(entry)],
                    "enabled": True,
                }
                for entry in self.get_entries()
            ),
        ]

    def get_axe_custom_checks(self, request):
        checks = list(super().get_axe_custom_checks(request))
        for entry in self.get_entries():
            forms = keys_for(entry.phrases(), entry.language)
            options = {
                "phrases": sorted(" ".join(form) for form in forms),
                "inside": sorted(form[0] for form in forms if len(form) == 1) if entry.match_inside_words else [],
                "textElements": TEXT_ELEMENTS,
            }
            checks.append({"id": self.rule_id(entry), "options": options})
        return checks

    def get_axe_messages(self, request):
        messages = dict(super().get_axe_messages(request))
        for entry in self.get_entries():
            if entry.severity == entry.Severity.AVOID:
                name = _("Language guide: avoid “%(term)s”") % {"term": entry.term}
            else:
                name = _("Language guide: consider another word for “%(term)s”") % {"term": entry.term}
            suggestions = _("Try: %(alternatives)s") % {"alternatives": ", ".join(entry.alternative_list())}
            messages[self.rule_id(entry)] = {"error_name": name, "help_text": f"{entry.reason} {suggestions}"}
        return messages
