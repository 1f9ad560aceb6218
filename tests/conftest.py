"""Shared fixtures: project paths, small data sets, one real build per session, a local
HTTP server for the built site, and a Chromium browser driven by Playwright.

Browser tests drive the Debian `chromium` package (`make test` installs it); they never
skip: a missing browser is a failure.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import io
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
FIXTURES = TESTS / "fixtures"
# The Node tests of the search engine (tests/js/search.test.js) write their fixture with
# the project's Python: the one running these tests.
os.environ.setdefault("ATLAS_PYTHON", sys.executable)
CHROMIUM = os.environ.get("ATLAS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # No host name resolves but loopback's: no test can reach the network, whatever it loads
    # (pages, workers, images), and without a Playwright route, which sends every request
    # through this process and back (page loads took about half as long again with one).
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


def is_local(url: str) -> bool:
    """A request that stays on this machine: the test server, data:, blob: and file: URLs."""
    host = url.split("/")[2] if "://" in url else ""
    return url.startswith(("http://127.0.0.1", "data:", "blob:", "file:")) or host.startswith("127.0.0.1")


LEVELS = {
    "unit": (),  # our code on small inputs: no real data, no build, no browser
    "data": (),  # the project's real data, loaded once per worker: no build, no browser
    "site": ("build",),  # built HTML: the real site (built once per run) or a small build
    "browser": ("build", "browser"),  # Chromium through Playwright
}


def pytest_collection_modifyitems(items):
    """A test's level is its folder (tests/unit, data, site, browser); the `build` and
    `browser` markers follow from it, so `-m "not build"` still selects the fast levels."""
    for item in items:
        level = Path(str(item.fspath)).parent.name
        assert level in LEVELS, f"{item.nodeid}: a test belongs in one of tests/{', '.join(LEVELS)}"
        for marker in LEVELS[level]:
            item.add_marker(getattr(pytest.mark, marker))


@functools.cache
def real_data() -> tuple:
    """(catalog, problems) of the project's data/, loaded once per test session and shared
    by every module: tests read it and never change it."""
    from macros.data.dataset import load_catalog

    return load_catalog(ROOT / "data", ROOT)


@functools.cache
def real_questions() -> list:
    """Every practice question the real data makes, generated once per test worker (no test
    module builds it at import: collecting runs on every worker)."""
    from macros.features.practice.questions import all_questions

    return all_questions(real_data()[0])


@pytest.fixture(scope="session")
def questions() -> list:
    return real_questions()


@pytest.fixture(scope="session")
def exam_questions(questions) -> list:
    return [q for q in questions if q.style == "exam"]


@functools.lru_cache(maxsize=None)
def soup_of(path: Path):
    """A built page parsed once per test worker and shared (tests read it, never change it)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(Path(path).read_text(encoding="utf-8"), "html.parser")


@functools.lru_cache(maxsize=None)
def tree_of(path: Path):
    """A built page parsed by lxml (C, about 30 times faster than BeautifulSoup), once per
    test worker: for the tests that read every page of the site."""
    import lxml.html

    return lxml.html.fromstring(Path(path).read_bytes())


def text_of(el, between: str = "") -> str:
    """An element's text nodes joined by `between` (as BeautifulSoup's get_text), whitespace
    runs collapsed; comments are not text."""
    return " ".join(between.join(el.xpath(".//text()")).split())


def make_data(dest: Path, overlay: Path | None = None, remove: list[str] = ()) -> Path:
    """A data directory: the mini fixture entities, the real vocabularies, then an overlay."""
    data = dest / "data"
    shutil.copytree(FIXTURES / "mini", data)
    shutil.copytree(ROOT / "data" / "vocab", data / "vocab")
    for rel in remove:
        (data / rel).unlink()
    if overlay is not None and overlay.is_dir():
        shutil.copytree(overlay, data, dirs_exist_ok=True)
    return data


@contextlib.contextmanager
def vocabularies_read_once(data_root: Path):
    """For the property tests, whose examples change entity files only, never data/vocab/:
    each example would read the same vocabularies into the same terms (about 40% of a
    load_catalog call on the mini data). They are read once, by the loader's own
    load_vocabularies, and every later call for this data_root gets fresh dicts of those
    terms (build_catalog only reads them); the rest of load_catalog runs in full."""
    from macros.data import dataset

    real = dataset.load_vocabularies
    vocab, problems = real(data_root, data_root.parent)

    def once(data_dir, root):
        if (data_dir, root) != (data_root, data_root.parent):
            return real(data_dir, root)
        return {name: dict(terms) for name, terms in vocab.items()}, list(problems)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dataset, "load_vocabularies", once)
        yield


@pytest.fixture(scope="module")
def vocabularies_once(data_root):
    """vocabularies_read_once for a module's `data_root` fixture (the property tests)."""
    with vocabularies_read_once(data_root):
        yield


def load_with_file(data_root: Path, rel: str, text: str):
    """load_catalog with one data file replaced by `text`, the file restored afterwards."""
    from macros.data.dataset import load_catalog

    target = data_root / rel
    original = target.read_bytes()
    try:
        target.write_text(text)
        return load_catalog(data_root, data_root.parent)
    finally:
        target.write_bytes(original)


@pytest.fixture
def mini_data(tmp_path: Path) -> Path:
    return make_data(tmp_path)


def mkdocs_build(site_dir: Path, data_dir: Path | None = None, **env_vars: str) -> subprocess.CompletedProcess:
    """`python -m macros build`: the generation step into a folder beside the site, then a
    strict MkDocs build of it."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env_vars)
    if data_dir is not None:
        env["ATLAS_DATA_DIR"] = str(data_dir)
    out = site_dir.parent / (site_dir.name + "-generated")
    return subprocess.run(
        [sys.executable, "-m", "macros", "build", "--out", str(out), "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def _shared(tmp_path_factory, name: str, make) -> Path:
    """A build shared by every test worker of this run (pytest-xdist): the first worker to
    ask makes it under a lock, the others wait for it and reuse it; it is never rebuilt."""
    from filelock import FileLock

    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # one folder for every worker of this run
    folder = base / f"shared-{name}"
    with FileLock(str(folder) + ".lock"):
        done = folder / ".done"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            make(folder)
            done.write_text("ok")
    return folder


def _build_real(folder: Path) -> None:
    result = mkdocs_build(folder / "site")
    assert result.returncode == 0, result.stdout + result.stderr


def _build_bundle(folder: Path) -> None:
    import zipfile

    site = folder / "aws-ml-atlas"
    result = mkdocs_build(site, ATLAS_OFFLINE="true")
    assert result.returncode == 0, result.stdout + result.stderr
    archive = folder / "aws-ml-atlas-offline.zip"
    subprocess.run([sys.executable, "-m", "zipfile", "-c", str(archive), site.name], cwd=folder, check=True)
    with zipfile.ZipFile(archive) as z:
        z.extractall(folder / "unzipped")


@pytest.fixture(scope="session", autouse=True)
def _builds_in_parallel(request, tmp_path_factory):
    """With two workers, the second starts on the offline bundle while the first builds the
    site, so the two builds overlap instead of queueing (when any selected test needs it)."""
    needed = any("bundle" in getattr(item, "fixturenames", ()) for item in request.session.items)
    if needed and os.environ.get("PYTEST_XDIST_WORKER") == "gw1":
        _shared(tmp_path_factory, "bundle", _build_bundle)


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Path:
    """The real project, built once per run with --strict."""
    return _shared(tmp_path_factory, "real", _build_real) / "site"


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Path:
    """The offline bundle as `make dist` makes it (ATLAS_OFFLINE=true, zipped, unzipped),
    built once per run in a temporary folder, never in the working tree."""
    return _shared(tmp_path_factory, "bundle", _build_bundle) / "unzipped" / "aws-ml-atlas"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output clean
        pass


class _GzipHandler(_QuietHandler):
    """Compresses text responses, as a real host (GitHub Pages) does; for `make bench`."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the base class redirects to the slash URL
            path = path / "index.html"
        compressible = path.suffix in (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv")
        if not (compressible and path.is_file() and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(directory: Path, compress: bool = False):
    handler = functools.partial(_GzipHandler if compress else _QuietHandler, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


@pytest.fixture(scope="session")
def real_url(real_site):
    server, url = serve(real_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: `make test` installs the Debian chromium package"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def offline_page(browser):
    """A page whose every request to a host other than 127.0.0.1 is recorded (page.blocked)
    and fails: the browser resolves no other host (CHROMIUM_ARGS). The tests inject axe-core
    as an inline script, so this page ignores the site's Content-Security-Policy;
    tests/browser/test_csp.py checks the policy in pages that do not."""
    context = browser.new_context(bypass_csp=True)
    blocked: list[str] = []
    errors: list[str] = []
    context.on("request", lambda request: None if is_local(request.url) else blocked.append(request.url))
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.blocked = blocked
    page.js_errors = errors
    yield page
    context.close()


def search_index(site: Path) -> dict:
    """The documents and index our search ships (search/atlas-index.js)."""
    from macros.site.scripts import read_data_script

    return read_data_script((site / "search" / "atlas-index.js").read_text(encoding="utf-8"), "__atlasSearch")
