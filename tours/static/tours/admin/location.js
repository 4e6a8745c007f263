// "Meinen Standort verwenden" in the stop editor: the device's position into the latitude and
// longitude fields, with six decimals (about 0.1 m), and a word on how exact it is.
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

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-use-location]");
    if (button) use(button);
  });
})();
