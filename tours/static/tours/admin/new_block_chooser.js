// A stop's story on a phone: a photo or a recording just added opens its chooser at once
// ("Bild" then "Bild auswählen" were two taps for one wish). Only for a block the editor has
// just picked from the "+" menu and whose chooser is still empty, never for blocks on load
// or copied ones.
(function () {
  "use strict";

  var pickedAt = 0;

  document.addEventListener("click", function (event) {
    if (event.target.closest("[role=option]")) {
      pickedAt = Date.now();
    }
  }, true);

  function openEmptyChooser(block) {
    var chooser = block.querySelector(".chooser.blank");
    var button = chooser && chooser.querySelector(".unchosen [data-chooser-action-choose]");
    if (button) button.click();
  }

  new MutationObserver(function (mutations) {
    if (Date.now() - pickedAt > 2000) return;
    mutations.forEach(function (mutation) {
      mutation.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) return;
        var block = node.matches("[data-streamfield-child]") ? node : null;
        if (!block) return;
        pickedAt = 0;
        // After Wagtail has set the block up (its widgets are initialised on insertion).
        window.setTimeout(function () { openEmptyChooser(block); }, 0);
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
