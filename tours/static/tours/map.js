// The optional interactive map of a walk. Nothing is loaded until the reader asks for it:
// the map tiles come from a third party, which then learns the reader's address.
(function () {
  "use strict";

  function loadLeaflet(container, onReady) {
    var stylesheet = document.createElement("link");
    stylesheet.rel = "stylesheet";
    stylesheet.href = container.dataset.leafletCss;
    document.head.appendChild(stylesheet);
    var script = document.createElement("script");
    script.src = container.dataset.leafletJs;
    script.onload = onReady;
    document.head.appendChild(script);
  }

  function showMap(container) {
    var stops = JSON.parse(document.getElementById("tour-map-stops").textContent);
    container.textContent = "";
    container.classList.add("is-loaded");
    var map = window.L.map(container);
    window.L.tileLayer(container.dataset.tiles, {
      attribution: container.dataset.attribution,
      maxZoom: 19,
    }).addTo(map);
    var points = stops.map(function (stop) { return [stop.lat, stop.lon]; });
    window.L.polyline(points, { color: "#0b5563", weight: 4, dashArray: "8 6" }).addTo(map);
    stops.forEach(function (stop) {
      var link = document.createElement("a");
      link.href = stop.url;
      link.textContent = stop.number + ". " + stop.title;
      window.L.circleMarker([stop.lat, stop.lon], {
        radius: 11, color: "#ffffff", weight: 2, fillColor: "#0b5563", fillOpacity: 1,
      })
        .bindTooltip(String(stop.number), { permanent: true, direction: "center", className: "tour-map__number" })
        .bindPopup(link)
        .addTo(map);
    });
    map.fitBounds(points, { padding: [24, 24] });
  }

  document.querySelectorAll("[data-tour-map]").forEach(function (container) {
    var button = container.querySelector("[data-tour-map-load]");
    button.addEventListener("click", function () {
      button.disabled = true;
      loadLeaflet(container, function () { showMap(container); });
    });
  });
})();
