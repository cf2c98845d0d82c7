/* Learning pages, progressive enhancement only: everything works without JavaScript
   (grading happens on the server; a double submit is recorded once). */
(function () {
  "use strict";

  // Move focus to a form's error summary so screen readers announce it.
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }

  document.querySelectorAll("[data-quiz-form]").forEach(function (form) {
    var warned = false;
    form.addEventListener("submit", function (event) {
      var missing = [];
      form.querySelectorAll("[data-quiz-question]").forEach(function (fieldset) {
        var answered = fieldset.querySelector("input:checked");
        fieldset.classList.toggle("quiz__question--missing", !answered);
        if (!answered) {
          missing.push(fieldset);
        }
      });
      var notice = form.querySelector("[data-quiz-unanswered]");
      // First try with questions left blank: say so once; a second press sends anyway.
      if (missing.length && !warned) {
        event.preventDefault();
        warned = true;
        notice.textContent = missing.length === 1
          ? form.getAttribute("data-missing-one")
          : form.getAttribute("data-missing-many").replace("%(count)s", missing.length);
        notice.hidden = false;
        missing[0].querySelector("input").focus();
        return;
      }
      var button = form.querySelector("[data-quiz-submit]");
      if (button) {
        // The server records a repeated submit once; this only spares a second wait.
        window.setTimeout(function () { button.disabled = true; }, 0);
        button.setAttribute("aria-busy", "true");
      }
    });
  });
})();
