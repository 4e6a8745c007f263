// The stop's location in its editor: from the device ("Meinen Standort verwenden", six
// decimals, about 0.1 m, with a word on how exact it is), or from a tap on the walk's route
// sketch (the inverse of the server's projection, tours.sketch.Projection).
(function () {
  "use strict";

  function setValue(id, value) {
    var field = document.getElementById(id);
    if (!field) return;
    field.value = value.toFixed(6);
    // Wagtail's unsaved-changes warning and any listener see the change as if typed.
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function statusFor(latitudeId) {
    var field = document.getElementById(latitudeId);
    return field && field.parentNode.querySelector(".network-location__status");
  }

  function use(button) {
    var status = button.parentNode.querySelector(".network-location__status");
    var say = function (text) { status.textContent = text; };
    if (!("geolocation" in navigator)) {
      say(button.dataset.unsupported);
      return;
    }
    button.disabled = true;
    say(button.dataset.locating);
    navigator.geolocation.getCurrentPosition(
      function (position) {
        setValue(button.dataset.latitude, position.coords.latitude);
        setValue(button.dataset.longitude, position.coords.longitude);
        say(button.dataset.done.replace("%(metres)s", Math.round(position.coords.accuracy)));
        button.disabled = false;
      },
      function (error) {
        say(error.code === error.PERMISSION_DENIED ? button.dataset.denied : button.dataset.failed);
        button.disabled = false;
      },
      { enableHighAccuracy: true, timeout: 20000, maximumAge: 60000 }
    );
  }

  function pick(svg, event) {
    var projection = JSON.parse(document.getElementById(svg.dataset.projection).textContent);
    var point = svg.createSVGPoint();
    point.x = event.clientX;
    point.y = event.clientY;
    var inDrawing = point.matrixTransform(svg.getScreenCTM().inverse());
    var east = (inDrawing.x - projection.offset_x) / projection.px_per_metre;
    var north = (projection.height - inDrawing.y - projection.offset_y) / projection.px_per_metre;
    setValue(svg.dataset.latitude, projection.min_latitude + north / projection.metres_per_degree);
    setValue(
      svg.dataset.longitude,
      projection.min_longitude + east / (projection.metres_per_degree * projection.cos_latitude)
    );
    var chosen = svg.querySelector("[data-chosen]");
    chosen.setAttribute("cx", inDrawing.x.toFixed(1));
    chosen.setAttribute("cy", inDrawing.y.toFixed(1));
    var status = statusFor(svg.dataset.latitude);
    if (status) status.textContent = svg.dataset.picked;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-use-location]");
    if (button) {
      use(button);
      return;
    }
    var svg = event.target.closest("[data-pick-location]");
    if (svg) pick(svg, event);
  });
})();
