"""purge_submissions deletes what people sent once the retention period is over."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Site

from home.models import FormPageSubmission, Signature, SiteSettings, Subscriber


def test_old_submissions_go_and_the_rest_stay(contact_form, statement, mailing_list):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.submission_retention_days = 30
    settings.save()
    long_ago = timezone.now() - timedelta(days=31)
    recently = timezone.now() - timedelta(days=29)

    old_submission = FormPageSubmission.objects.create(page=contact_form, form_data={"message": "old"})
    new_submission = FormPageSubmission.objects.create(page=contact_form, form_data={"message": "new"})
    FormPageSubmission.objects.filter(pk=old_submission.pk).update(submit_time=long_ago)
    FormPageSubmission.objects.filter(pk=new_submission.pk).update(submit_time=recently)

    rejected = Signature.objects.create(page=statement, name="Old, never approved", email="a@example.org")
    approved = Signature.objects.create(page=statement, name="Old, approved", email="b@example.org", approved=True)
    Signature.objects.filter(pk__in=[rejected.pk, approved.pk]).update(created_at=long_ago)

    unconfirmed = Subscriber.objects.create(page=mailing_list, email="c@example.org")
    confirmed = Subscriber.objects.create(page=mailing_list, email="d@example.org", confirmed_at=long_ago)
    Subscriber.objects.filter(pk__in=[unconfirmed.pk, confirmed.pk]).update(created_at=long_ago)

    call_command("purge_submissions", "--dry-run", verbosity=0)
    assert FormPageSubmission.objects.count() == 2

    call_command("purge_submissions", verbosity=0)
    assert list(FormPageSubmission.objects.values_list("pk", flat=True)) == [new_submission.pk]
    assert list(Signature.objects.values_list("pk", flat=True)) == [approved.pk]
    assert list(Subscriber.objects.values_list("pk", flat=True)) == [confirmed.pk]


def test_a_longer_setting_keeps_more(contact_form):
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.submission_retention_days = 400
    settings.save()
    submission = FormPageSubmission.objects.create(page=contact_form, form_data={})
    FormPageSubmission.objects.filter(pk=submission.pk).update(submit_time=timezone.now() - timedelta(days=366))
    call_command("purge_submissions", verbosity=0)
    assert FormPageSubmission.objects.filter(pk=submission.pk).exists()
