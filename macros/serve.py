"""`make serve`: generate, run `mkdocs serve` on the generated project, regenerate on edits.

- Every edit under data/, docs/ or macros/ regenerates the build folder in a fresh
  process (so edited Python and templates take effect); only changed files are
  rewritten, and `mkdocs serve` reloads the browser.
- While the data is broken, the problem lines are printed here and the build folder is
  left as it was, so the last good site keeps being served.
- Ctrl-C, or SIGTERM to this process, stops `mkdocs serve` (its whole process group) too.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEBOUNCE = 0.3


def _generate(out: Path) -> int:
    return subprocess.run([sys.executable, "-m", "macros", "generate", "--out", str(out)], cwd=ROOT).returncode


def serve(out: Path, dev_addr: str) -> int:
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    from .__main__ import mkdocs_command

    out = out.resolve()
    changed = threading.Event()
    stopping = threading.Event()

    class Handler(FileSystemEventHandler):
        def on_any_event(self, event):
            path = str(getattr(event, "dest_path", "") or event.src_path)
            if "__pycache__" in path or path.endswith((".tmp-atlas", ".pyc", "~", ".swp")) or path.startswith(str(out)):
                return
            if event.event_type in ("opened", "closed_no_write"):
                return
            changed.set()

    watched = [ROOT / "data", ROOT / "docs", ROOT / "macros", ROOT / "mkdocs.yml"]
    if os.environ.get("ATLAS_DATA_DIR"):
        watched.append(Path(os.environ["ATLAS_DATA_DIR"]))
    observer = Observer()
    for path in watched:
        if path.is_dir():
            observer.schedule(Handler(), str(path), recursive=True)
        elif path.is_file():
            observer.schedule(Handler(), str(path.parent), recursive=False)
    observer.start()

    status = _generate(out)
    while status != 0 and not (out / "mkdocs.yml").is_file():
        print("serve: waiting for the data to be fixed (Ctrl-C to stop)", file=sys.stderr)
        while not changed.wait(0.5):
            pass
        time.sleep(DEBOUNCE)
        changed.clear()
        status = _generate(out)

    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    child = subprocess.Popen(mkdocs_command(out, "serve", "--dev-addr", dev_addr), env=env, start_new_session=True)

    def stop(signum=None, frame=None):
        stopping.set()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        while not stopping.is_set():
            if child.poll() is not None:
                return child.returncode
            if changed.wait(0.2):
                time.sleep(DEBOUNCE)
                changed.clear()
                if _generate(out) != 0:
                    print("serve: still serving the last good site; fix the lines above", file=sys.stderr)
        return 0
    finally:
        observer.stop()
        if child.poll() is None:
            try:
                os.killpg(child.pid, signal.SIGTERM)
                child.wait(10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                try:
                    os.killpg(child.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
