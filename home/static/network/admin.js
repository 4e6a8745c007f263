// Wagtail's rich text editor (Draftail) leaves its text area without a name, so a screen
// reader announces a nameless text field. Each one is named after its field's label, or in a
// story after its block ("Text"), as soon as it appears.
(function () {
  "use strict";

  function labelFor(editor) {
    // The field's own input (hidden, beside the editor) and the label that names it.
    var wrapper = editor.closest(".w-field__input") || editor.closest(".Draftail-Editor").parentNode;
    var input = wrapper && wrapper.querySelector("input[id], textarea[id]");
    var named = input && document.querySelector('label[for="' + input.id + '"]');
    if (named) return named;
    var field = editor.closest(".w-field");
    var label = field && field.querySelector(".w-field__label, label");
    if (label) return label;
    var block = editor.closest("[data-streamfield-child]");
    return block && block.querySelector(".c-sf-block__type");
  }

  function nameEditors() {
    var nameless = document.querySelectorAll(
      ".Draftail-Editor [role=textbox]:not([aria-label]):not([aria-labelledby])"
    );
    nameless.forEach(function (editor) {
      var label = labelFor(editor);
      var name = label && label.textContent.replace(/\*/g, "").replace(/\s+/g, " ").trim();
      if (name) editor.setAttribute("aria-label", name);
    });
  }

  new MutationObserver(nameEditors).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
  document.addEventListener("DOMContentLoaded", nameEditors);
})();
