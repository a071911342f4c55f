"""The wheel ships the bundled rules pack: `rules/*.yaml` becomes `checker/bundled_rules/`.

An installed claim-checker has no project folder beside it, so `load_rules()` with no
argument only works if pyproject.toml's force-include put the pack into the wheel.
The wheel is built offline (--no-build-isolation) with the hatchling already installed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytest.importorskip("hatchling", reason="hatchling (the build backend) is not installed; pip install hatchling to build the wheel offline")

PACK_FILES = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "--no-index", "-w", str(out)],
        check=False, capture_output=True, text=True, timeout=600,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    [built] = out.glob("claim_checker-*.whl")
    return built


def test_every_rules_file_is_in_the_wheel(wheel):
    assert PACK_FILES  # the source pack is there to compare with
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for name in PACK_FILES:
            packed = f"checker/bundled_rules/{name}"
            assert packed in names, f"{packed} missing from {wheel.name}"
            assert archive.read(packed) == (ROOT / "rules" / name).read_bytes()
    assert not any(n.startswith(("fixtures/", "tests/", "rules/")) for n in names)


def test_every_language_table_is_in_the_wheel(wheel):
    tables = sorted((ROOT / "checker" / "languages").glob("*.yaml"))
    assert tables
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for table in tables:
            assert f"checker/languages/{table.name}" in names, f"{table.name} missing from {wheel.name}"


def test_unpacked_wheel_loads_its_bundled_rules(wheel, tmp_path):
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    script = (
        "from checker.languages import grammar\n"
        "from checker.rulepack import bundled_rules_dir, load_rules\n"
        "pack = load_rules()\n"
        "assert grammar().particles\n"
        "print(bundled_rules_dir())\n"
        "print(len(pack.entities), len(pack.attributes), len(pack.facts))\n"
    )
    # run outside the project, with only the unpacked wheel ahead of site-packages
    env = {**os.environ, "PYTHONPATH": str(site)}
    ran = subprocess.run([sys.executable, "-c", script], check=False, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert ran.returncode == 0, ran.stderr
    folder, counts = ran.stdout.splitlines()
    assert Path(folder) == site / "checker" / "bundled_rules"
    assert all(int(n) > 0 for n in counts.split())
