"""The stop editor's form: the network's page form, with the walk's route sketch under the
location, on which a tap sets the stop's coordinates, and a new stop's story ready to be
written in (one text block; left empty, it is dropped, see tours.blocks.StoryBlock)."""

from home.models.base import NetworkPageForm
from home.permissions import without_foreign_drafts

from .sketch import route_sketch


class StopPageForm(NetworkPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        latitude = self.fields.get("latitude")
        if latitude is not None and hasattr(latitude.widget, "sketch"):
            latitude.widget.sketch = self._walk_sketch()
        story = self.fields.get("story")
        if story is not None and self.instance.pk is None and not self.is_bound:
            # Most stories start with text: two taps less on a phone ("+", "Text").
            self.initial["story"] = story.block.to_python([{"type": "paragraph", "value": ""}])

    def _walk_sketch(self):
        """The walk's other stops in walking order, as far as the editor may see them: live
        ones, and drafts only of their own associations (never another's draft title). None
        below two."""
        walk = self.parent_page if self.instance.pk is None else self.instance.get_parent()
        if walk is None or self.for_user is None:
            return None
        others = (
            type(self.instance)
            .objects.child_of(walk)
            .exclude(pk=self.instance.pk)
            .filter(latitude__isnull=False, longitude__isnull=False)
            .order_by("path")
            .only("title", "latitude", "longitude")
        )
        return route_sketch(without_foreign_drafts(others, self.for_user))
