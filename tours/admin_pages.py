"""The page explorer of a walk: its stops in walking order, each with its number."""

import functools
import operator

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column

from home.admin_pages import NetworkExplorableIndexView, NetworkPageViewSet
from home.permissions import without_foreign_drafts

from .models import TourStopPage


class WalkNumberColumn(Column):
    def get_value(self, instance):
        return getattr(instance, "walk_number", None)


class WalkStopsIndexView(NetworkExplorableIndexView):
    """A walk's children are all stops: their number in the walk instead of the page type (it
    says "Station" on every line) and the last change (in each stop's history), so that on a
    phone the titles keep the width to be read."""

    base_columns = [
        column
        for base_column in NetworkExplorableIndexView.base_columns
        if base_column.name not in ("type", "latest_revision_created_at")
        for column in (
            [WalkNumberColumn("walk_number", label=_("Nr."), classname="network-walk-number")]
            if base_column.name == "title"
            else []
        )
        + [base_column]
    ]

    def get_table(self, object_list):
        stops = list(object_list)
        self.number_in_walk(stops, self.request.user)
        return super().get_table(stops)

    @staticmethod
    def number_in_walk(stops, user=None):
        """Set each stop's ``walk_number``: its place among its walk's stops that ``user`` may
        see, drafts included (where it will stand once published); another association's
        draft is not counted, so that no gap gives it away. One query for all the walks."""
        walk_paths = {stop.path[: -TourStopPage.steplen] for stop in stops}
        if not walk_paths:
            return
        in_these_walks = functools.reduce(
            operator.or_,
            (
                Q(path__startswith=walk, depth=len(walk) // TourStopPage.steplen + 1)
                for walk in walk_paths
            ),
        )
        siblings = TourStopPage.objects.filter(in_these_walks)
        if user is not None:
            siblings = without_foreign_drafts(siblings, user)
        numbers, counters = {}, {}
        for pk, path in siblings.order_by("path").values_list("pk", "path"):
            walk = path[: -TourStopPage.steplen]
            counters[walk] = counters.get(walk, 0) + 1
            numbers[pk] = counters[walk]
        for stop in stops:
            stop.walk_number = numbers.get(stop.pk)


class WalkStopPageViewSet(NetworkPageViewSet):
    """The network's page views for stops; Wagtail uses its listing where a walk is explored
    (the page type whose only children are stops)."""

    model = TourStopPage
    name = "network_walk_stops"
    url_prefix = "network-walk-stops"
    index_view_class = WalkStopsIndexView
