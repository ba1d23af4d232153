"""Demo: one page waiting for review, so the reviewer's dashboard is not empty."""

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page

from home.models import ContentPage, HomePage

SLUG = "summer-peer-gathering"
INTRO = "A draft announcement for a summer gathering of peer workers, waiting for a reviewer."
BODY = [
    (
        "paragraph",
        "<p>Peer workers from every region are welcome to spend an afternoon together this summer. "
        "We will share what has worked this year, and what has not, over a simple meal.</p>",
    ),
]


def load(context):
    home = HomePage.objects.filter(locale__language_code="en").first()
    editor = get_user_model().objects.filter(username="editor").first()
    if home is None or editor is None:
        return
    with transaction.atomic():
        page = Page.objects.filter(slug=SLUG, locale=home.locale).first()
        if page is None:
            page = ContentPage(
                title="Summer peer gathering", slug=SLUG, intro=INTRO, body=BODY, owner=editor, live=False
            )
            home.add_child(instance=page)
            page.save_revision(user=editor)
        if not page.workflow_states.exists():
            page.get_workflow().start(page, editor)
    context["stdout"].write("A page by the demo editor is waiting for review (sign in as reviewer to see it).")
