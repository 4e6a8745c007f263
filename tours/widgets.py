"""The stop editor's location: typed as decimal degrees, taken from the device with one tap
("Meinen Standort verwenden": the browser's own geolocation, no third party), or tapped on the
walk's route sketch (drawn on the server, no map tiles)."""

from dataclasses import asdict

from django import forms
from django.utils.translation import gettext_lazy as _


class LatitudeWithLocationButton(forms.NumberInput):
    """The latitude field, followed by the button that fills it and the longitude beside it
    from the device's location (tours/static/tours/admin/location.js)."""

    template_name = "tours/widgets/latitude_with_location.html"
    #: The walk's route sketch (tours.sketch.RouteSketch), set by the stop's form.
    sketch = None

    def __init__(self, longitude_field="longitude", attrs=None):
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})
        self.longitude_field = longitude_field

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        latitude_id = context["widget"]["attrs"].get("id", f"id_{name}")
        context["location"] = {
            "latitude_id": latitude_id,
            "longitude_id": latitude_id[: -len(name)] + self.longitude_field,
            "label": _("Meinen Standort verwenden"),
            "locating": _("Standort wird ermittelt …"),
            "done": _("Standort übernommen (auf etwa %(metres)s m genau)."),
            "denied": _(
                "Der Standort ist nicht freigegeben. Erlauben Sie ihn im Browser oder tragen "
                "Sie die Zahlen ein."
            ),
            "failed": _("Der Standort ließ sich nicht ermitteln. Bitte tragen Sie ihn ein."),
            "unsupported": _("Dieser Browser kann keinen Standort ermitteln."),
        }
        if self.sketch is not None and self.sketch.projection is not None:
            context["location"]["picked"] = _(
                "Ort aus der Skizze übernommen. Genauer geht es mit dem Standort oder den Zahlen."
            )
            context["sketch"] = self.sketch
            context["projection"] = asdict(self.sketch.projection)
            context["projection_id"] = f"{latitude_id}-projection"
            context["sketch_caption_id"] = f"{latitude_id}-sketch-caption"
            context["sketch_attrs"] = {
                "data-pick-location": "",
                "data-projection": context["projection_id"],
                "data-latitude": context["location"]["latitude_id"],
                "data-longitude": context["location"]["longitude_id"],
                "data-picked": context["location"]["picked"],
            }
        return context

    class Media:
        js = ["tours/admin/location.js"]
