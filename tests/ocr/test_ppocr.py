"""docproc.ocr.ppocr: PP-OCR's steps read a page exactly as rapidocr 3.10 does, without importing it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image

from docproc.ocr import get_engine
from docproc.ocr.models import model_path
from docproc.ocr.ppocr import (
    DET_TABLE,
    LINE_TABLE,
    PageScale,
    boxes_to_page,
    ctc_decode,
    pad_wide_page,
    scale_within_bounds,
    sort_boxes,
)

REPO = Path(__file__).resolve().parents[2]
REAL_PAGE = REPO / "fixtures" / "govdoc-cn-397" / "397_1.png"
CHARACTERS = ["blank", "关", "于", "A", "1", " "]


def test_pixel_tables_give_rapidocrs_arithmetic_for_every_value() -> None:
    pixels = np.arange(256, dtype=np.uint8).reshape(1, 256, 1).repeat(3, axis=2)
    # rapidocr's detector: float32 scaling, float64 mean and std, then float32
    det = (pixels.astype("float32") * (1 / 255.0) - np.array([0.5] * 3)) / np.array([0.5] * 3)
    assert np.array_equal(DET_TABLE, det.astype(np.float32)[0, :, 0])
    # its recogniser and line classifier: float32 throughout
    line = pixels.astype("float32").transpose((2, 0, 1)) / 255
    line -= 0.5
    line /= 0.5
    assert np.array_equal(LINE_TABLE, line[0, 0])
    assert (DET_TABLE[0], DET_TABLE[255], LINE_TABLE[0], LINE_TABLE[255]) == (-1.0, 1.0, -1.0, 1.0)


def probabilities_for(frames: list[int], confidence: float = 0.9) -> tuple[np.ndarray, np.ndarray]:
    table = np.full((len(frames), len(CHARACTERS)), (1 - confidence) / (len(CHARACTERS) - 1), np.float32)
    table[np.arange(len(frames)), frames] = confidence
    return table.argmax(axis=1), table.max(axis=1)


@pytest.mark.parametrize(
    ("frames", "text", "words", "word_cols"),
    [
        # repeats collapse, blanks separate a doubled character
        ([0, 0, 1, 1, 0, 2, 2, 0, 0], "关于", [["关", "于"]], [[2, 5]]),
        ([1, 0, 1], "关关", [["关", "关"]], [[0, 2]]),
        # a change from Chinese to Latin/digits starts a word; a space ends one
        ([1, 2, 3, 4, 5, 1], "关于A1 关", [["关", "于"], ["A", "1"], ["关"]], [[0, 1], [2, 3], [5]]),
        # a gap of more than 5 frames starts a word
        ([1, 0, 0, 0, 0, 0, 0, 2], "关于", [["关"], ["于"]], [[0], [7]]),
        ([0, 0, 0], "", [], []),
    ],
)
def test_ctc_decode(frames: list[int], text: str, words: list[list[str]], word_cols: list[list[int]]) -> None:
    indices, probabilities = probabilities_for(frames)
    reading = ctc_decode(indices, probabilities, CHARACTERS)
    assert (reading.text, reading.words, reading.word_cols) == (text, words, word_cols)
    assert reading.confs == ([0.9] * len(text) if text else [0])
    assert reading.score == (0.9 if text else 0.0)


def test_boxes_sort_into_rows_read_left_to_right() -> None:
    def box(x: float, y: float) -> list[list[float]]:
        return [[x, y], [x + 50, y], [x + 50, y + 20], [x, y + 20]]

    boxes = np.array([box(300, 105), box(10, 100), box(10, 200), box(150, 109)], dtype=np.float32)
    assert sort_boxes(boxes)[:, 0, :].tolist() == [[10, 100], [150, 109], [300, 105], [10, 200]]


@pytest.mark.parametrize(
    ("shape", "scaled_shape", "pad_top"),
    [
        ((2339, 1654), (1984, 1408), 0),  # a 200-dpi A4 page: long side to 2000, sides to multiples of 32
        ((1584, 1224), (1584, 1224), 0),  # small enough: as it is
        ((60, 700), (60, 700), 57),  # one line given as a page: padded to 2 x 700 / 8 px high
        ((20, 700), (32, 1056), 116),  # too low: scaled up to a 30-px short side, then padded
        ((19, 3508), (32, 1984), 232),  # a sliver of a page: shrunk to the long side, one 32-px row kept
    ],
)
def test_page_scaling_and_padding(shape: tuple[int, int], scaled_shape: tuple[int, int], pad_top: int) -> None:
    page = np.zeros((*shape, 3), np.uint8)
    scaled, scale = scale_within_bounds(page, 2000)
    assert scaled.shape[:2] == scaled_shape
    padded = pad_wide_page(scaled, scale)
    assert (scale.pad_top, padded.shape[0]) == (pad_top, scaled_shape[0] + 2 * pad_top)
    assert scale.ratio_h == pytest.approx(shape[0] / scaled_shape[0])


def test_boxes_map_back_onto_the_page_and_are_clipped() -> None:
    boxes = np.array([[[10, 20], [110, 20], [110, 40], [10, 40]], [[0, 5], [90, 5], [90, 70], [0, 70]]], np.float32)
    mapped = boxes_to_page(boxes, PageScale(ratio_h=2.0, ratio_w=1.5, pad_top=10), height=100, width=150)
    assert mapped.tolist() == [
        [[15, 20], [150, 20], [150, 60], [15, 60]],
        [[0, 0], [135, 0], [135, 100], [0, 100]],
    ]


def rapidocr_reader(**params: Any) -> Any:
    """rapidocr 3.10's own RapidOCR with the rapid engine's settings, on the same model files."""
    from rapidocr import RapidOCR

    return RapidOCR(
        params={
            "Global.log_level": "error",
            "Global.max_side_len": 2000,
            "Global.use_cls": params.get("use_cls", False),
            "Det.model_path": str(model_path("det")),
            "Det.limit_type": "max",
            "Det.limit_side_len": 1024,
            "Rec.model_path": str(model_path("rec")),
            "Rec.rec_batch_num": 1,
            "Cls.model_path": str(model_path("cls")),
        }
    )


@pytest.mark.slow
@pytest.mark.parametrize("line_orientation", [False, True])
def test_rapid_engine_reads_a_real_page_as_rapidocr_does(line_orientation: bool) -> None:
    image = np.array(Image.open(REAL_PAGE).convert("RGB"))
    theirs = rapidocr_reader(use_cls=line_orientation)(np.ascontiguousarray(image[:, :, ::-1]))
    ours = get_engine("rapid", line_orientation=line_orientation, char_positions=False).recognize(image)
    assert len(ours) == len(theirs.txts) > 20
    assert [line.text for line in ours] == list(theirs.txts)
    assert [line.confidence for line in ours] == [float(s) for s in theirs.scores]
    assert [line.polygon for line in ours] == [[(float(x), float(y)) for x, y in q] for q in theirs.boxes]


@pytest.mark.slow
def test_rapid_engine_reads_the_same_with_one_thread_or_two() -> None:
    image = np.array(Image.open(REAL_PAGE).convert("RGB"))[:800]
    one, two = (get_engine("rapid", threads=n).recognize(image) for n in (1, 2))
    assert [(ln.text, ln.confidence, ln.polygon) for ln in one] == [(ln.text, ln.confidence, ln.polygon) for ln in two]
    assert [[c.box for c in ln.chars or ()] for ln in one] == [[c.box for c in ln.chars or ()] for ln in two]


@pytest.mark.slow
def test_rapid_engine_never_imports_rapidocr() -> None:
    code = (
        "import sys\n"
        "import numpy as np\n"
        "from docproc.ocr import get_engine\n"
        "get_engine('rapid').recognize(np.full((200, 300, 3), 255, np.uint8))\n"
        "assert not [m for m in sys.modules if m.startswith(('rapidocr', 'omegaconf'))]\n"
        "print('ok')\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.strip() == "ok", done.stderr
