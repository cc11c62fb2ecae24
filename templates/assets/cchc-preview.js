/* Preview only (`make serve`; never published): reload the page when the site is rebuilt.
   MkDocs injects its live-reload script inline, which the Content-Security-Policy
   (script-src 'self') refuses to run; this file does the same from a local file. It reads the
   build number MkDocs wrote into that refused script, or, on the error page (which MkDocs
   serves without it), asks the preview server for the current one.
   While the preview rebuilds, the server holds every request until the new site is written
   (MkDocs' LiveReloadServer: "so we're not serving a half-built site"), and a page would say
   nothing for the seconds a large site takes: this file asks for itself every half second,
   and a request held longer than PENDING shows a notice, with the seconds elapsed, until the
   server answers again (the reload follows). */
(function () {
  "use strict";
  var injected = /livereload\((\d+),\s*(\d+)\)/;
  var selfUrl = document.currentScript.src;
  var EVERY = 500;  // ms between two requests for this file
  var PENDING = 400;  // ms: the idle local server answers within a few
  var epoch = null;
  var requestId = String(Date.now());
  var request = null;
  var timer = null;
  var watcher = null;
  var ping = null;
  var pingStarted = 0;
  var notice = null;
  var region = null;

  function stopPolling() {
    if (request) {
      request.onloadend = null;
      request.abort();
    }
    if (timer) {
      clearTimeout(timer);
    }
    request = timer = null;
  }

  function stop() {
    stopPolling();
    if (watcher) {
      clearInterval(watcher);
    }
    if (ping) {
      ping.onloadend = null;
      ping.abort();
    }
    watcher = ping = null;
  }

  // A live region from the start, empty: a screen reader announces text that comes into it
  // (not always a region that arrives with its text).
  function makeRegion() {
    var empty = document.createElement("div");
    empty.className = "cchc-preview-building";
    empty.setAttribute("role", "status");
    document.body.appendChild(empty);
    return empty;
  }

  // Styled through the CSSOM: the policy refuses style attributes, and the published
  // stylesheet knows nothing of the preview.
  function makeNotice() {
    var box = document.createElement("div");
    var text = document.createElement("span");
    var seconds = document.createElement("span");
    text.textContent = "Đang cập nhật bản xem trước theo tệp vừa lưu… " +
      "Trang sẽ tự tải lại khi xong.";
    seconds.setAttribute("aria-hidden", "true");
    box.appendChild(text);
    box.appendChild(seconds);
    var look = {
      position: "fixed", left: "50%", bottom: "1rem", transform: "translateX(-50%)",
      zIndex: "10000", width: "max-content", maxWidth: "calc(100vw - 2rem)",
      boxSizing: "border-box", padding: "0.75rem 1rem", borderRadius: "0.5rem",
      background: "#0d3b66", color: "#ffffff", fontFamily: "inherit", fontSize: "1rem",
      fontWeight: "500", lineHeight: "1.4",
      boxShadow: "0 2px 8px rgba(0, 0, 0, 0.35)"
    };
    Object.keys(look).forEach(function (name) {
      box.style[name] = look[name];
    });
    return box;
  }

  function watch() {
    if (!ping) {
      if (notice && notice.parentNode) {
        region.removeChild(notice);
      }
      if (Date.now() - pingStarted < EVERY) {
        return;
      }
      pingStarted = Date.now();
      ping = new XMLHttpRequest();
      ping.onloadend = function () {
        ping = null;
      };
      ping.open("HEAD", selfUrl + (selfUrl.indexOf("?") < 0 ? "?" : "&") + "t=" + pingStarted);
      ping.send();
      return;
    }
    var held = Date.now() - pingStarted;
    if (held > PENDING) {
      notice = notice || makeNotice();
      notice.lastChild.textContent = " (" + Math.ceil(held / 1000) + " giây)";
      if (!notice.parentNode) {
        region.appendChild(notice);
      }
    }
  }

  function poll() {
    stopPolling();
    request = new XMLHttpRequest();
    request.onloadend = function () {
      var latest = parseFloat(this.responseText);
      if (this.status === 200 && epoch !== null && latest > epoch) {
        location.reload();
        return;
      }
      if (this.status === 200 && epoch === null) {
        epoch = latest;
      }
      timer = setTimeout(poll, this.status === 200 ? 0 : 3000);
    };
    // The server answers at once when it has a build newer than `epoch`, else waits for one.
    request.open("GET", "/livereload/" + (epoch === null ? 0 : epoch) + "/" + requestId);
    request.send();
  }

  function start() {
    stop();
    region = region || makeRegion();
    poll();
    watch();
    watcher = setInterval(watch, 250);
  }

  window.addEventListener("load", function () {
    Array.prototype.forEach.call(document.scripts, function (script) {
      var found = !script.src && injected.exec(script.textContent);
      if (found) {
        epoch = Number(found[1]);
        requestId = found[2];
      }
    });
    if (document.visibilityState === "visible") {
      start();
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      start();
    } else {
      stop();
    }
  });
  window.addEventListener("beforeunload", stop);
})();
