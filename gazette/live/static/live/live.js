// « En direct »: asks the cached endpoint for entries newer than those shown, every 15 s (the
// script's data-interval, GAZETTE_LIVE_POLL_SECONDS), and offers them behind a « N nouvelles
// entrées » button rather than moving what the reader is reading. Every reader showing the same
// latest entry asks the same address: the page cache or the proxy answers, with a 304 when
// nothing changed. No cookie is sent or set.
(function () {
  "use strict";
  var script = document.currentScript;
  var list = document.querySelector("[data-live-entries]");
  var bar = document.querySelector("[data-live-news]");
  if (!script || !list || !bar || !window.fetch || !window.DOMParser) return;
  var button = bar.querySelector("button");
  var endpoint = script.dataset.endpoint;
  var latest = script.dataset.latest || "0";
  var INTERVAL = (parseInt(script.dataset.interval, 10) || 15) * 1000, HIDDEN_MAX = 300000;
  var delay = INTERVAL, timer = null, waiting = null;

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(poll, delay);
  }

  function poll() {
    // Hidden tab: ask less and less often; shown again, at once and at the usual pace.
    delay = document.hidden ? Math.min(delay * 2, HIDDEN_MAX) : INTERVAL;
    fetch(endpoint + "?depuis=" + encodeURIComponent(latest), {
      credentials: "omit",
      cache: "no-cache", // revalidate: the ETag gets a 304 when nothing is new
    })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html) offer(html); })
      .catch(function () {})
      .then(schedule);
  }

  function offer(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var fresh = doc.querySelector(".live-new");
    var count = fresh ? parseInt(fresh.dataset.count, 10) : 0;
    if (!count) return;
    waiting = fresh;
    button.textContent = count + " " + (count > 1 ? script.dataset.many : script.dataset.one);
    bar.hidden = false;
  }

  button.addEventListener("click", function () {
    if (!waiting) return;
    var before = list.querySelector(".live-entry:not([data-pinned])");
    var empty = list.querySelector(".live-empty");
    if (empty) empty.remove();
    Array.prototype.slice.call(waiting.children).forEach(function (entry) {
      list.insertBefore(document.importNode(entry, true), before);
    });
    latest = waiting.dataset.latest;
    waiting = null;
    bar.hidden = true;
    var first = list.querySelector(".live-entry:not([data-pinned])");
    if (first) { first.setAttribute("tabindex", "-1"); first.focus(); }
  });

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) { delay = INTERVAL; poll(); }
  });
  schedule();
})();
