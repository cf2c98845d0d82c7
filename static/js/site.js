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

  // Live filters: ticking an option updates the results and the counts in place, without
  // leaving the page (focus stays on the option), and puts the filters in the address bar.
  // Without JavaScript the form's button does the same with a normal GET.
  document.querySelectorAll("form[data-live-filter]").forEach(function (form) {
    var resultsSelector = form.getAttribute("data-live-filter");
    var announcer = form.querySelector("[data-filter-announcer]");
    var pending = null;

    function update() {
      var query = new URLSearchParams(new FormData(form)).toString();
      var url = form.action.split("?")[0] + (query ? "?" + query : "");
      if (pending) {
        pending.abort();
      }
      pending = new AbortController();
      fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } })
        .then(function (response) {
          if (!response.ok) {
            throw new Error("HTTP " + response.status);
          }
          return response.text();
        })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html");
          var freshResults = fresh.querySelector(resultsSelector);
          var results = document.querySelector(resultsSelector);
          if (!freshResults || !results) {
            throw new Error("no results");
          }
          results.replaceChildren.apply(results, Array.from(freshResults.childNodes));
          form.querySelectorAll("[data-live-text]").forEach(function (element) {
            var match = fresh.querySelector('[data-live-text="' + element.getAttribute("data-live-text") + '"]');
            if (match) {
              element.textContent = match.textContent;
            }
          });
          var actions = form.querySelector(".filters__actions");
          var freshActions = fresh.querySelector("form[data-live-filter] .filters__actions");
          if (actions && freshActions) {
            actions.replaceChildren.apply(actions, Array.from(freshActions.childNodes));
          }
          var status = results.querySelector("[data-filter-count]");
          if (announcer && status) {
            announcer.textContent = status.textContent.trim();
          }
          window.history.replaceState(null, "", url);
        })
        .catch(function (error) {
          if (error.name !== "AbortError") {
            form.submit();
          }
        });
    }

    form.addEventListener("change", function (event) {
      if (event.target.matches("input[type=checkbox], input[type=radio], select")) {
        update();
      }
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
