"""Admin views of stories sent by the public: read them with everything a decision needs, see
the photo, take one over as a draft stop of a walk in one action, or decline it."""

import html

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.files.images import ImageFile
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import MenuItem
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection
from wagtail.rich_text import RichText

from home.admin_reading import ReadingView, TitleOpensReading, mailto, reading_url_finder

from .geo import great_circle_m, outside_region_message
from .models import StorySubmission, TourPage, TourStopPage
from .sketch import route_sketch

SUBMITTED_PHOTOS_COLLECTION = "Eingesendete Fotos"


class ConvertForm(forms.Form):
    tour = forms.ModelChoiceField(label=_("Rundgang"), queryset=TourPage.objects.all())
    title = forms.CharField(label=_("Titel der Station"), max_length=255)
    teaser = forms.CharField(label=_("Kurztext"), max_length=160)
    latitude = forms.DecimalField(
        label=_("Breitengrad"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = forms.DecimalField(
        label=_("Längengrad"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    address = forms.CharField(
        label=_("Adresse oder Ortsbeschreibung"), max_length=200, required=False
    )
    photo_alt_text = forms.CharField(
        label=_("Alternativtext für das Foto"),
        max_length=250,
        required=False,
        help_text=_("Was auf dem Foto zu sehen ist, für Menschen, die es nicht sehen."),
    )

    def __init__(self, *args, submission, **kwargs):
        super().__init__(*args, **kwargs)
        self.submission = submission
        if submission.photo:
            self.fields["photo_alt_text"].required = True

    def clean(self):
        cleaned = super().clean()
        message = outside_region_message(cleaned.get("latitude"), cleaned.get("longitude"))
        if message:
            self.add_error("latitude", message)
        return cleaned


def convert_submission(submission, data, user):
    """Create a draft stop from a story, crediting its author and keeping the consent on record."""
    blocks = [
        (
            "paragraph",
            RichText(
                "".join(f"<p>{html.escape(part)}</p>" for part in _paragraphs(submission.story))
            ),
        )
    ]
    if submission.photo:
        collection = Collection.get_first_root_node()
        collection = collection.get_children().filter(
            name=SUBMITTED_PHOTOS_COLLECTION
        ).first() or collection.add_child(name=SUBMITTED_PHOTOS_COLLECTION)
        image = get_image_model()(
            title=submission.title,
            description=data["photo_alt_text"],
            collection=collection,
            uploaded_by_user=user,
        )
        # Like every new image, in private storage until a live page shows it (medialibrary).
        with submission.photo.open("rb") as photo:
            image.file = ImageFile(photo, name=submission.photo.name.rsplit("/", 1)[-1])
            image.save()
        submission.image = image
        blocks.append(
            (
                "image",
                {
                    "image": {
                        "image": image,
                        "decorative": False,
                        "alt_text": data["photo_alt_text"],
                    },
                    "caption": "",
                    "credit": submission.author_name,
                },
            )
        )
    stop = TourStopPage(
        title=data["title"],
        teaser=data["teaser"],
        latitude=data["latitude"],
        longitude=data["longitude"],
        address=data["address"],
        story=blocks,
        sources=RichText(f"<p>{html.escape(str(submission.credit))}</p>"),
        live=False,
        owner=user,
    )
    data["tour"].add_child(instance=stop)
    stop.save_revision(user=user, log_action=True)
    submission.status = StorySubmission.Status.CONVERTED
    submission.stop = stop
    submission.converted_at = timezone.now()
    submission.converted_by = user
    submission.save()
    log(submission, "network.story_converted", user=user, data={"stop": stop.pk})
    return stop


def _paragraphs(text):
    return [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]


class SubmissionIndexView(TitleOpensReading, generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if (
            instance.status == StorySubmission.Status.NEW
            and self.permission_policy.user_has_permission(self.request.user, "change")
        ):
            buttons.append(
                MenuItem(
                    _("Als Station übernehmen"),
                    url=reverse("story_submissions:convert", args=[instance.pk]),
                    icon_name="doc-full-inverse",
                    priority=1,
                )
            )
        return buttons


def place_on_nearest_walk(latitude, longitude):
    """Where a story's place lies beside the network's walks: the live walk with the stop
    nearest to it, that walk's sketch and the place's point on it. None without a place or
    a walk of two stops. Two queries, whatever the number of walks."""
    if latitude is None or longitude is None:
        return None
    stops = (
        TourStopPage.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .only("title", "path", "depth", "latitude", "longitude")
    )
    by_walk = {}
    for stop in stops:
        by_walk.setdefault(stop.path[: -TourStopPage.steplen], []).append(stop)
    candidates = {path: walk_stops for path, walk_stops in by_walk.items() if len(walk_stops) > 1}
    if not candidates:
        return None
    place = (float(latitude), float(longitude))
    nearest_path = min(
        candidates,
        key=lambda path: min(
            great_circle_m(place, (float(stop.latitude), float(stop.longitude)))
            for stop in candidates[path]
        ),
    )
    walk = TourPage.objects.filter(path=nearest_path).first()
    sketch = route_sketch(candidates[nearest_path])
    if walk is None or sketch is None:
        return None
    x, y = sketch.projection.to_px(*place)
    return {
        "walk": walk,
        "sketch": sketch,
        "marked": (x, y),
        "inside": 0 <= x <= sketch.width and 0 <= y <= sketch.height,
    }


class StorySubmissionInspectView(ReadingView):
    """The story as the city reads it before deciding, with the decisions on the same screen."""

    template_name = "admin/participation/story_inspect.html"
    context_object_name = "submission"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        context["photo_url"] = (
            reverse("story_submissions:photo", args=[submission.pk]) if submission.photo else None
        )
        context["on_a_walk"] = place_on_nearest_walk(submission.latitude, submission.longitude)
        return context

    def decisions(self, submission):
        if submission.status != StorySubmission.Status.NEW:
            return []
        actions = [
            {
                "label": _("Als Station übernehmen"),
                "url": reverse("story_submissions:convert", args=[submission.pk]),
            },
            {
                "label": _("Ablehnen"),
                "url": reverse("story_submissions:decline", args=[submission.pk]),
            },
        ]
        if submission.email:
            subject = gettext("Ihre Geschichte „%(title)s“") % {"title": submission.title}
            actions.append(
                {
                    "label": _("Rückfrage per E-Mail"),
                    "url": mailto(submission.email, subject),
                }
            )
        return actions


class StorySubmissionViewSet(ModelViewSet):
    model = StorySubmission
    icon = "openquote"
    menu_label = _("Eingesendete Geschichten")
    url_prefix = "geschichten"
    name = "story_submissions"
    form_fields = ["status"]
    list_display = ["title", "author_name", "language", "status", "created_at"]
    list_filter = ["status", "language"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "title",
        "story",
        "place",
        "latitude",
        "longitude",
        "language",
        "author_name",
        "email",
        "consent_to_publish",
        "consent_given_at",
        "consent_text",
        "consent_version",
        "status",
        "stop",
        "created_at",
    ]
    copy_view_enabled = False
    index_view_class = SubmissionIndexView
    inspect_view_class = StorySubmissionInspectView

    @property
    def url_finder_class(self):
        # Links to a story (the city's notice, the audit log) open it for reading.
        return reading_url_finder(self)

    def get_urlpatterns(self):
        return [
            *[pattern for pattern in super().get_urlpatterns() if pattern.name != "add"],
            path("convert/<int:pk>/", self.convert_view, name="convert"),
            path("decline/<int:pk>/", self.decline_view, name="decline"),
            path("photo/<int:pk>/", self.photo_view, name="photo"),
        ]

    def decline_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        submission = get_object_or_404(StorySubmission, pk=pk, status=StorySubmission.Status.NEW)
        reading_url = reverse(self.get_url_name("inspect"), args=[submission.pk])
        if request.method == "POST":
            with transaction.atomic():
                submission.status = StorySubmission.Status.DECLINED
                submission.save(update_fields=["status"])
                log(submission, "network.story_declined", user=request.user)
            messages.success(
                request,
                gettext("„%(title)s“ wird nicht übernommen.") % {"title": submission.title},
            )
            return redirect(self.get_url_name("index"))
        return TemplateResponse(
            request,
            "admin/participation/confirm.html",
            {
                "title": gettext("Geschichte ablehnen"),
                "question": gettext(
                    "„%(title)s“ nicht übernehmen? Die Geschichte bleibt bis zur Löschfrist "
                    "gespeichert; veröffentlicht wird nichts."
                )
                % {"title": submission.title},
                "submit_label": gettext("Ablehnen"),
                "back_url": reading_url,
            },
        )

    def photo_view(self, request, pk):
        """The sent photo, for the city's editors only: it is not public until taken over."""
        if not self.permission_policy.user_has_permission(request.user, "view"):
            raise PermissionDenied
        submission = get_object_or_404(StorySubmission, pk=pk)
        if not submission.photo:
            raise Http404
        return FileResponse(submission.photo.open("rb"))

    def convert_view(self, request, pk):
        if not self.permission_policy.user_has_permission(request.user, "change"):
            raise PermissionDenied
        submission = get_object_or_404(StorySubmission, pk=pk, status=StorySubmission.Status.NEW)
        initial = {
            "title": submission.title,
            "teaser": submission.story[:157] + ("…" if len(submission.story) > 157 else ""),
            "latitude": submission.latitude,
            "longitude": submission.longitude,
            "address": submission.place,
        }
        form = ConvertForm(request.POST or None, initial=initial, submission=submission)
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                stop = convert_submission(submission, form.cleaned_data, request.user)
            messages.success(
                request,
                gettext("„%(title)s“ ist jetzt ein Entwurf im Rundgang „%(tour)s“.")
                % {"title": stop.title, "tour": form.cleaned_data["tour"].title},
            )
            return redirect("wagtailadmin_pages:edit", stop.pk)
        return TemplateResponse(
            request,
            "admin/participation/convert_story.html",
            {
                "submission": submission,
                "form": form,
                "photo_url": reverse(self.get_url_name("photo"), args=[submission.pk])
                if submission.photo
                else None,
                "back_url": reverse(self.get_url_name("index")),
            },
            status=400 if form.is_bound else 200,
        )
