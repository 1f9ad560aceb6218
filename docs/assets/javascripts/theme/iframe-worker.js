/*
 * The offline bundle's web worker (file:// only; listed as a polyfill by the MkDocs adapter,
 * macros/adapter/mkdocs_config.py). Browsers refuse `new Worker(...)` from file:// pages, so the
 * theme's search worker cannot start there. This stands in for it: the worker script runs
 * in a hidden frame page of ours (worker-frame.html), and messages go back and forth with
 * postMessage. Unlike the iframe-worker package it replaces, it writes no inline script
 * into the frame, so the bundle keeps the same Content-Security-Policy as the hosted site
 * (script-src 'self'). The name keeps Material's offline plugin from adding a CDN copy of
 * iframe-worker.
 */
(function () {
  "use strict"
  if (location.protocol !== "file:") return
  var frameUrl = new URL("worker-frame.html", document.currentScript.src)

  class FrameWorker extends EventTarget {
    constructor(url) {
      super()
      this.onmessage = null
      this.onerror = null
      this.queue = []
      this.ready = false
      var frame = document.createElement("iframe")
      frame.hidden = true
      frame.title = "Search worker"
      frame.src = frameUrl.href + "#" + encodeURIComponent(new URL(url, location.href).href)
      this.frame = frame
      this.listener = function (event) {
        if (event.source !== frame.contentWindow) return
        var data = event.data
        if (data && data.__atlasWorkerFrame === "ready") {
          this.ready = true
          this.queue.forEach(function (message) { frame.contentWindow.postMessage(message, "*") })
          this.queue = []
          return
        }
        if (data && data.__atlasWorkerFrame === "error") {
          var error = new ErrorEvent("error", { message: String(data.message) })
          this.dispatchEvent(error)
          if (this.onerror) this.onerror(error)
          return
        }
        var message = new MessageEvent("message", { data: data })
        this.dispatchEvent(message)
        if (this.onmessage) this.onmessage(message)
      }.bind(this)
      window.addEventListener("message", this.listener)
      ;(document.body || document.documentElement).appendChild(frame)
    }

    postMessage(data) {
      if (this.ready) this.frame.contentWindow.postMessage(data, "*")
      else this.queue.push(data)
    }

    terminate() {
      window.removeEventListener("message", this.listener)
      this.frame.remove()
    }
  }

  window.Worker = FrameWorker
})()
