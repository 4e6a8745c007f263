"""RSS and Atom feeds of a project's news, with Django's syndication framework."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

FEED_LENGTH = 30


class ProjectUpdatesRssFeed(Feed):
    def get_object(self, request, project):
        return project

    def title(self, project):
        return _("Neuigkeiten: %(project)s") % {"project": project.title}

    def link(self, project):
        return project.url

    def description(self, project):
        return project.summary

    def items(self, project):
        return project.updates()[:FEED_LENGTH]

    def item_title(self, update):
        return update.title

    def item_description(self, update):
        return update.summary

    def item_link(self, update):
        return update.url

    def item_guid(self, update):
        # Stable across renaming and moving: readers never see an old item twice.
        return f"urn:uuid:{update.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, update):
        return datetime.datetime.combine(
            update.date, datetime.time(12), tzinfo=timezone.get_default_timezone()
        )

    def item_updateddate(self, update):
        return update.last_published_at

    def item_author_name(self, update):
        # ProjectPage.updates() attached only the authors the public may see, in the feed's
        # language.
        return ", ".join(author.title for author in update.visible_authors()) or None


class ProjectUpdatesAtomFeed(ProjectUpdatesRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, project):
        return project.summary
