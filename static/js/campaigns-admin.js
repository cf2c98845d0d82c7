/* Campaign editor: a search box over the municipality checkboxes (125 in Jalisco), hidden
   while the campaign covers every municipality. */
(function () {
  "use strict";

  var LABELS = { es: "Buscar municipio", en: "Search municipality" };

  function normalise(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(list) {
    list.classList.add("campaign-municipalities-list");
    var rows = Array.prototype.slice.call(list.children);
    // The municipalities already chosen come first, so an editor sees them without scrolling.
    rows.filter(function (row) {
      var box = row.querySelector("input[type=checkbox]");
      return box && box.checked;
    }).reverse().forEach(function (row) {
      list.insertBefore(row, list.firstChild);
    });
    var language = (document.documentElement.lang || "es").slice(0, 2);
    var search = document.createElement("input");
    search.type = "search";
    search.className = "campaign-municipality-search";
    search.setAttribute("aria-label", LABELS[language] || LABELS.es);
    search.placeholder = LABELS[language] || LABELS.es;
    list.parentNode.insertBefore(search, list);
    search.addEventListener("input", function () {
      var query = normalise(search.value.trim());
      rows.forEach(function (row) {
        row.hidden = query !== "" && normalise(row.textContent).indexOf(query) === -1;
      });
    });

    var all = document.querySelector("input[name='targets_all_municipalities']");
    var field = list.closest(".w-field__wrapper") || list.parentNode;
    function toggle() {
      field.hidden = all.checked;
    }
    if (all) {
      all.addEventListener("change", toggle);
      toggle();
    }
  }

  function run() {
    var first = document.querySelector("input[data-campaign-municipalities]");
    var label = first && first.closest("label");
    var list = label && label.parentNode && label.parentNode.parentNode;
    if (list && !list.classList.contains("campaign-municipalities-list")) {
      enhance(list);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
})();
