/*
 * Material 9 adapter (overrides/partials/javascripts/palette.html): applies the reader's
 * stored colour scheme right after the palette toggles are in the page, before the first
 * paint, as the theme's own inline script does; a file, so that the CSP allows no inline
 * script.
 */
(function () {
  "use strict"
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
