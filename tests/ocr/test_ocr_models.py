"""The model manifest, the flushed copies and the rapid engine on a real page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from docproc.errors import EXIT_DEPENDENCY, ModelIntegrityError, OcrError, UsageError
from docproc.ocr import get_engine
from docproc.ocr.models import load_manifest, model_path, sha256_of_file, wheel_model_dir
from docproc.ocr.prepare_models import flush_denormals, main, prepare_all

REPO = Path(__file__).resolve().parents[2]
REAL_PAGE = Path(__file__).resolve().parents[2] / "fixtures" / "govdoc-cn-397" / "397_1.png"


def test_manifest_names_the_three_bundled_models_with_licence() -> None:
    manifest = load_manifest()
    assert manifest.source_package == "rapidocr"
    assert sorted(manifest.models) == ["cls", "det", "rec"]
    det = manifest.entry("det")
    assert det.file == "PP-OCRv6_det_small.onnx"
    assert det.licence == "Apache-2.0"
    assert det.prepared is not None and det.prepared.denormals_flushed == 255958
    assert manifest.entry("cls").prepared is None
    for entry in manifest.models.values():
        path = wheel_model_dir(manifest) / entry.file
        assert path.stat().st_size == entry.size


def test_flush_denormals_zeroes_only_denormal_weights() -> None:
    import onnx
    from onnx import helper, numpy_helper

    weights = np.array([1e-40, -3e-39, 0.5, 0.0, 1.2e-38], dtype=np.float32)
    node = helper.make_node("Add", ["x", "w"], ["y"])
    graph = helper.make_graph(
        [node],
        "g",
        [helper.make_tensor_value_info("x", onnx.TensorProto.FLOAT, [5])],
        [helper.make_tensor_value_info("y", onnx.TensorProto.FLOAT, [5])],
        [numpy_helper.from_array(weights, "w")],
    )
    model = helper.make_model(graph)
    assert flush_denormals(model) == 2
    assert numpy_helper.to_array(model.graph.initializer[0]).tolist() == [
        0.0,
        0.0,
        0.5,
        0.0,
        pytest.approx(1.2e-38),
    ]


def test_prepare_models_is_idempotent_and_remakes_a_damaged_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCPROC_MODEL_DIR", str(tmp_path))
    manifest = load_manifest()
    assert main([]) == 0
    det = tmp_path / "PP-OCRv6_det_small.ftz.onnx"
    assert sha256_of_file(det) == manifest.entry("det").prepared.sha256  # type: ignore[union-attr]
    first = det.stat().st_mtime_ns
    prepare_all()
    assert det.stat().st_mtime_ns == first  # a matching copy is left alone
    with det.open("r+b") as handle:
        handle.seek(1000)
        handle.write(b"\x00\x01\x02")
    with pytest.raises(ModelIntegrityError) as caught:
        model_path("det")
    assert caught.value.exit_code == EXIT_DEPENDENCY
    assert "python -m docproc.ocr.prepare_models" in caught.value.one_line()
    prepare_all()
    assert model_path("det") == det
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "PP-OCRv6_det_small.ftz.onnx",
        "PP-OCRv6_rec_small.ftz.onnx",
    ]


def test_a_missing_copy_is_made_on_first_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCPROC_MODEL_DIR", str(tmp_path / "cache"))
    assert model_path("rec") == tmp_path / "cache" / "PP-OCRv6_rec_small.ftz.onnx"


def test_a_manifest_that_does_not_match_the_wheel_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = json.loads((REPO / "models" / "ocr" / "manifest.json").read_text(encoding="utf-8"))
    raw["models"][2]["sha256"] = "0" * 64
    altered = tmp_path / "manifest.json"
    altered.write_text(json.dumps(raw), encoding="utf-8")
    monkeypatch.setenv("DOCPROC_OCR_MANIFEST", str(altered))
    with pytest.raises(
        ModelIntegrityError, match="pip install --force-reinstall 'rapidocr==3.10.0'"
    ):
        model_path("cls")
    monkeypatch.setenv("DOCPROC_OCR_MANIFEST", str(tmp_path / "absent.json"))
    with pytest.raises(ModelIntegrityError, match="manifest not found"):
        load_manifest()


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"threads": 0}, "threads"),
        ({"det_limit_side_len": "big"}, "det_limit_side_len"),
        ({"text_score": 2.0}, "text_score"),
    ],
)
def test_rapid_refuses_bad_options(options: dict[str, object], message: str) -> None:
    with pytest.raises(UsageError, match=message):
        get_engine("rapid", **options)


@pytest.fixture(scope="module")
def rapid():  # type: ignore[no-untyped-def]
    return get_engine("rapid")


@pytest.mark.slow
def test_rapid_reads_the_real_page(rapid) -> None:  # type: ignore[no-untyped-def]
    image = np.array(Image.open(REAL_PAGE).convert("RGB"))
    lines = rapid.recognize(image)
    texts = [line.text for line in lines]
    assert "发改办财金规〔2019〕860号" in texts
    assert "关于加强个人所得税纳税信用建设的通知" in texts
    number = lines[texts.index("发改办财金规〔2019〕860号")]
    x0, y0, x1, y1 = number.box
    # the doc number sits centred below the red header, at about y = 405 px of 1584
    assert 380 < y0 < y1 < 440 and 380 < x0 < x1 < 850
    assert number.confidence > 0.95
    assert all(0.5 <= line.confidence <= 1.0 for line in lines)


@pytest.mark.slow
def test_rapid_reads_nothing_on_a_blank_page(rapid) -> None:  # type: ignore[no-untyped-def]
    assert rapid.recognize(np.full((1754, 1240, 3), 255, np.uint8)) == []
    with pytest.raises(OcrError):
        rapid.recognize(np.zeros((10, 10), np.uint8))


@pytest.mark.slow
def test_choosing_rapid_never_imports_paddleocr() -> None:
    code = (
        "import sys, docproc.ocr\n"
        "from docproc.ocr import get_engine\n"
        "get_engine('rapid')\n"
        "assert 'paddleocr' not in sys.modules and 'paddle' not in sys.modules\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.stdout.strip() == "ok", done.stderr
