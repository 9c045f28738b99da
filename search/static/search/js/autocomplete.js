// Suggestions under a search box (WAI-ARIA combobox with a list popup).
// Without this script the box is a plain GET form to /sok/, which works the same.
(function () {
  "use strict";

  var MIN_LENGTH = 2;
  var DELAY = 150;
  var counter = 0;

  function enhance(container) {
    var input = container.querySelector("input[type=search]");
    if (!input || input.hasAttribute("role")) return;
    var url = container.getAttribute("data-autocomplete");
    var id = "autocomplete-" + ++counter;
    var list = document.createElement("ul");
    // A polite live region (not role=status: the page's own status messages stay unique).
    var status = document.createElement("p");
    var timer = null;
    var active = -1;
    var items = [];
    var lastQuery = "";

    list.id = id;
    list.className = "autocomplete-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", container.getAttribute("data-autocomplete-label") || input.labels[0].textContent);
    list.hidden = true;
    status.className = "visually-hidden";
    status.setAttribute("aria-live", "polite");
    container.appendChild(list);
    container.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function select(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function go(index) {
      var item = items[index];
      if (item && item.url) {
        window.location.href = item.url;
      } else if (item) {
        input.value = item.title;
        input.form.submit();
      }
    }

    function render(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (item, i) {
        var option = document.createElement("li");
        var type = document.createElement("span");
        option.id = id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.textContent = item.title;
        type.className = "autocomplete-type";
        type.textContent = item.type;
        option.appendChild(type);
        // mousedown would move focus out of the box; click also comes from assistive tech.
        option.addEventListener("mousedown", function (event) {
          event.preventDefault();
        });
        option.addEventListener("click", function () {
          go(i);
        });
        list.appendChild(option);
      });
      active = -1;
      if (suggestions.length) {
        openList();
      } else {
        close();
      }
      status.textContent = suggestions.length ? suggestions.length + " " + (container.getAttribute("data-autocomplete-found") || "") : "";
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) return;
      lastQuery = query;
      if (query.length < MIN_LENGTH) {
        render([]);
        return;
      }
      fetch(url + "?q=" + encodeURIComponent(query), { headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          // Ignore a late answer to an earlier query.
          if (input.value.trim() === query) render(data.suggestions || []);
        })
        .catch(function () {
          render([]);
        });
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, DELAY);
    });
    function openList() {
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && items.length) {
        event.preventDefault();
        if (list.hidden) openList();
        select((active + 1) % items.length);
      } else if (event.key === "ArrowUp" && items.length) {
        event.preventDefault();
        if (list.hidden) openList();
        select(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
        event.preventDefault();
        go(active);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", close);
  }

  document.querySelectorAll("[data-autocomplete]").forEach(enhance);
})();
