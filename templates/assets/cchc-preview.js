/* Preview only (`make serve`; never published): reload the page when the site is rebuilt.
   MkDocs injects its live-reload script inline, which the Content-Security-Policy
   (script-src 'self') refuses to run; this file does the same from a local file. It reads the
   build number MkDocs wrote into that refused script, or, on the error page (which MkDocs
   serves without it), asks the preview server for the current one. */
(function () {
  "use strict";
  var injected = /livereload\((\d+),\s*(\d+)\)/;
  var epoch = null;
  var requestId = String(Date.now());
  var request = null;
  var timer = null;

  function stop() {
    if (request) {
      request.onloadend = null;
      request.abort();
    }
    if (timer) {
      clearTimeout(timer);
    }
    request = timer = null;
  }

  function poll() {
    stop();
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

  window.addEventListener("load", function () {
    Array.prototype.forEach.call(document.scripts, function (script) {
      var found = !script.src && injected.exec(script.textContent);
      if (found) {
        epoch = Number(found[1]);
        requestId = found[2];
      }
    });
    if (document.visibilityState === "visible") {
      poll();
    }
  });
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") {
      poll();
    } else {
      stop();
    }
  });
  window.addEventListener("beforeunload", stop);
})();
