/*
 * Material 9 adapter (overrides/partials/javascripts/palette.html): applies the reader's
 * stored colour scheme right after the palette toggles are in the page, before the first
 * paint, as the theme's own inline script does; a file, so that the CSP allows no inline
 * script.
 *
 * It also marks the body with data-md-color-switching (the theme's "no transitions while
 * the colours change"), which the theme's bundle sets when it applies the palette at start
 * and takes away in the next frame. Set by the bundle, the mark restyles the whole page
 * inside the bundle's long task; set here, while the page below the header is not even
 * parsed, it costs nothing, and the bundle's setting it again changes nothing. The bundle
 * still takes it away as before (tests/test_browser.py checks both).
 */
(function () {
  "use strict"
  document.body.setAttribute("data-md-color-switching", "")
  var palette = window.__md_get("__palette")
  if (!palette || !palette.color) return
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches
    var input = document.querySelector(light
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']")
    if (input) {
      palette.color.media = input.getAttribute("data-md-color-media")
      palette.color.scheme = input.getAttribute("data-md-color-scheme")
      palette.color.primary = input.getAttribute("data-md-color-primary")
      palette.color.accent = input.getAttribute("data-md-color-accent")
    }
  }
  Object.keys(palette.color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, palette.color[key])
  })
})()
