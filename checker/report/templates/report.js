(function () {
  "use strict";
  var findings = Array.prototype.slice.call(document.querySelectorAll("article.finding"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.group"));
  var search = document.getElementById("search");
  var entity = document.getElementById("entity");
  function checked(name) {
    return Array.prototype.slice.call(document.querySelectorAll("input[data-filter=" + name + "]:checked")).map(function (box) { return box.value; });
  }
  function apply() {
    var severities = checked("severity"), kinds = checked("kind"), wanted = entity.value, words = search.value.trim().toLowerCase();
    var visible = 0;
    findings.forEach(function (finding) {
      var show = severities.indexOf(finding.dataset.severity) >= 0 && kinds.indexOf(finding.dataset.kind) >= 0 &&
        (!wanted || finding.dataset.entity === wanted) && (!words || finding.textContent.toLowerCase().indexOf(words) >= 0);
      finding.hidden = !show;
      if (show) { visible += 1; }
    });
    groups.forEach(function (group) { group.hidden = !group.querySelector("article.finding:not([hidden])"); });
    document.getElementById("visible-count").textContent = String(visible);
  }
  function reset() {
    Array.prototype.slice.call(document.querySelectorAll("input[data-filter]")).forEach(function (box) { box.checked = true; });
    entity.value = ""; search.value = ""; apply();
  }
  function follow() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.classList.contains("finding")) {
      if (target.hidden) { reset(); }
      target.scrollIntoView();
    }
  }
  Array.prototype.slice.call(document.querySelectorAll("input[data-filter]")).forEach(function (box) { box.addEventListener("change", apply); });
  entity.addEventListener("change", apply);
  search.addEventListener("input", apply);
  document.getElementById("reset").addEventListener("click", reset);
  window.addEventListener("hashchange", follow);
  var table = document.querySelector("table.claims");
  if (table) {
    Array.prototype.slice.call(table.querySelectorAll("th")).forEach(function (header, column) {
      header.addEventListener("click", function () {
        var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
        var ascending = header.getAttribute("aria-sort") !== "ascending";
        Array.prototype.slice.call(table.querySelectorAll("th")).forEach(function (h) { h.removeAttribute("aria-sort"); });
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        rows.sort(function (a, b) {
          var x = a.cells[column].dataset.sort || a.cells[column].textContent, y = b.cells[column].dataset.sort || b.cells[column].textContent;
          var nx = parseFloat(x), ny = parseFloat(y);
          var order = (!isNaN(nx) && !isNaN(ny) && String(nx) === x.trim() && String(ny) === y.trim()) ? nx - ny : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }
  apply();
  follow();
}());
