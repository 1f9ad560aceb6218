/*
 * Material 9 adapter, loaded in <head> of every page (overrides/partials/javascripts/base.html).
 *
 * The theme defines its page-scope helpers (__md_scope, __md_hash, __md_get, __md_set) in an
 * inline script; the site's Content-Security-Policy allows no inline script at all
 * (script-src 'self'), so the same helpers live here, with the same meaning and the same
 * localStorage keys (a reader's colour preference carries over). It also marks the page as
 * one where scripts run ("js" class) before the first paint, so parts that need scripts
 * (the choosers' forms) are laid out at once instead of moving the page later.
 *
 * The theme's bundle starts the focus-visible polyfill, which marks <html> with the class
 * "js-focus-visible" and the attribute data-js-focus-visible. A change to <html>'s class
 * makes the browser restyle the whole page, and the bundle then reads a layout value, so
 * the restyle happens at once, inside the bundle's own long task (a trace of the practice
 * page: four whole-page restyles there, one of them this). Both marks are set here, before
 * the first paint, so that the polyfill's change is no change. Nothing styles by them
 * (tests/test_site_html.py checks that no stylesheet names them), so they cannot hide a
 * focus ring when the bundle does not run.
 */
(function () {
  "use strict"
  var script = document.currentScript
  // This file is <site>/assets/javascripts/theme/head.js: the site's root is three folders up
  // (the theme resolves its base URL against the page the same way).
  var scope = new URL("../../../", script && script.src ? script.src : location.href)
  window.__md_scope = scope
  window.__md_hash = function (text) {
    var hash = 0
    for (var i = 0; i < text.length; i++) hash = ((hash << 5) - hash + text.charCodeAt(i)) | 0
    return hash
  }
  window.__md_get = function (key, storage, base) {
    storage = storage || localStorage
    base = base || window.__md_scope
    return JSON.parse(storage.getItem(base.pathname + "." + key))
  }
  window.__md_set = function (key, value, storage, base) {
    storage = storage || localStorage
    base = base || window.__md_scope
    try { storage.setItem(base.pathname + "." + key, JSON.stringify(value)) } catch (err) { /* storage full or off: the theme ignores it too */ }
  }
  var root = document.documentElement
  root.className = root.className.replace("no-js", "js") + " js-focus-visible"
  root.setAttribute("data-js-focus-visible", "")
})()
