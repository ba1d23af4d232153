from .models import GuidanceDocumentPage, record_edition


def on_page_published(sender, instance, revision, alias=False, **kwargs):
    """Every publish of a guidance document (a reviewer's approval, an
    administrator's publish, a scheduled go-live) records or corrects an edition.
    Aliases show their source's editions, so they record none of their own."""
    if alias or not isinstance(instance, GuidanceDocumentPage) or revision is None:
        return
    record_edition(instance, revision)
