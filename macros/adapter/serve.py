"""`make serve`: build, serve the last good site, rebuild on every edit, reload the browser.

- Every edit under data/, docs/, macros/, overrides/ or of mkdocs.yml (files added and
  deleted included) runs `python -m macros build` in a fresh process: the generation step,
  then a strict MkDocs build with the macros of the hand-written pages reading the data
  anew, so every page sees the change.
- Each build goes into a new folder; only a build that succeeds is swapped in. While the
  data or a page is broken, the problem lines are printed here and the last good site is
  served: a request never waits for a build (MkDocs's own server holds requests while a
  build is failing).
- Pages are served by a small HTTP server of ours that adds one script to each HTML page
  (`/__atlas/reload.js`, a file, as the CSP wants), which reloads the page when a newer
  build is swapped in.
- Ctrl-C or SIGTERM stops the watcher, a running build (its whole process group) and the
  server. Each child asks the kernel for SIGTERM should this process die first, so killing
  `make serve` by any means leaves nothing holding the port.
"""

from __future__ import annotations

import ctypes
import http.server
import os
import shutil
import signal
import socketserver
import subprocess
import sys
import threading
import time
from pathlib import Path

from macros.data.files import is_editor_leftover

ROOT = Path(__file__).resolve().parents[2]
DEBOUNCE = 0.3
RELOAD_PATH = "/__atlas/reload.js"
EPOCH_PATH = "/__atlas/epoch"
RELOAD_SCRIPT = b"""// make serve only: reload the page when a newer build has been swapped in.
(function () {
  var epoch = null
  function poll() {
    fetch("/__atlas/epoch", { cache: "no-store" }).then(function (r) { return r.text() }).then(function (text) {
      if (epoch === null) epoch = text
      else if (text !== epoch) return location.reload()
      setTimeout(poll, 700)
    }, function () { setTimeout(poll, 2000) })
  }
  poll()
})()
"""


def _die_with_parent() -> None:
    """In a child (preexec_fn) and in this process: SIGTERM when the parent dies."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _signal_builds(builds: list[subprocess.Popen], signum: int) -> None:
    """Signal each running build's whole process group (it runs MkDocs in a child)."""
    for proc in builds:
        try:
            os.killpg(proc.pid, signum)
        except ProcessLookupError:
            pass


class _Site:
    """The folder of the last good build, and a counter readers' pages poll."""

    def __init__(self) -> None:
        self.folder: Path | None = None
        self.epoch = 0
        self.lock = threading.Lock()

    def swap(self, folder: Path) -> Path | None:
        with self.lock:
            old, self.folder = self.folder, folder
            self.epoch += 1
        return old


def _handler(site: _Site):
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def translate_path(self, path):
            folder = site.folder
            self.directory = str(folder) if folder else str(ROOT)
            return super().translate_path(path)

        def do_GET(self):
            route = self.path.split("?", 1)[0]
            if route == RELOAD_PATH:
                return self._send(200, "text/javascript", RELOAD_SCRIPT)
            if route == EPOCH_PATH:
                return self._send(200, "text/plain", str(site.epoch).encode())
            if site.folder is None:
                return self._send(503, "text/plain", b"The first build is running; this page reloads itself.\n")
            path = Path(self.translate_path(self.path))
            if path.is_dir() and route.endswith("/"):
                path = path / "index.html"
            if path.suffix == ".html" and path.is_file():
                body = path.read_bytes()
                tag = f'<script src="{RELOAD_PATH}"></script>'.encode()
                body = body.replace(b"</body>", tag + b"</body>", 1) if b"</body>" in body else body + tag
                return self._send(200, "text/html; charset=utf-8", body)
            return super().do_GET()

        def _send(self, status: int, kind: str, body: bytes):
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return Handler


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def _watch(changed: threading.Event, out: Path):
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer


    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            path = str(getattr(event, "dest_path", "") or event.src_path)
            if "__pycache__" in path or path.endswith(".pyc") or path.startswith(str(out)) or is_editor_leftover(Path(path).name):
                return
            if event.event_type in ("opened", "closed_no_write"):
                return
            changed.set()

    watched = [ROOT / "data", ROOT / "docs", ROOT / "macros", ROOT / "overrides", ROOT / "mkdocs.yml"]
    if os.environ.get("ATLAS_DATA_DIR"):
        watched.append(Path(os.environ["ATLAS_DATA_DIR"]))
    observer = Observer()
    for path in watched:
        if path.is_dir():
            observer.schedule(Handler(), str(path), recursive=True)
        elif path.is_file():
            observer.schedule(Handler(), str(path.parent), recursive=False)
    observer.start()
    return observer


def serve(out: Path, dev_addr: str) -> int:
    _die_with_parent()
    out = out.resolve()
    builds = out / "serve"
    shutil.rmtree(builds, ignore_errors=True)
    builds.mkdir(parents=True)
    host, _, port = dev_addr.rpartition(":")
    site = _Site()
    try:
        server = _Server((host or "127.0.0.1", int(port)), _handler(site))
    except OSError as err:
        print(f"serve: cannot listen on {dev_addr}: {err.strerror}", file=sys.stderr)
        return 2
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serve: http://{dev_addr}/ (the last good build; every edit rebuilds)", flush=True)

    changed = threading.Event()
    stopping = threading.Event()
    child: list[subprocess.Popen] = []

    def stop(signum=None, frame=None):
        stopping.set()
        changed.set()
        _signal_builds(child, signal.SIGTERM)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    observer = _watch(changed, out)
    count = 0
    try:
        changed.set()
        while not stopping.is_set():
            if not changed.wait(0.5):
                continue
            time.sleep(DEBOUNCE)
            changed.clear()
            if stopping.is_set():
                break
            count += 1
            target = builds / f"site-{count}"
            start = time.monotonic()
            proc = subprocess.Popen([sys.executable, "-m", "macros", "build", "--out", str(out), "--site-dir", str(target)],
                                    cwd=ROOT, start_new_session=True, preexec_fn=_die_with_parent)
            child[:] = [proc]
            status = proc.wait()
            child.clear()
            if stopping.is_set():
                break
            if status == 0:
                old = site.swap(target)
                print(f"serve: rebuilt in {time.monotonic() - start:.1f} s; pages reload", flush=True)
                if old is not None:
                    shutil.rmtree(old, ignore_errors=True)
            else:
                shutil.rmtree(target, ignore_errors=True)
                what = "still serving the last good site" if site.folder else "nothing to serve yet"
                print(f"serve: {what}; fix the lines above", file=sys.stderr, flush=True)
        return 0
    finally:
        observer.stop()
        server.shutdown()
        server.server_close()
        _signal_builds(child, signal.SIGKILL)
