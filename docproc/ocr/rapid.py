"""The default engine: PaddleOCR's PP-OCRv6 models from the rapidocr wheel on ONNX Runtime (CPU).

The models are checked against ``models/ocr/manifest.json`` when the engine is created; the
detector and recogniser load their prepared copies (denormal weights flushed to zero, see
``docproc.ocr.prepare_models``), made on first use if ``make install`` did not make them. The
steps around the models (scaling, DB boxes, crops, CTC decoding) are ``docproc.ocr.ppocr``, which
reads a page exactly as rapidocr 3.10's ``RapidOCR`` does without importing rapidocr.

Speed on a 2-core machine comes from settings none of which changes what is read: the flushed
weights; ONNX Runtime threads that sleep instead of spinning while they wait for work
(``session.intra_op.allow_spinning`` 0: spinning threads burnt a third of the process's CPU
between the recogniser's short calls); the detector on a 2-thread session, on a page scaled to
``det_limit_side_len`` (1024 px long side) while the recogniser still reads its line crops from
the page at rapidocr's 2000-px ``max_side_len``; the recogniser reading one line per call, lines
spread over ``threads`` worker threads each with a one-thread session (``docproc.ocr.ppocr``);
ONNX Runtime's memory arena (without it each call's large tensors came fresh from the system:
0.4 s of page faults per 6 pages); no rapidocr import (0.45 s per process).

Measured and left out (issue 12), on the 45 rendered and real fixture pages with references:

* batching line crops of about the same width (whole lines of a page together): no faster on
  this CPU, ONNX Runtime's convolutions gain nothing from the batch dimension here;
* reading only the box around the page's ink, and sizing the detector from the page's text-line
  height: CER unchanged, but the detector's boxes moved, a spaced name (``李  悦``) lost a
  character and member lists lost the space between name and position, which extraction needs;
  below 1024 px the detector also read a seal's ring text;
* narrowing line crops to 0.7–0.75 of their width (the recogniser's cost is linear in the width):
  CER unchanged, 15 % less CPU, but spaces between a name and a position and the dots of an e-mail
  address were lost (at 0.6 characters were too);
* reading and straightening the next page of a file on a second thread while this one is
  recognised: 1.2x slower on the shared 2-core machine (three busy threads on two cores);
* int8 models (``onnxruntime.quantization``; static, QDQ, per-channel weights, MinMax ranges from
  198 line crops and 15 pages of ``fixtures/notices/*/clean-p*.png``, none of them a bench page):
  the recogniser took 0.7x the CPU but read 15 of the 6 bench pages' 147 lines differently (27 of
  2917 characters); the detector took 0.6x, real notice pages read the same and rendered pages a
  little better (CER 0.497 → 0.493 %), but the real form pages went from 28 % to 37 % CER. Dynamic
  int8 (``ConvInteger``) was 4x slower. No CER loss was the condition, so both stay float32;
* ONNX Runtime's graph optimisation below ``ORT_ENABLE_ALL`` (the NCHWc layout): 10–20 % slower.

Each line also carries where its characters were read (``OcrLine.chars``), kept in the document
record as ``Line.char_boxes`` for later stages to point at single characters. The
recogniser emits each character at one time step (CTC frame, 8 px of its 48-px-high input, so 1/6
of the line height) along the line; the decoder keeps those frame indices, and this module maps
them straight back onto the page (rapidocr's own word boxes cost ~40 ms per page, a perspective
transform per character, and move the centres when it trims overlapping boxes).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from docproc.errors import MissingDependencyError, OcrError, UsageError
from docproc.ocr.base import Box, OcrChar, OcrLine, box_of_polygon, check_page_image
from docproc.ocr.models import model_path
from docproc.ocr.ppocr import (
    VERTICAL_CROP_ASPECT,
    LineReading,
    TextDetector,
    TextRecognizer,
    boxes_to_page,
    crop_line,
    pad_wide_page,
    scale_within_bounds,
    turn_upside_down_lines,
)

DEFAULT_THREADS = 2
DEFAULT_MAX_SIDE_LEN = 2000
DEFAULT_DET_LIMIT_SIDE_LEN = 1024
DEFAULT_TEXT_SCORE = 0.5


class RapidEngine:
    """``get_engine("rapid", threads=2, det_limit_side_len=1024, max_side_len=2000, ...)``.

    Options:
        threads: ONNX Runtime threads of the detector, and the recogniser's worker threads
            (default 2).
        det_limit_side_len: long side, in px, of the page the detector sees (default 1024).
        max_side_len: long side the page is scaled down to before detection and recognition
            (rapidocr's 2000 by default; more costs time and memory for no accuracy).
        line_orientation: run the 0/180-degree text-line classifier on every line (default
            False: ``docproc.layout.scan.prepare_scan`` turns whole pages upright instead).
        text_score: lines recognised with a lower confidence are dropped (default 0.5).
        char_positions: give each line its characters' positions, ``OcrLine.chars`` (default
            True; False gives lines without them, as engines that cannot tell).
    """

    name = "rapid"

    def __init__(
        self,
        *,
        threads: int = DEFAULT_THREADS,
        det_limit_side_len: int = DEFAULT_DET_LIMIT_SIDE_LEN,
        max_side_len: int = DEFAULT_MAX_SIDE_LEN,
        line_orientation: bool = False,
        text_score: float = DEFAULT_TEXT_SCORE,
        char_positions: bool = True,
    ) -> None:
        for option, value in (
            ("threads", threads),
            ("det_limit_side_len", det_limit_side_len),
            ("max_side_len", max_side_len),
        ):
            if not isinstance(value, int) or value < 1:
                raise UsageError(
                    f"rapid OCR option {option} must be a positive integer, not {value!r}"
                )
        if not 0.0 <= text_score <= 1.0:
            raise UsageError(f"rapid OCR option text_score must be within 0..1, not {text_score!r}")
        self.threads = threads
        self.det_limit_side_len = det_limit_side_len
        self.max_side_len = max_side_len
        self.line_orientation = line_orientation
        self.text_score = text_score
        self.char_positions = bool(char_positions)
        self._detector = TextDetector(self._session("det", threads), det_limit_side_len)
        self._recognizer = TextRecognizer(self._session("rec", 1), workers=threads)
        self._classifier = self._session("cls", threads) if line_orientation else None

    def _session(self, role: str, threads: int) -> Any:
        path = str(model_path(role))
        try:
            import onnxruntime as ort
        except ImportError as exc:
            raise MissingDependencyError(
                f"the onnxruntime package cannot be imported ({exc}); run: pip install docproc"
            ) from None
        options = ort.SessionOptions()
        options.log_severity_level = 4
        # ONNX Runtime's memory arena keeps the buffers of one call for the next: without it every
        # call's large tensors came fresh from the system, 0.4 s of page faults per 6 pages
        options.enable_cpu_mem_arena = True
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        check_page_image(image)
        try:
            return self._read(image)
        except Exception as exc:  # onnxruntime and OpenCV raise plain exceptions
            raise OcrError(
                f"rapid OCR failed on a {image.shape[1]}x{image.shape[0]} page: {exc}"
            ) from exc

    def _read(self, image: np.ndarray) -> list[OcrLine]:
        height, width = image.shape[:2]
        scaled, scale = scale_within_bounds(image, self.max_side_len)
        scaled = pad_wide_page(scaled, scale)
        quads = self._detector(scaled)
        if not len(quads):
            return []
        crops = [crop_line(scaled, quad) for quad in quads]
        upright = crops if self._classifier is None else turn_upside_down_lines(self._classifier, crops)
        readings = self._recognizer.read_lines(upright)
        quads = boxes_to_page(quads, scale, height, width)
        lines = []
        for quad, crop, reading in zip(quads, crops, readings, strict=True):
            if not reading.text.strip() or reading.score < self.text_score:
                continue
            polygon = [(float(x), float(y)) for x, y in quad.reshape(-1, 2)]
            chars = None
            if self.char_positions:  # the crop's width on the page as given
                chars = char_positions(reading.text, quad, round(crop.shape[1] * scale.ratio_w), reading)
            lines.append(
                OcrLine(
                    text=reading.text,
                    box=box_of_polygon(polygon),
                    confidence=float(min(max(reading.score, 0.0), 1.0)),
                    polygon=polygon,
                    chars=chars,
                )
            )
        return lines


def char_positions(text: str, quad: np.ndarray, crop_width: int, reading: LineReading) -> list[OcrChar] | None:
    """The characters of one recognised line placed on the page.

    ``quad`` is the line's detection box (4 points clockwise from top-left, page pixels),
    ``crop_width`` the width of the line crop the recogniser read, ``reading`` what it read there:
    its characters grouped in words, the CTC frame index of each, and ``frames``, the number of
    frames the crop spans.
    """
    top_left, top_right, bottom_right, bottom_left = (np.asarray(p, dtype=float) for p in quad[:4])
    width = float(np.linalg.norm(top_right - top_left))
    height = float(np.linalg.norm(bottom_left - top_left))
    frames = float(reading.frames or 0.0)
    if width <= 0 or frames <= 0 or height >= VERTICAL_CROP_ASPECT * width or crop_width <= 0:
        return None
    chars = [c for word in reading.words for c in word]
    columns = [col for word_cols in reading.word_cols for col in word_cols]
    confidences = [conf for c, conf in zip(text, reading.confs, strict=False) if not c.isspace()]
    if "".join(chars) != "".join(text.split()) or len(columns) != len(chars):
        return None
    if len(confidences) != len(chars):
        confidences = [1.0] * len(chars)
    y0 = float(min(top_left[1], top_right[1]))
    y1 = float(max(bottom_left[1], bottom_right[1]))

    def page_x(fraction: float) -> float:  # along the line's axis, averaged over top and bottom edge
        top = top_left[0] + fraction * (top_right[0] - top_left[0])
        bottom = bottom_left[0] + fraction * (bottom_right[0] - bottom_left[0])
        return float(top + bottom) / 2.0

    result = []
    for char, column, confidence in zip(chars, columns, confidences, strict=True):
        box: Box = (page_x(column / frames), y0, page_x((column + 1) / frames), y1)
        result.append(OcrChar(char, box, float(min(max(confidence, 0.0), 1.0))))
    return result
