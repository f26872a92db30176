"""Photographed pages: CER with and without flattening (page quadrilateral, perspective, light).

    python -m bench.photos

Photos: ``fixtures/photos/*.jpg`` (synthesised from rendered pages by ``tools/synthesise_photos.py``:
tilt, shadow, curl; ``photos.json`` names each one's reference) and the real photographed form
``fixtures/realforms/national-scholarship-approval`` (a phone photo; its reference marks the
pixelated runs U+FFFD, so its CER is an upper bound). Each is read twice by the default engine:
with ``Recognizer(flatten_photos=False)`` (deskew only) and with the default (flattened first).
CER is whitespace-free against the reference in the width policy (``bench.real_pages``).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

REPO_DIR = Path(__file__).resolve().parent.parent
PHOTOS_DIR = REPO_DIR / "fixtures" / "photos"
REAL_PHOTO = REPO_DIR / "fixtures" / "realforms" / "national-scholarship-approval"


def photo_cases() -> list[tuple[str, str, Path, Path]]:
    """(name, effect, photo, reference) of every photo with a reference."""
    cases = []
    listing = json.loads((PHOTOS_DIR / "photos.json").read_text(encoding="utf-8"))
    for entry in listing:
        cases.append((entry["photo"], entry["effect"], PHOTOS_DIR / entry["photo"],
                      REPO_DIR / "fixtures" / entry["reference"]))
    real = sorted(REAL_PHOTO.glob("input.*"))
    if real and (REAL_PHOTO / "reference.txt").exists():
        cases.append((REAL_PHOTO.name, "real photo", real[0], REAL_PHOTO / "reference.txt"))
    return cases


def run(results: dict[str, Any]) -> None:
    """Adds ``results["photos"]`` and prints a table."""
    from bench.real_pages import policy_reference
    from docproc.metrics import character_error_rate
    from docproc.pipeline import Recognizer

    flattened, plain = Recognizer(), Recognizer(flatten_photos=False)
    plain._engine = flattened.engine  # one model for both
    rows = []
    for name, effect, photo, reference in photo_cases():
        expected = policy_reference(reference.read_text(encoding="utf-8"))
        before = character_error_rate(plain.recognize(photo).text, expected)
        started = time.perf_counter()
        document = flattened.recognize(photo)
        seconds = time.perf_counter() - started
        after = character_error_rate(document.text, expected)
        rows.append({"photo": name, "effect": effect, "cer_deskew_only": round(before, 5),
                     "cer_flattened": round(after, 5), "quad_found": document.pages[0].quad is not None,
                     "seconds": round(seconds, 2)})
    synthetic = [r for r in rows if r["effect"] != "real photo"]
    summary = {
        "synthetic_pages": len(synthetic),
        "mean_cer_deskew_only": round(sum(r["cer_deskew_only"] for r in synthetic) / max(len(synthetic), 1), 5),
        "mean_cer_flattened": round(sum(r["cer_flattened"] for r in synthetic) / max(len(synthetic), 1), 5),
    }
    results["photos"] = {"summary": summary, "photos": rows}
    print(f"{'photo':34} {'effect':11} {'deskew only':>12} {'flattened':>10}  quad")
    for r in rows:
        print(f"{r['photo']:34} {r['effect']:11} {r['cer_deskew_only']:12.2%} {r['cer_flattened']:10.2%}  "
              f"{'yes' if r['quad_found'] else 'no'}")
    print(f"{'synthetic photos, mean':46} {summary['mean_cer_deskew_only']:12.2%} {summary['mean_cer_flattened']:10.2%}")


def main() -> int:
    run({})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
