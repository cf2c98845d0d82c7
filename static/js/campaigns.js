/* Campaign pages. Progressive enhancement only: everything works without JavaScript. */
(function () {
  "use strict";

  // Count one view of this campaign, without cookies: the server stores only a daily counter.
  // Pages being prerendered wait until someone actually opens them.
  function countView(url) {
    try {
      if (window.fetch) {
        window.fetch(url, { method: "POST", keepalive: true, credentials: "omit", cache: "no-store" }).catch(function () {});
      } else if (navigator.sendBeacon) {
        navigator.sendBeacon(url);
      }
    } catch (error) {
      // Counting is best effort; the page never depends on it.
    }
  }

  var beacon = document.querySelector("[data-campaign-beacon]");
  if (beacon) {
    var url = beacon.getAttribute("data-campaign-beacon");
    if (document.prerendering) {
      document.addEventListener("prerenderingchange", function () { countView(url); }, { once: true });
    } else {
      countView(url);
    }
  }

  // "Copiar enlace": the read-only field beside it stays for browsers without JavaScript.
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var section = button.closest(".share__copy");
    var status = section.querySelector("[data-copy-status]");
    var field = section.querySelector("[data-copy-source]");

    function done(ok) {
      status.textContent = status.getAttribute(ok ? "data-copied-text" : "data-failed-text");
      if (!ok) {
        field.focus();
        field.select();
      }
    }

    button.addEventListener("click", function () {
      var link = button.getAttribute("data-copy-link");
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link).then(function () { done(true); }, function () { done(false); });
        return;
      }
      field.focus();
      field.select();
      var copied = false;
      try {
        copied = document.execCommand("copy");
      } catch (error) {
        copied = false;
      }
      done(copied);
    });
  });

  // Filters: ticking a box or a radio button applies it at once. The municipality list waits
  // for "Aplicar filtros", so moving through it with the keyboard does not reload the page.
})();
