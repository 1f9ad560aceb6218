"""What `build` and `serve` show a writer with broken data: one line per problem, never a
traceback, the last good site still served, and every process gone after a signal."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import ROOT, make_data, mkdocs_build


def test_build_with_broken_data_prints_problem_lines_and_no_traceback(tmp_path):
    data = make_data(tmp_path)
    store = data / "services" / "store.yml"
    store.write_text(store.read_text().replace("checked: 2026-11-21", "checked: 2026-13-45"))
    result = mkdocs_build(tmp_path / "site", data)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "not a real date" in output and "Traceback" not in output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except Exception as exc:  # noqa: BLE001 - connection refused while starting or after stopping
        return 0, str(exc)


def _wait(predicate, timeout: float) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)  # polling: each check is a local request or a read of the log
    return False


def test_serve_keeps_the_last_good_site_while_data_is_broken_and_stops_on_a_signal(tmp_path):
    data = make_data(tmp_path)
    port = _free_port()
    env = dict(os.environ, ATLAS_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", ATLAS_SITE_URL=f"http://127.0.0.1:{port}/")
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, "-m", "macros", "serve", "--out", str(tmp_path / "gen"), "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/services/store/"
    try:
        assert _wait(lambda: _get(url)[0] == 200, 120), (tmp_path / "serve.log").read_text()
        store = data / "services" / "store.yml"
        good = store.read_text()
        store.write_text(good.replace("category: storage", "category: storrage"))
        assert _wait(lambda: "storrage" in (tmp_path / "serve.log").read_text(), 60)
        status, body = _get(url)
        assert status == 200 and "Store Service" in body, "the last good site is no longer served"
        assert "Traceback" not in (tmp_path / "serve.log").read_text()
        started = time.monotonic()
        assert _get(url)[0] == 200 and time.monotonic() - started < 5, "a request waited for the failed build"
        store.write_text(good.replace("Keep objects.", "Keep objects safely."))
        assert _wait(lambda: "Keep objects safely." in _get(url)[1], 90), "a fixed edit did not reach the site"
        # An added and a deleted entity reach the hand-written pages too (their macros read the data anew).
        table = f"http://127.0.0.1:{port}/compare/algorithms/"
        beta = data / "algorithms" / "beta.yml"
        gamma = data / "algorithms" / "gamma.yml"
        gamma.write_text(beta.read_text().replace("name: Beta Clusters", "name: Gamma Clusters", 1))
        assert _wait(lambda: "Gamma Clusters" in _get(table)[1], 90), "an added entity did not reach a hand-written page"
        gamma.unlink()
        assert _wait(lambda: "Gamma Clusters" not in _get(table)[1] and _get(table)[0] == 200, 90), \
            "a deleted entity stayed on a hand-written page"
        assert "<script src=\"/__atlas/reload.js\"></script>" in _get(url)[1]
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(30)
        finally:
            log.close()
    assert proc.returncode == 0
    assert _wait(lambda: _get(url)[0] == 0, 15), "the server is still answering after serve stopped"


def test_a_signal_to_make_serve_stops_every_process_it_started(tmp_path):
    data = make_data(tmp_path)
    port = _free_port()
    env = dict(os.environ, ATLAS_DATA_DIR=str(data), NO_MKDOCS_2_WARNING="1", HOST=f"127.0.0.1:{port}")
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(["make", "--no-print-directory", "serve", f"HOST=127.0.0.1:{port}"], cwd=ROOT, env=env,
                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        assert _wait(lambda: _get(url)[0] == 200, 150), (tmp_path / "serve.log").read_text()
    finally:
        proc.send_signal(signal.SIGTERM)  # to make alone, as a terminal or a supervisor would
        proc.wait(30)
        log.close()
    assert _wait(lambda: _get(url)[0] == 0, 20), "something still answers on the port after make serve stopped"
    leftover = subprocess.run(["pgrep", "-f", f"macros serve --dev-addr 127.0.0.1:{port}"], capture_output=True, text=True)
    assert leftover.stdout.strip() == "", "the serve process outlived make"
