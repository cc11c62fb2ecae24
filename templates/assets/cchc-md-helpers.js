/* The helpers Material's bundle expects before it loads (__md_scope, __md_hash, __md_get,
   __md_set), as in its partials/javascripts/base.html, but from a file so that the
   Content-Security-Policy can forbid inline scripts. The scope is the site root: this file
   lives in <root>/assets/. */
(function () {
  "use strict";
  var self = document.currentScript;
  window.__md_scope = new URL("..", self ? self.src : location.href);
  window.__md_hash = function (value) {
    return Array.from(value).reduce(function (hash, ch) { return (hash << 5) - hash + ch.charCodeAt(0); }, 0);
  };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage; scope = scope || window.__md_scope;
    return JSON.parse(storage.getItem(scope.pathname + "." + key));
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage; scope = scope || window.__md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage full or off */ }
  };
})();
