/*
 * Inside the offline bundle's worker frame (see iframe-worker.js): gives the worker script
 * what a web worker has (postMessage to its owner, importScripts, message events), then
 * loads it. Only a script inside this site may be loaded.
 */
(function () {
  "use strict"
  var siteRoot = new URL("../../../", document.currentScript.src)

  function tell(data) { parent.postMessage(data, "*") }

  function load(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script")
      script.src = url
      script.onload = resolve
      script.onerror = function () { reject(new Error("cannot load " + url)) }
      document.head.appendChild(script)
    })
  }

  // A worker's global postMessage answers its owner. Calls from the owner arrive as this
  // frame's own message events (the owner posts into this window), which is where a
  // worker script listens.
  window.postMessage = function (data) { tell(data) }
  window.importScripts = function () {
    var urls = Array.prototype.slice.call(arguments)
    return urls.reduce(function (done, url) { return done.then(function () { return load(url) }) }, Promise.resolve())
  }

  var target = new URL(decodeURIComponent(location.hash.slice(1)), location.href)
  if (target.href.indexOf(siteRoot.href) !== 0 || !/\.js$/.test(target.pathname)) {
    tell({ __atlasWorkerFrame: "error", message: "refused to run a worker from outside the site: " + target.href })
    return
  }
  load(target.href).then(
    function () { tell({ __atlasWorkerFrame: "ready" }) },
    function (err) { tell({ __atlasWorkerFrame: "error", message: String(err && err.message) }) })
})()
