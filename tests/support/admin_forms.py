"""What Wagtail's page editor posts, for tests that drive the admin with Django's client."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield


def stop_form(
    title, slug, teaser="Ein Kurztext.", latitude="48.713000", longitude="9.003000", **actions
):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "teaser": teaser,
            "latitude": latitude,
            "longitude": longitude,
            "address": "",
            "story": streamfield([("paragraph", rich_text("<p>Eine Geschichte.</p>"))]),
            "sources": rich_text(""),
            "comments": inline_formset([]),
            **actions,
        }
    )
