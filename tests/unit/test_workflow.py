"""Publishing setup: the GitHub workflow (which `make lint` checks with actionlint) uses make targets that exist
on the Debian release the project is tested on."""

from __future__ import annotations

import re
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
