"""PP-OCR's detector (DB) and recogniser (CTC) on ONNX Runtime, step for step as rapidocr runs them.

The ``rapid`` engine loads the PP-OCRv6 models of the rapidocr wheel (``models/ocr/manifest.json``)
and reads a page exactly as rapidocr 3.10's ``RapidOCR`` does with docproc's settings — the same
scaling, padding, DB post-processing, line sorting, crops, recogniser input and CTC decoding,
number for number, so a page gives the same lines, boxes, scores and character columns (the
tests compare the two on rendered and real pages). The steps live here rather than being called
through rapidocr because importing rapidocr parses two YAML model catalogues with omegaconf at
import time: 0.45 s of every ``docproc ocr`` process, 7 % of the whole time on a 6-page run.

Two things differ in how the work is done, not in what comes out:

* the recogniser reads the lines of a page on ``workers`` threads, each running its own call on a
  one-thread ONNX Runtime session (ONNX Runtime releases the GIL), instead of one line at a time
  on a two-thread session: a line's small tensors leave a second intra-op thread waiting on every
  one of its ~300 operators. The outputs are bit-identical (the kernels split work by output, not
  by the sums inside one output);
* normalising pixels goes through a 256-entry table per model, built with the very arithmetic
  rapidocr applies to each pixel, instead of float64 arithmetic over the whole page.

rapidocr's code is Apache-2.0 (its DB post-processing and CTC decoding follow PaddleOCR's).
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

# a page whose short side is below this many px is scaled up before detection and crops
MIN_SIDE_LEN = 30
# a page wider than WIDE_PAGE_RATIO x its height, or lower than MIN_PAGE_HEIGHT, is padded
# above and below before detection (a single line given as a page)
WIDE_PAGE_RATIO = 8
MIN_PAGE_HEIGHT = 30
# DB post-processing: pixel threshold, box score threshold, most contours looked at, growth
DB_THRESH = 0.3
DB_BOX_THRESH = 0.5
DB_MAX_CANDIDATES = 1000
DB_UNCLIP_RATIO = 1.6
DB_MIN_SIZE = 3
# boxes whose top-left corners are closer than this in y count as one row when sorting
ROW_Y_THRESHOLD = 10
# recogniser input: 48 px high, at least 320 px wide (shorter lines are padded with zeros)
REC_HEIGHT = 48
REC_MIN_WIDTH = 320
# a line crop this much taller than wide is turned by 90 degrees (a vertical line)
VERTICAL_CROP_ASPECT = 1.5
# line orientation classifier input and the score above which a line is turned by 180 degrees
CLS_HEIGHT = 48
CLS_WIDTH = 192
CLS_THRESH = 0.9
CLS_BATCH = 6


def _det_table() -> np.ndarray:
    """Detector input value of each pixel value: (v / 255 − 0.5) / 0.5, as rapidocr computes it
    (float32 scaling, then float64 mean and std, stored as float32)."""
    scaled = np.arange(256).astype(np.float32) * (1 / 255.0)
    return ((scaled - np.array([0.5])) / np.array([0.5])).astype(np.float32)


def _line_table() -> np.ndarray:
    """Recogniser / classifier input value of each pixel value, in rapidocr's float32 steps."""
    values = np.arange(256).astype(np.float32) / 255
    values -= 0.5
    values /= 0.5
    return values


DET_TABLE = _det_table()
LINE_TABLE = _line_table()


def chw_bgr(image_rgb: np.ndarray, table: np.ndarray) -> np.ndarray:
    """An RGB uint8 image as the models' C x H x W float32 input: BGR channels, values by ``table``."""
    out = np.empty((3, *image_rgb.shape[:2]), dtype=np.float32)
    for channel in range(3):
        np.take(table, image_rgb[:, :, 2 - channel], out=out[channel])
    return out


@dataclass
class PageScale:
    """How the page given was scaled and padded for detection: boxes map back through it."""

    ratio_h: float = 1.0
    ratio_w: float = 1.0
    pad_top: int = 0


def scale_within_bounds(image: np.ndarray, max_side_len: int) -> tuple[np.ndarray, PageScale]:
    """Shrink a page whose long side exceeds ``max_side_len`` (or grow one whose short side is
    under MIN_SIDE_LEN) to sides that are multiples of 32, as rapidocr does."""
    scale = PageScale()
    if max(image.shape[:2]) > max_side_len:
        image, scale = _resize_to_32(image, float(max_side_len) / max(image.shape[:2]))
    if min(image.shape[:2]) < MIN_SIDE_LEN:
        image, scale = _resize_to_32(image, float(MIN_SIDE_LEN) / min(image.shape[:2]))
    return image, scale


def _resize_to_32(image: np.ndarray, ratio: float) -> tuple[np.ndarray, PageScale]:
    h, w = image.shape[:2]
    if h <= 0 or w <= 0:
        raise ValueError(f"a {w}x{h} page cannot be scaled for OCR")
    # a strip of a page (3508x19: a scanner's last sliver) keeps one row of 32 rather than vanishing
    resize_h = max(32, int(round(int(h * ratio) / 32) * 32))
    resize_w = max(32, int(round(int(w * ratio) / 32) * 32))
    return cv2.resize(image, (resize_w, resize_h)), PageScale(h / resize_h, w / resize_w)


def pad_wide_page(image: np.ndarray, scale: PageScale) -> np.ndarray:
    """Pad a very wide or very low page with black rows above and below (``scale.pad_top``)."""
    h, w = image.shape[:2]
    if h > MIN_PAGE_HEIGHT and w / h <= WIDE_PAGE_RATIO:
        return image
    padding = int(abs(max(int(w / WIDE_PAGE_RATIO), MIN_PAGE_HEIGHT) * 2 - h) / 2)
    scale.pad_top = padding
    return cv2.copyMakeBorder(image, padding, padding, 0, 0, cv2.BORDER_CONSTANT, value=(0, 0, 0))


def boxes_to_page(boxes: np.ndarray, scale: PageScale, height: int, width: int) -> np.ndarray:
    """Detection boxes (float32, n x 4 x 2) on the page as given, clipped to it."""
    boxes[:, :, 1] -= scale.pad_top
    boxes[:, :, 0] *= scale.ratio_w
    boxes[:, :, 1] *= scale.ratio_h
    boxes = np.where(boxes < 0, 0, boxes)
    boxes[..., 0] = np.where(boxes[..., 0] > width, width, boxes[..., 0])
    boxes[..., 1] = np.where(boxes[..., 1] > height, height, boxes[..., 1])
    return boxes


class TextDetector:
    """The DB text detector: quadrilaterals (float32, clockwise from top-left) and their scores."""

    def __init__(self, session: Any, limit_side_len: int) -> None:
        self.session = session
        self.input_name = session.get_inputs()[0].name
        self.limit_side_len = limit_side_len

    def __call__(self, image_rgb: np.ndarray) -> np.ndarray:
        h, w = image_rgb.shape[:2]
        ratio = float(self.limit_side_len) / max(h, w) if max(h, w) > self.limit_side_len else 1.0
        resize_h = int(round(int(h * ratio) / 32) * 32)
        resize_w = int(round(int(w * ratio) / 32) * 32)
        if resize_h <= 0 or resize_w <= 0:
            return np.zeros((0, 4, 2), dtype=np.float32)
        resized = cv2.resize(image_rgb, (resize_w, resize_h))
        tensor = chw_bgr(resized, DET_TABLE)[np.newaxis]
        probability = self.session.run(None, {self.input_name: tensor})[0][0, 0]
        boxes = db_boxes(probability, h, w)
        return sort_boxes(boxes) if len(boxes) else boxes


def db_boxes(probability: np.ndarray, height: int, width: int) -> np.ndarray:
    """The text boxes of a DB probability map, in pixels of a ``width`` x ``height`` page."""
    map_h, map_w = probability.shape
    mask = cv2.dilate((probability > DB_THRESH).astype(np.uint8), np.array([[1, 1], [1, 1]]))
    contours, _ = cv2.findContours((mask * 255).astype(np.uint8), cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    boxes = []
    for contour in contours[:DB_MAX_CANDIDATES]:
        points, short_side = _mini_box(contour)
        if short_side < DB_MIN_SIZE or _box_score(probability, points.reshape(-1, 2)) < DB_BOX_THRESH:
            continue
        box, short_side = _mini_box(_unclip(points))
        if short_side < DB_MIN_SIZE + 2:
            continue
        box[:, 0] = np.clip(np.round(box[:, 0] / map_w * width), 0, width)
        box[:, 1] = np.clip(np.round(box[:, 1] / map_h * height), 0, height)
        quad = _clockwise(box.astype(np.int32))
        for corner in quad:
            corner[0] = int(min(max(corner[0], 0), width - 1))
            corner[1] = int(min(max(corner[1], 0), height - 1))
        if int(np.linalg.norm(quad[0] - quad[1])) <= 3 or int(np.linalg.norm(quad[0] - quad[3])) <= 3:
            continue
        boxes.append(quad)
    return np.array(boxes) if boxes else np.zeros((0, 4, 2), dtype=np.float32)


def _mini_box(contour: np.ndarray) -> tuple[np.ndarray, float]:
    """The minimum-area rectangle around ``contour``: corners (left pair, then right pair, each
    ordered as rapidocr orders them) and its shorter side."""
    rect = cv2.minAreaRect(contour)
    points = sorted(list(cv2.boxPoints(rect)), key=lambda p: p[0])
    first, fourth = (0, 1) if points[1][1] > points[0][1] else (1, 0)
    second, third = (2, 3) if points[3][1] > points[2][1] else (3, 2)
    return np.array([points[first], points[second], points[third], points[fourth]]), min(rect[1])


def _box_score(probability: np.ndarray, box: np.ndarray) -> float:
    """Mean probability inside ``box`` (its corners rounded down to whole pixels)."""
    h, w = probability.shape[:2]
    box = box.copy()
    xmin = np.clip(np.floor(box[:, 0].min()).astype(np.int32), 0, w - 1)
    xmax = np.clip(np.ceil(box[:, 0].max()).astype(np.int32), 0, w - 1)
    ymin = np.clip(np.floor(box[:, 1].min()).astype(np.int32), 0, h - 1)
    ymax = np.clip(np.ceil(box[:, 1].max()).astype(np.int32), 0, h - 1)
    mask = np.zeros((ymax - ymin + 1, xmax - xmin + 1), dtype=np.uint8)
    box[:, 0] = box[:, 0] - xmin
    box[:, 1] = box[:, 1] - ymin
    cv2.fillPoly(mask, [box.reshape(-1, 2).astype(np.int32)], 1)
    return float(cv2.mean(probability[ymin : ymax + 1, xmin : xmax + 1], mask)[0])


def _unclip(box: np.ndarray) -> np.ndarray:
    """``box`` grown outwards by area x DB_UNCLIP_RATIO / perimeter (round joins)."""
    import pyclipper
    from shapely.geometry import Polygon

    polygon = Polygon(box)
    distance = polygon.area * DB_UNCLIP_RATIO / polygon.length
    offset = pyclipper.PyclipperOffset()
    offset.AddPath(box, pyclipper.JT_ROUND, pyclipper.ET_CLOSEDPOLYGON)
    return np.array(offset.Execute(distance)).reshape((-1, 1, 2))


def _clockwise(points: np.ndarray) -> np.ndarray:
    """Four points as top-left, top-right, bottom-right, bottom-left (float32)."""
    by_x = points[np.argsort(points[:, 0]), :]
    left, right = by_x[:2, :], by_x[2:, :]
    top_left, bottom_left = left[np.argsort(left[:, 1]), :]
    top_right, bottom_right = right[np.argsort(right[:, 1]), :]
    return np.array([top_left, top_right, bottom_right, bottom_left], dtype="float32")


def sort_boxes(boxes: np.ndarray) -> np.ndarray:
    """Top to bottom; boxes whose tops lie within ROW_Y_THRESHOLD of the previous one's form a row,
    read left to right."""
    y = boxes[:, 0, 1]
    by_y = np.argsort(y, kind="stable")
    boxes, y = boxes[by_y], y[by_y]
    rows = np.concatenate([[0], np.cumsum((np.diff(y) >= ROW_Y_THRESHOLD).astype(np.int32))])
    return boxes[np.lexsort((boxes[:, 0, 0], rows))]


def crop_line(image: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """The line inside ``quad`` (float32 corners) straightened into its own image."""
    width = int(max(np.linalg.norm(quad[0] - quad[1]), np.linalg.norm(quad[2] - quad[3])))
    height = int(max(np.linalg.norm(quad[0] - quad[3]), np.linalg.norm(quad[1] - quad[2])))
    target = np.array([[0, 0], [width, 0], [width, height], [0, height]]).astype(np.float32)
    matrix = cv2.getPerspectiveTransform(quad, target)
    crop = cv2.warpPerspective(
        image, matrix, (width, height), borderMode=cv2.BORDER_REPLICATE, flags=cv2.INTER_CUBIC
    )
    if crop.shape[0] * 1.0 / crop.shape[1] >= VERTICAL_CROP_ASPECT:
        crop = np.rot90(crop)
    return crop


def line_input(crop: np.ndarray, height: int, width: int) -> tuple[np.ndarray, int]:
    """A line crop (RGB) scaled to ``height`` and at most ``width``, left-aligned in a zero-padded
    C x height x width input; also the width it was scaled to."""
    h, w = crop.shape[:2]
    resized_w = min(width, int(math.ceil(height * (w / float(h)))))
    out = np.zeros((3, height, width), dtype=np.float32)
    out[:, :, :resized_w] = chw_bgr(cv2.resize(crop, (resized_w, height)), LINE_TABLE)
    return out, resized_w


@dataclass
class LineReading:
    """What the recogniser read in one line crop.

    ``words`` groups the characters (a new group at a space, a change between Chinese and
    Latin/digits, or a gap of more than 5 frames), ``word_cols`` gives each character's CTC frame,
    ``frames`` is how many frames the crop itself spans (its share of the padded input).
    """

    text: str
    score: float
    confs: list[float] = field(default_factory=list)
    words: list[list[str]] = field(default_factory=list)
    word_cols: list[list[int]] = field(default_factory=list)
    frames: float = 0.0


class TextRecognizer:
    """The CTC recogniser over line crops, on ``workers`` threads (see the module doc)."""

    def __init__(self, session: Any, workers: int) -> None:
        self.session = session
        self.input_name = session.get_inputs()[0].name
        characters = session.get_modelmeta().custom_metadata_map["character"].splitlines()
        self.characters = ["blank", *characters, " "]
        self.workers = workers
        self._pool: ThreadPoolExecutor | None = None

    def read_lines(self, crops: list[np.ndarray]) -> list[LineReading]:
        """What each line crop reads, in the order given; the widest lines go first, so the
        workers finish a page together instead of one waiting on the other's last long line."""
        if self.workers <= 1 or len(crops) <= 1:
            return [self.read(crop) for crop in crops]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(self.workers, thread_name_prefix="docproc-rec")
        widest_first = sorted(range(len(crops)), key=lambda i: -crops[i].shape[1])
        readings = dict(zip(widest_first, self._pool.map(self.read, [crops[i] for i in widest_first]), strict=True))
        return [readings[i] for i in range(len(crops))]

    def read(self, crop: np.ndarray) -> LineReading:
        h, w = crop.shape[:2]
        wh_ratio = w * 1.0 / h
        max_wh_ratio = max(REC_MIN_WIDTH / REC_HEIGHT, wh_ratio)
        tensor, _ = line_input(crop, REC_HEIGHT, int(REC_HEIGHT * max_wh_ratio))
        probabilities = self.session.run(None, {self.input_name: tensor[np.newaxis]})[0][0]
        reading = ctc_decode(probabilities.argmax(axis=1), probabilities.max(axis=1), self.characters)
        reading.frames = len(probabilities) * wh_ratio / max_wh_ratio
        return reading


def ctc_decode(indices: np.ndarray, probabilities: np.ndarray, characters: list[str]) -> LineReading:
    """Greedy CTC decoding of one line: repeated frames collapse, blanks (index 0) drop out;
    confidences rounded to 5 places, the line's score their mean."""
    selection = np.ones(len(indices), dtype=bool)
    selection[1:] = indices[1:] != indices[:-1]
    selection &= indices != 0
    confs = [round(conf, 5) for conf in np.array(probabilities[selection]).tolist()] or [0]
    text = "".join(characters[i] for i in indices[selection])
    reading = LineReading(text, np.mean(confs).round(5).tolist(), confs)
    reading.words, reading.word_cols = _words(text, selection)
    return reading


def _is_chinese(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3000" <= char <= "\u303f" or "\uff00" <= char <= "\uffef"


def _words(text: str, selection: np.ndarray) -> tuple[list[list[str]], list[list[int]]]:
    """The characters of a decoded line in word groups, with the frame of each (see LineReading)."""
    columns = np.where(selection)[0]
    if len(columns) <= 0:
        return [], []
    gaps = np.zeros(columns.shape)
    gaps[1:] = columns[1:] - columns[:-1]
    gaps[0] = min(3 if any(_is_chinese(c) for c in text[0]) else 2, int(columns[0]))
    words: list[list[str]] = []
    word_cols: list[list[int]] = []
    word: list[str] = []
    cols: list[int] = []
    state = None
    for i, char in enumerate(text):
        if char.isspace():
            if word:
                words.append(word)
                word_cols.append(cols)
                word, cols = [], []
            continue
        char_state = _is_chinese(char)
        if state is None:
            state = char_state
        if state != char_state or gaps[i] > 5:
            if word:
                words.append(word)
                word_cols.append(cols)
                word, cols = [], []
            state = char_state
        word.append(char)
        cols.append(int(columns[i]))
    if word:
        words.append(word)
        word_cols.append(cols)
    return words, word_cols


def turn_upside_down_lines(session: Any, crops: list[np.ndarray]) -> list[np.ndarray]:
    """Line crops the orientation classifier reads as upside down (score > CLS_THRESH) turned by
    180 degrees; batches of CLS_BATCH crops of similar width, as rapidocr's classifier."""
    name = session.get_inputs()[0].name
    crops = list(crops)
    order = np.argsort(np.array([c.shape[1] / float(c.shape[0]) for c in crops]))
    for start in range(0, len(crops), CLS_BATCH):
        batch = order[start : start + CLS_BATCH]
        tensor = np.stack([line_input(crops[i], CLS_HEIGHT, CLS_WIDTH)[0] for i in batch])
        scores = session.run(None, {name: tensor})[0]
        for i, row in zip(batch, scores, strict=True):
            label = int(row.argmax())
            if label == 1 and row[label] > CLS_THRESH:
                crops[i] = cv2.rotate(crops[i], 1)
    return crops
