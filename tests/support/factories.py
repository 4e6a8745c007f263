"""Factories for the network's pages and vocabularies, built on wagtail-factories."""

import datetime
import zoneinfo
from decimal import Decimal

import factory
import wagtail_factories

from django.utils.text import slugify

from wagtail.models import Locale

from home import models
from tours.models import TourPage, TourStopPage

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


class VocabularyFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Begriff {n}")
    slug = factory.LazyAttribute(lambda term: slugify(term.name))
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        abstract = True


class FocusAreaFactory(VocabularyFactory):
    class Meta:
        model = models.FocusArea


class LanguageFactory(VocabularyFactory):
    code = "tr"
    native_name = "Türkçe"

    class Meta:
        model = models.Language


class DistrictFactory(VocabularyFactory):
    class Meta:
        model = models.District


class SupportTopicFactory(VocabularyFactory):
    class Meta:
        model = models.SupportTopic


class AssociationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testverein {n:03d} e. V.")
    short_description = "Ein Verein für Tests."

    class Meta:
        model = models.AssociationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def focus_areas(self, create, extracted, **kwargs):
        if extracted:
            self.focus_areas.set(extracted)
            self.save()

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if extracted:
            self.languages.set(extracted)
            self.save()


class MeetingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testtreffen {n}")
    start = datetime.datetime(2030, 5, 6, 18, 0, tzinfo=BERLIN)
    end = factory.LazyAttribute(lambda meeting: meeting.start + datetime.timedelta(hours=2))
    format = models.MeetingPage.Format.ONLINE

    class Meta:
        model = models.MeetingPage
        skip_postgeneration_save = True

    @factory.post_generation
    def attending_associations(self, create, extracted, **kwargs):
        if extracted:
            self.attending_associations.set(extracted)
            self.save()


class TourPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Testrundgang {n}")

    class Meta:
        model = TourPage


class TourStopPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Teststation {n:03d}")
    latitude = Decimal("48.713100")
    longitude = Decimal("9.002800")
    teaser = "Eine Station für Tests."

    class Meta:
        model = TourStopPage


def translate(page, language_code, publish=True, **fields):
    """``page`` translated into ``language_code`` with Wagtail's translation action (as an
    editor's "Translate" does), given ``fields``; published unless ``publish`` is False."""
    from wagtail.actions.copy_for_translation import CopyPageForTranslationAction

    translation = (
        CopyPageForTranslationAction(
            page=page, locale=Locale.objects.get(language_code=language_code)
        )
        .execute(skip_permission_checks=True)
        .specific.get_latest_revision_as_object()
    )
    for name, value in fields.items():
        setattr(translation, name, value)
    revision = translation.save_revision()
    if publish:
        revision.publish()
    return type(translation).objects.get(pk=translation.pk)
