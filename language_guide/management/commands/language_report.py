"""List live pages that use words from the language guide, for a periodic clean-up."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale, Page

from language_guide.models import LanguageGuideEntry
from language_guide.report import report_for_object


class Command(BaseCommand):
    help = "List live pages that contain words from the language guide of their language."

    def add_arguments(self, parser):
        parser.add_argument("--locale", help="Only pages in this language, e.g. es.")

    def handle(self, *args, **options):
        locales = Locale.objects.all()
        if options["locale"]:
            codes = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
            if options["locale"] not in codes:
                raise CommandError(f"Unknown language {options['locale']!r}; the site has: {', '.join(sorted(codes))}.")
            locales = locales.filter(language_code=options["locale"])
        pages_with_terms = 0
        findings_count = 0
        for locale in locales.order_by("language_code"):
            matcher = LanguageGuideEntry.matcher_for(locale)
            if not matcher:
                continue
            for page in Page.objects.live().filter(locale=locale, depth__gt=1).specific().order_by("path"):
                if page.alias_of_id:
                    continue  # an alias shows its source page's words, reported there
                findings = report_for_object(page, matcher)
                if not findings:
                    continue
                pages_with_terms += 1
                findings_count += len(findings)
                self.stdout.write(f"{page.title} [{locale.language_code}] {page.full_url or page.url_path}")
                for finding in findings:
                    suggestions = ", ".join(finding.alternatives)
                    self.stdout.write(f"  “{finding.text}” in {finding.where}: {finding.context} (try: {suggestions})")
        self.stdout.write(f"{findings_count} words to review on {pages_with_terms} live pages.")
