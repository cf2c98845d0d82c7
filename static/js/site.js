/* Progressive enhancement only: every feature here also works without JavaScript. */
(function () {
  "use strict";

  // Quick exit: replace this page in the history (Back will not return to it) and blank it at once.
  function quickExit(url) {
    document.title = "";
    document.body.style.visibility = "hidden";
    window.location.replace(url);
  }

  function exitLink() {
    return document.querySelector("[data-quick-exit]");
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest("[data-quick-exit]");
    if (link) {
      event.preventDefault();
      quickExit(link.href);
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !event.defaultPrevented) {
      var link = exitLink();
      var open = document.activeElement && document.activeElement.closest("details[open], dialog[open]");
      if (link && !open) {
        quickExit(link.href);
      }
    }
  });

  document.querySelectorAll(".js-only").forEach(function (element) {
    element.hidden = false;
  });

  // Filters apply as soon as a box is ticked; the submit button stays for keyboard users.
  document.querySelectorAll("form[data-auto-submit]").forEach(function (form) {
    form.addEventListener("change", function () {
      form.requestSubmit ? form.requestSubmit() : form.submit();
    });
  });

  // Click-to-load video: nothing is requested from the video host before this click.
  document.querySelectorAll("[data-video-load]").forEach(function (button) {
    button.addEventListener("click", function () {
      var figure = button.closest("[data-video-embed]");
      var iframe = document.createElement("iframe");
      iframe.src = figure.getAttribute("data-video-embed");
      iframe.title = figure.getAttribute("data-video-title");
      iframe.allow = "autoplay; fullscreen; picture-in-picture";
      iframe.referrerPolicy = "strict-origin-when-cross-origin";
      iframe.setAttribute("allowfullscreen", "");
      var placeholder = figure.querySelector(".video__placeholder");
      placeholder.replaceWith(iframe);
      iframe.focus();
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
