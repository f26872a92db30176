"""docproc installed from its wheel, not from the checkout: the wheel carries models/ and templates/,
and ``ocr`` → ``extract`` → ``ledger`` run from it on a scanned notice.

The wheel is built without an index or build isolation (setuptools and wheel come from the
development virtualenv), and the fresh virtualenv gets it alone (``--no-deps --no-index``); its
dependencies come from the development virtualenv through one ``.pth`` line, so nothing is
downloaded and the step stays short. It runs outside the repository, with no ``DOCPROC_*``
variable set, so only the wheel's files are there to find.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import openpyxl
import pytest

from tests.conftest import FIXTURES_DIR, REPO_DIR

pytestmark = pytest.mark.slow

SCAN = FIXTURES_DIR / "notices" / "owners-deadlines-deqing" / "degraded.pdf"  # two scanned pages


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DOCPROC_") and k != "PYTHONPATH"}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
    return done


# What a source distribution holds: the package, its data folders and the build files. The wheel
# is built from a copy of these, so no build/ folder is left in (or taken from) the checkout.
SOURCE = ["setup.py", "setup.cfg", "pyproject.toml", "README.md", "docproc", "models", "templates"]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source, folder = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("dist")
    for name in SOURCE:
        if (REPO_DIR / name).is_dir():
            shutil.copytree(REPO_DIR / name, source / name, ignore=shutil.ignore_patterns("__pycache__", "_bundled"))
        else:
            shutil.copy(REPO_DIR / name, source / name)
    _run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-index", "--no-build-isolation",
          "-w", str(folder), str(source)], cwd=folder)
    (built,) = folder.glob("docproc-*.whl")
    return built


def test_the_wheel_carries_models_and_templates(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for folder in ("models", "templates"):
        in_repository = {p.relative_to(REPO_DIR).as_posix() for p in (REPO_DIR / folder).rglob("*") if p.is_file()}
        tracked = subprocess.run(["git", "ls-files", folder], cwd=REPO_DIR, capture_output=True, text=True,
                                 check=True).stdout.split()
        assert tracked and set(tracked) <= in_repository
        assert {f"docproc/_bundled/{name}" for name in tracked} <= names


def test_ocr_extract_ledger_from_the_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=tmp_path).stdout.strip())
    (site / "dependencies-from-dev-venv.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", "--no-index",
          str(wheel)], cwd=tmp_path)
    where = _run([str(python), "-c", "import docproc, docproc.resources as r; print(docproc.__file__, "
                  "r.models_dir() / 'ocr' / 'manifest.json', r.templates_dir() / 'ledger.html.j2', sep='\\n')"],
                 cwd=tmp_path)
    found = [Path(p) for p in where.stdout.split()]
    assert [p.is_relative_to(site) and p.is_file() for p in found] == [True, True, True]

    docproc = venv / "bin" / "docproc"
    out = tmp_path / "out"
    _run([str(docproc), "ocr", str(SCAN), "-o", str(out), "--no-progress"], cwd=tmp_path)
    _run([str(docproc), "extract", str(out / "degraded.document.json"), "-o", str(out)], cwd=tmp_path)
    _run([str(docproc), "ledger", str(out / "degraded.notice.json"), "-o", str(out / "台账.xlsx")], cwd=tmp_path)
    rows = list(openpyxl.load_workbook(out / "台账.xlsx").active.iter_rows(values_only=True))
    assert any(row and "市场监管" in " ".join(str(v) for v in row if v) for row in rows)
