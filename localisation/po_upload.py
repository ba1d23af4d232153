"""A PO file upload that checks the file before anything is saved.

wagtail-localize's own upload view imports whatever polib can read: strings it
does not know are skipped without a word, a file without its translation ID is
a server error, and a truncated file imports what was left. Translators get a
clear message instead, and either the whole file is imported or nothing is.
Same URL as wagtail-localize's (registered first in wagtail_hooks.py).
"""

import re

import polib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import user_can_edit_instance

MAX_PO_FILE_SIZE = 2 * 1024 * 1024  # far above any page's PO file
TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
# Every line of a PO file is blank, a comment, or a keyword and/or one complete
# quoted string. polib quietly accepts a string cut off in the middle (a file
# that was truncated), so the lines are checked first.
_QUOTED = r'"(?:[^"\\]|\\.)*"'
PO_LINE = re.compile(rf"^(?:(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+)?{_QUOTED}$")


class InvalidPOFile(Exception):
    """The message for the translator."""


def _examples(entries):
    shown = sorted(msgid for _context, msgid in entries)[:3]
    return "; ".join("“%s”" % (msgid if len(msgid) <= 60 else msgid[:57] + "…") for msgid in shown)


def read_po_file(uploaded, translation):
    """Return the parsed PO file if it is exactly a PO file for this
    translation of the current source text, or raise InvalidPOFile."""
    if uploaded is None:
        raise InvalidPOFile(_("Choose a PO file to upload."))
    if uploaded.size > MAX_PO_FILE_SIZE:
        raise InvalidPOFile(_("This file is too large to be a PO file for this page (the limit is 2 MB)."))
    content = uploaded.read()
    if not content.strip():
        raise InvalidPOFile(_("This file is empty. Upload the PO file you downloaded for this page."))
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidPOFile(
            _("This file is not saved as UTF-8 text. Save it as UTF-8 in your PO editor and upload it again.")
        ) from error
    if "\n" not in text or "msgid" not in text:
        raise InvalidPOFile(_("This is not a PO file. Upload the PO file you downloaded for this page."))
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if line and not line.startswith("#") and not PO_LINE.match(line):
            raise InvalidPOFile(
                _(
                    "This PO file is incomplete or damaged at line %(line)d, so nothing was imported. "
                    "Upload the whole file as your PO editor saved it."
                )
                % {"line": number}
            )
    try:
        po = polib.pofile(text, check_for_duplicates=True)
    except (OSError, ValueError) as error:
        # polib reports syntax errors (an unclosed quote in a cut-off file...) as OSError.
        raise InvalidPOFile(
            _("This PO file could not be read (it may be incomplete): %(error)s") % {"error": error}
        ) from error

    translation_id = po.metadata.get(TRANSLATION_ID)
    if not translation_id:
        raise InvalidPOFile(
            _(
                "This PO file does not say which translation it belongs to. Download the PO file for this "
                "page from the translation editor and put your translations in that file."
            )
        )
    if translation_id != str(translation.uuid):
        raise InvalidPOFile(_("This PO file was made for a different page or language. Nothing was imported."))

    expected = {(entry.msgctxt, entry.msgid) for entry in translation.export_po()}
    found = {(entry.msgctxt, entry.msgid) for entry in po if not entry.obsolete}
    unknown = found - expected
    missing = expected - found
    if unknown or missing:
        problems = []
        if unknown:
            problems.append(
                ngettext(
                    "%(count)d text is not in the page: %(examples)s.",
                    "%(count)d texts are not in the page: %(examples)s.",
                    len(unknown),
                )
                % {"count": len(unknown), "examples": _examples(unknown)}
            )
        if missing:
            problems.append(
                ngettext(
                    "%(count)d text of the page is missing: %(examples)s.",
                    "%(count)d texts of the page are missing: %(examples)s.",
                    len(missing),
                )
                % {"count": len(missing), "examples": _examples(missing)}
            )
        raise InvalidPOFile(
            _(
                "This PO file does not match the page's current text, so nothing was imported. %(problems)s "
                "Change only the msgstr lines, or download the PO file again if the page has changed."
            )
            % {"problems": " ".join(problems)}
        )
    return po


@require_POST
def upload_pofile(request, translation_id):
    translation = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    try:
        po = read_po_file(request.FILES.get("file"), translation)
    except InvalidPOFile as refusal:
        messages.error(request, str(refusal))
        return redirect(next_url)
    with transaction.atomic():
        translation.import_po(po, user=request.user, tool_name="PO File")
    messages.success(request, _("Successfully imported translations from PO File."))
    return redirect(next_url)
