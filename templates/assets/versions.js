// Curbside's version switcher. Every page links to the list of versions (../versions.html), which works
// without scripts and from the file system. Served over HTTP(S), this script adds a menu of the versions
// in versions.json that opens the same page in the version chosen (or its home page, if it has no such page).
(function () {
  "use strict";
  var slot = document.querySelector("[data-version-switcher]");
  if (!slot || !window.fetch || location.protocol === "file:") return;
  var current = slot.getAttribute("data-current") || "";
  var page = slot.getAttribute("data-page") || "index.html";
  // Pages live in v/<id>/ and in latest/: the site's root is two folders up or one.
  var root = location.pathname.indexOf("/v/" + current + "/") >= 0 ? "../../" : "../";

  function open(id) {
    var folder = root + "v/" + encodeURIComponent(id) + "/";
    fetch(folder + page, { method: "HEAD" })
      .then(function (response) { location.href = folder + (response.ok ? page : "index.html"); })
      .catch(function () { location.href = folder + "index.html"; });
  }

  fetch(root + "versions.json", { cache: "no-cache" })
    .then(function (response) {
      if (!response.ok) throw new Error("versions.json: HTTP " + response.status);
      return response.json();
    })
    .then(function (data) {
      var versions = (data && data.versions) || [];
      if (versions.length < 2) return;
      var form = document.createElement("form");
      form.className = "version-form";
      var label = document.createElement("label");
      label.setAttribute("for", "version-select");
      label.textContent = "Open version";
      var select = document.createElement("select");
      select.id = "version-select";
      versions.forEach(function (version) {
        var option = document.createElement("option");
        option.value = String(version.id);
        option.textContent = version.id + " (as of " + version.as_of + (version.kind === "sample" ? ", sample" : "") +
          (version.id === data.latest ? ", newest" : "") + ")";
        if (version.id === current) option.selected = true;
        select.appendChild(option);
      });
      var button = document.createElement("button");
      button.type = "submit";
      button.textContent = "Open";
      form.appendChild(label);
      form.appendChild(select);
      form.appendChild(button);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (select.value !== current) open(select.value);
      });
      slot.appendChild(form);
    })
    .catch(function () { /* no list to show: the link to all versions stays */ });
})();
