"""The sitemap: every live, public page in every language, each with its other languages."""

from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class NetworkSitemap(Sitemap):
    """Wagtail's sitemap lists the site's root page and what lies below it, one language
    only; the network's home page has a translation in each language, each a tree of its own."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key)
        in_any_tree = reduce(or_, (Q(path__startswith=home.path) for home in homes))
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
