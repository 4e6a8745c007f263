"""The city's projects in which the associations take part, their working groups and news."""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, Task, TaskState
from wagtail.search import index

from home.api.blocks import BodyBlocks, register_stream_field
from home.api.fields import APIShape, PageLink, computed_field, page_link, page_links
from home.blocks import RICH_TEXT_FEATURES, BodyBlock
from home.languages import localized, localized_groups, localized_page, pages_below
from home.models import AssociationPage
from home.models.base import NetworkPageForm, NetworkPageMixin, SectionIndexPage, visible_pages
from home.panels import PermissionedInlinePanel
from home.roles import CITY_EDITORS_GROUP_NAME, COORDINATE_NETWORK
from tours.models import TourPage, TourStopPage


class OutsideActor(index.Indexed, models.Model):
    """A person or organisation outside the network whom a working group invites."""

    name = models.CharField(_("Name"), max_length=150)
    organisation = models.CharField(_("Organisation"), max_length=150, blank=True)
    role = models.CharField(_("Rolle"), max_length=150, blank=True)
    invited_on = models.DateField(_("Eingeladen am"), null=True, blank=True)
    consent_to_publish = models.BooleanField(
        _("Einwilligung zur Veröffentlichung liegt vor"),
        default=False,
        help_text=_("Ohne Einwilligung erscheint statt des Namens nur die Organisation."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("invited_on"),
        FieldPanel("consent_to_publish"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("organisation"),
        index.AutocompleteField("name"),
    ]
    # Through the API only for those who may manage actors in the admin (Wagtail's snippet
    # endpoints need a token and the model's permissions); the public sees public_label.
    api_fields = [
        APIField("name", writable=True),
        APIField("organisation", writable=True),
        APIField("role", writable=True),
        APIField("invited_on", writable=True),
        APIField("consent_to_publish", writable=True),
    ]

    class Meta:
        verbose_name = _("Externer Akteur")
        verbose_name_plural = _("Externe Akteure")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.organisation})" if self.organisation else self.name

    @property
    def public_label(self):
        """How the public sees this actor: with name only where they agreed to it."""
        parts = [self.name] if self.consent_to_publish else []
        parts += [part for part in (self.role, self.organisation) if part]
        return ", ".join(parts) or str(_("Eingeladener Gast"))


class Milestone(APIShape):
    date: datetime.date | None
    title: str
    reached: bool


class WorkingGroupInfo(APIShape):
    """A working group with its member associations (live ones) and invited guests (named
    only with their consent)."""

    name: str
    purpose: str
    meeting_rhythm: str
    contact: str
    member_associations: list[PageLink]
    invited_actors: list[str]


class ProjectIndexPage(SectionIndexPage):
    # Associations may add news (and propose projects) here; see home.roles.
    associations_contribute = True

    template = "pages/project_index_page.html"
    subpage_types = ["projects.ProjectPage"]
    page_description = _("Die Projekte der Stadt, an denen die Vereine mitwirken.")

    class Meta:
        verbose_name = _("Projektübersicht")
        verbose_name_plural = _("Projektübersichten")

    def projects_by_status(self):
        """Live projects grouped by status: running first, then planned, then completed."""
        projects = pages_below(
            self, ProjectPage, self.reading_locale, children_only=True
        ).prefetch_related("partner_associations")
        groups = {status: [] for status in ProjectPage.Status.values}
        for project in projects.order_by("-start_date", "title"):
            groups[project.status].append(project)
        return [
            (ProjectPage.Status(status).label, groups[status])
            for status in ProjectPage.Status.values
            if groups[status]
        ]


class ProjectPage(NetworkPageMixin, RoutablePageMixin, Page):
    base_form_class = NetworkPageForm

    class Status(models.TextChoices):
        ACTIVE = "active", _("Laufend")
        PLANNED = "planned", _("Geplant")
        COMPLETED = "completed", _("Abgeschlossen")

    summary = models.CharField(
        _("Kurzbeschreibung"),
        max_length=300,
        help_text=_("Ein bis zwei Sätze für Übersichten und den Feed."),
    )
    goal = RichTextField(_("Ziel"), features=RICH_TEXT_FEATURES, blank=True)
    status = models.CharField(
        _("Stand"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    start_date = models.DateField(_("Beginn"), null=True, blank=True)
    end_date = models.DateField(_("Ende"), null=True, blank=True)
    lead_department = models.CharField(
        _("Federführend in der Stadtverwaltung"), max_length=200, blank=True
    )
    partner_associations = ParentalManyToManyField(
        "home.AssociationPage",
        verbose_name=_("Beteiligte Vereine"),
        blank=True,
        related_name="projects",
    )
    related_meetings = ParentalManyToManyField(
        "home.MeetingPage",
        verbose_name=_("Treffen zum Projekt"),
        blank=True,
        related_name="projects",
    )
    tours = ParentalManyToManyField(
        "tours.TourPage",
        verbose_name=_("Stadtrundgänge des Projekts"),
        blank=True,
        related_name="projects",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("lead_department"),
            ],
            heading=_("Stand und Zeitraum"),
        ),
        FieldPanel("goal"),
        # Who takes part in a project, and which walks its working groups review, is the
        # city's decision: associations propose content, never membership (home.roles).
        FieldPanel(
            "partner_associations",
            widget=forms.CheckboxSelectMultiple,
            permission=COORDINATE_NETWORK,
        ),
        InlinePanel("milestones", heading=_("Meilensteine"), label=_("Meilenstein")),
        PermissionedInlinePanel(
            "working_groups",
            heading=_("Arbeitsgruppen"),
            label=_("Arbeitsgruppe"),
            permission=COORDINATE_NETWORK,
        ),
        FieldPanel("related_meetings", widget=forms.CheckboxSelectMultiple),
        FieldPanel("tours", widget=forms.CheckboxSelectMultiple, permission=COORDINATE_NETWORK),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("goal"),
        index.FilterField("status"),
    ]

    api_fields = [
        APIField("summary", writable=True),
        APIField("goal", writable=True),
        APIField("status", writable=True),
        APIField("start_date", writable=True),
        APIField("end_date", writable=True),
        APIField("lead_department", writable=True),
        computed_field(
            "milestones",
            list[Milestone],
            lambda page: [
                Milestone.model_validate(milestone).model_dump()
                for milestone in page.milestones.all()
            ],
        ),
        computed_field(
            "partner_associations",
            list[PageLink],
            lambda page: page_links(page.visible_partners()),
        ),
        computed_field(
            "working_groups", list[WorkingGroupInfo], lambda page: page.working_groups_info()
        ),
        computed_field(
            "related_meetings",
            list[PageLink],
            lambda page: page_links(page.visible_meetings()),
        ),
        computed_field("tours", list[PageLink], lambda page: page_links(page.visible_tours())),
        computed_field(
            "updates",
            list[PageLink],
            lambda page: [page_link(update) for update in page.updates()] if page.pk else [],
        ),
    ]

    template = "pages/project_page.html"
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = ["projects.ProjectUpdatePage"]
    page_description = _(
        "Ein Projekt der Stadt mit Ziel, Stand, beteiligten Vereinen, Arbeitsgruppen und Neuigkeiten."
    )

    class Meta:
        verbose_name = _("Projekt")
        verbose_name_plural = _("Projekte")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("Das Ende kann nicht vor dem Beginn liegen.")})

    def updates(self):
        """Live news of this project in the reader's language, newest first, each with only
        its visible authors."""
        locale = self.reading_locale
        updates = pages_below(self, ProjectUpdatePage, locale, children_only=True)
        return ProjectUpdatePage.with_authors(
            updates.order_by("-date", "-first_published_at"), locale
        )

    def visible_partners(self):
        return self._visible(self.partner_associations.order_by("title"))

    def visible_meetings(self):
        return self._visible(self.related_meetings.order_by("-start"))

    def visible_tours(self):
        return self._visible(self.tours.order_by("title"))

    def _visible(self, pages):
        """The live, public pages among ``pages``, in the reader's language."""
        return localized(visible_pages(pages), self.reading_locale)

    def working_groups_for_display(self):
        """Working groups with their visible member associations (in the reader's language, as
        ``members``), in a constant number of queries."""
        groups = self.working_groups.all()
        if not isinstance(groups, models.QuerySet):
            for group in groups:  # a preview: relations held in memory
                group.members = list(group.member_associations.all())
            return groups
        groups = list(
            groups.prefetch_related(
                Prefetch(
                    "member_associations",
                    queryset=visible_pages(AssociationPage.objects.all()).order_by("title"),
                ),
                "invited_actors",
            )
        )
        members = localized_groups(
            [group.member_associations.all() for group in groups], self.reading_locale
        )
        for group, group_members in zip(groups, members, strict=True):
            group.members = group_members
        return groups

    def working_groups_info(self):
        return [
            WorkingGroupInfo(
                name=group.name,
                purpose=group.purpose,
                meeting_rhythm=group.meeting_rhythm,
                contact=group.contact,
                member_associations=[page_link(member) for member in group.members],
                invited_actors=[actor.public_label for actor in group.invited_actors.all()],
            ).model_dump()
            for group in self.working_groups_for_display()
        ]

    @path("feed/", name="feed")
    def atom_feed(self, request):
        from .feeds import ProjectUpdatesAtomFeed

        return ProjectUpdatesAtomFeed()(request, project=self)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        from .feeds import ProjectUpdatesRssFeed

        return ProjectUpdatesRssFeed()(request, project=self)


class ProjectMilestone(Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="milestones")
    date = models.DateField(_("Datum"), null=True, blank=True)
    title = models.CharField(_("Meilenstein"), max_length=200)
    reached = models.BooleanField(_("Erreicht"), default=False)

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("title"), FieldPanel("reached")])]

    class Meta(Orderable.Meta):
        verbose_name = _("Meilenstein")
        verbose_name_plural = _("Meilensteine")

    def __str__(self):
        return self.title


class WorkingGroup(Orderable, ClusterableModel):
    """A project's working group: associations, and outside actors it invites when needed."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="working_groups")
    name = models.CharField(_("Name"), max_length=150)
    purpose = models.TextField(_("Aufgabe"), blank=True)
    meeting_rhythm = models.CharField(
        pgettext_lazy("wie oft und wo sie sich trifft", "Treffen"),
        max_length=150,
        blank=True,
        help_text=_("z. B. monatlich, online"),
    )
    contact = models.CharField(
        _("Kontakt"),
        max_length=200,
        blank=True,
        help_text=_("Wer Anfragen zur Arbeitsgruppe beantwortet, z. B. eine Stelle und E-Mail."),
    )
    member_associations = ParentalManyToManyField(
        "home.AssociationPage",
        verbose_name=_("Mitwirkende Vereine"),
        blank=True,
        related_name="working_groups",
    )
    invited_actors = ParentalManyToManyField(
        OutsideActor,
        verbose_name=_("Eingeladene externe Akteure"),
        blank=True,
        related_name="working_groups",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("purpose"),
        FieldRowPanel([FieldPanel("meeting_rhythm"), FieldPanel("contact")]),
        FieldPanel("member_associations", widget=forms.CheckboxSelectMultiple),
        FieldPanel("invited_actors", widget=forms.CheckboxSelectMultiple),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("Arbeitsgruppe")
        verbose_name_plural = _("Arbeitsgruppen")

    def __str__(self):
        return self.name


class ProjectUpdatePage(NetworkPageMixin, Page):
    base_form_class = NetworkPageForm

    date = models.DateField(_("Datum"), default=datetime.date.today)
    summary = models.CharField(
        _("Kurzfassung"), max_length=300, help_text=_("Für Übersichten und den Feed.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("Inhalt"), blank=True)
    author_associations = ParentalManyToManyField(
        "home.AssociationPage",
        verbose_name=_("Verfasst von"),
        blank=True,
        related_name="project_updates",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date")]),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("author_associations", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]

    api_fields = [
        APIField("date", writable=True),
        APIField("summary", writable=True),
        APIField("body", writable=True),
        computed_field(
            "author_associations",
            list[PageLink],
            lambda page: page_links(page.visible_authors()),
        ),
    ]

    template = "pages/project_update_page.html"
    parent_page_types = ["projects.ProjectPage"]
    subpage_types = []
    page_description = _("Neuigkeiten und Ergebnisse aus einem Projekt.")

    class Meta:
        verbose_name = _("Projektneuigkeit")
        verbose_name_plural = _("Projektneuigkeiten")

    def parent_project(self):
        """The project, in the reader's language where it is translated."""
        return localized_page(self.get_parent().specific, self.reading_locale)

    def visible_authors(self):
        if getattr(self, "authors", None) is None:
            self.authors = localized(
                visible_pages(self.author_associations.all()).order_by("title"),
                self.reading_locale,
            )
        return self.authors

    @classmethod
    def with_authors(cls, updates, locale):
        """``updates`` with their visible authors in ``locale`` (as ``authors``), in a constant
        number of queries."""
        updates = list(
            updates.prefetch_related(
                Prefetch(
                    "author_associations",
                    queryset=visible_pages(AssociationPage.objects.all()).order_by("title"),
                )
            )
        )
        authors = localized_groups([update.author_associations.all() for update in updates], locale)
        for update, update_authors in zip(updates, authors, strict=True):
            update.authors = update_authors
        return updates


register_stream_field("ProjectUpdatePageSchema", "body", BodyBlocks)


class WorkingGroupReviewTask(Task):
    """A review step by the working group responsible for a walk: the editors of the
    associations in the working groups of the live projects that list the walk.

    If no working group is responsible (the walk belongs to no project, or its groups have no
    editors yet), the city's editors review this step too, so nothing is stuck.
    """

    project = models.ForeignKey(
        ProjectPage,
        verbose_name=_("Projekt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leer: die Arbeitsgruppen der Projekte, zu denen der Rundgang gehört."),
    )

    admin_form_fields = [*Task.admin_form_fields, "project"]

    class Meta:
        verbose_name = _("Prüfung durch die Arbeitsgruppe")
        verbose_name_plural = _("Prüfungen durch Arbeitsgruppen")

    @classmethod
    def get_description(cls):
        return _(
            "Die Redaktionen der Vereine in der Arbeitsgruppe des Projekts prüfen den Rundgang, "
            "bevor die Stadtredaktion freigibt."
        )

    def projects_for(self, obj):
        """The projects whose working groups review ``obj``: live ones only, so that what a
        draft project says (which anyone who may add a project can write) makes nobody a
        reviewer; a live project's walks and groups are as the city published them."""
        projects = ProjectPage.objects.live()
        if self.project_id:
            return projects.filter(pk=self.project_id)
        tour = _tour_of(obj)
        if tour is None:
            return ProjectPage.objects.none()
        # A project lists the walk in one language; its working group reviews every translation.
        return projects.filter(tours__translation_key=tour.translation_key).distinct()

    def reviewers_for(self, obj):
        """The working group's editors, except whoever submitted: nobody reviews their own
        work. Without anyone left, the city's editors."""
        User = get_user_model()
        associations = WorkingGroup.objects.filter(page__in=self.projects_for(obj)).values(
            "member_associations"
        )
        reviewers = User.objects.filter(
            is_active=True, groups__association_link__association__in=associations
        )
        workflow_state = obj.current_workflow_state
        if workflow_state is not None and workflow_state.requested_by_id:
            reviewers = reviewers.exclude(pk=workflow_state.requested_by_id)
        if not reviewers.exists():
            reviewers = User.objects.filter(is_active=True, groups__name=CITY_EDITORS_GROUP_NAME)
        return reviewers.distinct()

    def _can_review(self, obj, user):
        return user.is_superuser or self.reviewers_for(obj).filter(pk=user.pk).exists()

    def user_can_access_editor(self, obj, user):
        return self._can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self._can_review(obj, user)

    def get_actions(self, obj, user):
        if self._can_review(obj, user):
            return [
                ("reject", _("Änderungen anfordern"), True),
                ("approve", _("Freigeben"), False),
                ("approve", _("Mit Kommentar freigeben"), True),
            ]
        return []

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        ids = [
            state.pk
            for state in states.select_related("workflow_state")
            if self._can_review(state.workflow_state.content_object, user)
        ]
        return states.filter(pk__in=ids)


def _tour_of(obj):
    """The walk a page belongs to: the walk itself, or the walk of a stop."""
    page = getattr(obj, "specific", obj)
    if isinstance(page, TourPage):
        return page
    if isinstance(page, TourStopPage):
        parent = page.get_parent()
        return parent.specific if parent else None
    return None
