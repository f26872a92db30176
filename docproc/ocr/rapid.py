"""The default engine: PaddleOCR's PP-OCRv6 models from the rapidocr wheel on ONNX Runtime (CPU).

The models are checked against ``models/ocr/manifest.json`` when the engine is created; the
detector and recogniser load their prepared copies (denormal weights flushed to zero, see
``docproc.ocr.prepare_models``), made on first use if ``make install`` did not make them.

Speed on a 2-core machine comes from four settings, none of which changes what is read:
the flushed weights; one process with 2 intra-op threads; threads that sleep instead of spinning
while they wait for work (ONNX Runtime's ``session.intra_op.allow_spinning`` 0, in sessions docproc
makes and hands to rapidocr through its ``session`` entry): the recogniser runs one short call per
line, and between calls spinning threads burnt a third of the process's CPU (same text on every
page; the whole process 1.5x faster on the shared 2-core machine); and running the *detector* on a
page scaled to ``det_limit_side_len`` (1024 px long side) while the recogniser still reads its line
crops from the page at rapidocr's 2000-px ``max_side_len``. The recogniser runs one line per call
(``rec_batch_num=1``).

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
  recognised: 1.2x slower on the shared 2-core machine (three busy threads on two cores).

Each line also carries where its characters were read (``OcrLine.chars``), kept in the document
record as ``Line.char_boxes`` for later stages to point at single characters. The
recogniser emits each character at one time step (CTC frame, 8 px of its 48-px-high input, so 1/6
of the line height) along the line; rapidocr's ``return_word_box`` keeps those frame indices, and
this module maps them straight back onto the page. rapidocr's own word boxes are not used: they
cost ~40 ms per page (a perspective transform per character) and move the centres when it trims
overlapping boxes. Keeping the frame indices costs ~5–8 ms of CPU per page (decoding them 2–4 ms,
placing them 2–4 ms).
"""

from __future__ import annotations

import logging
from typing import Any

import cv2
import numpy as np
from omegaconf import open_dict

from docproc.errors import MissingDependencyError, OcrError, UsageError
from docproc.ocr.base import Box, OcrChar, OcrLine, box_of_polygon, check_page_image
from docproc.ocr.models import model_path

DEFAULT_THREADS = 2
DEFAULT_MAX_SIDE_LEN = 2000
DEFAULT_DET_LIMIT_SIDE_LEN = 1024
DEFAULT_TEXT_SCORE = 0.5
# rapidocr turns a line crop this much taller than wide by 90 degrees (a vertical line)
VERTICAL_LINE_ASPECT = 1.5


class RapidEngine:
    """``get_engine("rapid", threads=2, det_limit_side_len=1024, max_side_len=2000, ...)``.

    Options:
        threads: ONNX Runtime intra-op threads (default 2).
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
        self.char_positions = bool(char_positions)
        self._ocr = self._load(text_score)

    def _load(self, text_score: float) -> Any:
        paths = {role: str(model_path(role)) for role in ("det", "rec", "cls")}
        try:
            from rapidocr import RapidOCR
        except ImportError as exc:
            raise MissingDependencyError(
                f"the rapidocr package cannot be imported ({exc}); run: pip install docproc"
            ) from None
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        char_position_ocr = _with_char_positions(RapidOCR)
        params: dict[str, Any] = {
            "Global.log_level": "error",
            "Global.text_score": text_score,
            "Global.max_side_len": self.max_side_len,
            "Global.use_cls": self.line_orientation,
            "EngineConfig.onnxruntime.intra_op_num_threads": self.threads,
            "EngineConfig.onnxruntime.inter_op_num_threads": 1,
            "Det.model_path": paths["det"],
            "Det.limit_type": "max",
            "Det.limit_side_len": self.det_limit_side_len,
            "Rec.model_path": paths["rec"],
            "Rec.rec_batch_num": 1,
            "Cls.model_path": paths["cls"],
        }
        ocr = char_position_ocr(params=params)
        # rapidocr takes a ready ONNX Runtime session from a section's ``session`` entry (its own
        # would spin its threads while waiting, see the module doc)
        for section, role in ((ocr.cfg.Det, "det"), (ocr.cfg.Rec, "rec")):
            section._set_flag("allow_objects", True)
            with open_dict(section):
                section.session = self._session(paths[role])
        return ocr

    def _session(self, path: str) -> Any:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 4
        options.enable_cpu_mem_arena = False  # as rapidocr: line crops change size every call
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = self.threads
        options.inter_op_num_threads = 1
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])

    def recognize(self, image: np.ndarray) -> list[OcrLine]:
        check_page_image(image)
        bgr = cv2.cvtColor(image, cv2.COLOR_RGB2BGR)
        try:
            result = self._ocr(bgr, return_word_box=self.char_positions)
        except Exception as exc:  # onnxruntime and rapidocr raise plain exceptions
            raise OcrError(
                f"rapid OCR failed on a {image.shape[1]}x{image.shape[0]} page: {exc}"
            ) from exc
        return lines_from_rapid_result(result)


class LineCharPositions:
    """What ``calc_word_boxes`` returns for one line here: its characters (None for a vertical
    line or when the recogniser gave no positions). Always true, as rapidocr's filters expect."""

    def __init__(self, chars: list[OcrChar] | None) -> None:
        self.chars = chars


def _with_char_positions(rapid_ocr_class: type) -> Any:
    """A RapidOCR whose per-line "word results" are :class:`LineCharPositions`."""

    class RapidOCRWithCharPositions(rapid_ocr_class):
        def calc_word_boxes(
            self, img: list[np.ndarray], dt_boxes: np.ndarray, rec_res: Any
        ) -> tuple[LineCharPositions, ...]:
            return tuple(
                LineCharPositions(char_positions(text, np.asarray(quad), crop.shape[1], info))
                for crop, quad, text, info in zip(
                    img, dt_boxes, rec_res.txts, rec_res.word_results, strict=True
                )
            )

    return RapidOCRWithCharPositions


def char_positions(text: str, quad: np.ndarray, crop_width: int, word_info: Any) -> list[OcrChar] | None:
    """The characters of one recognised line placed on the page.

    ``quad`` is the line's detection box (4 points clockwise from top-left, page pixels),
    ``crop_width`` the width of the line crop the recogniser read, ``word_info`` rapidocr's
    ``WordInfo`` of the line: its characters grouped in words, the CTC frame index of each, and
    ``line_txt_len``, the number of frames the crop spans.
    """
    top_left, top_right, bottom_right, bottom_left = (np.asarray(p, dtype=float) for p in quad[:4])
    width = float(np.linalg.norm(top_right - top_left))
    height = float(np.linalg.norm(bottom_left - top_left))
    frames = float(getattr(word_info, "line_txt_len", 0.0) or 0.0)
    if width <= 0 or frames <= 0 or height >= VERTICAL_LINE_ASPECT * width or crop_width <= 0:
        return None
    chars = [c for word in word_info.words for c in word]
    columns = [col for word_cols in word_info.word_cols for col in word_cols]
    confidences = [conf for c, conf in zip(text, word_info.confs, strict=False) if not c.isspace()]
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


def lines_from_rapid_result(result: Any) -> list[OcrLine]:
    """Convert a rapidocr result (``boxes``, ``txts``, ``scores``, ``word_results`` when asked
    for) into OcrLines."""
    boxes = getattr(result, "boxes", None)
    texts = getattr(result, "txts", None)
    scores = getattr(result, "scores", None)
    if boxes is None or texts is None or scores is None:
        return []
    positions = getattr(result, "word_results", None) or ()
    if len(positions) != len(texts) or not all(isinstance(p, LineCharPositions) for p in positions):
        positions = [LineCharPositions(None)] * len(texts)
    lines = []
    for quad, text, score, line_chars in zip(boxes, texts, scores, positions, strict=True):
        polygon = [(float(x), float(y)) for x, y in np.asarray(quad).reshape(-1, 2)]
        lines.append(
            OcrLine(
                text=str(text),
                box=box_of_polygon(polygon),
                confidence=float(min(max(score, 0.0), 1.0)),
                polygon=polygon,
                chars=line_chars.chars,
            )
        )
    return lines
