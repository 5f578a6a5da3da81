// gestae explorer: small conveniences on top of server-rendered pages. Every page works
// without this script; nothing here fetches anything from another site.
"use strict";

function openRows() {
  // A click anywhere on an event row opens the event (the first cell holds a real link).
  for (const row of document.querySelectorAll("tr[data-href]")) {
    row.addEventListener("click", (event) => {
      if (event.target.closest("a") || window.getSelection().toString()) return;
      window.location.href = row.dataset.href;
    });
  }
}

function focusRecords() {
  // Clicking a record card brings its spans forward in the article text.
  const text = document.getElementById("article-text");
  if (!text) return;
  const cards = document.querySelectorAll("article.record[data-record]");
  for (const card of cards) {
    card.addEventListener("click", (event) => {
      if (event.target.closest("a")) return;
      const index = card.dataset.record;
      const already = card.classList.contains("focus") && text.classList.contains("dim");
      for (const other of cards) other.classList.remove("focus");
      for (const mark of text.querySelectorAll("mark")) {
        const mine = mark.dataset.records.split(" ").includes(index);
        mark.classList.toggle("focus", !already && mine);
      }
      text.classList.toggle("dim", !already);
      if (!already) card.classList.add("focus");
    });
  }
}

function mapTime() {
  // Two sliders over the days that have events: points outside the window are hidden.
  const box = document.getElementById("timefilter");
  const map = document.getElementById("world-map");
  if (!box || !map) return;
  const points = Array.from(map.querySelectorAll("circle.pt"));
  const days = Array.from(new Set(points.map((p) => p.dataset.day).filter(Boolean))).sort();
  if (days.length < 2) return;
  const from = document.getElementById("t-from");
  const to = document.getElementById("t-to");
  const label = document.getElementById("t-label");
  const count = document.getElementById("t-count");
  function update() {
    let lo = Number(from.value);
    let hi = Number(to.value);
    if (lo > hi) [lo, hi] = [hi, lo];
    let shown = 0;
    for (const p of points) {
      const day = p.dataset.day;
      const inside = day >= days[lo] && day <= days[hi];
      p.classList.toggle("hidden", !inside);
      if (inside) shown += 1;
    }
    label.textContent = `${days[lo]} – ${days[hi]}`;
    count.textContent = `${shown} of ${points.length} points`;
  }
  from.addEventListener("input", update);
  to.addEventListener("input", update);
  box.hidden = false;
  update();
}

document.addEventListener("DOMContentLoaded", () => {
  openRows();
  focusRecords();
  mapTime();
});
