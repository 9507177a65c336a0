// One read of this article, sent once per page view. No cookie, no storage, nothing about the
// reader: the article id and, when the reader came from another site, that site's host name.
// A page rendered ahead of a click (prerender) waits until the reader actually opens it.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.dataset.article) return;
  var sent = false;

  function referrerHost() {
    try {
      var host = new URL(document.referrer).hostname;
      return host === location.hostname ? "" : host;
    } catch (error) {
      return "";
    }
  }

  function send() {
    if (sent) return;
    sent = true;
    var body = JSON.stringify({ id: Number(script.dataset.article), ref: referrerHost() });
    // sendBeacon refuses when its queue is full: fetch with keepalive does the same job.
    if (!(navigator.sendBeacon && navigator.sendBeacon(script.dataset.endpoint, body))) {
      fetch(script.dataset.endpoint, { method: "POST", body: body, keepalive: true, credentials: "omit" });
    }
  }

  if (document.prerendering) {
    document.addEventListener("prerenderingchange", send, { once: true });
  } else if (document.visibilityState === "prerender") {
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") send();
    });
  } else {
    send();
  }
})();
